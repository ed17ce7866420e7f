"""The build script's "up to date" check: it may skip the build only when truly nothing changed."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import build_book  # noqa: E402


@pytest.fixture
def book(tmp_path, monkeypatch) -> Path:
    """A tiny built book: two pages in the toc, their HTML, and the stamp of a good build."""
    monkeypatch.delenv("HLS_OVERLAY", raising=False)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: index\nchapters:\n  - file: part/a\n")
    (tmp_path / "index.md").write_text("# Home\n")
    (tmp_path / "part").mkdir()
    (tmp_path / "part" / "a.md").write_text("# A\n")
    html = tmp_path / "_build" / "html"
    (html / "part").mkdir(parents=True)
    (html / "index.html").write_text("home")
    (html / "part" / "a.html").write_text("a")
    (tmp_path / "_build" / ".site-inputs").write_text(build_book.site_inputs(tmp_path))
    return tmp_path


def test_a_book_with_nothing_changed_is_up_to_date(book):
    assert build_book.up_to_date(book)


def test_editing_a_page_means_a_rebuild(book):
    page = book / "part" / "a.md"
    st = page.stat()
    page.write_text("# A, edited\n")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert not build_book.up_to_date(book)


def test_a_new_file_anywhere_but_the_build_folder_means_a_rebuild(book):
    (book / "_build" / "scratch.txt").write_text("outputs are not inputs")
    assert build_book.up_to_date(book)
    (book / "part" / "new.md").write_text("# New\n")
    assert not build_book.up_to_date(book)


def test_a_missing_page_in_the_site_means_a_rebuild(book):
    (book / "_build" / "html" / "part" / "a.html").unlink()
    assert not build_book.up_to_date(book)


def test_no_stamp_or_another_overlay_means_a_rebuild(book, tmp_path_factory, monkeypatch):
    overlay = tmp_path_factory.mktemp("overlay")
    (overlay / "glossary").mkdir()
    (overlay / "glossary" / "terms.yaml").write_text("- id: my-term\n")
    monkeypatch.setenv("HLS_OVERLAY", str(overlay))
    assert not build_book.up_to_date(book)
    monkeypatch.delenv("HLS_OVERLAY")
    (book / "_build" / ".site-inputs").unlink()
    assert not build_book.up_to_date(book)


def test_editing_a_file_of_the_overlay_clears_the_notebook_cache(tmp_path, monkeypatch):
    """The fingerprint decides whether executed notebooks are reused; the overlay is an input."""
    overlay = tmp_path / "my-course-content"
    (overlay / "questions").mkdir(parents=True)
    mine = overlay / "questions" / "mine.yaml"
    mine.write_text("- id: q1\n")
    monkeypatch.setenv("HLS_OVERLAY", str(overlay))
    before = build_book.fingerprint()
    mine.write_text("- id: q2\n")
    assert build_book.fingerprint() != before


def test_an_hls_content_folder_above_the_book_is_an_input(book, monkeypatch):
    """The book loads the nearest hls-content/ even above its folder, so a change there means a rebuild."""
    outer = book.parent / "hls-content"
    outer.mkdir()
    (outer / "pathways.yaml").write_text("[]\n")
    (book / "_build" / ".site-inputs").write_text(build_book.site_inputs(book))
    assert build_book.up_to_date(book)
    st = (outer / "pathways.yaml").stat()
    (outer / "pathways.yaml").write_text("- changed\n")
    os.utime(outer / "pathways.yaml", ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert not build_book.up_to_date(book)


def test_build_sh_passes_its_options_on(tmp_path):
    """`bash scripts/build.sh --force --overlay DIR` reaches the build script, DIR made absolute; the PDF follows."""
    import subprocess
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "build.sh").write_text((ROOT / "scripts" / "build.sh").read_text())
    (tmp_path / "scripts" / "setup.sh").write_text("true\n")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    fake = tmp_path / ".venv" / "bin" / "python"
    fake.write_text('#!/bin/sh\nprintf "%s\\n" "$@"\n')
    fake.chmod(0o755)
    (tmp_path / "elsewhere" / "mine").mkdir(parents=True)
    out = subprocess.run(["bash", str(tmp_path / "scripts" / "build.sh"), "--force", "--overlay", "mine"],
                         cwd=tmp_path / "elsewhere", capture_output=True, text=True, check=True).stdout.split()
    assert out[:4] == ["scripts/build_book.py", "--force", "--overlay", str(tmp_path / "elsewhere" / "mine")]
    assert out[4:] == ["scripts/build_pdf.py", "--force"]     # then the PDF book, rebuilt too with --force


def test_a_content_problem_stops_the_build_before_any_notebook_runs(tmp_path, monkeypatch, capsys):
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "pathways.yaml").write_text("- id: Not An Id\n")
    monkeypatch.setenv("HLS_OVERLAY", "")        # restored after the test: main() sets it
    monkeypatch.delenv("CI", raising=False)

    def must_not_run(*args, **kwargs):
        raise AssertionError("the build went on past a content problem")
    monkeypatch.setattr(build_book, "execute_in_parallel", must_not_run)
    monkeypatch.setattr(build_book, "sphinx_build", must_not_run)
    assert build_book.main(["--overlay", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "pathways.yaml" in err and "Not An Id" in err and "not built" in err


def test_unknown_options_and_missing_overlay_folders_are_refused(tmp_path, capsys):
    assert build_book.main(["--forse"]) == 2
    assert "unknown option '--forse'" in capsys.readouterr().err
    assert build_book.main(["--overlay", str(tmp_path / "nope")]) == 2
    assert "no such folder" in capsys.readouterr().err
