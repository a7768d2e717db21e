#!/bin/bash
# Re-records the real procfs fixtures under real/ from this machine. The processes are stopped
# with SIGSTOP while recording, so smaps and smaps_rollup describe the same moment exactly.
# Never records environ. Usage: tests/data/parsers/record-real.sh
# The tests assert exact values from these files (addresses, sizes): update them after re-recording.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=/tmp/mematlas-fixture # a fixed path, so the recorded file names stay the same
rm -rf "$work"
mkdir "$work"
trap 'rm -rf "$work"' EXIT

record() { # record PID DIR
    local pid=$1 dir=$2
    mkdir -p "$dir"
    for f in maps smaps smaps_rollup status stat statm cmdline; do
        cat "/proc/$pid/$f" > "$dir/$f" 2>/dev/null || rm -f "$dir/$f"
    done
}

# A plain process: sleep.
sleep 1000 &
sleeper=$!
while [ "$(cat "/proc/$sleeper/comm")" != sleep ]; do sleep 0.05; done # exec'd, not the forked shell
kill -STOP "$sleeper"
while [ "$(awk '{print $3}' "/proc/$sleeper/stat")" != T ]; do sleep 0.05; done
record "$sleeper" "$here/real/sleep-stopped"
kill -KILL "$sleeper"; wait "$sleeper" 2>/dev/null || true

# A process with the odd mappings real programs have: a file path with spaces, a deleted file,
# a memfd, a shared file mapping, touched anonymous memory. It stops itself once they exist.
mkdir -p "$work/dir with space"
head -c 16384 /dev/zero > "$work/dir with space/data file.bin"
head -c 8192 /dev/zero > "$work/gone.bin"
cat > "$work/odd.c" <<'C'
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
int main(int argc, char **argv)
{
    (void)argc;
    int spaced = open(argv[1], O_RDWR);
    char *a = mmap(0, 16384, PROT_READ | PROT_WRITE, MAP_SHARED, spaced, 0);
    a[0] = 1;
    int gone = open(argv[2], O_RDONLY);
    volatile char *b = mmap(0, 8192, PROT_READ, MAP_PRIVATE, gone, 0);
    (void)b[0];
    unlink(argv[2]);
    int memfd = memfd_create("mematlas memfd", 0);
    ftruncate(memfd, 12288);
    char *c = mmap(0, 12288, PROT_READ | PROT_WRITE, MAP_SHARED, memfd, 0);
    memset(c, 2, 4096);
    char *d = mmap(0, 40960, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    memset(d, 3, 3 * 4096);
    raise(SIGSTOP);
    return 0;
}
C
gcc -O1 -o "$work/odd" "$work/odd.c"
"$work/odd" "$work/dir with space/data file.bin" "$work/gone.bin" &
odd=$!
while [ "$(awk '{print $3}' "/proc/$odd/stat" 2>/dev/null)" != T ]; do sleep 0.05; done
record "$odd" "$here/real/odd-stopped"
kill -KILL "$odd"; wait "$odd" 2>/dev/null || true

# A kernel thread: empty maps and smaps, no smaps_rollup (reading it fails).
record 2 "$here/real/kthreadd"

cat /proc/meminfo > "$here/real/meminfo"

# Cut reads, made from the recorded smaps (25 lines an entry): one cut inside the third entry's
# Private_Dirty line, one inside the fourth header line.
smaps="$here/real/odd-stopped/smaps"
{ head -n 60 "$smaps"; sed -n 61p "$smaps" | head -c 24; } > "$here/odd/smaps-truncated-midentry"
{ head -n 75 "$smaps"; sed -n 76p "$smaps" | head -c 19; } > "$here/odd/smaps-truncated-header"
