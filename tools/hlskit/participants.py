"""Participants' direct links: a short address per self-assessment and a QR code a facilitator projects.

The short address (``a/<instrument>.html`` at the site root) opens the chapter's participant view,
which shows the questions only. The QR code encodes the published address from _config.yml.
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

SHORT_FOLDER = "a"
VIEW_PARAM = "answer"
ASSESSMENT_CALL = re.compile(r"show_self_assessment\(\s*\\?[\"']([a-z0-9-]+)\\?[\"']")   # notebook JSON escapes quotes


def short_path(instrument_id: str) -> str:
    return f"{SHORT_FOLDER}/{instrument_id}.html"


def published_base(start: Path | None = None) -> str:
    """The handbook's published address (html.baseurl in the nearest _config.yml), or "" if unset."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        config = folder / "_config.yml"
        if config.exists():
            base = (yaml.safe_load(config.read_text(encoding="utf-8")) or {}).get("html", {}).get("baseurl") or ""
            return base if base.startswith(("https://", "http://")) else ""
    return ""


def short_link(instrument_id: str, base: str) -> str:
    return f"{base.rstrip('/')}/{short_path(instrument_id)}" if base else ""


def qr_svg(url: str) -> str:
    """An inline SVG QR code for ``url`` (medium error correction, so a projected code still scans)."""
    import segno
    return segno.make(url, error="m").svg_inline(scale=5, border=2, dark="#000", light="#fff")


def assessment_pages(chapters: dict[str, str]) -> dict[str, str]:
    """instrument id -> docname of the chapter that holds it, from the chapters' text."""
    found: dict[str, str] = {}
    for doc, text in sorted(chapters.items()):
        for inst in ASSESSMENT_CALL.findall(text):
            found.setdefault(inst, doc)
    return found


def redirect_page(title: str, target: str) -> str:
    """The small page at the short address: it forwards to the participant view at once."""
    from .html import render
    return render("short_link.html", title=title, target=target)
