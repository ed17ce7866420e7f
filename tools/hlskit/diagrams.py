"""HLS diagrams drawn in Altair from the content data (no hand-drawn figures survive in the sources).

Each function returns a chart spec; page.py decides how to show it. Colour is never the only signal:
the chosen stage is also bold, larger and outlined, and "you are here" is written out.
Each diagram is one column no wider than a phone's screen (WIDTH), so its text is never shrunk, and
names its stage marks in ``usermeta`` so that the page script can make each stage a button.
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
WIDTH = 320             # fits a 390 px phone with the page's margins and the chart's padding
UNIT = 50               # px per unit of the loop's circle (radius 1)
PANEL_HEIGHT = 20       # the detail panel's own height; its text extends it
LINE = 16               # px from one line of a label to the next
XDOMAIN = [-WIDTH / 2 / UNIT, WIDTH / 2 / UNIT]
YDOMAIN = [-1.45, 2.5]  # room for two-line labels and a note above the top node, one line below the lowest
LOOP_HEIGHT = round((YDOMAIN[1] - YDOMAIN[0]) * UNIT)
NODE_SIZE, PICKED_SIZE = 600, 1000    # symbol areas in px²: radius about 14 and 18
LABEL_GAP = (18 + 6) / UNIT           # from a node's centre to its label, in circle units


def loop_layout(steps: list[tuple[str, str, str, list[str]]]) -> pd.DataFrame:
    """One row per step of a loop: (id, name, summary, bullets) placed clockwise from the top.

    Columns: stage, order, name, x, y, side (where the label sits: left, right or above), label_x,
    label_y, label (wrapped name), lines (of the label), note_x, note_y (the "you are here" note), detail.
    """
    n = len(steps)
    rows = []
    for i, (sid, name, summary, bullets) in enumerate(steps):
        theta = math.pi / 2 - 2 * math.pi * i / n          # clockwise, first step at 12 o'clock
        x, y = math.cos(theta), math.sin(theta)
        side = "above" if abs(x) < 0.2 else ("right" if x > 0 else "left")
        label = textwrap.wrap(name, 14)
        lx = x + {"above": 0, "right": LABEL_GAP, "left": -LABEL_GAP}[side]
        # Vega puts a label's first line at its y and the others below it: lift the block so that it
        # ends just above a top node, or is centred on the height of a node beside it
        ly = y + (LABEL_GAP + (len(label) - 1) * LINE / UNIT if side == "above" else (len(label) - 1) * LINE / 2 / UNIT)
        rows.append({
            "stage": sid, "order": i + 1, "name": name, "x": x, "y": y,
            "side": side, "label_x": lx, "label_y": ly, "label": "\n".join(label), "lines": len(label),
            # "(you are here)": under a side label's last line, or above a top label's first line
            "note_x": lx,
            "note_y": ly + LINE / UNIT if side == "above" else ly - ((len(label) - 1) * LINE + 10) / UNIT,
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


def learning_cycle(content: Content, here: str | None = None) -> alt.VConcatChart:
    """The Learning Cycle with a stage picker; the picked stage's summary shows below the cycle.

    ``here`` marks the chapter's own stage ("you are here") and is the picker's starting value.
    """
    if here is not None:
        content.stage(here)  # unknown id -> KeyError naming the known ones
    return loop_chart(cycle_layout(content), "Pick a stage to see what it involves: ",
                      describe_cycle(content, here), here, what="stage")


def virtuous_cycle(content: Content, here: str | None = None) -> alt.VConcatChart:
    """The virtuous cycle of learning together and trust, drawn from its content list."""
    layout = loop_layout(virtuous_steps(content))
    return loop_chart(layout, "Pick a step: ", describe_loop(
        "The virtuous cycle of learning together and trust", list(layout["name"])), here, what="step")


def describe_loop(title: str, names: list[str]) -> str:
    return (f"{title}: {len(names)} steps in a loop, in this order: " + ", ".join(names)
            + f". After {names[-1]} the loop returns to {names[0]}.")


def pickable(chart, signal: str, marks: str, what: str):
    """Tell the page script which marks choose a value of ``signal`` when clicked (see hls-charts.js):
    each becomes a labelled button, so the diagram also works from the keyboard."""
    return chart.properties(usermeta={"hls_pick": {"signal": signal, "marks": f"{marks}_marks",
                                                   "field": signal, "label": "name", "what": what}})


def _labels(base, lx, ly, is_picked) -> list:
    """The step names beside their nodes: the picked one bold and coloured, the others plain."""
    layers = []
    for side, align, baseline in (("above", "center", "bottom"), ("right", "left", "middle"), ("left", "right", "middle")):
        on_side = base.transform_filter(alt.datum.side == side)
        layers.append(on_side.mark_text(fontSize=13, color="black", lineBreak="\n", align=align, baseline=baseline)
                      .encode(x=lx, y=ly, text="label:N").transform_filter(~is_picked))
        layers.append(on_side.mark_text(fontSize=14, fontWeight="bold", color=HIGHLIGHT, lineBreak="\n", align=align,
                                        baseline=baseline).encode(x=lx, y=ly, text="label:N").transform_filter(is_picked))
    return layers


def loop_chart(layout: pd.DataFrame, picker_label: str, description: str, here: str | None = None,
               what: str = "stage") -> alt.VConcatChart:
    """Draw a loop of steps with a picker bound to a dropdown; the picked step's detail shows below it.

    Clicking a step's node picks it too (``what`` names the steps for the buttons' labels)."""
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
        shape="triangle-up", filled=True, color=QUIET, size=90, opacity=1).encode(x=x, y=y, angle=alt.Angle("angle:Q", scale=None))
    base = alt.Chart(layout)
    nodes = base.mark_circle(opacity=1, stroke="black", cursor="pointer").encode(
        x=x, y=y,
        size=alt.condition(is_picked, alt.value(PICKED_SIZE), alt.value(NODE_SIZE)),
        color=alt.condition(is_picked, alt.value(HIGHLIGHT), alt.value(QUIET)),
        strokeWidth=alt.condition(is_picked, alt.value(3), alt.value(0)),
    ).properties(name="steps")
    numbers = base.mark_text(color="white", fontWeight="bold", fontSize=13).encode(x=x, y=y, text="order:Q")
    lx = alt.X("label_x:Q", scale=alt.Scale(domain=XDOMAIN), **axis_off)
    ly = alt.Y("label_y:Q", scale=alt.Scale(domain=YDOMAIN), **axis_off)
    layers = [ring, arrows, nodes, numbers, *_labels(base, lx, ly, is_picked)]
    if here is not None:
        marker = alt.Chart(layout[layout["stage"] == here])
        ny = alt.Y("note_y:Q", scale=alt.Scale(domain=YDOMAIN), **axis_off)
        for side, align in (("above", "center"), ("right", "left"), ("left", "right")):
            layers.append(marker.transform_filter(alt.datum.side == side).mark_text(
                fontSize=12, fontStyle="italic", color="black", align=align,
                baseline="bottom" if side == "above" else "top").encode(
                x=alt.X("note_x:Q", scale=alt.Scale(domain=XDOMAIN), **axis_off), y=ny,
                text=alt.value("(you are here)")))
    cycle = alt.layer(*layers).properties(width=WIDTH, height=LOOP_HEIGHT).add_params(pick)

    title = base.mark_text(align="left", baseline="top", fontSize=16, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="name:N").transform_filter(is_picked)
    detail = base.mark_text(align="left", baseline="top", fontSize=13, lineBreak="\n", lineHeight=18).encode(
        x=alt.value(0), y=alt.value(28), text="detail:N").transform_filter(is_picked)
    # a short panel: the chart grows to fit the picked step's text (autosize "pad"), so no blank space stays
    panel = alt.layer(title, detail).properties(width=WIDTH, height=PANEL_HEIGHT)

    return pickable(readable(alt.vconcat(cycle, panel, spacing=12))
                    .configure_view(stroke=None)
                    .properties(description=description), "stage", "steps", what)


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


def learning_stack(content: Content, here: str | None = None) -> alt.VConcatChart:
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
    base = alt.Chart(layout).transform_calculate(x="-1.1")
    rings = base.mark_point(shape="circle", size=2600, filled=False, strokeWidth=5, cursor="pointer").encode(
        x=x, y=y, color=alt.condition(is_picked, alt.value(HIGHLIGHT), alt.value(QUIET)),
        strokeWidth=alt.condition(is_picked, alt.value(7), alt.value(4)),
    ).properties(name="scales")
    labels = base.mark_text(fontSize=13, dx=42, align="left", color="black").encode(
        x=x, y=y, text="name:N").transform_filter(~is_picked)
    picked_label = base.mark_text(fontSize=14, fontWeight="bold", dx=42, align="left", color=HIGHLIGHT).encode(
        x=x, y=y, text="name:N").transform_filter(is_picked)
    arrows = pd.DataFrame([
        {"x": -2.2, "y": n + 0.2, "x2": -2.2, "y2": 0.9, "tip_y": 0.8, "angle": 180, "label": "Conditions flow down", "lx": -2.45},
        {"x": 2.7, "y": 0.8, "x2": 2.7, "y2": n + 0.1, "tip_y": n + 0.2, "angle": 0, "label": "Learning flows up", "lx": 2.92},
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
    layers = [shafts, tips, words, rings, labels, picked_label]
    if here is not None:
        layers.append(base.transform_filter(alt.datum.scale == here).mark_text(
            fontSize=12, fontStyle="italic", dx=42, dy=16, align="left").encode(x=x, y=y, text=alt.value("(you are here)")))
    stack = alt.layer(*layers).properties(width=WIDTH, height=n * 80).add_params(pick)
    title = alt.Chart(layout).mark_text(align="left", baseline="top", fontSize=16, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="name:N").transform_filter(is_picked)
    detail = alt.Chart(layout).mark_text(align="left", baseline="top", fontSize=13, lineBreak="\n", lineHeight=18).encode(
        x=alt.value(0), y=alt.value(30), text="detail:N").transform_filter(is_picked)
    panel = alt.layer(title, detail).properties(width=WIDTH, height=PANEL_HEIGHT)
    return pickable(readable(alt.vconcat(stack, panel, spacing=12)).configure_view(stroke=None)
                    .properties(description=describe_stack(content, here)), "scale", "scales", "scale")
