"""Checks that keep the handbook honest about its sources.

- ``verbatim_in_source``: a quoted cell really is in the cited lines (ignoring layout and markup).
- ``copied_runs``: prose written "in our own words" shares no long run of words with the sources.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_TAGS = re.compile(r"<[^>]+>")
_ESCAPE = re.compile(r"\\([^\w\s])")      # Markdown backslash escapes: \( -> (
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "\u00a0": " "})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def normalise(text: str) -> str:
    """Collapse the differences a conversion introduces: links, tags, bullets, emphasis, quotes, spaces."""
    text = _LINK.sub(r"\1", text)
    text = _TAGS.sub(" ", text)
    text = _ESCAPE.sub(r"\1", text)
    text = text.translate(_QUOTES).replace("**", "").replace("•", " ").replace("\t", " ")
    return " ".join(text.split())


@lru_cache(maxsize=16)
def seed_lines(path: str) -> tuple[str, ...]:
    return tuple(Path(path).read_text(encoding="utf-8").split("\n"))


def source_text(seeds: Path, file: str, first: int, last: int) -> str:
    lines = seed_lines(str(seeds / file))
    return normalise(" ".join(lines[first - 1:last]))


def verbatim_in_source(text: str, seeds: Path, file: str, lines: tuple[int, int]) -> bool:
    """Is ``text`` found, word for word, in lines ``lines`` of the seed ``file``?"""
    needle = normalise(text).replace("*", "")
    hay = source_text(seeds, file, *lines).replace("*", "")
    return needle in hay


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text).lower())


def strip_quotations(markdown: str) -> str:
    """Drop what is allowed to match the sources: blockquotes, quoted passages and code."""
    kept = [ln for ln in markdown.split("\n") if not ln.lstrip().startswith(">")]
    text = "\n".join(kept)
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"“[^”]*”", " ", text)
    text = re.sub(r'"[^"\n]*"', " ", text)
    return text


@lru_cache(maxsize=4)
def _seed_ngrams(seeds: str, n: int) -> frozenset[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(Path(seeds).glob("*.txt")):
        w = words(path.read_text(encoding="utf-8"))
        grams.update(tuple(w[i:i + n]) for i in range(len(w) - n + 1))
    return frozenset(grams)


def copied_runs(prose: str, seeds: Path, n: int = 10) -> list[str]:
    """Every run of ``n`` consecutive words in ``prose`` (outside quotations) that is also in a seed."""
    grams = _seed_ngrams(str(seeds), n)
    w = words(strip_quotations(prose))
    hits, i = [], 0
    while i <= len(w) - n:
        if tuple(w[i:i + n]) in grams:
            j = i + n
            while j < len(w) and tuple(w[j - n + 1:j + 1]) in grams:
                j += 1
            hits.append(" ".join(w[i:j]))
            i = j
        else:
            i += 1
    return hits
