"""The team report's two charts as Vega-Lite specs, written as plain data.

The same spec draws the chart in both engines: ``hlskit pool`` renders it to inline SVG, and the
Team results page receives the spec (with no data) and fills in the rows it pooled. The specs are
plain dicts rather than Altair objects so that the command line never imports Altair: start-up
time matters to a facilitator pooling answers at the end of a session.

Rows: dimensions -> name, mean, low, high, respondents; answers -> text, label (the wrapped text,
see ``item_label``), answer_label, count, share
(count divided by the number of people, which sets the colour: the same shade means the same
share of the group, whatever its size).
"""
from __future__ import annotations

from .schema import Instrument

WRAP = 48          # characters per line of an item's label; labels are wrapped, never cut short
LINE = 14          # pixels per label line
DARK_FROM = 0.74   # cells this full or fuller are dark enough for white numbers (contrast checked in tests)
SCHEME = "blues"


def item_label(text: str) -> str:
    """An item's text wrapped into lines of at most WRAP characters, joined by "|" for the axis."""
    lines: list[str] = []
    for word in text.replace("|", "/").split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "|".join(lines)


def item_labels(inst: Instrument) -> dict[str, str]:
    return {it.id: item_label(it.text) for it in inst.items}


def dimensions_spec(inst: Instrument, rows: list[dict]) -> dict:
    """Group average per dimension as a dot, with a band from the lowest to the highest person's score."""
    y = {"field": "name", "type": "nominal", "sort": [d.name for d in inst.dimensions], "title": None,
         "axis": {"labelLimit": 260}}
    x_scale = {"domain": [1, len(inst.scale)]}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
        "title": "Where the group stands",
        "description": "Group average per dimension with the range from the lowest to the highest individual score.",
        "width": 380, "height": {"step": 24},
        "data": {"values": [r for r in rows if r.get("mean") is not None]},
        "config": {"font": "sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12},
                   "title": {"fontSize": 14}},
        "layer": [
            {"mark": {"type": "rule", "strokeWidth": 6, "color": "#b9c7d6"},
             "encoding": {"y": y, "x": {"field": "low", "type": "quantitative", "scale": x_scale,
                                        "title": "Score: dot = group average, band = lowest to highest"},
                          "x2": {"field": "high"}}},
            {"mark": {"type": "point", "filled": True, "size": 90, "color": "#1f3b57"},
             "encoding": {"y": y, "x": {"field": "mean", "type": "quantitative", "scale": x_scale},
                          "tooltip": [{"field": "name", "title": "Dimension"},
                                      {"field": "mean", "type": "quantitative", "format": ".1f", "title": "Average"},
                                      {"field": "low", "type": "quantitative", "format": ".1f", "title": "Lowest"},
                                      {"field": "high", "type": "quantitative", "format": ".1f", "title": "Highest"},
                                      {"field": "respondents", "type": "quantitative", "title": "People"}]}},
        ],
    }


def answers_spec(inst: Instrument, rows: list[dict]) -> dict:
    """How many people gave each answer to each item; counts are written in the cells."""
    labels = [inst.dont_know] + [p.label for p in inst.scale]
    x = {"field": "answer_label", "type": "nominal", "sort": labels, "title": None, "axis": {"labelAngle": -30}}
    labels_ = item_labels(inst)
    lines = max(v.count("|") + 1 for v in labels_.values())
    y = {"field": "label", "type": "nominal", "sort": [labels_[it.id] for it in inst.items], "title": None,
         "axis": {"labelLimit": 0, "labelExpr": "split(datum.value, '|')", "labelLineHeight": LINE}}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.20.1.json",
        "title": "Answers to each item",
        "description": "For each item, how many people chose each answer; the number is written in every cell, "
                       "and darker cells hold more of the group.",
        "width": {"step": 70}, "height": {"step": max(20, LINE * lines + 6)},
        "data": {"values": rows},
        "config": {"font": "sans-serif", "axis": {"labelFontSize": 12}, "title": {"fontSize": 14}},
        "encoding": {"x": x, "y": y},
        "layer": [
            {"mark": "rect",
             "encoding": {"color": {"field": "share", "type": "quantitative", "legend": None,
                                    "scale": {"scheme": SCHEME, "domain": [0, 1]}},
                          "tooltip": [{"field": "text", "title": "Item"}, {"field": "answer_label", "title": "Answer"},
                                      {"field": "count", "type": "quantitative", "title": "People"}]}},
            {"mark": {"type": "text", "fontSize": 12},
             "encoding": {"text": {"field": "count", "type": "quantitative"},
                          "color": {"condition": {"test": f"datum.share >= {DARK_FROM}", "value": "white"},
                                    "value": "black"}}},
        ],
    }
