"""A printable kit: sections drawn from content lists, or written for the kit, each with its sources.

A section either shows the items of a list (optionally only the children of one item) or holds its
own entries in the handbook's words. A section marked ``illustration`` is the handbook's own worked
example where the sources give none, and the page says so.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .schema import Record, Slug, SourceRef, _slug


class KitEntry(Record):
    label: str | None = None                       # a short bold lead, own words
    text: str = Field(min_length=1)                # own words
    source: SourceRef                              # the passage it rests on or responds to


class KitSection(Record):
    id: Slug = _slug()
    heading: str = Field(min_length=1)
    intro: str = Field(min_length=1)               # own words: what this section is for
    from_list: Slug | None = None                  # show the items of this content list...
    parent: Slug | None = None                     # ...only the children of this item
    entries: tuple[KitEntry, ...] = ()
    numbered: bool = False                         # steps rather than points
    illustration: bool = False                     # the handbook's example; the sources give none

    @model_validator(mode="after")
    def _one_kind(self) -> "KitSection":
        if bool(self.from_list) == bool(self.entries):
            raise ValueError("a section shows either a content list (from_list) or its own entries, not both")
        if self.parent and not self.from_list:
            raise ValueError("parent only narrows a from_list section")
        return self


class Kit(Record):
    id: Slug = _slug()
    title: str = Field(min_length=1)
    intro: str = Field(min_length=1)               # own words
    print_label: str = "Print this kit"
    columns: Literal[1, 2] = 2                     # columns on paper
    sections: tuple[KitSection, ...] = Field(min_length=1)
    source: SourceRef                              # the chapter the kit is built from

    @model_validator(mode="after")
    def _unique_sections(self) -> "Kit":
        ids = [s.id for s in self.sections]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate section id '{dup[0]}'")
        return self
