#!/usr/bin/env bash
# Builds the Debian packages mematlas_<version>_<arch>.deb and mematlas-capture_<version>_<arch>.deb
# (a release build, installed under /usr, with Debian's hardening flags) into build/package, or into
# $MEMATLAS_PACKAGE_BUILD. Prints the paths of the two packages, one per line, on stdout.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMATLAS_PACKAGE_BUILD:-$here/build/package}
prefix=$(bash "$here/packaging/setup-deps.sh" --print-prefix | tail -n1)

# Compiler and linker flags as Debian builds its own packages (fortify, stack protector, relro,
# bindnow); CMake does not read CPPFLAGS, so they join the C++ flags. They map the current directory
# (-ffile-prefix-map): run from the source tree, so that they are the same every time.
cd "$here"
flags() { DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --get "$1"; }
cxxflags="$(flags CPPFLAGS) $(flags CXXFLAGS)"
ldflags=$(flags LDFLAGS)

log=$build-configure.log
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr \
      -DBUILD_TESTING=OFF -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_FLAGS="$cxxflags" \
      -DCMAKE_EXE_LINKER_FLAGS="$ldflags" -DCMAKE_SHARED_LINKER_FLAGS="$ldflags" >"$log" 2>&1 \
  || { cat "$log" >&2; exit 1; }
rm -f "$log"
cmake --build "$build" >&2
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >&2)
ls "$build"/mematlas_*.deb "$build"/mematlas-capture_*.deb
