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
