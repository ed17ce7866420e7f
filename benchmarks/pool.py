"""Time pooling many self-assessment responses: 1,000 files x 60 items by default (target: 1 s median).

Usage: .venv/bin/python benchmarks/pool.py [files] [items] [runs]
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from hlskit import assessments as A
from hlskit.content import load_content
from hlskit.schema import Dimension, Instrument, InstrumentItem

FILES = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
ITEMS = int(sys.argv[2]) if len(sys.argv) > 2 else 60
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5

content = load_content()
base = content.instrument("learning-trust")
src = base.source
dims = [Dimension(id=f"d{k}", name=f"Dimension {k}", description="d", prompt="p", source=src) for k in range(12)]
items = [InstrumentItem(id=f"i{k}", dimension=f"d{k % 12}", text=f"Item {k}", reverse=k % 4 == 0, source=src)
         for k in range(ITEMS)]
inst = Instrument(id="bench", title="Benchmark", version=1, purpose="p", scale=base.scale, dimensions=dims,
                  items=items, source=src)
content = replace(content, instruments=(inst,))

rng = random.Random(1)
folder = Path(tempfile.mkdtemp())
paths = []
for n in range(FILES):
    answers = {it.id: (rng.randint(1, 5) if rng.random() > 0.05 else "dk") for it in items}
    p = folder / f"r{n}.json"
    p.write_text(A.response_json(inst, answers, "2026-11-30"), encoding="utf-8")
    paths.append(p)

times = []
for _ in range(RUNS):
    start = time.perf_counter()
    loaded = A.load_responses(paths, content)
    team = A.pool(loaded.responses, inst)
    times.append(time.perf_counter() - start)
assert team.respondents == FILES and not loaded.problems
print(f"Pooling {FILES} response files x {ITEMS} items: median {statistics.median(times):.2f} s, "
      f"max {max(times):.2f} s over {RUNS} runs (read, validate and pool)")
