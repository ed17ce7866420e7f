"""The commissioner's kit (and any other kit): its sections resolved from content, and its page.

Everything on the page comes from the kit's content file or from the lists it names; the template
only lays it out. Kept free of pandas so the build hook that writes the page starts quickly.
"""
from __future__ import annotations

from dataclasses import dataclass

from .content import Content
from .evidence import credits_line
from .html import render


@dataclass(frozen=True)
class KitBlock:
    """One section ready to print: entries as (label, text), whether quoted, and plain credits."""

    id: str
    heading: str
    intro: str
    entries: tuple[tuple[str | None, str], ...]
    quoted: bool                  # verbatim items from the sources, shown in quotation marks
    numbered: bool
    illustration: bool
    credit: str                   # one plain credit line for the section's passages
    quote_by: tuple[str, str, str, str] | None = None   # (authors, title, year, chapter) of quoted text


def quote_by(refs) -> tuple[str, str, str, str] | None:
    """Who wrote quoted passages, as quotes elsewhere credit them, when they all come from one
    e-book chapter that names its authors: ("Melissa Hawkins, …", "Title", "2021", "Chapter 17")."""
    from .credits import parts_for, works
    from .evidence import EBOOK, ebook_section
    work = works()[EBOOK]
    parts = {p for r in refs if r.file == EBOOK for p in parts_for(work, tuple(r.lines))}
    if not refs or any(r.file != EBOOK for r in refs) or len(parts) != 1 or not next(iter(parts)).author:
        return None
    return next(iter(parts)).author, work.title, work.year or "", ebook_section(refs[0].lines[0])


def kit_blocks(content: Content, kit_id: str) -> list[KitBlock]:
    """The kit's sections with their entries taken from the kit file or from the list they name."""
    kit = content.kit(kit_id)
    verbatim = {lst.id for lst in content.lists if lst.verbatim}
    blocks = []
    for s in kit.sections:
        if s.from_list:
            items = [i for i in content.items if i.list == s.from_list
                     and (i.parent == s.parent if s.parent else i.parent is None)]
            entries = tuple((i.label, i.text) for i in items)
            refs = [i.source for i in items]
        else:
            entries = tuple((e.label, e.text) for e in s.entries)
            refs = [e.source for e in s.entries]
        quoted = s.from_list in verbatim
        blocks.append(KitBlock(s.id, s.heading, s.intro, entries, quoted, s.numbered,
                               s.illustration, credits_line(refs), quote_by(refs) if quoted else None))
    return blocks


def kit_page(content: Content, kit_id: str) -> str:
    """The MyST page for a kit, with one print action and a print layout for two A4 pages."""
    kit = content.kit(kit_id)
    return render("kit_page.md", kit=kit, blocks=kit_blocks(content, kit_id))


def kit_section_html(content: Content, kit_id: str, section_id: str) -> str:
    """One section of a kit as HTML, so a chapter shows the same text the kit prints."""
    block = next((b for b in kit_blocks(content, kit_id) if b.id == section_id), None)
    if block is None:
        known = ", ".join(b.id for b in kit_blocks(content, kit_id))
        raise KeyError(f"kit '{kit_id}' has no section '{section_id}' (known: {known})")
    return render("kit_section.html", b=block)


def show_kit_section(kit_id: str, section_id: str) -> str:
    """Display one kit section in a chapter (static site or notebook) and return its HTML."""
    from IPython.display import HTML, display
    from .page import content
    html = kit_section_html(content(), kit_id, section_id)
    display(HTML(html))
    return html
