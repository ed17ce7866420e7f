"""Altair specs for the tools' static renderings. Pure: data in, chart out; no display here.

Static pages have no kernel, so every interaction is an Altair parameter bound to an HTML control,
and the data for every choice is in the chart already; filters pick what to show.
"""
from __future__ import annotations

import json
import textwrap

import altair as alt
import pandas as pd

from . import chart_html  # noqa: F401  (makes every chart's HTML safe for user text)
from .chart_style import readable
from .content import Content
from . import questions as Q

LINE = 18          # px per text line
WRAP = 54          # characters per line in a question panel
PANEL_WIDTH = 320


def wrap_lines(text: str, width: int = WRAP, bullet: str = "") -> list[str]:
    lines = textwrap.wrap(text, width - len(bullet), break_on_hyphens=False) or [""]
    pad = " " * len(bullet)
    return [(bullet if i == 0 else pad) + ln for i, ln in enumerate(lines)]


def explorer_lines(content: Content) -> pd.DataFrame:
    """Every scale × stage cell of the explorer, laid out as text lines.

    Columns: scale, below (the scale this panel sits above, or ""), stage, line, text, style
    (title | heading | leadin | question | note: the source of the questions just above it).
    """
    rows = []
    scale_ids = [s.id for s in content.scales]
    frame = Q.questions_frame(content)
    for i, sc in enumerate(content.scales):
        below = scale_ids[i - 1] if i > 0 else ""
        for st in content.stages:
            out: list[tuple[str, str]] = [(sc.name, "title")]
            learning = Q.questions_for(content, sc.id, st.id, frame)
            out.append((f"Learning questions: {st.name}", "heading"))
            lead = None
            for q, note in _with_notes(learning):
                if q.lead_in and q.lead_in != lead:
                    out += [(ln, "leadin") for ln in wrap_lines(q.lead_in)]
                    lead = q.lead_in
                out += [(ln, "question") for ln in wrap_lines(q.text, bullet="• ")] + note
            if learning.empty:
                out.append(("(no questions in the source for this cell)", "leadin"))
            stewarding = Q.stewarding_questions(content, sc.id, frame)
            for role in ("managing", "governing"):
                part = stewarding[stewarding.role == role]
                if not part.empty:
                    out.append(("", "question"))
                    out.append((f"{role.capitalize()} the cycle (every stage)", "heading"))
                    for q, note in _with_notes(part):
                        out += [(ln, "question") for ln in wrap_lines(q.text, bullet="• ")] + note
            rows += [{"scale": sc.id, "below": below, "stage": st.id, "line": n, "text": t, "style": s}
                     for n, (t, s) in enumerate(out)]
    return pd.DataFrame(rows, columns=["scale", "below", "stage", "line", "text", "style"])


def _with_notes(questions: pd.DataFrame):
    """Each question with the lines of its source note: shown once, under the last of a run of
    questions that share it (so a trainer's own question shows its own source)."""
    qs = list(questions.itertuples())
    for n, q in enumerate(qs):
        last = n + 1 == len(qs) or qs[n + 1].source != q.source
        yield q, [(ln, "note") for ln in wrap_lines(f"Source: {q.source}", WRAP + 6)] if last else []


def _text_panel(data: pd.DataFrame, keep, lines: int) -> alt.LayerChart:
    """A column of text lines, LINE px apart. The panel itself is one line high: the chart grows to
    fit the lines it shows (autosize "pad"), so a short answer leaves no blank space under it."""
    base = alt.Chart(data).transform_filter(keep).transform_calculate(
        py=f"datum.line * {LINE} + {LINE / 2}").encode(
        x=alt.value(0), y=alt.Y("py:Q", axis=None, scale=None), text="text:N")
    styles = {"title": dict(fontSize=15, fontWeight="bold"), "heading": dict(fontSize=13, fontWeight="bold"),
              "leadin": dict(fontSize=13, fontStyle="italic"), "question": dict(fontSize=13),
              "note": dict(fontSize=12, color="#555")}
    layers = [base.transform_filter(alt.datum.style == style).mark_text(align="left", baseline="middle", **kw)
              for style, kw in styles.items()]
    return alt.layer(*layers).properties(width=PANEL_WIDTH, height=LINE)


def question_explorer(content: Content, scale: str = "person", stage: str = "purpose") -> alt.VConcatChart:
    """Pick a scale and a stage (and optionally show the scale above, under them) and read the questions.

    One phone-wide column, so the text is never shrunk."""
    content.scale(scale), content.stage(stage)
    data = explorer_lines(content)
    pick_scale = alt.param(name="scale", value=scale, bind=alt.binding_select(
        options=[s.id for s in content.scales], labels=[s.name for s in content.scales], name="System scale: "))
    pick_stage = alt.param(name="stage", value=stage, bind=alt.binding_select(
        options=[s.id for s in content.stages], labels=[s.name for s in content.stages], name="Learning Cycle stage: "))
    show_above = alt.param(name="above", value=False, bind=alt.binding_checkbox(
        name="Also show the scale above, which creates the conditions for this one "))
    lines = int(data.line.max()) + 1
    chosen = _text_panel(data, (alt.datum.scale == pick_scale) & (alt.datum.stage == pick_stage), lines)
    above = _text_panel(data, (alt.datum.below == pick_scale) & (alt.datum.stage == pick_stage) & show_above,
                        lines)
    chart = alt.vconcat(chosen, above, spacing=24).add_params(pick_scale, pick_stage, show_above)
    return readable(chart).configure_view(stroke=None).properties(
        description=("Scale question explorer: the questions from the sources for the chosen system scale "
                     "and Learning Cycle stage, with the questions for managing and governing the cycle. "
                     "The full table is also given as text below."))


ANY = "any"


def wrapped_labels(names: list[str], width: int) -> str:
    """A Vega expression that writes each of ``names`` as an axis label on lines of ``width`` characters."""
    table = {n: textwrap.wrap(n, width) for n in names}
    return f"{json.dumps(table)}[datum.label] || datum.label"


def explorer_menus(content: Content) -> dict[str, list[tuple[str, str, list[tuple[str, str]]]]]:
    """Each explorer's menus as (parameter, label, [(value, name)]), keyed by the page function that
    shows it: the one list both the charts and the preset check read, so a preset can be checked
    against exactly the options a reader is offered."""
    from . import cases as C
    names = C.labels(content)
    data = C.long_form(content)
    used = lambda col: [(i, names[i]) for i in sorted(set(data[col]), key=lambda i: names[i])]  # noqa: E731
    stages = [(s.id, s.name) for s in content.stages]
    scales = [(s.id, s.name) for s in content.scales]
    return {"show_case_explorer": [("organisation_type", "Organisation type: ", used("organisation_type")),
                                   ("scale", "System scale: ", scales), ("sector", "Sector: ", used("sector")),
                                   ("theme", "Theme: ", used("theme")), ("stage", "Learning Cycle stage: ", stages)],
            "show_methods": [("stage", "Learning Cycle stage: ", stages), ("scale", "System scale: ", scales)]}


def preset_problem(label: str, value: str, pairs: list[tuple[str, str]]) -> str | None:
    """Why a preset cannot be shown (it is not one of the menu's options), or None if it can."""
    if value == ANY or value in {i for i, _ in pairs}:
        return None
    menu = label.strip().rstrip(":")
    return (f"the preset {menu} '{value}' is not one of the {menu} menu's options "
            f"({', '.join(i for i, _ in pairs) or 'none'}); a reader would see an empty picture")


def _checked(tool: str, label: str, value: str, pairs: list[tuple[str, str]]) -> None:
    problem = preset_problem(label, value, pairs)
    if problem:
        raise ValueError(f"The {tool} cannot be drawn: {problem}.")


def _select(name: str, label: str, pairs: list[tuple[str, str]], value: str = ANY) -> alt.Parameter:
    _checked("explorer", label, value, pairs)
    return alt.param(name=name, value=value, bind=alt.binding_select(
        options=[ANY] + [i for i, _ in pairs], labels=["Any"] + [lab for _, lab in pairs], name=label))


CASE_FILTERS = "hls-case-filters"   # id of the block above the explorer that holds its menus
LIST_WIDTH = 620


def case_explorer(content: Content, link_prefix: str = "../cases/", scale: str = ANY, sector: str = ANY,
                  theme: str = ANY, stage: str = ANY, organisation_type: str = ANY,
                  filters_element: str | None = None) -> alt.VConcatChart:
    """Filter the case library by scale, sector, theme, stage and organisation type: the matching
    cases as links to their pages (with their organisation type and place), then a scale × sector
    overview. ``filters_element`` is the id of a block above the chart where the menus go."""
    from . import cases as C
    names = C.labels(content)
    data = C.long_form(content).assign(
        scale_name=lambda d: d.scale.map(names), sector_name=lambda d: d.sector.map(names),
        org_name=lambda d: d.organisation_type.map(names), href=lambda d: link_prefix + d.id + ".html")
    data["about"] = data.org_name + data.place.map(lambda p: f" · {p}" if p else "")
    where = {"element": f"#{filters_element}"} if filters_element else {}

    def select(name, label, pairs, value):
        _checked("case explorer", label, value, pairs)
        return alt.param(name=name, value=value, bind=alt.binding_select(
            options=[ANY] + [i for i, _ in pairs], labels=["Any"] + [lab for _, lab in pairs], name=label, **where))

    presets = {"organisation_type": organisation_type, "scale": scale, "sector": sector, "theme": theme,
               "stage": stage}
    params = [select(name, label, pairs, presets[name])
              for name, label, pairs in explorer_menus(content)["show_case_explorer"]]
    keep = " && ".join(f"({p.name} == '{ANY}' || datum.{p.name} == {p.name})" for p in params)
    base = alt.Chart(data).transform_filter(keep)

    total = base.transform_aggregate(n="distinct(id)").transform_calculate(
        label="datum.n == 1 ? '1 matching case' : datum.n + ' matching cases'",
    ).mark_text(align="left", baseline="top", fontSize=16, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="label:N").properties(width=LIST_WIDTH, height=22)

    rows = base.transform_aggregate(groupby=["id", "name", "href", "about"]).transform_window(
        row="row_number()", sort=[alt.SortField("name")])
    y = alt.Y("row:O", axis=None)
    # The one chart mark a reader can reach by keyboard: each name is a link, read out as its case's name.
    case_names = rows.mark_text(align="left", baseline="bottom", dy=-1, fontSize=14, color="#0b5394",
                                cursor="pointer", limit=LIST_WIDTH, aria=True).encode(
        x=alt.value(0), y=y, text="name:N", href="href:N", description="name:N",
        tooltip=[alt.Tooltip("name:N", title="Open the case page")])
    about = rows.mark_text(align="left", baseline="top", dy=2, fontSize=12, color="#3d4a57",
                           limit=LIST_WIDTH).encode(x=alt.value(0), y=y, text="about:N")
    listing = alt.layer(case_names, about).properties(
        width=LIST_WIDTH, height=alt.Step(42), title=alt.Title(
            "Matching cases (select a name to open its page)", anchor="start"))

    scales = [s.name for s in content.scales]
    # one colour scale for every filter, so a shade always means the same count and the numbers on
    # dark cells (white) and light cells (black) keep their contrast
    most = int(data.groupby(["scale", "sector"]).id.nunique().max())
    overview = base.transform_aggregate(
        cases="distinct(id)", groupby=["scale", "scale_name", "sector_name"],
    ).mark_rect(stroke="white", aria=False).encode(   # the same facts are in the table below the chart
        x=alt.X("scale_name:N", title=None, scale=alt.Scale(domain=scales),
                axis=alt.Axis(labelAngle=0, labelLimit=0, labelExpr=wrapped_labels(scales, 14))),
        # labels on the right, so that long sector names do not push the list above them sideways
        y=alt.Y("sector_name:N", title=None, axis=alt.Axis(labelLimit=0, orient="right")),
        color=alt.Color("cases:Q", title="Cases", scale=alt.Scale(scheme="blues", domain=[0, most]),
                        legend=alt.Legend(format="d", tickMinStep=1, orient="bottom", direction="horizontal",
                                          gradientLength=200)),
        tooltip=[alt.Tooltip("sector_name:N", title="Sector"), alt.Tooltip("scale_name:N", title="Scale"),
                 alt.Tooltip("cases:Q", title="Number of cases")],
    )
    counts = base.transform_aggregate(
        cases="distinct(id)", groupby=["scale_name", "sector_name"],
    ).mark_text(fontSize=13, fontWeight="bold").encode(
        x=alt.X("scale_name:N", scale=alt.Scale(domain=scales)), y="sector_name:N", text="cases:Q",
        color=alt.condition(f"datum.cases > {most * 0.45}", alt.value("white"), alt.value("black")))
    grid = alt.layer(overview, counts).properties(
        width=alt.Step(95), height=alt.Step(24),   # with the sector names, fits the desktop column (688 px)
        title=alt.Title("How the matching cases spread over system scales and sectors", anchor="start",
                        frame="group", offset=8))

    return readable(alt.vconcat(total, listing, grid, spacing=24)
                    .add_params(*params)
                    .configure_view(stroke=None)
                    .properties(description=("Case-study explorer: filter the cases by organisation type, system "
                                             "scale, sector, theme and Learning Cycle stage. The matching cases are "
                                             "listed with links to their pages; a grid counts them by scale and "
                                             "sector. A full table of cases follows as text.")))


def methods_explorer(content: Content, stage: str = ANY, scale: str = ANY) -> alt.VConcatChart:
    """Filter the methods catalogue by stage and scale; each method shows with what it is for."""
    from .methods import methods_frame
    df = methods_frame(content)
    rows = []
    for m in df.itertuples():
        lines = wrap_lines(m.purpose, 80)
        for st in m.stages:
            for sc in m.scales:
                rows += [{"id": m.id, "name": m.name, "level": m.level_name, "stage": st, "scale": sc,
                          "line": i, "text": ln} for i, ln in enumerate(lines)]
    data = pd.DataFrame(rows)
    p_stage = _select("stage", "Learning Cycle stage: ", [(s.id, s.name) for s in content.stages], stage)
    p_scale = _select("scale", "System scale: ", [(s.id, s.name) for s in content.scales], scale)
    keep = f"(stage == '{ANY}' || datum.stage == stage) && (scale == '{ANY}' || datum.scale == scale)"
    # every method gets the same number of rows (its name, then its wrapped purpose), so the
    # matching methods can be stacked by rank alone
    slot = int(data.line.max()) + 3
    ordered = alt.Chart(data).transform_filter(keep).transform_aggregate(
        groupby=["id", "name", "level", "line", "text"]).transform_window(
        rank="dense_rank()", sort=[alt.SortField("name")]).transform_calculate(
        y=f"(datum.rank - 1) * {slot} + datum.line + 1", head_y=f"(datum.rank - 1) * {slot}",
        head="datum.name + ' (' + datum.level + ')'")
    scale = alt.Scale(reverse=True, domain=[-0.5, len(df) * slot])
    names = ordered.transform_filter("datum.line == 0").mark_text(
        align="left", baseline="middle", fontWeight="bold", fontSize=13).encode(
        x=alt.value(0), y=alt.Y("head_y:Q", axis=None, scale=scale), text="head:N")
    texts = ordered.mark_text(align="left", baseline="middle", fontSize=12).encode(
        x=alt.value(12), y=alt.Y("y:Q", axis=None, scale=scale), text="text:N")
    listing = alt.layer(names, texts).properties(width=620, height=len(df) * slot * 17)
    total = alt.Chart(data).transform_filter(keep).transform_aggregate(n="distinct(id)").transform_calculate(
        label="datum.n == 1 ? '1 method matches' : datum.n + ' methods match'").mark_text(align="left", fontSize=14, fontWeight="bold").encode(
        x=alt.value(0), y=alt.value(0), text="label:N").properties(width=620, height=20)
    return (readable(alt.vconcat(total, listing).add_params(p_stage, p_scale)).configure_view(stroke=None)
            .properties(description="Methods and tools catalogue, filtered by Learning Cycle stage and system "
                                    "scale. The full catalogue follows as a table."))


def portfolio_timeline(frame: pd.DataFrame, content: Content) -> alt.Chart:
    """Experiments in a portfolio as bars over time, one row per experiment, grouped by scale.

    The stage is written on each bar as well as coloured, so colour never carries it alone.
    """
    stages = [s.name for s in content.stages]
    scales = [s.name for s in content.scales]
    base = alt.Chart(frame).encode(
        y=alt.Y("title:N", title=None, sort=alt.EncodingSortField("start")),
        x=alt.X("start:T", title="Dates"), x2="end:T")
    bars = base.mark_bar(height=16).encode(
        color=alt.Color("stage:N", scale=alt.Scale(domain=stages), title="Learning Cycle stage"),
        tooltip=[alt.Tooltip("title:N", title="Experiment"), alt.Tooltip("scale:N", title="Scale"),
                 alt.Tooltip("stage:N", title="Stage"), alt.Tooltip("start:T", title="Starts"),
                 alt.Tooltip("end:T", title="Ends"), alt.Tooltip("question:N", title="Question")])
    words = base.mark_text(align="left", dx=4, fontSize=12, color="white").encode(text="stage:N")
    return readable(alt.layer(bars, words).properties(width=560, height=alt.Step(26)).facet(
        row=alt.Row("scale:N", sort=scales, title=None, header=alt.Header(labelAngle=0, labelAlign="left")),
    ).resolve_scale(y="independent").properties(
        title="Experiment portfolio by scale and stage",
        description="Timeline of the experiments in the portfolio: one bar per experiment from its start to its "
                    "end date, grouped by system scale, labelled with its Learning Cycle stage."))
