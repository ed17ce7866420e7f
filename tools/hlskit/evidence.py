"""Plain credits for evidence statements, so readers see "e-book, Chapter 10", never a file name.

The seed files are named by their digest; readers know them by title, year and chapter. The chapter
starts are the e-book's own title lines (the chapter plan in the sources' line map).
"""
from __future__ import annotations

from bisect import bisect_right

from .schema import SourceRef

EBOOK = "004_07abdca42c21cf48.txt"

# file -> (short name used after each statement, full title and year given once per page)
TITLES: dict[str, tuple[str, str]] = {
    EBOOK: ("e-book", "Human Learning Systems: Public Service for the Real World (HLS Collaborative, 2021)"),
    "000_97938588e4e771ca.txt": ("equity report", "From Implicit to Intentional: Advancing Equity in Human "
                                                  "Learning Systems (2025)"),
    "001_b95da67fa75d7f2b.txt": ("HLS Week blog", "Collaborate's blog on equity at HLS Week 2022"),
    "002_1d25b5170e2bcdb5.txt": ("place-based blog", "What does a place-based approach to Human Learning "
                                                     "Systems look like? (Collaborate)"),
    "003_b29d80e92eb70ac7.txt": ("Collaborate history", "2017 – 2023: Building a movement (Collaborate)"),
}

# (first line, section) of the e-book, in order
EBOOK_SECTIONS: tuple[tuple[int, str], ...] = (
    (1, "front matter"), (205, "Introduction"), (485, "Chapter 1"), (989, "Chapter 2"),
    (1352, "Chapter 3"), (1793, "Chapter 4"), (1913, "Chapter 5"), (2345, "Chapter 6"),
    (2653, "Chapter 7"), (3079, "Chapter 8"), (3352, "Chapter 9"), (3855, "Chapter 10"),
    (4142, "Chapter 11"), (4415, "Chapter 12"), (4615, "Chapter 13"), (4823, "Chapter 14"),
    (5067, "Chapter 15"), (5406, "Chapter 16"), (5590, "Chapter 17"), (6016, "Chapter 18"),
    (6151, "Chapter 19"), (6470, "Chapter 20"), (6669, "Chapter 21"), (6756, "Chapter 22"),
    (6902, "back matter"),
)
_STARTS = [start for start, _ in EBOOK_SECTIONS]


def ebook_section(line: int) -> str:
    """The e-book section a line falls in, e.g. "Chapter 10"."""
    return EBOOK_SECTIONS[max(bisect_right(_STARTS, line) - 1, 0)][1]


def credit(ref: SourceRef) -> str:
    """A short credit for one cited passage: the source's short name, and the chapter for the e-book."""
    if ref.file not in TITLES:               # a trainer's own document: its name is all we know
        return ref.file
    short = TITLES[ref.file][0]
    return f"{short}, {ebook_section(ref.lines[0])}" if ref.file == EBOOK else short


def source_key(refs) -> list[tuple[str, str]]:
    """(short name, full title) of each source the refs cite, in first-cited order, for a page's key."""
    seen: dict[str, tuple[str, str]] = {}
    for ref in refs:
        if ref.file in TITLES and ref.file not in seen:
            seen[ref.file] = TITLES[ref.file]
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
