#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, ASan and UBSan, seeds each target's corpus
# from tests/data (lessons: resources/lessons), and runs each target in turn for SECONDS:
#
#   packaging/fuzz.sh SECONDS [TARGET...]        all targets when none is named; CI gives 30
#
# Prints per target the executions, executions per second, coverage (libFuzzer's cov and ft) and
# the crashes found; exits 1 when a target crashed (or leaked, or hung), printing the path of the
# saved input: copy it to tests/data/fuzz-regressions/TARGET/ once fixed. The build tree is
# build/fuzz (or $MEMATLAS_FUZZ_BUILD_DIR); corpora grow across runs in its corpus/TARGET.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

if [ $# -lt 1 ] || ! [[ $1 =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 SECONDS [TARGET...]" >&2
  exit 2
fi
seconds=$1
shift
build=${MEMATLAS_FUZZ_BUILD_DIR:-$here/build/fuzz}
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found (Debian: apt-get install clang libclang-rt-dev)" >&2
  exit 1
fi

prefix=$(bash "$here/packaging/setup-deps.sh" --print-prefix | tail -n1)
mkdir -p "$build"
if [ ! -f "$build/build.ninja" ]; then
  # Debug keeps Q_ASSERT alive; -O1 keeps the runs fast enough to matter.
  CC=clang CXX=clang++ cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O1" -DMEMATLAS_FUZZ=ON -DCMAKE_PREFIX_PATH="$prefix" \
    >"$build/configure.log" 2>&1 || { cat "$build/configure.log" >&2; exit 1; }
fi
cmake --build "$build" --target mematlas_fuzzers -- -j "${MEMATLAS_FUZZ_JOBS:-$(nproc)}" >"$build/build.log" 2>&1 \
  || { grep -v '^\[[0-9]*/[0-9]*\] ' "$build/build.log" >&2; exit 1; }

bin=$build/tests/fuzz
mapfile -t known < <("$bin/fuzz_seeds" --list)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${known[@]}")
# Seeds are (re)written beside what earlier runs found; unknown names are refused here.
"$bin/fuzz_seeds" "$here" "$build/corpus" "${targets[@]}" >/dev/null

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
printf '%-20s %12s %9s %7s %7s %8s\n' target execs exec/s cov ft crashes
failed=0
for target in "${targets[@]}"; do
  mkdir -p "$build/artifacts/$target" "$build/logs"
  log=$build/logs/$target.log
  status=0
  "$bin/$target" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$target/" "$build/corpus/$target" >"$log" 2>&1 || status=$?
  # From the final statistics, and the last status line (none when the first input crashed).
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2 || true)
  ft=$(grep -o 'ft: [0-9]*' "$log" | tail -n1 | cut -d' ' -f2 || true)
  mapfile -t saved < <(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log")
  printf '%-20s %12s %9s %7s %7s %8s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${#saved[@]}"
  if [ "$status" -ne 0 ] || [ ${#saved[@]} -gt 0 ]; then
    failed=1
    grep -m1 -E '^==[0-9]+==ERROR|runtime error|broken invariant|ALARM|out-of-memory' "$log" | sed 's/^/    /' || true
    for file in "${saved[@]}"; do echo "    input: $file"; done
    echo "    log: $log (exit status $status)"
  fi
done
exit $failed
