#!/bin/sh
# Reads beside a live writer: the share of consistent reads of `verify` and `show`.
# usage: bench/live.sh LINEAGE TASKS RATE READS [WAIT]
#   LINEAGE  the lineage binary (a release build)
#   TASKS    tasks written before the paced phase (e.g. 97000)
#   RATE     write transactions per second while reading (e.g. 100, 1000)
#   READS    reads of each command
#   WAIT     --wait for each read (default 0: one attempt, the share of single reads)
# Prints one line per command: reads, consistent (exit 0), busy (exit 75), other, seconds.
set -u
lineage=$1 tasks=$2 rate=$3 reads=$4 wait=${5:-0}
dir=$(mktemp -d)
trap 'kill $writer 2>/dev/null; rm -rf "$dir"' EXIT
"$lineage" fixture live "$dir/live.mdb" --initial-tasks "$tasks" --rate "$rate" --duration 3600 \
    --log "$dir/log" >/dev/null 2>&1 &
writer=$!
# Wait for the initial load: the log's first column reaches TASKS.
while :; do
    last=$(tail -n 1 "$dir/log" 2>/dev/null | cut -d' ' -f1)
    [ -n "$last" ] && [ "$last" -ge "$tasks" ] && break
    sleep 0.2
done
measure() {
    name=$1; shift
    ok=0 busy=0 other=0
    start=$(date +%s.%N)
    i=0
    while [ $i -lt "$reads" ]; do
        "$lineage" "$@" --wait "$wait" >/dev/null 2>&1
        case $? in 0) ok=$((ok + 1)) ;; 75) busy=$((busy + 1)) ;; *) other=$((other + 1)) ;; esac
        i=$((i + 1))
    done
    end=$(date +%s.%N)
    printf '%-7s tasks=%s rate=%s wait=%s reads=%s consistent=%s busy=%s other=%s seconds=%.1f\n' \
        "$name" "$tasks" "$rate" "$wait" "$reads" "$ok" "$busy" "$other" "$(awk "BEGIN { print $end - $start }")"
}
measure verify verify "$dir/live.mdb"
measure show show -c "$dir/live.mdb" --path 0_5
before=$(tail -n 1 "$dir/log" | cut -d' ' -f1)
sleep 1
after=$(tail -n 1 "$dir/log" | cut -d' ' -f1)
echo "writer: $((after - before)) transactions in the last second"
