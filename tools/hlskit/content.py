"""Load and validate the handbook's content files, optionally overlaid by a trainer's own folder.

Each kind lives in one YAML file named after it (``stages.yaml`` holds a list of stages). A trainer's
folder may hold any of the same files: a record with a known id replaces the shipped one, a new id
is added. Everything is validated the same way, and problems raise one ``ContentError``.
"""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from .errors import ContentError
from .schema import Question, Scale, Stage

PACKAGE_CONTENT = Path(str(resources.files("hlskit") / "content"))

# file stem -> model; the order matters only for reading error messages in a sensible order
KINDS: dict[str, type[BaseModel]] = {
    "stages": Stage,
    "scales": Scale,
    "questions": Question,
}


@dataclass(frozen=True)
class Content:
    """All content records, each kind as a tuple in its natural order."""

    stages: tuple[Stage, ...]
    scales: tuple[Scale, ...]
    questions: tuple[Question, ...] = ()

    def stage(self, stage_id: str) -> Stage:
        return _by_id(self.stages, stage_id, "stage")

    def scale(self, scale_id: str) -> Scale:
        return _by_id(self.scales, scale_id, "scale")


def _by_id(records, record_id: str, what: str):
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
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark else ""
        raise ContentError(str(path), None, None, f"is not valid YAML{at}: {getattr(exc, 'problem', exc)}") from None


def validate_records(path: Path, raw: Any, model: type[BaseModel]) -> list[BaseModel]:
    """Validate a list of mappings against ``model``; the first problem names file, id and field."""
    if raw is None:
        raise ContentError(str(path), None, None, "is empty")
    if not isinstance(raw, list):
        raise ContentError(str(path), None, None, "must hold a list of records (each starting with '- id: ...')")
    records, seen = [], set()
    for i, item in enumerate(raw, start=1):
        rid = str(item.get("id")) if isinstance(item, dict) and item.get("id") else f"#{i}"
        if not isinstance(item, dict):
            raise ContentError(str(path), rid, None, "must be a mapping of field: value")
        try:
            rec = model.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"]) or None
            msg = err["msg"]
            if err["type"] == "extra_forbidden":
                msg = "is not a known field"
            raise ContentError(str(path), rid, field, msg) from None
        if rec.id in seen:
            raise ContentError(str(path), rec.id, "id", "duplicate id")
        seen.add(rec.id)
        records.append(rec)
    return records


def _load_kind(stem: str, folders: list[Path]) -> list[BaseModel]:
    merged: dict[str, BaseModel] = {}
    for folder in folders:
        path = folder / f"{stem}.yaml"
        if path.exists():
            for rec in validate_records(path, read_yaml(path), KINDS[stem]):
                merged[rec.id] = rec
    return list(merged.values())


def _origin(stem: str, folders: list[Path], record_id: str) -> str:
    for folder in reversed(folders):
        path = folder / f"{stem}.yaml"
        if path.exists() and f"id: {record_id}" in path.read_text(encoding="utf-8"):
            return str(path)
    return str(folders[0] / f"{stem}.yaml")


def load_content(overlay: str | Path | None = None) -> Content:
    """Load the shipped content, then a trainer's ``overlay`` folder on top, and check references."""
    folders = [PACKAGE_CONTENT]
    if overlay is not None:
        overlay = Path(overlay)
        if not overlay.is_dir():
            raise ContentError(str(overlay), None, None, "is not a folder of content files")
        unknown = sorted(p.name for p in overlay.glob("*.yaml") if p.stem not in KINDS)
        if unknown:
            raise ContentError(str(overlay / unknown[0]), None, None,
                               f"is not a content kind this handbook knows ({', '.join(sorted(KINDS))})")
        folders.append(overlay)
    kinds = {stem: _load_kind(stem, folders) for stem in KINDS}
    stages = tuple(sorted(kinds["stages"], key=lambda s: s.order))
    scales = tuple(sorted(kinds["scales"], key=lambda s: s.order))
    _check_ids(stages, scales, kinds, folders)
    return Content(stages=stages, scales=scales, questions=tuple(kinds["questions"]))


def _check_ids(stages, scales, kinds, folders) -> None:
    """Cross-file checks: every stage/scale a record names must exist; orders must be unique."""
    stage_ids, scale_ids = {s.id for s in stages}, {s.id for s in scales}
    for stem in ("stages", "scales"):
        seen: dict[int, str] = {}
        for r in kinds[stem]:  # shipped records first, so a clash is reported on the newcomer
            if r.order in seen:
                raise ContentError(_origin(stem, folders, r.id), r.id, "order",
                                   f"order {r.order} is already used by '{seen[r.order]}'")
            seen[r.order] = r.id
    for q in kinds["questions"]:
        if q.scale not in scale_ids:
            raise ContentError(_origin("questions", folders, q.id), q.id, "scale",
                               f"unknown scale '{q.scale}' (known: {', '.join(sorted(scale_ids))})")
        if q.stage is not None and q.stage not in stage_ids:
            raise ContentError(_origin("questions", folders, q.id), q.id, "stage",
                               f"unknown stage '{q.stage}' (known: {', '.join(sorted(stage_ids))})")
