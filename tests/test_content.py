"""Loading and validating content: the shipped files, a trainer's overlay, and each kind of bad input."""
from __future__ import annotations

from pathlib import Path

import pytest

from hlskit.content import load_content
from hlskit.errors import ContentError

STAGE_IDS = ["purpose", "understand", "codesign", "experiment", "embed"]
SCALE_IDS = ["person", "organisation", "place", "country"]


def test_stages_and_scales_load_in_order():
    c = load_content()
    assert [s.id for s in c.stages] == STAGE_IDS
    assert [s.id for s in c.scales] == SCALE_IDS
    assert all(s.source.file.endswith(".txt") for s in (*c.stages, *c.scales))


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


STAGE = """- id: {id}
  order: {order}
  name: {name}
  short: {name}
  source_name: X
  table_label: X
  summary: S
  involves: [one]
  source: {{file: f.txt, lines: [1, 2]}}
"""


def test_overlay_replaces_a_record_and_adds_new_ones(tmp_path):
    write(tmp_path, "stages.yaml", STAGE.format(id="purpose", order=1, name="Why we are here")
          + STAGE.format(id="pause", order=6, name="Pause"))
    c = load_content(tmp_path)
    assert c.stage("purpose").name == "Why we are here"
    assert [s.id for s in c.stages][-1] == "pause"


@pytest.mark.parametrize("text, record, field, words", [
    (STAGE.format(id="purpose", order=1, name="A") + "  colour: red\n", "purpose", "colour", "not a known field"),
    (STAGE.format(id="purpose", order=1, name="A").replace("  summary: S\n", ""), "purpose", "summary", "Field required"),
    (STAGE.format(id="Bad Id", order=1, name="A"), "Bad Id", "id", "pattern"),
    (STAGE.format(id="purpose", order=1, name="A").replace("[1, 2]", "[9, 2]"), "purpose", "source.lines", "in order"),
    (STAGE.format(id="x1", order=7, name="A") + STAGE.format(id="x1", order=8, name="B"), "x1", "id", "duplicate id"),
    (STAGE.format(id="x2", order=2, name="A"), "x2", "order", "already used by 'understand'"),
])
def test_bad_records_name_file_record_and_field(tmp_path, text, record, field, words):
    path = write(tmp_path, "stages.yaml", text)
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    err = info.value
    assert (err.file, err.record, err.field) == (str(path), record, field)
    assert words in err.problem
    assert str(path) in str(err) and record in str(err) and field in str(err)


@pytest.mark.parametrize("raw, words", [
    (b"", "is empty"),
    (b"id: purpose\n", "list of records"),
    (b"- id: [unclosed\n", "not valid YAML at line"),
    ("- id: caf\u00e9\n".encode("latin-1"), "not UTF-8"),
])
def test_unreadable_files_are_named(tmp_path, raw, words):
    path = tmp_path / "scales.yaml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert info.value.file == str(path) and words in str(info.value)


def test_unknown_file_in_overlay_is_refused(tmp_path):
    write(tmp_path, "stagez.yaml", "[]")
    with pytest.raises(ContentError, match="stagez.yaml.*not a content kind"):
        load_content(tmp_path)


def test_missing_overlay_folder_is_refused(tmp_path):
    with pytest.raises(ContentError, match="not a folder"):
        load_content(tmp_path / "nope")


QUESTION_TABLE = """- id: my-table
  title: My table
  dims: [stage, scale]
  description: Mine.
  source: {file: mine.txt, lines: [1, 2]}
"""


@pytest.mark.parametrize("question, field, words", [
    ("{id: q1, table: my-table, order: 1, stage: purpose, scale: town, text: Q?, source: {file: m.txt, lines: [1, 1]}}",
     "scale", "unknown scale 'town'"),
    ("{id: q1, table: my-table, order: 1, scale: person, text: Q?, source: {file: m.txt, lines: [1, 1]}}",
     "stage", "missing: table 'my-table' places every question by stage"),
    ("{id: q1, table: nope, order: 1, stage: purpose, scale: person, text: Q?, source: {file: m.txt, lines: [1, 1]}}",
     "table", "unknown question table 'nope'"),
])
def test_references_to_unknown_ids_name_file_record_and_field(tmp_path, question, field, words):
    write(tmp_path, "question_tables.yaml", QUESTION_TABLE)
    path = write(tmp_path, "questions.yaml", f"- {question}\n")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert (info.value.file, info.value.record, info.value.field) == (str(path), "q1", field)
    assert words in info.value.problem


@pytest.mark.parametrize("change, field, words", [
    ({"sectors": ["space-travel"]}, "sectors", "unknown sector 'space-travel'"),
    ({"organisation_type": "think-tank"}, "organisation_type", "unknown organisation type 'think-tank'"),
    ({"country": "UK (implied)"}, "country", "say where the source implies it in place_note"),
])
def test_case_with_a_bad_sector_organisation_type_or_place_is_named(tmp_path, change, field, words):
    import yaml
    from hlskit.content import CASE_STUDIES
    case = yaml.safe_load((CASE_STUDIES / "mayday-trust.yaml").read_text(encoding="utf-8"))
    case.update(id="my-case", **change)
    folder = tmp_path / "case_studies"
    folder.mkdir()
    path = folder / "my-case.yaml"
    path.write_text(yaml.safe_dump(case), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert (info.value.file, info.value.record, info.value.field) == (str(path), "my-case", field)
    assert words in info.value.problem


def test_every_shipped_case_has_a_known_organisation_type_and_a_plain_place():
    c = load_content()
    types = {v.id for v in c.vocabulary if v.kind == "organisation_type"}
    assert {case.organisation_type for case in c.case_studies} <= types
    for case in c.case_studies:
        assert "(" not in (case.country or ""), case.id
