"""Thin helpers that chapters call: one function per tool, showing the static rendering.

Logic and chart specs live elsewhere; this module only decides how things appear on a page.
"""
from __future__ import annotations

import os
from pathlib import Path

import altair as alt
from IPython.display import HTML, display

from . import chart_html  # noqa: F401  (makes every chart's HTML safe for user text)
from . import charts, diagrams
from . import questions as Q
from .content import Content, by_id, find_case_studies, find_overlay, load_nearest
from .html import render

# SVG keeps text in the DOM (screen readers, search, tests); no action menu (an unlabelled <summary>).
EMBED_OPTIONS = {"actions": False, "renderer": "svg"}
alt.renderers.set_embed_options(**EMBED_OPTIONS)


def is_static() -> bool:
    """True while the book is being built for the static site (set by the book's Sphinx extension)."""
    return os.environ.get("HLS_BOOK_BUILD") == "1"


if is_static():
    # On the published site each chart is a picture of its default view until one shared page script
    # draws it (see site_charts); in Jupyter, Altair's own renderer stays.
    from . import site_charts
    alt.renderers.register("hls-site", site_charts.renderer)
    alt.renderers.enable("hls-site", embed_options=EMBED_OPTIONS)
    # Altair's debug mode validates every part of a chart as it is made; the whole spec is still
    # validated when it is displayed. Off for the book build only (it halves the chart time there);
    # readers running a chapter keep Altair's more precise error messages.
    alt.utils.schemapi.disable_debug_mode()

_CONTENT: dict[tuple[Path | None, Path], Content] = {}


def content() -> Content:
    """The shipped content with the nearest trainer's overlay on top, loaded once per overlay.

    Keyed by overlay and case folder so that a kernel reused for several notebooks (the book build does that)
    still gives each notebook the content its own folder would."""
    key = (find_overlay(), find_case_studies())
    if key not in _CONTENT:
        _CONTENT[key] = load_nearest()
    return _CONTENT[key]


def _show_diagram(chart, caption: str, description: str, items: list[dict]):
    """A diagram, its caption and its text equivalent (a list of the steps in words)."""
    display(chart)
    display(HTML(render("text_equivalent.html", caption=caption, description=description, items=items)))
    return chart


def show_learning_cycle(here: str | None = None) -> alt.VConcatChart:
    """The Learning Cycle with its picker; ``here`` marks the chapter's own stage."""
    c = content()
    return _show_diagram(diagrams.learning_cycle(c, here=here),
                         "The Learning Cycle. Select a stage on the diagram, or pick one in the menu under it, to read what it involves.",
                         diagrams.describe_cycle(c, here), [{"name": s.name, "text": s.summary} for s in c.stages])


def show_learning_stack(here: str | None = None) -> alt.VConcatChart:
    """The Learning Stack: cycles at four scales; ``here`` marks the chapter's own scale."""
    c = content()
    return _show_diagram(diagrams.learning_stack(c, here=here),
                         "The Learning Stack: Learning Cycles at four scales. Select a scale on the diagram, or pick one in the menu under it, to read about it.",
                         diagrams.describe_stack(c, here),
                         [{"name": s.name, "text": s.description} for s in reversed(c.scales)]
                         + [{"name": i.label, "text": i.text} for i in c.items if i.list == "learning-stack-flows"])


def show_virtuous_cycle(here: str | None = None) -> alt.VConcatChart:
    """The virtuous cycle of learning together and trust."""
    c = content()
    steps = [i for i in c.items if i.list == "virtuous-cycle"]
    chart = diagrams.virtuous_cycle(c, here=here)
    return _show_diagram(chart, "The virtuous cycle of learning together and trust. Select a step on the diagram, or pick one in the menu under it, to read it.",
                         chart.description, [{"name": i.label, "text": i.text} for i in steps])


def tool_intro(name: str, intent: str, time: str, people: str, result: str, live: str = "") -> None:
    """The tool's one-line purpose, time and people; on the site, ``live`` says what the live notebook adds."""
    display(HTML(render("tool_intro.html", name=name, intent=intent, time=time, people=people,
                        result=result, static=is_static(), live=live)))


def learning_cycle_table_html(c: Content) -> str:
    """The source's stage-by-scale question table as an accessible HTML table (text equivalent)."""
    table = next(t for t in c.question_tables if t.id == Q.LEARNING_TABLE)
    rows = [{"stage": st, "cells": [Q.questions_for(c, sc.id, st.id).to_dict("records") for sc in c.scales]}
            for st in c.stages]
    return render("question_table.html", summary="The whole table as text", caption=table.source_title or table.title,
                  scales=c.scales, rows=rows, source=table.source.credit(), where=table.source.where())


def show_question_explorer(stage: str = "purpose", scale: str = "person"):
    """The scale question explorer: static chart with controls on the site, live widget in Jupyter."""
    c = content()
    tool_intro("Scale question explorer",
               "find the questions the sources suggest for one stage of the Learning Cycle at one scale.",
               "10 minutes to choose; 60–90 minutes to work through the questions together",
               "the people who share the work at that scale, and someone from the scale above",
               "take the questions into a team meeting or workshop; answer them together and note what "
               "needs action at the scale above.",
               live="To tick questions and save a worksheet, open the chapter as a live notebook with the rocket "
                    "button at the top of the page.")
    if is_static():
        from .handouts import explorer_actions
        chart = charts.question_explorer(c, scale=scale, stage=stage)
        display(chart)
        display(HTML(explorer_actions(c, stage, scale)))
        display(HTML(learning_cycle_table_html(c)))
        return chart
    from .live import QuestionExplorer
    view = QuestionExplorer(c, scale=scale, stage=stage)
    display(view.widget)
    return view


def case_table_html(c: Content, prefix: str = "../cases/") -> str:
    """Every case as a table row, grouped under its organisation type."""
    from . import cases as C
    names = C.labels(c)
    frame = C.cases_frame(c)
    groups = []
    for org in sorted(set(frame.organisation_type), key=lambda o: names[o]):
        rows = [{"id": r.id, "name": r.name, "place": C.place_text(r.place, r.country),
                 "scales": "; ".join(names[s] for s in r.scales), "stages": "; ".join(names[s] for s in r.stages),
                 "sectors": "; ".join(names[s] for s in r.sectors)}
                for r in frame[frame.organisation_type == org].itertuples()]
        groups.append({"label": names[org], "rows": rows})
    return render("case_table.html", groups=groups, total=len(frame), prefix=prefix)


def show_case_explorer(scale: str = charts.ANY, sector: str = charts.ANY, theme: str = charts.ANY,
                       stage: str = charts.ANY, organisation_type: str = charts.ANY, prefix: str = "../cases/"):
    """The case-study explorer: filters and overview on the site, a filtering widget in Jupyter.

    ``prefix`` is the path from the calling page to the case pages.
    """
    c = content()
    tool_intro("Case-study explorer",
               "find cases like mine: by type of organisation, scale, sector, theme or Learning Cycle stage.",
               "5–15 minutes", "anyone; in a workshop, one person can drive while the group suggests filters",
               "open two or three matching cases, and ask what the people there did that you could try.")
    if is_static():
        display(HTML(render("chart_filters.html", id=charts.CASE_FILTERS, label="Find cases like yours")))
        chart = charts.case_explorer(c, link_prefix=prefix, scale=scale, sector=sector, theme=theme, stage=stage,
                                     organisation_type=organisation_type, filters_element=charts.CASE_FILTERS)
        display(chart)
        display(HTML(case_table_html(c, prefix)))
        return chart
    from .live import CaseExplorer
    pick = lambda v: None if v == charts.ANY else v  # noqa: E731
    view = CaseExplorer(c, scale=pick(scale), sector=pick(sector), theme=pick(theme), stage=pick(stage),
                        organisation_type=pick(organisation_type))
    display(view.widget)
    return view


def list_html(c: Content, list_id: str) -> str:
    lst = by_id(c.lists, list_id, "list")
    items = [i for i in c.items if i.list == list_id]
    top = [i for i in items if i.parent is None]
    children = {i.id: [ch for ch in items if ch.parent == i.id] for i in top}
    grid = []
    if lst.columns:
        labels = list(dict.fromkeys(i.label for i in items))
        grid = [(lab, [" ".join(i.text for i in items if i.label == lab and i.column == col) for col in lst.columns])
                for lab in labels]
    ordered = lst.id in ("equity-scale",) or any(i.group == "step" for i in items)
    return render("item_list.html", lst=lst, top=top, children=children, grid=grid, tag="ol" if ordered else "ul")


def show_list(list_id: str) -> str:
    """Show a list or grid from the sources (conditions, insights, practices...) with its source."""
    html = list_html(content(), list_id)
    display(HTML(html))
    return html


def show_methods(stage: str = charts.ANY, scale: str = charts.ANY):
    """The methods catalogue, filterable by stage and scale, with the whole table as text."""
    from .methods import methods_frame
    c = content()
    tool_intro("Methods and tools finder", "find a method that helps at my stage of the Learning Cycle and my scale.",
               "5 minutes", "anyone planning a piece of learning work",
               "pick one method, read the chapter section about it, and try it in your next cycle.")
    chart = charts.methods_explorer(c, stage=stage, scale=scale)
    display(chart)
    names = {s.id: s.name for s in (*c.stages, *c.scales)}
    rows = [{**m._asdict(), "stage_names": "; ".join(names[s] for s in m.stages),
             "scale_names": "; ".join(names[s] for s in m.scales)} for m in methods_frame(c).itertuples(index=False)]
    display(HTML(render("methods_table.html", rows=rows)))
    return chart


def question_table_html(c: Content, table_id: str) -> str:
    table = by_id(c.question_tables, table_id, "question table")
    qs = [q for q in sorted(c.questions, key=lambda q: q.order) if q.table == table_id]
    names = {s.id: s.name for s in (*c.stages, *c.scales)}
    groups: dict[str, list] = {}
    for q in qs:
        parts = [names.get(q.stage, ""), names.get(q.scale, ""), (q.role or "").capitalize(), q.group or ""]
        groups.setdefault(" · ".join(p for p in parts if p), []).append(q)
    return render("question_list.html", table=table, groups=list(groups.items()))


def show_question_table(table_id: str) -> str:
    """Show one of the sources' question sets (stewardship, national, codesign, Wellbeing Teams, HLS Week)."""
    html = question_table_html(content(), table_id)
    display(HTML(html))
    return html


def show_experiment_designer():
    """The experiment designer: on the site, the form with its review and a paper checklist (no second
    score); in Jupyter, the full form with review, exports and portfolio."""
    c = content()
    tool_intro("Experiment designer",
               "design one small experiment and check it against what the sources say an experiment is and isn't.",
               "30–45 minutes", "the people who will run the experiment, and if possible someone it affects",
               "save the experiment card, agree when you will make sense of the results together, and add it "
               "to your portfolio so you can see all your experiments over time.",
               live="To keep a portfolio of your experiments, open the chapter as a live notebook with the rocket "
                    "button at the top of the page.")
    if is_static():
        from .experiments import CHECKS
        from .handouts import card_actions
        html = (experiment_form_html(c) + render("experiment_paper_checklist.html", checks=CHECKS)
                + card_actions(c))
        display(HTML(html))
        return html
    from .live import ExperimentDesigner
    view = ExperimentDesigner(c)
    display(view.widget)
    return view


def questionnaire_html(inst, prefix: str) -> str:
    dims = [{"id": d.id, "name": d.name, "description": d.description,
             "items": [it for it in inst.items if it.dimension == d.id]} for d in inst.dimensions]
    from markupsafe import Markup
    from . import participants as P
    link = P.short_link(inst.id, P.published_base())
    share = {"href": link or f"../../{P.short_path(inst.id)}", "text": link or P.short_path(inst.id),
             "qr": Markup(P.qr_svg(link)) if link else ""}
    from .html import script_json
    from .pooling_rules import rules
    from .team_page import PAGE, PARAM
    code_rules = Markup(script_json({"code": rules()["code"], "items": [it.id for it in inst.items]}))
    team_href = f"../../{PAGE}.html?{PARAM}={inst.id}"
    return render("questionnaire.html", inst=inst, dims=dims, prefix=prefix, share=share,
                  code_rules=code_rules, team_href=team_href)


def show_self_assessment(instrument_id: str):
    """A self-assessment: a form and live profile on the site; a questionnaire that saves files in Jupyter."""
    from . import assessment_charts as AC
    c = content()
    inst = c.instrument(instrument_id)
    tool_intro(f"Self-assessment: {inst.title}",
               "reflect, on my own or with my team, on how far our practice lives these ideas.",
               f"about {max(5, len(inst.items) // 3)} minutes to answer; 45–60 minutes to talk through a team's answers",
               "each person answers alone first; then the team meets to look at the pooled answers together",
               "look first at the lowest and the most divided dimensions, and talk about what lies behind them. "
               "Use it to learn, never to rank or judge people.")
    if is_static():
        prefix = f"hls-{inst.id}"
        display(HTML(questionnaire_html(inst, prefix)))
        from .handouts import form_actions
        chart = AC.static_questionnaire(inst, prefix)
        display(chart)
        display(HTML(form_actions(inst)))
        return chart
    from .live_assessment import SelfAssessment
    view = SelfAssessment(c, inst)
    display(view.widget)
    return view


def experiment_form_html(c: Content) -> str:
    """The kernel-free experiment form; its review rules are the same CHECKS the Python review uses."""
    from .experiments import rules_json
    from .exports import CARD_LABELS, MARKS
    labels = dict(CARD_LABELS)
    scale_opts = [("", "Choose a scale")] + [(s.id, s.name) for s in c.scales]
    stage_opts = [(s.id, s.name) for s in sorted(c.stages, key=lambda s: s.id != "experiment")]
    fields = [{"name": "title", "label": "Title", "kind": "line"},
              {"name": "scale", "label": labels["scale"], "kind": "select", "options": scale_opts},
              {"name": "stage", "label": labels["stage"], "kind": "select", "options": stage_opts}]
    fields += [{"name": n, "label": labels[n], "kind": "date" if n in ("start", "end") else "text"}
               for n, _ in CARD_LABELS if n not in ("scale", "stage")]
    spec = {"version": 1, "rules": rules_json(), "labels": CARD_LABELS, "marks": MARKS,
            "names": {s.id: s.name for s in (*c.scales, *c.stages)},
            "credit": "Criteria: the EDUFI Innovation Centre's list of what an experiment is and isn't, and the "
                      "codesign questions, quoted in Human Learning Systems: Public Service for the Real World "
                      "(2021), CC BY-NC 4.0."}
    return render("experiment_form.html", fields=fields, spec=spec)


def sources_html(chapter: str) -> str:
    """A chapter's Sources section (``chapter`` is its path under book/, e.g. "cycle/purpose")."""
    from .credits import chapter_sources, works_used
    entries = chapter_sources().get(chapter)
    if entries is None:
        raise KeyError(f"no Sources entries for chapter '{chapter}' in content/chapter_sources.yaml")
    return render("sources.html", entries=entries, works=works_used(entries))


def show_sources(chapter: str) -> str:
    """Show the chapter's Sources section as plain credits, with the exact lines collapsed."""
    html = sources_html(chapter)
    display(HTML(html))
    return html
