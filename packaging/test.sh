#!/usr/bin/env bash
# Set-up from nothing, build, and the whole test suite; ctest's summary is the last thing printed.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
preset=${MEMATLAS_PRESET:-dev}
bash "$here/packaging/build.sh" "$preset"
cd "$here"
export QT_QPA_PLATFORM=offscreen
exec ctest --preset "$preset" -j "$(nproc)"
