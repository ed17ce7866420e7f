"""A portfolio of experiment designs kept as one CSV file, appended to without risk of loss."""
from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pandas as pd

from .content import Content
from .experiments import DESIGN_FIELDS, ExperimentDesign
from .files import write_atomic

COLUMNS = ["saved"] + DESIGN_FIELDS


class PortfolioError(ValueError):
    """A portfolio file cannot be read; says which file, row and column."""


def _parse_date(value: str, path: Path, row: int, column: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise PortfolioError(f"{path}: row {row}, column '{column}': '{value}' is not a date like 2026-03-31") from None


def load_portfolio(path: str | Path, content: Content) -> list[ExperimentDesign]:
    """Read every design in a portfolio file; a bad file raises PortfolioError, naming the problem."""
    path = Path(path)
    if not path.exists():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")   # "CSV UTF-8" from a spreadsheet starts with a BOM
    except UnicodeDecodeError:
        raise PortfolioError(f"{path}: is not UTF-8 text; was it saved from a spreadsheet in another encoding?") from None
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise PortfolioError(f"{path}: is not a portfolio file (missing columns: {', '.join(missing)})")
    scales, stages = {s.id for s in content.scales}, {s.id for s in content.stages}
    designs = []
    for row_no, row in enumerate(reader, start=2):
        if row["scale"] and row["scale"] not in scales:
            raise PortfolioError(f"{path}: row {row_no}, column 'scale': unknown scale '{row['scale']}'")
        if row["stage"] and row["stage"] not in stages:
            raise PortfolioError(f"{path}: row {row_no}, column 'stage': unknown stage '{row['stage']}'")
        values = {k: row[k] or "" for k in DESIGN_FIELDS}
        values["start"] = _parse_date(row["start"], path, row_no, "start")
        values["end"] = _parse_date(row["end"], path, row_no, "end")
        designs.append(ExperimentDesign(**values))
    return designs


def append_design(path: str | Path, design: ExperimentDesign, content: Content, saved: date | None = None) -> int:
    """Add a design to the portfolio and return how many it now holds.

    The existing file is read and checked first; if it cannot be read, nothing is written.
    """
    path = Path(path)
    existing = load_portfolio(path, content)
    raw = path.read_bytes() if path.exists() else b""
    bom = "\ufeff" if raw.startswith(b"\xef\xbb\xbf") else ""        # keep it: spreadsheets need it
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    old_rows = list(reader)
    columns = list(reader.fieldnames or []) + [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    new_row = {"saved": (saved or date.today()).isoformat(), **design.as_record()}
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, restval="", lineterminator="\n")   # a user's own columns stay
    writer.writeheader()
    writer.writerows(old_rows + [new_row])
    try:
        write_atomic(path, bom + buf.getvalue())
    except OSError as exc:
        raise PortfolioError(f"{path}: could not be saved ({exc.strerror or exc}); it was left as it was") from None
    return len(existing) + 1


def portfolio_frame(designs: list[ExperimentDesign], content: Content) -> pd.DataFrame:
    """One row per dated design, with readable scale and stage names, for the timeline chart."""
    names = {s.id: s.name for s in (*content.scales, *content.stages)}
    rows = [{"title": d.title or "(untitled)", "scale": names.get(d.scale, "(no scale)"),
             "stage": names.get(d.stage, "(no stage)"), "start": d.start.isoformat(), "end": d.end.isoformat(),
             "question": d.question}
            for d in designs if d.start and d.end]
    return pd.DataFrame(rows, columns=["title", "scale", "stage", "start", "end", "question"])
