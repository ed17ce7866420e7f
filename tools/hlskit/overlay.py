"""Where a trainer's own content lives, found the same way by the book, its build script and hlskit.

Kept free of other imports so the build script's quick "up to date" check can use it.
"""
from __future__ import annotations

import os
from pathlib import Path

OVERLAY_FOLDER = "hls-content"
CASE_STUDIES = Path(__file__).resolve().parents[2] / "case_studies"   # present in a source checkout


def find_overlay(start: Path | None = None) -> Path | None:
    """A trainer's content folder: $HLS_OVERLAY, or the nearest ``hls-content/`` at or above ``start``."""
    if os.environ.get("HLS_OVERLAY"):
        return Path(os.environ["HLS_OVERLAY"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / OVERLAY_FOLDER).is_dir():
            return folder / OVERLAY_FOLDER
    return None


def find_case_studies(start: Path | None = None) -> Path:
    """The shipped case studies: the ``case_studies/`` of the nearest book (a folder with a
    _config.yml) at or above ``start`` (a workshop pack carries its own copy), else the handbook's."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "case_studies").is_dir() and (folder / "_config.yml").is_file():
            return folder / "case_studies"
    return CASE_STUDIES
