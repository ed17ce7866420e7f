"""The longest text and the most entries each content field may hold, and the characters it may not.

Limits are generous (several times the longest shipped value) but keep a careless or hostile file
from making pages, checks and pooling slow: a 5 MB practice or 10,000-character items would.
Fields are looked up by name; a model may tighten a name for itself (``Record.limits``).
"""
from __future__ import annotations

import re

TEXT_DEFAULT = 2_000          # a paragraph
ENTRIES_DEFAULT = 200         # a list field's entries (an instrument's items, a case's sources...)

TEXT: dict[str, int] = {
    # identifiers and references
    "id": 80, "table": 80, "list": 80, "parent": 80, "collection": 80, "organisation_type": 80,
    "dimension": 80, "scale": 80, "stage": 80, "related": 80, "scales": 80, "stages": 80,
    "sectors": 80, "themes": 80, "file": 200, "page": 200, "chapter": 200, "url": 2_000,
    # names, titles and labels: one line
    "name": 200, "title": 200, "term": 120, "short": 60, "label": 300, "reader": 80, "source_name": 200,
    "table_label": 200, "table_header": 120, "source_title": 200, "columns": 200, "column": 200,
    "group": 120, "lead_in": 300, "dont_know": 60, "place": 120, "country": 80, "aliases": 200,
    "source_chapters": 200, "involves": 200, "examples": 200, "figure": 300, "reported_by": 200,
    "status": 60, "figures": 60,
    # sentences and paragraphs
    "practices": 400, "prompt": 500, "why": 500, "fix": 500, "place_note": 300, "table_label_note": 300,
    "silent_on": 300, "summary": 1_500, "definition": 1_000, "description": 1_000, "purpose": 1_000,
    "intro": 1_000, "tagging_note": 1_000, "text": 2_000, "reconstruction": 3_000,
}
ENTRIES: dict[str, int] = {"practices": 20, "aliases": 20, "source_chapters": 40, "scale": 11}

# control characters other than tab and line breaks break pages and front matter, and never belong in text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def text_problem(value: str, most: int) -> str | None:
    """Why ``value`` cannot be a content text of at most ``most`` characters, or None."""
    if len(value) > most:
        return f"is {len(value):,} characters long; the most this field takes is {most:,}"
    bad = _CONTROL.search(value)
    if bad:
        return f"holds a control character (U+{ord(bad.group()):04X}) at character {bad.start() + 1}"
    return None
