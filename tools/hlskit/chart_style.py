"""One look for every chart in the book: text no smaller than 12 px, on a light card.

Vega's defaults are 10-11 px for axis labels, legends and text marks, too small to read on a page.
The charts also carry their own white background, so that in the book's dark mode they sit on a
light card instead of putting dark text on a dark page.
"""
from __future__ import annotations

import altair as alt

MIN_FONT = 12
CARD = "#ffffff"
INK = "#1a1a1a"


def readable(chart):
    """The chart with the book's minimum text sizes and its light card (a top-level chart only)."""
    # resize: a chart whose content shrinks after a filter shrinks with it, leaving no blank space
    return (chart.properties(background=CARD, padding=10, autosize=alt.AutoSizeParams(type="pad", resize=True))
            .configure_axis(labelFontSize=MIN_FONT, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_legend(labelFontSize=MIN_FONT, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_header(labelFontSize=13, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_title(fontSize=14, subtitleFontSize=MIN_FONT, color=INK)
            .configure_text(fontSize=MIN_FONT))
