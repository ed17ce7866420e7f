"""Altair specs for the self-assessments: one person's profile and before/after (team charts: team_charts.py)."""
from __future__ import annotations

import altair as alt
import pandas as pd

from . import chart_html  # noqa: F401  (makes every chart's HTML safe for user text)
from .chart_style import readable
from .charts import wrapped_labels
from .schema import Instrument

PHONE_PLOT_WIDTH = 170   # the page's profile fits a 390 px phone at full size

NOT_ANSWERED, DONT_KNOW_VALUE = 0, -1


def _score_axis(inst: Instrument) -> alt.Scale:
    return alt.Scale(domain=[1, len(inst.scale)])


def profile_chart(profile: pd.DataFrame, inst: Instrument, title: str = "Your profile") -> alt.LayerChart:
    """Bars of each dimension's score, with the number written on each bar."""
    order = [d.name for d in inst.dimensions]
    data = profile.assign(label=profile.score.map(lambda s: "not answered" if pd.isna(s) else f"{s:.1f}"),
                          score_or_min=profile.score.fillna(1))
    base = alt.Chart(data).encode(y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)))
    bars = base.mark_bar(color="#35618f").encode(
        x=alt.X("score_or_min:Q", scale=_score_axis(inst), title=f"Score (1 = {inst.scale[0].label}, "
                f"{len(inst.scale)} = {inst.scale[-1].label})"), x2=alt.datum(1),   # bars start at the scale's 1
        tooltip=[alt.Tooltip("name:N", title="Dimension"), alt.Tooltip("label:N", title="Score"),
                 alt.Tooltip("answered:Q", title="Items answered"), alt.Tooltip("dont_know:Q", title="Don't know")])
    text = base.mark_text(align="left", dx=4).encode(x="score_or_min:Q", text="label:N")
    return readable(alt.layer(bars, text).properties(width=380, height=alt.Step(24), title=title,
                                            description=f"{title}: one bar per dimension of '{inst.title}', its "
                                                        "length the average answer; the value is written on each bar."))


def before_after_chart(first: pd.DataFrame, second: pd.DataFrame, inst: Instrument,
                       labels: tuple[str, str]) -> alt.LayerChart:
    """Two profiles side by side: a dot for each date joined by a line, labelled in the legend and tooltip."""
    data = pd.concat([first.assign(when=labels[0]), second.assign(when=labels[1])]).dropna(subset=["score"])
    order = [d.name for d in inst.dimensions]
    base = alt.Chart(data).encode(y=alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=260)))
    line = base.mark_line(color="#999").encode(x=alt.X("score:Q", scale=_score_axis(inst), title="Score"),
                                               detail="name:N")
    dots = base.mark_point(filled=True, size=90).encode(
        x="score:Q", shape=alt.Shape("when:N", title="Date", sort=list(labels)),
        color=alt.Color("when:N", sort=list(labels), title="Date"),
        tooltip=["name:N", "when:N", alt.Tooltip("score:Q", format=".1f")])
    return readable(alt.layer(line, dots).properties(width=380, height=alt.Step(24), title="Before and after",
                                            description="Each dimension's score at two dates: shape and colour both "
                                                        "mark the date."))


def static_questionnaire(inst: Instrument, element_prefix: str) -> alt.LayerChart:
    """The kernel-free questionnaire: one radio group per item (placed in the page's own containers,
    ``#<prefix>-<item>``), and a profile chart that updates in the browser as answers change."""
    top = len(inst.scale)
    options = [NOT_ANSWERED, DONT_KNOW_VALUE] + [p.value for p in inst.scale]
    labels = ["Not answered", inst.dont_know] + [p.label for p in inst.scale]
    params = [alt.param(name=f"a{i}", value=NOT_ANSWERED, bind=alt.binding_radio(
        options=options, labels=labels, name=" ", element=f"#{element_prefix}-{it.id}"))
        for i, it in enumerate(inst.items)]
    rows = [{"i": i, "dimension": it.dimension, "reverse": it.reverse,
             "name": next(d.name for d in inst.dimensions if d.id == it.dimension)} for i, it in enumerate(inst.items)]
    pick = " ".join(f"datum.i == {i} ? a{i} :" for i in range(len(inst.items))) + " 0"
    base = alt.Chart(pd.DataFrame(rows)).transform_calculate(value=pick).transform_calculate(
        scored=f"datum.value > 0 ? (datum.reverse ? {top + 1} - datum.value : datum.value) : null",
        dk="datum.value == -1 ? 1 : 0",
    ).transform_aggregate(score="mean(scored)", answered="valid(scored)", dont_know="sum(dk)", groupby=["name"]
    ).transform_calculate(
        shown=f"datum.answered > 0 ? datum.score : 1",
        label="datum.answered > 0 ? format(datum.score, '.1f') : 'not answered yet'")
    order = [d.name for d in inst.dimensions]
    # narrow enough for a phone at full size: long dimension names wrap, the axis title takes two lines
    y = alt.Y("name:N", sort=order, title=None, axis=alt.Axis(labelLimit=0, labelExpr=wrapped_labels(order, 22)))
    bars = base.mark_bar(color="#35618f").encode(
        y=y, x=alt.X("shown:Q", scale=_score_axis(inst),
                     title=["Score", f"1 = {inst.scale[0].label}", f"{top} = {inst.scale[-1].label}"]),
        x2=alt.datum(1),
        opacity=alt.condition("datum.answered > 0", alt.value(1), alt.value(0)),
        tooltip=[alt.Tooltip("name:N", title="Dimension"), alt.Tooltip("label:N", title="Score"),
                 alt.Tooltip("answered:Q", title="Items answered"), alt.Tooltip("dont_know:Q", title="Don't know")])
    text = base.mark_text(align="left", dx=4).encode(y=y, x="shown:Q", text="label:N")
    return readable(alt.layer(bars, text).add_params(*params).properties(
        width=PHONE_PLOT_WIDTH, height=alt.Step(34), title="Your profile",
        description=f"Your profile on '{inst.title}': one bar per dimension, updated as you answer the questions "
                    "above; the score is written beside each bar."))
