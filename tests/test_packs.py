"""Workshop packs, as a trainer makes them: the command writes a folder that builds as a small book."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hlskit.cli import main
from hlskit.packs import rewrite_links

ROOT = Path(__file__).resolve().parents[1]


def test_links_to_chapters_outside_the_pack_point_to_the_published_handbook():
    text = "See {doc}`../cycle/codesign`, {doc}`the cases <../cases/dorset>` and {doc}`Embed <../cycle/embed>`."
    out = rewrite_links(text, "book/cycle/purpose", {"book/cycle/purpose", "book/cycle/codesign"},
                        "https://example.org/hls/", {"book/cycle/embed": "Embed and influence"})
    assert "{doc}`../cycle/codesign`" in out and "{doc}`the cases <../cases/dorset>`" in out
    assert "[Embed](https://example.org/hls/book/cycle/embed.html)" in out


def test_bibliography_references_in_a_pack_point_to_the_published_handbook():
    text = "A review ({ref}`Hood and Dixon, 2015 <bib-hood-dixon-2015>`); {ref}`evidence <evidence-fcdo>`."
    out = rewrite_links(text, "book/why/real_world", {"book/why/real_world"}, "https://example.org/hls/", {})
    assert "[Hood and Dixon, 2015](https://example.org/hls/book/back/bibliography.html#bib-hood-dixon-2015)" in out
    assert "{ref}`evidence <evidence-fcdo>`" in out      # case pages travel with every pack


def test_pack_refuses_to_overwrite_and_names_unknown_chapters(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "mine.txt").write_text("keep me")
    run = CliRunner()
    res = run.invoke(main, ["pack", "--chapter", "book/cycle/purpose", "--out", str(tmp_path / "taken"),
                            "--book", str(ROOT)])
    assert res.exit_code == 2 and "not empty" in res.output
    assert (tmp_path / "taken" / "mine.txt").read_text() == "keep me"
    res = run.invoke(main, ["pack", "--chapter", "book/cycle/nope", "--out", str(tmp_path / "new"), "--book", str(ROOT)])
    assert res.exit_code == 2 and "no chapter 'book/cycle/nope'" in res.output


TRAINER = Path(__file__).parent / "fixtures" / "trainer"


def make(tmp_path, *extra: str):
    out = tmp_path / "pack"
    res = CliRunner().invoke(main, ["pack", "--chapter", "book/cycle/purpose", "--instrument", "northfield-check",
                                    "--overlay", str(TRAINER), "--out", str(out), "--book", str(ROOT), *extra])
    assert res.exit_code == 0, res.output
    return out, res.output


def test_a_pack_from_an_overlay_that_replaces_a_shipped_case_loads_merged(tmp_path, monkeypatch):
    """The overlay's our-aberlour.yaml (id: aberlour) replaces the shipped case in the pack too."""
    from hlskit.content import load_nearest
    monkeypatch.delenv("HLS_OVERLAY", raising=False)
    out, _ = make(tmp_path)
    c = load_nearest(out / "book" / "cycle")          # where the pack's notebooks run
    ids = [x.id for x in c.case_studies]
    assert len(ids) == len(set(ids)) == len(list((ROOT / "case_studies").glob("*.yaml"))) + 1
    assert c.case("aberlour").name == "Aberlour, as our course tells it"
    assert c.is_trainers("case_studies", "northfield-hub") and not c.is_trainers("case_studies", "dorset")


def test_a_pack_carries_the_books_styles_scripts_and_extensions(tmp_path):
    import yaml
    out, _ = make(tmp_path)
    for name in ("_static/hls.css", "_static/hls-theme-fixes.js", "_ext/hls_book.py", "_ext/offline_assets.py"):
        assert (out / name).read_bytes() == (ROOT / name).read_bytes(), name
    book = yaml.safe_load((ROOT / "_config.yml").read_text())["sphinx"]
    packed = yaml.safe_load((out / "_config.yml").read_text())["sphinx"]
    assert packed["local_extensions"] == book["local_extensions"]
    assert packed["config"]["html_js_files"] == book["config"]["html_js_files"]
    modules = [(out / m).resolve() for m in packed["config"]["offline_node_modules"]]
    assert (ROOT / "node_modules").resolve() in modules     # builds offline with the handbook's JavaScript


def test_a_pack_with_an_instrument_has_a_page_with_the_form_in_its_contents(tmp_path):
    import json
    import yaml
    out, _ = make(tmp_path)
    nb = json.loads((out / "book" / "self-assessment" / "northfield-check.ipynb").read_text())
    assert 'show_self_assessment("northfield-check")' in nb["cells"][1]["source"]
    toc = yaml.safe_load((out / "_toc.yml").read_text())
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    assert "book/self-assessment/northfield-check" in files
    assert "{doc}`Northfield team check <book/self-assessment/northfield-check>`" in (out / "index.md").read_text()


def test_facilitator_notes_are_a_printable_page_whose_commands_name_the_packs_content(tmp_path):
    out, printed = make(tmp_path)
    notes = (out / "facilitator-notes.html").read_text()
    assert notes.startswith("<!DOCTYPE html>") and "@media print" in notes
    assert "pool answers/*.json --overlay hls-content --out team-report.html" in notes
    assert "template northfield-check --overlay hls-content" in notes
    assert "{doc}" not in notes and "Purpose in their words" in notes      # the chapter's activity, as HTML
    command = printed.split("Build its website with:")[1].strip()
    assert command.split()[0].endswith("jupyter-book") and Path(command.split()[0]).exists()
    assert command in notes and command in (out / "README.txt").read_text()


def test_a_broken_overlay_is_refused_before_any_pack_is_written(tmp_path):
    bad = tmp_path / "bad-overlay"
    shutil.copytree(TRAINER, bad)
    (bad / "case_studies" / "twin.yaml").write_text((bad / "case_studies" / "northfield-hub.yaml").read_text())
    res = CliRunner().invoke(main, ["pack", "--chapter", "book/cycle/purpose", "--overlay", str(bad),
                                    "--out", str(tmp_path / "pack"), "--book", str(ROOT)])
    assert res.exit_code != 0 and "duplicate id" in res.output
    assert not (tmp_path / "pack").exists()




def test_a_pack_builds_with_the_command_it_prints_and_looks_like_the_handbook(tmp_path):
    """Build a workshop pack with only the command it prints, then look at what it made."""
    import shlex
    out, printed = make(tmp_path, "--chapter", "book/cycle/codesign", "--instrument", "learning-trust",
                        "--title", "Northfield course")
    command = shlex.split(printed.split("Build its website with:")[1].strip())
    proc = subprocess.run(command, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0 and "build succeeded." in proc.stdout, proc.stdout[-4000:] + proc.stderr[-2000:]
    site = out / "_build" / "html"
    html = (site / "book" / "cycle" / "purpose.html").read_text()
    assert "vega-embed" in html and "Learning questions" in html          # the notebook ran its tools
    assert "hls.css" in html and (site / "_static" / "hls.css").exists()
    assert (site / "book" / "cases" / "dorset.html").exists()
    assert "as our course tells it" in (site / "book" / "cases" / "aberlour.html").read_text()
    assert (site / "worksheets" / "questions-purpose.html").exists()
    assert 'class="hls-questionnaire"' in (site / "book" / "self-assessment" / "northfield-check.html").read_text()
