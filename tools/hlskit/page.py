"""Thin helpers that chapters call: one function per tool, showing the static rendering.

Logic and chart specs live elsewhere; this module only decides how things appear on a page.
"""
from __future__ import annotations

import os

import altair as alt
from IPython.display import HTML, display

from . import charts, diagrams
from . import questions as Q
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


def is_static() -> bool:
    """True while the book is being built for the static site (set by the book's Sphinx extension)."""
    return os.environ.get("HLS_BOOK_BUILD") == "1"


def tool_intro(name: str, intent: str, time: str, people: str, result: str) -> None:
    display(HTML(render("tool_intro.html", name=name, intent=intent, time=time, people=people,
                        result=result, static=is_static())))


def learning_cycle_table_html(c: Content) -> str:
    """The source's stage-by-scale question table as an accessible HTML table (text equivalent)."""
    table = next(t for t in c.question_tables if t.id == Q.LEARNING_TABLE)
    rows = [{"stage": st, "cells": [Q.questions_for(c, sc.id, st.id).to_dict("records") for sc in c.scales]}
            for st in c.stages]
    return render("question_table.html", summary="The whole table as text", caption=table.source_title or table.title,
                  scales=c.scales, rows=rows, source=table.source.cite())


def show_question_explorer(stage: str = "purpose", scale: str = "person"):
    """The scale question explorer: static chart with controls on the site, live widget in Jupyter."""
    c = content()
    tool_intro("Scale question explorer",
               "find the questions the sources suggest for one stage of the Learning Cycle at one scale.",
               "10 minutes to choose; 60–90 minutes to work through the questions together",
               "the people who share the work at that scale, and someone from the scale above",
               "take the questions into a team meeting or workshop; answer them together and note what "
               "needs action at the scale above.")
    if is_static():
        chart = charts.question_explorer(c, scale=scale, stage=stage)
        display(chart)
        display(HTML(learning_cycle_table_html(c)))
        return chart
    from .live import QuestionExplorer
    view = QuestionExplorer(c, scale=scale, stage=stage)
    display(view.widget)
    return view
