"""Pooling a group's answers, in plain Python: counts per answer, a score per dimension, items ranked
by disagreement, and the dimensions to talk about.

No pandas here, so that ``hlskit pool`` starts in a fraction of a second; the same figures come as
DataFrames from ``TeamView``'s properties for notebooks. Sums run in the order given, one addition
at a time, as the Team results page's script adds them, so both engines get the same floats.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from .pooling_rules import message, rank_key, rules
from .responses import DONT_KNOW, Response
from .schema import Instrument

DISTRIBUTION_COLUMNS = ["item", "dimension", "answer", "answer_label", "count", "text"]
DIMENSION_COLUMNS = ["dimension", "name", "mean", "sd", "low", "high", "respondents", "dont_know"]
DIFFERENCE_COLUMNS = ["item", "text", "sd", "spread", "answered"]
REFLECTION_COLUMNS = ["why", "dimension", "name", "prompt", "chapter"]


class GroupTooSmall(ValueError):
    """Fewer responses than the minimum group size: a team view could identify people."""


def _mean(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def _sd(xs: list[float]) -> float:
    """Population standard deviation (ddof 0): how far answers spread around their mean."""
    m, total = _mean(xs), 0.0
    for x in xs:
        total += (x - m) * (x - m)
    return math.sqrt(total / len(xs))


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd   # only for callers who ask for a DataFrame; the command line never does
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True)
class TeamView:
    """A group's pooled answers as plain rows; the DataFrame properties hold the same rows and columns."""

    instrument: str
    respondents: int
    distribution_rows: list[dict]   # item, dimension, answer (0 = don't know), answer_label, count, text
    dimension_rows: list[dict]      # dimension, name, mean, sd, low, high, respondents, dont_know
    difference_rows: list[dict]     # items ranked by disagreement: item, text, sd, spread, answered
    min_group: int = 3              # below the rule file's minimum only when the group asked for it

    @cached_property
    def distribution(self):
        return _frame(self.distribution_rows, DISTRIBUTION_COLUMNS)

    @cached_property
    def dimensions(self):
        return _frame(self.dimension_rows, DIMENSION_COLUMNS)

    @cached_property
    def differences(self):
        return _frame(self.difference_rows, DIFFERENCE_COLUMNS)


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
    labels = {p.value: p.label for p in inst.scale}
    text = {it.id: it.text for it in inst.items}
    answers, dont_know = Counter(), Counter()
    by_item: dict[str, list[int]] = {}                      # scored values, reverse items flipped
    by_person = [{} for _ in responses]                     # dimension -> that person's scored values
    for n, r in enumerate(responses):
        for it in inst.items:
            v = r.answers.get(it.id)
            if v == DONT_KNOW:
                dont_know[(it.id, it.dimension)] += 1
            elif isinstance(v, int):
                answers[(it.id, it.dimension, v)] += 1
                scored = top + 1 - v if it.reverse else v
                by_item.setdefault(it.id, []).append(scored)
                by_person[n].setdefault(it.dimension, []).append(scored)
    dist = [{"item": i, "dimension": d, "answer": v, "answer_label": labels[v], "count": c, "text": text[i]}
            for (i, d, v), c in sorted(answers.items())]
    dist += [{"item": i, "dimension": d, "answer": 0, "answer_label": inst.dont_know, "count": c, "text": text[i]}
             for (i, d), c in sorted(dont_know.items())]
    dims = []
    for d in inst.dimensions:
        scores = [_mean(p[d.id]) for p in by_person if d.id in p]
        dk = sum(c for (_, dim), c in dont_know.items() if dim == d.id)
        dims.append({"dimension": d.id, "name": d.name, "mean": _mean(scores) if scores else None,
                     "sd": _sd(scores) if scores else None, "low": min(scores) if scores else None,
                     "high": max(scores) if scores else None, "respondents": len(scores), "dont_know": dk})
    diffs = [{"item": i, "text": text[i], "sd": _sd(v), "spread": max(v) - min(v), "answered": len(v)}
             for i, v in sorted(by_item.items())]
    diffs.sort(key=lambda r: (rank_key(r["sd"]), r["spread"]), reverse=True)   # stable: ties stay in id order
    return TeamView(inst.id, len(responses), dist, dims, diffs, min_group)


def _missing(v) -> bool:
    return v is None or v != v


def reflection_rows(profile: list[dict], inst: Instrument, spread_col: str = "spread",
                    how_many: int = 2) -> list[dict]:
    """Prompts for the lowest-scoring and the most divided dimensions (rows of a profile or a team view).

    ``why`` is "lowest" (the lowest score, and any tied with it), "next lowest", "most divided", or
    "lowest and most divided"; ties keep the instrument's order, as on the Team results page."""
    dims = {d.id: d for d in inst.dimensions}
    value = "score" if profile and "score" in profile[0] else "mean"
    scored = [{**r, "rank_": rank_key(r[value]), "spread_": rank_key(None if _missing(r[spread_col]) else r[spread_col])}
              for r in profile if not _missing(r[value])]
    low = sorted(scored, key=lambda r: r["rank_"])[:how_many]
    divided = sorted((r for r in scored if not _missing(r["spread_"])), key=lambda r: r["spread_"],
                     reverse=True)[:how_many]
    divided_ids = {r["dimension"] for r in divided if r["spread_"] > 0}
    bottom = min(r["rank_"] for r in low) if low else None
    low_ids = {r["dimension"] for r in low}

    def row(r, why):
        d = dims[r["dimension"]]
        return {"why": why, "dimension": r["dimension"], "name": d.name, "prompt": d.prompt, "chapter": d.chapter or ""}

    rows = [row(r, ("lowest" if r["rank_"] == bottom else "next lowest")
                + (" and most divided" if r["dimension"] in divided_ids else "")) for r in low]
    rows += [row(r, "most divided") for r in divided if r["dimension"] in divided_ids and r["dimension"] not in low_ids]
    return rows
