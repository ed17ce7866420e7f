"""The facilitator's team report: pooled answers as figures and wording, then as printable HTML.

``report_model`` is everything the report says, as plain data; the Team results page builds the
same model in the browser from the same rule file, and a test compares the two. Charts are
drawn as inline SVG (team_svg.py, from the same Vega-Lite specs the page draws) so that the report
opens offline and the command needs no chart library.
"""
from __future__ import annotations

import math

from . import team_charts
from .pooling import TeamView, reflection_rows
from .html import render
from .pooling_rules import fill, rules
from .responses import ResponseError
from .schema import Instrument

SHOWN_DIFFERENCES = 5


def one_decimal(v) -> str:
    """Half-up to one decimal, computed exactly as the page's script does (never banker's rounding)."""
    if v is None or v != v:
        return ""
    r = round(v, 9)          # float noise from the order of additions never changes the shown figure
    return f"{math.floor(r * 10 + 0.5) / 10:.1f}"


def _why(r: dict, dims: dict) -> str:
    d = dims[r["dimension"]]
    template = rules()["report"]["why"][r["why"].replace(" ", "_")]
    return fill(template, mean=one_decimal(d["mean"]), low=one_decimal(d["low"]), high=one_decimal(d["high"]))


def report_model(team: TeamView, inst: Instrument, problems: list[ResponseError] = (), given: int = 0) -> dict:
    """Every word and figure of the team report (no names, no file names: places in the order given)."""
    spread = [{**r, "spread": None if r["mean"] is None else r["high"] - r["low"]} for r in team.dimension_rows]
    return words_and_figures(team, inst, problems, given, dims={r["dimension"]: r for r in team.dimension_rows},
                             diffs=[r for r in team.difference_rows[:SHOWN_DIFFERENCES] if r["spread"] > 0],
                             talk=reflection_rows(spread, inst),
                             dist=sorted(team.distribution_rows, key=lambda r: (r["item"], r["answer"])))


def words_and_figures(team, inst: Instrument, problems, given: int, dims: dict, diffs: list, talk: list,
                      dist: list) -> dict:
    """The report from its parts: each dimension's figures by id, the items shown as differing, the
    dimensions to talk about, and the answer counts in item order (``team`` gives the group's size)."""
    words = rules()["report"]
    floor = rules()["min_group"]
    labels = team_charts.item_labels(inst)
    return {
        "title": fill(words["title"], title=inst.title),
        "answered": fill(words["answered" if team.respondents != 1 else "answered_one"], n=team.respondents, version=inst.version),
        "small_group": fill(words["small_group"], floor=floor) if team.min_group < floor else "",
        "skipped": [fill(words["skipped_item"], position=p.position, problem=p.problem) for p in problems],
        "skipped_count": fill(words["skipped_count"], n=len(problems), total=given or team.respondents + len(problems))
                         if problems else "",
        "dimensions": [[d.name, one_decimal(dims[d.id]["mean"]), one_decimal(dims[d.id]["low"]),
                        one_decimal(dims[d.id]["high"]), str(dims[d.id]["respondents"]), str(dims[d.id]["dont_know"])]
                       for d in inst.dimensions],
        "differences": [fill(words["differ_item"], text=r["text"], spread=one_decimal(r["spread"])) for r in diffs]
                       or [words["differ_none"]],
        "talk": [{"name": r["name"], "why": _why(r, dims), "prompt": r["prompt"]} for r in talk],
        "dimension_rows": [{"name": dims[d.id]["name"], "mean": dims[d.id]["mean"], "low": dims[d.id]["low"],
                            "high": dims[d.id]["high"], "respondents": dims[d.id]["respondents"]}
                           for d in inst.dimensions if dims[d.id]["respondents"]],
        "answer_rows": [{"item": r["item"], "text": r["text"], "label": labels[r["item"]], "answer_label": r["answer_label"],
                         "count": int(r["count"]), "share": int(r["count"]) / team.respondents}
                        for r in dist],
    }


def team_report_html(team: TeamView, inst: Instrument, problems: list[ResponseError] = (), given: int = 0) -> str:
    from .team_svg import answers_svg, dimensions_svg

    model = report_model(team, inst, problems, given)
    dims_spec = team_charts.dimensions_spec(inst, model["dimension_rows"])
    items_spec = team_charts.answers_spec(inst, model["answer_rows"])
    return render("team_report.html", m=model, words=rules()["report"],
                  svg_dims=dimensions_svg(dims_spec), desc_dims=dims_spec["description"],
                  svg_items=answers_svg(items_spec), desc_items=items_spec["description"])
