"""The evidence record of a case study: what changed in the money and the contract, when and how big,
what results were reported and by whom, and whether anyone outside evaluated it.

Every statement is the handbook's own words and cites the seed lines it rests on. A figure, where the
source gives one, is copied word for word (``figure``) so the audit can find it in the cited lines.
Where the sources give no figures the record says so (``figures: none given``), and the page says it too.
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from .schema import Record, SourceRef


class EvidencePoint(Record):
    """One statement about a case, in the handbook's words, with the lines it rests on."""

    text: str = Field(min_length=1)
    figure: str | None = None           # the figure word for word as the source prints it ("in half")
    source: SourceRef


class ReportedResult(EvidencePoint):
    """A result the sources state, and who states it."""

    reported_by: str = Field(min_length=1)   # e.g. "the e-book's authors, from the Alliance's case study"


class Evaluation(Record):
    """Whether the sources mention an evaluation by someone outside the case."""

    status: Literal["independent", "own account", "not stated"]
    text: str = Field(min_length=1)
    source: SourceRef | None = None

    @model_validator(mode="after")
    def _cited_unless_silent(self) -> "Evaluation":
        if self.status != "not stated" and self.source is None:
            raise ValueError(f"an evaluation marked '{self.status}' must cite its source lines")
        return self


class Evidence(Record):
    money_and_contract: tuple[EvidencePoint, ...] = ()   # what changed in funding, contracts, reporting
    when: EvidencePoint | None = None                    # the year or years the sources give
    size: EvidencePoint | None = None                    # how big: people, organisations, places, money
    results: tuple[ReportedResult, ...] = ()             # only what a source states
    evaluation: Evaluation
    figures: Literal["given", "none given"]              # any figure on money or results?
    silent_on: tuple[str, ...] = ()                      # what the sources do not say, plainly

    @model_validator(mode="after")
    def _figures_match(self) -> "Evidence":
        has = any(p.figure for p in (*self.money_and_contract, *self.results))   # money and results only
        if self.figures == "given" and not has:
            raise ValueError("figures is 'given' but no statement carries a figure; write 'none given'")
        if self.figures == "none given" and has:
            raise ValueError("figures is 'none given' but a statement carries a figure; write 'given'")
        if not self.money_and_contract and not self.results and not self.silent_on:
            raise ValueError("say what changed, what was reported, or (in silent_on) what the sources leave out")
        return self

    def points(self) -> list[EvidencePoint]:
        """Every cited statement, in page order."""
        return [*self.money_and_contract, *(p for p in (self.when, self.size) if p), *self.results]

    def sources(self) -> list[SourceRef]:
        """Every line range the record cites, statements first, then the evaluation's."""
        refs = [p.source for p in self.points()]
        return refs + ([self.evaluation.source] if self.evaluation.source else [])
