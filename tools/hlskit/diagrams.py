"""HLS diagrams drawn in Altair from the content data (no hand-drawn figures survive in the sources).

Each function returns a chart spec; page.py decides how to show it. Colour is never the only signal:
the chosen stage is also bold, larger and outlined, and "you are here" is written out.
"""
from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from .content import Content

HIGHLIGHT = "#b8480d"   # burnt orange; passes 4.5:1 on white
QUIET = "#4a5a6a"       # slate
RING = "#d9dee3"
XDOMAIN, YDOMAIN = [-2.5, 2.5], [-1.6, 1.6]


def cycle_layout(content: Content) -> pd.DataFrame:
    """One row per stage: position on the cycle (clockwise from the top) and its wrapped texts.

    Columns: stage, order, name, short, x, y, label_x, label_y, label (wrapped name), detail.
    """
    n = len(content.stages)
    rows = []
    for i, st in enumerate(content.stages):
        theta = math.pi / 2 - 2 * math.pi * i / n          # clockwise, first stage at 12 o'clock
        x, y = math.cos(theta), math.sin(theta)
        rows.append({
            "stage": st.id, "order": st.order, "name": st.name, "short": st.short,
            "x": x, "y": y, "label_x": 1.7 * x, "label_y": 1.32 * y,
            "label": "\n".join(textwrap.wrap(st.name, 14)),
            "detail": _wrap([st.summary, ""] + [f"• {item}" for item in st.involves]),
        })
    return pd.DataFrame(rows)


def _wrap(paragraphs: list[str], width: int = 46) -> str:
    lines: list[str] = []
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, width, break_on_hyphens=False,
                                   subsequent_indent="  " if p.startswith("•") else "") or [""])
    return "\n".join(lines)


def cycle_arrows(layout: pd.DataFrame) -> pd.DataFrame:
    """Arrowheads halfway between consecutive stages, pointing the way round (last leads to first)."""
    n = len(layout)
    rows = []
    for i in range(n):
        a = 2 * math.pi * (i + 0.5) / n
        theta = math.pi / 2 - a
        # a clockwise tangent; Vega's angle is clockwise from north for the triangle-up shape
        rows.append({"x": math.cos(theta), "y": math.sin(theta), "angle": math.degrees(a) + 90})
    return pd.DataFrame(rows)


def cycle_ring(points: int = 120) -> pd.DataFrame:
    return pd.DataFrame({
        "x": [math.cos(2 * math.pi * k / points) for k in range(points + 1)],
        "y": [math.sin(2 * math.pi * k / points) for k in range(points + 1)],
        "k": range(points + 1),
    })


def describe_cycle(content: Content, here: str | None = None) -> str:
    """The text equivalent of the Learning Cycle diagram (used as its alt text too)."""
    names = [s.name for s in content.stages]
    text = (f"The Learning Cycle: {len(names)} stages in a loop, in this order: "
            + ", ".join(names) + f". After {names[-1]} the cycle returns to {names[0]} and repeats.")
    if here is not None:
        text += f" You are here: {content.stage(here).name}."
    return text


def learning_cycle(content: Content, here: str | None = None) -> alt.HConcatChart:
    """The Learning Cycle with a stage picker; the picked stage's summary shows beside the cycle.

    ``here`` marks the chapter's own stage ("you are here") and is the picker's starting value.
    """
    if here is not None:
        content.stage(here)  # unknown id -> KeyError naming the known ones
    layout = cycle_layout(content)
    start = here or content.stages[0].id
    pick = alt.param(
        name="stage", value=start,
        bind=alt.binding_select(options=list(layout["stage"]), labels=list(layout["name"]),
                                name="Pick a stage to see what it involves: "),
    )
    is_picked = alt.datum.stage == pick
    axis_off = {"axis": None}
    x = alt.X("x:Q", scale=alt.Scale(domain=XDOMAIN), **axis_off)
    y = alt.Y("y:Q", scale=alt.Scale(domain=YDOMAIN), **axis_off)

    ring = alt.Chart(cycle_ring()).mark_line(color=RING, strokeWidth=6).encode(x=x, y=y, order="k:Q")
    arrows = alt.Chart(cycle_arrows(layout)).mark_point(
        shape="triangle-up", filled=True, color=QUIET, size=120, opacity=1).encode(x=x, y=y, angle=alt.Angle("angle:Q", scale=None))
    base = alt.Chart(layout)
    nodes = base.mark_circle(opacity=1, stroke="black").encode(
        x=x, y=y,
        size=alt.condition(is_picked, alt.value(1400), alt.value(700)),
        color=alt.condition(is_picked, alt.value(HIGHLIGHT), alt.value(QUIET)),
        strokeWidth=alt.condition(is_picked, alt.value(3), alt.value(0)),
        tooltip=[alt.Tooltip("name:N", title="Stage"), alt.Tooltip("order:Q", title="Step")],
    )
    numbers = base.mark_text(color="white", fontWeight="bold", fontSize=14).encode(x=x, y=y, text="order:Q")
    lx = alt.X("label_x:Q", scale=alt.Scale(domain=XDOMAIN), **axis_off)
    ly = alt.Y("label_y:Q", scale=alt.Scale(domain=YDOMAIN), **axis_off)
    labels = base.mark_text(fontSize=13, color="black", lineBreak="\n").encode(x=lx, y=ly, text="label:N").transform_filter(~is_picked)
    picked_label = base.mark_text(fontSize=14, fontWeight="bold", color=HIGHLIGHT, lineBreak="\n").encode(
        x=lx, y=ly, text="label:N").transform_filter(is_picked)
    layers = [ring, arrows, nodes, numbers, labels, picked_label]
    if here is not None:
        marker = alt.Chart(layout[layout["stage"] == here]).mark_text(
            fontSize=12, fontStyle="italic", dy=34, color="black").encode(
            x=lx, y=ly, text=alt.value("(you are here)"))
        layers.append(marker)
    cycle = alt.layer(*layers).properties(width=400, height=320).add_params(pick)

    title = base.mark_text(align="left", baseline="top", fontSize=16, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="name:N").transform_filter(is_picked)
    detail = base.mark_text(align="left", baseline="top", fontSize=13, lineBreak="\n", lineHeight=18).encode(
        x=alt.value(0), y=alt.value(30), text="detail:N").transform_filter(is_picked)
    panel = alt.layer(title, detail).properties(width=290, height=320)

    return (alt.hconcat(cycle, panel)
            .configure_view(stroke=None)
            .properties(description=describe_cycle(content, here)))
