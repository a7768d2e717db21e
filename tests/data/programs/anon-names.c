// Named anonymous memory and every kind of shared memory:
//   [anon:mematlas pool]              private anonymous, named with PR_SET_VMA_ANON_NAME (5.17+)
//   [anon_shmem:mematlas shared]      shared anonymous, named the same way
//   /dev/zero (deleted)               shared anonymous, unnamed
//   /memfd:mematlas-memfd (deleted)   memfd_create
//   /dev/shm/mematlas-fixture         POSIX shm_open (the recorder removes it afterwards)
//   /SYSV00000000 (deleted)           System V shmget, already marked for removal
// Prints one "unnamed START-END NAME" line for each name the kernel refused (CONFIG_ANON_VMA_NAME=n),
// so the recorder can write the name as a kernel with it prints it, then "ready".
// Recorded as tests/data/trees/anon-names (see ../README.md).
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/shm.h>
#include <unistd.h>

#ifndef PR_SET_VMA
#define PR_SET_VMA 0x53564d41
#define PR_SET_VMA_ANON_NAME 0
#endif

static void name(char *start, size_t length, const char *anonName, const char *printedAs)
{
    if (prctl(PR_SET_VMA, PR_SET_VMA_ANON_NAME, start, length, anonName) != 0)
        printf("unnamed %lx-%lx %s\n", (unsigned long)start, (unsigned long)(start + length), printedAs);
}

// Maps length bytes of fd (-1: anonymous) shared and writes to them, so they count in RSS.
static char *mapShared(int fd, size_t length)
{
    char *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_SHARED | (fd < 0 ? MAP_ANONYMOUS : 0), fd, 0);
    if (p == MAP_FAILED) {
        perror("mmap");
        _exit(1);
    }
    memset(p, 1, length);
    return p;
}

int main(void)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    // Every mapping is at least two pages, so none of them lands in the one-page holes made last.
    const size_t length = 2 * page;

    char *sharedNamed = mapShared(-1, length);
    mapShared(-1, length);

    const int memfd = memfd_create("mematlas-memfd", 0);
    ftruncate(memfd, length);
    mapShared(memfd, length);

    const int posix = shm_open("/mematlas-fixture", O_RDWR | O_CREAT, 0600);
    ftruncate(posix, length);
    mapShared(posix, length);

    const int sysv = shmget(IPC_PRIVATE, length, IPC_CREAT | 0600);
    char *sysvAt = shmat(sysv, NULL, 0);
    memset(sysvAt, 1, length);
    shmctl(sysv, IPC_RMID, NULL);

    // Four pages with the outer two unmapped again: the named pair has holes on both sides and
    // cannot merge with a neighbour, named or not.
    char *four = mmap(NULL, 4 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(four, page);
    munmap(four + 3 * page, page);
    memset(four + page, 1, length);

    name(four + page, length, "mematlas pool", "[anon:mematlas pool]");
    name(sharedNamed, length, "mematlas shared", "[anon_shmem:mematlas shared]");
    puts("ready");
    fflush(stdout);
    for (;;)
        pause();
}
