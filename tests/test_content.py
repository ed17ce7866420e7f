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
