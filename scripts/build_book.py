"""Build the book strictly, executing every notebook that needs it, one kernel per core.

1. Inputs check: jupyter-cache only notices changes to a notebook's own code cells, not to the hlskit
   package or the content files the notebooks read. So this script fingerprints those; when they
   change (and always in CI, where CI is set) it clears the execution cache and Sphinx's saved
   environment, so every page is read and every notebook executed afresh. After a good build the
   stamp also records the notebooks' digest, so a rebuild with no notebook changed skips step 2.
   And if no file under the book root changed at all (nor the installed packages), and every page
   of the last good build is still there, the script says the book is up to date and stops.
2. Execution: notebooks not yet in the cache are executed in parallel, one reused kernel per core
   (scripts/warm_kernels.py), with the same settings the book uses (HLS_BOOK_BUILD=1, timeout, no
   errors allowed), and stored in jupyter-cache.
3. Build: what `jupyter-book build . -W -n --keep-going` does (jupyter-book's own build function,
   called in-process), with one Sphinx job per core; it takes every output from the cache, and a
   notebook that failed in step 2 is executed again there, so its error fails the build with a
   traceback.

Before any of that, the content files (with the trainer's overlay) are validated, so a mistake in
them stops the build at once with one message naming the file, record and field.

Usage: python scripts/build_book.py [--force] [--serial] [--overlay DIR]
  --force        execute every notebook and read every page again (CI always does)
  --serial       no parallel execution or Sphinx jobs (what a plain `jupyter-book build` does)
  --overlay DIR  lay a trainer's own content folder on top of the shipped content (otherwise
                 $HLS_OVERLAY, or a folder named hls-content/ in or above the book's folder)
Exit code: Sphinx's (0 = built, or already up to date); 1 for a content problem, 2 for a bad option.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "_build"
CACHE = BUILD / ".jupyter_cache"
STAMP = BUILD / ".inputs-fingerprint"
SITE_STAMP = BUILD / ".site-inputs"
NOT_INPUTS = {"_build", ".venv", "node_modules", ".git", "__pycache__", ".ipynb_checkpoints", ".pytest_cache"}
WATCHED = ["tools/hlskit", "case_studies", "requirements.txt", "_ext", "_config.yml"]


def files_digest(paths: list[Path]) -> str:
    """Changes when any of these files' names or contents do."""
    h = hashlib.sha256()
    for p in paths:
        h.update(str(p.relative_to(ROOT) if p.is_relative_to(ROOT) else p).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def overlay_folder(root: Path = ROOT) -> Path | None:
    """The trainer's content folder the book at ``root`` loads (the rule hlskit itself uses)."""
    from hlskit.overlay import find_overlay
    found = find_overlay(root)
    return found if found is not None and found.is_dir() else None


def fingerprint() -> str:
    """The package, content, trainer's overlay and build settings the notebooks' outputs depend on."""
    files = []
    overlay = overlay_folder()
    for base in [ROOT / entry for entry in WATCHED] + ([overlay] if overlay else []):
        found = sorted(p for p in base.rglob("*") if p.is_file()) if base.is_dir() else [base]
        files += [p for p in found if "__pycache__" not in p.parts and p.exists()]
    return files_digest(files)


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


def site_inputs(root: Path = ROOT) -> str:
    """Name, size and modification time of every file under the book root, plus the installed
    packages, the vendored JavaScript and the trainer's overlay the book loads (wherever it is). If
    this is what it was after the last good build, nothing the build reads has changed, so the site
    is up to date."""
    h = hashlib.sha256()
    overlay = overlay_folder(root)
    h.update(f"overlay {overlay}\n".encode())
    folders = [root] + ([overlay] if overlay is not None and not overlay.is_relative_to(root) else [])
    for folder in folders:
        h.update(f"{folder}\n".encode())
        for dirpath, dirnames, filenames in os.walk(folder):
            dirnames[:] = sorted(d for d in dirnames if d not in NOT_INPUTS)
            for name in sorted(filenames):
                st = os.stat(os.path.join(dirpath, name))
                h.update(f"{dirpath}/{name} {st.st_size} {st.st_mtime_ns}\n".encode())
    lock = root / "node_modules" / ".package-lock.json"
    h.update(lock.read_bytes() if lock.exists() else b"no node_modules")
    site = Path(sysconfig.get_paths()["purelib"])
    h.update(" ".join(sorted(p.name for p in site.glob("*.dist-info"))).encode())
    return h.hexdigest()


def up_to_date(root: Path = ROOT) -> bool:
    """True if the last build succeeded, no input changed since, and every page it made is there."""
    build = root / "_build"
    stamp = build / SITE_STAMP.name
    if not stamp.exists() or stamp.read_text() != site_inputs(root):
        return False
    return all((build / "html" / f"{doc}.html").exists() for doc in toc_docs(root))


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


def options(argv: list[str]) -> tuple[bool, bool, Path | None]:
    """(force, serial, overlay) from the command line; a SystemExit with a message for anything else."""
    force, serial, overlay, rest = False, False, None, list(argv)
    while rest:
        arg = rest.pop(0)
        if arg == "--force":
            force = True
        elif arg == "--serial":
            serial = True
        elif arg == "--overlay" or arg.startswith("--overlay="):
            value = arg.partition("=")[2] or (rest.pop(0) if rest else "")
            if not value:
                raise SystemExit("Problem: --overlay needs a folder, e.g. --overlay my-course-content")
            overlay = Path(value).resolve()
            if not overlay.is_dir():
                raise SystemExit(f"Problem: --overlay {value}: no such folder")
        else:
            raise SystemExit(f"Problem: unknown option {arg!r}.\n{USAGE}")
    return force, serial, overlay


USAGE = "Usage: bash scripts/build.sh [--force] [--serial] [--overlay DIR]"


def content_problem() -> str | None:
    """Validate the content the book will load (in a second, before any notebook runs)."""
    from hlskit.content import load_nearest
    from hlskit.errors import ContentError
    try:
        load_nearest(ROOT)
    except ContentError as exc:
        return str(exc)
    return None


def main(argv: list[str]) -> int:
    try:
        force, serial, overlay = options(argv)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return 2
    force = force or bool(os.environ.get("CI"))
    if overlay is not None:
        os.environ["HLS_OVERLAY"] = str(overlay)   # read by the book's extension and the kernels
    if not force and up_to_date():
        print("Nothing the book is built from has changed since the last good build.\n"
              f"The handbook is up to date. Open {BUILD / 'html' / 'index.html'} in your browser.\n"
              "(To rebuild everything anyway: bash scripts/build.sh --force)")
        return 0
    problem = content_problem()
    if problem is not None:
        print(f"Problem: {problem}\nThe book was not built. Fix that and run the build again.", file=sys.stderr)
        return 1
    SITE_STAMP.unlink(missing_ok=True)
    fp, nbs = fingerprint(), notebooks()
    digest = files_digest(nbs)     # equal to the stamp's: every notebook is already cached
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
        SITE_STAMP.write_text(site_inputs())     # after the build: it writes the generated pages
        print(f"\nThe handbook is built. Open {ROOT / '_build' / 'html' / 'index.html'} in your browser.")
    else:
        print(f"\nThe build failed (status {status}); the messages above say where.", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
