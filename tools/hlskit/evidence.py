"""Plain credits for evidence statements, so readers see "e-book, Chapter 10", never a file name.

A thin layer over ``credits`` (one list of the source works, in content/sources.yaml): evidence
blocks use a short form, the work's short name and, for the e-book, the chapter number.
"""
from __future__ import annotations

import re

from .credits import parts_for, works
from .schema import SourceRef

EBOOK = "004_07abdca42c21cf48.txt"


def _short(work) -> str:
    return re.sub(r"^the ", "", work.short)


def ebook_section(line: int) -> str:
    """The e-book section a line falls in, e.g. "Chapter 10" or "Introduction"."""
    parts = parts_for(works()[EBOOK], (line, line))
    label = parts[0].label if parts else "back matter"
    m = re.match(r"chapter (\d+)", label)
    if m:
        return f"Chapter {m.group(1)}"
    m = re.match(r"the (Introduction|Foreword)", label)
    return m.group(1) if m else label.split(" (")[0]


def credit(ref: SourceRef) -> str:
    """A short credit for one cited passage: the source's short name, and the chapter for the e-book."""
    work = works().get(ref.file)
    if work is None:               # a trainer's own document: its name is all we know
        return ref.file
    return f"{_short(work)}, {ebook_section(ref.lines[0])}" if ref.file == EBOOK else _short(work)


def source_key(refs) -> list[tuple[str, str]]:
    """(short name, full title) of each source the refs cite, in first-cited order, for a page's key."""
    seen: dict[str, tuple[str, str]] = {}
    for ref in refs:
        work = works().get(ref.file)
        if work is not None and ref.file not in seen:
            seen[ref.file] = (_short(work), work.name)
    return list(seen.values())


def credits_line(refs) -> str:
    """One plain credit for several passages, e.g. "e-book, Chapters 1, 8 and 17; equity report"."""
    chapters: dict[str, list[str]] = {}
    for ref in refs:
        if ref.file == EBOOK:
            chapters.setdefault("e-book", [])
            section = ebook_section(ref.lines[0])
            if section not in chapters["e-book"]:
                chapters["e-book"].append(section)
        else:
            chapters.setdefault(credit(ref), [])
    parts = []
    for name, sections in chapters.items():
        numbered = sorted((s for s in sections if s.startswith("Chapter ")), key=lambda s: int(s.split()[1]))
        others = [s for s in sections if not s.startswith("Chapter ")]
        nums = [s.split()[1] for s in numbered]
        named = others + ([f"Chapter {nums[0]}"] if len(nums) == 1 else
                          [f"Chapters {', '.join(nums[:-1])} and {nums[-1]}"] if nums else [])
        parts.append(f"{name}, {', '.join(named)}" if named else name)
    return "; ".join(parts)
