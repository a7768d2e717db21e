#!/usr/bin/env bash
# Set-up from nothing, build, and start MemAtlas on this machine's live /proc (arguments pass through).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
bash "$here/packaging/build.sh" release >&2
exec "$here/build/release/src/app/mematlas" "$@"
