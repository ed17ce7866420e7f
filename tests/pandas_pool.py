"""The pandas pooling that hlskit used until December 2026, kept as it was (the group-size checks
aside), with the report's parts found from its DataFrames as the report model found them then: the
reference that the plain-Python pooling (hlskit/pooling.py) and the report built on it are tested
against, in test_pooling.py. The report's wording is the package's own (reports.words_and_figures)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hlskit.assessments import ITEM_COLUMNS, _item_rows
from hlskit.pooling_rules import rank_key
from hlskit.reports import SHOWN_DIFFERENCES, words_and_figures
from hlskit.responses import Response
from hlskit.schema import Instrument


@dataclass(frozen=True)
class TeamView:
    instrument: str
    respondents: int
    distribution: pd.DataFrame     # item, dimension, text, answer (label), count
    dimensions: pd.DataFrame       # dimension, name, mean, sd, low, high, respondents, dont_know
    differences: pd.DataFrame      # items ranked by disagreement: item, text, sd, spread, answered
    min_group: int = 3             # below the rule file's minimum only when the group asked for it


def pool(responses: list[Response], inst: Instrument, min_group: int = 3) -> TeamView:
    """The old pooling, without the group-size checks (pooling.pool makes them first)."""
    top = len(inst.scale)
    rows = [(*row, n) for n, r in enumerate(responses) for row in _item_rows(r, inst, top)]
    allv = pd.DataFrame(rows, columns=[*ITEM_COLUMNS, "person"])   # one frame, built once
    labels = {p.value: p.label for p in inst.scale}
    text = {it.id: it.text for it in inst.items}
    answered = allv.dropna(subset=["answer"]).assign(answer_label=lambda d: d.answer.astype(int).map(labels))
    dist = (answered.groupby(["item", "dimension", "answer", "answer_label"]).size().rename("count").reset_index())
    dk = allv[allv.dont_know].groupby(["item", "dimension"]).size().rename("count").reset_index()
    dk = dk.assign(answer=0, answer_label=inst.dont_know)
    dist = pd.concat([dist, dk], ignore_index=True).assign(text=lambda d: d["item"].map(text))
    dims = []
    person_dim = allv.dropna(subset=["scored"]).groupby(["dimension", "person"]).scored.mean().reset_index()
    for d in inst.dimensions:
        scores = person_dim[person_dim.dimension == d.id].scored
        dims.append({"dimension": d.id, "name": d.name, "mean": scores.mean() if len(scores) else None,
                     "sd": scores.std(ddof=0) if len(scores) else None,
                     "low": scores.min() if len(scores) else None, "high": scores.max() if len(scores) else None,
                     "respondents": int(len(scores)),
                     "dont_know": int(allv[(allv.dimension == d.id) & allv.dont_know].shape[0])})
    by_item = answered.groupby("item").scored.agg(sd=lambda s: s.std(ddof=0), low="min", high="max", answered="count")
    diffs = (by_item.assign(spread=lambda d: d.high - d.low, text=lambda d: d.index.map(text),
                            rank=lambda d: d.sd.map(rank_key))
             .reset_index().sort_values(["rank", "spread"], ascending=False, kind="stable")
             [["item", "text", "sd", "spread", "answered"]].reset_index(drop=True))
    return TeamView(inst.id, len(responses), dist, pd.DataFrame(dims), diffs, min_group)


def reflections(profile: pd.DataFrame, inst: Instrument, spread_col: str = "spread", how_many: int = 2) -> pd.DataFrame:
    """Prompts for the lowest-scoring and the most divided dimensions (works on a profile or a team view).

    ``why`` is "lowest" (the lowest score, and any tied with it), "next lowest", "most divided", or
    "lowest and most divided"; ties keep the instrument's order, as on the Team results page."""
    dims = {d.id: d for d in inst.dimensions}
    value = "score" if "score" in profile else "mean"
    scored = profile.dropna(subset=[value]).assign(rank_=lambda d: d[value].map(rank_key),
                                                   spread_=lambda d: d[spread_col].map(rank_key))
    low = scored.sort_values("rank_", kind="stable").head(how_many)
    divided = scored.dropna(subset=["spread_"]).sort_values("spread_", ascending=False, kind="stable").head(how_many)
    divided_ids = set(divided[divided.spread_ > 0].dimension)
    bottom = low.rank_.min() if len(low) else None

    def row(r, why):
        d = dims[r.dimension]
        return {"why": why, "dimension": r.dimension, "name": d.name, "prompt": d.prompt, "chapter": d.chapter or ""}

    rows = [row(r, ("lowest" if r.rank_ == bottom else "next lowest")
                + (" and most divided" if r.dimension in divided_ids else "")) for r in low.itertuples()]
    rows += [row(r, "most divided") for r in divided.itertuples()
             if r.dimension in divided_ids and r.dimension not in set(low.dimension)]
    return pd.DataFrame(rows, columns=["why", "dimension", "name", "prompt", "chapter"])


def report_model(team: TeamView, inst: Instrument, problems: list = (), given: int = 0) -> dict:
    """The report's parts as the pandas version found them; the wording is then the package's own."""
    dims = {r["dimension"]: r for r in team.dimensions.to_dict("records")}
    diffs = [r for r in team.differences.head(SHOWN_DIFFERENCES).to_dict("records") if r["spread"] > 0]
    spread = team.dimensions.assign(spread=team.dimensions.high - team.dimensions.low)
    dist = team.distribution.sort_values(["item", "answer"])
    return words_and_figures(team, inst, problems, given, dims, diffs, reflections(spread, inst).to_dict("records"),
                             dist.to_dict("records"))
