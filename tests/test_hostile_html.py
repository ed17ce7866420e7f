"""User text inside a <script> block: chart data and form rules can never end the block or run code."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest

from hlskit.html import render, script_json

HOSTILE = ["<script>alert(1)</script>", "</script><img src=x onerror=alert(1)>", "<!-- <script>",
           "a & b", "line\u2028sep\u2029para", "]]> ' \" \\"]
SCRIPTS = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)


def _script_bodies(html: str) -> list[str]:
    return SCRIPTS.findall(html)


@pytest.mark.parametrize("text", HOSTILE)
def test_script_json_round_trips_and_has_nothing_that_can_end_a_script(text):
    out = script_json({"title": text, "rows": [text]})
    assert json.loads(out) == {"title": text, "rows": [text]}
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in out


def test_experiment_form_rules_are_embedded_safely():
    html = render("experiment_form.html", fields=[], spec={"credit": HOSTILE[1] + HOSTILE[4]})
    (body,) = _script_bodies(html)
    assert "</" not in body and "\u2028" not in body
    assert json.loads(body)["credit"] == HOSTILE[1] + HOSTILE[4]


def _timeline(title: str):
    from hlskit.charts import portfolio_timeline
    from hlskit.content import load_content
    from hlskit.experiments import ExperimentDesign
    from hlskit.portfolio import portfolio_frame
    c = load_content()
    design = ExperimentDesign(title=title, scale="person", start=date(2026, 1, 1), end=date(2026, 2, 1),
                              question=title)
    return portfolio_timeline(portfolio_frame([design], c), c)


@pytest.mark.parametrize("title", HOSTILE[:3])
def test_portfolio_timeline_html_keeps_user_text_inside_its_script(title):
    chart = _timeline(title)
    bundle = chart._repr_mimebundle_()
    outputs = {"to_html()": chart.to_html(), "to_html(fullhtml=False)": chart.to_html(fullhtml=False),
               "notebook output": (bundle[0] if isinstance(bundle, tuple) else bundle)["text/html"]}
    for where, html in outputs.items():
        assert "<img src=x" not in html and "<script>alert" not in html, where
        for body in _script_bodies(html):
            assert "<script" not in body and "<!--" not in body, where
        assert "\\u003c" in html, f"{where}: the title was not embedded as escaped JSON"


def test_saved_chart_file_is_safe(tmp_path):
    path = tmp_path / "timeline.html"
    _timeline(HOSTILE[1]).save(str(path))
    html = path.read_text(encoding="utf-8")
    assert "<img src=x" not in html and "\\u003c/script\\u003e" in html
