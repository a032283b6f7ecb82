#!/usr/bin/env python3
"""Run every console example in the README and Docs/*.md and compare the output.

A console example is a ```console block: lines starting with `$ ` are commands, the
lines after each, up to the next command, are what it prints (stdout and stderr
together). Commands run with bash, with the built binary's directory first on PATH, one
shell per block so `echo $?` sees the previous command.

Each document runs in a fresh temporary directory of its own, in document order: the
working directory holds a copy of the files git tracks (as they are in the working tree)
and what the document's earlier examples wrote, nothing else; HOME and TMPDIR are empty directories
beside it. So an example can read a committed fixture or a file an earlier example
made, and nothing left on this machine. An example that names a fixed path under /tmp
fails (such names collide on shared machines: write relative to the working directory
or under $TMPDIR), and a mismatch caused by a missing file says which file.

usage: scripts/check-doc-examples.py [--update] BIN_DIR [FILE...]
Exit 0 when every example matches, 1 otherwise (each mismatch is printed as a diff).
--update rewrites each example's output with what the commands print now.
"""
import difflib, glob, os, re, shutil, subprocess, sys, tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


def committed_files():
    """The files git tracks, relative to the repository's root (a tree git cannot read:
    every file but git's own, build output and benchmark data)."""
    try:
        listed = subprocess.run(["git", "-C", REPOSITORY, "ls-files", "-z"], capture_output=True, check=True).stdout
        return [name for name in listed.decode().split("\0") if name]
    except (OSError, subprocess.CalledProcessError):
        names = []
        for root, folders, files in os.walk(REPOSITORY):
            top = root == REPOSITORY
            folders[:] = [f for f in folders if f != ".git" and not (top and (f.startswith(".build") or f == "demo"))
                          and not (os.path.basename(root) == "bench" and f == "data")]
            names += [os.path.relpath(os.path.join(root, f), REPOSITORY) for f in files]
        return names


def fresh_directory(scratch, files):
    """A working directory holding a copy of `files`, and an empty HOME and TMPDIR."""
    work, home, tmp = (os.path.join(scratch, name) for name in ("work", "home", "tmp"))
    for name in files:
        source = os.path.join(REPOSITORY, name)
        if os.path.isfile(source):
            target = os.path.join(work, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)
    os.makedirs(work, exist_ok=True)
    os.makedirs(home)
    os.makedirs(tmp)
    return work, home, tmp


def run_block(steps, env, cwd):
    """Runs a block's commands in one bash, separated by markers; returns each output."""
    marker = "@@lineage-doc-example@@"
    # Each command's stderr joins its stdout, as on a terminal; its status is kept for `echo $?`.
    script = "".join(f"{{ {command}\n}} 2>&1\nstatus=$?; echo {marker}; (exit $status)\n" for command, _ in steps)
    result = subprocess.run(["bash"], input=script, capture_output=True, text=True, env=env, cwd=cwd,
                            timeout=120)
    outputs = result.stdout.split(marker + "\n")
    return [o.rstrip("\n").split("\n") if o.rstrip("\n") else [] for o in outputs[:len(steps)]]


# How a missing file shows in an example's output: lineage's sentence, or a shell tool's.
MISSING = [re.compile(r"^(?:lineage: )?(\S+): no such file;"), re.compile(r"(\S+): No such file or directory")]


def missing_files(expected, actual):
    """Paths the actual output says are missing and the documented output does not."""
    def found(lines):
        return {m.group(1).rstrip(":") for line in lines for p in MISSING for m in [p.search(line)] if m}
    return sorted(found(actual) - found(expected))


def check_file(path, env, files, update):
    """Runs one document's examples in a fresh directory; returns (checked, failures)."""
    checked = failures = 0
    rewritten = open(path, encoding="utf-8").read().split("\n")
    replacements = []
    with tempfile.TemporaryDirectory(prefix="lineage-doc-") as scratch:
        work, home, tmp = fresh_directory(scratch, files)
        block_env = dict(env, HOME=home, TMPDIR=tmp)
        for line, steps in blocks(path):
            if not steps:
                continue
            fixed = [command for command, _ in steps if "/tmp/" in command]
            if fixed:
                for command in fixed:
                    failures += 1
                    print(f"{path}:{line}: $ {command}")
                    print("    names a fixed path under /tmp, which other users of the machine share; "
                          "write the file relative to the working directory or under $TMPDIR")
                continue
            outputs = run_block(steps, block_env, work)
            replacements.append((line, steps, outputs))
            for (command, expected), actual in zip(steps, outputs):
                checked += 1
                if expected == actual:
                    continue
                failures += 1
                print(f"{path}:{line}: $ {command}")
                for missing in missing_files(expected, actual):
                    print(f"    {missing}: the example reads a file that neither the repository nor an earlier "
                          f"example of {path} made; make it in an earlier example (lineage fixture, cp, truncate) "
                          "or read a committed fixture")
                for diff in difflib.unified_diff(expected, actual, "documented", "actual", lineterm=""):
                    print("    " + diff)
    if update:
        # From the end, so the line numbers of earlier blocks stay right.
        for line, steps, outputs in reversed(replacements):
            end = line
            while rewritten[end].strip() != "```":
                end += 1
            body = []
            for (command, _), actual in zip(steps, outputs):
                body += ["$ " + command] + actual
            rewritten[line:end] = body
        open(path, "w", encoding="utf-8").write("\n".join(rewritten))
    return checked, failures


def main():
    args = sys.argv[1:]
    update = args[:1] == ["--update"]
    args = args[1:] if update else args
    if not args:
        print(__doc__, file=sys.stderr)
        return 64
    bin_dir = os.path.abspath(args[0])
    paths = [os.path.abspath(p) for p in args[1:]] or [os.path.join(REPOSITORY, "README.md")] + sorted(
        glob.glob(os.path.join(REPOSITORY, "Docs", "*.md")))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ.get("PATH", ""))
    env.pop("LINEAGE_CHECKPOINT", None)
    files = committed_files()
    checked = failures = 0
    for path in paths:
        shown = os.path.relpath(path, REPOSITORY)
        os.chdir(REPOSITORY)
        c, f = check_file(shown, env, files, update)
        checked += c
        failures += f
    print(f"doc examples: {checked - failures} passed, {failures} failed" + (" (rewritten)" if update else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
