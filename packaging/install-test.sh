#!/usr/bin/env bash
# Builds the Debian packages (packaging/package.sh), unpacks them into a temporary root with
# dpkg-deb -x, and proves the unpacked programs run from there on their own: the private
# KSyntaxHighlighting resolves from the package's lib directory through the RUNPATH (no
# LD_LIBRARY_PATH), an export and a capture report work. Then lintian (fails on any error; warnings
# are printed), desktop-file-validate and appstreamcli validate.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

fail() { printf 'install-test: FAILED: %s\n' "$*" >&2; exit 1; }
say() { printf 'install-test: %s\n' "$*"; }

# Tools beyond the build's own dependencies, by Debian package.
declare -A tools=([lintian]=lintian [desktop-file-validate]=desktop-file-utils [appstreamcli]=appstream
                  [update-mime-database]=shared-mime-info [readelf]=binutils [dpkg-deb]=dpkg)
missing=()
for tool in "${!tools[@]}"; do command -v "$tool" >/dev/null || missing+=("${tools[$tool]}"); done
[ ${#missing[@]} -eq 0 ] || fail "missing tools; install them with: apt-get install ${missing[*]}"

mapfile -t debs < <(bash "$here/packaging/package.sh")
gui_deb=$(printf '%s\n' "${debs[@]}" | grep '/mematlas_[^/]*\.deb$') || fail "package.sh built no mematlas_*.deb"
capture_deb=$(printf '%s\n' "${debs[@]}" | grep '/mematlas-capture_[^/]*\.deb$') || fail "package.sh built no mematlas-capture_*.deb"
say "built $(basename "$gui_deb") and $(basename "$capture_deb")"

work=$(mktemp -d "${TMPDIR:-/tmp}/mematlas-install-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
dpkg-deb -x "$gui_deb" "$root"
dpkg-deb -x "$capture_deb" "$root"
unset LD_LIBRARY_PATH

# Dependencies: the GUI package must not pull in Debian's Qt 5 KSyntaxHighlighting (same SONAME as
# ours), and the capture package must not pull in anything graphical.
gui_depends=$(dpkg-deb -f "$gui_deb" Depends)
capture_depends=$(dpkg-deb -f "$capture_deb" Depends)
say "mematlas Depends: $gui_depends"
say "mematlas-capture Depends: $capture_depends"
grep -qi 'syntaxhighlighting\|qt5' <<<"$gui_depends" && fail "mematlas depends on a system KSyntaxHighlighting or Qt 5"
grep -q 'libqt6core6' <<<"$capture_depends" || fail "mematlas-capture does not depend on Qt Core"
grep -q 'libarchive' <<<"$capture_depends" || fail "mematlas-capture does not depend on libarchive"
grep -qi 'gui\|widgets\|svg\|charts' <<<"$capture_depends" && fail "mematlas-capture depends on a graphical library"

# The private library: where the package put it, and where the unpacked program finds it.
private_lib=$(find "$root/usr/lib" -path '*/mematlas/libKF5SyntaxHighlighting.so.5' | head -n1)
[ -n "$private_lib" ] || fail "no private libKF5SyntaxHighlighting.so.5 under usr/lib/*/mematlas"
gui=$root/usr/bin/mematlas
capture=$root/usr/bin/mematlas-capture
runpath=$(readelf -d "$gui" | sed -n 's/.*(RUNPATH).*\[\(.*\)\]/\1/p; s/.*(RPATH).*\[\(.*\)\]/\1/p')
say "mematlas RUNPATH: $runpath"
case $runpath in '$ORIGIN/'*) ;; *) fail "mematlas has no \$ORIGIN-relative RUNPATH (found '$runpath')" ;; esac
! readelf -d "$private_lib" | grep -q 'RPATH\|RUNPATH' || fail "the private library still carries its build RUNPATH"
resolved=$(ldd "$gui" | awk '$1 == "libKF5SyntaxHighlighting.so.5" {print $3}')
[ -n "$resolved" ] && [ "$(realpath "$resolved")" = "$(realpath "$private_lib")" ] \
  || fail "libKF5SyntaxHighlighting.so.5 resolves to '${resolved:-nothing}', not $private_lib"
say "libKF5SyntaxHighlighting.so.5 => <unpacked root>$(realpath --relative-base="$root" "$resolved" | sed 's|^|/|')"
for program in "$gui" "$capture" "$private_lib"; do
  ! ldd "$program" | grep 'not found' || fail "$(basename "$program") has unresolved libraries"
  ! ldd "$program" | grep -q 'libQt5' || fail "$(basename "$program") loads Qt 5"
done
! ldd "$capture" | grep -q 'libQt6Gui\|SyntaxHighlighting' || fail "mematlas-capture loads a graphical library"

# Run them from the unpacked root.
(cd "$work" && QT_QPA_PLATFORM=offscreen "$gui" --export map --pid $$ -o x.png) || fail "mematlas --export map failed"
[ "$(head -c 8 "$work/x.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "mematlas --export map wrote no PNG"
say "mematlas --export map --pid $$ wrote a $(stat -c %s "$work/x.png")-byte PNG"
free_report=$("$capture" --print free) || fail "mematlas-capture --print free failed"
grep -q '^Mem:' <<<"$free_report" || fail "mematlas-capture --print free printed no Mem: line"
say "mematlas-capture --print free:"
printf '%s\n' "$free_report"
version=$(dpkg-deb -f "$capture_deb" Version)
[ "$("$capture" --version)" = "mematlas-capture $version" ] || fail "mematlas-capture --version is not $version"

# The man pages describe every option the programs' --help lists.
for program in mematlas mematlas-capture; do
  page=$(zcat "$root/usr/share/man/man1/$program.1.gz" | sed 's/\\-/-/g')
  for option in $(QT_QPA_PLATFORM=offscreen "$root/usr/bin/$program" --help | sed -n 's/^ *\(-[a-zA-Z], \)\{0,1\}--\([a-z][a-z-]*\).*/\2/p'); do
    grep -q -- "--$option\b" <<<"$page" || fail "man page $program.1 does not describe --$option"
  done
done

# Desktop integration, checked on the files as packaged.
desktop_file=$(find "$root/usr/share/applications" -name '*.desktop')
metainfo=$(find "$root/usr/share/metainfo" -name '*.metainfo.xml')
desktop-file-validate "$desktop_file" || fail "desktop-file-validate: $(basename "$desktop_file")"
grep -q '^Exec=mematlas %f$' "$desktop_file" || fail "the desktop file does not open files with mematlas"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate: $(basename "$metainfo")"
update-mime-database "$root/usr/share/mime" 2>/dev/null
grep -qx 'application/x-mematlas-bundle:\*\.mematlas' <(cut -d: -f2- "$root/usr/share/mime/globs2") \
  || fail "the MIME database built from the package does not map *.mematlas"
icon=$(sed -n 's/^Icon=//p' "$desktop_file")
[ -s "$root/usr/share/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the desktop file's icon $icon is not in the package"
for size in 16 22 24 32 48 64 128 256; do
  [ -s "$root/usr/share/icons/hicolor/${size}x$size/apps/$icon.png" ] || fail "no ${size}x$size icon"
done

# lintian: errors fail the test, warnings are shown.
say "lintian:"
lintian --fail-on error --tag-display-limit 0 "$gui_deb" "$capture_deb" || fail "lintian reported errors"
say "passed"
