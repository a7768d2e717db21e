// Records a process with thousands of mappings for the address-space view's tests:
//   cc -O2 -o /tmp/many-mappings many-mappings.c && /tmp/many-mappings 4000 > many-mappings.maps
// Anonymous regions of 1 to 64 pages with alternating protections (so the kernel cannot merge
// neighbours), every seventh one unmapped at the end to leave gaps, and a few 1-64 MiB regions.
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

int main(int argc, char **argv)
{
    const int count = argc > 1 ? atoi(argv[1]) : 4000;
    const long page = 4096;
    static const int protections[] = { PROT_READ, PROT_READ | PROT_WRITE, PROT_NONE, PROT_READ | PROT_EXEC };
    void **regions = calloc(count, sizeof *regions);
    long *sizes = calloc(count, sizeof *sizes);
    if (!regions || !sizes)
        return 1;
    unsigned seed = 12345;
    for (int i = 0; i < count; ++i) {
        seed = seed * 1103515245u + 12345u;
        long pages = 1 + (seed >> 16) % 64;
        if (i % 97 == 0)
            pages = 256L << (i % 7); // 1 MiB .. 64 MiB
        void *p = mmap(NULL, pages * page, protections[i % 4], MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return 1;
        regions[i] = p;
        sizes[i] = pages * page;
    }
    for (int i = 3; i < count; i += 7)
        munmap(regions[i], sizes[i]);
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps)
        return 1;
    int c;
    while ((c = fgetc(maps)) != EOF)
        putchar(c);
    return 0;
}
