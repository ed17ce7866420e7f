"""Audit content against the seed documents: verbatim fields must be found in their cited lines,
and own-words fields must not copy a run of ten or more words from any source."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Content
from .fidelity import copied_runs, verbatim_in_source

# kind -> (verbatim fields, own-words fields); a list's items are verbatim only if the list says so
FIELDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "stages": (("source_name", "table_label"), ("summary", "involves")),
    "scales": (("source_name", "table_header"), ("description",)),
    "question_tables": ((), ("description",)),
    "questions": (("text", "lead_in"), ()),
    "lists": ((), ("description",)),
    "items": (("text", "label"), ()),
    "methods": (("name",), ("purpose",)),
    "glossary": ((), ("definition",)),
    "case_studies": ((), ("summary", "practices")),
    "instruments": ((), ("purpose",)),
}


@dataclass(frozen=True)
class Problem:
    file: str
    record: str
    field: str
    problem: str

    def __str__(self) -> str:
        return f"{self.file}: record '{self.record}', field '{self.field}': {self.problem}"


def _values(value) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, tuple) else [value]


def audit(content: Content, seeds: Path) -> list[Problem]:
    problems: list[Problem] = []
    verbatim_lists = {lst.id for lst in content.lists if lst.verbatim}
    for kind, (verbatim, own) in FIELDS.items():
        for rec in getattr(content, kind):
            where = content.origin(kind, rec.id)
            ref = getattr(rec, "source", None)
            if ref is not None and not (seeds / ref.file).exists():
                problems.append(Problem(where, rec.id, "source.file", f"no seed file named {ref.file}"))
                continue
            check_verbatim = verbatim if (kind != "items" or rec.list in verbatim_lists) else ()
            for field in check_verbatim:
                refs = (ref, *getattr(rec, "also", ()))
                for text in _values(getattr(rec, field)):
                    if not any(verbatim_in_source(text, seeds, r.file, r.lines) for r in refs):
                        problems.append(Problem(where, rec.id, field,
                                                f"not found word for word in {ref.cite()}: {text[:70]!r}"))
            for field in own:
                for text in _values(getattr(rec, field)):
                    for run in copied_runs(text, seeds):
                        problems.append(Problem(where, rec.id, field, f"copies the sources: {run!r}"))
    problems += _audit_instruments(content, seeds)
    return problems


def _audit_instruments(content: Content, seeds: Path) -> list[Problem]:
    """Instrument items, dimension descriptions and prompts are the handbook's own words."""
    problems = []
    for inst in content.instruments:
        where = content.origin("instruments", inst.id)
        parts = [(f"items.{i.id}.text", i.text, i.source) for i in inst.items]
        parts += [(f"dimensions.{d.id}.{f}", getattr(d, f), d.source) for d in inst.dimensions
                  for f in ("description", "prompt")]
        for field, text, ref in parts:
            if not (seeds / ref.file).exists():
                problems.append(Problem(where, inst.id, field, f"no seed file named {ref.file}"))
            for run in copied_runs(text, seeds):
                problems.append(Problem(where, inst.id, field, f"copies the sources: {run!r}"))
    return problems
