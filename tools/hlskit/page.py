"""Thin helpers that chapters call: one function per tool, showing the static rendering.

Logic and chart specs live elsewhere; this module only decides how things appear on a page.
"""
from __future__ import annotations

import altair as alt
from IPython.display import HTML, display

from . import diagrams
from .content import Content, load_content
from .html import render

# SVG keeps text in the DOM (screen readers, search, tests); no action menu (an unlabelled <summary>).
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
alt.renderers.set_embed_options(**EMBED_OPTIONS)

_CONTENT: Content | None = None


def content() -> Content:
    """The shipped content, loaded once per kernel."""
    global _CONTENT
    if _CONTENT is None:
        _CONTENT = load_content()
    return _CONTENT


def show_learning_cycle(here: str | None = None) -> alt.HConcatChart:
    """Show the Learning Cycle diagram with its picker, caption and text equivalent."""
    c = content()
    chart = diagrams.learning_cycle(c, here=here)
    display(chart)
    display(HTML(render(
        "text_equivalent.html",
        caption="The Learning Cycle. Use the menu under the diagram to pick a stage.",
        description=diagrams.describe_cycle(c, here),
        items=[{"name": s.name, "text": s.summary} for s in c.stages],
    )))
    return chart
