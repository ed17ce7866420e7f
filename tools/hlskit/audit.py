"""Audit content against the seed documents: verbatim fields must be found in their cited lines,
and own-words fields must not copy a run of ten or more words from any source.

Only the handbook's shipped records are audited: a trainer's own records cite their own documents,
which are not among the sources, and are checked for shape when they load."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .content import Content
from .fidelity import copied_runs, seed_lines, verbatim_in_source

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
            if content.is_trainers(kind, rec.id):
                continue
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
    problems += _audit_evidence(content, seeds)
    problems += _audit_kits(content, seeds)
    return problems


def _audit_instruments(content: Content, seeds: Path) -> list[Problem]:
    """Instrument items, dimension descriptions and prompts are the handbook's own words."""
    problems = []
    for inst in content.instruments:
        if content.is_trainers("instruments", inst.id):
            continue
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


def _audit_evidence(content: Content, seeds: Path) -> list[Problem]:
    """A case's evidence: statements in own words, figures word for word, every range inside its seed."""
    problems = []
    for case in content.case_studies:
        if case.evidence is None:
            continue
        where, e = content.origin("case_studies", case.id), case.evidence
        named = [(f"evidence.money_and_contract.{i}", p) for i, p in enumerate(e.money_and_contract)]
        named += [(f"evidence.{f}", getattr(e, f)) for f in ("when", "size") if getattr(e, f)]
        named += [(f"evidence.results.{i}", p) for i, p in enumerate(e.results)]
        for field, point in named:
            problems += _cited_range(where, case.id, field, point.source, seeds)
            texts = [point.text] + ([point.reported_by] if hasattr(point, "reported_by") else [])
            problems += [Problem(where, case.id, f"{field}.text", f"copies the sources: {run!r}")
                         for text in texts for run in copied_runs(text, seeds)]
            if point.figure and not verbatim_in_source(point.figure, seeds, point.source.file, point.source.lines):
                problems.append(Problem(where, case.id, f"{field}.figure",
                                        f"not found word for word in {point.source.cite()}: {point.figure!r}"))
        if e.evaluation.source is not None:
            problems += _cited_range(where, case.id, "evidence.evaluation", e.evaluation.source, seeds)
        for field, text in [("evidence.evaluation.text", e.evaluation.text),
                            *((f"evidence.silent_on.{i}", t) for i, t in enumerate(e.silent_on))]:
            problems += [Problem(where, case.id, field, f"copies the sources: {run!r}")
                         for run in copied_runs(text, seeds)]
    return problems


def _cited_range(where: str, record: str, field: str, ref, seeds: Path) -> list[Problem]:
    path = seeds / ref.file
    if not path.exists():
        return [Problem(where, record, f"{field}.source", f"no seed file named {ref.file}")]
    count = len(seed_lines(str(path)))
    if ref.lines[1] > count:
        return [Problem(where, record, f"{field}.source", f"{ref.cite()} runs past the file's last line ({count})")]
    return []


def _audit_kits(content: Content, seeds: Path) -> list[Problem]:
    """A kit's own text (title, intros, headings, entries) is the handbook's words; its ranges exist."""
    problems = []
    for kit in content.kits:
        where = content.origin("kits", kit.id)
        parts = [("title", kit.title), ("intro", kit.intro)]
        problems += _cited_range(where, kit.id, "source", kit.source, seeds)
        for s in kit.sections:
            parts += [(f"sections.{s.id}.heading", s.heading), (f"sections.{s.id}.intro", s.intro)]
            for i, e in enumerate(s.entries):
                parts += [(f"sections.{s.id}.entries.{i}.text", e.text)]
                parts += [(f"sections.{s.id}.entries.{i}.label", e.label)] if e.label else []
                problems += _cited_range(where, kit.id, f"sections.{s.id}.entries.{i}", e.source, seeds)
        problems += [Problem(where, kit.id, field, f"copies the sources: {run!r}")
                     for field, text in parts for run in copied_runs(text, seeds)]
    return problems
