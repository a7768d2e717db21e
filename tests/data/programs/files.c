// File mappings with awkward paths: a data file whose path has spaces, a file that is deleted
// while mapped, and (run from a copy it deletes) an executable that no longer exists.
// Usage: files DIR -- DIR must exist; the program creates its files there.
// Recorded as tests/data/trees/files (see ../README.md).
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static char *mapFile(const char *dir, const char *fileName, int prot, int flags, size_t length)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, fileName);
    const int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    ftruncate(fd, (off_t)length);
    char *p = mmap(NULL, length, prot, flags, fd, 0);
    if (p == MAP_FAILED) {
        perror(path);
        _exit(1);
    }
    close(fd); // the mapping keeps the file open
    return p;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    const char *dir = argv[1];

    char *spaced = mapFile(dir, "data file with spaces.bin", PROT_READ | PROT_WRITE, MAP_PRIVATE, 3 * page);
    spaced[0] = 1; // one private copy-on-write page

    char *scratch = mapFile(dir, "scratch.bin", PROT_READ | PROT_WRITE, MAP_SHARED, 2 * page);
    memset(scratch, 1, 2 * page);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/scratch.bin", dir);
    unlink(path);

    // The running image stays mapped; maps and /proc/self/exe then say " (deleted)".
    const ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n > 0) {
        path[n] = '\0';
        unlink(path);
    }
    puts("ready");
    fflush(stdout);
    for (;;)
        pause();
}
