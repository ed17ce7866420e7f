"""The team report's two charts drawn as SVG in plain Python, from the Vega-Lite specs in team_charts.

Starting vl-convert and drawing these two charts took a second and a half or more: most of the time
``hlskit pool`` took. Both charts are simple (dots on bands, a grid of counts), so they are drawn here
from the same spec dicts, with Vega's own layout rules: the same marks, colours (the "blues" scheme,
interpolated as Vega does), labels, axes, title and description. A test draws each spec both ways and
compares the two pictures mark by mark.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from .html import render

PAD = 5              # Vega's padding around the whole chart
TICK, GAP = 5, 2     # axis tick length, and the gap between tick and label
LABEL_LIMIT = 180    # Vega's longest axis label in pixels, where a spec sets none
TITLE_TOP = 23       # room above the plot for a 14 px title: its height, an offset of 4, and the padding
SCHEMES = {"blues": "cfe1f2bed8eca8cee58fc1de74b2d75ba3cf4592c63181bd206fb2125ca40a4a90"}   # Vega's own


@lru_cache(maxsize=1)
def _widths() -> tuple[dict[str, int], int]:
    data = json.loads(resources.files("hlskit").joinpath("text_widths.json").read_text(encoding="utf-8"))
    return {ch: int(w) for w, chars in data["widths"].items() for ch in chars}, data["units_per_em"]


def text_width(text: str, size: float) -> float:
    """Width of ``text`` in pixels at ``size`` in Arial's metrics (a character not in the table counts as 1 em)."""
    widths, em = _widths()
    return sum(widths.get(ch, em) for ch in text) * size / em


def fit(text: str, limit: float, size: float) -> str:
    """``text`` cut to ``limit`` pixels with an ellipsis, as Vega's ``labelLimit`` does (0: no limit)."""
    text = text.strip()
    if not limit or text_width(text, size) < limit:
        return text
    room, lo, hi = limit - text_width("…", size), 0, len(text)
    while lo < hi:                                   # the longest start that fits, found as Vega finds it
        mid = 1 + (lo + hi) // 2
        lo, hi = (mid, hi) if text_width(text[:mid], size) < room else (lo, mid - 1)
    return text[:lo] + "…"


def ticks(start: float, stop: float, count: int) -> list[float]:
    """Round tick values between ``start`` and ``stop``, as d3 (and so Vega) chooses them."""
    step = (stop - start) / max(0, count)
    power = math.floor(math.log10(step))
    error = step / 10 ** power
    factor = 10 if error >= math.sqrt(50) else 5 if error >= math.sqrt(10) else 2 if error >= math.sqrt(2) else 1
    if power < 0:
        inc = 10 ** -power / factor
        i1, i2 = _round(start * inc), _round(stop * inc)
        i1 += i1 / inc < start
        i2 -= i2 / inc > stop
        return [(i1 + i) / inc for i in range(i2 - i1 + 1)]
    inc = 10 ** power * factor
    i1, i2 = _round(start / inc), _round(stop / inc)
    i1 += i1 * inc < start
    i2 -= i2 * inc > stop
    return [(i1 + i) * inc for i in range(i2 - i1 + 1)]


def _round(v: float) -> int:
    """JavaScript's Math.round: halves go up."""
    return math.floor(v + 0.5)


def tick_label(values: list[float]) -> list[str]:
    """Labels with as many decimals as the tick step needs (d3's precisionFixed)."""
    step = values[1] - values[0] if len(values) > 1 else 1
    digits = max(0, -math.floor(math.log10(abs(step)))) if step else 0
    return [f"{v:.{digits}f}" for v in values]


def colour(scheme: str, t: float) -> str:
    """The colour at ``t`` (0 to 1) of a continuous Vega scheme: straight RGB steps between its colours."""
    hexes = SCHEMES[scheme]
    stops = [tuple(int(hexes[k + j:k + j + 2], 16) for j in (0, 2, 4)) for k in range(0, len(hexes), 6)]
    n = len(stops) - 1
    t *= n
    i = max(0, min(n - 1, math.floor(t)))
    a, b = stops[i], stops[i + 1]
    r, g, bl = (max(0, min(255, _round(a[c] + (b[c] - a[c]) * (t - i)))) for c in range(3))
    return f"rgb({r}, {g}, {bl})"


def domain(rows: list[dict], field: str, order: list[str]) -> list[str]:
    """The values of ``field`` that occur in ``rows``, in the spec's sort order (others after, as they come)."""
    present = list(dict.fromkeys(r[field] for r in rows))
    rank = {v: k for k, v in enumerate(order)}
    return sorted(present, key=lambda v: (rank.get(v, len(order)), present.index(v)))


def _one_decimal(v: float) -> str:
    return f"{math.floor(round(v, 9) * 10 + 0.5) / 10:.1f}"


def _tooltip(fields: list[dict], row: dict) -> str:
    """The spec's tooltip for one mark, as "Title: value" pairs (numbers formatted as the spec asks)."""
    parts = []
    for f in fields:
        v = row.get(f["field"])
        shown = _one_decimal(v) if f.get("format") == ".1f" and v is not None else "" if v is None else str(v)
        parts.append(f"{f.get('title', f['field'])}: {shown}")
    return "; ".join(parts)


def _text(x, y, text, size=12, anchor="middle", weight=None, fill="#000", lines=None, line_height=0, rotate=0, dy=0):
    """A text mark; ``rotate`` turns it about (x, y), then ``dy`` moves it along its own (turned) baseline."""
    return {"kind": "text", "x": x, "y": y, "lines": lines or [text], "size": size, "anchor": anchor,
            "weight": weight, "fill": fill, "line_height": line_height, "rotate": rotate, "dy": dy}


def _line(x1, y1, x2, y2, stroke="#888", width=1):
    return {"kind": "line", "x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": stroke, "width": width}


def _frame(width: float, height: float, left: float, top: float, plot: tuple[float, float], spec: dict,
           shapes: list[dict]) -> str:
    title = spec["title"]
    size = spec["config"]["title"]["fontSize"]
    shapes.append(_text(plot[0] / 2, -7, title, size=size, weight="bold"))
    return render("team_chart.svg", width=math.ceil(width), height=math.ceil(height), left=left, top=top,
                  plot=plot, shapes=shapes, description=spec["description"], font=spec["config"]["font"])


def _y_axis(names: list[str], step: float, axis: dict, size: float, line_height: float = 0) -> tuple[list, float]:
    """Ticks and labels of a left band axis; returns them and the width they take."""
    shapes, widest = [], 0.0
    for k, name in enumerate(names):
        y = (k + 0.5) * step
        lines = [fit(t, axis.get("labelLimit", 0), size) for t in (name.split("|") if line_height else [name])]
        widest = max([widest] + [text_width(t, size) for t in lines])
        shapes.append(_line(0.5 - TICK, y + 0.5, 0.5, y + 0.5))
        shapes.append(_text(0.5 - TICK - GAP, y + _round(0.3 * size), name, size=size, anchor="end", lines=lines,
                            line_height=line_height))
    shapes.append(_line(0.5, 0.5, 0.5, len(names) * step + 0.5))
    return shapes, widest + TICK + GAP


def dimensions_svg(spec: dict) -> str:
    """The dot-and-band chart of ``team_charts.dimensions_spec``: a band from lowest to highest, a dot at the average."""
    band_layer, dot_layer = spec["layer"]
    rows = spec["data"]["values"]
    enc = band_layer["encoding"]
    y, x = enc["y"], enc["x"]
    size = spec["config"]["axis"]["labelFontSize"]
    names = domain(rows, y["field"], y["sort"])
    step, width = spec["height"]["step"], spec["width"]
    height = step * len(names)
    lo, hi = x["scale"]["domain"]
    pos = lambda v: (v - lo) / (hi - lo) * width   # noqa: E731  (the x scale)
    values = ticks(lo, hi, math.ceil(width / 40))
    shapes = [_line(pos(v) + 0.5, 0.5, pos(v) + 0.5, height + 0.5, stroke="#ddd") for v in values]   # grid
    for k, (v, label) in enumerate(zip(values, tick_label(values))):
        shapes.append(_line(pos(v) + 0.5, height + 0.5, pos(v) + 0.5, height + 0.5 + TICK))
        anchor = "start" if k == 0 else "end" if k == len(values) - 1 else "middle"   # flush at both ends
        shapes.append(_text(pos(v) + 0.5, height + 16.5, label, size=size, anchor=anchor))
    shapes.append(_line(0.5, height + 0.5, width + 0.5, height + 0.5))
    shapes.append(_text(width / 2 + 0.5, height + 31.5, x["title"], size=spec["config"]["axis"]["titleFontSize"],
                        weight="bold"))
    axis, label_width = _y_axis(names, step, y.get("axis", {}), size)
    shapes += axis
    band, dot = band_layer["mark"], dot_layer["mark"]
    tips = dot_layer["encoding"]["tooltip"]
    reach = [label_width, width + 0.5]          # how far the chart reaches left of and right of the plot's edges
    r, wide = math.sqrt(dot["size"]) / 2, band["strokeWidth"]
    for row in rows:
        cy = (names.index(row[y["field"]]) + 0.5) * step
        x1, x2, mean = pos(row[x["field"]]), pos(row[enc["x2"]["field"]]), pos(row[dot_layer["encoding"]["x"]["field"]])
        shapes.append(_line(x1, cy, x2, cy, band["color"], wide))
        shapes.append({"kind": "circle", "cx": mean, "cy": cy, "r": r, "fill": dot["color"], "opacity": 0.7,
                       "title": _tooltip(tips, row)})
        reach = [max(reach[0], wide - x1, r - mean), max(reach[1], x2 + wide, mean + r)]   # Vega's mark bounds
    left = PAD + math.ceil(reach[0])
    return _frame(left + math.ceil(reach[1]) + PAD, TITLE_TOP + height + 33 + PAD, left, TITLE_TOP, (width, height),
                  spec, shapes)


def answers_svg(spec: dict) -> str:
    """The grid of ``team_charts.answers_spec``: a cell per item and answer, shaded by share, its count written in it."""
    rows = spec["data"]["values"]
    x, y = spec["encoding"]["x"], spec["encoding"]["y"]
    cells, counts = spec["layer"]
    colour_enc, ink = cells["encoding"]["color"], counts["encoding"]["color"]
    size = spec["config"]["axis"]["labelFontSize"]
    answers, items = domain(rows, x["field"], x["sort"]), domain(rows, y["field"], y["sort"])
    col, row_step = spec["width"]["step"], spec["height"]["step"]
    width, height = col * len(answers), row_step * len(items)
    scheme, (lo, hi) = colour_enc["scale"]["scheme"], colour_enc["scale"]["domain"]
    dark_from = float(ink["condition"]["test"].split(">=")[1])
    share, count = colour_enc["field"], counts["encoding"]["text"]["field"]
    shapes = []
    for r in rows:
        x0, y0 = answers.index(r[x["field"]]) * col, items.index(r[y["field"]]) * row_step
        shapes.append({"kind": "rect", "x": x0, "y": y0, "w": col, "h": row_step,
                       "fill": colour(scheme, (r[share] - lo) / (hi - lo)), "title": _tooltip(cells["encoding"]["tooltip"], r)})
        shapes.append(_text(x0 + col / 2, y0 + row_step / 2 + _round(0.3 * counts["mark"]["fontSize"]), str(r[count]),
                            size=counts["mark"]["fontSize"],
                            fill=ink["condition"]["value"] if r[share] >= dark_from else ink["value"]))
    axis, label_width = _y_axis(items, row_step, y["axis"], size, y["axis"]["labelLineHeight"])
    shapes += axis                                        # axes are drawn over the cells, as Vega does here
    angle, limit = x["axis"]["labelAngle"], x["axis"].get("labelLimit", LABEL_LIMIT)
    drop = 0.0
    for k, answer in enumerate(answers):
        cx, label = (k + 0.5) * col + 0.5, fit(answer, limit, size)
        shapes.append(_line(cx, height + 0.5, cx, height + 0.5 + TICK))
        shapes.append(_text(cx, height + 0.5 + TICK + GAP, answer, size=size, anchor="end", rotate=angle,
                            lines=[label], dy=_round(0.79 * size)))     # Vega's "top" baseline
        a = math.radians(-angle)                          # how far a turned label reaches below its tick
        reach = limit if label != answer else text_width(label, size)   # a cut label reaches its limit
        drop = max(drop, reach * math.sin(a) + (size - 1) * math.cos(a))
    shapes.append(_line(0.5, height + 0.5, width + 0.5, height + 0.5))
    left = PAD + math.ceil(label_width)
    return _frame(left + width + PAD, TITLE_TOP + height + math.ceil(TICK + GAP + drop) + PAD, left, TITLE_TOP,
                  (width, height), spec, shapes)
