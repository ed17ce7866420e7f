"""Load and validate the handbook's content files, optionally overlaid by a trainer's own folder.

Each kind lives in ``<kind>.yaml`` and/or in files under ``<kind>/`` (one file per table, list or
case). A trainer's folder may hold the same files: a record with a known id replaces the shipped
one, a new id is added. Everything is validated the same way; problems raise one ``ContentError``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .kit_schema import Kit
from .overlay import CASE_STUDIES, OVERLAY_FOLDER, find_case_studies, find_overlay  # noqa: F401  (re-exported)
from .schema import (CaseStudy, GlossaryTerm, Instrument, ItemList, ListItem, Method, Pathway, Question,
                     QuestionTable, Scale, Stage, Vocabulary)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml is ten times faster when present
PACKAGE_CONTENT = Path(str(resources.files("hlskit") / "content"))

# kind (file or folder name) -> model
KINDS: dict[str, type[BaseModel]] = {
    "stages": Stage,
    "scales": Scale,
    "vocabulary": Vocabulary,
    "question_tables": QuestionTable,
    "questions": Question,
    "lists": ItemList,
    "items": ListItem,
    "methods": Method,
    "glossary": GlossaryTerm,
    "case_studies": CaseStudy,
    "instruments": Instrument,
    "pathways": Pathway,
    "kits": Kit,
}


@dataclass(frozen=True)
class Content:
    """All content records, each kind as a tuple in its natural order."""

    stages: tuple[Stage, ...]
    scales: tuple[Scale, ...]
    vocabulary: tuple[Vocabulary, ...] = ()
    question_tables: tuple[QuestionTable, ...] = ()
    questions: tuple[Question, ...] = ()
    lists: tuple[ItemList, ...] = ()
    items: tuple[ListItem, ...] = ()
    methods: tuple[Method, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    case_studies: tuple[CaseStudy, ...] = ()
    instruments: tuple[Instrument, ...] = ()
    pathways: tuple[Pathway, ...] = ()
    kits: tuple[Kit, ...] = ()
    origins: tuple[tuple[str, str, str], ...] = ()   # (kind, id, file) for messages and provenance
    overlay: str | None = None                       # the trainer's folder laid on top, if any
    from_overlay: frozenset[tuple[str, str]] = frozenset()   # (kind, id) of the trainer's own records

    def stage(self, stage_id: str) -> Stage:
        return by_id(self.stages, stage_id, "stage")

    def scale(self, scale_id: str) -> Scale:
        return by_id(self.scales, scale_id, "scale")

    def case(self, case_id: str) -> CaseStudy:
        return by_id(self.case_studies, case_id, "case study")

    def instrument(self, instrument_id: str) -> Instrument:
        return by_id(self.instruments, instrument_id, "instrument")

    def kit(self, kit_id: str) -> Kit:
        return by_id(self.kits, kit_id, "kit")

    def origin(self, kind: str, record_id: str) -> str:
        return next(f for k, i, f in self.origins if k == kind and i == record_id)

    def is_trainers(self, kind: str, record_id: str) -> bool:
        """True for a record that came from the trainer's overlay (new, or replacing a shipped one)."""
        return (kind, record_id) in self.from_overlay


def by_id(records, record_id: str, what: str):
    """The record with ``record_id``; a KeyError lists the known ids."""
    for r in records:
        if r.id == record_id:
            return r
    known = ", ".join(r.id for r in records)
    raise KeyError(f"unknown {what} '{record_id}' (known: {known})")


def read_yaml(path: Path) -> Any:
    """Parse one YAML file, turning encoding and syntax problems into a ContentError."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(str(path), None, None, f"is not UTF-8 text ({exc.reason})") from None
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        if mark is not None and _char_at(text, mark) == "\t" or "'\\t'" in problem:
            problem = "a tab is used for indenting or spacing; YAML needs spaces there"
        raise ContentError(str(path), None, None, f"is not valid YAML{at}: {problem}") from None


def _char_at(text: str, mark) -> str:
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[mark.column] if mark.column < len(line) else ""


MAX_VALUES = 100_000    # values one field may expand to through YAML aliases; shipped records hold < 1,000


def _expands_too_far(value: Any) -> bool:
    """True if ``value`` holds more than MAX_VALUES values once aliases are expanded (an "alias bomb").

    Counts shared lists and mappings once per reference, and stops counting at the bound."""
    stack, seen = [value], 0
    while stack:
        v = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            return True
        if isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, (list, tuple)):
            stack.extend(v)
    return False


def _record_name(item: dict, n: int) -> str:
    """The record's id for messages, if it is a plain value; never str() of a list or mapping."""
    rid = item.get("id")
    if isinstance(rid, (str, int, float)) and not isinstance(rid, bool) and str(rid).strip():
        rid = str(rid).strip()
        return rid if len(rid) <= 80 else rid[:80] + "…"
    return f"#{n}"


def validate_records(path: Path, raw: Any, model: type[BaseModel]) -> list[BaseModel]:
    """Validate a list of mappings against ``model``; the first problem names file, id and field."""
    if raw is None:
        raise ContentError(str(path), None, None, "is empty")
    if isinstance(raw, dict) and model in (CaseStudy, Instrument, Kit):
        raw = [raw]                                   # a case or instrument file holds one record
    if not isinstance(raw, list):
        raise ContentError(str(path), None, None, "must hold a list of records (each starting with '- id: ...')")
    records, seen = [], set()
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise ContentError(str(path), f"#{i}", None, "must be a mapping of field: value")
        rid = _record_name(item, i)
        for key, value in sorted(item.items(), key=lambda kv: kv[0] != "id"):   # the id first
            if _expands_too_far(value):
                raise ContentError(str(path), rid, str(key)[:80], f"expands to more than {MAX_VALUES:,} values "
                                   "through YAML aliases (&name / *name); write the value out instead")
        try:
            rec = model.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or None
            msg = "is not a known field" if err["type"] == "extra_forbidden" else err["msg"]
            raise ContentError(str(path), rid, field, msg) from None
        if rec.id in seen:
            raise ContentError(str(path), rec.id, "id", "duplicate id")
        seen.add(rec.id)
        records.append(rec)
    return records


def _files(folder: Path, kind: str) -> list[Path]:
    single = folder / f"{kind}.yaml"
    many = sorted((folder / kind).glob("*.yaml")) if (folder / kind).is_dir() else []
    return ([single] if single.exists() else []) + many


def _load_kind(kind: str, layers: list[list[Path]], origins: dict, overlaid: set) -> list[BaseModel]:
    """Validate each layer's files in turn; a later layer's record replaces an earlier one's, a new id
    is added. Records of every layer after the first (the trainer's overlay) are noted in ``overlaid``."""
    merged: dict[str, BaseModel] = {}
    for n, files in enumerate(layers):
        layer_ids: dict[str, Path] = {}
        for path in files:
            for rec in validate_records(path, read_yaml(path), KINDS[kind]):
                if rec.id in layer_ids:  # the same id in two files of one folder is a mistake
                    raise ContentError(str(path), rec.id, "id", f"duplicate id (also in {layer_ids[rec.id]})")
                layer_ids[rec.id] = path
                merged[rec.id] = rec
                origins[(kind, rec.id)] = str(path)
                if n > 0:
                    overlaid.add((kind, rec.id))
    return list(merged.values())


def load_content(overlay: str | Path | None = None, case_studies: str | Path | None = None,
                 base: str | Path = PACKAGE_CONTENT, only: tuple[str, ...] | None = None) -> Content:
    """Load the shipped content and case studies, then a trainer's ``overlay`` folder on top.

    The overlay may hold any kind's file or folder, including ``case_studies/``. Tests pass a small
    ``base`` folder (and an empty ``case_studies``) to work on content written for them. Given
    ``only`` (some kinds), only those are read, the rest stay empty and references between files
    are not checked: ``hlskit pool`` reads the self-assessments alone, and starts faster for it.
    """
    base = Path(base)
    case_dir = Path(case_studies) if case_studies is not None else CASE_STUDIES
    if overlay is not None:
        overlay = Path(overlay)
        if not overlay.is_dir():
            raise ContentError(str(overlay), None, None, "is not a folder of content files")
        unknown = sorted(p.name for p in overlay.iterdir()
                         if p.stem not in KINDS and (p.suffix == ".yaml" or p.is_dir()))
        if unknown:
            raise ContentError(str(overlay / unknown[0]), None, None,
                               f"is not a content kind this handbook knows ({', '.join(sorted(KINDS))})")
    origins: dict[tuple[str, str], str] = {}
    overlaid: set[tuple[str, str]] = set()
    kinds: dict[str, list] = {}
    for kind in KINDS:
        if only is not None and kind not in only:
            kinds[kind] = []
            continue
        if kind == "case_studies":
            layers = [sorted(case_dir.glob("*.yaml")) if case_dir.is_dir() else []]
        else:
            layers = [_files(base, kind)]
        if overlay is not None:
            layers.append(_files(overlay, kind))
        kinds[kind] = _load_kind(kind, layers, origins, overlaid)
    kinds["stages"].sort(key=lambda s: s.order)
    kinds["scales"].sort(key=lambda s: s.order)
    kinds["questions"].sort(key=lambda q: (q.table, q.order))
    kinds["items"].sort(key=lambda i: (i.list, i.order))
    kinds["pathways"].sort(key=lambda p: p.order)
    content = Content(**{k: tuple(v) for k, v in kinds.items()},
                      origins=tuple((k, i, f) for (k, i), f in origins.items()),
                      overlay=str(overlay) if overlay is not None else None, from_overlay=frozenset(overlaid))
    if only is None:
        from .checks import check_references   # cross-file rules live in their own module
        check_references(content)
    return content


__all__ = ["Content", "ContentError", "KINDS", "find_overlay", "load_content", "load_nearest", "read_yaml",
           "validate_records"]


def load_nearest(start: Path | None = None, overlay: str | Path | None = None,
                 only: tuple[str, ...] | None = None) -> Content:
    """What the book built at ``start`` loads: the shipped content and cases, with the trainer's
    overlay (``overlay``, else $HLS_OVERLAY or the nearest ``hls-content/``) on top, merged by id."""
    overlay = overlay if overlay is not None else find_overlay(start)
    return load_content(overlay, case_studies=find_case_studies(start), only=only)
