"""Time the PDF book against the HTML build it is made from: clean builds, wall and CPU time.

Prints, for a clean HTML build (--force) and for RUNS clean PDF builds: wall time, CPU time (user +
system of the build and its child processes) and the load average before and after, since the
machine has 2 cores shared with others. The goal is a PDF that takes no longer than the HTML build.

Usage: python benchmarks/pdf.py [RUNS]   (prints figures; builds the site as part of the timing)
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load() -> str:
    return "/".join(f"{x:.2f}" for x in os.getloadavg())


def timed(cmd: list[str]) -> tuple[float, float, str]:
    """(wall s, CPU s of the command and its children, load average 1/5/15 min before → after)."""
    before, used = load(), resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - used.ru_utime) + (after.ru_stime - used.ru_stime)
    return wall, cpu, f"{before} → {load()}"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    py = sys.executable
    print(f"{os.cpu_count()} cores")
    html, html_cpu, html_load = timed([py, "scripts/build_book.py", "--force"])
    print(f"HTML build (clean, --force): {html:.1f} s wall, {html_cpu:.1f} s CPU, load {html_load}")
    walls = []
    for i in range(runs):
        wall, cpu, where = timed([py, "scripts/build_pdf.py", "--force"])
        walls.append(wall)
        print(f"PDF build {i + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU, load {where}")
    med = statistics.median(walls)
    print(f"PDF build ({runs} runs): median {med:.1f} s wall, max {max(walls):.1f} s")
    print(f"PDF / HTML (wall): {med / html:.2f}")


if __name__ == "__main__":
    main()
