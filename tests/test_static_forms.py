"""Participants without Python: answer on the published page, keep the answers, hand them in.

Drives the built site in headless Chromium with the network blocked, as a participant would.
"""
from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from hlskit.assessments import parse_response
from hlskit.cli import main
from hlskit.content import load_content
from hlskit.html import md_export_escape
from hlskit.experiments import ExperimentDesign, review

CONTENT = load_content()
INST = CONTENT.instrument("healthy-local-system")
PAGE = "book/scales/places.html"


def _open_form(site):
    page = site.open(PAGE)
    page.wait_for_selector(f".hls-questionnaire[data-instrument='{INST.id}'] input[type=radio]", timeout=20000)
    return page, page.locator(f".hls-questionnaire[data-instrument='{INST.id}']")


def _clear(form):
    """Clear the form, answering "yes" when it asks first (it asks only if there is something to lose)."""
    form.locator(".hls-clear").click()
    yes = form.locator(".hls-confirm-yes")
    if yes.is_visible():
        yes.click()


def _answer_all(form, pattern: list[str]):
    sets = form.locator("fieldset")
    assert sets.count() == len(INST.items)
    for i in range(sets.count()):
        sets.nth(i).get_by_label(pattern[i % len(pattern)], exact=True).check()


def test_answers_survive_a_reload_and_download_as_a_poolable_file(site, tmp_path):
    labels = [p.label for p in INST.scale] + [INST.dont_know]
    files = []
    for person in range(3):
        page, form = _open_form(site)
        _clear(form)
        pattern = labels[person:] + labels[:person]
        _answer_all(form, pattern)
        form.locator(".hls-alias").fill(f"Participant {person}")
        page.reload(wait_until="networkidle")
        page.wait_for_function("() => document.querySelector('.hls-questionnaire .hls-status').textContent"
                               ".includes('restored')", timeout=20000)
        form = page.locator(f".hls-questionnaire[data-instrument='{INST.id}']")
        first = form.locator("fieldset").first
        assert first.get_by_label(pattern[0], exact=True).is_checked()
        assert form.locator(".hls-alias").input_value() == f"Participant {person}"
        with page.expect_download() as info:
            form.locator(".hls-download").click()
        path = tmp_path / f"p{person}.json"
        info.value.save_as(path)
        resp = parse_response(path.read_bytes(), str(path), CONTENT)
        assert len(resp.answers) == len(INST.items) and resp.name == f"Participant {person}"
        files.append(str(path))
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["pool", *files, "--out", str(out)])
    assert res.exit_code == 0, res.output
    html = out.read_text()
    assert "3 people answered" in html and "Participant" not in html


def test_clearing_midway_never_yields_a_file_the_facilitator_rejects(site, tmp_path):
    page, form = _open_form(site)
    _clear(form)
    form.locator(".hls-download").click()
    assert "Answer at least one item" in form.locator(".hls-status").text_content()
    sets = form.locator("fieldset")
    sets.nth(0).get_by_label(INST.dont_know, exact=True).check()
    sets.nth(3).get_by_label(INST.scale[0].label, exact=True).check()
    sets.nth(3).get_by_label("Not answered", exact=True).check()     # changed their mind
    with page.expect_download() as info:
        form.locator(".hls-download").click()
    path = tmp_path / "partial.json"
    info.value.save_as(path)
    resp = parse_response(path.read_bytes(), str(path), CONTENT)
    assert resp.answers == {INST.items[0].id: "dk"}
    form.locator(".hls-clear").click()
    assert sets.nth(0).get_by_label(INST.dont_know, exact=True).is_checked(), "cleared without asking"
    form.locator(".hls-confirm-yes").click()
    page.reload(wait_until="networkidle")
    page.wait_for_selector(f".hls-questionnaire[data-instrument='{INST.id}'] input[type=radio]", timeout=20000)
    assert page.locator(".hls-questionnaire fieldset").first.get_by_label("Not answered", exact=True).is_checked()
    stored = page.evaluate(f"() => window.localStorage.getItem('hls:{INST.id}:v{INST.version}')")
    assert stored in (None, '{"answers":{}}')


def test_experiment_form_reviews_like_the_package_and_downloads_the_card(site, tmp_path):
    page = site.open("book/cycle/codesign.html")
    form = page.locator(".hls-experiment-form")
    _clear(form)
    d = ExperimentDesign(title="Shared <b>caseload</b>", scale="place", question="Can we prove that it works?",
                         actions="Two workers share ten cases", start=date(2026, 5, 1), end=date(2026, 3, 1),
                         sense_making="Monthly session with the team", if_fails="We will hide it")
    for field in ("title", "question", "actions", "sense_making", "if_fails"):
        form.locator(f"[data-field={field}]").fill(getattr(d, field))
    form.locator("[data-field=scale]").select_option("place")
    form.locator("[data-field=start]").fill(d.start.isoformat())
    form.locator("[data-field=end]").fill(d.end.isoformat())
    expected = {f.check: f.severity for f in review(d, CONTENT)}
    got = dict(page.evaluate("() => [...document.querySelectorAll('.hls-findings li')]"
                             ".map(li => [li.dataset.check, li.dataset.severity])"))
    assert got == expected
    shown = {li.get_attribute("data-check"): li.text_content() for li in form.locator(".hls-findings li").all()}
    messages = {f.check: f.message for f in review(d, CONTENT)}
    # the same words as the package, for the date rules too: reversed dates are not also "too long"
    assert all(messages[c] in shown[c] for c in ("dates", "short")), (shown, messages)
    assert "is before the start date" in shown["dates"] and "more than" not in shown["short"]
    with page.expect_download() as info:
        form.locator(".hls-download").click()
    card = tmp_path / "card.md"
    info.value.save_as(card)
    text = card.read_text()
    # the same escaping as the package's downloaded card: a tag is made inert, nothing else is touched
    assert text.startswith(f"# Experiment card: {md_export_escape(d.title)}") and "<b>" not in text
    assert "Two workers share ten cases" in text and "\\" not in text
    assert "A place" in text and "✗ Gap" in text
    with page.expect_download() as info:
        form.locator(".hls-download-text").click()
    mail = tmp_path / "card.txt"
    info.value.save_as(mail)
    plain = mail.read_text()
    assert plain.startswith("Experiment card: Shared <b>caseload</b>") and "\\" not in plain and "**" not in plain
    page.reload(wait_until="networkidle")
    assert page.locator(".hls-experiment-form [data-field=title]").input_value() == d.title


def _page_findings(page) -> dict:
    return dict(page.evaluate("() => [...document.querySelectorAll('.hls-findings li')]"
                              ".map(li => [li.dataset.check, li.dataset.severity])"))


def _verdicts(page) -> list[str]:
    """Every score the page states, wherever it is ("N of M criteria met")."""
    import re
    return re.findall(r"\d+ of \d+ criteria met", page.inner_text("main"))


@pytest.mark.parametrize("page_path", ["book/cycle/experiment.html", "book/cycle/codesign.html"])
def test_experiment_page_gives_one_verdict_that_agrees_with_the_package(site, page_path):
    page = site.open(page_path)
    form = page.locator(".hls-experiment-form")
    _clear(form)
    empty = review(ExperimentDesign(), CONTENT)
    assert _page_findings(page) == {f.check: f.severity for f in empty}
    assert "met" not in _page_findings(page).values()          # an empty form meets no criterion
    assert _verdicts(page) == [f"0 of {len(empty)} criteria met"]
    d = ExperimentDesign(title="Shared caseload", question="Does sharing free time?", evidence="Last year's survey",
                         actions="Two workers share ten cases", start=date(2026, 1, 5), end=date(2026, 4, 30),
                         participants="Two workers", affected="People on the caseload", data="Weekly notes",
                         sense_making="Monthly session with the workers and two people supported",
                         learning="Whether time with people grows", if_fails="We share it at the team meeting")
    for field in ("title", "question", "evidence", "actions", "participants", "affected", "data", "sense_making",
                  "learning", "if_fails"):
        form.locator(f"[data-field={field}]").fill(getattr(d, field))
    form.locator("[data-field=start]").fill(d.start.isoformat())
    form.locator("[data-field=end]").fill(d.end.isoformat())
    found = review(d, CONTENT)
    met = sum(f.severity == "met" for f in found)
    assert _page_findings(page) == {f.check: f.severity for f in found}
    # one score on the page, the form's; the paper checklist lists the same criteria and keeps none
    assert _verdicts(page) == [f"{met} of {len(found)} criteria met"]
    paper = page.locator(".hls-paper-checklist")
    assert paper.locator("h3").inner_text() == "Paper checklist for a workshop"
    assert paper.locator("li").count() == len(found)
    assert "criteria met" not in paper.inner_text()


def test_a_date_the_form_cannot_read_is_named_and_kept(site):
    page = site.open("book/cycle/experiment.html")
    form = page.locator(".hls-experiment-form")
    _clear(form)
    form.locator("[data-field=start]").fill("31/02/2026")
    form.locator("[data-field=end]").fill("2026-06-01")
    dates = form.locator(".hls-findings li[data-check=dates]")
    assert dates.get_attribute("data-severity") == "gap"
    assert "31/02/2026" in dates.inner_text() and "year-month-day" in dates.inner_text()
    assert form.locator("[data-field=start]").get_attribute("aria-invalid") == "true"
    page.reload(wait_until="networkidle")
    assert page.locator(".hls-experiment-form [data-field=start]").input_value() == "31/02/2026"
