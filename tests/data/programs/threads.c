// A process with every segment of the classic picture: .data, a bss too large for the data page,
// a brk heap, a large malloc in its own mapping, and two threads, each with a glibc stack (guard page
// below) and a per-thread malloc arena (rw part at the bottom of a 64 MiB reservation).
// Recorded as tests/data/trees/threads (see ../README.md).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { Workers = 2 };

static char zeroed[256 * 1024]; // bss: more than the rest of the data page, so an anonymous mapping
static char initialised[8192] = { 1 }; // .data
static pthread_barrier_t allReady;
static char *volatile kept[Workers + 2]; // keeps the compiler from dropping the unread mallocs

static void *worker(void *slot)
{
    // The first malloc of a new thread creates an arena of its own.
    char *block = malloc(1000);
    memset(block, 1, 1000);
    kept[(long)slot] = block;
    pthread_barrier_wait(&allReady);
    pause(); // no handlers: the signal that ends the wait ends the process
    return NULL;
}

int main(void)
{
    memset(zeroed, 2, sizeof zeroed);
    initialised[1] = 3;
    pthread_barrier_init(&allReady, NULL, Workers + 1);
    pthread_t threads[Workers];
    for (int i = 0; i < Workers; ++i)
        pthread_create(&threads[i], NULL, worker, (void *)(long)i);
    char *small = malloc(100); // main arena: the brk heap
    char *large = malloc(1 << 20); // above M_MMAP_THRESHOLD: an anonymous mapping of its own
    memset(small, 4, 100);
    memset(large, 5, 1 << 20);
    kept[Workers] = small;
    kept[Workers + 1] = large;
    pthread_barrier_wait(&allReady);
    puts("ready");
    fflush(stdout);
    for (;;)
        pause();
}
