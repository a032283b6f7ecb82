#!/usr/bin/env python3
"""Curator reads beside a live writer, many times: the soak behind LiveReadTests.

usage: bench/curator_live_reads.py LINEAGE CHECKPOINT_DIR [--reads 300] [--pause 0] [--wait 0]

Copies CHECKPOINT_DIR (a Curator checkpoint directory) to a temporary directory, adds a
writer file live-9999.mdb that a py-lmdb writer fills as the pipeline's writer does (no
lock file, one write transaction per completed source, k00000000, k00000001, ...; PAUSE
seconds after each, 0 = flat out), and runs status, verify and sources READS times each
beside it. Every answer must be exit 75 (BUSY, naming the live file) or exit 0, and a
consistent `sources` must list a committed prefix; never exit 2 or DAMAGED; verify must
pass once the writer stops. Prints a tally per command; exits 1 on any problem.
"""
import argparse, os, shutil, signal, subprocess, sys, tempfile, time

WRITER = """
import lmdb, sys, time
pause = float(sys.argv[2])
env = lmdb.open(sys.argv[1], subdir=False, lock=False, max_dbs=1, map_size=1 << 32, sync=False, metasync=False)
db = env.open_db(b"completed_sources")
i = 0
while True:
    with env.begin(write=True, db=db) as txn:
        txn.put(b"k%08d" % i, b"1")
    i += 1
    if pause:
        time.sleep(pause)
"""

p = argparse.ArgumentParser()
p.add_argument("lineage")
p.add_argument("checkpoint")
p.add_argument("--reads", type=int, default=300)
p.add_argument("--pause", default="0")
p.add_argument("--wait", default="0")
a = p.parse_args()

with tempfile.TemporaryDirectory() as d:
    run = os.path.join(d, "run")
    shutil.copytree(a.checkpoint, run)
    live = os.path.join(run, ".nemo_curator_metadata", "live-9999.mdb")
    writer = subprocess.Popen([sys.executable, "-c", WRITER, live, a.pause], stdout=subprocess.DEVNULL)
    while not (os.path.exists(live) and os.path.getsize(live) >= 16384):
        if writer.poll() is not None:
            raise SystemExit("the py-lmdb writer stopped (pip install lmdb)")
        time.sleep(0.01)
    w = ["--wait", a.wait]
    reads = {
        "status": ["status", "--format", "json", run] + w,
        "verify": ["verify", run] + w,
        "sources": ["sources", "--writer", "live-9999.mdb", run] + w,
    }
    tally = {name: [0, 0] for name in reads}
    problems = []
    start = time.time()
    for _ in range(a.reads):
        for name, args in reads.items():
            r = subprocess.run([a.lineage] + args, capture_output=True, text=True)
            if "DAMAGED" in r.stdout or "damaged" in r.stderr or r.returncode not in (0, 75):
                problems.append(f"{name}: exit {r.returncode}: {r.stderr.strip()[:200]}")
            elif r.returncode == 75:
                tally[name][1] += 1
                if "live-9999.mdb" not in r.stderr:
                    problems.append(f"{name}: BUSY without the file's name: {r.stderr.strip()[:200]}")
            else:
                tally[name][0] += 1
                if name == "sources":
                    keys = [line.split("\t")[0] for line in r.stdout.splitlines()]
                    if keys != ["k%08d" % i for i in range(len(keys))]:
                        problems.append(f"sources: {len(keys)} rows, not a committed prefix")
    seconds = time.time() - start
    writer.send_signal(signal.SIGTERM)
    writer.wait()
    final = subprocess.run([a.lineage, "verify", run, "--wait", "0"], capture_output=True, text=True)
    if final.returncode != 0:
        problems.append(f"after the writer stopped: verify exit {final.returncode}")
    print(f"Curator, writer pause {a.pause} s, wait {a.wait}, {a.reads} reads per command in {seconds:.0f} s")
    for name, (ok, busy) in tally.items():
        print(f"  {name:7} consistent {ok:4}  busy {busy:4}")
    print(f"  after the writer stopped: verify exit {final.returncode}")
    for problem in problems[:20]:
        print("  PROBLEM", problem)
    raise SystemExit(1 if problems else 0)
