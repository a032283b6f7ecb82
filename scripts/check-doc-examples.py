#!/usr/bin/env python3
"""Run every console example in the README and Docs/*.md and compare the output.

A console example is a ```console block: lines starting with `$ ` are commands, the
lines after each, up to the next command, are what it prints (stdout and stderr
together). Commands run with bash from the repository root, with the built binary's
directory first on PATH, one shell per block so `echo $?` sees the previous command.

usage: scripts/check-doc-examples.py [--update] BIN_DIR [FILE...]
Exit 0 when every example matches, 1 otherwise (each mismatch is printed as a diff).
--update rewrites each example's output with what the commands print now.
"""
import difflib, glob, os, subprocess, sys


def blocks(path):
    """Yields (line number, [(command, expected lines)]) for each console block."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        if lines[i].strip() == "```console":
            start = i + 1
            steps = []
            i += 1
            while i < len(lines) and lines[i].strip() != "```":
                if lines[i].startswith("$ "):
                    steps.append((lines[i][2:], []))
                elif steps:
                    steps[-1][1].append(lines[i])
                i += 1
            yield start, steps
        i += 1


def run_block(steps, env):
    """Runs a block's commands in one bash, separated by markers; returns each output."""
    marker = "@@lineage-doc-example@@"
    # Each command's stderr joins its stdout, as on a terminal; its status is kept for `echo $?`.
    script = "".join(f"{{ {command}\n}} 2>&1\nstatus=$?; echo {marker}; (exit $status)\n" for command, _ in steps)
    result = subprocess.run(["bash"], input=script, capture_output=True, text=True, env=env,
                            timeout=120)
    outputs = result.stdout.split(marker + "\n")
    return [o.rstrip("\n").split("\n") if o.rstrip("\n") else [] for o in outputs[:len(steps)]]


def main():
    args = sys.argv[1:]
    update = args[:1] == ["--update"]
    args = args[1:] if update else args
    if not args:
        print(__doc__, file=sys.stderr)
        return 64
    bin_dir = os.path.abspath(args[0])
    files = args[1:] or ["README.md"] + sorted(glob.glob("Docs/*.md"))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    env.pop("LINEAGE_CHECKPOINT", None)
    failures = 0
    checked = 0
    for path in files:
        rewritten = open(path, encoding="utf-8").read().split("\n")
        for line, steps in reversed(list(blocks(path))):
            if not steps:
                continue
            outputs = run_block(steps, env)
            if update:
                end = line
                while rewritten[end].strip() != "```":
                    end += 1
                body = []
                for (command, _), actual in zip(steps, outputs):
                    body += ["$ " + command] + actual
                rewritten[line:end] = body
            for (command, expected), actual in zip(steps, outputs):
                checked += 1
                if expected != actual:
                    failures += 1
                    print(f"{path}:{line}: $ {command}")
                    for diff in difflib.unified_diff(expected, actual, "documented", "actual", lineterm=""):
                        print("    " + diff)
        if update:
            open(path, "w", encoding="utf-8").write("\n".join(rewritten))
    print(f"doc examples: {checked - failures} passed, {failures} failed" + (" (rewritten)" if update else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
