"""Queries over the question tables: which questions belong to a stage at a scale, and to whom.

All functions are pure: records in, DataFrames out. Columns of ``QUESTION_COLUMNS`` are stable.
"""
from __future__ import annotations

import pandas as pd

from .content import Content

QUESTION_COLUMNS = ["id", "table", "table_title", "stage", "scale", "role", "group", "lead_in",
                    "order", "text", "source", "source_lines"]

LEARNING_TABLE = "learning-cycle"
STEWARDSHIP_TABLE = "stewardship"


def questions_frame(content: Content) -> pd.DataFrame:
    """Every question, one row each; ``source`` is the plain credit readers see, ``source_lines`` the
    exact file and lines (provenance, never shown on pages). See QUESTION_COLUMNS."""
    titles = {t.id: t.title for t in content.question_tables}
    rows = [{
        "id": q.id, "table": q.table, "table_title": titles.get(q.table, q.table),
        "stage": q.stage, "scale": q.scale, "role": q.role, "group": q.group, "lead_in": q.lead_in,
        "order": q.order, "text": q.text, "source": q.source.credit(),
        "source_lines": q.source.cite(),
    } for q in content.questions]
    # optional coordinates are "" (not NaN) when a table does not use them, so filters stay simple
    optional = ["stage", "scale", "role", "group", "lead_in"]
    return pd.DataFrame(rows, columns=QUESTION_COLUMNS).fillna({c: "" for c in optional})


def _check_ids(content: Content, scale: str | None = None, stage: str | None = None) -> None:
    """Raise a KeyError that lists the known ids when a caller passes an unknown one."""
    if scale is not None:
        content.scale(scale)
    if stage is not None:
        content.stage(stage)


def questions_for(content: Content, scale: str, stage: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The Learning Cycle questions for one stage at one scale, in the source's order.

    Pass ``frame`` (from questions_frame) when calling many times, to build it only once.
    """
    _check_ids(content, scale, stage)
    df = questions_frame(content) if frame is None else frame
    picked = df[(df.table == LEARNING_TABLE) & (df.scale == scale) & (df.stage == stage)]
    return picked.sort_values("order").reset_index(drop=True)


def stewarding_questions(content: Content, scale: str, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """Questions for managing and governing the cycle at a scale (they apply to every stage)."""
    _check_ids(content, scale)
    df = questions_frame(content) if frame is None else frame
    picked = df[(df.table == STEWARDSHIP_TABLE) & (df.scale == scale)]
    rank = picked.role.map({"managing": 0, "governing": 1})
    return picked.assign(_rank=rank).sort_values(["_rank", "order"]).drop(columns="_rank").reset_index(drop=True)


def scale_above(content: Content, scale: str) -> str | None:
    """The next larger scale, which creates the conditions for ``scale`` (None for the largest)."""
    _check_ids(content, scale)
    ids = [s.id for s in content.scales]
    i = ids.index(scale)
    return ids[i + 1] if i + 1 < len(ids) else None


def explore(content: Content, scale: str, stage: str, with_scale_above: bool = False) -> pd.DataFrame:
    """What the scale question explorer shows: learning and stewarding questions for the picked
    cell, and optionally the same for the scale above, side by side (``panel`` says which)."""
    scales = [scale] + ([s] if with_scale_above and (s := scale_above(content, scale)) else [])
    df = questions_frame(content)
    parts = []
    for panel, sc in zip(("chosen", "above"), scales):
        for kind, frame in (("learning", questions_for(content, sc, stage, df)),
                            ("stewarding", stewarding_questions(content, sc, df))):
            parts.append(frame.assign(panel=panel, kind=kind))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=QUESTION_COLUMNS)


def coverage(content: Content) -> pd.DataFrame:
    """Number of learning-cycle questions in each stage × scale cell (a complete table has none at 0)."""
    df = questions_frame(content)
    df = df[df.table == LEARNING_TABLE]
    grid = pd.crosstab(pd.Categorical(df.stage, [s.id for s in content.stages]),
                       pd.Categorical(df.scale, [s.id for s in content.scales]), dropna=False)
    grid.index.name, grid.columns.name = "stage", "scale"
    return grid
