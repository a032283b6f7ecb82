#!/usr/bin/env bash
# Runs CI as a new machine would, before you push: clones the committed HEAD (not the
# working tree: commit first) into a new temporary directory and runs .ci/run there, which
# runs `make test` with HOME and TMPDIR empty. As root with unshare(1), the run also gets
# a private, empty /tmp (a tmpfs only it sees), so even a file read from /tmp by its fixed
# name is missing, as it is on a CI runner.
# usage: scripts/fresh-ci.sh   (from anywhere inside the repository)
set -euo pipefail
repository=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)

run() {
	local scratch=$1
	git clone --quiet "$repository" "$scratch/clone"
	cd "$scratch/clone"
	echo "fresh-ci: $(git log -1 --format='%h %s' | cut -c1-100)"
	local start=$SECONDS status=0
	bash .ci/run || status=$?
	echo "fresh-ci: .ci/run exited $status after $((SECONDS - start)) s in a fresh clone"
	return "$status"
}

if [ "${LINEAGE_FRESH_CI_INNER:-}" = 1 ]; then
	# Inside the private mount namespace: /tmp is ours alone (and TMPDIR with it).
	mount -t tmpfs -o size=16g tmpfs /tmp
	export TMPDIR=/tmp
	mkdir /tmp/scratch
	run /tmp/scratch
elif [ "$(id -u)" = 0 ] && command -v unshare >/dev/null && unshare -m true 2>/dev/null \
	&& [ "${repository#/tmp/}" = "$repository" ]; then
	# (A repository under /tmp would be hidden by the private /tmp: it gets the plain run below.)
	LINEAGE_FRESH_CI_INNER=1 exec unshare -m bash "$0"
else
	scratch=$(mktemp -d "${TMPDIR:-/tmp}/lineage-fresh-ci.XXXXXX")
	trap 'rm -rf "$scratch"' EXIT
	# Open to others: the read-only tests run the binary in the clone as user nobody.
	chmod 755 "$scratch"
	echo "fresh-ci: not root (or no unshare): /tmp stays shared with this machine"
	run "$scratch"
fi
