"""The Team results page: a facilitator pools the group's answers in the browser, with no Python.

The page carries everything its script (assets/hls-pool.js) needs as one JSON block: the shared
pooling rules (pooling.json, the same file ``hlskit pool`` reads), each self-assessment's items,
dimensions and scale, and the team report's two charts compiled to Vega with no data in them, so
the page fills in the pooled rows and draws the same charts as the command line. Nothing is sent
anywhere: the files are read in the browser.
"""
from __future__ import annotations

from markupsafe import Markup

from . import team_charts
from .content import Content
from .html import render, script_json
from .pooling_rules import rules
from .schema import Instrument

PAGE = "book/trainers/team_results"     # linked from every self-assessment and the trainers' chapter
PARAM = "instrument"                    # ?instrument=<id> opens the page on that self-assessment
TITLE_MARK = "HLS-TEAM-REPORT-TITLE"     # where the saved report's title goes in its page shell


def _data_name(vega: dict) -> str:
    """The Vega data set that holds the rows (the one with inline values)."""
    return next(d["name"] for d in vega.get("data", []) if "values" in d)


def instrument_data(inst: Instrument) -> dict:
    """One self-assessment as the page's script reads it (own-words texts, no sources)."""
    from .site_charts import compile_spec

    dims = compile_spec(team_charts.dimensions_spec(inst, []))
    items = compile_spec(team_charts.answers_spec(inst, []))
    return {
        "id": inst.id, "title": inst.title, "version": inst.version, "dont_know": inst.dont_know,
        "scale": [[p.value, p.label] for p in inst.scale],
        "dimensions": [{"id": d.id, "name": d.name, "prompt": d.prompt} for d in inst.dimensions],
        "items": [{"id": it.id, "dimension": it.dimension, "text": it.text, "reverse": it.reverse,
                   "label": team_charts.item_label(it.text)} for it in inst.items],
        "charts": {"dimensions": {"spec": dims, "data": _data_name(dims)},
                   "answers": {"spec": items, "data": _data_name(items)}},
    }


def page_data(content: Content) -> dict:
    return {
        "rules": rules(),
        "known": ", ".join(i.id for i in content.instruments),
        "other_items": {it.id: i.id for i in content.instruments for it in i.items},
        "instruments": [instrument_data(i) for i in content.instruments],
        "report_shell": render("team_report.html", shell=True, m={"title": TITLE_MARK}),
        "title_mark": TITLE_MARK,
    }


def team_results_page(content: Content, with_trainers_chapter: bool = True) -> str:
    """The MyST page: a short guide, the tool (raw HTML with its data) and what to do next.

    A workshop pack has no trainers' chapter, so there the page gives the ground rules itself."""
    if not content.instruments:
        return render("team_results.md", instruments=[], tool="", trainers=with_trainers_chapter)
    # A backtick could end the raw block around the tool: in the data it becomes \u0060 (the same
    # character to the script), in the markup its HTML entity.
    data = script_json(page_data(content), separators=(",", ":")).replace("`", "\\u0060")
    tool = render("team_results.html", instruments=content.instruments, param=PARAM, data=Markup(data))
    return render("team_results.md", instruments=content.instruments, tool=Markup(tool.replace("`", "&#96;")),
                  trainers=with_trainers_chapter)
