"""Every chart the book makes is readable: no text smaller than 12 px, and a light card behind it.

Walks the full Vega-Lite spec of each chart (every diagram, explorer, profile and timeline) and
works out the size of every piece of text, using Vega's own defaults where a spec sets none.
"""
from __future__ import annotations

from datetime import date

import pytest

from hlskit import assessment_charts as AC
from hlskit import charts, diagrams
from hlskit.chart_style import MIN_FONT
from hlskit.content import load_content
from hlskit.experiments import ExperimentDesign
from hlskit.portfolio import portfolio_frame

CONTENT = load_content()
INST = CONTENT.instrument("learning-trust")
# Vega's defaults when a spec is silent (vega/vega-lite config defaults)
DEFAULTS = {("axis", "labelFontSize"): 10, ("axis", "titleFontSize"): 11, ("legend", "labelFontSize"): 10,
            ("legend", "titleFontSize"): 11, ("title", "fontSize"): 13, ("header", "labelFontSize"): 10,
            ("header", "titleFontSize"): 11, ("text", "fontSize"): 11}


def every_chart():
    design = ExperimentDesign(title="Shared caseload", scale="place", start=date(2026, 1, 1), end=date(2026, 3, 1))
    yield "learning cycle", diagrams.learning_cycle(CONTENT, here="experiment")
    yield "learning stack", diagrams.learning_stack(CONTENT, here="place")
    yield "virtuous cycle", diagrams.virtuous_cycle(CONTENT)
    yield "question explorer", charts.question_explorer(CONTENT)
    yield "case explorer", charts.case_explorer(CONTENT, filters_element="f")
    yield "methods finder", charts.methods_explorer(CONTENT)
    yield "portfolio timeline", charts.portfolio_timeline(portfolio_frame([design], CONTENT), CONTENT)
    yield "self-assessment", AC.static_questionnaire(INST, "p")


def font_sizes(spec: dict) -> list[tuple[str, float]]:
    """(where, size) for every piece of text the spec can draw."""
    config = spec.get("config", {})
    found = [(f"config.{part}.{key}", config.get(part, {}).get(key, default))
             for (part, key), default in DEFAULTS.items()]
    text_default = config.get("text", {}).get("fontSize", config.get("mark", {}).get("fontSize", 11))

    def walk(node, where):
        if isinstance(node, dict):
            mark = node.get("mark")
            kind = mark if isinstance(mark, str) else (mark or {}).get("type") if isinstance(mark, dict) else None
            if kind == "text":
                size = mark.get("fontSize", text_default) if isinstance(mark, dict) else text_default
                if isinstance(size, (int, float)):
                    found.append((f"{where}.mark", size))
            for key, value in node.items():
                if key.lower().endswith("fontsize") and isinstance(value, (int, float)):
                    found.append((f"{where}.{key}", value))
                walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk({k: v for k, v in spec.items() if k != "config"}, "spec")
    return found


@pytest.mark.parametrize("name, chart", list(every_chart()), ids=[n for n, _ in every_chart()])
def test_every_chart_text_is_at_least_12_px_on_a_light_card(name, chart):
    spec = chart.to_dict()
    small = [(where, size) for where, size in font_sizes(spec) if size < MIN_FONT]
    assert not small, f"{name}: text smaller than {MIN_FONT} px at {small}"
    assert spec.get("background") == "#ffffff", f"{name} has no light card behind it"


def test_the_font_check_catches_a_small_label():
    import altair as alt
    import pandas as pd
    bare = alt.Chart(pd.DataFrame({"a": [1]})).mark_text(fontSize=9).encode(text="a:Q")
    sizes = dict(font_sizes(bare.to_dict()))
    assert sizes["config.axis.labelFontSize"] == 10 and 9 in sizes.values()
