"""A trainer's overlay, wherever it is found, merges the same way: by id, adding or replacing records.

The book, its build script and every hlskit command load the same thing (shipped content, the
nearest book's case studies, and $HLS_OVERLAY or the nearest hls-content/ on top)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hlskit.cli import main
from hlskit.content import load_content, load_nearest

ROOT = Path(__file__).resolve().parents[1]
TRAINER = Path(__file__).parent / "fixtures" / "trainer"
SHIPPED_CASES = len(list((ROOT / "case_studies").glob("*.yaml")))


@pytest.fixture(autouse=True)
def no_overlay_from_outside(monkeypatch):
    monkeypatch.delenv("HLS_OVERLAY", raising=False)


def test_an_overlay_named_by_hls_overlay_adds_cases_to_the_shipped_ones(monkeypatch, tmp_path):
    monkeypatch.setenv("HLS_OVERLAY", str(TRAINER))
    c = load_nearest(ROOT)
    ids = {x.id for x in c.case_studies}
    assert len(ids) == SHIPPED_CASES + 1 and "northfield-hub" in ids and "dorset" in ids
    assert c.case("aberlour").name == "Aberlour, as our course tells it"       # replaced by id


def test_a_nearby_hls_content_folder_merges_the_same_way(monkeypatch, tmp_path):
    book = tmp_path / "book"
    shutil.copytree(TRAINER, book / "hls-content")
    monkeypatch.chdir(book)
    c = load_nearest()
    assert c.overlay == str(book / "hls-content")
    assert len(c.case_studies) == SHIPPED_CASES + 1
    assert c.is_trainers("case_studies", "northfield-hub") and c.is_trainers("case_studies", "aberlour")
    assert not c.is_trainers("case_studies", "dorset")
    assert "northfield-purpose-01" in {q.id for q in c.questions}


def test_check_with_an_explicit_overlay_and_the_book_agree(monkeypatch):
    res = CliRunner().invoke(main, ["check", "--overlay", str(TRAINER)])
    assert res.exit_code == 0, res.output
    assert f"{SHIPPED_CASES + 1} case studies" in res.output
    monkeypatch.setenv("HLS_OVERLAY", str(TRAINER))
    assert len(load_nearest(ROOT).case_studies) == SHIPPED_CASES + 1


def test_check_counts_instruments():
    res = CliRunner().invoke(main, ["check", "--overlay", str(TRAINER)])
    assert f"{len(load_content().instruments) + 1} instruments" in res.output


def broken_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "broken"
    shutil.copytree(TRAINER, folder)
    q = folder / "questions" / "northfield.yaml"
    q.write_text(q.read_text().replace("stage: purpose", "stage: purpos"))
    return folder


def test_check_sees_a_broken_overlay_named_by_hls_overlay(monkeypatch, tmp_path):
    monkeypatch.setenv("HLS_OVERLAY", str(broken_copy(tmp_path)))
    res = CliRunner().invoke(main, ["check"])
    assert res.exit_code == 1
    assert "northfield.yaml" in res.output and "unknown stage 'purpos'" in res.output


def test_check_sees_a_broken_hls_content_folder_nearby(monkeypatch, tmp_path):
    broken_copy(tmp_path).rename(tmp_path / "hls-content")
    (tmp_path / "notes").mkdir()
    monkeypatch.chdir(tmp_path / "notes")
    res = CliRunner().invoke(main, ["check"])
    assert res.exit_code == 1 and "unknown stage 'purpos'" in res.output
    assert "hls-content" in res.output          # it says which folder it used


def test_seeds_check_audits_shipped_records_and_only_shapes_the_trainers(seeds):
    res = CliRunner().invoke(main, ["check", "--overlay", str(TRAINER), "--seeds", str(seeds)])
    assert res.exit_code == 0, res.output
    assert "no seed file" not in res.output


def test_seeds_check_says_once_that_the_folder_is_missing(tmp_path):
    res = CliRunner().invoke(main, ["check", "--seeds", str(tmp_path / "nowhere")])
    assert res.exit_code == 1
    problems = [ln for ln in res.output.splitlines() if ln.startswith("Problem")]
    assert len(problems) == 1 and "no folder of source documents" in problems[0]


def test_a_trainers_case_page_says_it_comes_from_the_course_naming_its_source():
    from hlskit.pages import case_page
    c = load_content(TRAINER)
    own = case_page(c, "northfield-hub")
    assert "course's own material (northfield\\-course\\-notes.docx)" in own
    assert "handbook's own words" not in own
    shipped = case_page(c, "dorset")
    assert "handbook's own words" in shipped and "course's own material" not in shipped


def test_the_static_explorer_shows_a_questions_own_source_note_under_it():
    from hlskit import charts
    c = load_content(TRAINER)
    d = charts.explorer_lines(c)
    cell = d[(d.scale == "organisation") & (d.stage == "purpose")].reset_index(drop=True)
    mine = cell.index[cell.text.str.contains("families we work")][0]
    after = cell.iloc[mine:].reset_index(drop=True)
    note = after[after["style"] == "note"].iloc[0]
    assert note.text.startswith("Source: northfield-course-notes.docx")
    assert (after.iloc[:note.name]["style"] == "question").all()     # directly under the question
