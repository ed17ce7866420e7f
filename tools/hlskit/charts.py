"""Altair specs for the tools' static renderings. Pure: data in, chart out; no display here.

Static pages have no kernel, so every interaction is an Altair parameter bound to an HTML control,
and the data for every choice is in the chart already; filters pick what to show.
"""
from __future__ import annotations

import textwrap

import altair as alt
import pandas as pd

from .content import Content
from . import questions as Q

LINE = 18          # px per text line
WRAP = 54          # characters per line in a question panel
PANEL_WIDTH = 320


def wrap_lines(text: str, width: int = WRAP, bullet: str = "") -> list[str]:
    lines = textwrap.wrap(text, width - len(bullet), break_on_hyphens=False) or [""]
    pad = " " * len(bullet)
    return [(bullet if i == 0 else pad) + ln for i, ln in enumerate(lines)]


def explorer_lines(content: Content) -> pd.DataFrame:
    """Every scale × stage cell of the explorer, laid out as text lines.

    Columns: scale, below (the scale this panel sits above, or ""), stage, line, text, style
    (title | heading | leadin | question).
    """
    rows = []
    scale_ids = [s.id for s in content.scales]
    for i, sc in enumerate(content.scales):
        below = scale_ids[i - 1] if i > 0 else ""
        for st in content.stages:
            out: list[tuple[str, str]] = [(sc.name, "title")]
            learning = Q.questions_for(content, sc.id, st.id)
            out.append((f"Learning questions: {st.name}", "heading"))
            lead = None
            for q in learning.itertuples():
                if q.lead_in and q.lead_in != lead:
                    out += [(ln, "leadin") for ln in wrap_lines(q.lead_in)]
                    lead = q.lead_in
                out += [(ln, "question") for ln in wrap_lines(q.text, bullet="• ")]
            if learning.empty:
                out.append(("(no questions in the source for this cell)", "leadin"))
            stewarding = Q.stewarding_questions(content, sc.id)
            for role in ("managing", "governing"):
                part = stewarding[stewarding.role == role]
                if not part.empty:
                    out.append(("", "question"))
                    out.append((f"{role.capitalize()} the cycle (every stage)", "heading"))
                    for q in part.itertuples():
                        out += [(ln, "question") for ln in wrap_lines(q.text, bullet="• ")]
            rows += [{"scale": sc.id, "below": below, "stage": st.id, "line": n, "text": t, "style": s}
                     for n, (t, s) in enumerate(out)]
    return pd.DataFrame(rows, columns=["scale", "below", "stage", "line", "text", "style"])


def _text_panel(data: pd.DataFrame, keep, lines: int) -> alt.LayerChart:
    """A column of text lines; every panel shares one fixed line grid so panels line up."""
    grid = alt.Scale(domain=[-0.5, lines - 0.5], reverse=True)
    base = alt.Chart(data).transform_filter(keep).encode(
        x=alt.value(0), y=alt.Y("line:Q", axis=None, scale=grid), text="text:N")
    styles = {"title": dict(fontSize=15, fontWeight="bold"), "heading": dict(fontSize=13, fontWeight="bold"),
              "leadin": dict(fontSize=13, fontStyle="italic"), "question": dict(fontSize=13)}
    layers = [base.transform_filter(alt.datum.style == style).mark_text(align="left", baseline="middle", **kw)
              for style, kw in styles.items()]
    return alt.layer(*layers).properties(width=PANEL_WIDTH, height=lines * LINE)


def question_explorer(content: Content, scale: str = "person", stage: str = "purpose") -> alt.HConcatChart:
    """Pick a scale and a stage (and optionally show the scale above) and read the questions."""
    content.scale(scale), content.stage(stage)
    data = explorer_lines(content)
    pick_scale = alt.param(name="scale", value=scale, bind=alt.binding_select(
        options=[s.id for s in content.scales], labels=[s.name for s in content.scales], name="System scale: "))
    pick_stage = alt.param(name="stage", value=stage, bind=alt.binding_select(
        options=[s.id for s in content.stages], labels=[s.name for s in content.stages], name="Learning Cycle stage: "))
    show_above = alt.param(name="above", value=False, bind=alt.binding_checkbox(
        name="Also show the scale above, which creates the conditions for this one "))
    lines = int(data.line.max()) + 1
    chosen = _text_panel(data, (alt.datum.scale == pick_scale) & (alt.datum.stage == pick_stage), lines)
    above = _text_panel(data, (alt.datum.below == pick_scale) & (alt.datum.stage == pick_stage) & show_above,
                        lines)
    chart = alt.hconcat(chosen, above, spacing=30).add_params(pick_scale, pick_stage, show_above)
    return chart.configure_view(stroke=None).properties(
        description=("Scale question explorer: the questions from the sources for the chosen system scale "
                     "and Learning Cycle stage, with the questions for managing and governing the cycle. "
                     "The full table is also given as text below."))
