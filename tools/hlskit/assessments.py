"""Self-assessments: reading response files, scoring one response, pooling a group's answers (pooling.py).

A response file is small JSON that a person can read:
    {"format": "hls-response/1", "instrument": "learning-trust", "version": 1,
     "date": "2026-11-30", "name": "optional alias", "answers": {"item-id": 4, "other-item": "dk"}}
"dk" means "don't know"; it is counted, never scored. Scores are for learning together, not ranking:
team views need a minimum group size and never show names.
"""
from __future__ import annotations

import pandas as pd

from .content import Content  # noqa: F401  (callers pass one to the readers below)
from .pooling import REFLECTION_COLUMNS, GroupTooSmall, TeamView, pool, reflection_rows  # noqa: F401
from .responses import (DONT_KNOW, FORMAT, Loaded, MixedInstruments, Response, ResponseError,  # noqa: F401
                        blank_response, check_raw, load_responses, parse_response, response_json)
from .schema import Instrument


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


def reflections(profile: pd.DataFrame, inst: Instrument, spread_col: str = "spread", how_many: int = 2) -> pd.DataFrame:
    """Prompts for the lowest-scoring and the most divided dimensions (works on a profile or a team view).

    ``why`` is "lowest" (the lowest score, and any tied with it), "next lowest", "most divided", or
    "lowest and most divided"; ties keep the instrument's order, as on the Team results page."""
    return pd.DataFrame(reflection_rows(profile.to_dict("records"), inst, spread_col, how_many),
                        columns=REFLECTION_COLUMNS)
