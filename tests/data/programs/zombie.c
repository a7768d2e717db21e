// A parent that never reaps its child, so the child stays a zombie (state Z, no memory left).
// Prints the child's pid, then "ready". Recorded as tests/data/trees/zombie (see ../README.md).
#include <stdio.h>
#include <sys/types.h>
#include <unistd.h>

int main(void)
{
    const pid_t child = fork();
    if (child == 0)
        _exit(0);
    printf("child %d\n", (int)child);
    puts("ready");
    fflush(stdout);
    for (;;)
        pause();
}
