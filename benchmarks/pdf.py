"""Time the PDF book against the HTML build it is made from: clean PDF builds, median and max.

Usage: python benchmarks/pdf.py [RUNS]   (builds the site first if it is missing; prints figures)
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str]) -> float:
    start = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return time.monotonic() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    py = sys.executable
    html = timed([py, "scripts/build_book.py", "--force"])
    pdf = [timed([py, "scripts/build_pdf.py", "--force"]) for _ in range(runs)]
    med = statistics.median(pdf)
    print(f"HTML build (clean, --force): {html:.1f} s")
    print(f"PDF build ({runs} runs): median {med:.1f} s, max {max(pdf):.1f} s")
    print(f"PDF / HTML: {med / html:.2f}")


if __name__ == "__main__":
    main()
