"""Short glossary definitions for the previews a linked term shows on the pages.

A preview gives the gist in one breath: the definition's first sentence, or its first words cut at a
word when that sentence is long. The glossary page keeps the full definition.
"""
from __future__ import annotations

import re

from .content import Content

PREVIEW_CHARS = 220
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z‘“\"(])")


def short_definition(definition: str, limit: int = PREVIEW_CHARS) -> str:
    """The first sentence of a definition, at most ``limit`` characters (cut at a word, with "…")."""
    text = " ".join(definition.split())
    first = SENTENCE_END.split(text, maxsplit=1)[0]
    if len(first) <= limit:
        return first
    cut = first[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


def previews(content: Content) -> dict[str, tuple[str, str]]:
    """Term id -> (term, short definition), for every glossary term."""
    return {g.id: (g.term, short_definition(g.definition)) for g in content.glossary}
