"""Time `hlskit pool` as a facilitator runs it (a fresh process each time: start-up, read, pool, draw, write).

Usage: .venv/bin/python benchmarks/pool_cli.py [runs]   -- prints the median for 3 and for 1,000 answer files.
Targets: under 1 s for 3 files, under 2 s for 1,000. Also prints the machine's load, which the wall-clock figures
depend on, and the CPU time the command used (user + system), which depends on it far less.
"""
from __future__ import annotations

import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hlskit import assessments as A
from hlskit.content import load_content

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
HLSKIT = str(Path(sys.executable).with_name("hlskit"))

inst = load_content().instrument("learning-trust")
rng = random.Random(1)
folder = Path(tempfile.mkdtemp())
paths = []
for n in range(1000):
    answers = {it.id: (rng.randint(1, len(inst.scale)) if rng.random() > 0.1 else "dk") for it in inst.items}
    p = folder / f"r{n:04d}.json"
    p.write_text(A.response_json(inst, answers, "2026-12-02"), encoding="utf-8")
    paths.append(str(p))

for count in (3, 1000):
    times, cpu = [], []
    for k in range(RUNS):
        out = folder / f"team-{count}-{k}.html"
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([HLSKIT, "pool", *paths[:count], "--out", str(out)], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime)
    print(f"hlskit pool, {count} files x {len(inst.items)} items: median {statistics.median(times):.2f} s, "
          f"min {min(times):.2f} s over {RUNS} runs; CPU time median {statistics.median(cpu):.2f} s "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
