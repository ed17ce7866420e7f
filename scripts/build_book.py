"""Build the book strictly, executing every notebook that needs it, one kernel per core.

1. Inputs check: jupyter-cache only notices changes to a notebook's own code cells, not to the hlskit
   package or the content files the notebooks read. So this script fingerprints those; when they
   change (and always in CI, where CI is set) it clears the execution cache and Sphinx's saved
   environment, so every page is read and every notebook executed afresh. After a good build the
   stamp also records the notebooks' digest, so a rebuild with nothing changed skips step 2.
2. Execution: notebooks not yet in the cache are executed in parallel, one reused kernel per core
   (scripts/warm_kernels.py), with the same settings the book uses (HLS_BOOK_BUILD=1, timeout, no
   errors allowed), and stored in jupyter-cache.
3. Build: what `jupyter-book build . -W -n --keep-going` does (jupyter-book's own build function,
   called in-process), with one Sphinx job per core; it takes every output from the cache, and a
   notebook that failed in step 2 is executed again there, so its error fails the build with a
   traceback.

Usage: python scripts/build_book.py [--force] [--serial]     (exit code is Sphinx's; 0 = built)
"""
from __future__ import annotations

import hashlib
import os
import shutil
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
    import warm_kernels

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
    start = time.monotonic()
    report = warm_kernels.execute(todo, cache, timeout=config.get("timeout", 120),
                                  workers=os.cpu_count() or 1, root=ROOT)
    print(f"Executed {len(report.succeeded)} notebook(s) in {time.monotonic() - start:.1f} s"
          + (f"; {len(report.failed)} failed and will be re-run by the build" if report.failed else ""))


def sphinx_build(jobs: int) -> int:
    """`jupyter-book build . -W -n --keep-going`, made in-process with the same arguments its command
    line passes to Sphinx, plus ``jobs`` parallel readers and writers (the command line has no -j)."""
    from jupyter_book.sphinx import build_sphinx

    result = build_sphinx(ROOT, BUILD / "html", use_external_toc=True, noconfig=True,
                          path_config=str(ROOT / "_config.yml"),
                          confoverrides={"external_toc_path": (ROOT / "_toc.yml").as_posix(),
                                         "latex_individualpages": False, "nitpicky": True},
                          builder="html", warningiserror=True, keep_going=True, jobs=jobs)
    if isinstance(result, Exception):
        print(f"The build stopped: {type(result).__name__}: {result}", file=sys.stderr)
        return 2
    return result


def notebooks_digest(paths: list[Path]) -> str:
    """Changes when any notebook does; equal to the stamp's means every one is already cached."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.relative_to(ROOT)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def main(argv: list[str]) -> int:
    force = "--force" in argv or bool(os.environ.get("CI"))
    serial = "--serial" in argv
    fp, nbs = fingerprint(), notebooks()
    digest = notebooks_digest(nbs)
    stamp = STAMP.read_text().split() if STAMP.exists() else []
    if force or stamp[:1] != [fp]:
        shutil.rmtree(CACHE, ignore_errors=True)
        shutil.rmtree(BUILD / ".doctrees", ignore_errors=True)   # so Sphinx re-reads every page
        STAMP.unlink(missing_ok=True)
        stamp = []
    if not serial and (stamp != [fp, digest] or not CACHE.is_dir()):
        execute_in_parallel(nbs)
    status = sphinx_build(jobs=1 if serial else (os.cpu_count() or 1))
    if status == 0:
        STAMP.write_text(f"{fp}\n{digest}\n")
        print(f"\nThe handbook is built. Open {ROOT / '_build' / 'html' / 'index.html'} in your browser.")
    else:
        print(f"\nThe build failed (status {status}); the messages above say where.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
