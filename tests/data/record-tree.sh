#!/usr/bin/env bash
# Copies the procfs files MemAtlas reads for some processes into a directory laid out like /proc,
# which TreeProcSource reads (tests/data/trees/ were made with it; see tests/data/README.md).
#
#   record-tree.sh [--stop | --no-stop] PID... OUTDIR
#
# For each PID: OUTDIR/PID/{maps,smaps,smaps_rollup,status,stat,statm,cmdline} and OUTDIR/PID/exe, a
# symbolic link to what /proc/PID/exe points at (left dangling; absent when the kernel gives no target,
# as for kernel threads). Never environ: it holds secrets. Plus OUTDIR/meminfo and OUTDIR/pagesize.
# A file the kernel refuses (permission, a kernel thread's smaps_rollup) is left out with a warning.
#
# Consistency: the files are read one after another, and a running process changes in between
# (maps gains a mapping that smaps lacks, RSS moves). So the recorder stops a target with SIGSTOP while
# copying and continues it with SIGCONT afterwards. Freezing someone else's process is not ours to do
# quietly, so by default only processes the caller started are stopped: those whose parent is the
# process that ran this script. --stop stops every target; --no-stop none. Never stopped: this script,
# its ancestors, kernel threads, zombies, and processes already stopped (those are not continued
# either). A stopped process reports state "T (stopped)" in the recorded status and stat.
set -euo pipefail

usage() {
    echo "usage: $0 [--stop | --no-stop] PID... OUTDIR" >&2
    exit 2
}

policy=children
case ${1-} in
--stop) policy=all; shift ;;
--no-stop) policy=none; shift ;;
esac
[[ $# -ge 2 ]] || usage
outdir=${!#}
pids=("${@:1:$#-1}")
for pid in "${pids[@]}"; do
    [[ $pid =~ ^[0-9]+$ ]] || usage
    [[ -d /proc/$pid ]] || { echo "$0: no process $pid" >&2; exit 1; }
done

# The one-letter state after the last ')' of stat (comm may contain spaces and parentheses).
state_of() {
    local stat
    stat=$(</proc/"$1"/stat) || return 1
    stat=${stat##*) }
    echo "${stat%% *}"
}

field_of_status() {
    awk -v key="$2:" '$1 == key { print $2 }' /proc/"$1"/status
}

is_ancestor_of_self() {
    local p=$$
    while [[ $p -gt 1 ]]; do
        [[ $p == "$1" ]] && return 0
        p=$(field_of_status "$p" PPid)
    done
    [[ $1 == 1 ]]
}

should_stop() {
    local pid=$1 state
    [[ $policy != none ]] || return 1
    state=$(state_of "$pid") || return 1
    # Already stopped (T, or t under a tracer), zombie, dead, or a kernel thread (idle: I).
    [[ $state != [TtZXxI] ]] || return 1
    [[ $(field_of_status "$pid" Kthread) != 1 && -n $(field_of_status "$pid" VmSize) ]] || return 1
    ! is_ancestor_of_self "$pid" || return 1
    [[ $policy == all || $(field_of_status "$pid" PPid) == "$PPID" ]]
}

stopped=()
continue_stopped() {
    local pid
    for pid in ${stopped[@]+"${stopped[@]}"}; do
        kill -CONT "$pid" 2>/dev/null || true
    done
}
trap continue_stopped EXIT
trap 'exit 130' INT TERM

stop_and_wait() {
    local pid=$1 tries
    kill -STOP "$pid"
    stopped+=("$pid")
    # The signal is delivered asynchronously: wait until the task is really stopped.
    for tries in $(seq 100); do
        [[ $(state_of "$pid") == T ]] && return 0
        sleep 0.01
    done
    echo "$0: process $pid did not stop; recording it running" >&2
}

copy_file() {
    local pid=$1 name=$2
    if ! cat "/proc/$pid/$name" >"$outdir/$pid/$name" 2>/dev/null; then
        rm -f "$outdir/$pid/$name"
        echo "$0: /proc/$pid/$name: not readable, left out" >&2
    fi
}

# All targets are stopped before the first copy, so related processes agree with each other too.
for pid in "${pids[@]}"; do
    if should_stop "$pid"; then
        stop_and_wait "$pid"
    fi
done
mkdir -p "$outdir"
for pid in "${pids[@]}"; do
    mkdir -p "$outdir/$pid"
    for name in maps smaps smaps_rollup status stat statm cmdline; do
        copy_file "$pid" "$name"
    done
    rm -f "$outdir/$pid/exe"
    if target=$(readlink "/proc/$pid/exe"); then
        ln -s "$target" "$outdir/$pid/exe"
    fi
done
cat /proc/meminfo >"$outdir/meminfo"
getconf PAGESIZE >"$outdir/pagesize"
