#!/usr/bin/env python3
"""Time lineage against the scan floor on a big checkpoint and print a table.

For each command: median wall time over --runs runs, its ratio to the floor
(bench/floor.c: open read-only and walk every entry of the four sub-databases),
peak RSS (from wait4's rusage) and tasks per second (the Curator table also gives the
CPU time, user + system over all threads). Only the standard library.

With --curator DIR --curator-floor BIN, a second table does the same for a NeMo Curator
checkpoint directory against bench/curator_floor.c (open every writer file read-only,
walk every entry of completed_sources once): status, and sources and verify when this
build has them. Either table may be run alone.

usage: bench.py --lineage BIN [--floor BIN --checkpoint FILE --small FIXTURE]
                [--curator DIR --curator-floor BIN] [--runs N]
"""
import argparse, os, statistics, subprocess, sys, time


def run_once(argv):
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss * 1024, code, usage.ru_utime + usage.ru_stime


def measure(argv, runs, cpu=False):
    """Median wall time, peak RSS, exit codes (and, with cpu, the median user + system time)."""
    run_once(argv)  # warm the page cache and the binary
    samples = [run_once(argv) for _ in range(runs)]
    codes = {c for _, _, c, _ in samples}
    result = statistics.median(s[0] for s in samples), max(s[1] for s in samples), codes
    return result + (statistics.median(s[3] for s in samples),) if cpu else result


def tasks_in(lineage, path):
    out = subprocess.run([lineage, "types", "--summary", "--format", "json", "-c", path], capture_output=True, text=True, check=True)
    import json
    return json.loads(out.stdout)["total"]


def some_middle(lineage, path, tasks):
    # Streamed, so this process stays small: ru_maxrss of a child counts the memory of
    # the process it was forked from, which would inflate every row's peak RSS.
    proc = subprocess.Popen([lineage, "types", "--type", "middle", "-c", path], stdout=subprocess.PIPE, text=True)
    chosen = None
    for i, line in enumerate(proc.stdout):
        if chosen is None or i <= tasks // 4:
            chosen = line.split("\t")[0]
    proc.wait()
    return chosen


def first_line(argv):
    """The first line a command prints (the rest is not read; the command is stopped)."""
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    proc.kill()
    proc.wait()
    return line.rstrip("\n")


def source_and_leaf(lineage, path):
    """A source task and the farthest leaf below it, for the walk rows."""
    source = first_line([lineage, "types", "--type", "source", "-c", path]).split("\t")[0]
    rows = subprocess.run([lineage, "descendants", source, "-c", path], capture_output=True, text=True, check=True).stdout
    leaf = rows.strip().split("\n")[-1].split("\t")[0]
    return source, leaf


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lineage", required=True)
    ap.add_argument("--floor")
    ap.add_argument("--checkpoint")
    ap.add_argument("--small", help="the 8-task fixture, for the size-independence rows")
    ap.add_argument("--curator", action="append", default=[],
                    help="a Curator checkpoint directory (lineage fixture curator); repeat for several")
    ap.add_argument("--curator-floor", help="bench/curator_floor.c, built")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--baseline", help="another lineage binary (e.g. an earlier commit's release build): its verify, "
                    "status, stats, types and edges rows and its Curator rows are measured in the same run, each right after this one's")
    a = ap.parse_args()
    if a.checkpoint:
        dag_tables(a)
    for directory in a.curator:
        curator_table(a, directory)


def reads_curator(lineage, name):
    """Whether this build's subcommand `name` reads Curator checkpoints: it exists and has
    --kind (the lead merges the Curator commands one by one)."""
    result = subprocess.run([lineage, name, "--help"], capture_output=True, text=True)
    return result.returncode == 0 and "--kind" in result.stdout


def curator_table(a, directory):
    floor_line = subprocess.run([a.curator_floor, directory], capture_output=True, text=True, check=True).stdout
    entries = int(floor_line.split(" entries")[0].rsplit(" ", 1)[1])
    meta = os.path.join(directory, ".nemo_curator_metadata")
    files = [n for n in os.listdir(meta) if n.endswith(".mdb") and not n.startswith(".")]
    size_mb = sum(os.path.getsize(os.path.join(meta, n)) for n in files) / 1e6
    L, D = a.lineage, directory
    # plan over 100,000 one-file groups (their ids computed and looked up in the union).
    groups = os.path.join(os.path.dirname(os.path.abspath(directory)), "plan-files.txt")
    if not os.path.exists(groups):
        with open(groups + ".part", "w") as out:
            out.writelines(f"/data/part-{n:06d}.jsonl\n" for n in range(100_000))
        os.rename(groups + ".part", groups)
    rows = [("floor (bench/curator_floor.c)", [a.curator_floor, D])]
    for name, argv in [("status", [L, "status", D]), ("sources > /dev/null", [L, "sources", D]),
                       ("plan, 100,000 groups > /dev/null", [L, "plan", D, "--files", groups]),
                       ("verify", [L, "verify", D])]:
        if reads_curator(L, argv[1]):
            rows.append((name, argv))
            if a.baseline and reads_curator(a.baseline, argv[1]):
                rows.append((name + " (baseline)", [a.baseline] + argv[1:]))
        else:
            print(f"(skipped {argv[1]}: this build's {argv[1]} does not read Curator checkpoints)")
    print(f"\ncurator checkpoint: {D} ({len(files):,} writer files, {entries:,} keys, {size_mb:.0f} MB), "
          f"{a.runs} runs each, medians")
    # CPU time (user + system, all threads) beside the wall time: on a machine shared with
    # other work the wall time depends on the cores left free, the CPU time much less.
    print(f"| command | wall (s) | x floor | CPU (s) | CPU x floor | peak RSS (MB) | keys/s | exit |")
    print(f"|---|---:|---:|---:|---:|---:|---:|---:|")
    floor = None
    for name, argv in rows:
        wall, rss, codes, cpu = measure(argv, a.runs, cpu=True)
        if floor is None:
            floor, floor_cpu = wall, cpu
        print(f"| {name} | {wall:.3f} | {wall / floor:.2f} | {cpu:.3f} | {cpu / floor_cpu:.2f} | {rss / 1e6:.0f} | "
              f"{entries / wall:,.0f} | {','.join(map(str, sorted(codes)))} |", flush=True)


def dag_tables(a):
    tasks = tasks_in(a.lineage, a.checkpoint)
    size_mb = os.path.getsize(a.checkpoint) / 1e6
    big_udid = some_middle(a.lineage, a.checkpoint, tasks)
    small_udid = some_middle(a.lineage, a.small, 8)
    source, leaf = source_and_leaf(a.lineage, a.checkpoint)
    L, C = a.lineage, a.checkpoint
    rows = [
        ("floor (bench/floor.c)", [a.floor, C], True),
        ("verify", [L, "verify", C], True),
        ("status", [L, "status", C], True),
        ("stats", [L, "stats", C], True),
        ("types --summary", [L, "types", "--summary", "-c", C], True),
        ("edges > /dev/null", [L, "edges", "-c", C], True),
        ("show <udid>", [L, "show", big_udid, "-c", C], False),
        ("show <udid> (8-task fixture)", [L, "show", small_udid, "-c", a.small], False),
        ("export-dot --around --depth 2", [L, "export-dot", "--around", big_udid, "--depth", "2", "-c", C], False),
        ("export-dot --around (8-task fixture)", [L, "export-dot", "--around", small_udid, "--depth", "2", "-c", a.small], False),
        ("descendants <source>", [L, "descendants", source, "-c", C], False),
        ("ancestors <leaf>", [L, "ancestors", leaf, "-c", C], False),
        ("path <source> <leaf>", [L, "path", source, leaf, "-c", C], False),
    ]
    if a.baseline:
        # Each baseline row right after its counterpart, so both see the same machine.
        with_baseline = []
        for name, argv, scan in rows:
            with_baseline.append((name, argv, scan))
            if argv[0] == L and argv[1] in ("verify", "status", "stats", "types", "edges"):
                with_baseline.append((name + " (baseline)", [a.baseline] + argv[1:], scan))
        rows = with_baseline
    print(f"checkpoint: {C} ({tasks:,} tasks, {size_mb:.0f} MB), {a.runs} runs each, medians")
    print(f"| command | wall (s) | x floor | peak RSS (MB) | tasks/s | exit |")
    print(f"|---|---:|---:|---:|---:|---:|")
    floor = None
    for name, argv, scan in rows:
        wall, rss, codes = measure(argv, a.runs)
        if floor is None:
            floor = wall
        rate = f"{tasks / wall:,.0f}" if scan else "-"
        print(f"| {name} | {wall:.3f} | {wall / floor:.2f} | {rss / 1e6:.0f} | {rate} | {','.join(map(str, sorted(codes)))} |", flush=True)

    # Start-up: commands that read a few pages at most, so their time is the process's own
    # (loading, the Swift runtime, argument parsing); 20 runs, as the numbers are small.
    startup = [
        ("--version", [L, "--version"]),
        ("udid 0_0", [L, "udid", "0_0"]),
        ("show <udid>", [L, "show", big_udid, "-c", C]),
    ]
    print(f"\nstart-up: 20 runs each, medians, warm cache")
    print(f"| command | wall (ms) | exit |")
    print(f"|---|---:|---:|")
    for name, argv in startup:
        wall, _, codes = measure(argv, 20)
        print(f"| {name} | {wall * 1000:.1f} | {','.join(map(str, sorted(codes)))} |", flush=True)

    # Many lookups in one process: `show -` answers udids read from stdin (a script's way
    # to ask about many tasks); 100,000 random full udids of the checkpoint.
    batch = os.path.join(os.path.dirname(os.path.abspath(C)), "udids-%d.txt" % tasks)
    if not os.path.exists(batch):
        import random
        proc = subprocess.Popen([L, "types", "-c", C], stdout=subprocess.PIPE, text=True)
        udids = [line.split("\t", 1)[0] for line in proc.stdout]
        proc.wait()
        random.Random(7).shuffle(udids)
        with open(batch + ".part", "w") as out:
            out.write("\n".join(udids[:100_000]) + "\n")
        os.replace(batch + ".part", batch)
    with open(batch) as f:
        lookups = sum(1 for _ in f)
    argv = ["sh", "-c", 'exec "$0" show -c "$1" - --format jsonl < "$2"', L, C, batch]
    wall, _, codes = measure(argv, 3)
    print(f"\nshow - ({lookups:,} random full udids, --format jsonl): {wall:.2f} s, "
          f"{lookups / wall:,.0f} lookups/s, exit {','.join(map(str, sorted(codes)))}", flush=True)


if __name__ == "__main__":
    main()
