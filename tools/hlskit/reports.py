"""The facilitator's printable team report: pooled answers, charts as inline SVG so it opens offline."""
from __future__ import annotations

import vl_convert as vlc

from . import assessment_charts as AC
from .assessments import TeamView, reflections
from .html import render
from .schema import Instrument


def _fmt(v) -> str:
    return "" if v is None or v != v else f"{v:.1f}"


def team_report_html(team: TeamView, inst: Instrument, problems: list[str] = ()) -> str:
    dims_chart = AC.team_dimensions_chart(team.dimensions, inst)
    items_chart = AC.team_heatmap(team.distribution, inst)
    dims = [{**r, "mean": _fmt(r["mean"]), "low": _fmt(r["low"]), "high": _fmt(r["high"])}
            for r in team.dimensions.to_dict("records")]
    diffs = [{**r, "spread": _fmt(r["spread"])} for r in team.differences.head(5).to_dict("records") if r["spread"] > 0]
    spread = team.dimensions.assign(spread=team.dimensions.high - team.dimensions.low)
    return render("team_report.html", inst=inst, team=team, dims=dims, differences=diffs,
                  reflections=reflections(spread, inst).to_dict("records"), problems=list(problems),
                  svg_dims=vlc.vegalite_to_svg(dims_chart.to_dict()), desc_dims=dims_chart.description,
                  svg_items=vlc.vegalite_to_svg(items_chart.to_dict()), desc_items=items_chart.description)
