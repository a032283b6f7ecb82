#!/usr/bin/env python3
"""Package the portable executable for the people who run NeMo Curator.

usage: scripts/portable/package.py wheel|dist BINARY VERSION OUT_DIR

wheel: OUT_DIR/lineage_cli-VERSION-py3-none-manylinux_2_28_x86_64.whl, a wheel whose only
content is the executable (installed as a script, so `uv tool install`, `pipx install`
and `pip install` put `lineage` on PATH), the man page and the shell completions under
share/ (so `man lineage` finds the page from a venv's bin on PATH), METADATA with the
README, and the license. The wheel format is a zip with a RECORD of every file's SHA-256;
no build backend is needed.

dist: OUT_DIR/lineage-VERSION-linux-x86_64.tar.gz (bin/, share/man/man1/, the three
completions, README.md, LICENSE) and OUT_DIR/SHA256SUMS.
"""
import base64, hashlib, io, os, stat, sys, tarfile, zipfile

HERE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARE = [
    ("Docs/man/lineage.1", "share/man/man1/lineage.1"),
    ("Docs/completions/lineage.bash", "share/bash-completion/completions/lineage"),
    ("Docs/completions/_lineage", "share/zsh/site-functions/_lineage"),
    ("Docs/completions/lineage.fish", "share/fish/vendor_completions.d/lineage.fish"),
]
TAG = "py3-none-manylinux_2_28_x86_64"
# Every entry gets this time (1980-01-01, zip's first), so a rebuild is byte-identical.
EPOCH = (1980, 1, 1, 0, 0, 0)


def read(path):
    with open(os.path.join(HERE, path) if not os.path.isabs(path) else path, "rb") as f:
        return f.read()


def wheel(binary, version, out):
    name = "lineage_cli"
    data = f"{name}-{version}.data"
    info = f"{name}-{version}.dist-info"
    readme = read("README.md").decode()
    metadata = (
        "Metadata-Version: 2.1\n"
        f"Name: lineage-cli\nVersion: {version}\n"
        "Summary: Inspect and audit the checkpoints NeMo Curator pipelines write: what finished, what a resume will do\n"
        "License: MIT\nRequires-Python: >=3.8\n"
        "Classifier: Environment :: Console\nClassifier: Operating System :: POSIX :: Linux\n"
        "Classifier: License :: OSI Approved :: MIT License\n"
        "Description-Content-Type: text/markdown\n\n" + readme
    )
    wheel_file = f"Wheel-Version: 1.0\nGenerator: lineage scripts/portable/package.py\nRoot-Is-Purelib: false\nTag: {TAG}\n"
    files = [(f"{data}/scripts/lineage", read(binary), 0o755)]
    files += [(f"{data}/data/{target}", read(source), 0o644) for source, target in SHARE]
    files += [
        (f"{info}/METADATA", metadata.encode(), 0o644),
        (f"{info}/WHEEL", wheel_file.encode(), 0o644),
        (f"{info}/licenses/LICENSE", read("LICENSE"), 0o644),
    ]
    record = []
    for path, content, _ in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(content).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(content)}")
    record.append(f"{info}/RECORD,,")
    files.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode(), 0o644))
    target = os.path.join(out, f"{name}-{version}-{TAG}.whl")
    with zipfile.ZipFile(target + ".part", "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content, mode in files:
            entry = zipfile.ZipInfo(path, EPOCH)
            entry.external_attr = (stat.S_IFREG | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, content)
    os.replace(target + ".part", target)
    print(target)


def dist(binary, version, out):
    top = f"lineage-{version}-linux-x86_64"
    target = os.path.join(out, top + ".tar.gz")
    files = [("bin/lineage", read(binary), 0o755)] + [(t, read(s), 0o644) for s, t in SHARE]
    files += [("README.md", read("README.md"), 0o644), ("LICENSE", read("LICENSE"), 0o644)]
    with tarfile.open(target + ".part", "w:gz") as archive:
        for path, content, mode in files:
            entry = tarfile.TarInfo(f"{top}/{path}")
            entry.size, entry.mode, entry.mtime = len(content), mode, 315532800
            archive.addfile(entry, io.BytesIO(content))
    os.replace(target + ".part", target)
    # SHA256SUMS: every artifact in OUT_DIR, as sha256sum writes it (`sha256sum -c` checks it).
    sums = []
    for name in sorted(os.listdir(out)):
        if name.endswith((".whl", ".tar.gz")):
            sums.append(f"{hashlib.sha256(read(os.path.join(out, name))).hexdigest()}  {name}")
    with open(os.path.join(out, "SHA256SUMS"), "w") as f:
        f.write("\n".join(sums) + "\n")
    print(target)


if __name__ == "__main__":
    kind, binary, version, out = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    {"wheel": wheel, "dist": dist}[kind](binary, version, out)
