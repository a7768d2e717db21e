#!/usr/bin/env bash
# Installs everything MemAtlas needs to build, test and run on Debian 12, as root.
# Quick and silent when everything is already there; prints only what it does.
#
# KSyntaxHighlighting: Debian 12 ships it only for Qt 5, and Qt 5 and Qt 6 must never meet in one
# process, so we build it against Qt 6 from Debian's trixie *source* (nothing from trixie is
# installed) into a private, cached prefix. Its SONAME equals Debian's Qt 5 package's: it must stay
# out of /usr. The prefix path is printed on stdout as the last line with --print-prefix.
set -euo pipefail

ECM_VERSION=6.13.0
KSH_VERSION=5.116.0
CACHE_ROOT="${MEMATLAS_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mematlas-deps}"
PREFIX="$CACHE_ROOT/ksyntaxhighlighting-$KSH_VERSION-qt6"

PACKAGES=(
  cmake ninja-build g++ pkg-config dpkg-dev xz-utils perl
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  libarchive-dev libzstd-dev zstd
  fonts-dejavu-core fonts-noto-cjk
  procps util-linux bsdutils tar git python3 qt6-translations-l10n
)
# What .ci/run uses beyond the build and the tests (--ci-tools): clang's libFuzzer for the fuzzers,
# and the checks of the Debian packages.
CI_PACKAGES=(
  clang libclang-rt-14-dev
  lintian desktop-file-utils appstream shared-mime-info binutils
)

log() { printf 'setup-deps: %s\n' "$*" >&2; }

# Runs a noisy build step with its output kept in a log, shown only when the step fails.
logged() {
  local logfile=$1; shift
  if ! "$@" >>"$logfile" 2>&1; then
    tail -n 40 "$logfile" >&2
    log "failed: $*"
    exit 1
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; exit 1; fi
}

install_packages() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >/dev/null
  as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The mirror the machine already uses, read from its apt configuration (deb822 or one-line format).
debian_mirror() {
  local uri
  uri=$(grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | awk '{print $2}' | grep -v -- '-security' | head -n1 || true)
  if [ -z "$uri" ] && [ -f /etc/apt/sources.list ]; then
    uri=$(grep -hE '^deb ' /etc/apt/sources.list | awk '{for(i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' \
          | grep -v -- '-security' | head -n1 || true)
  fi
  [ -n "$uri" ] || { log "cannot find a Debian mirror in the apt configuration"; exit 1; }
  printf '%s\n' "$uri"
}

build_ksyntaxhighlighting() {
  [ -f "$PREFIX/.complete" ] && return 0
  log "building KSyntaxHighlighting $KSH_VERSION against Qt 6 into $PREFIX (about a minute)"
  local work
  work=$(mktemp -d "${TMPDIR:-/tmp}/mematlas-ksh.XXXXXX")
  trap 'rm -rf "$work"' RETURN
  chmod 755 "$work"  # apt drops to _apt for downloads
  mkdir -p "$work/apt/lists/partial" "$work/apt/cache/archives/partial" "$work/src"
  printf 'deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] %s trixie main\n' \
    "$(debian_mirror)" > "$work/apt/sources.list"
  local opts=(-o "Dir::State::Lists=$work/apt/lists" -o "Dir::Etc::SourceList=$work/apt/sources.list"
              -o "Dir::Etc::SourceParts=/dev/null" -o "Dir::Cache=$work/apt/cache")
  logged "$work/build.log" apt-get "${opts[@]}" update -qq
  (cd "$work/src" && apt-get "${opts[@]}" source -qq extra-cmake-modules >/dev/null 2>&1) || true
  # The archive serves only the .orig tarball of ksyntax-highlighting, so apt exits non-zero after a
  # successful, checksum-verified download: judge by the tarball instead.
  (cd "$work/src" && apt-get "${opts[@]}" source --download-only -qq ksyntax-highlighting >/dev/null 2>&1) || true
  local ecm_dir tarball
  ecm_dir=$(find "$work/src" -maxdepth 1 -type d -name '*extra-cmake-modules-*' | head -n1)
  tarball=$(find "$work/src" -maxdepth 1 -name "ksyntax-highlighting_${KSH_VERSION}*.orig.tar.xz" | head -n1)
  [ -n "$ecm_dir" ] || { log "could not fetch the extra-cmake-modules source"; exit 1; }
  [ -n "$tarball" ] || { log "could not fetch the ksyntax-highlighting $KSH_VERSION source"; exit 1; }
  mkdir -p "$work/ksh" && tar -xJf "$tarball" -C "$work/ksh" --strip-components=1
  # The .complete marker is written last, so an interrupted build is redone, never half-used. The
  # prefix is final from the start: the library bakes its install path in (translations).
  rm -rf "$PREFIX"
  logged "$work/build.log" cmake -S "$ecm_dir" -B "$work/ecm-build" -G Ninja -DCMAKE_INSTALL_PREFIX="$work/ecm" \
        -DBUILD_TESTING=OFF -DBUILD_DOC=OFF -DBUILD_HTML_DOCS=OFF -DBUILD_MAN_DOCS=OFF -DBUILD_QTHELP_DOCS=OFF
  logged "$work/build.log" cmake --build "$work/ecm-build" --target install
  logged "$work/build.log" cmake -S "$work/ksh" -B "$work/ksh-build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_PREFIX="$PREFIX" -DCMAKE_PREFIX_PATH="$work/ecm" -DQT_MAJOR_VERSION=6 \
        -DBUILD_TESTING=OFF -DBUILD_QCH=OFF
  logged "$work/build.log" cmake --build "$work/ksh-build" --target install
  touch "$PREFIX/.complete"
  log "KSyntaxHighlighting installed in $PREFIX"
}

for argument in "$@"; do
  [ "$argument" = "--ci-tools" ] && PACKAGES+=("${CI_PACKAGES[@]}")
done
install_packages
mkdir -p "$CACHE_ROOT"
build_ksyntaxhighlighting
for argument in "$@"; do
  [ "$argument" = "--print-prefix" ] && printf '%s\n' "$PREFIX"
done
exit 0
