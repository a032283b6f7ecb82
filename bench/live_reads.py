#!/usr/bin/env python3
"""Reads beside a live writer, many times: the soak behind LiveReadTests (make bench-live).

usage: bench/live_reads.py LINEAGE [--reads 300] [--rate 0] [--wait 0.1]

Starts `lineage fixture live` (3,000 tasks, then one transaction per emission at RATE per
second, 0 = flat out, at most --max-tasks tasks (20,000), then completions) and runs verify, types
--summary, edges, show and status READS times each beside it. Every answer must be exit 75
(BUSY) or exit 0 with counts of a committed prefix (the writer's log); never exit 2 or
DAMAGED. Prints a tally per command and the problems found; exits 1 if there are any.
"""
import argparse, json, os, signal, subprocess, tempfile, time

p = argparse.ArgumentParser()
p.add_argument("lineage")
p.add_argument("--reads", type=int, default=300)
p.add_argument("--rate", default="0")
p.add_argument("--wait", default="0.1")
p.add_argument("--max-tasks", default="20000")
a = p.parse_args()

with tempfile.TemporaryDirectory() as d:
    f, log = os.path.join(d, "live.mdb"), os.path.join(d, "log")
    writer = subprocess.Popen([a.lineage, "fixture", "live", f, "--initial-tasks", "3000", "--max-tasks", a.max_tasks,
                               "--rate", a.rate, "--duration", "3600", "--log", log],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while not (os.path.exists(log) and os.path.getsize(log) > 0):
        time.sleep(0.05)
    w = ["--wait", a.wait]
    reads = {
        "verify": ["verify", f, "--format", "jsonl"] + w,
        "types": ["types", "--summary", f] + w,
        "edges": ["edges", f] + w,
        "show": ["show", "-c", f, "--path", "0", "--format", "json"] + w,
        "status": ["status", f, "--format", "json"] + w,
    }
    answers = []
    start = time.time()
    for _ in range(a.reads):
        for name, args in reads.items():
            r = subprocess.run([a.lineage] + args, capture_output=True, text=True)
            answers.append((name, r, writer.poll() is None))
    seconds = time.time() - start
    writer.send_signal(signal.SIGTERM)
    writer.wait()
    committed = [tuple(map(int, line.split()[:2])) for line in open(log) if line.strip()]
    tasks = {t for t, _ in committed}
    pairs = set(committed)
    problems = []
    tally = {name: [0, 0, 0] for name in reads}
    for name, r, live in answers:
        tally[name][2] += live
        if "DAMAGED" in r.stdout or "damaged" in r.stderr or r.returncode not in (0, 75):
            problems.append(f"{name}: exit {r.returncode}: {r.stderr.strip()[:200]}")
            continue
        if r.returncode == 75:
            tally[name][1] += 1
            continue
        tally[name][0] += 1
        if name == "verify":
            j = json.loads(r.stdout)
            if not j["ok"] or (j["tasks"], j["edges"]) not in pairs:
                problems.append(f"verify: read {j['tasks']} tasks {j['edges']} edges, not a committed prefix")
        elif name == "types":
            total = int([l for l in r.stdout.splitlines() if l.startswith("total")][0].split()[-1])
            if total not in tasks:
                problems.append(f"types: {total} tasks, not a committed prefix")
        elif name == "edges":
            if len(r.stdout.splitlines()) + 1 not in tasks:
                problems.append(f"edges: {len(r.stdout.splitlines())} edges, not a committed prefix")
        elif name == "status":
            if json.loads(r.stdout)["tasks"] not in tasks:
                problems.append("status: not a committed prefix")
    final = subprocess.run([a.lineage, "verify", f, "--wait", "0"], capture_output=True, text=True)
    if final.returncode != 0:
        problems.append(f"after the writer stopped: verify exit {final.returncode}")
    print(f"rate {a.rate}, wait {a.wait}, {a.reads} reads per command in {seconds:.0f} s, "
          f"writer: {len(committed)} commits logged")
    for name, (ok, busy, live) in tally.items():
        print(f"  {name:7} consistent {ok:4}  busy {busy:4}  (while writing: {live})")
    print(f"  after the writer stopped: verify exit {final.returncode}")
    for problem in problems[:20]:
        print("  PROBLEM", problem)
    raise SystemExit(1 if problems else 0)
