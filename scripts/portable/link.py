#!/usr/bin/env python3
"""Relink lineage's release build into an executable that runs on glibc 2.28 and later.

usage: scripts/portable/link.py BUILD_LOG OUTPUT EXTRA_OBJECT...

BUILD_LOG is the output of `swift build -v` that linked .build/release/lineage: its
clang command is rerun with `zig cc -target x86_64-linux-gnu.2.28` as the linker driver,
so every glibc symbol binds to the oldest version that has it (zig ships the stubs of each
glibc release). The command is rewritten on the way:
- liblmdb, libstdc++ and the unwinder are linked statically (liblmdb.a and libstdc++.a
  from the system, as `gcc -print-file-name` finds them; zig's libunwind; libgcc.a);
- options zig's lld driver does not take are replaced: `--defsym main=lineage_main` by the
  `main` of scripts/portable/shims.c, `--exclude-libs ALL` dropped (the static archives'
  symbols are not exported either way in an executable), `--target=` and `-v` dropped;
- EXTRA_OBJECT (shims.o, the build-info objects) is added.
"""
import os, shlex, subprocess, sys


def gcc_file(name):
    path = subprocess.run(["gcc", f"-print-file-name={name}"], capture_output=True, text=True, check=True).stdout.strip()
    if not os.path.isabs(path) or not os.path.exists(path):
        sys.exit(f"portable link: gcc does not know {name}; install the package that ships it (liblmdb-dev, libstdc++-12-dev)")
    return path


def expand(args):
    out = []
    for arg in args:
        if arg.startswith("@") and os.path.exists(arg[1:]):
            out += expand(shlex.split(open(arg[1:]).read()))
        else:
            out.append(arg)
    return out


def link_command(log, target):
    for line in open(log, encoding="utf-8", errors="replace"):
        if not line.split(" ", 1)[0].endswith("/clang") or f" -o {target}" not in line:
            continue
        words = shlex.split(line)
        if len(words) > 2 and words[0].endswith("/clang") and "-o" in words and words[words.index("-o") + 1] == target:
            return words
    sys.exit(f"portable link: no link command for {target} in {log} (was the release binary relinked?)")


def main():
    log, output, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    words = link_command(log, os.path.join(os.path.realpath(".build/release"), "lineage"))
    args = expand(words[1:])
    lmdb, stdcxx, libgcc = gcc_file("liblmdb.a"), gcc_file("libstdc++.a"), gcc_file("libgcc.a")
    fixed, linked_lmdb, i = [], False, 0
    while i < len(args):
        arg = args[i]
        if arg == "-Xlinker" and i + 1 < len(args):
            value = args[i + 1]
            if value == "--defsym":  # -Xlinker --defsym -Xlinker main=lineage_main
                i += 4
            elif value == "--exclude-libs":  # -Xlinker --exclude-libs -Xlinker ALL
                i += 4
            elif value.endswith((".o", ".a")):
                fixed.append(value)
                i += 2
            else:
                fixed += [arg, value]
                i += 2
            continue
        i += 1
        if arg.startswith("--target=") or arg == "-v":
            continue
        if arg == "-o":
            fixed += ["-o", output]
            i += 1
            continue
        if arg == "-llmdb":
            if not linked_lmdb:
                fixed.append(lmdb)
                linked_lmdb = True
            continue
        if arg == "-lstdc++":
            fixed.append(stdcxx)
            continue
        fixed.append(arg)
    command = [sys.executable, "-m", "ziglang", "cc", "-target", "x86_64-linux-gnu.2.28"] + fixed + extra + ["-lunwind", libgcc]
    sys.exit(subprocess.call(command))


if __name__ == "__main__":
    main()
