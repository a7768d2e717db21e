// How long parsing a big smaps takes next to the kernel producing it. A child process makes
// 60,000 mappings; the benchmark times reading /proc/CHILD/smaps (the kernel's work) and
// SmapsParser::parse over the same bytes, best of five each. Parsing must stay well under the
// kernel's time, or the parser becomes what users wait for. Run a release build.

#include "smapsparser.h"

#include <QByteArray>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

constexpr int wantedMappings = 60000;
constexpr int rounds = 5;

using Clock = std::chrono::steady_clock;

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// vm.max_map_count caps the mappings of one process (65530 by default); leave room for the
// mappings the child already has.
int mappingsToMake()
{
    FILE *file = std::fopen("/proc/sys/vm/max_map_count", "r");
    int limit = 65530;
    if (file) {
        if (std::fscanf(file, "%d", &limit) != 1)
            limit = 65530;
        std::fclose(file);
    }
    return std::min(wantedMappings, limit - 200);
}

// The child: one anonymous region of `count` pages, every page touched, then every other page
// made read-only. Neighbours differ in protection, so the kernel keeps `count` separate VMAs.
[[noreturn]] void runChild(int count, int readyFd)
{
    const long page = sysconf(_SC_PAGESIZE);
    const size_t length = size_t(count) * size_t(page);
    char status = 'E';
    void *mapped = mmap(nullptr, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped != MAP_FAILED) {
        auto *base = static_cast<char *>(mapped);
        bool ok = true;
        for (int i = 0; i < count && ok; ++i) {
            base[size_t(i) * size_t(page)] = char(i);
            if (i % 2 == 1)
                ok = mprotect(base + size_t(i) * size_t(page), size_t(page), PROT_READ) == 0;
        }
        status = ok ? 'R' : 'E';
    }
    if (write(readyFd, &status, 1) != 1)
        _exit(1);
    for (;;)
        pause();
}

// Reads the whole file with read(2) into buffer, growing it only when it was too small (then the
// round is repeated, so no timed round includes an allocation). Returns the byte count, -1 on error.
qsizetype readWhole(const char *path, QByteArray *buffer)
{
    for (;;) {
        const int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return -1;
        qsizetype size = 0;
        ssize_t got = 0;
        while (size < buffer->size() && (got = read(fd, buffer->data() + size, size_t(buffer->size() - size))) > 0)
            size += got;
        close(fd);
        if (got < 0)
            return -1;
        if (size < buffer->size())
            return size;
        buffer->resize(buffer->size() * 2);
    }
}

} // namespace

int main()
{
    const int count = mappingsToMake();
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
        runChild(count, pipeFds[1]);
    }
    close(pipeFds[1]);
    char status = 0;
    const bool ready = read(pipeFds[0], &status, 1) == 1 && status == 'R';
    close(pipeFds[0]);
    const auto stopChild = [child] {
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
    };
    if (!ready) {
        std::fprintf(stderr, "bench_smaps: the child could not create %d mappings\n", count);
        stopChild();
        return 1;
    }

    char path[64];
    std::snprintf(path, sizeof path, "/proc/%d/smaps", int(child));
    QByteArray buffer(128 * 1024 * 1024, Qt::Uninitialized);
    qsizetype size = readWhole(path, &buffer); // warm-up, and sizes the buffer
    double kernelBest = 1e300;
    for (int round = 0; round < rounds && size >= 0; ++round) {
        const auto start = Clock::now();
        size = readWhole(path, &buffer);
        kernelBest = std::min(kernelBest, millisecondsSince(start));
    }
    stopChild();
    if (size < 0) {
        std::perror("bench_smaps: reading smaps");
        return 1;
    }

    const QByteArrayView text(buffer.constData(), size);
    double parseBest = 1e300;
    qsizetype entries = 0;
    for (int round = 0; round < rounds; ++round) {
        const auto start = Clock::now();
        const auto result = SmapsParser::parse(text);
        const double elapsed = millisecondsSince(start); // before the result is freed
        parseBest = std::min(parseBest, elapsed);
        if (!result.ok()) {
            std::fprintf(stderr, "bench_smaps: parse error: %s\n", qPrintable(result.error.toString()));
            return 1;
        }
        entries = result.value.size();
    }

    std::printf("smaps: %.1f MB, %lld mappings (%d made by the child)\n", double(size) / (1024.0 * 1024.0),
                static_cast<long long>(entries), count);
    std::printf("kernel (read, best of %d): %.1f ms\n", rounds, kernelBest);
    std::printf("parse  (best of %d):       %.1f ms\n", rounds, parseBest);
    std::printf("ratio parse/kernel:         %.2f\n", parseBest / kernelBest);
    return 0;
}
