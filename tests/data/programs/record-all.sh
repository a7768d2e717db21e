#!/usr/bin/env bash
# Re-records every tree under tests/data/trees/ (see tests/data/README.md): builds the programs
# in this directory, starts each, records it with ../record-tree.sh, ends it. Run as root on an
# x86-64 Linux; the trees in git were recorded this way on a 6.18 kernel.
#   bash tests/data/programs/record-all.sh
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data=$(dirname "$here")
trees=$data/trees
record=$data/record-tree.sh
# Fixed directories, so a re-recording gives the same paths; the space in the second is the point.
work=/tmp/mematlas-record
filesdir="/tmp/mematlas fixture"
rm -rf "$work" "$filesdir"
mkdir -p "$work"

started=()
cleanup() {
    local pid
    for pid in ${started[@]+"${started[@]}"}; do
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$work" "$filesdir" /dev/shm/mematlas-fixture
}
trap cleanup EXIT

for program in sleep threads anon-names files zombie; do
    "${CC:-cc}" -O1 -pthread -o "$work/$program" "$here/$program.c"
done

# Starts a program in the background with its output in $work/NAME.out and waits for "ready".
# Sets $pid.
start() {
    local name=$1 tries
    shift
    "$@" >"$work/$name.out" 2>&1 &
    pid=$!
    started+=("$pid")
    for tries in $(seq 500); do
        grep -qx ready "$work/$name.out" && return 0
        sleep 0.01
    done
    echo "$0: $name did not get ready" >&2
    exit 1
}

fresh() {
    rm -rf "${trees:?}/$1"
}

fresh sleep
start sleep "$work/sleep"
bash "$record" "$pid" "$trees/sleep"

fresh threads
start threads "$work/threads"
bash "$record" "$pid" "$trees/threads"

# Without CONFIG_ANON_VMA_NAME the kernel refuses the names and the program lists them; they are
# written into maps and smaps the way show_map_vma() prints a named area (path at column 73).
fresh anon-names
start anon-names "$work/anon-names"
bash "$record" "$pid" "$trees/anon-names"
while read -r word range name; do
    [[ $word == unnamed ]] || continue
    for file in maps smaps; do
        awk -v range="$range" -v name="$name" '
            $1 == range { line = sprintf("%s %s %s %s %s ", $1, $2, $3, $4, $5)
                          printf "%-73s%s\n", line, name; found = 1; next }
            { print }
            END { if (!found) { print "no single mapping " range > "/dev/stderr"; exit 1 } }' \
            "$trees/anon-names/$pid/$file" >"$work/named"
        cat "$work/named" >"$trees/anon-names/$pid/$file"
    done
done <"$work/anon-names.out"

# The executable runs from a copy in a directory with a space in its name, and deletes itself.
fresh files
rm -rf "$filesdir"
mkdir -p "$filesdir"
cp "$work/files" "$filesdir/files prog"
start files "$filesdir/files prog" "$filesdir"
bash "$record" "$pid" "$trees/files"

# An interactive bash on a pseudo-terminal (script(1)) with one background job, recorded together.
# Their parent is script, not this shell, hence --stop.
fresh bash
mkfifo "$work/input"
HISTFILE= script -qfc "bash --norc --noprofile -i" /dev/null <"$work/input" >"$work/bash.out" 2>&1 &
started+=("$!")
exec 3>"$work/input"
children() { tr -d '\n' <"/proc/$1/task/$1/children" | xargs; }
for tries in $(seq 500); do
    shell=$(children "$!")
    [[ -n $shell ]] && break
    sleep 0.01
done
echo 'sleep 1000 &' >&3
for tries in $(seq 500); do
    job=$(children "$shell")
    [[ -n $job && $(readlink "/proc/$job/exe") == */sleep ]] && break
    sleep 0.01
done
sleep 0.2 # let the prompt come back, so bash is waiting in readline
bash "$record" --stop "$shell" "$job" "$trees/bash"
kill -KILL "$job" "$shell"
exec 3>&-

# The parent (stopped while recording) and its unreaped child.
fresh zombie
start zombie "$work/zombie"
child=$(awk '$1 == "child" { print $2 }' "$work/zombie.out")
bash "$record" "$pid" "$child" "$trees/zombie"

# A kernel thread: empty maps and smaps; smaps_rollup and exe are refused by the kernel.
fresh kthread
bash "$record" 2 "$trees/kthread"

# Hand-made from the sleep tree: a kernel before 4.14 (no smaps_rollup) and before 4.5 (status
# without RssAnon/RssFile/RssShmem), and a maps read cut short: 10 whole lines, then 20 bytes of
# the 11th.
fresh old-kernel
cp -a "$trees/sleep" "$trees/old-kernel"
old=$(ls "$trees/old-kernel" | grep -E '^[0-9]+$')
rm "$trees/old-kernel/$old/smaps_rollup"
grep -vE '^Rss(Anon|File|Shmem):' "$trees/sleep/$old/status" >"$trees/old-kernel/$old/status"
{ head -n 10 "$trees/sleep/$old/maps"; sed -n 11p "$trees/sleep/$old/maps" | head -c 20; } \
    >"$trees/old-kernel/$old/maps"

du -sh "$trees"
