// What reading pagemap through PageMapReader costs next to the kernel producing it. A child makes
// 2 GiB (--gib N for more) resident in 4 KiB pages; the benchmark times, best of five:
//   - a bare pread loop over the child's pagemap (one fd, 8 MiB chunks, nothing kept), against
//     PageMapReader over the same range (maps, chunked readRange, every entry decoded and kept).
//     Target: at most 1.3 times the bare loop.
//   - kpageflags and kpagecount for the PFNs found, in runs (FrameTable::read) against one pread
//     per frame and file on already open files (the most favourable case for per-frame reads).
//   - PageModel indexing the snapshot (done on the GUI thread), with memory per page.
//   - FrameCensus over every frame of the machine.
// Run a release build as root (frame files are root-only).

#include "framecensus.h"
#include "frametable.h"
#include "liveprocsource.h"
#include "pagemapreader.h"
#include "pagemodel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

constexpr int rounds = 5;
constexpr size_t chunkBytes = 8u << 20;

using Clock = std::chrono::steady_clock;

// Best time of `count` rounds of each piece of work, in milliseconds. Rounds alternate between the
// pieces, so a busy spell on a shared machine hits all of them alike.
std::vector<double> bestOf(int count, const std::vector<std::function<void()>> &works)
{
    std::vector<double> best(works.size(), 1e300);
    for (int i = 0; i < count; ++i) {
        for (size_t w = 0; w < works.size(); ++w) {
            const Clock::time_point start = Clock::now();
            works[w]();
            best[w] = std::min(best[w], std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        }
    }
    return best;
}

double bestOf(int count, const std::function<void()> &work)
{
    return bestOf(count, std::vector<std::function<void()>>{work}).front();
}

// The child: `bytes` of anonymous memory, every 4 KiB page written (no THP: one PFN per page).
[[noreturn]] void runChild(size_t bytes, int readyFd)
{
    const size_t page = size_t(sysconf(_SC_PAGESIZE));
    quint64 start = 0;
    void *mapped = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped != MAP_FAILED) {
        madvise(mapped, bytes, MADV_NOHUGEPAGE);
        auto *base = static_cast<char *>(mapped);
        for (size_t offset = 0; offset < bytes; offset += page)
            base[offset] = 1;
        start = quint64(quintptr(mapped));
    }
    if (write(readyFd, &start, sizeof start) != sizeof start)
        _exit(1);
    for (;;)
        pause();
}

// pread over [offset, offset + length) of fd in chunks into one reused buffer; false on a short read.
bool preadLoop(int fd, quint64 offset, quint64 length, std::vector<char> *buffer)
{
    for (quint64 done = 0; done < length;) {
        const size_t want = size_t(std::min<quint64>(length - done, buffer->size()));
        const ssize_t got = pread(fd, buffer->data(), want, off_t(offset + done));
        if (got != ssize_t(want))
            return false;
        done += want;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    quint64 gib = 2;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--gib") == 0 && i + 1 < argc) {
            gib = std::strtoull(argv[++i], nullptr, 10);
        } else {
            std::fprintf(stderr, "usage: bench_pagemap [--gib N]   (resident GiB of the child, default 2)\n");
            return 2;
        }
    }
    const quint64 bytes = gib << 30;
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        std::perror("pipe");
        return 1;
    }
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        return 1;
    }
    if (child == 0) {
        close(pipeFds[0]);
        runChild(size_t(bytes), pipeFds[1]);
    }
    close(pipeFds[1]);
    quint64 start = 0;
    const bool ready = read(pipeFds[0], &start, sizeof start) == sizeof start && start != 0;
    close(pipeFds[0]);
    const auto stopChild = [child] {
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
    };
    if (!ready) {
        std::fprintf(stderr, "bench_pagemap: the child could not make %llu GiB resident\n", gib);
        stopChild();
        return 1;
    }

    const LiveProcSource source;
    const quint64 pageSize = source.pageSize();
    const quint64 pages = bytes / pageSize;
    std::printf("child %d: %llu GiB resident, %llu pages of %llu bytes\n", int(child), gib, pages, pageSize);

    // 1. pagemap: bare pread loop against PageMapReader.
    const QByteArray pagemapPath = QByteArrayLiteral("/proc/") + QByteArray::number(child) + "/pagemap";
    std::vector<char> buffer(chunkBytes);
    bool bareOk = true;
    PageMapReader pagemapOnly(source);
    pagemapOnly.setReadFrames(false);
    const QList<QPair<quint64, quint64>> range{{start, start + bytes}};
    ReadOutcome<PageMapSnapshot> snapshot;
    const auto barePread = [&] {
        const int fd = open(pagemapPath.constData(), O_RDONLY | O_CLOEXEC);
        bareOk = fd >= 0 && preadLoop(fd, start / pageSize * 8, pages * 8, &buffer) && bareOk;
        if (fd >= 0)
            close(fd);
    };
    const auto readPagemap = [&] { snapshot = pagemapOnly.read(child, range); };
    const std::vector<double> pagemapTimes = bestOf(rounds, {barePread, readPagemap});
    const double bare = pagemapTimes[0];
    const double reader = pagemapTimes[1];
    if (!bareOk || !snapshot.ok() || snapshot.value.presentCount != pages) {
        std::fprintf(stderr, "bench_pagemap: pagemap reads failed: %s (present %llu)\n", qPrintable(snapshot.error),
                     snapshot.value.presentCount);
        stopChild();
        return 1;
    }
    std::printf("pagemap, %llu entries in 8 MiB chunks (best of %d):\n", pages, rounds);
    std::printf("  bare pread loop            %8.2f ms\n", bare);
    std::printf("  PageMapReader (decoded)    %8.2f ms   ratio %.2f (target <= 1.3)\n", reader, reader / bare);

    // 2. Frame data: runs against one read per frame.
    const PageMapReader fullReader(source);
    ReadOutcome<PageMapSnapshot> full;
    const double withFrames = bestOf(rounds, [&] { full = fullReader.read(child, range); });
    if (!full.ok() || full.value.frameInfoUnavailable()) {
        std::printf("frame data unavailable: %s\n", qPrintable(full.value.frameInfoError + full.error));
        stopChild();
        return 0;
    }
    std::printf("  PageMapReader with frames  %8.2f ms   (pagemap, kpageflags, kpagecount, stat)\n", withFrames);
    const std::vector<quint64> pfns = full.value.frames.pfns();
    ReadOutcome<FrameTable> table;
    const int flagsFd = open("/proc/kpageflags", O_RDONLY | O_CLOEXEC);
    const int countFd = open("/proc/kpagecount", O_RDONLY | O_CLOEXEC);
    quint64 framesRead = 0;
    const auto readRuns = [&] { table = FrameTable::read(source, pfns); };
    const auto readEach = [&] {
        framesRead = 0;
        for (quint64 pfn : pfns) {
            quint64 value = 0;
            framesRead += pread(flagsFd, &value, 8, off_t(pfn * 8)) == 8 && pread(countFd, &value, 8, off_t(pfn * 8)) == 8;
        }
    };
    const std::vector<double> frameTimes = bestOf(rounds, {readRuns, readEach});
    close(flagsFd);
    close(countFd);
    std::printf("frames, %zu distinct PFNs (best of %d):\n", pfns.size(), rounds);
    std::printf("  FrameTable::read, runs     %8.2f ms   (%lld frames)\n", frameTimes[0], qlonglong(table.value.size()));
    std::printf("  one pread per frame, file  %8.2f ms   ratio %.1f (%llu frames)\n", frameTimes[1],
                frameTimes[1] / frameTimes[0], framesRead);

    // 3. PageModel on the snapshot with frames.
    auto shared = std::make_shared<const PageMapSnapshot>(std::move(full.value));
    PageModel model;
    const double indexing = bestOf(rounds, [&] { model.setSnapshot(shared); });
    // Entries 8 bytes a page; a frame: its PFN, its FrameInfo, about 2 bytes of bucket index.
    const double snapshotBytes = double(pages) * 8 + double(shared->frames.size()) * (8 + sizeof(FrameInfo) + 2);
    // Two words per 64 pages and category.
    const int categories = int(PageModel::StateCount) + int(PageModel::OverlayCount);
    const double modelBytes = 2.0 * double(pages / 64 + 1) * categories * 8;
    std::printf("PageModel::setSnapshot       %8.2f ms   memory: snapshot %.1f + model %.1f bytes per page\n",
                indexing, snapshotBytes / double(pages), modelBytes / double(pages));
    stopChild();

    // 4. The whole machine.
    ReadOutcome<FrameCensus> census;
    const double censusTime = bestOf(3, [&] { census = FrameCensus::read(source, 1000); });
    if (!census.ok()) {
        std::printf("census: %s\n", qPrintable(census.error));
        return 0;
    }
    std::printf("FrameCensus, %llu frames (%.1f GiB) in 1000 buckets: %.2f ms (best of 3)\n", census.value.pfnEnd(),
                double(census.value.pfnEnd() * pageSize) / double(1 << 30), censusTime);
    for (int c = 0; c < FrameCensus::ClassCount; ++c) {
        const quint64 frames = census.value.total(FrameCensus::Class(c));
        std::printf("  %-20s %9llu frames %7.2f GiB\n", qPrintable(FrameCensus::className(FrameCensus::Class(c))), frames,
                    double(frames * pageSize) / double(1 << 30));
    }
    return 0;
}
