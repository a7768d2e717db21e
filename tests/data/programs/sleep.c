// The plainest process there is: the C runtime and nothing else, waiting for a signal.
// Recorded as tests/data/trees/sleep (see ../README.md).
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    puts("ready"); // stdio's buffer comes from malloc, so the brk heap exists
    fflush(stdout);
    for (;;)
        pause();
}
