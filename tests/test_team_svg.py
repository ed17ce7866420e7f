"""The team report's charts drawn in Python are the pictures vl-convert draws from the same specs."""
from __future__ import annotations

import io
import random
import re
from html import unescape

import pytest
import vl_convert as vlc
from PIL import Image, ImageChops

from hlskit import assessments as A
from hlskit import team_charts as T
from hlskit import team_svg as S
from hlskit.content import load_content
from hlskit.reports import report_model

CONTENT = load_content()


def group(inst, people: int, seed: int, dont_know: float = 0.1, silent: str | None = None):
    """Random answers from ``people`` people; nobody scores the items of dimension ``silent``."""
    rng = random.Random(seed)
    responses = []
    for n in range(people):
        answers = {it.id: "dk" if it.dimension == silent or rng.random() < dont_know else rng.randint(1, len(inst.scale))
                   for it in inst.items}
        responses.append(A.parse_response(A.response_json(inst, answers), f"{n}.json", CONTENT))
    return report_model(A.pool(responses, inst), inst)


def picture(svg: str) -> Image.Image:
    return Image.open(io.BytesIO(vlc.svg_to_png(svg))).convert("RGB")


def origin(svg: str) -> tuple[int, int]:
    """Where the plot starts: the margins left for labels may differ by a pixel (Vega measures kerned text)."""
    x, y = re.search(r'<g fill="none"[^>]* transform="translate\((\d+),(\d+)\)"', svg).groups()
    return int(x), int(y)


def differing_share(ours: str, theirs: str) -> float:
    """Share of pixels that differ by more than anti-aliasing does, with the two plots laid on each other."""
    a, b = picture(ours), picture(theirs)
    (ax, ay), (bx, by) = origin(ours), origin(theirs)
    left, top = min(ax, bx), min(ay, by)
    w, h = min(a.width - ax, b.width - bx) + left, min(a.height - ay, b.height - by) + top
    a = a.crop((ax - left, ay - top, ax - left + w, ay - top + h))
    b = b.crop((bx - left, by - top, bx - left + w, by - top + h))
    diff = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v > 60 else 0)
    return diff.histogram()[255] / (w * h)


def words(svg: str) -> list[str]:
    """Every piece of text drawn (titles, axis labels line by line, counts), in any order."""
    return sorted(unescape(t) for t in re.findall(r">([^<>]+)</(?:text|tspan)>", svg) if t.strip())


def cells(svg: str) -> list[tuple[str, str, str]]:
    """(fill, count, ink) of every cell, in the data's order."""
    fills = re.findall(r'<(?:path|rect)[^>]*? fill="(rgb\([^"]+\))"', svg)
    inks = re.findall(r'<text[^>]* fill="(white|black)"[^>]*>(\d+)</text>', svg)
    return [(f, n, ink) for f, (ink, n) in zip(fills, inks)]


CASES = [("learning-trust", 3, 1, 0.1, None), ("equity", 12, 2, 0.0, None), ("healthy-local-system", 40, 3, 0.3, None),
         ("learning-trust", 5, 4, 0.1, "measuring-to-learn")]


@pytest.mark.parametrize("instrument, people, seed, dont_know, silent", CASES)
def test_python_drawing_matches_vl_convert(instrument, people, seed, dont_know, silent):
    inst = CONTENT.instrument(instrument)
    model = group(inst, people, seed, dont_know, silent)
    shown = {r["name"] for r in model["dimension_rows"]}
    assert (len(shown) < len(inst.dimensions)) == bool(silent)       # a dimension nobody scored has no row
    for spec, draw in ((T.dimensions_spec(inst, model["dimension_rows"]), S.dimensions_svg),
                       (T.answers_spec(inst, model["answer_rows"]), S.answers_svg)):
        ours, theirs = draw(spec), vlc.vegalite_to_svg(spec)
        sizes = [tuple(int(v) for v in re.search(r'width="(\d+)" height="(\d+)"', svg).groups()) for svg in (ours, theirs)]
        assert all(abs(p - q) <= 2 for p, q in zip(*sizes)), sizes
        assert differing_share(ours, theirs) < 0.005, f"{spec['title']}: the pictures differ"
        assert words(ours) == words(theirs)
        assert spec["description"] in ours and spec["title"] in ours
    answers = T.answers_spec(inst, model["answer_rows"])
    ours = cells(S.answers_svg(answers))
    assert len(ours) == len(model["answer_rows"]) and ours == cells(vlc.vegalite_to_svg(answers))


def test_user_text_in_labels_is_escaped():
    inst = CONTENT.instrument("equity")
    rows = [{"name": "<script>alert(1)</script> & co", "mean": 2.0, "low": 1.0, "high": 3.0, "respondents": 3}]
    svg = S.dimensions_svg(T.dimensions_spec(inst, rows))
    assert "<script>" not in svg and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in svg


def test_blues_and_ticks_are_vegas():
    assert S.colour("blues", 0) == "rgb(207, 225, 242)" and S.colour("blues", 1) == "rgb(10, 74, 144)"
    assert S.colour("blues", 0.05) == "rgb(199, 221, 239)"          # half-way between the first two, halves up
    assert S.ticks(1, 5, 10) == [1 + k / 2 for k in range(9)] and S.tick_label([1, 2, 3]) == ["1", "2", "3"]
    assert S.fit("x" * 100, 60, 12).endswith("…") and S.text_width(S.fit("x" * 100, 60, 12), 12) <= 60
