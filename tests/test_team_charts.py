"""The team report's charts: every number in the answers grid is readable on its cell (WCAG AA 4.5:1)."""
from __future__ import annotations

import re

import pytest
import vl_convert as vlc

from hlskit import team_charts as T
from hlskit.content import load_content

INST = load_content().instrument("equity")


def luminance(rgb) -> float:
    def chan(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (chan(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def colour(text: str):
    if text == "white":
        return (255, 255, 255)
    if text == "black":
        return (0, 0, 0)
    return tuple(int(x) for x in re.findall(r"\d+", text)[:3])


@pytest.mark.parametrize("people", [3, 8, 12, 19, 20, 27, 50])
def test_every_count_has_enough_contrast_with_its_cell(people):
    rows = [{"text": it.text, "label": T.item_label(it.text), "answer_label": INST.scale[k % 3].label, "count": n, "share": n / people}
            for k, (it, n) in enumerate(zip(INST.items * 3, range(1, people + 1)))]
    svg = vlc.vegalite_to_svg(T.answers_spec(INST, rows))
    rects = svg.split("mark-rect role-mark")[1].split("</g>")[0]
    texts = svg.split("mark-text role-mark")[1].split("</g>")[0]
    fills = [colour(f) for f in re.findall(r'<path[^>]* fill="([^"]+)"', rects)]
    inks = re.findall(r'<text[^>]* fill="([^"]+)"[^>]*>(\d+)</text>', texts)
    assert len(fills) == len(inks) == people
    worst = min(contrast(fill, colour(ink)) for fill, (ink, _) in zip(fills, inks))
    assert worst >= 4.5, f"a count is hard to read on its cell: contrast {worst:.2f}"
