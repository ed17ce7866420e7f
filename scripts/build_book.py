"""Build the book strictly, executing every notebook that needs it, two at a time.

1. Inputs check: jupyter-cache only notices changes to a notebook's own code cells, not to the hlskit
   package or the content files the notebooks read. So this script fingerprints those; when they
   change (and always in CI, where CI is set) it clears the execution cache and Sphinx's saved
   environment, so every page is read and every notebook executed afresh.
2. Execution: notebooks not yet in the cache are executed in parallel (one per core) with
   jupyter-cache, with the same settings the book uses (HLS_BOOK_BUILD=1, timeout, no errors allowed).
3. Build: `jupyter-book build . -W -n --keep-going` then takes every output from the cache; a notebook
   that failed in step 2 is executed again there, so its error fails the build with a traceback.

Usage: python scripts/build_book.py [--force] [--serial]     (exit code is jupyter-book's)
"""
from __future__ import annotations

import hashlib
import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
STAMP = BUILD / ".inputs-fingerprint"
WATCHED = ["tools/hlskit", "case_studies", "requirements.txt", "_ext", "_config.yml"]


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


def toc_docs(root: Path = ROOT) -> list[str]:
    """Every page the table of contents names (root first), as paths without extension."""
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            for key in ("root", "file"):
                if key in node:
                    found.append(node[key])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)
    walk(yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8")))
    return found


def notebooks() -> list[Path]:
    """The notebooks the table of contents names."""
    return [ROOT / f"{d}.ipynb" for d in toc_docs() if (ROOT / f"{d}.ipynb").exists()]


def execute_in_parallel(paths: list[Path]) -> None:
    from jupyter_cache import get_cache
    from jupyter_cache.executors import load_executor

    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["execute"]
    os.environ["HLS_BOOK_BUILD"] = "1"           # what the book's Sphinx extension sets, for the kernels
    sys.path.insert(0, str(ROOT / "_ext"))
    import nbexec_wakeup_fix  # noqa: F401  (patches the client before any kernel starts)

    cache = get_cache(str(CACHE))
    for p in paths:
        cache.add_nb_to_project(str(p))
    todo = [str(p) for p in paths if cache.get_cached_project_nb(str(p)) is None]
    if not todo:
        return
    logger = logging.getLogger("hls-build")
    logging.basicConfig(level=logging.WARNING)
    start = time.monotonic()
    result = load_executor("local-parallel", cache=cache, logger=logger).run_and_cache(
        filter_uris=todo, timeout=config.get("timeout", 120), allow_errors=False)
    print(f"Executed {len(result.succeeded)} notebook(s) in {time.monotonic() - start:.1f} s"
          + (f"; {len(result.excepted) + len(result.errored)} failed and will be re-run by the build"
             if result.excepted or result.errored else ""))


def main(argv: list[str]) -> int:
    force = "--force" in argv or bool(os.environ.get("CI"))
    fp = fingerprint()
    if force or not STAMP.exists() or STAMP.read_text() != fp:
        shutil.rmtree(CACHE, ignore_errors=True)
        shutil.rmtree(BUILD / ".doctrees", ignore_errors=True)   # so Sphinx re-reads every page
        STAMP.unlink(missing_ok=True)
    if "--serial" not in argv:
        execute_in_parallel(notebooks())
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(ROOT), "-W", "-n", "--keep-going"], cwd=ROOT)
    if proc.returncode == 0:
        STAMP.write_text(fp)
        print(f"\nThe handbook is built. Open {ROOT / '_build' / 'html' / 'index.html'} in your browser.")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
