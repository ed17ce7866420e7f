"""Self-assessments: reading response files, scoring one response, pooling a group's answers.

A response file is small JSON that a person can read:
    {"format": "hls-response/1", "instrument": "learning-trust", "version": 1,
     "date": "2026-11-30", "name": "optional alias", "answers": {"item-id": 4, "other-item": "dk"}}
"dk" means "don't know"; it is counted, never scored. Scores are for learning together, not ranking:
team views need a minimum group size and never show names.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from .content import Content
from .schema import Instrument

from .pooling_rules import message, rank_key, rules
from .responses import (DONT_KNOW, FORMAT, Loaded, MixedInstruments, Response, ResponseError,  # noqa: F401
                        check_raw, load_responses, parse_response)


class GroupTooSmall(ValueError):
    """Fewer responses than the minimum group size: a team view could identify people."""


ITEM_COLUMNS = ["item", "dimension", "answer", "scored", "dont_know", "reverse"]


def _item_rows(response: Response, inst: Instrument, top: int) -> list[tuple]:
    rows = []
    for it in inst.items:
        v = response.answers.get(it.id)
        num = v if isinstance(v, int) else None
        scored = (top + 1 - num if it.reverse else num) if num is not None else None
        rows.append((it.id, it.dimension, num, scored, v == DONT_KNOW, it.reverse))
    return rows


def item_values(response: Response, inst: Instrument) -> pd.DataFrame:
    """One row per item: raw answer, scored value (reverse items flipped), don't-know flag."""
    return pd.DataFrame(_item_rows(response, inst, len(inst.scale)), columns=ITEM_COLUMNS)


PROFILE_COLUMNS = ["dimension", "name", "score", "spread", "answered", "dont_know", "items"]


def score(response: Response, inst: Instrument) -> pd.DataFrame:
    """Per dimension: mean scored value, spread (highest minus lowest item), answered and don't-know counts."""
    values = item_values(response, inst)
    rows = []
    for d in inst.dimensions:
        part = values[values.dimension == d.id]
        got = part.scored.dropna()
        rows.append({"dimension": d.id, "name": d.name,
                     "score": float(got.mean()) if len(got) else None,
                     "spread": float(got.max() - got.min()) if len(got) else None,
                     "answered": int(len(got)), "dont_know": int(part.dont_know.sum()), "items": int(len(part))})
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


@dataclass(frozen=True)
class TeamView:
    instrument: str
    respondents: int
    distribution: pd.DataFrame     # item, dimension, text, answer (label), count
    dimensions: pd.DataFrame       # dimension, name, mean, sd, low, high, respondents, dont_know
    differences: pd.DataFrame      # items ranked by disagreement: item, text, sd, spread, answered
    min_group: int = 3             # below the rule file's minimum only when the group asked for it


def pool(responses: list[Response], inst: Instrument, min_group: int | None = None,
         allow_small_group: bool = False) -> TeamView:
    """Pool a group's responses. Refused below ``min_group``; names never reach the output.

    A minimum below the rule file's (3) is itself refused unless ``allow_small_group``: with one
    or two people, anyone who knows who took part can read a person's answers from the report."""
    floor = rules()["min_group"]
    min_group = floor if min_group is None else min_group
    if min_group < floor and not allow_small_group:
        raise GroupTooSmall(message("below_floor", floor=floor, override=rules()["min_group_override"]))
    if len(responses) < max(min_group, 1):
        raise GroupTooSmall(message("too_small", n=len(responses), instrument=inst.id, min=max(min_group, 1)))
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


def blank_response(inst: Instrument) -> dict:
    """A response file with every item present and unanswered, for people filling it in by hand."""
    return {"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": "", "name": "",
            "answers": {it.id: None for it in inst.items},
            "_how_to_answer": {"scale": {str(p.value): p.label for p in inst.scale}, DONT_KNOW: inst.dont_know,
                               "items": {it.id: it.text for it in inst.items}}}


def response_json(inst: Instrument, answers: dict[str, int | str], date: str = "", name: str = "") -> str:
    return json.dumps({"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": date,
                       "name": name, "answers": answers}, indent=1, ensure_ascii=False)
