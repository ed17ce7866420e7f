"""Time the tools: a control change to updated output in each live view, and each static chart spec.

Usage: .venv/bin/python benchmarks/tools.py [runs]      (prints medians; target for live views: 50 ms)
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

from hlskit import assessment_charts as AC
from hlskit import charts, diagrams
from hlskit.content import load_content
from hlskit.live import CaseExplorer, ExperimentDesigner, QuestionExplorer
from hlskit.live_assessment import SelfAssessment

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 30
content = load_content()
work = Path(tempfile.mkdtemp())


def median_ms(action, runs=RUNS) -> tuple[float, float]:
    times = []
    for i in range(runs):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), max(times)


qe = QuestionExplorer(content, work_dir=work)
stages = [s.id for s in content.stages]
de = ExperimentDesigner(content, work_dir=work)
ce = CaseExplorer(content)
scales = [None] + [s.id for s in content.scales]
inst = content.instrument("learning-trust")
sa = SelfAssessment(content, inst, work_dir=work)
first_item = inst.items[0].id

live = {
    "question explorer: change stage": lambda i: setattr(qe.stage, "value", stages[i % len(stages)]),
    "experiment designer: type in a field": lambda i: setattr(de.inputs["sense_making"], "value", f"session {i} with the team"),
    "case explorer: change scale": lambda i: setattr(ce.scale, "value", scales[i % len(scales)]),
    "self-assessment: answer an item": lambda i: setattr(sa.radios[first_item], "value", 1 + i % 5),
}
static = {
    "Learning Cycle diagram": lambda i: diagrams.learning_cycle(content).to_json(),
    "Learning Stack diagram": lambda i: diagrams.learning_stack(content).to_json(),
    "virtuous cycle diagram": lambda i: diagrams.virtuous_cycle(content).to_json(),
    "question explorer": lambda i: charts.question_explorer(content).to_json(),
    "case explorer": lambda i: charts.case_explorer(content).to_json(),
    "methods finder": lambda i: charts.methods_explorer(content).to_json(),
    "experiment checklist": lambda i: charts.experiment_checklist(content).to_json(),
    "self-assessment form (36 items)": lambda i: AC.static_questionnaire(inst, "x").to_json(),
}
print(f"Live views: median (max) of {RUNS} control changes, target <= 50 ms")
for name, action in live.items():
    med, top = median_ms(action)
    print(f"  {name:42} {med:7.1f} ms  ({top:.1f})")
print(f"Static chart specs: median (max) of {max(5, RUNS // 3)} renderings to JSON")
for name, action in static.items():
    med, top = median_ms(action, max(5, RUNS // 3))
    print(f"  {name:42} {med:7.1f} ms  ({top:.1f})")
