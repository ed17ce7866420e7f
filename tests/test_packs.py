"""Workshop packs, as a trainer makes them: the command writes a folder that builds as a small book."""
from __future__ import annotations

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


def test_a_generated_pack_builds_strictly_and_its_notebooks_execute(tmp_path):
    out = tmp_path / "pack"
    res = CliRunner().invoke(main, ["pack", "--chapter", "book/cycle/purpose", "--chapter", "book/cycle/codesign",
                                    "--instrument", "learning-trust", "--title", "Purpose and co-design",
                                    "--out", str(out), "--book", str(ROOT)])
    assert res.exit_code == 0, res.output
    for name in ("worksheets/questions-purpose.html", "worksheets/questions-codesign.html",
                 "worksheets/experiment-card.html", "worksheets/self-assessment-learning-trust.html",
                 "facilitator-notes.md", "index.md", "_config.yml", "_toc.yml", "hls-content/case_studies"):
        assert (out / name).exists(), name
    (out / "node_modules").symlink_to(ROOT / "node_modules")
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(out), "-W", "-n", "--keep-going"], cwd=out,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    html = (out / "_build" / "html" / "book" / "cycle" / "purpose.html").read_text()
    assert "vega-embed" in html and "Learning questions" in html          # the notebook ran its tools
    assert (out / "_build" / "html" / "book" / "cases" / "dorset.html").exists()
    assert "Facilitator notes" in (out / "_build" / "html" / "facilitator-notes.html").read_text()
