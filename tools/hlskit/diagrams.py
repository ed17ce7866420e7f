"""HLS diagrams drawn in Altair from the content data (no hand-drawn figures survive in the sources).

Each function returns a chart spec; page.py decides how to show it. Colour is never the only signal:
the chosen stage is also bold, larger and outlined, and "you are here" is written out.
"""
from __future__ import annotations

import math
import textwrap

import altair as alt
import pandas as pd

from . import chart_html  # noqa: F401  (makes every chart's HTML safe for user text)
from .chart_style import readable
from .content import Content

HIGHLIGHT = "#b8480d"   # burnt orange; passes 4.5:1 on white
QUIET = "#4a5a6a"       # slate
RING = "#d9dee3"
XDOMAIN, YDOMAIN = [-2.5, 2.5], [-1.6, 1.6]


def loop_layout(steps: list[tuple[str, str, str, list[str]]]) -> pd.DataFrame:
    """One row per step of a loop: (id, name, summary, bullets) placed clockwise from the top.

    Columns: stage, order, name, x, y, label_x, label_y, label (wrapped name), detail.
    """
    n = len(steps)
    rows = []
    for i, (sid, name, summary, bullets) in enumerate(steps):
        theta = math.pi / 2 - 2 * math.pi * i / n          # clockwise, first step at 12 o'clock
        x, y = math.cos(theta), math.sin(theta)
        rows.append({
            "stage": sid, "order": i + 1, "name": name,
            "x": x, "y": y, "label_x": 1.7 * x, "label_y": 1.32 * y + (0.14 if y > 0.9 else 0),
            "label": "\n".join(textwrap.wrap(name, 14)),
            "detail": _wrap([summary] + ([""] + [f"• {b}" for b in bullets] if bullets else [])),
        })
    return pd.DataFrame(rows)


def cycle_layout(content: Content) -> pd.DataFrame:
    """The Learning Cycle's stages laid out as a loop (see loop_layout)."""
    return loop_layout([(s.id, s.name, s.summary, list(s.involves)) for s in content.stages])


def virtuous_steps(content: Content) -> list[tuple[str, str, str, list[str]]]:
    return [(i.id, i.label, i.text, []) for i in content.items if i.list == "virtuous-cycle"]


def _wrap(paragraphs: list[str], width: int = 46) -> str:
    lines: list[str] = []
    for p in paragraphs:
        lines.extend(textwrap.wrap(p, width, break_on_hyphens=False,
                                   subsequent_indent="  " if p.startswith("•") else "") or ["\u00a0"])  # Vega drops empty lines
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
    return loop_chart(cycle_layout(content), "Pick a stage to see what it involves: ",
                      describe_cycle(content, here), here)


def virtuous_cycle(content: Content, here: str | None = None) -> alt.HConcatChart:
    """The virtuous cycle of learning together and trust, drawn from its content list."""
    layout = loop_layout(virtuous_steps(content))
    return loop_chart(layout, "Pick a step: ", describe_loop(
        "The virtuous cycle of learning together and trust", list(layout["name"])), here)


def describe_loop(title: str, names: list[str]) -> str:
    return (f"{title}: {len(names)} steps in a loop, in this order: " + ", ".join(names)
            + f". After {names[-1]} the loop returns to {names[0]}.")


def loop_chart(layout: pd.DataFrame, picker_label: str, description: str, here: str | None = None) -> alt.HConcatChart:
    """Draw a loop of steps with a picker bound to a dropdown; the picked step's detail shows beside it."""
    start = here or layout["stage"].iloc[0]
    pick = alt.param(
        name="stage", value=start,
        bind=alt.binding_select(options=list(layout["stage"]), labels=list(layout["name"]), name=picker_label),
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

    return (readable(alt.hconcat(cycle, panel))
            .configure_view(stroke=None)
            .properties(description=description))


def stack_layout(content: Content) -> pd.DataFrame:
    """One row per scale, largest at the top. Columns: scale, order, name, y, detail."""
    flows = {i.group: i for i in content.items if i.list == "learning-stack-flows"}
    rows = []
    for sc in content.scales:
        parts = [sc.description]
        if sc.order < len(content.scales) and "down" in flows:
            parts += ["", f"From the scale above: {flows['down'].text}"]
        if sc.order > 1 and "up" in flows:
            parts += ["", f"From the scale below: {flows['up'].text}"]
        rows.append({"scale": sc.id, "order": sc.order, "name": sc.name, "y": sc.order, "detail": _wrap(parts)})
    return pd.DataFrame(rows)


def describe_stack(content: Content, here: str | None = None) -> str:
    names = [s.name for s in reversed(content.scales)]
    text = ("The Learning Stack: a Learning Cycle runs at each of four scales, from largest to smallest: "
            + ", ".join(names) + ". Enabling conditions flow down from each scale to the one below it; "
            "learning flows up from each scale to the one above it.")
    if here is not None:
        text += f" You are here: {content.scale(here).name}."
    return text


def learning_stack(content: Content, here: str | None = None) -> alt.HConcatChart:
    """Learning Cycles stacked by scale: conditions flow down on the left, learning flows up on the right."""
    if here is not None:
        content.scale(here)
    layout = stack_layout(content)
    n = len(layout)
    start = here or layout["scale"].iloc[0]
    pick = alt.param(name="scale", value=start, bind=alt.binding_select(
        options=list(layout["scale"]), labels=list(layout["name"]), name="Pick a scale: "))
    is_picked = alt.datum.scale == pick
    x = alt.X("x:Q", scale=alt.Scale(domain=[-3, 3]), axis=None)
    y = alt.Y("y:Q", scale=alt.Scale(domain=[0.4, n + 0.6]), axis=None)
    base = alt.Chart(layout).transform_calculate(x="-0.8")
    rings = base.mark_point(shape="circle", size=2600, filled=False, strokeWidth=5).encode(
        x=x, y=y, color=alt.condition(is_picked, alt.value(HIGHLIGHT), alt.value(QUIET)),
        tooltip=[alt.Tooltip("name:N", title="Scale")])
    labels = base.mark_text(fontSize=13, dx=42, align="left").encode(
        x=x, y=y, text="name:N",
        color=alt.condition(is_picked, alt.value(HIGHLIGHT), alt.value("black")))
    arrows = pd.DataFrame([
        {"x": -2.2, "y": n + 0.2, "x2": -2.2, "y2": 0.9, "tip_y": 0.8, "angle": 180, "label": "Conditions flow down", "lx": -2.45},
        {"x": 2.6, "y": 0.8, "x2": 2.6, "y2": n + 0.1, "tip_y": n + 0.2, "angle": 0, "label": "Learning flows up", "lx": 2.85},
    ])
    shafts = alt.Chart(arrows).mark_rule(strokeWidth=3, color=QUIET).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[-3, 3]), axis=None), y=alt.Y("y:Q", scale=alt.Scale(domain=[0.4, n + 0.6]), axis=None),
        x2="x2:Q", y2="y2:Q")
    tips = alt.Chart(arrows).mark_point(shape="triangle-up", filled=True, size=200, color=QUIET, opacity=1).encode(
        x=alt.X("x:Q", scale=alt.Scale(domain=[-3, 3]), axis=None),
        y=alt.Y("tip_y:Q", scale=alt.Scale(domain=[0.4, n + 0.6]), axis=None), angle=alt.Angle("angle:Q", scale=None))
    words = alt.Chart(arrows).mark_text(fontSize=12, angle=270, fontStyle="italic").encode(
        x=alt.X("lx:Q", scale=alt.Scale(domain=[-3, 3]), axis=None),
        y=alt.value(n * 40), text="label:N")
    layers = [shafts, tips, words, rings, labels]
    if here is not None:
        layers.append(base.transform_filter(alt.datum.scale == here).mark_text(
            fontSize=12, fontStyle="italic", dx=42, dy=16, align="left").encode(x=x, y=y, text=alt.value("(you are here)")))
    stack = alt.layer(*layers).properties(width=380, height=n * 80).add_params(pick)
    title = alt.Chart(layout).mark_text(align="left", baseline="top", fontSize=16, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="name:N").transform_filter(is_picked)
    detail = alt.Chart(layout).mark_text(align="left", baseline="top", fontSize=13, lineBreak="\n", lineHeight=18).encode(
        x=alt.value(0), y=alt.value(30), text="detail:N").transform_filter(is_picked)
    panel = alt.layer(title, detail).properties(width=300, height=n * 80)
    return readable(alt.hconcat(stack, panel)).configure_view(stroke=None).properties(description=describe_stack(content, here))
