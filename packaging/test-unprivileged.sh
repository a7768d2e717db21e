#!/usr/bin/env bash
# The whole test suite again as an unprivileged user (nobody, a HOME of its own): builds and runs
# the tests from a copy that user owns, so nothing of root's (a checkout or cache under /root) is
# needed. Run as root, after packaging/setup-deps.sh. Tests that need root skip themselves; the ones
# that check what an unprivileged user sees run only here.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
user=${MEMATLAS_UNPRIVILEGED_USER:-nobody}
group=$(id -gn "$user")
[ "$(id -u)" -eq 0 ] || { echo "test-unprivileged.sh: run as root (it switches to $user)" >&2; exit 1; }
prefix=$(bash "$here/packaging/setup-deps.sh" --print-prefix | tail -n1)

work=$(mktemp -d /tmp/mematlas-unprivileged.XXXXXX)
trap 'rm -rf "$work"' EXIT
# Only what git tracks (plus files not yet committed when run by hand), never the build trees.
mkdir "$work/source"
(cd "$here" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$work/source"
cp -a "$prefix" "$work/deps"
mkdir -p "$work/home"
chown -R "$user:$group" "$work"
chmod 755 "$work"

as_user() { setpriv --reuid="$user" --regid="$group" --clear-groups env -i PATH=/usr/bin:/bin HOME="$work/home" \
              QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 "$@"; }
as_user cmake -S "$work/source" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_PREFIX_PATH="$work/deps" \
  >"$work/configure.log" 2>&1 || { cat "$work/configure.log" >&2; exit 1; }
as_user cmake --build "$work/build" | grep -v '^\[[0-9]*/[0-9]*\] ' || [ "${PIPESTATUS[0]}" -eq 0 ]
echo "test-unprivileged.sh: running the suite as $(as_user id -un) (uid $(id -u "$user"))"
cd "$work/build"
as_user ctest --output-on-failure -j "$(nproc)"
