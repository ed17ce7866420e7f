"""Case-study queries: one row per case, filters by scale, sector, theme, stage and organisation type."""
from __future__ import annotations

import pandas as pd

from .content import Content
from .pages import labels

CASE_COLUMNS = ["id", "name", "collection", "organisation_type", "place", "country", "scales", "sectors",
                "themes", "stages", "summary", "url", "page"]


def cases_frame(content: Content) -> pd.DataFrame:
    """One row per case; list-valued columns hold tuples of ids; ``page`` is the case's book page."""
    rows = [{
        "id": c.id, "name": c.name, "collection": c.collection, "organisation_type": c.organisation_type,
        "place": c.place or "", "country": c.country or "", "scales": c.scales, "sectors": c.sectors,
        "themes": c.themes, "stages": c.stages, "summary": c.summary, "url": c.url or "",
        "page": f"cases/{c.id}",
    } for c in sorted(content.case_studies, key=lambda c: c.name.lower())]
    return pd.DataFrame(rows, columns=CASE_COLUMNS)


def filter_cases(content: Content, scale: str | None = None, sector: str | None = None,
                 theme: str | None = None, stage: str | None = None,
                 organisation_type: str | None = None) -> pd.DataFrame:
    """Cases that match every filter given (None means any)."""
    vocab = {(v.kind, v.id) for v in content.vocabulary}
    if scale:
        content.scale(scale)
    if stage:
        content.stage(stage)
    for kind, value in (("sector", sector), ("theme", theme), ("organisation_type", organisation_type)):
        if value and (kind, value) not in vocab:
            known = ", ".join(sorted(v.id for v in content.vocabulary if v.kind == kind))
            raise KeyError(f"unknown {kind.replace('_', ' ')} '{value}' (known: {known})")
    df = cases_frame(content)
    if organisation_type:
        df = df[df.organisation_type == organisation_type]
    for column, value in (("scales", scale), ("sectors", sector), ("themes", theme), ("stages", stage)):
        if value:
            df = df[df[column].map(lambda ids, v=value: v in ids)]
    return df.reset_index(drop=True)


def place_text(place: str, country: str) -> str:
    return ", ".join(x for x in (place, country) if x)


LONG_COLUMNS = ["id", "name", "organisation_type", "place", "scale", "sector", "theme", "stage"]


def long_form(content: Content) -> pd.DataFrame:
    """One row per case × scale × sector × theme × stage: the shape the static explorer filters.

    Each row also carries the case's organisation type and place (as one line of text)."""
    rows = []
    for c in content.case_studies:
        place = place_text(c.place or "", c.country or "")
        for sc in c.scales:
            for se in c.sectors:
                for th in c.themes:
                    for st in c.stages:
                        rows.append({"id": c.id, "name": c.name, "organisation_type": c.organisation_type,
                                     "place": place, "scale": sc, "sector": se, "theme": th, "stage": st})
    return pd.DataFrame(rows, columns=LONG_COLUMNS)
