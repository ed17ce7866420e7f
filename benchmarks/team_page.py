"""Time the Team results page in headless Chromium: from adding the files to the drawn report.

Usage: .venv/bin/python benchmarks/team_page.py [runs]   (after the book is built)
Prints the median time to the report's figures and text, and to its two charts, for 12 and for
1,000 answer files. Targets: 12 files under 100 ms and 1,000 under 2 s. Also prints the machine's
load, which these figures depend on.
"""
from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import offline_site  # noqa: E402
from hlskit.assessments import response_json  # noqa: E402
from hlskit.content import load_content  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
inst = load_content().instrument("learning-trust")
rng = random.Random(7)
folder = Path(tempfile.mkdtemp())
files = []
for n in range(1000):
    answers = {it.id: rng.choice([*range(1, len(inst.scale) + 1), "dk"]) for it in inst.items if rng.random() > 0.05}
    files.append(folder / f"answers-{n:04d}.json")
    files[-1].write_text(response_json(inst, answers, "2026-12-03"), encoding="utf-8")

with offline_site(ROOT / "_build" / "html") as site:
    for count in (12, 1000):
        text, charts = [], []
        for _ in range(RUNS):
            page = site.open(f"book/trainers/team_results.html?instrument={inst.id}")
            page.wait_for_function("() => window.vegaEmbed", timeout=20000)     # the page has settled
            page.set_input_files("#hls-team-files", [str(f) for f in files[:count]])
            page.wait_for_function("() => window.HLSPool.last && window.HLSPool.last.charts_ms", timeout=60000)
            last = page.evaluate("window.HLSPool.last")
            assert last["model"]["answered"].startswith(f"{count} people"), last["model"]["answered"]
            text.append(last["ms"])
            charts.append(last["charts_ms"])
            page.close()
        print(f"Team results page, {count} files x {len(inst.items)} items: report text in "
              f"{statistics.median(text):.0f} ms, with both charts in {statistics.median(charts):.0f} ms "
              f"(median of {RUNS}; load average {os.getloadavg()[0]:.1f})")
