"""Every handout printable from the published site, as `hlskit pack` writes it, with no Python.

The tools' Print buttons must print the pack's own document (and only it, once); printed to PDF in
headless Chromium at A4 and Letter, a handout has no controls, no table wider than the paper and
room for the answers; a case page printed as a reader would (Ctrl+P) fits one sheet.
"""
from __future__ import annotations

import io
import json
import re
import unicodedata
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from hlskit import handouts
from hlskit.content import load_nearest

ROOT = Path(__file__).resolve().parents[1]
CONTENT = load_nearest(ROOT)
FORMATS = ("A4", "Letter")
CONTROLS = ("Print the worksheet", "Print a blank card", "Print the paper form", "Save as a printable page",
            "Print this case", "Download", "Clear", "Back to top", "Read the chapter")
RECORD_PRINTS = ("window.print = function () { (window.top.__prints = window.top.__prints || [])"
                 ".push(location.href + ' ' + document.title); };")


def _pdf(page, fmt: str) -> PdfReader:
    return PdfReader(io.BytesIO(page.pdf(format=fmt)))


def _text(reader: PdfReader) -> str:
    """The PDF's words in order, on one line, with the typeface's ligatures ("ﬂ") spelled out."""
    return " ".join(_flat(p.extract_text()) for p in reader.pages)


def _printed(site, path: str, click, kind: str):
    """Open ``path``, do ``click`` (which presses a Print button) and return (prints, printed document)."""
    page = site.context.new_page()
    page.add_init_script(RECORD_PRINTS)
    page.goto(f"{site.base}/{path}", wait_until="networkidle")
    block = page.locator(f".hls-handout[data-handout={kind}]")
    click(page, block)
    page.wait_for_function("() => (window.__prints || []).length > 0", timeout=10000)
    page.wait_for_timeout(300)                      # a second print job would have started by now
    prints = page.evaluate("window.__prints")
    doc = page.locator("iframe.hls-handout-frame").get_attribute("srcdoc")
    page.close()
    return prints, doc


def _flat(text: str) -> str:
    """Words in order on one line; a line broken after a hyphen ("day-|to-day") joined again."""
    return " ".join(re.sub(r"-\n", "-", unicodedata.normalize("NFKC", text)).split())


def _paper_checks(site, doc: str, must: list[str], whole: list[str] = ()) -> dict[str, int]:
    """Print ``doc`` at A4 and Letter: every text in ``must`` is there, each in ``whole`` on one page
    (a table row or question never cut in two), no control is, nothing is wider than the paper."""
    page = site.context.new_page()
    page.set_content(doc)
    page.emulate_media(media="print")
    counts = {}
    for fmt in FORMATS:
        reader = _pdf(page, fmt)
        pages = [_flat(p.extract_text()) for p in reader.pages]
        text = " ".join(pages)
        missing = [m for m in must if _flat(m) not in text]
        assert not missing, (fmt, missing[:3])
        cut = [w for w in whole if not any(_flat(w) in p for p in pages)]
        assert not cut, (fmt, cut[:3])
        assert not [c for c in CONTROLS if c in text], fmt
        counts[fmt] = len(reader.pages)
    for width in (688, 710):                        # A4 and Letter inside 14 mm margins, in CSS pixels
        page.set_viewport_size({"width": width, "height": 1000})
        wide = page.evaluate("""() => [...document.querySelectorAll('table, .answer, .write, dl, p')]
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName)""")
        assert not wide, (width, wide)
    page.close()
    return counts


def test_the_pages_carry_the_documents_the_pack_writes(built_book):
    """One source: the documents in the built pages are exactly what handouts.py (used by `hlskit pack`) renders."""
    found = {}
    for path in sorted(built_book.joinpath("book").rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select(".hls-handout"):
            payload = json.loads(block.select_one("script.hls-handout-docs").string)
            found.setdefault(block["data-handout"], []).append((path, payload))
    assert len(found["worksheet"]) >= 5 and len(found["card"]) >= 1
    for _, payload in found["worksheet"]:
        assert payload["docs"] == handouts.explorer_worksheets(CONTENT)
    for _, payload in found["card"]:
        assert payload["docs"] == {"blank": handouts.blank_card(CONTENT)}
    forms = {key: doc for _, payload in found["form"] for key, doc in payload["docs"].items()}
    assert forms == {inst.id: handouts.paper_form(inst) for inst in CONTENT.instruments}


def test_the_explorer_prints_the_worksheet_for_the_chosen_stage_and_scale_once(site):
    def choose(page, block):
        cell = page.locator(".cell", has=block)
        cell.locator("select[data-signal=stage]").select_option("embed")
        cell.locator("select[data-signal=scale]").select_option("place")
        cell.locator("input[data-signal=above]").check()
        block.locator(".hls-handout-print").click()
    prints, doc = _printed(site, "book/cycle/purpose.html", choose, "worksheet")
    title = handouts.worksheet_title(CONTENT, "embed", "place", above=True)
    assert prints == [f"about:srcdoc {title}"]                  # the frame alone, once; the chapter never
    assert doc == handouts.question_worksheet(CONTENT, "embed", "place", above=True)
    from hlskit import questions as Q
    questions = list(Q.explore(CONTENT, "place", "embed", with_scale_above=True).text)
    assert questions and len(questions) == doc.count('class="answer"')
    _paper_checks(site, doc, [title], whole=questions)


def test_worksheets_leave_room_for_every_answer_on_paper(site):
    page = site.context.new_page()
    page.set_content(handouts.question_worksheet(CONTENT, "purpose", "person"))
    page.emulate_media(media="print")
    heights = page.evaluate("() => [...document.querySelectorAll('.q .answer')].map(a => a.getBoundingClientRect().height)")
    page.close()
    assert heights and min(heights) >= 100, heights            # 7rem of writing space under each question


def test_the_designer_prints_a_blank_card_to_fill_in_by_hand(site):
    prints, doc = _printed(site, "book/cycle/experiment.html",
                           lambda page, block: block.locator(".hls-handout-print").click(), "card")
    assert prints == ["about:srcdoc Experiment card"]
    assert doc == handouts.blank_card(CONTENT)
    from hlskit.exports import CARD_LABELS
    from hlskit.experiments import CHECKS
    assert doc.count('class="write') == len(CARD_LABELS) - 2 + 1   # room to write for each field and the title
    assert doc.count("☐") == len(CONTENT.scales) + len(CONTENT.stages) + len(CHECKS)
    counts = _paper_checks(site, doc, ["Experiment card", *(label for _, label in CARD_LABELS)],
                           whole=[c.prompt for c in CHECKS])
    assert counts == {"A4": 2, "Letter": 2}, counts              # the card, then its checklist


def _form_pages(built_book) -> dict[str, str]:
    pages = {}
    for path in built_book.joinpath("book").rglob("*.html"):
        for m in re.finditer(r'data-handout="form" data-default="([a-z0-9-]+)"', path.read_text(encoding="utf-8")):
            pages[m.group(1)] = str(path.relative_to(built_book))
    return pages


def test_each_self_assessment_prints_as_its_paper_form(site, built_book):
    pages = _form_pages(built_book)
    assert set(pages) == {i.id for i in CONTENT.instruments}
    for inst in CONTENT.instruments:
        prints, doc = _printed(site, pages[inst.id],
                               lambda page, block: block.locator(".hls-handout-print").click(), "form")
        assert prints == [f"about:srcdoc {inst.title}: paper form"]
        assert doc == handouts.paper_form(inst)
        assert doc.count("☐") == len(inst.items) * (len(inst.scale) + 1)   # a box per answer, "don't know" too
        _paper_checks(site, doc, [inst.title, *(d.name for d in inst.dimensions)],
                      whole=[f"{it.text} [{it.id}]" for it in inst.items])


def test_save_as_a_printable_page_downloads_the_same_document(site):
    page = site.context.new_page()
    page.goto(f"{site.base}/book/cycle/experiment.html", wait_until="networkidle")
    with page.expect_download() as dl:
        page.locator(".hls-handout[data-handout=card] .hls-handout-save").click()
    assert dl.value.suggested_filename == "experiment-card.html"
    assert Path(dl.value.path()).read_text(encoding="utf-8") == handouts.blank_card(CONTENT)
    assert "experiment-card.html" in page.locator(".hls-handout[data-handout=card] .hls-handout-status").inner_text()
    page.close()


def _case_pages(built_book) -> list[str]:
    return sorted(f"book/cases/{c.id}.html" for c in CONTENT.case_studies)


def test_every_case_page_prints_on_one_sheet_of_a4_and_of_letter(site, built_book):
    page = site.context.new_page()
    over = []
    for path in _case_pages(built_book):
        page.goto(f"{site.base}/{path}", wait_until="networkidle")
        page.emulate_media(media="print")                        # as Ctrl+P prints it
        for fmt in FORMATS:
            n = len(_pdf(page, fmt).pages)
            zoom = page.evaluate("() => document.querySelector('.hls-case-sheet').style.zoom")
            if n != 1 or zoom:                                   # the shipped cases fit at full size
                over.append(f"{path} {fmt}: {n} pages at zoom {zoom or 1}")
    page.close()
    assert not over, over


def test_a_case_prints_its_summary_and_no_controls(site):
    case = CONTENT.case("plymouth-alliance")
    page = site.context.new_page()
    page.add_init_script(RECORD_PRINTS)
    page.goto(f"{site.base}/book/cases/{case.id}.html", wait_until="networkidle")
    page.locator(".hls-print-page button").click()
    assert page.evaluate("window.__prints") == [f"{site.base}/book/cases/{case.id}.html {page.title()}"]
    page.emulate_media(media="print")
    for fmt in FORMATS:
        text = _text(_pdf(page, fmt))
        assert text.startswith(f"{case.name} Case study") and " ".join(case.summary.split()) in text
        for part in (*case.practices, *(r.text for r in case.evidence.results)):
            assert " ".join(part.split()) in text, part
        assert "Where it is discussed" not in text and "Where exactly" not in text
        assert not [c for c in CONTROLS if c in text], fmt


@pytest.mark.parametrize("extra, sheets", [(0, 1), (12, 1), (40, 2)])
def test_a_case_too_long_for_one_sheet_is_scaled_to_fit_but_not_below_70_percent(site, extra, sheets):
    """A course's own case may run long: before printing (Chromium fires beforeprint for page.pdf as
    for Ctrl+P), the page scales its sheet to one page, down to 70%; beyond that it takes two."""
    page = site.context.new_page()
    page.goto(f"{site.base}/book/cases/plymouth-alliance.html", wait_until="networkidle")
    page.evaluate("""n => { const ul = document.querySelector('.hls-case-sheet ul');
        for (let i = 1; i <= n; i++) { const li = document.createElement('li');
          li.textContent = 'A further practice from the course, written out at some length so that it wraps, ' + i + '.';
          ul.appendChild(li); } }""", extra)
    page.emulate_media(media="print")
    for fmt in FORMATS:
        reader = _pdf(page, fmt)
        assert len(reader.pages) == sheets, (fmt, len(reader.pages))
        assert not extra or f"so that it wraps, {extra}." in _text(reader)
    zoom = page.evaluate("() => document.querySelector('.hls-case-sheet').style.zoom")
    assert {0: zoom == "", 12: zoom and 0.7 < float(zoom) < 1, 40: zoom == "0.7"}[extra], zoom
    page.close()
