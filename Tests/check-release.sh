#!/usr/bin/env bash
# Checks the release binary and what `make install` put in place (run by `make check-release`).
# usage: check-release.sh BINARY INSTALLED_PREFIX REVISION
#   BINARY            .build/release/lineage
#   INSTALLED_PREFIX  $DESTDIR$PREFIX of an install just made
#   REVISION          the short git hash the binary must report
set -euo pipefail
binary=$1 prefix=$2 revision=$3
fixture="$(dirname "$0")/LineageKitTests/Fixtures/four_stage.mdb"
fail() { echo "check-release: $*" >&2; exit 1; }

# Self-contained: no Swift runtime, Foundation or dispatch library is loaded from the toolchain.
if ldd "$binary" | grep -Ei 'swift|Foundation|dispatch|BlocksRuntime'; then
    fail "$binary loads the libraries above dynamically; make release links them statically"
fi

# Runs with an empty environment, and says which revision and liblmdb it is.
version=$(env -i "$binary" --version)
pattern='^[0-9]+\.[0-9]+\.[0-9]+ \(revision ([0-9a-f]+|unknown), liblmdb ([0-9]+\.[0-9]+\.[0-9]+), (dynamic|static, glibc 2\.28\+)\)$'
[[ $version =~ $pattern ]] || fail "unexpected --version output: $version"
[[ ${BASH_REMATCH[1]} == "$revision" ]] || fail "--version says revision ${BASH_REMATCH[1]}, built from $revision"
env -i "$binary" verify "$fixture" > /dev/null || fail "verify $fixture failed under env -i"

# The installed files: the binary, the page man renders, the three completion scripts.
cmp -s "$binary" "$prefix/bin/lineage" || fail "$prefix/bin/lineage is not the release binary"
page=$(MANWIDTH=100 man -l "$prefix/share/man/man1/lineage.1" 2>&1) || fail "man -l cannot render the page: $page"
for command in show edges types verify export-dot udid; do
    grep -q "^ *lineage $command\b" <<< "$page" || fail "the man page does not describe $command"
done
bash -c 'source "$1" && complete -p lineage' _ "$prefix/share/bash-completion/completions/lineage" > /dev/null \
    || fail "the bash completion script does not register a completion for lineage"
grep -q '^#compdef lineage' "$prefix/share/zsh/site-functions/_lineage" || fail "the zsh completion is not a #compdef file"
grep -q "^complete -c 'lineage'" "$prefix/share/fish/vendor_completions.d/lineage.fish" || fail "the fish completion does not complete lineage"
echo "check-release: $version; self-contained; installed files in place"
