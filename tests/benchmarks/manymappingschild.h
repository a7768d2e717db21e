#pragma once

// A child process with tens of thousands of separate mappings, for benchmarks that need a real
// process with a big maps/smaps: one anonymous region of `count` pages, every page touched, then
// every other page made read-only. Neighbours differ in protection, so the kernel keeps `count`
// separate VMAs. Also the timed read of the kernel's text. Header-only; shared by bench_smaps and
// bench_firstpaint.

#include <QByteArray>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ManyMappingsChild {

constexpr int WantedMappings = 60000;

// vm.max_map_count caps the mappings of one process (65530 by default); leave room for the
// mappings the child already has.
inline int mappingsToMake(int wanted = WantedMappings)
{
    FILE *file = std::fopen("/proc/sys/vm/max_map_count", "r");
    int limit = 65530;
    if (file) {
        if (std::fscanf(file, "%d", &limit) != 1)
            limit = 65530;
        std::fclose(file);
    }
    return std::min(wanted, limit - 200);
}

// The child's body: makes the mappings, reports 'R' (ready) or 'E' (error) on readyFd, then waits
// to be killed.
[[noreturn]] inline void runChild(int count, int readyFd)
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

// Forks the child and waits until it has made its mappings. Returns its pid, or -1 (with a message
// on stderr naming `who`) when fork failed or the child could not make them; no child is left then.
inline pid_t start(int count, const char *who)
{
    int pipeFds[2];
    if (pipe(pipeFds) != 0) {
        std::perror("pipe");
        return -1;
    }
    const pid_t child = fork();
    if (child < 0) {
        std::perror("fork");
        close(pipeFds[0]);
        close(pipeFds[1]);
        return -1;
    }
    if (child == 0) {
        close(pipeFds[0]);
        runChild(count, pipeFds[1]);
    }
    close(pipeFds[1]);
    char status = 0;
    const bool ready = read(pipeFds[0], &status, 1) == 1 && status == 'R';
    close(pipeFds[0]);
    if (!ready) {
        std::fprintf(stderr, "%s: the child could not create %d mappings\n", who, count);
        kill(child, SIGKILL);
        waitpid(child, nullptr, 0);
        return -1;
    }
    return child;
}

inline void stop(pid_t child)
{
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
}

// Reads the whole file with read(2) into buffer, growing it only when it was too small (then the
// read is repeated, so no timed round includes an allocation). Returns the byte count, -1 on error.
inline qsizetype readWhole(const char *path, QByteArray *buffer)
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

} // namespace ManyMappingsChild
