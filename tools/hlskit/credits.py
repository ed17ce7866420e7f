"""Plain credits for readers: which work, which year, which chapter or section a passage comes from.

Records keep their exact provenance (a source file and a line range); readers never see file names.
``credit(file, lines)`` turns that provenance into a sentence such as
"Human Learning Systems: Public Service for the Real World (2021), chapter 2 ‘Learning’ (from p. 54)".
The works and their chapters or sections live in ``content/sources.yaml``. Every page, export and
the printed book call these functions, so a credit reads the same everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

SOURCES_FILE = Path(str(resources.files("hlskit") / "content" / "sources.yaml"))


@dataclass(frozen=True)
class Part:
    first: int
    last: int
    label: str              # "chapter 2 ‘Learning’", "section ‘Key takeaways’"
    page: int | None = None
    author: str | None = None   # a chapter's own authors, where it names them


@dataclass(frozen=True)
class Work:
    file: str
    short: str              # how the handbook's prose names it: "the e-book"
    title: str
    year: str | None
    author: str
    lines: int
    parts: tuple[Part, ...]
    publisher: str | None = None

    @property
    def name(self) -> str:
        """Title and year, as a credit starts: "Title (2021)" or "Title (Collaborate, not dated)"."""
        return f"{self.title} ({self.year})" if self.year else f"{self.title} ({self.author}, not dated)"


def load_works(path: Path = SOURCES_FILE) -> dict[str, Work]:
    """The source works by file name; checks that each work's parts cover its lines without gaps."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    works = {}
    for w in raw:
        parts = tuple(Part(**p) for p in w.pop("parts"))
        work = Work(parts=parts, **w)
        expected = 1
        for p in parts:
            if p.first != expected or p.last < p.first:
                raise ValueError(f"{path}: {work.file}: part '{p.label}' should start at line {expected}")
            expected = p.last + 1
        if expected != work.lines + 1:
            raise ValueError(f"{path}: {work.file}: the parts end at line {expected - 1}, not {work.lines}")
        works[work.file] = work
    return works


@lru_cache(maxsize=1)
def works() -> dict[str, Work]:
    return load_works()


def parts_for(work: Work, lines: tuple[int, int]) -> list[Part]:
    """The chapters or sections that a line range touches, in order."""
    first, last = lines
    return [p for p in work.parts if p.first <= last and p.last >= first]


def _where(parts: list[Part]) -> str:
    if len(parts) == 1:
        p = parts[0]
        return p.label + (f" (from p. {p.page})" if p.page else "")
    if len(parts) == 2:
        return f"{parts[0].label} and {parts[1].label}"
    return f"from {parts[0].label} to {parts[-1].label}"


def credit(file: str, lines: tuple[int, int] | None = None, known: dict[str, Work] | None = None) -> str:
    """A plain credit for lines ``lines`` of source ``file``; a trainer's own document keeps its name."""
    work = (known if known is not None else works()).get(file)
    if work is None:
        return file
    if lines is None:
        return work.name
    parts = parts_for(work, tuple(lines))
    if not parts or len(parts) == len(work.parts):
        return work.name
    return f"{work.name}, {_where(parts)}"


def credits(refs, known: dict[str, Work] | None = None, short: bool = False) -> list[str]:
    """Plain credits for several (file, lines) references, one per work and part, in order, no repeats.

    ``refs`` holds objects with ``file`` and ``lines`` (SourceRef) or (file, lines) pairs. Ranges from
    the same work are credited together: "Title (2021), chapter 1 ‘Human’ and chapter 4 ‘…’". With
    ``short`` a work is named as the handbook's prose names it ("the e-book"), for lists that have
    introduced the works once already."""
    known = known if known is not None else works()
    by_work: dict[str, list[Part]] = {}
    order: list[str] = []
    for ref in refs:
        file, lines = (ref.file, ref.lines) if hasattr(ref, "file") else ref
        if file not in by_work:
            by_work[file] = []
            order.append(file)
        work = known.get(file)
        if work is not None:
            by_work[file] += [p for p in parts_for(work, tuple(lines)) if p not in by_work[file]]
    out = []
    for file in order:
        work = known.get(file)
        if work is None:
            out.append(file)
            continue
        parts, name = by_work[file], work.short if short else work.name
        if not parts:
            out.append(name)
        elif len(parts) == len(work.parts):
            out.append(f"{name} (the whole piece)")
        elif len(parts) == 1:
            out.append(f"{name}, {_where(parts)}")
        elif len(parts) <= 3:
            out.append(f"{name}, " + ", ".join(p.label for p in parts[:-1]) + f" and {parts[-1].label}")
        else:   # a long run of parts reads better as its first and last
            parts = sorted(parts, key=lambda p: p.first)
            out.append(f"{name}, from {parts[0].label} to {parts[-1].label}")
    return out


def _title(label: str) -> str:
    m = re.search(r"‘(.*)’", label)
    return _norm(m.group(1) if m else label)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def named_part(name: str, files, known: dict[str, Work] | None = None) -> tuple[Work, Part] | None:
    """The chapter or section a record names in words ("Ch7 …", "Equity in Action: Give it time"),
    looked up in the works the record cites (``files``), so it can be shown with the table's own title."""
    known = known if known is not None else works()
    candidates = [known[f] for f in dict.fromkeys(files) if f in known] or list(known.values())
    chapter = re.match(r"\s*Ch(\d+)\b", name)
    for work in candidates:
        for part in work.parts:
            if chapter and part.label.startswith(f"chapter {chapter.group(1)} ‘"):
                return work, part
    if chapter:
        return None
    whole = _norm(re.sub(r"^\s*Intro\b", "", name))
    for wanted in (whole, _norm(name.rsplit(": ", 1)[-1])):   # "Equity in Action: Give it time"
        for work in candidates:
            for part in work.parts:
                if _title(part.label) == wanted:
                    return work, part
    return None


def named_parts(names, files, known: dict[str, Work] | None = None) -> list[str]:
    """One line per work: "Title (2021): chapter 1 ‘Human’ (from p. 27); chapter 7 ‘…’ (from p. 148)",
    with every title taken from the sources table; a name the table lacks is kept as written."""
    grouped: dict[str, list[str]] = {}
    for name in names:
        found = named_part(name, files, known)
        key, text = (found[0].name, _where([found[1]])) if found else ("", " ".join(name.split()).rstrip("."))
        if text not in grouped.setdefault(key, []):
            grouped[key].append(text)
    return [f"{key}: " + "; ".join(texts) if key else "; ".join(texts) for key, texts in grouped.items()]


def where_exactly(file: str, lines: tuple[int, int], known: dict[str, Work] | None = None) -> str:
    """The exact place, for readers who check: the work's short name and the lines of its text copy."""
    work = (known if known is not None else works()).get(file)
    first, last = lines
    span = f"line {first}" if first == last else f"lines {first}–{last}"
    if work is None:
        return f"{file}, {span}"
    return f"{work.short[0].upper()}{work.short[1:]}, {span} of the handbook's plain-text copy"


_KEY = r"(00[0-4])(?:_[0-9a-f]{16}\.txt)?"
_REF = re.compile(_KEY + r":(\d+)(?:\s*[-–]\s*(\d+))?")
_PAREN_REFS = re.compile(r"\s*\((?:see |at |in )?" + _KEY + r":[\d\s,;–-]+(?:(?:,|;| and) [^()]*?" + _KEY + r":[\d\s,–-]+)*\)")


def _work_by_key(key: str, known: dict[str, Work]) -> Work | None:
    return next((w for f, w in known.items() if f.startswith(key + "_")), None)


def plain_refs(text: str | None, exact: bool = False, known: dict[str, Work] | None = None) -> str:
    """An editorial note made readable: "004:2539"-style references become plain words.

    By default a reference in brackets is dropped and a bare one names the chapter or section
    ("the e-book, chapter 6 ‘…’"); with ``exact`` each becomes "the e-book, lines 2539–2540", for
    the collapsed "Where exactly" blocks. The word "seeds" becomes "sources" either way."""
    if not text:
        return ""
    known = known if known is not None else works()

    def one(m: re.Match) -> str:
        work = _work_by_key(m.group(1), known)
        first = int(m.group(2))
        last = int(m.group(3) or first)
        if work is None:
            return m.group(0)
        if exact:
            return f"{work.short}, " + (f"line {first}" if first == last else f"lines {first}–{last}")
        parts = parts_for(work, (first, last))
        return f"{work.short}, {_where(parts)}" if parts else work.short

    out = text if exact else _PAREN_REFS.sub("", text)
    out = _REF.sub(one, out)
    out = re.sub(r"\bseeds\b", "sources", out)
    return re.sub(r"\bseed\b", "source", out)


CHAPTER_SOURCES_FILE = SOURCES_FILE.with_name("chapter_sources.yaml")


@dataclass(frozen=True)
class SourceEntry:
    """One line of a chapter's "Sources" section: what it draws on, or a note in the handbook's words."""

    about: str | None
    refs: tuple = ()          # SourceRef records
    note: str | None = None

    @property
    def credits(self) -> list[str]:
        return credits(self.refs, short=True)

    @property
    def where(self) -> list[str]:
        return [r.where() for r in self.refs]


def load_chapter_sources(path: Path = CHAPTER_SOURCES_FILE) -> dict[str, tuple[SourceEntry, ...]]:
    """Every chapter's Sources entries, by chapter path; a bad entry names the file, chapter and entry."""
    from .schema import SourceRef
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = {}
    for chapter, entries in raw.items():
        got = []
        for i, e in enumerate(entries, start=1):
            if set(e) - {"about", "sources", "note"} or not (e.get("note") or (e.get("about") and e.get("sources"))):
                raise ValueError(f"{path}: {chapter}, entry {i}: needs 'about' with 'sources', or a 'note'")
            got.append(SourceEntry(e.get("about"), tuple(SourceRef(**s) for s in e.get("sources", ())), e.get("note")))
        out[chapter] = tuple(got)
    return out


def works_used(entries) -> list[Work]:
    """The works a list of Sources entries draws on, in order of first use."""
    files = dict.fromkeys(r.file for e in entries for r in e.refs)
    return [works()[f] for f in files if f in works()]


@lru_cache(maxsize=1)
def chapter_sources() -> dict[str, tuple[SourceEntry, ...]]:
    return load_chapter_sources()
