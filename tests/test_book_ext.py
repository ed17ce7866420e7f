"""The book's Sphinx hook that keeps the handbook's own CSS and scripts current in the site."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def hls_book(monkeypatch):
    monkeypatch.setenv("HLS_BOOK_BUILD", "0")       # importing the extension sets it; undone after the test
    monkeypatch.syspath_prepend(str(ROOT / "_ext"))
    return importlib.import_module("hls_book")


def fake_app(tmp_path: Path, fmt: str = "html") -> SimpleNamespace:
    (tmp_path / "book" / "_static").mkdir(parents=True)
    (tmp_path / "site" / "_static").mkdir(parents=True)
    return SimpleNamespace(builder=SimpleNamespace(format=fmt), confdir=str(tmp_path / "book"),
                           srcdir=str(tmp_path / "book"), outdir=str(tmp_path / "site"),
                           config=SimpleNamespace(hls_extra_folders=[]))


def test_a_packs_worksheets_folder_is_copied_into_its_site(hls_book, tmp_path):
    app = fake_app(tmp_path)
    app.config.hls_extra_folders = ["worksheets"]
    (tmp_path / "book" / "worksheets").mkdir()
    (tmp_path / "book" / "worksheets" / "questions-purpose.html").write_text("<h1>Purpose</h1>")
    hls_book.refresh_own_static(app, None)
    assert (tmp_path / "site" / "worksheets" / "questions-purpose.html").read_text() == "<h1>Purpose</h1>"


def test_an_edited_stylesheet_reaches_the_site_even_when_no_page_is_written(hls_book, tmp_path):
    app = fake_app(tmp_path)
    (tmp_path / "book" / "_static" / "hls.css").write_text("body { color: black; }")
    (tmp_path / "site" / "_static" / "hls.css").write_text("body { color: grey; }")
    hls_book.refresh_own_static(app, None)
    assert (tmp_path / "site" / "_static" / "hls.css").read_text() == "body { color: black; }"
    form_script = tmp_path / "site" / "_static" / "hls-forms.js"    # the package's own script, too
    assert form_script.exists() and "localStorage" in form_script.read_text()


def test_nothing_is_copied_after_a_failed_build_or_for_another_builder(hls_book, tmp_path):
    app = fake_app(tmp_path)
    (tmp_path / "book" / "_static" / "hls.css").write_text("new")
    hls_book.refresh_own_static(app, RuntimeError("the build failed"))
    assert not (tmp_path / "site" / "_static" / "hls.css").exists()
    app.builder.format = "latex"
    hls_book.refresh_own_static(app, None)
    assert not (tmp_path / "site" / "_static" / "hls.css").exists()


def _launch_context(hub_url: str) -> dict:
    buttons = [{"type": "link", "text": "Binder", "tooltip": "Launch on Binder", "url": "https://mybinder.org/v2/gh/o/r/main"},
               {"type": "link", "text": "JupyterHub", "tooltip": "Launch on JupyterHub",
                "url": f"{hub_url}/hub/user-redirect/git-pull?repo=x"}]
    return {"header_buttons": [{"type": "group", "label": "launch-buttons", "buttons": buttons}]}


def test_launch_buttons_speak_plainly_and_drop_a_placeholder_hub(hls_book):
    ctx = _launch_context("https://hub.example.org")
    hls_book.plain_launch_buttons(None, "p", "page.html", ctx, None)
    (binder,) = ctx["header_buttons"][0]["buttons"]
    assert binder["tooltip"] == "Open this chapter as a live notebook in your browser, no install"


def test_a_real_hub_keeps_its_button(hls_book):
    ctx = _launch_context("https://jupyter.my-council.gov.uk")
    hls_book.plain_launch_buttons(None, "p", "page.html", ctx, None)
    assert [b["text"] for b in ctx["header_buttons"][0]["buttons"]] == ["Binder", "JupyterHub"]
    assert "organisation" in ctx["header_buttons"][0]["buttons"][1]["tooltip"]
