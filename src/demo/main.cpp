// mematlas-demo: a small process whose memory changes on request, for watching in MemAtlas.
//
// It uses nothing but the C library, so its address space looks like a textbook's: code, data, [heap],
// a few libc mappings, [stack]. It reads one command per line on stdin and answers each with exactly
// one line of JSON on stdout, so a driver (MemAtlas, a test, a student typing) can follow it.
//
//   small [N] [SIZE]  malloc N blocks of SIZE bytes (default 4096 x 512) and write to them. Below the
//                     128 KiB mmap threshold malloc takes memory from the [heap], which grows via brk.
//   free-small        free the small blocks, except the one highest in the heap. The heap end does
//                     not move: malloc keeps freed brk memory for the next small blocks.
//   large [SIZE]      malloc one block (default 64M) and leave it untouched. Above the threshold malloc
//                     gives it an anonymous mapping of its own; no page of it is in RAM yet.
//   touch             write one byte to each page of the large block: one minor page fault per page.
//   free-large        free the large block: its mapping goes back to the system at once.
//   mapfile [PATH]    mmap PATH read-only (default: a new 1 MiB file in $TMPDIR, deleted once mapped)
//                     and read each page: a file-backed mapping whose pages are page-cache pages.
//   unmapfile         munmap that file.
//   fork              fork a child that shares every page with this process (copy-on-write).
//   child-write       the child writes one byte into the first page of the large block (or of a
//                     one-page buffer when there is none): it gets its own copy of that page.
//   child-exit        end the child and reap it.
//   stack [KIB]       recurse until about KIB KiB (default 1024) of stack are used: [stack] grows down.
//   status            pid, heap, program break, blocks, child, page-fault counts.
//   reset             end the child, free every block, unmap the file: a lesson starts from here.
//                     The heap keeps its size (brk memory stays with malloc).
//   quit              exit; so does the end of input, and SIGTERM. The child is always reaped first.
//
// SIZE takes a K, M or G suffix (powers of 1024). Replies:
//   {"ok":true,"command":"large","address":"0x7f5c2a000010","size":67108864,...}
//   {"ok":false,"command":"touch","error":"no large block: run large first"}
// Addresses are hex strings (a JSON number is a double, too small for some addresses), null when
// there is none. "regionStart" and "regionEnd" give the address range worth looking at afterwards.

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <initializer_list>
#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr size_t KiB = 1024;
constexpr size_t MiB = 1024 * KiB;
constexpr size_t GiB = 1024 * MiB;
constexpr size_t MmapThreshold = 128 * KiB; // glibc's default M_MMAP_THRESHOLD
constexpr size_t MaxLine = 4096;
constexpr size_t MaxCommandEcho = 32; // bytes of an unknown command word repeated in its reply
constexpr size_t StackFrameBytes = KiB;

const char Usage[] =
    "Usage: mematlas-demo [--help]\n"
    "A process whose memory changes on request, for watching in MemAtlas. Reads one command per\n"
    "line on stdin and answers each with one line of JSON on stdout.\n"
    "\n"
    "  small [N] [SIZE]  malloc N blocks of SIZE bytes (default 4096 512): [heap] grows via brk\n"
    "  free-small        free them, except the highest: the heap keeps its size for reuse\n"
    "  large [SIZE]      malloc one block (default 64M): a new anonymous mapping, not yet in RAM\n"
    "  touch             write one byte per page of the large block: page faults\n"
    "  free-large        free the large block: its mapping disappears\n"
    "  mapfile [PATH]    map a file read-only (default: a 1 MiB temporary file) and read it\n"
    "  unmapfile         unmap it\n"
    "  fork              fork a child sharing all pages (copy-on-write)\n"
    "  child-write       the child writes one byte to a shared page: it gets its own copy\n"
    "  child-exit        end the child and reap it\n"
    "  stack [KIB]       use about KIB KiB of stack by recursion (default 1024): [stack] grows\n"
    "  status            addresses, sizes and page-fault counts\n"
    "  quit              exit (end of input too)\n"
    "SIZE takes a K, M or G suffix. Addresses in replies are hex strings.\n";

// Small blocks are chained through their own first bytes, so keeping track of them takes no memory
// besides the blocks (a list of pointers would itself come from malloc and change the picture).
struct SmallBlock
{
    SmallBlock *previous;
};

struct Demo
{
    size_t pageSize = 4096;
    SmallBlock *newestSmall = nullptr;
    size_t smallCount = 0;
    char *large = nullptr;
    size_t largeSize = 0;
    char *file = nullptr;
    size_t fileSize = 0;
    char filePath[PATH_MAX] = {};
    char *sharedPage = nullptr; // the child's page when there was no large block at fork time
    char *childTarget = nullptr; // the byte the child writes
    int toChild = -1;
    int fromChild = -1;
};

Demo demo;
// Read by the signal handler, so it can reap the child before the demo dies.
volatile sig_atomic_t childPid = 0;

// One reply line, built in static storage: a buffer on the stack would itself grow the [stack].
// The fields after "ok" collect in m_fields; fail() replaces all but the command with the error.
class Reply
{
public:
    void begin(const char *command)
    {
        m_used = 0;
        m_failed = false;
        key("command");
        quoted(command, MaxCommandEcho);
        m_commandEnd = m_used;
    }
    void number(const char *name, unsigned long long value)
    {
        key(name);
        appendf("%llu", value);
    }
    void address(const char *name, uintptr_t value)
    {
        key(name);
        if (value)
            appendf("\"0x%llx\"", static_cast<unsigned long long>(value));
        else
            append("null");
    }
    void flag(const char *name, bool value)
    {
        key(name);
        append(value ? "true" : "false");
    }
    void text(const char *name, const char *value)
    {
        key(name);
        quoted(value, MaxLine + 256);
    }
    void region(uintptr_t start, uintptr_t end)
    {
        address("regionStart", start);
        address("regionEnd", end);
    }
    // Makes it {"ok":false,"command":...,"error":...}, dropping the fields added so far. Returns false.
    bool fail(const char *format, ...) __attribute__((format(printf, 2, 3)))
    {
        static char message[MaxLine + 256];
        va_list arguments;
        va_start(arguments, format);
        std::vsnprintf(message, sizeof message, format, arguments);
        va_end(arguments);
        m_used = m_commandEnd;
        m_failed = true;
        text("error", message);
        return false;
    }
    // False when stdout is gone (the driver quit): nobody is listening any more.
    bool send()
    {
        std::fputs(m_failed ? "{\"ok\":false" : "{\"ok\":true", stdout);
        std::fwrite(m_fields, 1, m_used, stdout);
        std::fputs("}\n", stdout);
        return std::fflush(stdout) == 0;
    }

private:
    void key(const char *name)
    {
        append(",\"");
        append(name);
        append("\":");
    }
    void append(const char *text)
    {
        for (; *text && m_used + 1 < sizeof m_fields; ++text)
            m_fields[m_used++] = *text;
    }
    void appendf(const char *format, ...) __attribute__((format(printf, 2, 3)))
    {
        char text[64];
        va_list arguments;
        va_start(arguments, format);
        std::vsnprintf(text, sizeof text, format, arguments);
        va_end(arguments);
        append(text);
    }
    // The first maxBytes of value as a JSON string. Bytes above 0x7f pass unchanged: file names are
    // UTF-8 on Linux.
    void quoted(const char *value, size_t maxBytes)
    {
        append("\"");
        for (const char *c = value; *c && size_t(c - value) < maxBytes; ++c) {
            const char one[] = {*c, '\0'};
            if (*c == '"' || *c == '\\')
                append("\\");
            if (static_cast<unsigned char>(*c) < 0x20)
                appendf("\\u%04x", unsigned(*c));
            else
                append(one);
        }
        append("\"");
    }

    // Room for the longest error (a path of MaxLine bytes, each escaped to six) and the command.
    char m_fields[8 * MaxLine] = {};
    size_t m_used = 0;
    size_t m_commandEnd = 0;
    bool m_failed = false;
};

Reply reply;

uintptr_t addressOf(const void *pointer)
{
    return reinterpret_cast<uintptr_t>(pointer);
}

uintptr_t pageDown(uintptr_t address)
{
    return address & ~(uintptr_t(demo.pageSize) - 1);
}

uintptr_t pageUp(uintptr_t address)
{
    return pageDown(address + demo.pageSize - 1);
}

// Names the whole pages holding [address, address + size) as the region to look at.
void pagesRegion(uintptr_t address, size_t size)
{
    reply.region(pageDown(address), pageUp(address + size));
}

// The fields of a block (the large one, the mapped file): where, how big, and its pages as the region.
void blockFields(uintptr_t address, size_t size)
{
    reply.address("address", address);
    reply.number("size", size);
    pagesRegion(address, size);
}

uintptr_t programBreak()
{
    return addressOf(sbrk(0));
}

// Where the [heap] line of /proc/self/maps starts (the kernel's start_brk), or 0 while there is no
// heap (a malloc that is not glibc's, under valgrind or a sanitizer, may never use brk).
uintptr_t heapStart()
{
    static uintptr_t start = 0;
    if (start)
        return start;
    FILE *maps = std::fopen("/proc/self/maps", "r");
    if (!maps)
        return 0;
    char line[512];
    while (std::fgets(line, sizeof line, maps)) {
        unsigned long long low = 0;
        if (std::strstr(line, "[heap]") && std::sscanf(line, "%llx-", &low) == 1)
            start = uintptr_t(low);
    }
    std::fclose(maps);
    return start;
}

struct Faults
{
    unsigned long long minor = 0;
    unsigned long long major = 0;
};

Faults faults()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return {static_cast<unsigned long long>(usage.ru_minflt), static_cast<unsigned long long>(usage.ru_majflt)};
}

void addFaults(const Faults &before, const Faults &after)
{
    reply.number("minfltBefore", before.minor);
    reply.number("minfltAfter", after.minor);
    reply.number("majfltBefore", before.major);
    reply.number("majfltAfter", after.major);
}

// Reads the next word of args as a number into value (unchanged when there is none). withSuffix
// allows K, M and G. Fails the reply, naming the argument, unless min <= value <= max.
bool numberArgument(char **args, const char *name, size_t min, size_t max, bool withSuffix, size_t *value)
{
    const char *word = strtok_r(nullptr, " \t", args);
    if (!word)
        return true;
    char *end = nullptr;
    errno = 0;
    const bool digit = std::isdigit(static_cast<unsigned char>(word[0])); // strtoull would take "-1"
    const unsigned long long number = digit ? std::strtoull(word, &end, 10) : 0;
    unsigned long long scale = 1;
    if (end && withSuffix && *end && !end[1]) {
        const char units[] = "KMG";
        if (const char *unit = std::strchr(units, std::toupper(static_cast<unsigned char>(*end)))) {
            scale = 1ull << (10 * (unit - units + 1));
            ++end;
        }
    }
    if (!end || *end || errno != 0 || number > max / scale || number * scale < min)
        return reply.fail("%s must be a whole number from %zu to %zu%s, not \"%s\"", name, min, max,
                          withSuffix ? " (K, M, G allowed)" : "", word);
    *value = size_t(number * scale);
    return true;
}

bool noMoreArguments(char **args)
{
    if (const char *extra = strtok_r(nullptr, " \t", args))
        return reply.fail("unexpected argument \"%s\"", extra);
    return true;
}

// For the commands on the large block: no arguments, and a block to work on.
bool largeBlockArguments(char **args)
{
    if (!noMoreArguments(args))
        return false;
    return demo.large || reply.fail("no large block: run large first");
}

// For the commands to the child: no arguments, and a child.
bool childArguments(char **args)
{
    if (!noMoreArguments(args))
        return false;
    return childPid > 0 || reply.fail("no child: run fork first");
}

bool mallocSmall(char **args)
{
    size_t count = 4096;
    size_t size = 512;
    if (!numberArgument(args, "N", 1, 1000000, false, &count)
        || !numberArgument(args, "SIZE", sizeof(SmallBlock), 64 * KiB, true, &size) || !noMoreArguments(args))
        return false;
    if (count * size > GiB)
        return reply.fail("N x SIZE is above 1 GiB; ask for less");
    const uintptr_t brkBefore = programBreak();
    for (size_t i = 0; i < count; ++i) {
        auto *block = static_cast<SmallBlock *>(std::malloc(size));
        if (!block)
            return reply.fail("malloc(%zu) failed after %zu blocks; they stay allocated", size, i);
        std::memset(block, 0x5a, size); // write every byte: the pages are really used
        block->previous = demo.newestSmall;
        demo.newestSmall = block;
        ++demo.smallCount;
    }
    const uintptr_t brkAfter = programBreak();
    reply.number("count", count);
    reply.number("size", size);
    reply.number("blocks", demo.smallCount);
    reply.address("heapStart", heapStart());
    reply.address("brkBefore", brkBefore);
    reply.address("brkAfter", brkAfter);
    if (heapStart())
        reply.region(heapStart(), brkAfter);
    return true;
}

// Frees every small block except the highest one. With a block in use at its top, the heap cannot
// shrink, whatever malloc's trimming rules: the textbook's "freed brk memory stays for reuse" then
// holds on every run, and the freed memory serves the next small blocks without a new brk.
bool freeSmall(char **args)
{
    if (!noMoreArguments(args))
        return false;
    if (!demo.newestSmall)
        return reply.fail("no small blocks: run small first");
    SmallBlock *top = demo.newestSmall;
    for (SmallBlock *block = demo.newestSmall; block; block = block->previous) {
        if (block > top)
            top = block;
    }
    const uintptr_t brkBefore = programBreak();
    size_t freed = 0;
    for (SmallBlock *block = demo.newestSmall; block;) {
        SmallBlock *previous = block->previous;
        if (block != top) {
            std::free(block);
            ++freed;
        }
        block = previous;
    }
    top->previous = nullptr;
    demo.newestSmall = top;
    demo.smallCount = 1;
    const uintptr_t brkAfter = programBreak();
    reply.number("freed", freed);
    reply.address("kept", addressOf(top));
    reply.address("heapStart", heapStart());
    reply.address("brkBefore", brkBefore);
    reply.address("brkAfter", brkAfter);
    reply.flag("heapShrank", brkAfter < brkBefore);
    reply.text("note", "the highest block stays in use, so the heap cannot shrink; malloc keeps the freed memory");
    if (heapStart())
        reply.region(heapStart(), brkAfter);
    return true;
}

bool mallocLarge(char **args)
{
    size_t size = 64 * MiB;
    if (!numberArgument(args, "SIZE", MmapThreshold, 4 * GiB, true, &size) || !noMoreArguments(args))
        return false;
    if (demo.large)
        return reply.fail("there is a large block already: run free-large first");
    demo.large = static_cast<char *>(std::malloc(size)); // not written: its pages stay absent
    if (!demo.large)
        return reply.fail("malloc(%zu) failed", size);
    demo.largeSize = size;
    blockFields(addressOf(demo.large), size);
    return true;
}

bool touchLarge(char **args)
{
    if (!largeBlockArguments(args))
        return false;
    const Faults before = faults();
    size_t pages = 0;
    // One byte in every page the block spans: its first byte, then the first byte of each next page.
    const uintptr_t end = addressOf(demo.large) + demo.largeSize;
    for (uintptr_t byte = addressOf(demo.large); byte < end; byte = pageDown(byte) + demo.pageSize, ++pages)
        *reinterpret_cast<volatile char *>(byte) = 1;
    addFaults(before, faults());
    reply.number("pages", pages);
    blockFields(addressOf(demo.large), demo.largeSize);
    return true;
}

bool freeLarge(char **args)
{
    if (!largeBlockArguments(args))
        return false;
    const uintptr_t address = addressOf(demo.large);
    std::free(demo.large);
    demo.large = nullptr;
    blockFields(address, demo.largeSize);
    demo.largeSize = 0;
    return true;
}

// A new file of size bytes in $TMPDIR, its path in path. Returns the open descriptor, or -1.
int createTemporaryFile(size_t size, char *path, size_t pathSize)
{
    const char *directory = std::getenv("TMPDIR");
    std::snprintf(path, pathSize, "%s/mematlas-demo-XXXXXX", directory && *directory ? directory : "/tmp");
    const int fd = mkstemp(path);
    if (fd < 0) {
        reply.fail("cannot create %s: %s", path, std::strerror(errno));
        return -1;
    }
    static char page[4096];
    for (size_t offset = 0; offset < size; offset += sizeof page) {
        std::snprintf(page, sizeof page, "MemAtlas demo file, page %zu\n", offset / sizeof page);
        if (write(fd, page, sizeof page) != ssize_t(sizeof page)) {
            reply.fail("cannot write %s: %s", path, std::strerror(errno));
            close(fd);
            unlink(path);
            return -1;
        }
    }
    return fd;
}

bool mapFile(char **args)
{
    if (demo.file)
        return reply.fail("a file is mapped already: run unmapfile first");
    // The rest of the line is the path, so it may contain spaces.
    char *path = *args;
    while (path && (*path == ' ' || *path == '\t'))
        ++path;
    const bool temporary = !path || !*path;
    int fd = -1;
    if (temporary) {
        fd = createTemporaryFile(MiB, demo.filePath, sizeof demo.filePath);
        if (fd < 0)
            return false;
    } else {
        std::snprintf(demo.filePath, sizeof demo.filePath, "%s", path);
        fd = open(demo.filePath, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return reply.fail("cannot open %s: %s", demo.filePath, std::strerror(errno));
    }
    struct stat info{};
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_size <= 0 || size_t(info.st_size) > GiB) {
        close(fd);
        return reply.fail("%s is not a regular file of 1 byte to 1 GiB", demo.filePath);
    }
    const size_t size = size_t(info.st_size);
    void *mapped = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
    const int mapError = errno;
    close(fd); // the mapping keeps the file open
    if (temporary)
        unlink(demo.filePath); // maps now shows the path with " (deleted)"
    if (mapped == MAP_FAILED)
        return reply.fail("cannot map %s: %s", demo.filePath, std::strerror(mapError));
    demo.file = static_cast<char *>(mapped);
    demo.fileSize = size;

    const Faults before = faults();
    const volatile char *bytes = demo.file; // volatile: each read happens, though its value is not used
    size_t pages = 0;
    for (size_t offset = 0; offset < size; offset += demo.pageSize, ++pages)
        static_cast<void>(bytes[offset]);
    addFaults(before, faults());
    blockFields(addressOf(demo.file), size);
    reply.text("path", demo.filePath);
    reply.flag("deleted", temporary);
    reply.number("pages", pages);
    return true;
}

bool unmapFile(char **args)
{
    if (!noMoreArguments(args))
        return false;
    if (!demo.file)
        return reply.fail("no file is mapped: run mapfile first");
    munmap(demo.file, demo.fileSize);
    blockFields(addressOf(demo.file), demo.fileSize);
    reply.text("path", demo.filePath);
    demo.file = nullptr;
    demo.fileSize = 0;
    return true;
}

void terminationSignals(int how, sigset_t *previous)
{
    sigset_t set;
    sigemptyset(&set);
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaddset(&set, signal);
    sigprocmask(how, &set, previous);
}

// The child: waits for bytes on commands, writes each into target (the copy-on-write fault) and
// acknowledges it. It ends when the pipe closes, or when the demo dies, however it dies.
[[noreturn]] void runChild(int commands, int acks, char *target, pid_t parent)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) // the demo died before prctl took effect
        _exit(0);
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        std::signal(signal, SIG_DFL);
    terminationSignals(SIG_UNBLOCK, nullptr);
    // The standard streams belong to the demo's driver, which must see them close when the demo ends.
    const int null = open("/dev/null", O_RDWR);
    for (int stream : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
        dup2(null, stream);
    char byte = 0;
    while (read(commands, &byte, 1) == 1) {
        target[0] = byte;
        if (write(acks, &byte, 1) != 1)
            break;
    }
    _exit(0);
}

void closeAll(std::initializer_list<int> fds)
{
    for (int fd : fds)
        close(fd);
}

// Unmaps the page made for a child when there was no large block.
void dropSharedPage()
{
    if (demo.sharedPage)
        munmap(demo.sharedPage, demo.pageSize);
    demo.sharedPage = nullptr;
}

bool forkChild(char **args)
{
    if (!noMoreArguments(args))
        return false;
    if (childPid > 0)
        return reply.fail("there is a child already (pid %d): run child-exit first", int(childPid));
    int commands[2];
    int acks[2];
    if (pipe(commands) != 0)
        return reply.fail("pipe: %s", std::strerror(errno));
    if (pipe(acks) != 0) {
        const int error = errno;
        closeAll({commands[0], commands[1]});
        return reply.fail("pipe: %s", std::strerror(error));
    }
    char *target = demo.large;
    if (!target) {
        void *page = mmap(nullptr, demo.pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (page == MAP_FAILED) {
            const int error = errno;
            closeAll({commands[0], commands[1], acks[0], acks[1]});
            return reply.fail("cannot map a page: %s", std::strerror(error));
        }
        demo.sharedPage = target = static_cast<char *>(page);
    }
    target[0] = 1; // present before the fork, so the child shares it rather than faulting in its own
    // No termination signal between fork and noting the child's pid, so the handler always knows it.
    sigset_t previous;
    terminationSignals(SIG_BLOCK, &previous);
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid == 0) {
        closeAll({commands[1], acks[0]});
        runChild(commands[0], acks[1], target, parent);
    }
    const int forkError = errno;
    if (pid > 0)
        childPid = pid;
    sigprocmask(SIG_SETMASK, &previous, nullptr);
    closeAll({commands[0], acks[1]});
    if (pid < 0) {
        closeAll({commands[1], acks[0]});
        dropSharedPage();
        return reply.fail("fork: %s", std::strerror(forkError));
    }
    demo.toChild = commands[1];
    demo.fromChild = acks[0];
    demo.childTarget = target;
    reply.number("childPid", static_cast<unsigned long long>(pid));
    reply.address("address", addressOf(target));
    pagesRegion(addressOf(target), 1);
    return true;
}

// Ends the child by closing its pipe, and reaps it. Returns its wait status.
int endChild()
{
    const pid_t pid = childPid;
    closeAll({demo.toChild, demo.fromChild});
    demo.toChild = demo.fromChild = -1;
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    childPid = 0;
    dropSharedPage();
    demo.childTarget = nullptr;
    return status;
}

bool childWrite(char **args)
{
    if (!childArguments(args))
        return false;
    const char byte = 2;
    pollfd ack{demo.fromChild, POLLIN, 0};
    char answer = 0;
    if (write(demo.toChild, &byte, 1) != 1 || poll(&ack, 1, 5000) != 1 || read(demo.fromChild, &answer, 1) != 1) {
        const int pid = int(childPid);
        endChild();
        return reply.fail("the child (pid %d) did not answer; it was ended and reaped", pid);
    }
    reply.number("childPid", static_cast<unsigned long long>(childPid));
    reply.address("address", addressOf(demo.childTarget));
    pagesRegion(addressOf(demo.childTarget), 1);
    return true;
}

bool childExit(char **args)
{
    if (!childArguments(args))
        return false;
    const pid_t pid = childPid;
    const int status = endChild();
    reply.number("childPid", static_cast<unsigned long long>(pid));
    reply.number("exitCode", WIFEXITED(status) ? unsigned(WEXITSTATUS(status)) : 128u + unsigned(WTERMSIG(status)));
    return true;
}

// Each call keeps StackFrameBytes on the stack and writes all of them, so the pages are really used.
// Returns the lowest address written; using the deeper call's result after it returns keeps the
// compiler from turning the recursion into a loop.
__attribute__((noinline)) uintptr_t recurse(size_t frames)
{
    volatile char frame[StackFrameBytes];
    for (size_t i = 0; i < StackFrameBytes; ++i)
        frame[i] = char(frames);
    uintptr_t lowest = reinterpret_cast<uintptr_t>(&frame[0]);
    if (frames > 1) {
        const uintptr_t deeper = recurse(frames - 1);
        if (deeper < lowest)
            lowest = deeper;
    }
    return lowest;
}

bool growStack(char **args)
{
    // Stay 256 KiB inside the stack limit (ulimit -s, usually 8 MiB): beyond it the demo would crash.
    rlimit limit{};
    getrlimit(RLIMIT_STACK, &limit);
    const size_t limitKiB = limit.rlim_cur == RLIM_INFINITY ? 64 * KiB : size_t(limit.rlim_cur / KiB);
    const size_t maxKiB = std::min(limitKiB > 512 ? limitKiB - 256 : limitKiB / 2, 64 * KiB);
    size_t kib = std::min(size_t(1024), maxKiB);
    if (!numberArgument(args, "KIB", 1, maxKiB, false, &kib) || !noMoreArguments(args))
        return false;
    int top = 0;
    const uintptr_t lowest = recurse(kib * KiB / StackFrameBytes);
    reply.number("kib", kib);
    reply.address("lowest", lowest);
    reply.address("top", addressOf(&top));
    reply.number("limitKib", limitKiB);
    pagesRegion(lowest, addressOf(&top) - lowest);
    return true;
}

bool printStatus(char **args)
{
    if (!noMoreArguments(args))
        return false;
    const Faults now = faults();
    reply.number("pid", static_cast<unsigned long long>(getpid()));
    reply.number("pageSize", demo.pageSize);
    reply.address("heapStart", heapStart());
    reply.address("brk", programBreak());
    reply.number("smallBlocks", demo.smallCount);
    reply.address("largeAddress", addressOf(demo.large));
    reply.number("largeSize", demo.largeSize);
    reply.address("fileAddress", addressOf(demo.file));
    reply.number("fileSize", demo.fileSize);
    reply.number("childPid", static_cast<unsigned long long>(childPid));
    reply.number("minflt", now.minor);
    reply.number("majflt", now.major);
    return true;
}

// Leaves nothing behind: the child reaped, every block freed (so valgrind reports no leak).
void cleanUp()
{
    if (childPid > 0)
        endChild();
    while (demo.newestSmall) {
        SmallBlock *previous = demo.newestSmall->previous;
        std::free(demo.newestSmall);
        demo.newestSmall = previous;
    }
    std::free(demo.large);
    if (demo.file)
        munmap(demo.file, demo.fileSize);
}

bool resetAll(char **args)
{
    if (!noMoreArguments(args))
        return false;
    cleanUp();
    const size_t pageSize = demo.pageSize;
    demo = Demo();
    demo.pageSize = pageSize;
    reply.address("heapStart", heapStart());
    reply.address("brk", programBreak());
    return true;
}

// Async-signal-safe: kill, waitpid and _exit only.
void onTerminationSignal(int signal)
{
    const pid_t pid = childPid;
    if (pid > 0) {
        kill(pid, SIGKILL);
        waitpid(pid, nullptr, 0);
    }
    _exit(128 + signal);
}

struct Command
{
    const char *name;
    bool (*run)(char **args);
};

const Command Commands[] = {
    {"small", mallocSmall},
    {"free-small", freeSmall},
    {"large", mallocLarge},
    {"touch", touchLarge},
    {"free-large", freeLarge},
    {"mapfile", mapFile},
    {"unmapfile", unmapFile},
    {"fork", forkChild},
    {"child-write", childWrite},
    {"child-exit", childExit},
    {"stack", growStack},
    {"status", printStatus},
    {"reset", resetAll},
};

// Reads one line into line without its end; false at the end of input. A line longer than
// MaxLine is consumed whole and comes back as tooLong.
bool readLine(char *line, size_t size, bool *tooLong)
{
    if (!std::fgets(line, int(size), stdin))
        return false;
    size_t length = std::strlen(line);
    *tooLong = length == size - 1 && line[length - 1] != '\n';
    if (*tooLong) {
        int c = 0;
        while ((c = std::getchar()) != '\n' && c != EOF) {
        }
    }
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r'))
        line[--length] = '\0';
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1) {
        const bool help = std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0;
        std::fputs(Usage, help ? stdout : stderr);
        if (!help)
            std::fprintf(stderr, "mematlas-demo: unknown argument \"%s\"\n", argv[1]);
        return help ? 0 : 2;
    }
    demo.pageSize = size_t(sysconf(_SC_PAGESIZE));
    // glibc raises its mmap threshold after a large mmapped block is freed, so a second "large"
    // would come from the heap. Fixing it keeps the textbook's 128 KiB rule true on every run.
    mallopt(M_MMAP_THRESHOLD, int(MmapThreshold));
    // Transparent huge pages would fault 2 MiB in at once; the lesson is about 4 KiB pages.
    prctl(PR_SET_THP_DISABLE, 1, 0, 0, 0);
    struct sigaction action{};
    action.sa_handler = onTerminationSignal;
    for (int signal : {SIGTERM, SIGINT, SIGHUP})
        sigaction(signal, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN); // a vanished driver shows as a failed write instead

    static char line[MaxLine + 2];
    bool tooLong = false;
    while (readLine(line, sizeof line, &tooLong)) {
        char *args = nullptr;
        const char *name = tooLong ? nullptr : strtok_r(line, " \t", &args);
        reply.begin(name ? name : "");
        if (tooLong) {
            reply.fail("line longer than %zu bytes", MaxLine);
        } else if (!name) {
            reply.fail("empty command; see mematlas-demo --help");
        } else if (std::strcmp(name, "quit") == 0) {
            reply.send();
            break;
        } else {
            const Command *command = nullptr;
            for (const Command &candidate : Commands) {
                if (std::strcmp(candidate.name, name) == 0)
                    command = &candidate;
            }
            if (command)
                command->run(&args);
            else
                reply.fail("unknown command \"%.*s\"; see mematlas-demo --help", int(MaxCommandEcho), name);
        }
        if (!reply.send())
            break;
    }
    cleanUp();
    return 0;
}
