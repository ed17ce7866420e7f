"""Build the book strictly, keeping the notebook execution cache honest.

jupyter-cache only notices changes to a notebook's own code cells, not to the hlskit package or the
content files the notebooks read. So this script fingerprints those and clears the cache when they
change; in CI (CI set) it always clears it, so every notebook is executed afresh.

Usage: python scripts/build_book.py [--force]   (exit code is jupyter-book's)
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "_build" / ".jupyter_cache"
STAMP = ROOT / "_build" / ".inputs-fingerprint"
WATCHED = ["tools/hlskit", "case_studies", "requirements.txt"]


def fingerprint() -> str:
    h = hashlib.sha256()
    for entry in WATCHED:
        base = ROOT / entry
        files = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        for p in files:
            if "__pycache__" in p.parts or not p.exists():
                continue
            h.update(str(p.relative_to(ROOT)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def main(argv: list[str]) -> int:
    force = "--force" in argv or bool(os.environ.get("CI"))
    fp = fingerprint()
    if force or not STAMP.exists() or STAMP.read_text() != fp:
        shutil.rmtree(CACHE, ignore_errors=True)
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(ROOT), "-W", "-n", "--keep-going"], cwd=ROOT)
    if proc.returncode == 0:
        STAMP.write_text(fp)
        print(f"\nThe handbook is built. Open {ROOT / '_build' / 'html' / 'index.html'} in your browser.")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
