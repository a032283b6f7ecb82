#!/bin/sh
# Checks the wheel and the tarball `make wheel` and `make dist` wrote, as a user would use
# them: auditwheel's tag, a pip install without network into a new venv, a uv tool install
# from the file, the tarball unpacked and run under env -i, SHA256SUMS verified. In each,
# `lineage --version`, `lineage verify` on a fixture and `man -w lineage` must work with
# LD_LIBRARY_PATH empty, and the loader must not be asked for liblmdb.
# usage: scripts/portable/check-packages.sh TOOLS_VENV DIST_DIR
set -eu
tools=$1
dist=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
fixture=$here/Tests/LineageKitTests/Fixtures/four_stage.mdb
fail() { echo "package check: $*" >&2; exit 1; }
wheel=$(ls "$dist"/lineage_cli-*-py3-none-manylinux_2_28_x86_64.whl)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/lineage-packages.XXXXXX")
trap 'rm -rf "$scratch"' EXIT

# auditwheel: a manylinux tag of glibc 2.28 or older, no library outside its allow-list.
show=$("$tools/bin/auditwheel" show "$wheel")
tag=$(printf '%s\n' "$show" | tr '\n' ' ' | grep -o 'platform tag: "manylinux_2_[0-9]*_x86_64"' | grep -o '2_[0-9]*' | cut -d_ -f2)
[ -n "$tag" ] && [ "$tag" -le 28 ] || fail "auditwheel: $show"
printf '%s\n' "$show" | grep -q 'external shared libraries' && fail "auditwheel finds external libraries: $show"

# Runs lineage from BIN_DIR with an environment holding only PATH: version, verify, man.
check_install() {
    bin=$1
    what=$2
    env -i PATH="$bin:/usr/bin:/bin" LD_LIBRARY_PATH= lineage --version | grep -q 'static, glibc 2.28+)$' || fail "$what: --version"
    env -i PATH="$bin:/usr/bin:/bin" LD_LIBRARY_PATH= lineage verify --quiet "$fixture" || fail "$what: verify exited $?"
    env -i PATH="$bin:/usr/bin:/bin" man -w lineage >/dev/null || fail "$what: man -w lineage finds no page"
    ldd "$bin/lineage" | grep -q lmdb && fail "$what: the loader is asked for liblmdb"
    echo "$what: lineage --version, verify and man -w work"
}

python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install --quiet --no-index "$wheel"
check_install "$scratch/venv/bin" "pip install --no-index"

env -i HOME="$scratch/home" PATH="$tools/bin:/usr/bin:/bin" UV_TOOL_DIR="$scratch/uv-tools" UV_TOOL_BIN_DIR="$scratch/uv-bin" \
    "$tools/bin/uv" tool install --offline --quiet "$wheel"
# uv links the executable into its bin directory; the man page stays in the tool's venv.
check_install "$scratch/uv-tools/lineage-cli/bin" "uv tool install"
env -i PATH="$scratch/uv-bin:/usr/bin:/bin" lineage --version >/dev/null || fail "uv tool install: the linked executable"

(cd "$dist" && sha256sum -c --quiet SHA256SUMS) || fail "SHA256SUMS does not verify"
mkdir "$scratch/unpacked"
tar -xzf "$dist"/lineage-*-linux-x86_64.tar.gz -C "$scratch/unpacked"
top=$(ls -d "$scratch"/unpacked/lineage-*-linux-x86_64)
for file in bin/lineage share/man/man1/lineage.1 share/bash-completion/completions/lineage \
    share/zsh/site-functions/_lineage share/fish/vendor_completions.d/lineage.fish README.md LICENSE; do
    [ -f "$top/$file" ] || fail "the tarball has no $file"
done
env -i "$top/bin/lineage" verify --quiet "$fixture" || fail "tarball: verify under env -i exited $?"
echo "tarball: unpacks, runs under env -i, SHA256SUMS verifies"
