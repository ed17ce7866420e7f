"""Time the book build: clean builds, no-change rebuilds and one-page edits; look for stalled notebooks.

Usage: .venv/bin/python benchmarks/build.py [clean_runs] [rebuild_runs]
A clean build removes _build entirely (the execution cache too), so every notebook is executed.
A no-change rebuild runs the build command again: the script finds nothing changed and stops.
A one-page edit touches one chapter page first, so Sphinx starts, reads that page and writes it:
the cost of the edit-and-look loop (it is also the cost of Sphinx's own no-change pass plus a page).
A stall (see ../shared/toolchain.md section 5) shows as one notebook taking about the execution
timeout; the slowest notebook of every clean build is printed.
"""
from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLEAN = int(sys.argv[1]) if len(sys.argv) > 1 else 3
REBUILD = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def build() -> float:
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_book.py")], cwd=ROOT,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"build failed:\n{proc.stdout[-3000:]}")
    return time.perf_counter() - start


def slowest_notebook() -> tuple[float, str]:
    from jupyter_cache import get_cache
    records = get_cache(str(ROOT / "_build" / ".jupyter_cache")).list_cache_records()
    return max(((r.data or {}).get("execution_seconds", 0.0), Path(r.uri).name) for r in records)


clean, slow = [], []
for i in range(CLEAN):
    shutil.rmtree(ROOT / "_build", ignore_errors=True)
    clean.append(build())
    slow.append(slowest_notebook())
    print(f"clean build {i + 1}: {clean[-1]:.1f} s; slowest notebook {slow[-1][0]:.1f} s ({slow[-1][1]})", flush=True)
rebuilds = [build() for _ in range(REBUILD)]
EDITED = ROOT / "book" / "about" / "licence.md"


def edit_and_build() -> float:
    EDITED.touch()
    return build()


edits = [edit_and_build() for _ in range(REBUILD)]
print(f"clean build: median {statistics.median(clean):.1f} s, max {max(clean):.1f} s ({CLEAN} runs)")
print(f"no-change rebuild: median {statistics.median(rebuilds):.1f} s, max {max(rebuilds):.1f} s ({REBUILD} runs)")
print(f"one-page edit rebuild: median {statistics.median(edits):.1f} s, max {max(edits):.1f} s ({REBUILD} runs)")
print(f"slowest single notebook over all clean builds: {max(slow)[0]:.1f} s ({max(slow)[1]}); "
      f"a stall would show as about 120 s")
