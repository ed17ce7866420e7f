"""One pydantic model per content kind. Ids of stages and scales are checked later, in content.py,
because they are themselves content."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SLUG = r"^[a-z][a-z0-9_-]*$"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class SourceRef(Record):
    """Where a record comes from: a seed file and an inclusive, 1-based line range."""

    file: str = Field(min_length=1)
    lines: tuple[int, int]

    @field_validator("lines")
    @classmethod
    def _ordered(cls, v: tuple[int, int]) -> tuple[int, int]:
        if v[0] < 1 or v[1] < v[0]:
            raise ValueError(f"line range {list(v)} must be positive and in order")
        return v

    def cite(self) -> str:
        return f"{self.file}:{self.lines[0]}–{self.lines[1]}"


class Stage(Record):
    id: str = Field(pattern=SLUG)
    order: int = Field(ge=1)
    name: str = Field(min_length=1)
    short: str = Field(min_length=1)
    source_name: str = Field(min_length=1)
    table_label: str = Field(min_length=1)
    table_label_note: str | None = None
    summary: str = Field(min_length=1)
    involves: tuple[str, ...] = Field(min_length=1)
    source: SourceRef


class Scale(Record):
    id: str = Field(pattern=SLUG)
    order: int = Field(ge=1)
    name: str = Field(min_length=1)
    source_name: str = Field(min_length=1)
    table_header: str = Field(min_length=1)
    description: str = Field(min_length=1)
    source: SourceRef


class Question(Record):
    """One verbatim cell item of a stage-by-scale question table."""

    id: str = Field(pattern=SLUG)
    table: str = Field(pattern=SLUG)
    stage: str | None = None
    role: str | None = None  # managing | governing, for the stewardship table
    scale: str = Field(pattern=SLUG)
    text: str = Field(min_length=1)
    fix: str | None = None  # a conversion typo fixed, recorded
    source: SourceRef

    @model_validator(mode="after")
    def _stage_or_role(self) -> "Question":
        if (self.stage is None) == (self.role is None):
            raise ValueError("give exactly one of 'stage' or 'role'")
        return self
