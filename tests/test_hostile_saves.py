"""Saving never loses or silently changes a user's files: permissions, extra columns, BOMs, names, errors."""
from __future__ import annotations

import os
import stat
from datetime import date

import pytest

from hlskit.content import load_content
from hlskit.experiments import ExperimentDesign
from hlskit.files import free_stem, write_atomic
from hlskit.live import ExperimentDesigner, QuestionExplorer
from hlskit.portfolio import PortfolioError, append_design, load_portfolio

CONTENT = load_content()
A = ExperimentDesign(title="A", scale="person", start=date(2026, 1, 1), end=date(2026, 2, 1), question="q?")


def test_a_read_only_portfolio_is_refused_and_left_untouched(tmp_path):   # 8
    path = tmp_path / "portfolio.csv"
    append_design(path, A, CONTENT)
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(PortfolioError, match="read-only"):
        append_design(path, A, CONTENT)
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444


def test_columns_a_user_added_are_kept(tmp_path):   # 9
    path = tmp_path / "portfolio.csv"
    append_design(path, A, CONTENT)
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text(f"{lines[0]},notes\n{lines[1]},ask Sam first\n", encoding="utf-8")
    assert append_design(path, A, CONTENT) == 2
    text = path.read_text(encoding="utf-8").splitlines()
    assert text[0].endswith(",notes") and text[1].endswith(",ask Sam first") and text[2].endswith(",")


def test_a_portfolio_saved_with_a_byte_order_mark_is_read(tmp_path):   # 10
    path = tmp_path / "portfolio.csv"
    append_design(path, A, CONTENT)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert [d.title for d in load_portfolio(path, CONTENT)] == ["A"]
    assert append_design(path, A, CONTENT) == 2
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") and path.read_bytes().count(b"\xef\xbb\xbf") == 1


def test_an_export_picks_one_free_name_for_all_its_files(tmp_path):   # 11
    (tmp_path / "experiment-a.html").write_text("mine")
    view = ExperimentDesigner(CONTENT, work_dir=tmp_path)
    view.inputs["title"].value = "A"
    paths = view.export_card()
    assert {p.name for p in paths} == {"experiment-a-2.md", "experiment-a-2.html"}
    assert (tmp_path / "experiment-a.html").read_text() == "mine"
    q = QuestionExplorer(CONTENT, work_dir=tmp_path)
    q.ticks[0].value = True
    stem = f"worksheet-{date.today().isoformat()}"
    (tmp_path / f"{stem}.csv").write_text("mine")
    paths = q.export()
    assert {p.name for p in paths} == {f"{stem}-2.html", f"{stem}-2.md", f"{stem}-2.csv"}
    assert (tmp_path / f"{stem}.csv").read_text() == "mine"
    assert free_stem(tmp_path, stem, (".html", ".md", ".csv")) == f"{stem}-3"


def test_a_failing_save_is_shown_in_the_status_naming_the_file(tmp_path):   # 12
    from hlskit.live_assessment import SelfAssessment
    blocker = tmp_path / "hls-work"
    blocker.write_text("a file where the folder should be")
    view = ExperimentDesigner(CONTENT, work_dir=blocker)
    view.status.value = "✓ Saved"
    assert view.export_card() == [] and "Nothing was saved" in view.status.value and "hls-work" in view.status.value
    view.status.value = "✓ Saved"
    assert view.add_to_portfolio() is None and "Nothing was saved" in view.status.value
    inst = CONTENT.instruments[0]
    sa = SelfAssessment(CONTENT, inst, work_dir=blocker)
    next(iter(sa.radios.values())).value = inst.scale[0].value
    sa.status.value = "✓ Saved"
    assert sa.save_response() is None and "Nothing was saved" in sa.status.value and "hls-work" in sa.status.value


def test_saved_files_get_the_usual_permissions(tmp_path):   # 13
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "new.md", "x")
        assert stat.S_IMODE(path.stat().st_mode) == 0o644
        path.chmod(0o664)
        write_atomic(path, "y")
        assert stat.S_IMODE(path.stat().st_mode) == 0o664     # an existing file keeps its mode
    finally:
        os.umask(old)
