#!/usr/bin/env bash
# Set-up plus an incremental build of one CMake preset: packaging/build.sh dev|release|asan
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
preset=${1:-release}
prefix=$(bash "$here/packaging/setup-deps.sh" --print-prefix | tail -n1)
export MEMATLAS_KSH_PREFIX="$prefix"
cd "$here"
if [ ! -f "build/$preset/build.ninja" ]; then
  cmake --preset "$preset" >"build-$preset-configure.log" 2>&1 || { cat "build-$preset-configure.log" >&2; exit 1; }
  rm -f "build-$preset-configure.log"
fi
cmake --build --preset "$preset" -- -k 0 "${@:2}" | grep -v '^\[[0-9]*/[0-9]*\] ' || [ "${PIPESTATUS[0]}" -eq 0 ]
