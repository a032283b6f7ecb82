#!/usr/bin/env python3
"""Writes lineage(1), the man page, as man(7) on stdout.

Usage: scripts/manpage.py LINEAGE_BINARY DATE

The commands, their options, choices and defaults come from the binary itself
(`lineage --experimental-dump-help`, swift-argument-parser's description of its
arguments), so the page cannot drift from what the binary accepts; `make
check-generated` regenerates it and fails when the committed page differs. The
sections a person needs around them (the checkpoint, the formats, exit statuses,
environment, files, examples) are written here once. The output is kept clean under
`mandoc -T lint`: one sentence per line, no line over 80 bytes. man(7) rather than
mdoc: Debian's groff titles every mdoc page "BSD General Commands Manual".
"""

import json
import re
import subprocess
import sys


def escape(text):
    """Text for a man(7) text line: backslashes and hyphens escaped."""
    return text.replace("\\", "\\e").replace("-", "\\-")


def sentences(text):
    """`text` as lines: one sentence a line, each wrapped under 80 bytes."""
    text = " ".join(text.split())
    # Abbreviations do not end a sentence; \& keeps mdoc from treating them so.
    for abbreviation in ("e.g.", "i.e.", "etc.", "vs."):
        text = text.replace(abbreviation + " ", abbreviation + "\\& ")
    parts = re.split(r"(?<=[.!?:;])\s+(?=[A-Z`(\"'0-9-])", text)
    lines = []
    for part in parts:
        lines += wrap(escape(part).replace("\\e&", "\\&"))
    return [("\\&" + line if line[:1] in (".", "'") else line) for line in lines]


def wrap(text, width=78):
    """Splits a sentence at spaces into lines of at most `width` bytes (a longer word stays whole)."""
    lines, line = [], ""
    for word in text.split(" "):
        candidate = word if not line else line + " " + word
        if len(candidate.encode()) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    # A line must not end a sentence in its middle: a period inside it is fine (a line break
    # after it would be a sentence end, so break elsewhere when it ends one).
    return lines


def flag(name):
    return "\\fB" + ("-" + name["name"] if name["kind"] == "short" else "\\-\\-" + name["name"]) + "\\fR"


def visible(arguments):
    return [a for a in arguments if a.get("shouldDisplay", True) and not (a["kind"] == "flag" and a.get("valueName") in ("help", "version"))]


def option_item(argument):
    """The `.TP` head of one option or argument, then its description lines."""
    if argument["kind"] == "positional":
        head = "\\fI" + argument.get("valueName", "value") + "\\fR" + (" ..." if argument.get("isRepeating") else "")
    else:
        head = ", ".join(flag(n) for n in argument["names"])
        if argument["kind"] == "option":
            head += " \\fI" + argument.get("valueName", "value") + "\\fR"
    text = argument.get("abstract", "").strip()
    if argument.get("discussion"):
        text += " " + argument["discussion"].strip()
    extra = []
    if argument.get("allValues"):
        extra.append("One of " + ", ".join(argument["allValues"]) + ".")
    if "defaultValue" in argument and argument["kind"] == "option":
        extra.append("Default: " + argument["defaultValue"] + ".")
    body = (text + " " + " ".join(extra)).strip()
    return [".TP", head] + (sentences(body) if body else [])


def usage(path, command):
    """A synopsis line of the command at `path`: options first, then the positionals."""
    options, positionals = False, []
    for argument in visible(command.get("arguments", [])):
        if argument["kind"] == "positional":
            name = argument.get("valueName", "value")
            positionals.append(("[" + name + "]" if argument.get("isOptional") else name) + (" ..." if argument.get("isRepeating") else ""))
        else:
            options = True
    return " ".join(path) + (" [options]" if options else "") + (" " + " ".join(positionals) if positionals else "")


def command_section(path, command, out):
    """One `.SS` per visible command (and per visible subcommand of a group)."""
    subcommands = [s for s in command.get("subcommands", []) if s.get("shouldDisplay", True) and s["commandName"] != "help"]
    out.append(".SS " + " ".join(path))
    out += sentences(command.get("abstract", ""))
    if command.get("discussion"):
        out.append(".PP")
        out += sentences(command["discussion"])
    if not subcommands:
        out += [".PP", ".RS 4", ".EX", escape(usage(path, command)), ".EE", ".RE"]
        for argument in visible(command.get("arguments", [])):
            out += option_item(argument)
    for sub in subcommands:
        command_section(path + [sub["commandName"]], sub, out)


HEAD = r""".TH LINEAGE 1 "{date}" "lineage {version}" "User Commands"
.SH NAME
lineage \- inspect and audit data\-curation checkpoints (read\-only)
.SH SYNOPSIS
.B lineage
.I command
.RI [ checkpoint ]
.RI [ options ]
.br
.B lineage
.BR \-\-help " | " \-\-version
.SH DESCRIPTION
.B lineage
reads the checkpoints a data-curation pipeline writes so that a failed run can
resume, and answers from the files alone: what finished, what a resume will do,
whether the checkpoint is sound, whether two runs agree.
It reads two kinds of checkpoint: the task-lineage DAG (one LMDB file with the
sub-databases in_edges, out_edges, task_type and completed) and the directories
NeMo Curator writes
.RI ( .nemo_curator_metadata/
with one LMDB file per writer, and the Slurm job-array manifests).
.PP
Every command is read-only: the files are opened MDB_RDONLY | MDB_NOLOCK, no
lock file is created and no byte or modification time changes, so it works on
read-only shared storage.
A read that a running pipeline tore is retried for up to
.B \-\-wait
seconds.
.PP
Every command that reads a checkpoint takes it the same three ways: as its first
argument, with
.BI \-c " path" ,
or from
.BR LINEAGE_CHECKPOINT .
A command given a kind of checkpoint it does not read says which commands do
(exit 64).
.PP
Output formats:
.B text
for people;
.B json
is always exactly one JSON document;
.B jsonl
is one JSON object per line.
Every JSON document and line carries schema_version and kind (dag or curator).
Errors are one sentence on standard error, starting \(lqlineage:\(rq.
.SH COMMANDS
Every command also takes
.BR \-h ", " \-\-help .
"""

TAIL = r""".SH EXIT STATUS
The same statuses from every command:
.TP
0
Answered; for verify, every checkpoint is sound.
.TP
1
The answer is no: not found, ambiguous, a check failed, incomplete with
.BR \-\-fail\-if\-incomplete ,
two checkpoints differ, over a limit.
Each command's description says which.
.TP
2
A checkpoint, or a part of it (a Curator writer file), is damaged or cannot be
read.
A command that still answers prints its answer first.
.TP
64
Usage: an unknown command or option, a bad value, a checkpoint of a kind the
command does not read, an input file that is not what was asked for.
.TP
75
The pipeline was writing the checkpoint too fast for a consistent read within
.B \-\-wait
seconds: not damage, try again.
.PP
With several checkpoints verify exits with the worst: 2, then 75, then 1.
.SH ENVIRONMENT
.TP
.B LINEAGE_CHECKPOINT
The checkpoint read when neither an argument nor
.B \-c
gives one.
.TP
.B LINEAGE_PROGRESS_DELAY
Seconds before the progress line appears on a terminal (default 1).
.TP
.B NO_COLOR
Needs nothing: no output is ever coloured.
.TP
.B TERM
When unset or dumb, the progress line on standard error is redrawn with carriage
returns only, never an escape sequence.
.SH FILES
.TP
.IR ckpt.mdb ", " dir/data.mdb
A task-lineage DAG checkpoint: one LMDB data file as the pipeline writes it
(MDB_NOSUBDIR), or a directory holding
.IR data.mdb .
.TP
.I run/.nemo_curator_metadata/*.mdb
A NeMo Curator checkpoint: one LMDB file per writer, each holding the
sub-database completed_sources; give the directory holding the folder, the
folder, or one writer file.
.TP
.I run/.nemo_curator_metadata/.slurm_array_completion/
The Slurm job array's
.I run.json
and completion manifests.
.SH EXAMPLES
What finished and what a resume will do:
.PP
.RS 4
.EX
$ lineage status ckpt.mdb
.EE
.RE
.PP
Audit checkpoints for CI, with a JUnit report:
.PP
.RS 4
.EX
$ lineage verify ckpt.mdb \-\-junit report.xml
.EE
.RE
.PP
One task, by a udid prefix, and its neighbours:
.PP
.RS 4
.EX
$ lineage show ckpt.mdb 5fec
.EE
.RE
.PP
The stages of a run as a picture:
.PP
.RS 4
.EX
$ lineage export ckpt.mdb \-\-by\-stage | dot \-Tsvg > stages.svg
.EE
.RE
.PP
What a NeMo Curator rerun will skip, and the shards to resubmit:
.PP
.RS 4
.EX
$ lineage status run/
$ lineage plan run/ \-\-groups groups.jsonl
.EE
.RE
.PP
Whether two runs agree:
.PP
.RS 4
.EX
$ lineage diff a.mdb b.mdb
.EE
.RE
.PP
Follow a running pipeline; wait for it in a script, with a Prometheus textfile:
.PP
.RS 4
.EX
$ lineage watch run/
$ lineage watch run/ \-\-files inputs.txt \-\-until\-complete \-\-format prom \-\-output lineage.prom
.EE
.RE
.SH SEE ALSO
.BR dot (1),
.BR mdb_dump (1),
.BR mdb_stat (1)
"""


def main():
    binary, date = sys.argv[1], sys.argv[2]
    dump = json.loads(subprocess.run([binary, "--experimental-dump-help"], check=True, capture_output=True, text=True).stdout)
    root = dump["command"]
    year, month, day = (int(part) for part in date.split("-"))
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    version = subprocess.run([binary, "--version"], check=True, capture_output=True, text=True).stdout.split()[0]
    out = HEAD.format(date=f"{months[month - 1]} {day}, {year}", version=version).rstrip("\n").split("\n")
    for command in root["subcommands"]:
        if command.get("shouldDisplay", True) and command["commandName"] != "help":
            command_section(["lineage", command["commandName"]], command, out)
    out += TAIL.rstrip("\n").split("\n")
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
