"""Workshop packs, as a trainer makes them: the command writes a folder that builds as a small book."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from hlskit.cli import main
from hlskit.content import load_content
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
SEEDS = ROOT.parent / "shared" / "seeds"
CONTENT_INSTRUMENTS = [i.id for i in load_content().instruments]


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
    assert "book/trainers/team_results" in files          # the facilitator pools the answers in the browser
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




def run(args, cwd, **kw):
    proc = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=1500, **kw)
    assert proc.returncode == 0, f"{args}\n{proc.stdout[-4000:]}\n{proc.stderr[-3000:]}"
    return proc.stdout + proc.stderr


def fresh_clone(tmp_path: Path) -> Path:
    """A fresh clone of this repository, set up as setup.sh leaves it (its JavaScript installed)."""
    clone = tmp_path / "trainer-walk"
    done = subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], capture_output=True)
    if done.returncode != 0:           # not a git checkout: the committed files are the working tree
        shutil.copytree(ROOT, clone, ignore=shutil.ignore_patterns(".git", ".venv", "node_modules", "_build"))
    (clone / "node_modules").symlink_to(ROOT / "node_modules")
    return clone


FONTS = """() => { const size = sel => { const e = document.querySelector(sel); return e ? getComputedStyle(e).fontSize : null; };
  return {body: size('body'), p: size('main p'), h1: size('main h1'), legend: size('.hls-item legend'),
          css: [...document.querySelectorAll('link[rel=stylesheet]')].some(l => l.href.includes('/_static/hls.css'))}; }"""


def test_a_trainer_walks_the_five_journeys_on_a_fresh_clone(tmp_path):
    """Add a case, add a question, add a self-assessment, build a workshop pack and print its
    worksheets, on a fresh clone, with only the commands README.md and the trainers' chapter give.
    (`bash scripts/build.sh` is set-up plus `scripts/build_book.py`; the set-up is already done here.)"""
    import json
    import os
    import re
    import shlex
    from browser import draw_charts, offline_site
    clone = fresh_clone(tmp_path)
    hlskit = Path(sys.executable).with_name("hlskit")
    build = [sys.executable, "scripts/build_book.py", "--overlay", "my-course-content"]
    mine = clone / "my-course-content"
    env = {k: v for k, v in os.environ.items() if k not in ("HLS_OVERLAY", "CI")}   # CI would force every build
    shipped = len(list((clone / "case_studies").glob("*.yaml")))

    # 1. Add a case, check it, build the book with it
    (mine / "case_studies").mkdir(parents=True)
    shutil.copy(TRAINER / "vocabulary.yaml", mine)
    shutil.copy(TRAINER / "case_studies" / "northfield-hub.yaml", mine / "case_studies")
    assert f"{shipped + 1} case studies" in run([hlskit, "check", "--overlay", "my-course-content"], clone, env=env)
    run(build, clone, env=env)
    site = clone / "_build" / "html"
    assert len(list((site / "book" / "cases").glob("*.html"))) == shipped + 1
    assert "course's own material" in (site / "book" / "cases" / "northfield-hub.html").read_text()
    library = (site / "book" / "library" / "case_studies.html").read_text()
    assert "Northfield Family Hub" in library and "Dorset" in library

    # 2 and 3. Add a question and a self-assessment; the same command again rebuilds what changed
    shutil.copytree(TRAINER / "questions", mine / "questions")
    shutil.copytree(TRAINER / "instruments", mine / "instruments")
    checked = run([hlskit, "check", "--overlay", "my-course-content"], clone, env=env)
    assert f"{len(CONTENT_INSTRUMENTS) + 1} instruments" in checked
    if SEEDS.is_dir():
        run([hlskit, "check", "--overlay", "my-course-content", "--seeds", SEEDS], clone, env=env)
    run(build, clone, env=env)
    purpose = (site / "book" / "cycle" / "purpose.html").read_text()
    assert "Which of our own targets would the families we work" in purpose
    # the explorer's data (with each question's source note) is a shared data file the page names
    data = "".join(p.read_text() for p in (site / "_static" / "hls-data").glob("*.js") if p.name in purpose)
    assert "Source: northfield-course-notes.docx" in purpose + data
    blank = json.loads(run([hlskit, "template", "northfield-check", "--overlay", "my-course-content"], clone, env=env))
    assert set(blank["answers"]) == {"f1", "f2", "r1", "r2"}

    # 4. Build a workshop pack with the command it prints
    printed = run([hlskit, "pack", "--chapter", "book/cycle/purpose", "--instrument", "northfield-check",
                   "--overlay", "my-course-content", "--title", "Northfield course",
                   "--out", "workshop-packs/northfield"], clone, env=env)
    pack = clone / "workshop-packs" / "northfield"
    built = run(shlex.split(printed.split("Build its website with:")[1].strip()), tmp_path, env=env)
    assert "build succeeded." in built          # and no ", N warnings"
    shots = Path(os.environ.get("HLS_WALK_SHOTS", tmp_path))
    with offline_site(site) as book_site:
        book_fonts = {p: book_site.open(p).evaluate(FONTS) for p in
                      ("book/cycle/purpose.html", "book/stewardship/stewardship.html")}
    with offline_site(pack / "_build" / "html") as s:
        page = s.open("book/cycle/purpose.html")
        assert page.evaluate(FONTS) == book_fonts["book/cycle/purpose.html"]
        draw_charts(page).locator(".vega-embed").nth(1).scroll_into_view_if_needed()   # as a reader points at them
        page.screenshot(path=str(shots / "trainer-walk-pack-explorer.png"))
        page.emulate_media(media="print")
        assert not page.locator(".bd-sidebar-primary").is_visible()     # printing leaves the menus out
        form_page = s.open("book/self-assessment/northfield-check.html")
        fonts = form_page.evaluate(FONTS)
        assert fonts["legend"] == book_fonts["book/stewardship/stewardship.html"]["legend"] and fonts["css"]
        form_page.wait_for_selector(".hls-questionnaire input[type=radio]", timeout=20000)
        form = form_page.locator(".hls-questionnaire[data-instrument='northfield-check']")
        (pack / "answers").mkdir()
        for person, label in enumerate(("Agree", "Disagree", "Strongly agree")):
            sets = form.locator("fieldset")
            for i in range(sets.count()):
                sets.nth(i).get_by_label(label, exact=True).check()
            if person == 0:
                form.screenshot(path=str(shots / "trainer-walk-pack-form.png"))
            with form_page.expect_download() as info:
                form.locator(".hls-download").click()
            info.value.save_as(pack / "answers" / f"response-0{person + 1}.json")
        # the facilitator pools the three files on the pack's Team results page, in the browser
        team = s.open("book/trainers/team_results.html?instrument=northfield-check")
        team.set_input_files("#hls-team-files", sorted(str(f) for f in (pack / "answers").glob("*.json")))
        team.wait_for_selector(".hls-team-report[data-drawn='']", timeout=30000)
        assert "Team report: Northfield team check" in team.inner_text(".hls-team-report")
        assert "3 people answered" in team.inner_text(".hls-team-report")
        team.screenshot(path=str(shots / "trainer-walk-pack-team.png"), full_page=True)
        # 5. Print the worksheets: they open from the pack's site and print to PDF
        sheet = s.open("worksheets/questions-purpose.html")
        assert "Which of our own targets" in sheet.content()
        assert sheet.pdf()[:4] == b"%PDF"
        assert not s.blocked and not s.errors and not s.failed, (s.blocked, s.errors, s.failed)
    answered = json.loads((pack / "answers" / "response-01.json").read_text())
    assert answered["instrument"] == "northfield-check" and len(answered["answers"]) == 4

    # the facilitator notes' pooling command, as printed (the template line would overwrite a file)
    notes = (pack / "facilitator-notes.html").read_text()
    block = re.search(r"<pre>(.*?)</pre>", notes, re.S).group(1)
    lines = [ln for ln in block.replace("&gt;", ">").replace("&#39;", "'").splitlines() if " template " not in ln]
    run(["bash", "-c", " && ".join(lines)], tmp_path, env=env)
    assert "Northfield team check" in (pack / "team-report.html").read_text()
