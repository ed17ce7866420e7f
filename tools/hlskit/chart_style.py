"""One look for every chart in the book: text no smaller than 12 px, on a light card.

Vega's defaults are 10-11 px for axis labels, legends and text marks, too small to read on a page.
The charts also carry their own white background, so that in the book's dark mode they sit on a
light card instead of putting dark text on a dark page. Screen readers hear each chart's description
and its text equivalent, not every mark's coordinates and field names, so marks stay out of the
accessibility tree unless a chart gives one a purpose (a link).
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
            .configure(aria=False)          # first: it sets the whole config, the calls below add to it
            .configure_axis(labelFontSize=MIN_FONT, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_legend(labelFontSize=MIN_FONT, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_header(labelFontSize=13, titleFontSize=13, labelColor=INK, titleColor=INK)
            .configure_title(fontSize=14, subtitleFontSize=MIN_FONT, color=INK)
            .configure_text(fontSize=MIN_FONT)
            .configure_mark(aria=False))
