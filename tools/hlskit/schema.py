"""One pydantic model per content kind.

References between files (a question's stage, a case's scales, a list item's parent) are checked in
content.py once everything is loaded, because the stages, scales and vocabularies are content too.
Text marked verbatim must match the cited source lines; everything else is the handbook's own words.
"""
from __future__ import annotations

import re
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator,
                      model_validator)

from . import limits

SLUG = r"^[a-z0-9][a-z0-9_-]*$"
Slug = Annotated[str, StringConstraints(pattern=SLUG)]
# a host, then printable ASCII without the characters that could end a link or an HTML attribute
WEB_URL = re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]+)?([/?#][!#-&(-;=?-\[\]-_a-~]*)?$")


def _slug() -> Any:
    return Field(pattern=SLUG)


class Record(BaseModel):
    # defer_build: a model's validator is built when it first validates, so a command that reads only
    # self-assessments (hlskit pool) does not wait for the other kinds' validators
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)
    limits: ClassVar[dict[str, int]] = {}          # a model's own, tighter text limits by field name

    @field_validator("*", mode="before")
    @classmethod
    def _within_limits(cls, value: Any, info: ValidationInfo) -> Any:
        """Every text field has a maximum length and no control characters; list fields a maximum size."""
        name = info.field_name
        most = cls.limits.get(name) or limits.TEXT.get(name, limits.TEXT_DEFAULT)
        values = value if isinstance(value, (list, tuple)) else [value]
        if values is value and len(values) > limits.ENTRIES.get(name, limits.ENTRIES_DEFAULT):
            raise ValueError(f"has {len(values):,} entries; the most this field takes is "
                             f"{limits.ENTRIES.get(name, limits.ENTRIES_DEFAULT):,}")
        for n, v in enumerate(values, start=1):
            problem = limits.text_problem(v, most) if isinstance(v, str) else None
            if problem:
                raise ValueError(problem if values is not value else f"entry {n} {problem}")
        return value


class SourceRef(Record):
    """Where a record comes from: a seed file and an inclusive, 1-based line range."""

    file: str = Field(min_length=1)   # a seed file name, or a trainer's own document
    lines: tuple[int, int]

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if v[0] < 1 or v[1] < v[0]:
            raise ValueError(f"line range {list(v)} must be positive and in order")
        return v

    def cite(self) -> str:
        """Exact provenance, for messages to trainers and the audit; never shown on reader pages."""
        return f"{self.file}:{self.lines[0]}–{self.lines[1]}"

    def credit(self) -> str:
        """The plain credit readers see: work, year, chapter or section."""
        from .credits import credit
        return credit(self.file, self.lines)

    def where(self) -> str:
        """The exact lines without the file name, for a collapsed "Where exactly" block."""
        from .credits import where_exactly
        return where_exactly(self.file, self.lines)


class Stage(Record):
    id: Slug = _slug()
    order: int = Field(ge=1)
    name: str = Field(min_length=1)
    short: str = Field(min_length=1)
    source_name: str = Field(min_length=1)          # verbatim Chapter 6 heading
    table_label: str = Field(min_length=1)          # verbatim row label of the stage tables
    table_label_note: str | None = None
    table_label_sic: bool = False                   # the label keeps a misspelling of the source: shown "[sic]"
    summary: str = Field(min_length=1)
    involves: tuple[str, ...] = Field(min_length=1)
    source: SourceRef
    also: tuple[SourceRef, ...] = ()                # where the verbatim names appear


class Scale(Record):
    id: Slug = _slug()
    order: int = Field(ge=1)
    name: str = Field(min_length=1)
    source_name: str = Field(min_length=1)          # verbatim
    table_header: str = Field(min_length=1)         # verbatim column header of the stage tables
    description: str = Field(min_length=1)
    source: SourceRef
    also: tuple[SourceRef, ...] = ()                # where the verbatim names appear


TableDim = Literal["stage", "scale", "role", "group"]


class QuestionTable(Record):
    """A set of questions from the sources, and which coordinates each of its questions must carry."""

    id: Slug = _slug()
    title: str = Field(min_length=1)                # the handbook's label
    source_title: str | None = None                 # verbatim title, if the source gives one
    dims: tuple[TableDim, ...] = ()
    description: str = Field(min_length=1)          # own words: what the table is for
    reconstruction: str | None = None               # what was rebuilt from a garbled conversion, and why
    source: SourceRef


class Question(Record):
    """One question, verbatim, placed in its table by stage, scale, role or group as the table needs."""

    id: Slug = _slug()
    table: Slug = _slug()
    order: int = Field(ge=1)
    stage: Slug | None = None
    scale: Slug | None = None
    role: Literal["managing", "governing"] | None = None
    group: str | None = None                        # e.g. "People we support" (Wellbeing Teams)
    lead_in: str | None = None                      # verbatim lead-in the question sits under
    text: str = Field(min_length=1)
    fix: str | None = None                          # a conversion typo fixed here, recorded
    source: SourceRef


class ItemList(Record):
    """A list or small grid from the sources (conditions, insights, practices, criteria...)."""

    id: Slug = _slug()
    title: str = Field(min_length=1)
    source_title: str | None = None
    description: str = Field(min_length=1)
    verbatim: bool = True                           # are the items' texts quoted word for word?
    columns: tuple[str, ...] = ()                   # for grids: the column labels, verbatim
    reconstruction: str | None = None
    source: SourceRef


class ListItem(Record):
    id: Slug = _slug()
    list: Slug = _slug()
    order: int = Field(ge=1)
    parent: Slug | None = None                      # sub-points and steps point at their item
    group: str | None = None                        # e.g. "is" / "isn't"
    label: str | None = None                        # bold lead term or row label, verbatim
    column: str | None = None                       # for grids: one of the list's columns
    text: str = Field(min_length=1)
    fix: str | None = None
    source: SourceRef


class Vocabulary(Record):
    """Controlled terms for filtering case studies, so filters never split on spelling."""

    id: Slug = _slug()
    kind: Literal["sector", "theme", "organisation_type", "collection"]
    label: str = Field(min_length=1)
    description: str | None = None


class Method(Record):
    id: Slug = _slug()
    name: str = Field(min_length=1)                 # heading as printed
    level: Literal["individual", "organisational", "cross-organisational", "roles"]
    purpose: str = Field(min_length=1)              # own words: what it is for
    examples: tuple[str, ...] = ()                  # names as printed
    stages: tuple[Slug, ...] = Field(min_length=1)
    scales: tuple[Slug, ...] = Field(min_length=1)
    tagging_note: str = Field(min_length=1)         # the sources never tag methods: say why we did
    source: SourceRef


class GlossaryTerm(Record):
    id: Slug = _slug()
    term: str = Field(min_length=1)
    definition: str = Field(min_length=1)           # own words
    related: tuple[Slug, ...] = ()
    sources: tuple[SourceRef, ...] = Field(min_length=1)


class CaseStudy(Record):
    id: Slug = _slug()
    name: str = Field(min_length=1)                 # as the source heads it
    aliases: tuple[str, ...] = ()
    collection: Slug = _slug()                      # which source's set it belongs to (vocabulary)
    organisation_type: Slug = _slug()               # vocabulary
    place: str | None = None                        # as the source names it; blank if it does not
    country: str | None = None
    place_note: str | None = None                   # where the source implies the place, or why it is blank
    scales: tuple[Slug, ...] = Field(min_length=1)
    sectors: tuple[Slug, ...] = Field(min_length=1)
    themes: tuple[Slug, ...] = Field(min_length=1)
    stages: tuple[Slug, ...] = Field(min_length=1)
    summary: str = Field(min_length=1)              # own words, 60-150 words
    practices: tuple[str, ...] = Field(min_length=1)  # own words
    source_chapters: tuple[str, ...] = ()           # e.g. "Ch6 Enacting learning as management strategy"
    url: str | None = None
    sources: tuple[SourceRef, ...] = Field(min_length=1)
    evidence: Evidence | None = None                # money, contract and results (evidence_schema.py)

    @field_validator("summary")
    @classmethod
    def _summary_length(cls, v: str) -> str:
        n = len(v.split())
        if not 60 <= n <= 150:
            raise ValueError(f"summary has {n} words; write 60-150")
        return v

    @field_validator("place", "country")
    @classmethod
    def _plain_place(cls, v: str | None) -> str | None:
        if v is not None and "implied" in v.lower():
            raise ValueError("give the place name only; say where the source implies it in place_note")
        return v

    @field_validator("url")
    @classmethod
    def _url_is_web(cls, v: str | None) -> str | None:
        if v is not None and not WEB_URL.match(v):
            raise ValueError("must be a web address starting with https:// or http://, with no spaces, "
                             "quotes, angle brackets, backticks or backslashes (write a space as %20)")
        return v


class ScalePoint(Record):
    value: int = Field(ge=1)
    label: str = Field(min_length=1)


class Dimension(Record):
    id: Slug = _slug()
    name: str = Field(min_length=1)
    description: str = Field(min_length=1)          # own words
    prompt: str = Field(min_length=1)               # own-words reflection prompt for when it scores low or divides
    chapter: str | None = None                      # book page that helps, e.g. "book/stewardship/stewardship"
    source: SourceRef


class InstrumentItem(Record):
    id: Slug = _slug()
    dimension: Slug = _slug()
    text: str = Field(min_length=1)                 # own words, first person plural ("We ...")
    reverse: bool = False                           # worded so that agreeing means LESS of the dimension
    source: SourceRef


class Instrument(Record):
    """A self-assessment: dimensions, items and the response scale, in one file per instrument."""

    id: Slug = _slug()
    title: str = Field(min_length=1)
    version: int = Field(ge=1)                      # raise it whenever items change: old answers are kept apart
    purpose: str = Field(min_length=1)
    scale: tuple[ScalePoint, ...] = Field(min_length=2)
    dont_know: str = "Don't know"
    dimensions: tuple[Dimension, ...] = Field(min_length=1)
    items: tuple[InstrumentItem, ...] = Field(min_length=1)
    source: SourceRef

    @model_validator(mode="after")
    def _consistent(self) -> "Instrument":
        values = [p.value for p in self.scale]
        if values != list(range(1, len(values) + 1)):
            raise ValueError(f"scale values must be 1, 2, ... in order; got {values}")
        dims = [d.id for d in self.dimensions]
        if len(set(dims)) != len(dims):
            raise ValueError("dimension ids must be unique")
        ids = [i.id for i in self.items]
        dup = sorted({i for i in ids if ids.count(i) > 1})
        if dup:
            raise ValueError(f"duplicate item id '{dup[0]}'")
        for item in self.items:
            if item.dimension not in dims:
                raise ValueError(f"item '{item.id}' names unknown dimension '{item.dimension}'")
        empty = [d for d in dims if not any(i.dimension == d for i in self.items)]
        if empty:
            raise ValueError(f"dimension '{empty[0]}' has no items")
        return self


class PathwayStep(Record):
    page: str = Field(pattern=r"^book/[a-z0-9_/-]+$")   # a page of the book, without extension
    why: str = Field(min_length=1)                      # own words: what this reader gets from it
    depth: bool = False                                 # background theory, marked "optional depth"


class FiveMinutes(Record):
    """The five-minute version that opens a pathway: enough to start on one's own today."""

    hls: str = Field(min_length=1)                      # what HLS is, in two sentences
    your_day: str = Field(min_length=1)                 # what changes in this reader's day
    try_alone: tuple[str, ...] = Field(min_length=3, max_length=3)   # three things to try alone
    start_with: PathwayStep                             # the one tool to start with


class Pathway(Record):
    """A suggested route through the handbook for one kind of reader."""

    id: Slug = _slug()
    order: int = Field(ge=1)
    reader: str = Field(min_length=1)                   # e.g. "Frontline worker"
    intro: str = Field(min_length=1)
    five_minutes: FiveMinutes | None = None
    steps: tuple[PathwayStep, ...] = Field(min_length=3)


# The evidence record has its own module; it is bound here, once CaseStudy exists, to avoid a cycle.
from .evidence_schema import Evidence  # noqa: E402

CaseStudy.model_rebuild()
