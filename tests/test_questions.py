"""Question queries, on a small fixture written for these tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from hlskit import questions as Q
from hlskit.content import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "content"


@pytest.fixture(scope="module")
def content():
    return load_content(base=FIXTURE, case_studies=FIXTURE / "no-cases")


def test_questions_for_a_cell_come_in_source_order(content):
    df = Q.questions_for(content, "person", "codesign")
    assert list(df.text) == ["What will they try?", "What data do they need?"]
    assert list(df.columns) == Q.QUESTION_COLUMNS
    assert df.source_lines.iloc[0] == "test.txt:3–3"   # exact provenance kept in the data
    assert df.source.iloc[0] == "test.txt"             # a trainer's own document is credited by its name


def test_stewarding_questions_put_managing_before_governing(content):
    df = Q.stewarding_questions(content, "person")
    assert list(df.role) == ["managing", "governing"]


def test_scale_above_walks_up_and_stops_at_country(content):
    assert Q.scale_above(content, "person") == "organisation"
    assert Q.scale_above(content, "country") is None


def test_explore_can_show_the_scale_above_beside_the_chosen_one(content):
    df = Q.explore(content, "person", "purpose", with_scale_above=True)
    chosen = df[df.panel == "chosen"]
    above = df[df.panel == "above"]
    assert set(chosen.scale) == {"person"} and set(above.scale) == {"organisation"}
    assert "How do we help people <b>achieve</b> their purposes?" in set(above.text)
    assert set(above[above.kind == "stewarding"].text) == {"What resources are needed?"}


@pytest.mark.parametrize("scale, stage, words", [("town", "purpose", "unknown scale 'town'"),
                                                 ("person", "finish", "unknown stage 'finish'")])
def test_unknown_ids_are_refused_with_the_known_ones(content, scale, stage, words):
    with pytest.raises(KeyError, match=words):
        Q.questions_for(content, scale, stage)


def test_coverage_counts_every_cell_including_empty_ones(content):
    grid = Q.coverage(content)
    assert grid.shape == (5, 4)
    assert grid.loc["codesign", "person"] == 2 and grid.loc["embed", "country"] == 0
