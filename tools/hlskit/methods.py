"""The methods and tools catalogue (Chapter 9 of the e-book), with the handbook's stage and scale tags."""
from __future__ import annotations

import pandas as pd

from .content import Content

LEVELS = {"individual": "Individual learning", "organisational": "Organisational learning",
          "cross-organisational": "Cross-organisational learning", "roles": "Roles that support learning"}
METHOD_COLUMNS = ["id", "name", "level", "level_name", "purpose", "examples", "stages", "scales", "tagging_note", "source",
                  "source_lines"]


def methods_frame(content: Content) -> pd.DataFrame:
    rows = [{"id": m.id, "name": m.name.rstrip("."), "level": m.level, "level_name": LEVELS[m.level],
             "purpose": m.purpose, "examples": "; ".join(m.examples), "stages": m.stages, "scales": m.scales,
             "tagging_note": m.tagging_note, "source": m.source.credit(),
             "source_lines": m.source.cite()} for m in content.methods]
    return pd.DataFrame(rows, columns=METHOD_COLUMNS)


def methods_for(content: Content, stage: str | None = None, scale: str | None = None) -> pd.DataFrame:
    """Methods tagged for a stage and/or scale (None means any), in catalogue order."""
    if stage:
        content.stage(stage)
    if scale:
        content.scale(scale)
    df = methods_frame(content)
    if stage:
        df = df[df.stages.map(lambda s: stage in s)]
    if scale:
        df = df[df.scales.map(lambda s: scale in s)]
    return df.reset_index(drop=True)
