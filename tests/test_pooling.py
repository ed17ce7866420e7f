"""The plain-Python pooling gives the figures and words the pandas pooling gave, on random groups."""
from __future__ import annotations

import math
import random
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pandas_pool as old
from hlskit import assessments as A
from hlskit import pooling
from hlskit.content import load_content
from hlskit.reports import report_model

FIXTURE = Path(__file__).parent / "fixtures" / "content"
SHIPPED = load_content()
TEST = load_content(base=FIXTURE, case_studies=FIXTURE / "no-cases")
INSTRUMENTS = [(SHIPPED, i.id) for i in SHIPPED.instruments] + [(TEST, "mini")]


def random_group(content, inst, rng: random.Random) -> list[A.Response]:
    """A group of 3 to 60 with don't-knows, gaps, a dimension nobody scores or a group that all agree."""
    people, dont_know, gaps = rng.randint(3, 60), rng.choice([0, 0.1, 0.5]), rng.choice([0, 0.2])
    silent = rng.choice([None, None, rng.choice(inst.dimensions).id])
    same = rng.random() < 0.1
    responses = []
    for n in range(people):
        answers = {}
        for it in inst.items:
            roll = rng.random()
            if it.dimension == silent or roll < dont_know:
                answers[it.id] = "dk"
            elif roll < dont_know + gaps:
                continue
            else:
                answers[it.id] = 2 if same else rng.randint(1, len(inst.scale))
        responses.append(A.parse_response(A.response_json(inst, answers), f"{n}.json", content, n + 1))
    return responses


def same(a, b) -> bool:
    """Equal, with floats equal to 12 significant digits (the order of additions differs) and NaN as None."""
    if isinstance(a, float) or isinstance(b, float):
        if a is None or b is None or a != a or b != b:
            return (a is None or a != a) and (b is None or b != b)
        return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-12)
    if isinstance(a, dict):
        return isinstance(b, dict) and a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return isinstance(b, (list, tuple)) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("seed", range(40))
def test_plain_python_pooling_matches_the_pandas_pooling(seed):
    rng = random.Random(seed)
    content, inst_id = INSTRUMENTS[seed % len(INSTRUMENTS)]
    inst = content.instrument(inst_id)
    responses = random_group(content, inst, rng)
    new, ref = pooling.pool(responses, inst), old.pool(responses, inst)
    for name in ("distribution", "dimensions", "differences"):
        pd.testing.assert_frame_equal(getattr(new, name), getattr(ref, name), check_dtype=False, rtol=1e-12)
    assert same(report_model(new, inst), old.report_model(ref, inst))
    for r in responses[:3]:                              # one person's profile takes the same prompts
        profile, k = A.score(r, inst), rng.randint(1, 3)
        pd.testing.assert_frame_equal(A.reflections(profile, inst, how_many=k), old.reflections(profile, inst, how_many=k))


def test_the_groups_cover_the_hard_cases():
    """The random groups above include a dimension nobody scored, and a group that all gave one answer."""
    seen = set()
    for seed in range(40):
        content, inst_id = INSTRUMENTS[seed % len(INSTRUMENTS)]
        inst = content.instrument(inst_id)
        model = report_model(pooling.pool(random_group(content, inst, random.Random(seed)), inst), inst)
        seen |= {"no row" for row in model["dimensions"] if row[1] == ""}
        seen |= {"all agree" for d in model["differences"] if d.startswith("Everyone gave the same answer")}
    assert seen == {"no row", "all agree"}


def test_hlskit_pool_and_template_never_import_pandas_or_a_chart_library(tmp_path, overlay):
    """Start-up time: a facilitator pooling answers at the end of a session should not wait for them."""
    mini = TEST.instrument("mini")
    files = []
    for n in range(3):
        files.append(tmp_path / f"{n}.json")
        files[-1].write_text(A.response_json(mini, {"t1": n + 1, "r1": 3}))
    code = ("import sys; from click.testing import CliRunner; from hlskit.cli import main; "
            "res = CliRunner().invoke(main, sys.argv[1:]); assert res.exit_code == 0, res.output; "
            "res = CliRunner().invoke(main, ['template', 'mini', *sys.argv[-2:]]); assert '\"t1\"' in res.output; "
            "print(sorted(m for m in ('pandas', 'numpy', 'altair', 'vl_convert') if m in sys.modules))")
    args = ["pool", *map(str, files), "--out", str(tmp_path / "team.html"), "--overlay", str(overlay)]
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]" and "3 people answered" in (tmp_path / "team.html").read_text()
