<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About MemAtlas</source>
        <translation>关于 MemAtlas</translation>
    </message>
    <message>
        <source>See Linux memory: address spaces, pages and frames, free and cache.</source>
        <translation>看见 Linux 内存：地址空间、页与物理页框、空闲内存与缓存。</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Built from:</source>
        <translation>构建自：</translation>
    </message>
    <message>
        <source>git %1</source>
        <translation>git %1</translation>
    </message>
    <message>
        <source>&lt;a href=&quot;https://www.gnu.org/licenses/old-licenses/gpl-2.0.html&quot;&gt;GNU General Public License, version 2 or later&lt;/a&gt; (GPL-2.0-or-later)</source>
        <translation>&lt;a href=&quot;https://www.gnu.org/licenses/old-licenses/gpl-2.0.html&quot;&gt;GNU 通用公共许可证第 2 版或更高版本&lt;/a&gt;（GPL-2.0-or-later）</translation>
    </message>
    <message>
        <source>License:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Qt:</source>
        <translation>Qt：</translation>
    </message>
    <message>
        <source>%1 (built with %2)</source>
        <translation>%1（构建时为 %2）</translation>
    </message>
    <message>
        <source>KSyntaxHighlighting:</source>
        <translation>KSyntaxHighlighting：</translation>
    </message>
    <message>
        <source>MemAtlas comes with ABSOLUTELY NO WARRANTY. It is free software: you may redistribute and change it under the terms of the license.</source>
        <translation>MemAtlas 不提供任何担保。它是自由软件：你可以按照该许可证的条款重新发布和修改它。</translation>
    </message>
</context>
<context>
    <name>AddressSpacePainter</name>
    <message>
        <source>%1-bit address space: user %2, kernel %2</source>
        <translation>%1 位地址空间：用户空间 %2，内核空间 %2</translation>
    </message>
    <message>
        <source>32-bit process: %1 of user space (%2 – %3)</source>
        <translation>32 位进程：用户空间 %1（%2 – %3）</translation>
    </message>
    <message>
        <source>true scale: height ∝ size</source>
        <translation>真实比例：高度 ∝ 大小</translation>
    </message>
    <message>
        <source>compressed: free space shrunk, height ∝ log(size)</source>
        <translation>压缩比例：空闲区已缩小，高度 ∝ log(大小)</translation>
    </message>
    <message>
        <source>[bss]</source>
        <translation>[bss]</translation>
    </message>
    <message>
        <source>[thread stack]</source>
        <translation>[线程栈]</translation>
    </message>
    <message>
        <source>[guard]</source>
        <translation>[保护区]</translation>
    </message>
    <message>
        <source>[shared anon]</source>
        <translation>[共享匿名]</translation>
    </message>
    <message>
        <source>[library bss]</source>
        <translation>[库的 bss]</translation>
    </message>
    <message>
        <source>[anon]</source>
        <translation>[匿名]</translation>
    </message>
    <message numerus="yes">
        <source>%n mappings</source>
        <translation>
            <numerusform>%n 个映射</numerusform>
        </translation>
    </message>
    <message>
        <source>heap grows ↑</source>
        <translation>堆向上增长 ↑</translation>
    </message>
    <message>
        <source>mmap area grows ↑</source>
        <translation>mmap 区向上增长 ↑</translation>
    </message>
    <message>
        <source>mmap area grows ↓</source>
        <translation>mmap 区向下增长 ↓</translation>
    </message>
    <message>
        <source>stack grows ↓</source>
        <translation>栈向下增长 ↓</translation>
    </message>
    <message>
        <source>kernel space · %1</source>
        <translation>内核空间 · %1</translation>
    </message>
    <message>
        <source>mapped in every process, not accessible from user mode</source>
        <translation>映射在每个进程中，用户态无法访问</translation>
    </message>
    <message>
        <source>%1 of kernel space</source>
        <translation>内核空间 %1</translation>
    </message>
    <message>
        <source>%1 free</source>
        <translation>空闲 %1</translation>
    </message>
    <message>
        <source>▼ user space: %1 and below · %2</source>
        <translation>▼ 用户空间：%1 及以下 · %2</translation>
    </message>
    <message>
        <source>▲ kernel space: %1 and above · %2</source>
        <translation>▲ 内核空间：%1 及以上 · %2</translation>
    </message>
    <message>
        <source>non-canonical hole · %1 · no valid addresses</source>
        <translation>非规范地址空洞 · %1 · 无有效地址</translation>
    </message>
    <message>
        <source>read-only segment</source>
        <translation>只读段</translation>
    </message>
    <message>
        <source>code, constants</source>
        <translation>代码、常量</translation>
    </message>
    <message>
        <source>data segment</source>
        <translation>数据段</translation>
    </message>
    <message>
        <source>globals, bss</source>
        <translation>全局变量、bss</translation>
    </message>
    <message>
        <source>heap</source>
        <translation>堆</translation>
    </message>
    <message>
        <source>brk: small mallocs</source>
        <translation>brk：小块 malloc</translation>
    </message>
    <message>
        <source>file mappings</source>
        <translation>文件映射段</translation>
    </message>
    <message>
        <source>libraries, mmap</source>
        <translation>共享库、mmap</translation>
    </message>
    <message>
        <source>stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>locals, calls</source>
        <translation>局部变量、函数调用</translation>
    </message>
    <message>
        <source>Segment kinds</source>
        <translation>段类型</translation>
    </message>
</context>
<context>
    <name>AddressSpaceView</name>
    <message>
        <source>Virtual address space</source>
        <translation>虚拟地址空间</translation>
    </message>
    <message>
        <source>Free (unmapped) user space</source>
        <translation>空闲（未映射）的用户空间</translation>
    </message>
    <message>
        <source>Kernel space: mapped in every process, not accessible from user mode</source>
        <translation>内核空间：映射在每个进程中，用户态无法访问</translation>
    </message>
    <message>
        <source>Non-canonical hole: no valid addresses</source>
        <translation>非规范地址空洞：无有效地址</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>&amp;Start the demo</source>
        <translation>启动演示(&amp;S)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <source>Start mematlas-demo, a small process whose memory changes when you press the buttons below. Open it in the map and the page view to watch.</source>
        <translation>启动 mematlas-demo：一个小进程，按下面的按钮它的内存就会变化。在地址空间图和页面视图中打开它即可观察。</translation>
    </message>
    <message>
        <source>End the demo process (and its child, if it has one).</source>
        <translation>结束演示进程（如果有子进程，也一并结束）。</translation>
    </message>
    <message>
        <source>Heap (brk):</source>
        <translation>堆（brk）：</translation>
    </message>
    <message>
        <source> blocks</source>
        <translation> 块</translation>
    </message>
    <message>
        <source>How many blocks to allocate</source>
        <translation>要分配的块数</translation>
    </message>
    <message>
        <source> B</source>
        <translation> B</translation>
    </message>
    <message>
        <source>Bytes per block: below the 128 KiB mmap threshold, so they come from the heap</source>
        <translation>每块的字节数：低于 128 KiB 的 mmap 阈值，因此从堆中分配</translation>
    </message>
    <message>
        <source>malloc small blocks</source>
        <translation>malloc 小块</translation>
    </message>
    <message>
        <source>malloc many small blocks and write to them: the [heap] grows through brk</source>
        <translation>用 malloc 分配许多小块并写入：[heap] 通过 brk 增长</translation>
    </message>
    <message>
        <source>Free them</source>
        <translation>释放小块</translation>
    </message>
    <message>
        <source>free the small blocks (all but the highest): the heap does not shrink, malloc keeps the memory for reuse</source>
        <translation>用 free 释放这些小块（最高处的一块除外）：堆不会缩小，malloc 把这些内存留着重复使用</translation>
    </message>
    <message>
        <source>mmap:</source>
        <translation>mmap：</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Size of the large block</source>
        <translation>大块的大小</translation>
    </message>
    <message>
        <source>malloc a large block</source>
        <translation>malloc 大块</translation>
    </message>
    <message>
        <source>malloc one block above the 128 KiB threshold: it gets an anonymous mapping of its own, with no page in RAM yet</source>
        <translation>用 malloc 分配一个超过 128 KiB 阈值的块：它得到一个独立的匿名映射，此时还没有任何页在内存中</translation>
    </message>
    <message>
        <source>Touch its pages</source>
        <translation>访问它的页</translation>
    </message>
    <message>
        <source>Write one byte to every page of the large block: each first write is a page fault, and the page turns present</source>
        <translation>向大块的每一页写入一个字节：每页的第一次写入都是一次缺页异常，之后该页就在内存中了</translation>
    </message>
    <message>
        <source>Free it</source>
        <translation>释放大块</translation>
    </message>
    <message>
        <source>free the large block: its mapping goes back to the system at once</source>
        <translation>用 free 释放大块：它的映射立即归还系统</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Map a file</source>
        <translation>映射文件</translation>
    </message>
    <message>
        <source>mmap a new 1 MiB file read-only and read it: a file-backed mapping of page-cache pages</source>
        <translation>用 mmap 以只读方式映射一个新建的 1 MiB 文件并读取它：得到一个由页缓存中的页组成的文件映射</translation>
    </message>
    <message>
        <source>Unmap it</source>
        <translation>解除映射</translation>
    </message>
    <message>
        <source>munmap the file</source>
        <translation>用 munmap 解除文件映射</translation>
    </message>
    <message>
        <source>fork:</source>
        <translation>fork：</translation>
    </message>
    <message>
        <source>Fork a child</source>
        <translation>fork 子进程</translation>
    </message>
    <message>
        <source>fork a child process: it shares every page with the demo, copy-on-write</source>
        <translation>fork 一个子进程：它以写时复制的方式与演示进程共享所有页</translation>
    </message>
    <message>
        <source>Child writes</source>
        <translation>子进程写入</translation>
    </message>
    <message>
        <source>The child writes one byte into a shared page: copy-on-write gives it its own copy</source>
        <translation>子进程向一个共享页写入一个字节：写时复制为它生成一份自己的副本</translation>
    </message>
    <message>
        <source>Child exits</source>
        <translation>子进程退出</translation>
    </message>
    <message>
        <source>End the child and reap it</source>
        <translation>结束子进程并回收（wait）它</translation>
    </message>
    <message>
        <source>Stack:</source>
        <translation>栈：</translation>
    </message>
    <message>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <source>Stack to use; the demo refuses more than its stack limit (ulimit -s) allows</source>
        <translation>要用掉的栈大小；超过栈大小限制（ulimit -s）时演示进程会拒绝</translation>
    </message>
    <message>
        <source>Grow the stack</source>
        <translation>增长栈</translation>
    </message>
    <message>
        <source>Recurse until this much stack is used: [stack] grows down, and stays grown</source>
        <translation>递归直到用掉这么多栈：[stack] 向下增长，并保持增长后的大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Addresses, sizes and page-fault counts of the demo</source>
        <translation>演示进程的地址、大小和缺页异常次数</translation>
    </message>
    <message>
        <source>Started the demo process, pid %1.</source>
        <translation>已启动演示进程，pid %1。</translation>
    </message>
    <message>
        <source>The demo process has ended.</source>
        <translation>演示进程已结束。</translation>
    </message>
    <message>
        <source>The demo is not running.</source>
        <translation>演示进程未在运行。</translation>
    </message>
    <message>
        <source>Demo pid %1, its child %2</source>
        <translation>演示进程 pid %1，子进程 %2</translation>
    </message>
    <message>
        <source>Demo pid %1</source>
        <translation>演示进程 pid %1</translation>
    </message>
    <message>
        <source>%1 refused: %2</source>
        <translation>%1 被拒绝：%2</translation>
    </message>
    <message numerus="yes">
        <source>Allocated %n small block(s) of %1, but this malloc does not use brk: there is no [heap].</source>
        <translation>
            <numerusform>已分配 %n 个 %1 的小块，但这个 malloc 不使用 brk：没有 [heap]。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Heap end stayed at %1: %n small block(s) of %2 reused memory that malloc had kept.</source>
        <translation>
            <numerusform>堆末端仍在 %1：%n 个 %2 的小块重用了 malloc 留着的内存。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Freed %n small block(s); the heap end fell to %1: glibc gave free memory at its top back.</source>
        <translation>
            <numerusform>已释放 %n 个小块；堆末端降到 %1：glibc 把堆顶的空闲内存归还了系统。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Freed %n small block(s); the heap end stayed at %1: malloc keeps freed brk memory for reuse, and the highest block (%2) is still in use.</source>
        <translation>
            <numerusform>已释放 %n 个小块；堆末端仍在 %1：malloc 把释放的 brk 内存留着重复使用，而且最高处的块（%2）仍在使用。</numerusform>
        </translation>
    </message>
    <message>
        <source>malloc(%1) got an anonymous mapping of its own at %2, as it is above the 128 KiB mmap threshold. None of its pages is in RAM yet.</source>
        <translation>malloc(%1) 超过了 128 KiB 的 mmap 阈值，因此在 %2 得到一个独立的匿名映射。它的页目前都不在内存中。</translation>
    </message>
    <message numerus="yes">
        <source>Mapped %1 (%2) read-only at %3 and read its %n page(s): %4 minor, %5 major page faults. Its pages are page-cache pages, shared with everyone reading the file.</source>
        <translation>
            <numerusform>已在 %3 以只读方式映射 %1（%2）并读取了它的 %n 页：次缺页异常 %4 次，主缺页异常 %5 次。这些页是页缓存中的页，与所有读取该文件的进程共享。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Touched %n page(s) of the large block: no page fault, they were in RAM already.</source>
        <translation>
            <numerusform>访问了大块的 %n 页：没有缺页异常，这些页已经在内存中。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Touched %n page(s) of the large block: %1 minor, %2 major page faults. Each first write to a page faults, and the kernel gives it a frame.</source>
        <translation>
            <numerusform>访问了大块的 %n 页：次缺页异常 %1 次，主缺页异常 %2 次。对每一页的第一次写入都会触发缺页异常，内核随即为它分配一个物理页框。</numerusform>
        </translation>
    </message>
    <message>
        <source>free() returned the %1 mapping at %2 to the system: it is gone from the map.</source>
        <translation>free() 已把位于 %2 的 %1 映射归还系统：它已从地址空间图上消失。</translation>
    </message>
    <message>
        <source>Unmapped %1 from %2.</source>
        <translation>已解除 %1 在 %2 处的映射。</translation>
    </message>
    <message>
        <source>Forked child %1: it shares every page with the demo until one of them writes (copy-on-write).</source>
        <translation>已 fork 出子进程 %1：在任何一方写入之前，它与演示进程共享所有页（写时复制）。</translation>
    </message>
    <message>
        <source>Child %1 wrote to %2: copy-on-write gave it its own copy of that page; the demo keeps the original.</source>
        <translation>子进程 %1 写入了 %2：写时复制为它生成了该页的副本；演示进程保留原来的页。</translation>
    </message>
    <message>
        <source>Child %1 exited and was reaped.</source>
        <translation>子进程 %1 已退出并被回收（wait）。</translation>
    </message>
    <message>
        <source>Recursion used %1 of stack, down to %2; the kernel keeps the [stack] mapping grown.</source>
        <translation>递归用掉了 %1 的栈，一直向下到 %2；内核让 [stack] 映射保持增长后的大小。</translation>
    </message>
    <message numerus="yes">
        <source>Demo pid %1: heap %2 to %3, %n small block(s), %4 minor and %5 major page faults so far.</source>
        <translation>
            <numerusform>演示进程 pid %1：堆 %2 到 %3，%n 个小块，至今次缺页异常 %4 次、主缺页异常 %5 次。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done.</source>
        <translation>%1 完成。</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>End the child, free every block and unmap the file: start a lesson afresh</source>
        <translation>结束子进程、释放所有块并解除文件映射：让一课从头开始</translation>
    </message>
    <message>
        <source>Reset: no child, no blocks, no mapped file. The heap still ends at %1: malloc keeps its brk memory.</source>
        <translation>已重置：没有子进程、没有分配的块、没有映射的文件。堆仍然结束于 %1：malloc 留着它的 brk 内存。</translation>
    </message>
    <message numerus="yes">
        <source>Heap end rose by %1, to %2: %n small block(s) of %3 came from brk.</source>
        <translation>
            <numerusform>堆末端上升了 %1，到达 %2：%n 个 %3 的小块来自 brk。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoProcess</name>
    <message>
        <source>Could not start the demo process %1: %2</source>
        <translation>无法启动演示进程 %1：%2</translation>
    </message>
    <message>
        <source>The demo program mematlas-demo was not found next to MemAtlas.</source>
        <translation>在 MemAtlas 所在的目录中找不到演示程序 mematlas-demo。</translation>
    </message>
    <message>
        <source>The demo process is not running; &quot;%1&quot; was not sent.</source>
        <translation>演示进程未在运行；没有发送“%1”。</translation>
    </message>
    <message>
        <source>A demo command is a single line; &quot;%1&quot; was not sent.</source>
        <translation>演示命令只能有一行；没有发送“%1”。</translation>
    </message>
    <message>
        <source>The demo process answered something that is not a JSON reply: %1</source>
        <translation>演示进程的回答不是 JSON 回复：%1</translation>
    </message>
    <message>
        <source>The demo process answered a command nobody sent: %1</source>
        <translation>演示进程回答了一条没有人发送过的命令：%1</translation>
    </message>
    <message>
        <source>The demo process did not stop within %1 s and was killed.</source>
        <translation>演示进程没有在 %1 秒内停止，已被强制结束。</translation>
    </message>
    <message>
        <source>The demo process crashed.</source>
        <translation>演示进程崩溃了。</translation>
    </message>
    <message>
        <source>The demo process exited with code %1.</source>
        <translation>演示进程已退出，退出码为 %1。</translation>
    </message>
    <message>
        <source>The demo process ended before answering &quot;%1&quot;.</source>
        <translation>演示进程在回答“%1”之前就结束了。</translation>
    </message>
</context>
<context>
    <name>FrameCensus</name>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>page cache</source>
        <translation>页缓存</translation>
    </message>
    <message>
        <source>slab</source>
        <translation>slab</translation>
    </message>
    <message>
        <source>page tables</source>
        <translation>页表</translation>
    </message>
    <message>
        <source>reserved / no page</source>
        <translation>保留 / 无页面</translation>
    </message>
    <message>
        <source>other kernel</source>
        <translation>其他内核内存</translation>
    </message>
</context>
<context>
    <name>FreePanel</name>
    <message>
        <source>total</source>
        <translation>总计</translation>
    </message>
    <message>
        <source>used</source>
        <translation>已用</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>buff/cache</source>
        <translation>缓冲/缓存</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>total: MemTotal, the RAM the kernel manages (physical memory minus firmware reservations and the kernel image). Swap: SwapTotal.</source>
        <translation>总计（total）：MemTotal，内核管理的内存（物理内存减去固件保留的部分和内核映像）。交换：SwapTotal。</translation>
    </message>
    <message>
        <source>used: total − available (procps-ng 4.0.1 and later), memory a new program could not get without swapping. Swap: SwapTotal − SwapFree.</source>
        <translation>已用（used）：total − available（procps-ng 4.0.1 及以后），即新程序不借助交换就拿不到的内存。交换：SwapTotal − SwapFree。</translation>
    </message>
    <message>
        <source>free: MemFree, memory holding nothing at all. Swap: SwapFree. Little free memory is normal: the kernel fills idle RAM with cache.</source>
        <translation>空闲（free）：MemFree，完全没有被使用的内存。交换：SwapFree。空闲内存少是正常的：内核会用缓存填满闲置的内存。</translation>
    </message>
    <message>
        <source>shared: Shmem, tmpfs files and shared memory (SysV, POSIX, memfd, shared anonymous mappings). Also counted in buff/cache.</source>
        <translation>共享（shared）：Shmem，tmpfs 文件和共享内存（SysV、POSIX、memfd、共享匿名映射）。它也计入缓冲/缓存。</translation>
    </message>
    <message>
        <source>buff/cache: Buffers + Cached + SReclaimable, block-device buffers, the page cache (file data, shmem included) and reclaimable kernel slab (dentries, inodes).</source>
        <translation>缓冲/缓存（buff/cache）：Buffers + Cached + SReclaimable，即块设备缓冲区、页缓存（文件数据，含 shmem）和可回收的内核 slab（dentry、inode）。</translation>
    </message>
    <message>
        <source>available: MemAvailable, the kernel&apos;s estimate of memory a new program can get without swapping: free memory plus the reclaimable part of cache and slab, minus reserves (Linux 3.14+).</source>
        <translation>可用（available）：MemAvailable，内核估计的新程序不借助交换就能得到的内存：空闲内存加上缓存和 slab 中可回收的部分，再减去保留内存（Linux 3.14+）。</translation>
    </message>
    <message>
        <source>Mem:</source>
        <translation>内存：</translation>
    </message>
    <message>
        <source>Swap:</source>
        <translation>交换：</translation>
    </message>
    <message>
        <source>%1 kB</source>
        <translation>%1 kB</translation>
    </message>
    <message>
        <source>used = total − available = %1 (procps-ng 4.0.1 and later, as above). The older formula total − free − buffers − cache (procps-ng 3, htop; the chart&apos;s lowest band) gives %2. They differ by %3 because cache includes memory that cannot simply be dropped (shmem and tmpfs, dirty and mapped pages) and the kernel keeps reserves: MemAvailable accounts for both, the older formula counts them as free to take.</source>
        <translation>已用（used）= total − available = %1（procps-ng 4.0.1 及以后，同上）。旧公式 total − free − buffers − cache（procps-ng 3、htop；即图表最下面的色带）得到 %2。两者相差 %3，因为缓存中有不能直接丢弃的内存（shmem 和 tmpfs、脏页和已映射的页），而且内核还要留出保留内存：MemAvailable 把这两点都考虑在内，旧公式却把它们当作可以随时拿走的内存。</translation>
    </message>
    <message>
        <source>This kernel reports no usable MemAvailable (before 3.14, or above MemTotal in some containers): available is MemFree here, as free(1) does.</source>
        <translation>此内核没有提供可用的 MemAvailable（早于 3.14，或在某些容器中大于 MemTotal）：这里的“可用”取 MemFree，与 free(1) 的做法相同。</translation>
    </message>
</context>
<context>
    <name>LessonLibrary</name>
    <message>
        <source>unknown key &quot;%1&quot; (known: %2)</source>
        <translation>未知的键 &quot;%1&quot;（已知的键：%2）</translation>
    </message>
    <message>
        <source>a &apos;&amp;&apos; that starts no entity (write &amp;amp; for the character)</source>
        <translation>&apos;&amp;&apos; 后面不是实体（字符 &amp; 本身请写成 &amp;amp;）</translation>
    </message>
    <message>
        <source>a &apos;&lt;&apos; that starts no tag (write &amp;lt; for the character)</source>
        <translation>&apos;&lt;&apos; 后面不是标签（字符 &lt; 本身请写成 &amp;lt;）</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not allowed; tags without attributes: %2</source>
        <translation>不允许使用 &lt;%1&gt;；可用的是以下不带属性的标签：%2</translation>
    </message>
    <message>
        <source>&lt;/%1&gt; closes nothing</source>
        <translation>&lt;/%1&gt; 没有可以关闭的标签</translation>
    </message>
    <message>
        <source>&lt;/%1&gt; where &lt;/%2&gt; is due</source>
        <translation>这里应该是 &lt;/%2&gt;，却是 &lt;/%1&gt;</translation>
    </message>
    <message>
        <source>&lt;%1&gt; is not closed</source>
        <translation>&lt;%1&gt; 没有关闭</translation>
    </message>
    <message>
        <source>&quot;text&quot; is an empty list</source>
        <translation>&quot;text&quot; 是空列表</translation>
    </message>
    <message>
        <source>&quot;text&quot; must be a string or a list of strings, none of them empty</source>
        <translation>&quot;text&quot; 必须是字符串或字符串列表，而且都不能为空</translation>
    </message>
    <message>
        <source>text part %1: %2</source>
        <translation>文本第 %1 部分：%2</translation>
    </message>
    <message>
        <source>an action is an object with one key, such as {&quot;view&quot;: &quot;map&quot;}</source>
        <translation>动作必须是只有一个键的对象，例如 {&quot;view&quot;: &quot;map&quot;}</translation>
    </message>
    <message>
        <source>unknown action &quot;%1&quot; (known: %2)</source>
        <translation>未知的动作 &quot;%1&quot;（已知的动作：%2）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes true or false</source>
        <translation>&quot;%1&quot; 的值只能是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a name or a list of names</source>
        <translation>&quot;%1&quot; 的值应为一个名称或名称列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes a name</source>
        <translation>&quot;%1&quot; 的值应为一个名称</translation>
    </message>
    <message>
        <source>&quot;%1&quot; takes names in quotes</source>
        <translation>&quot;%1&quot; 的名称必须加引号</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: &quot;%2&quot; does not exist; it must be one of: %3</source>
        <translation>&quot;%1&quot;：&quot;%2&quot; 不存在；它必须是以下之一：%3</translation>
    </message>
    <message>
        <source>a step is an object with &quot;text&quot; and &quot;actions&quot;</source>
        <translation>步骤必须是包含 &quot;text&quot; 和 &quot;actions&quot; 的对象</translation>
    </message>
    <message>
        <source>&quot;text&quot; is missing</source>
        <translation>缺少 &quot;text&quot;</translation>
    </message>
    <message>
        <source>&quot;actions&quot; must be a list</source>
        <translation>&quot;actions&quot; 必须是列表</translation>
    </message>
    <message>
        <source>action %1: %2</source>
        <translation>动作 %1：%2</translation>
    </message>
    <message>
        <source>&quot;format&quot; is missing (this version reads &quot;format&quot;: %1)</source>
        <translation>缺少 &quot;format&quot;（此版本读取 &quot;format&quot;: %1）</translation>
    </message>
    <message>
        <source>&quot;format&quot; must be a whole number such as %1</source>
        <translation>&quot;format&quot; 必须是整数，例如 %1</translation>
    </message>
    <message>
        <source>written for a newer MemAtlas (format %1); this version reads format %2</source>
        <translation>为更新版本的 MemAtlas 编写（格式 %1）；此版本读取格式 %2</translation>
    </message>
    <message>
        <source>&quot;id&quot; must be a name of lower-case letters, digits and single dashes, such as &quot;page-faults&quot;</source>
        <translation>&quot;id&quot; 必须是由小写字母、数字和单个连字符组成的名称，例如 &quot;page-faults&quot;</translation>
    </message>
    <message>
        <source>&quot;title&quot; is missing or empty</source>
        <translation>&quot;title&quot; 缺失或为空</translation>
    </message>
    <message>
        <source>&quot;steps&quot; must be a list of at least one step</source>
        <translation>&quot;steps&quot; 必须是至少包含一个步骤的列表</translation>
    </message>
    <message>
        <source>larger than %1 KiB, which no lesson needs</source>
        <translation>大于 %1 KiB，没有哪一课需要这么大</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <source>the file must hold one JSON object, { ... }</source>
        <translation>文件必须只包含一个 JSON 对象，即 { ... }</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>第 %1 步：%2</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the id &quot;%2&quot; is already taken by %3</source>
        <translation>%1：id &quot;%2&quot; 已被 %3 使用</translation>
    </message>
    <message>
        <source>&quot;text&quot; contains a NUL character (\u0000)</source>
        <translation>“text”中含有 NUL 字符（\u0000）</translation>
    </message>
    <message>
        <source>&quot;title&quot; contains a NUL character (\u0000)</source>
        <translation>“title”中含有 NUL 字符（\u0000）</translation>
    </message>
</context>
<context>
    <name>Lessons</name>
    <message>
        <source>Every process has its own address space</source>
        <extracomment>Lesson &quot;address-space&quot;: title</extracomment>
        <translation>每个进程都有自己的地址空间</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every process sees memory through its own &lt;b&gt;virtual address space&lt;/b&gt;: one long, continuous range of addresses that belongs to it alone. The same address in two processes means two different places in memory.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;每个进程都通过自己的&lt;b&gt;虚拟地址空间&lt;/b&gt;来看内存：一段很长、连续、只属于它自己的地址范围。同一个地址在两个进程里，指的是内存中两个不同的地方。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The map shows the address space of the selected process, high addresses at the top as textbooks draw it. Drawn &lt;b&gt;to scale&lt;/b&gt;, the mappings are thin slivers: almost all of the space is empty.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;地址空间图显示所选进程的地址空间，和教科书的画法一样，高地址在上。按&lt;b&gt;真实比例&lt;/b&gt;画出来，各个映射都只是细细的一条：地址空间几乎全是空的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The address space is split in two. The upper part is &lt;b&gt;kernel space&lt;/b&gt;: the same in every process, and out of reach of the program. The lower part is &lt;b&gt;user space&lt;/b&gt;, where the program&apos;s code, data, heap, libraries and stack live.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;地址空间分为两部分。上面是&lt;b&gt;内核空间&lt;/b&gt;：在每个进程里都一样，程序自己访问不到。下面是&lt;b&gt;用户空间&lt;/b&gt;，程序的代码、数据、堆、共享库和栈都在这里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;On 32-bit x86 the 4 GiB of addresses are usually split at &lt;code&gt;0xC0000000&lt;/code&gt; (PAGE_OFFSET): the lower &lt;b&gt;3 GiB&lt;/b&gt; for user space, the top &lt;b&gt;1 GiB&lt;/b&gt; for the kernel. Kernels can be built with other splits, and a 32-bit program on a 64-bit kernel gets all 4 GiB.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;在 32 位 x86 上，4 GiB 的地址通常在 &lt;code&gt;0xC0000000&lt;/code&gt;（PAGE_OFFSET）处一分为二：低处的 &lt;b&gt;3 GiB&lt;/b&gt; 是用户空间，最高的 &lt;b&gt;1 GiB&lt;/b&gt; 留给内核。内核也可以编译成其他的划分方式；而在 64 位内核上运行的 32 位程序可以用满全部 4 GiB。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;On x86-64 addresses are 64 bits wide, but with the usual 4-level page tables only 48 bits are used. User space runs from &lt;code&gt;0&lt;/code&gt; to &lt;code&gt;0x00007fffffffffff&lt;/code&gt;: &lt;b&gt;128 TiB&lt;/b&gt;. Kernel space starts at &lt;code&gt;0xffff800000000000&lt;/code&gt; and is another &lt;b&gt;128 TiB&lt;/b&gt;.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;在 x86-64 上地址有 64 位宽，但在常见的 4 级页表下只用到其中 48 位。用户空间从 &lt;code&gt;0&lt;/code&gt; 到 &lt;code&gt;0x00007fffffffffff&lt;/code&gt;，共 &lt;b&gt;128 TiB&lt;/b&gt;；内核空间从 &lt;code&gt;0xffff800000000000&lt;/code&gt; 开始，也是 &lt;b&gt;128 TiB&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Between the two lies the &lt;b&gt;non-canonical hole&lt;/b&gt;, addresses the CPU refuses to use at all; the map draws it as a band. (CPUs with 5-level paging allow a larger user space, but Linux hands out addresses above 128 TiB only to programs that ask for them.)&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;两者之间是&lt;b&gt;非规范地址空洞&lt;/b&gt;，CPU 根本不允许使用这些地址；地址空间图把它画成一条带。（支持 5 级页表的 CPU 允许更大的用户空间，但 Linux 只把 128 TiB 以上的地址分给明确要求的程序。）&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Every process has 128 TiB of addresses, far more than any machine has RAM. This works because a range of addresses becomes real memory only when it is used: the kernel gives a virtual page a page of physical memory, a &lt;b&gt;frame&lt;/b&gt;, the first time the process touches it.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;每个进程都有 128 TiB 的地址，远远超过任何一台机器的物理内存。这之所以行得通，是因为一段地址只有真正用到时才会对应实际的内存：进程第一次访问某个虚拟页时，内核才给它分配一页物理内存，也就是一个&lt;b&gt;物理页框&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;So the virtual sizes of all processes added together are usually far larger than physical memory. In the process list, compare &lt;b&gt;VIRT&lt;/b&gt; (everything mapped) with &lt;b&gt;RES&lt;/b&gt; (what is in RAM now). Shared libraries add to the gap: their pages are in RAM once, but count in every process that maps them.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;address-space&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;所以，所有进程的虚拟内存加起来，通常比物理内存大得多。在进程列表里比较一下 &lt;b&gt;VIRT&lt;/b&gt;（所有已映射的内存）和 &lt;b&gt;RES&lt;/b&gt;（当前在内存中的部分）。共享库让这个差距更大：它们的页在内存中只有一份，却计入每个映射了它们的进程。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Pages, the page table and page faults</source>
        <extracomment>Lesson &quot;page-table&quot;: title</extracomment>
        <translation>页、页表与缺页异常</translation>
    </message>
    <message>
        <source>&lt;p&gt;Memory is managed in &lt;b&gt;pages&lt;/b&gt; of 4 KiB on x86-64. Physical memory is cut into page-sized &lt;b&gt;frames&lt;/b&gt;, each known by its &lt;b&gt;page frame number&lt;/b&gt; (PFN).&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;内存以&lt;b&gt;页&lt;/b&gt;为单位来管理，x86-64 上一页是 4 KiB。物理内存也被切成一页大小的&lt;b&gt;物理页框&lt;/b&gt;，每个页框用它的&lt;b&gt;页框号&lt;/b&gt;（PFN）来标识。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;For every process the kernel keeps a &lt;b&gt;page table&lt;/b&gt; that maps its virtual pages to physical frames. The page table lives in ordinary memory; the CPU&apos;s memory management unit (MMU) looks up every address in it, and keeps recent translations in a small cache, the TLB.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;内核为每个进程维护一张&lt;b&gt;页表&lt;/b&gt;，记录它的虚拟页映射到了哪些物理页框。页表就存放在普通内存里；CPU 的内存管理单元（MMU）通过它来查找每一个地址，并把最近用过的转换结果保存在一个小缓存里，这就是 TLB。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The page view shows each virtual page of the chosen mapping and where its frame lies in physical memory. Pages that are neighbours in virtual memory are usually scattered all over physical memory: the page table makes them look continuous to the program.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;页面视图显示所选映射的每一个虚拟页，以及它的物理页框在物理内存中的位置。在虚拟内存中相邻的页，在物理内存中通常散落在各处：是页表让它们在程序看来是连续的。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The kernel shows real PFNs only to root (CAP_SYS_ADMIN). For other users every PFN reads as 0, so run MemAtlas as root to see where the frames lie.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;内核只向 root（CAP_SYS_ADMIN）提供真实的 PFN。对其他用户，每个 PFN 读出来都是 0，所以要以 root 身份运行 MemAtlas 才能看到页框在哪里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The page table view lists one entry per virtual page as &lt;code&gt;/proc/PID/pagemap&lt;/code&gt; reports it: whether the page is &lt;b&gt;present&lt;/b&gt; in RAM, its PFN, whether it is &lt;b&gt;swapped&lt;/b&gt; out, and whether it belongs to a file or to shared memory.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;页表视图按照 &lt;code&gt;/proc/PID/pagemap&lt;/code&gt; 的内容，为每个虚拟页列出一项：该页是否&lt;b&gt;在内存中&lt;/b&gt;（present）、它的 PFN、是否已被&lt;b&gt;换出&lt;/b&gt;（swapped），以及它属于文件还是共享内存。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Many pages are &lt;b&gt;not present&lt;/b&gt;: the range is mapped, but the program has never touched them, or their frames were taken back. They cost no physical memory.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;很多页&lt;b&gt;不在内存中&lt;/b&gt;：这段地址已经映射了，但程序从来没有访问过这些页，或者它们的页框已经被收回。这样的页不占用任何物理内存。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo process now allocates one large block with &lt;code&gt;malloc&lt;/code&gt;, and a new anonymous mapping appears. Its pages are &lt;b&gt;not present&lt;/b&gt; yet: allocating memory only reserves addresses.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;现在演示进程用 &lt;code&gt;malloc&lt;/code&gt; 分配一个大块，于是出现了一个新的匿名映射。它的页都还&lt;b&gt;不在内存中&lt;/b&gt;：分配内存只是预留了地址。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Now the demo process writes to every page of the block. The first write to a page that is not present traps into the kernel: a &lt;b&gt;page fault&lt;/b&gt;. The kernel takes a free frame, fills it with zeros, enters it in the page table and lets the program go on, which notices nothing.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;现在演示进程向这个块的每一页写入数据。对不在内存中的页的第一次写入会陷入内核，这就是&lt;b&gt;缺页异常&lt;/b&gt;（page fault，也常叫缺页中断）。内核取一个空闲页框，用零填满，把它登记到页表中，然后让程序继续运行，程序对此毫无察觉。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Watch the &lt;b&gt;minor faults&lt;/b&gt; of the process (&lt;code&gt;minflt&lt;/code&gt;, field 10 of &lt;code&gt;/proc/PID/stat&lt;/code&gt;) grow by about one per page touched (fewer if the kernel uses 2 MiB huge pages), and the pages turn present. A &lt;b&gt;major fault&lt;/b&gt; (&lt;code&gt;majflt&lt;/code&gt;) is one that had to wait for the disk, to read a file page or to bring a page back from swap.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;观察进程的&lt;b&gt;次缺页异常&lt;/b&gt;（&lt;code&gt;minflt&lt;/code&gt;，&lt;code&gt;/proc/PID/stat&lt;/code&gt; 的第 10 个字段）：每访问一页大约增加一次（如果内核使用 2 MiB 的大页，次数会更少），同时这些页变为在内存中。&lt;b&gt;主缺页异常&lt;/b&gt;（&lt;code&gt;majflt&lt;/code&gt;）则是必须等待磁盘的缺页：要读入文件页，或者要把页从交换空间读回来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo process now calls &lt;code&gt;fork&lt;/code&gt;. The child gets a copy of the page table, not of the memory: parent and child map the very same frames, and the kernel makes them read-only in both. Run as root, the page view marks these frames as shared.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 6, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;现在演示进程调用 &lt;code&gt;fork&lt;/code&gt;。子进程得到的是页表的副本，而不是内存的副本：父子进程映射的是完全相同的物理页框，内核把这些页在父子两边都设为只读。以 root 身份运行时，页面视图会把这些页框标为共享。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Now the child writes to the first page of the block. The write faults; the kernel copies that one page to a new frame for the child and lets the write go on. This is &lt;b&gt;copy-on-write&lt;/b&gt;: only pages that someone writes are ever copied, which makes &lt;code&gt;fork&lt;/code&gt; fast. As root, compare the PFN of that page in the parent and in the child: they differ now.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;page-table&quot;, step 7, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;现在子进程向这个块的第一页写入。这次写入触发缺页异常；内核把这一页复制到一个新页框中交给子进程，再让写入继续。这就是&lt;b&gt;写时复制&lt;/b&gt;（copy-on-write）：只有被写的页才会真正复制，所以 &lt;code&gt;fork&lt;/code&gt; 很快。以 root 身份运行时，比较一下这一页在父进程和子进程中的 PFN：现在它们不一样了。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The five segments of user space</source>
        <extracomment>Lesson &quot;segments&quot;: title</extracomment>
        <translation>用户空间的五个段</translation>
    </message>
    <message>
        <source>&lt;p&gt;The textbook picture divides user space into five segments, from low addresses to high:&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;教科书把用户空间分成五个段，从低地址到高地址依次是：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;&lt;b&gt;read-only&lt;/b&gt;: code and constants&lt;/li&gt;&lt;li&gt;&lt;b&gt;data&lt;/b&gt;: global variables&lt;/li&gt;&lt;li&gt;&lt;b&gt;heap&lt;/b&gt;: memory from &lt;code&gt;malloc&lt;/code&gt;, growing up&lt;/li&gt;&lt;li&gt;&lt;b&gt;file mappings&lt;/b&gt;: shared libraries, shared memory, mapped files; growing down&lt;/li&gt;&lt;li&gt;&lt;b&gt;stack&lt;/b&gt;: local variables and function calls, growing down&lt;/li&gt;&lt;/ol&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;ol&gt;&lt;li&gt;&lt;b&gt;只读段&lt;/b&gt;：代码和常量&lt;/li&gt;&lt;li&gt;&lt;b&gt;数据段&lt;/b&gt;：全局变量&lt;/li&gt;&lt;li&gt;&lt;b&gt;堆&lt;/b&gt;：&lt;code&gt;malloc&lt;/code&gt; 分配的内存，向上增长&lt;/li&gt;&lt;li&gt;&lt;b&gt;文件映射段&lt;/b&gt;：共享库、共享内存、映射的文件，向下增长&lt;/li&gt;&lt;li&gt;&lt;b&gt;栈&lt;/b&gt;：局部变量和函数调用，向下增长&lt;/li&gt;&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The brackets beside the map show where each segment lies in this process.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;地址空间图旁边的括号标出了每个段在这个进程中的位置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Read-only&lt;/b&gt;: the program&apos;s machine code, mapped from its executable file with the permissions &lt;code&gt;r-x&lt;/code&gt;, and its constants, mapped &lt;code&gt;r--&lt;/code&gt;. Since nobody writes to them, every process running the same program shares these pages.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;只读段&lt;/b&gt;：程序的机器码，以 &lt;code&gt;r-x&lt;/code&gt; 权限从可执行文件映射进来；还有它的常量，以 &lt;code&gt;r--&lt;/code&gt; 映射。因为没有人会写这些页，运行同一个程序的所有进程都共享它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Data&lt;/b&gt;: global and static variables with an initial value, mapped &lt;code&gt;rw-p&lt;/code&gt; from the executable. The &lt;code&gt;p&lt;/code&gt; means private: the first write to a page gives the process its own copy (copy-on-write). Right above lie the zero-initialised globals, the &lt;b&gt;BSS&lt;/b&gt;, in anonymous memory.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;数据段&lt;/b&gt;：有初始值的全局变量和静态变量，以 &lt;code&gt;rw-p&lt;/code&gt; 从可执行文件映射进来。&lt;code&gt;p&lt;/code&gt; 表示私有：第一次写某一页时，进程会得到该页自己的副本（写时复制）。紧挨在它上面的是初始化为零的全局变量，即 &lt;b&gt;BSS&lt;/b&gt;，位于匿名内存中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;heap&lt;/b&gt;, &lt;code&gt;[heap]&lt;/code&gt; in &lt;code&gt;/proc/PID/maps&lt;/code&gt;, starts above the data (after a random gap) and grows &lt;b&gt;up&lt;/b&gt;: &lt;code&gt;malloc&lt;/code&gt; moves its end, the program break, with the &lt;code&gt;brk&lt;/code&gt; system call.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;堆&lt;/b&gt;在 &lt;code&gt;/proc/PID/maps&lt;/code&gt; 中显示为 &lt;code&gt;[heap]&lt;/code&gt;，它从数据段上方开始（中间隔着一段随机的空隙），&lt;b&gt;向上&lt;/b&gt;增长：&lt;code&gt;malloc&lt;/code&gt; 通过 &lt;code&gt;brk&lt;/code&gt; 系统调用移动堆的末端，即 program break（程序断点）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;file mapping&lt;/b&gt; area holds what &lt;code&gt;mmap&lt;/code&gt; maps: shared libraries such as &lt;code&gt;libc.so.6&lt;/code&gt;, mapped files, shared memory, and anonymous mappings such as large &lt;code&gt;malloc&lt;/code&gt; blocks and thread stacks. In the usual layout it starts below the stack and grows &lt;b&gt;down&lt;/b&gt;.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;文件映射段&lt;/b&gt;存放 &lt;code&gt;mmap&lt;/code&gt; 映射的一切：&lt;code&gt;libc.so.6&lt;/code&gt; 这样的共享库、映射的文件、共享内存，以及大块 &lt;code&gt;malloc&lt;/code&gt; 内存和线程栈这样的匿名映射。在常见的布局中，它从栈的下方开始，&lt;b&gt;向下&lt;/b&gt;增长。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The &lt;b&gt;stack&lt;/b&gt;, &lt;code&gt;[stack]&lt;/code&gt;, sits near the top of user space and grows &lt;b&gt;down&lt;/b&gt; as functions call functions. It starts small and grows on demand up to the stack limit, usually 8 MiB (&lt;code&gt;ulimit -s&lt;/code&gt;); a program that goes beyond it is killed with a segmentation fault.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 6, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;栈&lt;/b&gt;即 &lt;code&gt;[stack]&lt;/code&gt;，位于用户空间的顶部附近，随着函数一层层调用而&lt;b&gt;向下&lt;/b&gt;增长。它一开始很小，按需增长，上限是栈大小限制，通常为 8 MiB（&lt;code&gt;ulimit -s&lt;/code&gt;）；超出这个限制的程序会因段错误（segmentation fault）被杀死。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo process now recurses deeply: watch its stack mapping grow downwards.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;segments&quot;, step 6, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;现在演示进程进行深度递归：观察它的栈映射向下增长。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How malloc gets memory</source>
        <extracomment>Lesson &quot;allocation&quot;: title</extracomment>
        <translation>malloc 如何获得内存</translation>
    </message>
    <message>
        <source>&lt;p&gt;A C program asks for memory with &lt;code&gt;malloc&lt;/code&gt;. The allocator of glibc gets it from the kernel in one of two ways, depending on the size.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;C 程序用 &lt;code&gt;malloc&lt;/code&gt; 申请内存。glibc 的分配器根据申请的大小，用两种方式之一从内核获得内存。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Requests below the &lt;b&gt;mmap threshold&lt;/b&gt;, 128 KiB by default, are cut from the &lt;b&gt;heap&lt;/b&gt;. When the heap has no free room left, malloc grows it with &lt;code&gt;brk&lt;/code&gt;. The demo process now makes many small allocations: watch the end of &lt;code&gt;[heap]&lt;/code&gt; rise.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;小于 &lt;b&gt;mmap 阈值&lt;/b&gt;（默认 128 KiB）的请求从&lt;b&gt;堆&lt;/b&gt;中切出来。堆里没有空闲空间时，malloc 用 &lt;code&gt;brk&lt;/code&gt; 扩大堆。现在演示进程进行许多次小分配：观察 &lt;code&gt;[heap]&lt;/code&gt; 的末端上升。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The demo process frees the small blocks. The heap does not shrink: malloc keeps the freed memory in its free lists and hands it out again for the next requests, without asking the kernel. Only a large free area at the very top of the heap (over 128 KiB by default) goes back to the system.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;演示进程释放这些小块。堆并不缩小：malloc 把释放的内存放在自己的空闲链表里，下次请求时再分出去，不必向内核申请。只有位于堆最顶端的一大块空闲区（默认超过 128 KiB）才会归还系统。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A request at or above the threshold gets a mapping of its own: malloc calls &lt;code&gt;mmap&lt;/code&gt;, and a new anonymous mapping appears in the file mapping area. The demo process now allocates one large block.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;达到或超过阈值的请求会得到一个独立的映射：malloc 调用 &lt;code&gt;mmap&lt;/code&gt;，文件映射段中出现一个新的匿名映射。现在演示进程分配一个大块。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Freeing the large block calls &lt;code&gt;munmap&lt;/code&gt;: the mapping disappears and its memory goes straight back to the system.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;释放大块时会调用 &lt;code&gt;munmap&lt;/code&gt;：映射消失，内存直接归还系统。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;One surprise: when the freed block was no larger than 32 MiB, glibc raises its threshold to the size of that block, so the next block of that size comes from the heap instead.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;有一点出人意料：如果释放的块不超过 32 MiB，glibc 会把阈值提高到这个块的大小，于是下一个同样大小的块就改从堆中分配了。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Each way has its cost:&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;两种方式各有代价：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;&lt;b&gt;brk&lt;/b&gt;: freed memory is reused without a system call, and its pages are already present, so there are fewer page faults. But the memory stays with the process, and allocating and freeing blocks of many sizes leaves the heap &lt;b&gt;fragmented&lt;/b&gt;: free holes that cannot be given back.&lt;/li&gt;&lt;li&gt;&lt;b&gt;mmap&lt;/b&gt;: the memory goes back to the system when freed, but every new mapping starts with no pages present, so using it costs a page fault per page, and mapping and unmapping often keeps the kernel busy.&lt;/li&gt;&lt;/ul&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;ul&gt;&lt;li&gt;&lt;b&gt;brk&lt;/b&gt;：释放的内存不经系统调用就能重复使用，而且它的页已经在内存中，所以缺页异常更少。但这些内存一直留在进程手里，反复分配和释放各种大小的块会让堆产生&lt;b&gt;碎片&lt;/b&gt;：空闲的空洞无法归还系统。&lt;/li&gt;&lt;li&gt;&lt;b&gt;mmap&lt;/b&gt;：释放时内存归还系统，但每个新映射开始时都没有页在内存中，所以每用一页都要付出一次缺页异常；频繁地映射和解除映射也会让内核忙个不停。&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;That is why malloc uses mmap only for large blocks.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;allocation&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;这就是 malloc 只对大块内存使用 mmap 的原因。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>When memory runs short</source>
        <extracomment>Lesson &quot;reclaim&quot;: title</extracomment>
        <translation>内存不够用时</translation>
    </message>
    <message>
        <source>&lt;p&gt;The kernel keeps the contents of files it has read or written in memory, the &lt;b&gt;page cache&lt;/b&gt;, so that the next access needs no disk. Memory that would otherwise sit idle is put to work this way; &lt;code&gt;free&lt;/code&gt; counts it in &lt;b&gt;buff/cache&lt;/b&gt;.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;内核把读写过的文件内容保留在内存中，这就是&lt;b&gt;页缓存&lt;/b&gt;（Page Cache），这样下次访问就不必再读磁盘。原本会闲置的内存就这样被利用起来；&lt;code&gt;free&lt;/code&gt; 把它算在 &lt;b&gt;buff/cache&lt;/b&gt;（缓冲/缓存）里。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The chart shows it as a band of its own. The kernel can take this memory back whenever programs need it.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;图表把它画成单独的一条色带。只要程序需要，内核随时可以收回这部分内存。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;When free memory runs low, the kernel &lt;b&gt;reclaims&lt;/b&gt; pages. It keeps them on &lt;b&gt;LRU&lt;/b&gt; lists (least recently used, an active and an inactive list) and takes first the pages that have not been used for the longest time. A clean page of the page cache is simply dropped, since the file still holds its data; a dirty one is written back to its file first.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;当空闲内存不足时，内核会&lt;b&gt;回收&lt;/b&gt;页面。它把页面挂在 &lt;b&gt;LRU&lt;/b&gt; 链表上（最近最少使用，分为活跃和非活跃两个链表），优先回收最久没被用过的页。页缓存中的干净页直接丢弃即可，因为文件里仍然保存着它的数据；脏页则要先写回文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;MemAvailable&lt;/b&gt; is the kernel&apos;s estimate of how much memory programs can still get without swapping: free memory plus the part of the caches it could drop.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;MemAvailable&lt;/b&gt; 是内核估计的、程序在不发生交换的情况下还能拿到的内存：空闲内存，加上缓存中可以丢弃的部分。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Anonymous memory (heap, stack, anonymous mappings) has no file behind it. To reclaim such a page, the kernel must first write it to &lt;b&gt;swap&lt;/b&gt;, a swap partition or swap file, and the page table entry then records where on swap the page went. The next access to it is a major page fault that reads it back.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;匿名内存（堆、栈、匿名映射）背后没有文件。要回收这样的页，内核必须先把它写到&lt;b&gt;交换空间&lt;/b&gt;（Swap，即交换分区或交换文件），随后页表项记下这一页在交换空间中的位置。再次访问它时会发生一次主缺页异常，把它读回来。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Without swap, anonymous memory cannot be reclaimed at all.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;没有交换空间，匿名内存就根本无法回收。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;When nothing more can be reclaimed and memory is still needed, the &lt;b&gt;OOM killer&lt;/b&gt; (out of memory) steps in. It picks one process, mostly the one using the most memory (adjustable through &lt;code&gt;/proc/PID/oom_score_adj&lt;/code&gt;), and kills it to free its memory. The kernel log (&lt;code&gt;dmesg&lt;/code&gt;) then says &lt;code&gt;Out of memory: Killed process ...&lt;/code&gt;.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;reclaim&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;当再也回收不出内存、却仍然需要内存时，&lt;b&gt;OOM 杀手&lt;/b&gt;（OOM killer，OOM 即 out of memory）就会出手。它挑出一个进程，通常是占用内存最多的那个（可以通过 &lt;code&gt;/proc/PID/oom_score_adj&lt;/code&gt; 调整），把它杀掉以释放内存。随后内核日志（&lt;code&gt;dmesg&lt;/code&gt;）中会出现 &lt;code&gt;Out of memory: Killed process ...&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Reading free and top</source>
        <extracomment>Lesson &quot;free-and-top&quot;: title</extracomment>
        <translation>读懂 free 和 top</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;code&gt;free -h&lt;/code&gt; prints numbers from &lt;code&gt;/proc/meminfo&lt;/code&gt;. Its Mem row:&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;code&gt;free -h&lt;/code&gt; 显示的数字来自 &lt;code&gt;/proc/meminfo&lt;/code&gt;。它的 Mem 行：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;&lt;b&gt;total&lt;/b&gt;: MemTotal, the memory the kernel manages (a little less than the RAM installed)&lt;/li&gt;&lt;li&gt;&lt;b&gt;used&lt;/b&gt;: total - available (procps-ng 4.0.1 and later)&lt;/li&gt;&lt;li&gt;&lt;b&gt;free&lt;/b&gt;: MemFree, memory used for nothing at all&lt;/li&gt;&lt;li&gt;&lt;b&gt;shared&lt;/b&gt;: Shmem, memory of tmpfs files and shared memory&lt;/li&gt;&lt;li&gt;&lt;b&gt;buff/cache&lt;/b&gt;: Buffers + Cached + SReclaimable, the file caches and the kernel memory that can be reclaimed&lt;/li&gt;&lt;li&gt;&lt;b&gt;available&lt;/b&gt;: MemAvailable, how much programs can still get without swapping&lt;/li&gt;&lt;/ul&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 1, HTML: keep the tags</extracomment>
        <translation>&lt;ul&gt;&lt;li&gt;&lt;b&gt;total&lt;/b&gt;（总计）：MemTotal，内核管理的内存（比安装的内存略少）&lt;/li&gt;&lt;li&gt;&lt;b&gt;used&lt;/b&gt;（已用）：total - available（procps-ng 4.0.1 及以后）&lt;/li&gt;&lt;li&gt;&lt;b&gt;free&lt;/b&gt;（空闲）：MemFree，完全没有被使用的内存&lt;/li&gt;&lt;li&gt;&lt;b&gt;shared&lt;/b&gt;（共享）：Shmem，tmpfs 文件和共享内存占用的内存&lt;/li&gt;&lt;li&gt;&lt;b&gt;buff/cache&lt;/b&gt;（缓冲/缓存）：Buffers + Cached + SReclaimable，即文件缓存和可以回收的内核内存&lt;/li&gt;&lt;li&gt;&lt;b&gt;available&lt;/b&gt;（可用）：MemAvailable，程序在不发生交换的情况下还能拿到的内存&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Older versions of &lt;code&gt;free&lt;/code&gt; compute &lt;b&gt;used&lt;/b&gt; as total - free - buff/cache, which gives another number; the panel says which formula it uses and what the other one gives. Compare only numbers made with the same formula.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;旧版本的 &lt;code&gt;free&lt;/code&gt; 把 &lt;b&gt;used&lt;/b&gt; 算成 total - free - buff/cache，得到的是另一个数；面板会说明它用的是哪个公式，以及另一个公式的结果。只比较用同一个公式算出的数字。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;A small &lt;b&gt;free&lt;/b&gt; is no cause for alarm: the kernel fills idle memory with cache. Watch &lt;b&gt;available&lt;/b&gt; instead.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 2, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;b&gt;free&lt;/b&gt; 很小不必惊慌：内核会用缓存填满闲置的内存。应该关注的是 &lt;b&gt;available&lt;/b&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The Swap row shows the size of all swap areas (SwapTotal), how much of it is used (SwapTotal - SwapFree) and how much is free. Some swap in use is no problem by itself; swap use that keeps growing while available memory falls is.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 3, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;Swap 行显示所有交换区的总大小（SwapTotal）、已用了多少（SwapTotal - SwapFree）以及还剩多少。用了一些交换空间本身不是问题；交换用量持续增长、同时可用内存不断下降，才是问题。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;code&gt;top&lt;/code&gt; shows the memory of each process; the process list has the same columns:&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;&lt;code&gt;top&lt;/code&gt; 显示每个进程的内存；进程列表也有同样的几列：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;ul&gt;&lt;li&gt;&lt;b&gt;VIRT&lt;/b&gt;: VmSize, all the virtual memory the process has mapped, touched or not&lt;/li&gt;&lt;li&gt;&lt;b&gt;RES&lt;/b&gt;: VmRSS, its pages present in RAM now, shared ones such as library code included&lt;/li&gt;&lt;li&gt;&lt;b&gt;SHR&lt;/b&gt;: RssFile + RssShmem, the part of RES that is file pages or shared memory&lt;/li&gt;&lt;li&gt;&lt;b&gt;%MEM&lt;/b&gt;: RES as a share of MemTotal&lt;/li&gt;&lt;/ul&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 4, HTML: keep the tags</extracomment>
        <translation>&lt;ul&gt;&lt;li&gt;&lt;b&gt;VIRT&lt;/b&gt;：VmSize，进程映射的全部虚拟内存，不管有没有访问过&lt;/li&gt;&lt;li&gt;&lt;b&gt;RES&lt;/b&gt;：VmRSS，它当前在内存中的页，包括共享库代码这样的共享页&lt;/li&gt;&lt;li&gt;&lt;b&gt;SHR&lt;/b&gt;：RssFile + RssShmem，RES 中属于文件页或共享内存的部分&lt;/li&gt;&lt;li&gt;&lt;b&gt;%MEM&lt;/b&gt;：RES 占 MemTotal 的比例&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;SHR does not mean shared with other processes: the program&apos;s own code and a library only this process uses count in SHR too. And a page that really is shared counts in the SHR and RES of every process that maps it. So adding up SHR, or RES, over processes counts shared pages many times.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;SHR 并不一定是与其他进程共享的：程序自己的代码、只有这个进程在用的库，也都算在 SHR 里。而真正共享的页，会计入每个映射它的进程的 SHR 和 RES。所以把多个进程的 SHR（或 RES）直接相加，共享页就被重复计算了很多次。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;To add up, use &lt;b&gt;PSS&lt;/b&gt; (proportional set size): each shared page is divided among the processes that map it, so the PSS of all processes adds up to the memory they really use. &lt;b&gt;USS&lt;/b&gt; (Private_Clean + Private_Dirty) is the memory the process uses alone, roughly what would be freed if it exited.&lt;/p&gt;</source>
        <extracomment>Lesson &quot;free-and-top&quot;, step 5, HTML: keep the tags</extracomment>
        <translation>&lt;p&gt;要求总和，请用 &lt;b&gt;PSS&lt;/b&gt;（proportional set size，按比例分摊的内存）：每个共享页被平摊给映射它的各个进程，所以所有进程的 PSS 加起来正好是它们真正使用的内存。&lt;b&gt;USS&lt;/b&gt;（Private_Clean + Private_Dirty）是进程独占的内存，大致就是它退出后会释放的量。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LessonsPanel</name>
    <message>
        <source>Choose a lesson. Each step points at the live views: Next and Back move through the steps.</source>
        <translation>选择一课。每一步都会指向实时视图：用“下一步”和“上一步”在各步之间切换。</translation>
    </message>
    <message>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>上一步(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>Add your own lessons as .json files in %1</source>
        <translation>可以把自己的课程以 .json 文件放进 %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>MemAtlas</source>
        <translation>MemAtlas</translation>
    </message>
    <message>
        <source>Select a process to see its memory mappings.</source>
        <translation>选择一个进程以查看它的内存映射。</translation>
    </message>
    <message>
        <source>&amp;Mappings</source>
        <translation>映射(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Raw procfs text</source>
        <translation>procfs 原始文本(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Pages</source>
        <translation>页面(&amp;P)</translation>
    </message>
    <message>
        <source>S&amp;napshots</source>
        <translation>快照(&amp;N)</translation>
    </message>
    <message>
        <source>Processes</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>Search PID, user or command (Ctrl+K)</source>
        <translation>搜索 PID、用户或命令（Ctrl+K）</translation>
    </message>
    <message>
        <source>RES and SHR count a shared page once for every process that maps it (shared libraries, shared memory, the page cache of mapped files), so their sums overstate what the processes use together; a sum of SHR means nothing at all. PSS divides each shared page among the processes sharing it, so PSS sums to the real total.</source>
        <translation>RES 和 SHR 会在每个映射了共享页的进程里把该页各算一次（共享库、共享内存、被映射文件的页缓存），所以它们的总和会夸大这些进程实际共同使用的内存；SHR 的总和毫无意义。PSS 把每个共享页平摊给共享它的各个进程，因此 PSS 的总和就是真实的总量。</translation>
    </message>
    <message>
        <source>Memory over time</source>
        <translation>内存随时间变化</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地址空间图(&amp;M)</translation>
    </message>
    <message>
        <source>Export &amp;map as PNG or SVG…</source>
        <translation>导出地址空间图为 PNG 或 SVG(&amp;M)…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Open snapshot bundle…</source>
        <translation>打开快照包(&amp;O)…</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>Open procfs &amp;tree…</source>
        <translation>打开 procfs 目录树(&amp;T)…</translation>
    </message>
    <message>
        <source>Show the &amp;live system</source>
        <translation>显示实时系统(&amp;L)</translation>
    </message>
    <message>
        <source>Export &amp;page views as PNG or SVG…</source>
        <translation>导出页面视图为 PNG 或 SVG(&amp;P)…</translation>
    </message>
    <message>
        <source>Export &amp;chart as PNG, SVG or CSV…</source>
        <translation>导出图表为 PNG、SVG 或 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;True scale</source>
        <translation>真实比例(&amp;T)</translation>
    </message>
    <message>
        <source>Draw addresses to scale: the mappings become specks in 128 TiB. Off: unmapped gaps are compressed to a band.</source>
        <translation>按真实比例绘制地址：映射在 128 TiB 中只是一个个小点。关闭时：未映射的空隙被压缩成一条带。</translation>
    </message>
    <message>
        <source>T</source>
        <translation>T</translation>
    </message>
    <message>
        <source>Classic &amp;segments (read-only, data, heap, mmap, stack)</source>
        <translation>经典分段（只读段、数据段、堆、mmap、栈）(&amp;S)</translation>
    </message>
    <message>
        <source>32-bit &amp;3 GiB / 1 GiB split schematic</source>
        <translation>32 位 3 GiB / 1 GiB 划分示意图(&amp;3)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>Zoom to &amp;selection</source>
        <translation>缩放到所选(&amp;S)</translation>
    </message>
    <message>
        <source>Z</source>
        <translation>Z</translation>
    </message>
    <message>
        <source>&amp;Fit process</source>
        <translation>显示整个进程(&amp;F)</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <source>Refresh &amp;every second</source>
        <translation>每秒刷新(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Find process</source>
        <translation>查找进程(&amp;F)</translation>
    </message>
    <message>
        <source>Ctrl+K</source>
        <translation>Ctrl+K</translation>
    </message>
    <message>
        <source>Process %1 has exited. %2</source>
        <translation>进程 %1 已退出。%2</translation>
    </message>
    <message>
        <source>The table shows its mappings as last read.</source>
        <translation>表格显示的是最后一次读取到的映射。</translation>
    </message>
    <message>
        <source>Its mappings could not be read.</source>
        <translation>无法读取它的映射。</translation>
    </message>
    <message>
        <source>Open snapshot bundle</source>
        <translation>打开快照包</translation>
    </message>
    <message>
        <source>MemAtlas bundles (*.mematlas);;All files (*)</source>
        <translation>MemAtlas 快照包 (*.mematlas);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a directory laid out like /proc</source>
        <translation>打开一个布局与 /proc 相同的目录</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>MemAtlas — %1</source>
        <translation>MemAtlas — %1</translation>
    </message>
    <message>
        <source>Could not open %1</source>
        <translation>无法打开 %1</translation>
    </message>
    <message>
        <source>Process %1 (--pid) does not exist in %2.</source>
        <translation>进程 %1（--pid）在 %2 中不存在。</translation>
    </message>
    <message>
        <source>PID %1 exited</source>
        <translation>PID %1 已退出</translation>
    </message>
    <message>
        <source>Process %1 exited at %2. The table shows its mappings as last read.</source>
        <translation>进程 %1 已于 %2 退出。表格显示的是最后一次读取到的映射。</translation>
    </message>
    <message>
        <source>&lt;b&gt;PID %1&lt;/b&gt; %2</source>
        <translation>&lt;b&gt;PID %1&lt;/b&gt; %2</translation>
    </message>
    <message>
        <source>Save timeline</source>
        <translation>保存时间线</translation>
    </message>
    <message>
        <source>MemAtlas bundle (*.mematlas)</source>
        <translation>MemAtlas 快照包 (*.mematlas)</translation>
    </message>
    <message>
        <source>There are no snapshots to save.</source>
        <translation>没有可保存的快照。</translation>
    </message>
    <message>
        <source>&amp;Sampling interval</source>
        <translation>采样间隔(&amp;S)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Select a mapping first (on the map or in the Mappings table).</source>
        <translation>请先选择一个映射（在地址空间图或映射表中）。</translation>
    </message>
    <message>
        <source>Export page table</source>
        <translation>导出页表</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Reading pagemap of PID %1: %2 %</source>
        <translation>正在读取 PID %1 的 pagemap：%2 %</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) of PID %1, %2 present; minor faults %3, major faults %4.</source>
        <translation>
            <numerusform>PID %1 的 %n 页，%2 页在内存中；次缺页异常 %3，主缺页异常 %4。</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear soft-dirty bits</source>
        <translation>清除软脏位</translation>
    </message>
    <message>
        <source>This writes &quot;4&quot; to %1, which clears the soft-dirty bit of every page of process %2 (it changes the process&apos;s page tables, nothing else). Pages it writes from now on are marked dirty in the page view.

Write to %1?</source>
        <translation>这会向 %1 写入“4”，从而清除进程 %2 每一页的软脏位（它只改变该进程的页表，不改变别的）。从现在起该进程写入的页会在页面视图中标为脏页。

要写入 %1 吗？</translation>
    </message>
    <message>
        <source>Soft-dirty bits of PID %1 cleared at %2: read the pages again to see what it writes.</source>
        <translation>PID %1 的软脏位已于 %2 清除：重新读取页面即可看到它写了哪些页。</translation>
    </message>
    <message>
        <source>Select a running process first: snapshots are of one process.</source>
        <translation>请先选择一个正在运行的进程：快照针对的是单个进程。</translation>
    </message>
    <message>
        <source>snapshot %1</source>
        <translation>快照 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s). RSS %1, PSS %2, swap %3.</source>
        <translation>
            <numerusform>%n 处变化。RSS %1，PSS %2，交换 %3。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s). Sizes only: one snapshot could read maps but not smaps.</source>
        <translation>
            <numerusform>%n 处变化。只有大小：其中一个快照能读取 maps 但无法读取 smaps。</numerusform>
        </translation>
    </message>
    <message>
        <source>Pages: %1 now present, %2 gone, %3 dirtied, %4 on a new frame.</source>
        <translation>页面：%1 页新进入内存，%2 页已不在内存，%3 页被写脏，%4 页换到了新的物理页框。</translation>
    </message>
    <message>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;Samples as CSV (*.csv)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg);;CSV 采样数据 (*.csv)</translation>
    </message>
    <message>
        <source>Read some pages first: there is nothing to export.</source>
        <translation>请先读取一些页面：目前没有可导出的内容。</translation>
    </message>
    <message>
        <source>Export page views</source>
        <translation>导出页面视图</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 图形 (*.svg)</translation>
    </message>
    <message>
        <source>Size in pixels (width x height):</source>
        <translation>像素尺寸（宽 x 高）：</translation>
    </message>
    <message>
        <source>%1x%2</source>
        <translation>%1x%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a size such as 1200x900.</source>
        <translation>“%1”不是 1200x900 这样的尺寸。</translation>
    </message>
    <message>
        <source>Written to %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <source>Select a process first: there is no map to export.</source>
        <translation>请先选择一个进程：没有可导出的地址空间图。</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>导出地址空间图</translation>
    </message>
    <message numerus="yes">
        <source>Σ of %n shown: RES %1 · SHR %2 (not summable)</source>
        <translation>
            <numerusform>所显示 %n 个进程的 Σ：RES %1 · SHR %2（不可相加）</numerusform>
        </translation>
    </message>
    <message>
        <source> · PSS %1 (of %2 read)</source>
        <translation> · PSS %1（已读取 %2 个进程）</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n process(es)</source>
        <translation>
            <numerusform>%1 — %n 个进程</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — PID %1: %n mapping(s)</source>
        <translation>
            <numerusform> — PID %1：%n 个映射</numerusform>
        </translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Demo process</source>
        <translation>演示进程</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>教学(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Demo process</source>
        <translation>演示进程(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Presentation mode</source>
        <translation>投影模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger text, high contrast and a ring around the pointer</source>
        <translation>全屏、更大的文字、高对比度，并在鼠标指针周围显示圆环</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>系统默认</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About MemAtlas</source>
        <translation>关于 MemAtlas(&amp;A)</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>The language changes when MemAtlas starts again. Restart now?</source>
        <translation>语言将在 MemAtlas 重新启动后更改。现在重新启动吗？</translation>
    </message>
    <message>
        <source>live /proc</source>
        <translation>实时 /proc</translation>
    </message>
    <message>
        <source>This process has no mapping of the kind &quot;%1&quot; to read pages of.</source>
        <translation>这个进程没有“%1”类型的映射，无法读取它的页。</translation>
    </message>
</context>
<context>
    <name>MappingModel</name>
    <message>
        <source>Page size the kernel uses for this mapping</source>
        <translation>内核为此映射使用的页大小</translation>
    </message>
    <message>
        <source>Page size the MMU uses (differs from KernelPageSize on a few architectures)</source>
        <translation>MMU 使用的页大小（在少数体系结构上与 KernelPageSize 不同）</translation>
    </message>
    <message>
        <source>Resident: this mapping&apos;s pages that are in RAM now</source>
        <translation>常驻：此映射当前在内存中的页</translation>
    </message>
    <message>
        <source>Proportional set size: private pages plus each shared page divided by the number of processes mapping it</source>
        <translation>按比例分摊的内存：私有页，加上每个共享页除以映射它的进程数</translation>
    </message>
    <message>
        <source>The modified part of Pss (kernel 6.0+)</source>
        <translation>Pss 中已修改（脏）的部分（内核 6.0+）</translation>
    </message>
    <message>
        <source>Pss of anonymous pages (smaps_rollup only)</source>
        <translation>匿名页的 Pss（仅 smaps_rollup）</translation>
    </message>
    <message>
        <source>Pss of file pages (smaps_rollup only)</source>
        <translation>文件页的 Pss（仅 smaps_rollup）</translation>
    </message>
    <message>
        <source>Pss of shared-memory pages (smaps_rollup only)</source>
        <translation>共享内存页的 Pss（仅 smaps_rollup）</translation>
    </message>
    <message>
        <source>Resident pages other processes map too, unmodified</source>
        <translation>其他进程也映射了的常驻页，未修改</translation>
    </message>
    <message>
        <source>Resident pages other processes map too, modified</source>
        <translation>其他进程也映射了的常驻页，已修改</translation>
    </message>
    <message>
        <source>Resident pages only this process maps, unmodified: can be dropped and read again</source>
        <translation>只有本进程映射的常驻页，未修改：可以丢弃，以后再重新读入</translation>
    </message>
    <message>
        <source>Resident pages only this process maps, modified: freeing them needs swap</source>
        <translation>只有本进程映射的常驻页，已修改：要释放它们需要交换空间</translation>
    </message>
    <message>
        <source>Pages accessed since the referenced bits were last cleared</source>
        <translation>自上次清除访问位以来被访问过的页</translation>
    </message>
    <message>
        <source>Pages not backed by a file, including private copies of file pages</source>
        <translation>没有文件支持的页，包括文件页的私有副本</translation>
    </message>
    <message>
        <source>Pages merged by kernel same-page merging</source>
        <translation>被内核同页合并（KSM）合并的页</translation>
    </message>
    <message>
        <source>Pages released with MADV_FREE: reclaimed only under memory pressure</source>
        <translation>用 MADV_FREE 释放的页：只在内存紧张时才会被回收</translation>
    </message>
    <message>
        <source>Anonymous memory backed by transparent huge pages</source>
        <translation>由透明大页支持的匿名内存</translation>
    </message>
    <message>
        <source>Shared memory mapped with huge pages</source>
        <translation>用大页映射的共享内存</translation>
    </message>
    <message>
        <source>File pages mapped with huge pages</source>
        <translation>用大页映射的文件页</translation>
    </message>
    <message>
        <source>hugetlbfs pages other processes map too (not counted in Rss)</source>
        <translation>其他进程也映射了的 hugetlbfs 页（不计入 Rss）</translation>
    </message>
    <message>
        <source>hugetlbfs pages only this process maps (not counted in Rss)</source>
        <translation>只有本进程映射的 hugetlbfs 页（不计入 Rss）</translation>
    </message>
    <message>
        <source>Anonymous pages of this mapping that are swapped out</source>
        <translation>此映射中已换出的匿名页</translation>
    </message>
    <message>
        <source>Proportional share of swap: swap entries shared after fork are divided</source>
        <translation>按比例分摊的交换：fork 后共享的交换项会被平摊</translation>
    </message>
    <message>
        <source>Pages locked in RAM (mlock)</source>
        <translation>锁定在内存中的页（mlock）</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>%1
The file was deleted or replaced after it was mapped</source>
        <translation>%1
该文件在映射之后被删除或替换了</translation>
    </message>
    <message>
        <source>In the kernel half of the address space</source>
        <translation>位于地址空间的内核部分</translation>
    </message>
    <message>
        <source>unknown flag</source>
        <translation>未知标志</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Perms</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Inode</source>
        <translation>inode</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>段</translation>
    </message>
    <message>
        <source>USS</source>
        <translation>USS</translation>
    </message>
    <message>
        <source>THPeligible</source>
        <translation>THPeligible</translation>
    </message>
    <message>
        <source>ProtectionKey</source>
        <translation>ProtectionKey</translation>
    </message>
    <message>
        <source>VmFlags</source>
        <translation>VmFlags</translation>
    </message>
    <message>
        <source>First address of the mapping</source>
        <translation>映射的第一个地址</translation>
    </message>
    <message>
        <source>First address after the mapping</source>
        <translation>映射之后的第一个地址</translation>
    </message>
    <message>
        <source>Virtual size: address space reserved, not memory used</source>
        <translation>虚拟大小：预留的地址空间，而不是使用的内存</translation>
    </message>
    <message>
        <source>r read, w write, x execute; p private (copy-on-write) or s shared</source>
        <translation>r 读，w 写，x 执行；p 私有（写时复制）或 s 共享</translation>
    </message>
    <message>
        <source>Offset of the mapping in its file</source>
        <translation>映射在其文件中的偏移</translation>
    </message>
    <message>
        <source>Device (major:minor) of the mapped file</source>
        <translation>被映射文件所在的设备（主设备号:次设备号）</translation>
    </message>
    <message>
        <source>Inode of the mapped file; 0 for anonymous memory</source>
        <translation>被映射文件的 inode；匿名内存为 0</translation>
    </message>
    <message>
        <source>Mapped file, or a pseudo-path such as [heap] or [stack]; empty for anonymous memory</source>
        <translation>被映射的文件，或 [heap]、[stack] 这样的伪路径；匿名内存为空</translation>
    </message>
    <message>
        <source>What the mapping is in the classic picture of a process&apos;s memory</source>
        <translation>该映射在经典的进程内存布局中属于哪一部分</translation>
    </message>
    <message>
        <source>Unique set size: Private_Clean + Private_Dirty</source>
        <translation>独占内存：Private_Clean + Private_Dirty</translation>
    </message>
    <message>
        <source>Whether the mapping may use transparent huge pages</source>
        <translation>该映射是否可以使用透明大页</translation>
    </message>
    <message>
        <source>Memory protection key (pkeys) of the mapping</source>
        <translation>该映射的内存保护键（pkeys）</translation>
    </message>
    <message>
        <source>Kernel flags of the mapping; hover a cell for their meaning</source>
        <translation>该映射的内核标志；鼠标悬停在单元格上可查看含义</translation>
    </message>
</context>
<context>
    <name>MemoryChartWidget</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>used (excl. buff/cache)</source>
        <translation>已用（不含缓冲/缓存）</translation>
    </message>
    <message>
        <source>buff/cache</source>
        <translation>缓冲/缓存</translation>
    </message>
    <message>
        <source>free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>available</source>
        <translation>可用</translation>
    </message>
    <message>
        <source>swap used</source>
        <translation>已用交换</translation>
    </message>
    <message>
        <source>5 min</source>
        <translation>5 分钟</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Follow the newest sample, showing %1</source>
        <translation>跟随最新的采样，显示最近 %1</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>数据系列</translation>
    </message>
    <message>
        <source>Add any recorded series (a meminfo key, a process&apos;s RSS) as a line</source>
        <translation>把任一已记录的数据系列（meminfo 的某个键、某个进程的 RSS）添加为一条曲线</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Freeze the picture; sampling goes on</source>
        <translation>冻结画面；采样继续进行</translation>
    </message>
    <message numerus="yes">
        <source>(mean of %n samples)</source>
        <translation>
            <numerusform>（%n 个采样的平均值）</numerusform>
        </translation>
    </message>
    <message>
        <source>Memory over time</source>
        <translation>内存随时间变化</translation>
    </message>
</context>
<context>
    <name>PageMapView</name>
    <message>
        <source>[anonymous]</source>
        <translation>[匿名]</translation>
    </message>
    <message>
        <source>Physical frame numbers are hidden: reading them needs root (CAP_SYS_ADMIN). Present/swapped/file/exclusive/soft-dirty flags are still shown.</source>
        <translation>物理页框号已隐藏：读取它们需要 root（CAP_SYS_ADMIN）。在内存/已换出/文件/独占/软脏等标志仍会显示。</translation>
    </message>
    <message>
        <source>Frame details are unavailable (%1): shared, huge, zero-page and KSM marks are not shown.</source>
        <translation>无法获得页框详情（%1）：不显示共享、大页、零页和 KSM 标记。</translation>
    </message>
    <message>
        <source>No pages read</source>
        <translation>尚未读取页面</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  %3 – %4  (%Ln page(s))</source>
        <translation>
            <numerusform>%1  %2  %3 – %4  （%Ln 页）</numerusform>
        </translation>
    </message>
    <message>
        <source>Page %1 at %2 (%3)</source>
        <translation>第 %1 页，位于 %2（%3）</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>PFN: %1</source>
        <translation>PFN：%1</translation>
    </message>
    <message>
        <source>hidden (needs root)</source>
        <translation>已隐藏（需要 root）</translation>
    </message>
    <message>
        <source>Swap: type %1, offset 0x%2</source>
        <translation>交换：类型 %1，偏移 0x%2</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>标志：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>kpageflags: %1</source>
        <translation>kpageflags：%1</translation>
    </message>
    <message>
        <source>Map count: %1</source>
        <translation>映射计数：%1</translation>
    </message>
    <message>
        <source>Entry: 0x%1</source>
        <translation>表项：0x%1</translation>
    </message>
    <message>
        <source>Pages %1 – %2 from %3</source>
        <translation>第 %1 – %2 页，来自 %3</translation>
    </message>
    <message>
        <source>Page map</source>
        <translation>页面图</translation>
    </message>
</context>
<context>
    <name>PagePalette</name>
    <message>
        <source>Present, anonymous</source>
        <translation>在内存，匿名</translation>
    </message>
    <message>
        <source>Present, file or shared</source>
        <translation>在内存，文件或共享</translation>
    </message>
    <message>
        <source>Swapped</source>
        <translation>已换出</translation>
    </message>
    <message>
        <source>Not present</source>
        <translation>不在内存</translation>
    </message>
    <message>
        <source>Soft-dirty</source>
        <translation>软脏</translation>
    </message>
    <message>
        <source>Exclusive</source>
        <translation>独占</translation>
    </message>
    <message>
        <source>Shared frame</source>
        <translation>共享页框</translation>
    </message>
    <message>
        <source>Huge page</source>
        <translation>大页</translation>
    </message>
    <message>
        <source>Zero page</source>
        <translation>零页</translation>
    </message>
    <message>
        <source>KSM</source>
        <translation>KSM</translation>
    </message>
</context>
<context>
    <name>PageTableModel</name>
    <message>
        <source>anonymous</source>
        <translation>匿名</translation>
    </message>
    <message>
        <source>file or shared</source>
        <translation>文件或共享</translation>
    </message>
    <message>
        <source>swapped</source>
        <translation>已换出</translation>
    </message>
    <message>
        <source>not present</source>
        <translation>不在内存</translation>
    </message>
    <message>
        <source>hidden</source>
        <translation>已隐藏</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>PFN</source>
        <translation>PFN</translation>
    </message>
    <message>
        <source>Physical address</source>
        <translation>物理地址</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <source>Page flags</source>
        <translation>页框标志</translation>
    </message>
    <message>
        <source>Map count</source>
        <translation>映射计数</translation>
    </message>
    <message>
        <source>Swap type</source>
        <translation>交换类型</translation>
    </message>
    <message>
        <source>Swap offset</source>
        <translation>交换偏移</translation>
    </message>
    <message>
        <source>Mapping</source>
        <translation>映射</translation>
    </message>
    <message>
        <source>Virtual address of the page</source>
        <translation>该页的虚拟地址</translation>
    </message>
    <message>
        <source>In RAM (anonymous, or file and shared memory), swapped out, or not present</source>
        <translation>在内存中（匿名，或文件和共享内存）、已换出，或不在内存</translation>
    </message>
    <message>
        <source>Physical frame number; hidden unless MemAtlas runs with CAP_SYS_ADMIN</source>
        <translation>物理页框号；只有 MemAtlas 以 CAP_SYS_ADMIN 运行时才显示</translation>
    </message>
    <message>
        <source>PFN times the page size</source>
        <translation>PFN 乘以页大小</translation>
    </message>
    <message>
        <source>What /proc/PID/pagemap says about the page</source>
        <translation>/proc/PID/pagemap 对该页的描述</translation>
    </message>
    <message>
        <source>What /proc/kpageflags says about the frame (root only)</source>
        <translation>/proc/kpageflags 对该物理页框的描述（仅 root）</translation>
    </message>
    <message>
        <source>How many times the frame is mapped, from /proc/kpagecount (root only)</source>
        <translation>该物理页框被映射的次数，来自 /proc/kpagecount（仅 root）</translation>
    </message>
    <message>
        <source>Swap area of a swapped-out page</source>
        <translation>已换出页所在的交换区</translation>
    </message>
    <message>
        <source>Slot of a swapped-out page in its swap area</source>
        <translation>已换出页在其交换区中的槽位</translation>
    </message>
    <message>
        <source>The mapping the page belongs to; empty for anonymous memory</source>
        <translation>该页所属的映射；匿名内存为空</translation>
    </message>
</context>
<context>
    <name>PagesPanel</name>
    <message>
        <source>Clear soft-dirty bits…</source>
        <translation>清除软脏位…</translation>
    </message>
    <message>
        <source>Read pages of the selected &amp;mapping</source>
        <translation>读取所选映射的页面(&amp;M)</translation>
    </message>
    <message>
        <source>Read pages of the &amp;whole process</source>
        <translation>读取整个进程的页面(&amp;W)</translation>
    </message>
    <message>
        <source>Export page table as CSV…</source>
        <translation>将页表导出为 CSV…</translation>
    </message>
    <message>
        <source>Writes 4 to /proc/PID/clear_refs of the process: it clears the soft-dirty bit of every page, so that pages the process writes afterwards show up as dirty. This changes the target&apos;s page tables; you will be asked first.</source>
        <translation>向该进程的 /proc/PID/clear_refs 写入 4：清除每一页的软脏位，这样之后该进程写入的页就会显示为脏页。这会改变目标进程的页表；执行前会先询问你。</translation>
    </message>
    <message>
        <source>Pages are read from /proc/PID/pagemap on request: pick a mapping on the map or in the table.</source>
        <translation>页面按需从 /proc/PID/pagemap 读取：请在地址空间图或表格中选择一个映射。</translation>
    </message>
</context>
<context>
    <name>PhysicalView</name>
    <message>
        <source>Physical frame numbers are hidden: reading them needs root (CAP_SYS_ADMIN), so pages cannot be linked to their frames in RAM.</source>
        <translation>物理页框号已隐藏：读取它们需要 root（CAP_SYS_ADMIN），因此无法把页与它在内存中的物理页框对应起来。</translation>
    </message>
    <message>
        <source>Frame details are unavailable (%1): shared frames cannot be told apart.</source>
        <translation>无法获得页框详情（%1）：无法区分共享页框。</translation>
    </message>
    <message>
        <source>This process&apos;s frame</source>
        <translation>本进程的页框</translation>
    </message>
    <message>
        <source>Shared frame (mapped more than once)</source>
        <translation>共享页框（被映射不止一次）</translation>
    </message>
    <message>
        <source>end of RAM</source>
        <translation>内存末端</translation>
    </message>
    <message>
        <source>0x%1
%2</source>
        <translation>0x%1
%2</translation>
    </message>
    <message>
        <source>No pages read.</source>
        <translation>尚未读取页面。</translation>
    </message>
    <message>
        <source>No census of physical memory (it needs root): RAM is drawn plain.</source>
        <translation>无物理内存分类统计（需要 root）：内存画成单色。</translation>
    </message>
    <message>
        <source>Physical frame numbers are hidden: no page → frame lines.</source>
        <translation>物理页框号已隐藏：没有“页 → 页框”连线。</translation>
    </message>
    <message>
        <source>No present pages with a known frame.</source>
        <translation>没有在内存中且页框已知的页。</translation>
    </message>
    <message>
        <source>Showing %1 of %2 page → frame lines (evenly sampled).</source>
        <translation>显示 %2 条“页 → 页框”连线中的 %1 条（均匀抽样）。</translation>
    </message>
    <message>
        <source>%1 page → frame lines.</source>
        <translation>%1 条“页 → 页框”连线。</translation>
    </message>
    <message>
        <source>%1 on shared frames.</source>
        <translation>其中 %1 条连到共享页框。</translation>
    </message>
    <message>
        <source>Virtual pages</source>
        <translation>虚拟页</translation>
    </message>
    <message>
        <source>Physical memory</source>
        <translation>物理内存</translation>
    </message>
    <message>
        <source>PFN 0</source>
        <translation>PFN 0</translation>
    </message>
    <message>
        <source>no lines: frame numbers hidden</source>
        <translation>无连线：页框号已隐藏</translation>
    </message>
    <message>
        <source>Virtual pages in physical memory</source>
        <translation>虚拟页在物理内存中的位置</translation>
    </message>
</context>
<context>
    <name>ProcessListModel</name>
    <message>
        <source>Kernel thread: it has no user address space</source>
        <translation>内核线程：没有用户地址空间</translation>
    </message>
    <message>
        <source>Not available: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>Read from smaps_rollup when the row is shown</source>
        <translation>在显示该行时从 smaps_rollup 读取</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>VIRT</source>
        <translation>VIRT</translation>
    </message>
    <message>
        <source>RES</source>
        <translation>RES</translation>
    </message>
    <message>
        <source>SHR</source>
        <translation>SHR</translation>
    </message>
    <message>
        <source>%MEM</source>
        <translation>%MEM</translation>
    </message>
    <message>
        <source>PSS</source>
        <translation>PSS</translation>
    </message>
    <message>
        <source>USS</source>
        <translation>USS</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>交换</translation>
    </message>
    <message>
        <source>Minor faults</source>
        <translation>次缺页异常</translation>
    </message>
    <message>
        <source>Major faults</source>
        <translation>主缺页异常</translation>
    </message>
    <message>
        <source>Process ID</source>
        <translation>进程 ID</translation>
    </message>
    <message>
        <source>Owner of the process (real user ID)</source>
        <translation>进程的所有者（实际用户 ID）</translation>
    </message>
    <message>
        <source>Command line (/proc/PID/cmdline); kernel threads in [brackets]</source>
        <translation>命令行（/proc/PID/cmdline）；内核线程显示在 [方括号] 中</translation>
    </message>
    <message>
        <source>Virtual size (VmSize): all mapped address space, including reserved and never-touched memory. Says little about real memory use.</source>
        <translation>虚拟内存大小（VmSize）：所有已映射的地址空间，包括预留的和从未访问过的内存。它几乎说明不了真实的内存使用。</translation>
    </message>
    <message>
        <source>Resident set size (VmRSS): this process&apos;s pages that are in RAM now, including pages shared with other processes.</source>
        <translation>常驻内存（VmRSS）：本进程当前在内存中的页，包括与其他进程共享的页。</translation>
    </message>
    <message>
        <source>Shared (RssFile + RssShmem): resident file-backed and shared-memory pages. Other processes may map the same pages and each counts them in full, so SHR (and RES) cannot be summed across processes; sum PSS instead.</source>
        <translation>共享（RssFile + RssShmem）：常驻的文件页和共享内存页。其他进程可能映射了同样的页，而且每个进程都把它们算满，所以 SHR（以及 RES）不能跨进程相加；请改为相加 PSS。</translation>
    </message>
    <message>
        <source>RES as a percentage of MemTotal, as top computes it</source>
        <translation>RES 占 MemTotal 的百分比，与 top 的算法相同</translation>
    </message>
    <message>
        <source>Proportional set size (smaps_rollup): private pages plus each shared page divided by the number of processes mapping it. PSS sums correctly across processes.</source>
        <translation>按比例分摊的内存（smaps_rollup）：私有页，加上每个共享页除以映射它的进程数。PSS 可以跨进程正确相加。</translation>
    </message>
    <message>
        <source>Unique set size (smaps_rollup Private_Clean + Private_Dirty): memory only this process maps, roughly what its exit would free.</source>
        <translation>独占内存（smaps_rollup 的 Private_Clean + Private_Dirty）：只有本进程映射的内存，大致是它退出后会释放的量。</translation>
    </message>
    <message>
        <source>Swapped-out memory of this process (smaps_rollup Swap)</source>
        <translation>本进程被换出的内存（smaps_rollup 的 Swap）</translation>
    </message>
    <message>
        <source>Minor page faults (/proc/PID/stat field 10): resolved without disk I/O</source>
        <translation>次缺页异常（/proc/PID/stat 第 10 个字段）：无需磁盘 I/O 即可处理</translation>
    </message>
    <message>
        <source>Major page faults (/proc/PID/stat field 12): had to wait for disk I/O</source>
        <translation>主缺页异常（/proc/PID/stat 第 12 个字段）：需要等待磁盘 I/O</translation>
    </message>
</context>
<context>
    <name>Procfs</name>
    <message>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>%1 bytes, shorter than the %2-byte header</source>
        <translation>只有 %1 字节，比 %2 字节的文件头还短</translation>
    </message>
    <message>
        <source>not a kpage.frames file (wrong magic)</source>
        <translation>不是 kpage.frames 文件（魔数不对）</translation>
    </message>
    <message>
        <source>unknown version or flags in the header</source>
        <translation>文件头中的版本或标志无法识别</translation>
    </message>
    <message>
        <source>%1 bytes after the header, not a whole number of %2-byte frames</source>
        <translation>文件头之后有 %1 字节，不是 %2 字节页框记录的整数倍</translation>
    </message>
    <message>
        <source>frame at offset %1: PFNs not in ascending order</source>
        <translation>偏移 %1 处的页框：PFN 没有按升序排列</translation>
    </message>
    <message>
        <source>frame at offset %1: PFN %2 beyond the PFN end %3</source>
        <translation>偏移 %1 处的页框：PFN %2 超出了 PFN 上界 %3</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing</source>
        <translation>缺少 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has the wrong type</source>
        <translation>&quot;%1&quot; 的类型不对</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a whole number from %2 to %3</source>
        <translation>&quot;%1&quot; 不是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO 8601 time: %2</source>
        <translation>&quot;%1&quot; 不是 ISO 8601 格式的时间：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; holds something other than objects</source>
        <translation>&quot;%1&quot; 中含有对象以外的内容</translation>
    </message>
    <message>
        <source>not valid JSON (%1 at offset %2)</source>
        <translation>不是有效的 JSON（偏移 %2 处：%1）</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>不是 JSON 对象</translation>
    </message>
    <message>
        <source>&quot;format&quot; is not &quot;%1&quot;</source>
        <translation>&quot;format&quot; 不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>format version %1 is newer than this MemAtlas reads (%2); open it with a newer MemAtlas</source>
        <translation>格式版本 %1 比这个 MemAtlas 能读取的版本（%2）新；请用更新的 MemAtlas 打开</translation>
    </message>
    <message>
        <source>&quot;pageSize&quot; %1 is not a power of two</source>
        <translation>&quot;pageSize&quot; %1 不是 2 的幂</translation>
    </message>
    <message>
        <source>unknown read status &quot;%1&quot;</source>
        <translation>未知的读取状态 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>timeline directory &quot;%1&quot; is not timeline/NNN/</source>
        <translation>时间线目录 &quot;%1&quot; 不是 timeline/NNN/ 的形式</translation>
    </message>
    <message>
        <source>not a pagemap.ranges file (wrong magic)</source>
        <translation>不是 pagemap.ranges 文件（魔数不对）</translation>
    </message>
    <message>
        <source>range header at offset %1 cut short</source>
        <translation>偏移 %1 处的区间头不完整</translation>
    </message>
    <message>
        <source>start 0x%1 is not page-aligned</source>
        <translation>起始地址 0x%1 没有按页对齐</translation>
    </message>
    <message>
        <source>no pages</source>
        <translation>没有任何页</translation>
    </message>
    <message>
        <source>%1 pages, but only %2 bytes follow</source>
        <translation>应有 %1 页，但后面只有 %2 字节</translation>
    </message>
    <message>
        <source>beyond the largest address</source>
        <translation>超出了最大地址</translation>
    </message>
    <message>
        <source>overlaps the range before it or is out of order</source>
        <translation>与前一个区间重叠，或顺序不对</translation>
    </message>
    <message>
        <source>range at offset %1: %2</source>
        <translation>偏移 %1 处的区间：%2</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <source>a directory, not a bundle</source>
        <translation>这是目录，不是快照包</translation>
    </message>
    <message>
        <source>not a regular file, so not a bundle</source>
        <translation>不是普通文件，因此不是快照包</translation>
    </message>
    <message>
        <source>empty file, not a MemAtlas bundle</source>
        <translation>空文件，不是 MemAtlas 快照包</translation>
    </message>
    <message>
        <source>not a MemAtlas bundle (%1)</source>
        <translation>不是 MemAtlas 快照包（%1）</translation>
    </message>
    <message>
        <source>truncated or damaged (%1)</source>
        <translation>文件不完整或已损坏（%1）</translation>
    </message>
    <message>
        <source>not a MemAtlas bundle (a tar archive, but not compressed with zstd)</source>
        <translation>不是 MemAtlas 快照包（是 tar 归档，但没有用 zstd 压缩）</translation>
    </message>
    <message>
        <source>not a MemAtlas bundle (its first entry is &quot;%1&quot;, not %2)</source>
        <translation>不是 MemAtlas 快照包（第一个条目是 &quot;%1&quot;，而不是 %2）</translation>
    </message>
    <message>
        <source>more than %1 entries, more than a bundle holds</source>
        <translation>条目超过 %1 个，比快照包能容纳的还多</translation>
    </message>
    <message>
        <source>%1: a link where none belongs, or twice</source>
        <translation>%1：此处不应有链接，或链接重复出现</translation>
    </message>
    <message>
        <source>%1: neither a file nor a link</source>
        <translation>%1：既不是文件也不是链接</translation>
    </message>
    <message>
        <source>%1: %2 bytes, more than the %3-byte limit for one entry</source>
        <translation>%1：%2 字节，超过了单个条目 %3 字节的上限</translation>
    </message>
    <message>
        <source>truncated or damaged in %1 (%2)</source>
        <translation>在 %1 处不完整或已损坏（%2）</translation>
    </message>
    <message>
        <source>more than %1 bytes in all, more than this reader accepts</source>
        <translation>总计超过 %1 字节，超出了读取时能接受的大小</translation>
    </message>
    <message>
        <source>snapshot %1 of %2, %3</source>
        <translation>快照 %1/%2，%3</translation>
    </message>
    <message>
        <source>not a MemAtlas bundle (an empty archive)</source>
        <translation>不是 MemAtlas 快照包（归档是空的）</translation>
    </message>
    <message>
        <source>truncated: the manifest lists %1 entries after itself, the archive holds %2</source>
        <translation>文件不完整：清单列出其后应有 %1 个条目，归档中实际有 %2 个</translation>
    </message>
    <message>
        <source>there twice</source>
        <translation>重复出现</translation>
    </message>
    <message>
        <source>unknown host</source>
        <translation>未知主机</translation>
    </message>
    <message>
        <source>bundle %1 (%2, %3)</source>
        <translation>快照包 %1（%2，%3）</translation>
    </message>
    <message>
        <source>%1: not captured: %2</source>
        <translation>%1：未采集：%2</translation>
    </message>
    <message>
        <source>%1: process %2 exited while it was captured (%3)</source>
        <translation>%1：进程 %2 在采集过程中已退出（%3）</translation>
    </message>
    <message>
        <source>%1: process %2 is not in the bundle</source>
        <translation>%1：快照包中没有进程 %2</translation>
    </message>
    <message>
        <source>%1: not in the bundle</source>
        <translation>%1：不在快照包中</translation>
    </message>
    <message>
        <source>%1: %2 bytes is larger than the %3-byte limit</source>
        <translation>%1：%2 字节，超过了 %3 字节的上限</translation>
    </message>
    <message>
        <source>%1: a %2-byte range is larger than one read may be</source>
        <translation>%1：%2 字节的区间超过了单次读取的上限</translation>
    </message>
    <message>
        <source>%1: reads must be 8-byte aligned (offset %2, length %3)</source>
        <translation>%1：读取必须按 8 字节对齐（偏移 %2，长度 %3）</translation>
    </message>
    <message>
        <source>process %1 does not exist</source>
        <translation>进程 %1 不存在</translation>
    </message>
    <message>
        <source>%1: no link target (a kernel thread or zombie has none; another user&apos;s process needs ptrace access)</source>
        <translation>%1：没有链接目标（内核线程和僵尸进程没有；读取其他用户的进程需要 ptrace 权限）</translation>
    </message>
    <message>
        <source>%1/%2: process %3 exited during the read</source>
        <translation>%1/%2：进程 %3 在读取过程中已退出</translation>
    </message>
    <message>
        <source>%1/%2: physical frame numbers are hidden (reading them needs root, CAP_SYS_ADMIN): no frames to look up in kpageflags and kpagecount</source>
        <translation>%1/%2：物理页框号已隐藏（读取它们需要 root，即 CAP_SYS_ADMIN）：无法在 kpageflags 和 kpagecount 中查找页框</translation>
    </message>
    <message>
        <source>already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>cannot create a temporary file beside it: %1</source>
        <translation>无法在同一目录下创建临时文件：%1</translation>
    </message>
    <message>
        <source>writing %1: %2</source>
        <translation>写入 %1 时出错：%2</translation>
    </message>
    <message>
        <source>interrupted; nothing written</source>
        <translation>已中断，没有写入任何内容</translation>
    </message>
    <message>
        <source>flushing %1: %2</source>
        <translation>将 %1 写入磁盘时出错：%2</translation>
    </message>
    <message>
        <source>closing %1: %2</source>
        <translation>关闭 %1 时出错：%2</translation>
    </message>
    <message>
        <source>%1/kpageflags: empty</source>
        <translation>%1/kpageflags：文件为空</translation>
    </message>
    <message>
        <source>live /proc</source>
        <translation>实时 /proc</translation>
    </message>
    <message>
        <source>address range ends before it starts: %1</source>
        <translation>地址区间的结束地址小于起始地址：%1</translation>
    </message>
    <message>
        <source>device number is too large: %1</source>
        <translation>设备号太大：%1</translation>
    </message>
    <message>
        <source>process %1: the request covers %2 pages (%3 GiB of address space); one read is limited to %4 pages: choose a smaller range</source>
        <translation>进程 %1：请求涵盖 %2 页（%3 GiB 地址空间），而一次最多读取 %4 页：请选择更小的范围</translation>
    </message>
    <message>
        <source>%1/%2: the read stopped at %3: process %4 exited during the read</source>
        <translation>%1/%2：读取在 %3 处中止：进程 %4 在读取过程中已退出</translation>
    </message>
    <message>
        <source>physical frame numbers are hidden: the kernel shows them only to processes with CAP_SYS_ADMIN (run as root)</source>
        <translation>物理页框号已隐藏：内核只向具有 CAP_SYS_ADMIN 权限的进程显示它们（请以 root 身份运行）</translation>
    </message>
    <message>
        <source>process %1 exited</source>
        <translation>进程 %1 已退出</translation>
    </message>
    <message>
        <source>truncated line (no newline at end of input): %1</source>
        <translation>行不完整（输入末尾没有换行符）：%1</translation>
    </message>
    <message>
        <source>field %1: %2</source>
        <translation>第 %1 个字段：%2</translation>
    </message>
    <message>
        <source>expected at least %1 fields, got %2</source>
        <translation>应至少有 %1 个字段，实际只有 %2 个</translation>
    </message>
    <message>
        <source>ppid or thread count is too large: %1</source>
        <translation>ppid 或线程数太大：%1</translation>
    </message>
    <message>
        <source>truncated: expected seven numbers and a newline, got %1</source>
        <translation>内容不完整：应为七个数字和一个换行符，实际为 %1</translation>
    </message>
    <message>
        <source>unexpected text after seven numbers: %1</source>
        <translation>七个数字之后有多余的文本：%1</translation>
    </message>
    <message>
        <source>a second header line in smaps_rollup: %1</source>
        <translation>smaps_rollup 中出现了第二个标题行：%1</translation>
    </message>
    <message>
        <source>smaps_rollup is empty: expected a &quot;[rollup]&quot; header line</source>
        <translation>smaps_rollup 为空：应有一个 &quot;[rollup]&quot; 标题行</translation>
    </message>
    <message>
        <source>%1: only a live process can have its soft-dirty bits cleared</source>
        <translation>%1：只有实时系统中的进程才能清除软脏位</translation>
    </message>
    <message>
        <source>tree %1</source>
        <translation>procfs 目录树 %1</translation>
    </message>
    <message>
        <source>%1: process %2 exited (a zombie until its parent reaps it)</source>
        <translation>%1：进程 %2 已退出（在父进程回收它之前是僵尸进程）</translation>
    </message>
    <message>
        <source>%1: process %2 exited (its memory is gone)</source>
        <translation>%1：进程 %2 已退出（其内存已释放）</translation>
    </message>
    <message>
        <source>%1: process %2 exited</source>
        <translation>%1：进程 %2 已退出</translation>
    </message>
    <message>
        <source>%1: no address space (kernel thread)</source>
        <translation>%1：没有地址空间（内核线程）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: permission denied (reading another user&apos;s process needs ptrace access, frame data needs root)</source>
        <translation>%1：权限不足（读取其他用户的进程需要 ptrace 权限，读取页框数据需要 root）</translation>
    </message>
    <message>
        <source>%1: larger than the %2-byte limit</source>
        <translation>%1：超过了 %2 字节的上限</translation>
    </message>
    <message>
        <source>&apos;start-end&apos; address range</source>
        <translation>形如 &apos;起始-结束&apos; 的地址区间</translation>
    </message>
    <message>
        <source>a &apos;major:minor&apos; device</source>
        <translation>形如 &apos;主设备号:次设备号&apos; 的设备号</translation>
    </message>
    <message>
        <source>a space before the permissions</source>
        <translation>权限字段前的空格</translation>
    </message>
    <message>
        <source>permissions like &apos;r-xp&apos;</source>
        <translation>形如 &apos;r-xp&apos; 的权限</translation>
    </message>
    <message>
        <source>a space after the permissions</source>
        <translation>权限字段后的空格</translation>
    </message>
    <message>
        <source>a hex offset</source>
        <translation>十六进制偏移</translation>
    </message>
    <message>
        <source>a space after the offset</source>
        <translation>偏移字段后的空格</translation>
    </message>
    <message>
        <source>a space after the device</source>
        <translation>设备号后的空格</translation>
    </message>
    <message>
        <source>a decimal inode</source>
        <translation>十进制 inode 号</translation>
    </message>
    <message>
        <source>a space after the inode</source>
        <translation>紧跟 inode 号的空格</translation>
    </message>
    <message>
        <source>&apos;Key: value kB&apos;</source>
        <translation>形如 &apos;键: 值 kB&apos; 的行</translation>
    </message>
    <message>
        <source>&apos;N kB&apos; or &apos;N&apos;</source>
        <translation>形如 &apos;N kB&apos; 或 &apos;N&apos; 的值</translation>
    </message>
    <message>
        <source>expected %1, got %2</source>
        <translation>应为%1，实际为 %2</translation>
    </message>
    <message>
        <source>%1 is too large: %2</source>
        <translation>%1太大：%2</translation>
    </message>
    <message>
        <source>value of %1 is too large: %2</source>
        <translation>%1 的值太大：%2</translation>
    </message>
    <message>
        <source>expected %1 after &quot;%2:&quot;, got %3</source>
        <translation>&quot;%2:&quot; 之后应为%1，实际为 %3</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <source>&apos;pid (comm) state ...&apos;</source>
        <translation>形如 &apos;pid (命令名) 状态 ...&apos; 的行</translation>
    </message>
    <message>
        <source>a space between fields</source>
        <translation>字段之间的空格</translation>
    </message>
    <message>
        <source>a state letter</source>
        <translation>表示状态的单个字母</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>seven numbers separated by spaces</source>
        <translation>以空格分隔的七个数字</translation>
    </message>
    <message>
        <source>a page count</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>&apos;Key:\tvalue&apos;</source>
        <translation>形如 &apos;键:\t值&apos; 的行</translation>
    </message>
    <message>
        <source>a maps header or a &apos;Key: value&apos; line</source>
        <translation>一个 maps 标题行或 &apos;键: 值&apos; 形式的行</translation>
    </message>
    <message>
        <source>&apos;N kB&apos;</source>
        <translation>形如 &apos;N kB&apos; 的值</translation>
    </message>
    <message>
        <source>0 or 1</source>
        <translation>数值 0 或 1</translation>
    </message>
    <message>
        <source>a key number</source>
        <translation>保护键编号</translation>
    </message>
    <message>
        <source>a maps header line</source>
        <translation>一个 maps 标题行</translation>
    </message>
</context>
<context>
    <name>RawProcView</name>
    <message>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <source>/proc/meminfo</source>
        <translation>/proc/meminfo</translation>
    </message>
    <message>
        <source>/proc/PID/%1</source>
        <translation>/proc/PID/%1</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation>上一个匹配（Shift+Enter）</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation>下一个匹配（Enter）</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation>关闭（Escape）</translation>
    </message>
    <message>
        <source>%1 of it</source>
        <translation>其中的 %1</translation>
    </message>
    <message>
        <source>mappings %1 to %2 of %3</source>
        <translation>共 %3 个映射中的第 %1 到 %2 个</translation>
    </message>
    <message>
        <source>%1 is %2, more than can be shown at once without stalling the window: showing %3. Find, or selecting a mapping, shows another part.</source>
        <translation>%1 有 %2，超出了一次显示而不让窗口卡顿的上限：当前显示%3。查找，或选择一个映射，可以显示其他部分。</translation>
    </message>
    <message>
        <source>Wrapped around</source>
        <translation>已从头继续查找</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
</context>
<context>
    <name>SegmentPalette</name>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Read-only data</source>
        <translation>只读数据</translation>
    </message>
    <message>
        <source>Data / BSS</source>
        <translation>数据 / BSS</translation>
    </message>
    <message>
        <source>Heap</source>
        <translation>堆</translation>
    </message>
    <message>
        <source>Anonymous mmap</source>
        <translation>匿名 mmap</translation>
    </message>
    <message>
        <source>File mapping</source>
        <translation>文件映射</translation>
    </message>
    <message>
        <source>Shared library</source>
        <translation>共享库</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>Thread stack</source>
        <translation>线程栈</translation>
    </message>
    <message>
        <source>Guard / reserved</source>
        <translation>保护区 / 保留区</translation>
    </message>
    <message>
        <source>vDSO / vvar / vsyscall</source>
        <translation>vDSO / vvar / vsyscall</translation>
    </message>
    <message>
        <source>Named anonymous</source>
        <translation>命名匿名映射</translation>
    </message>
</context>
<context>
    <name>Segments</name>
    <message>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Read-only data</source>
        <translation>只读数据</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>BSS</source>
        <translation>BSS</translation>
    </message>
    <message>
        <source>Heap</source>
        <translation>堆</translation>
    </message>
    <message>
        <source>Anonymous mmap</source>
        <translation>匿名 mmap</translation>
    </message>
    <message>
        <source>File mapping</source>
        <translation>文件映射</translation>
    </message>
    <message>
        <source>Shared library</source>
        <translation>共享库</translation>
    </message>
    <message>
        <source>Shared memory</source>
        <translation>共享内存</translation>
    </message>
    <message>
        <source>Stack</source>
        <translation>栈</translation>
    </message>
    <message>
        <source>Thread stack</source>
        <translation>线程栈</translation>
    </message>
    <message>
        <source>Guard / reserved</source>
        <translation>保护区 / 保留区</translation>
    </message>
    <message>
        <source>vDSO</source>
        <translation>vDSO</translation>
    </message>
    <message>
        <source>vvar</source>
        <translation>vvar</translation>
    </message>
    <message>
        <source>vsyscall</source>
        <translation>vsyscall</translation>
    </message>
    <message>
        <source>Named anonymous</source>
        <translation>命名匿名映射</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Address-space map (when it has focus)</source>
        <translation>地址空间图（获得焦点时）</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit the whole process</source>
        <translation>显示整个进程</translation>
    </message>
    <message>
        <source>Select the mapping above (higher addresses)</source>
        <translation>选择上方的映射（更高的地址）</translation>
    </message>
    <message>
        <source>Select the mapping below (lower addresses)</source>
        <translation>选择下方的映射（更低的地址）</translation>
    </message>
    <message>
        <source>Zoom to the selected mapping</source>
        <translation>缩放到所选映射</translation>
    </message>
    <message>
        <source>Scroll up by a screen</source>
        <translation>向上滚动一屏</translation>
    </message>
    <message>
        <source>Scroll down by a screen</source>
        <translation>向下滚动一屏</translation>
    </message>
    <message>
        <source>Scroll up a little</source>
        <translation>向上滚动一点</translation>
    </message>
    <message>
        <source>Scroll down a little</source>
        <translation>向下滚动一点</translation>
    </message>
    <message>
        <source>Wheel, Ctrl+Wheel, pinch</source>
        <translation>滚轮、Ctrl+滚轮、双指捏合</translation>
    </message>
    <message>
        <source>Zoom around the pointer</source>
        <translation>以指针为中心缩放</translation>
    </message>
    <message>
        <source>Drag, Shift+Wheel, touchpad</source>
        <translation>拖动、Shift+滚轮、触控板</translation>
    </message>
    <message>
        <source>Scroll</source>
        <translation>滚动</translation>
    </message>
    <message>
        <source>Click</source>
        <translation>单击</translation>
    </message>
    <message>
        <source>Select a mapping</source>
        <translation>选择一个映射</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>双击</translation>
    </message>
    <message>
        <source>Zoom to a mapping</source>
        <translation>缩放到该映射</translation>
    </message>
</context>
<context>
    <name>SnapshotDiffModel</name>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Size before</source>
        <translation>之前大小</translation>
    </message>
    <message>
        <source>Size after</source>
        <translation>之后大小</translation>
    </message>
    <message>
        <source>ΔSize</source>
        <translation>Δ大小</translation>
    </message>
    <message>
        <source>ΔRss</source>
        <translation>ΔRss</translation>
    </message>
    <message>
        <source>ΔPss</source>
        <translation>ΔPss</translation>
    </message>
    <message>
        <source>ΔSwap</source>
        <translation>Δ交换</translation>
    </message>
    <message>
        <source>Pages now present</source>
        <translation>新进入内存的页</translation>
    </message>
    <message>
        <source>Pages gone</source>
        <translation>不再在内存的页</translation>
    </message>
    <message>
        <source>Pages dirtied</source>
        <translation>被写脏的页</translation>
    </message>
    <message>
        <source>Pages on a new frame</source>
        <translation>换了页框的页</translation>
    </message>
    <message>
        <source>Empty unless both snapshots read the pagemap.</source>
        <translation>只有两个快照都读取了 pagemap 时才有值。</translation>
    </message>
    <message>
        <source>Pages not in memory in the older snapshot and present in the newer one: touched for the first time, faulted in from a file, or swapped back in.</source>
        <translation>在旧快照中不在内存、在新快照中在内存的页：第一次被访问、因缺页从文件读入，或从交换空间换回。</translation>
    </message>
    <message>
        <source>Pages present in the older snapshot and not in the newer one: unmapped, reclaimed or swapped out.</source>
        <translation>在旧快照中在内存、在新快照中不在内存的页：被解除映射、被回收或被换出。</translation>
    </message>
    <message>
        <source>Pages whose soft-dirty bit was set in between: written since the bits were last cleared. Always 0 on kernels without soft-dirty tracking.</source>
        <translation>两次快照之间软脏位被置上的页：自上次清除软脏位以来被写过。内核不支持软脏跟踪时始终为 0。</translation>
    </message>
    <message>
        <source>Pages present both times but in a different physical frame: copy-on-write after fork, page migration or compaction. Needs root to see frame numbers.</source>
        <translation>两次都在内存中、但位于不同物理页框的页：fork 后的写时复制、页迁移或内存规整。需要 root 才能看到页框号。</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Grown</source>
        <translation>增大</translation>
    </message>
    <message>
        <source>Shrunk</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>已变化</translation>
    </message>
</context>
<context>
    <name>SnapshotPanel</name>
    <message>
        <source>Take &amp;snapshot</source>
        <translation>拍摄快照(&amp;S)</translation>
    </message>
    <message>
        <source>every</source>
        <translation>每隔</translation>
    </message>
    <message>
        <source>&amp;Compare the two selected</source>
        <translation>比较所选的两个快照(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Back to the live map</source>
        <translation>返回实时地址空间图(&amp;B)</translation>
    </message>
    <message>
        <source>Save timeline…</source>
        <translation>保存时间线…</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>Take two snapshots of the process, select both, and compare them: the map shows what was added (green), removed (red outline) and changed (amber).</source>
        <translation>给进程拍两个快照，选中这两个，然后比较：地址空间图会标出新增的（绿色）、移除的（红色轮廓）和有变化的（琥珀色）映射。</translation>
    </message>
    <message>
        <source>Save every snapshot of the timeline in one bundle (.mematlas), to open later or elsewhere.</source>
        <translation>把时间线上的所有快照保存到一个快照包（.mematlas）中，以便以后或在别处打开。</translation>
    </message>
</context>
<context>
    <name>SnapshotTimeline</name>
    <message>
        <source>%1 — %2 mappings, RSS %3</source>
        <translation>%1 — %2 个映射，RSS %3</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Process %1: %2
Taken %3</source>
        <translation>进程 %1：%2
拍摄于 %3</translation>
    </message>
</context>
<context>
    <name>SplitSchematic</name>
    <message>
        <source>kernel space (1 GiB)</source>
        <translation>内核空间（1 GiB）</translation>
    </message>
    <message>
        <source>stack ↓</source>
        <translation>栈 ↓</translation>
    </message>
    <message>
        <source>file mappings ↓</source>
        <translation>文件映射段 ↓</translation>
    </message>
    <message>
        <source>heap ↑</source>
        <translation>堆 ↑</translation>
    </message>
    <message>
        <source>bss</source>
        <translation>bss</translation>
    </message>
    <message>
        <source>data</source>
        <translation>数据段</translation>
    </message>
    <message>
        <source>read-only (text)</source>
        <translation>只读段（代码）</translation>
    </message>
    <message>
        <source>unmapped</source>
        <translation>未映射</translation>
    </message>
    <message>
        <source>32-bit x86: 3 GiB user / 1 GiB kernel</source>
        <translation>32 位 x86：3 GiB 用户 / 1 GiB 内核</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot encode %1 as PNG</source>
        <translation>无法把 %1 编码为 PNG</translation>
    </message>
    <message>
        <source>Cannot start SVG output for %1</source>
        <translation>无法为 %1 开始 SVG 输出</translation>
    </message>
</context>
</TS>
