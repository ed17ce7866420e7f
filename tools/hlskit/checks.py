"""Cross-file rules: every id a record names must exist, in the right vocabulary, in the right table."""
from __future__ import annotations

from typing import Iterable

from .errors import ContentError


def _fail(content, kind: str, record, field: str, problem: str):
    raise ContentError(content.origin(kind, record.id), record.id, field, problem)


def _known(content, kind, record, field: str, values: Iterable[str], allowed: set[str], what: str):
    for v in values:
        if v not in allowed:
            _fail(content, kind, record, field, f"unknown {what} '{v}' (known: {', '.join(sorted(allowed))})")


def check_references(content) -> None:
    stages = {s.id for s in content.stages}
    scales = {s.id for s in content.scales}
    for kind in ("stages", "scales"):
        seen: dict[int, str] = {}
        for r in getattr(content, kind):
            if r.order in seen:
                _fail(content, kind, r, "order", f"order {r.order} is already used by '{seen[r.order]}'")
            seen[r.order] = r.id

    tables = {t.id: t for t in content.question_tables}
    for q in content.questions:
        if q.table not in tables:
            _fail(content, "questions", q, "table", f"unknown question table '{q.table}' (known: {', '.join(sorted(tables))})")
        dims = tables[q.table].dims
        for dim in ("stage", "scale", "role", "group"):
            given = getattr(q, dim) is not None
            if dim in dims and not given:
                _fail(content, "questions", q, dim, f"missing: table '{q.table}' places every question by {dim}")
            if given and dim not in dims:
                _fail(content, "questions", q, dim, f"table '{q.table}' has no {dim} dimension")
        if q.stage is not None:
            _known(content, "questions", q, "stage", [q.stage], stages, "stage")
        if q.scale is not None:
            _known(content, "questions", q, "scale", [q.scale], scales, "scale")

    lists = {lst.id: lst for lst in content.lists}
    items = {i.id: i for i in content.items}
    for item in content.items:
        if item.list not in lists:
            _fail(content, "items", item, "list", f"unknown list '{item.list}' (known: {', '.join(sorted(lists))})")
        if item.parent is not None and (item.parent not in items or items[item.parent].list != item.list):
            _fail(content, "items", item, "parent", f"no item '{item.parent}' in list '{item.list}'")
        columns = lists[item.list].columns
        if columns and item.column not in columns:
            _fail(content, "items", item, "column", f"'{item.column}' is not one of the list's columns {list(columns)}")

    for m in content.methods:
        _known(content, "methods", m, "stages", m.stages, stages, "stage")
        _known(content, "methods", m, "scales", m.scales, scales, "scale")

    terms = {g.id for g in content.glossary}
    for g in content.glossary:
        _known(content, "glossary", g, "related", g.related, terms, "glossary term")

    vocab: dict[str, set[str]] = {}
    for v in content.vocabulary:
        vocab.setdefault(v.kind, set()).add(v.id)
    for c in content.case_studies:
        _known(content, "case_studies", c, "scales", c.scales, scales, "scale")
        _known(content, "case_studies", c, "stages", c.stages, stages, "stage")
        _known(content, "case_studies", c, "sectors", c.sectors, vocab.get("sector", set()), "sector")
        _known(content, "case_studies", c, "themes", c.themes, vocab.get("theme", set()), "theme")
        _known(content, "case_studies", c, "organisation_type", [c.organisation_type],
               vocab.get("organisation_type", set()), "organisation type")
        _known(content, "case_studies", c, "collection", [c.collection], vocab.get("collection", set()), "collection")

    for kit in content.kits:
        for section in kit.sections:
            if section.from_list is None:
                continue
            if section.from_list not in lists:
                _fail(content, "kits", kit, f"sections.{section.id}.from_list",
                      f"unknown list '{section.from_list}' (known: {', '.join(sorted(lists))})")
            if section.parent is not None and (section.parent not in items
                                               or items[section.parent].list != section.from_list):
                _fail(content, "kits", kit, f"sections.{section.id}.parent",
                      f"no item '{section.parent}' in list '{section.from_list}'")
