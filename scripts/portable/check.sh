#!/bin/sh
# Checks a portable lineage executable: no glibc symbol newer than 2.28, no shared library
# beyond glibc's own (no liblmdb, libstdc++, libgcc_s), and it runs with an empty
# environment and reads a fixture.
# usage: scripts/portable/check.sh BINARY
set -eu
binary=$1
fail() { echo "portable check: $*" >&2; exit 1; }
newest=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -t. -k1,1n -k2,2n -u | tail -1)
case $(printf '%s\n2.28\n' "$newest" | sort -t. -k1,1n -k2,2n | tail -1) in
    2.28) ;;
    *) fail "$binary needs glibc $newest (the newest symbol version); 2.28 at most" ;;
esac
needed=$(objdump -p "$binary" | awk '/NEEDED/ { print $2 }' | sort | tr '\n' ' ')
for library in $needed; do
    case $library in
        libc.so.6 | libm.so.6 | libpthread.so.0 | libdl.so.2 | librt.so.1 | ld-linux-x86-64.so.2) ;;
        *) fail "$binary needs $library; only glibc's libraries are allowed" ;;
    esac
done
version=$(env -i "$binary" --version)
case $version in
    *"static, glibc 2.28+)") ;;
    *) fail "--version says $version, not a static build" ;;
esac
here=$(cd "$(dirname "$0")/../.." && pwd)
env -i "$binary" verify --quiet "$here/Tests/LineageKitTests/Fixtures/four_stage.mdb" || fail "verify on a fixture exited $?"
echo "portable: $binary needs glibc $newest at most and only $needed; $version"
