"""The commissioner's kit: built from content files, marked where it illustrates, printable on two A4 pages."""
from __future__ import annotations

import re

import pytest
import yaml

from hlskit.audit import audit
from hlskit.content import PACKAGE_CONTENT, load_content
from hlskit.errors import ContentError
from hlskit.kit import kit_blocks, kit_page

CONTENT = load_content()
KIT_FILE = PACKAGE_CONTENT / "kits" / "commissioners.yaml"
# The only words the template adds around the content: the illustration marker and credit lead.
TEMPLATE_WORDS = {"From:", "The handbook's illustration, not from the sources."}


def test_the_kit_has_every_part_the_issue_asks_for():
    blocks = {b.id: b for b in kit_blocks(CONTENT, "commissioners")}
    assert len(blocks["key-questions"].entries) == 4
    assert len(blocks["accountability"].entries) == 3
    assert [label for label, _ in blocks["accountability"].entries] == [
        "In dialogue", "For learning, with sentinel indicators", "To peers and to the public"]
    assert any("drug treatment" in text for _, text in blocks["national-returns"].entries)
    assert blocks["redesign-reporting"].numbered and len(blocks["redesign-reporting"].entries) == 5
    open_labels = " ".join(label for label, _ in blocks["open-questions"].entries)
    for topic in ("Contract variation and pilots", "Procurement", "members", "Audit"):
        assert topic in open_labels
    assert "legal" in blocks["open-questions"].intro and "finance" in blocks["open-questions"].intro
    assert {b.id for b in blocks.values() if b.illustration} == {"learning-review-agenda", "sentinel-examples"}


def test_every_word_on_the_kit_comes_from_a_content_file():
    """Strip every string the content gives; only the template's two fixed phrases may remain."""
    kit = CONTENT.kit("commissioners")
    page = kit_page(CONTENT, "commissioners")
    body = page.split(":::{container}", 1)[1].split("\n:::\n", 1)[0]
    body = re.sub(r"\\(.)", r"\1", body)                          # Markdown escapes
    strings = [kit.title, kit.intro] + [b.credit for b in kit_blocks(CONTENT, "commissioners")]
    strings += [t for b in kit_blocks(CONTENT, "commissioners") for t in (b.quote_by or ())]   # from sources.yaml
    for b in kit_blocks(CONTENT, "commissioners"):
        strings += [b.heading, b.intro] + [t for pair in b.entries for t in pair if t]
    for s in sorted(strings, key=len, reverse=True):
        body = body.replace(" ".join(s.split()), " ")
    body = re.sub(r"<[^>]+>|\([a-z0-9-]+\)=|hls-kit[a-z0-9-]*|[#*“”.\-\d]", " ", body)
    for phrase in TEMPLATE_WORDS:
        body = body.replace(phrase.rstrip("."), " ")
    body = re.sub(r"[—,()]", " ", body)   # what joins the parts of a quote's credit
    assert not body.split(), f"text on the kit page that is not in a content file: {' '.join(body.split())!r}"


def test_a_changed_content_file_changes_the_kit(tmp_path):
    kit = yaml.safe_load(KIT_FILE.read_text(encoding="utf-8"))
    kit["sections"][2]["entries"][0]["text"] = "Our own words for accountability in dialogue."
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "commissioners.yaml").write_text(yaml.safe_dump(kit), encoding="utf-8")
    page = kit_page(load_content(tmp_path), "commissioners")
    assert "Our own words for accountability in dialogue" in page
    assert "instead of filing metric reports upwards" not in page


def test_list_sections_show_the_list_items_quoted_when_verbatim():
    page = kit_page(CONTENT, "commissioners")
    questions = [i.text for i in CONTENT.items if i.parent == "funding-principles-7"]
    assert len(questions) == 4
    for q in questions:
        assert f"“{q}”" in page.replace("\\", "")
    principles = [i.label for i in CONTENT.items if i.list == "funding-approach"]
    assert all(f"**{label}.**" in page for label in principles)


@pytest.mark.parametrize("change, field, words", [
    (lambda k: k["sections"][0].update(from_list="no-such-list"), "sections.key-questions.from_list",
     "unknown list 'no-such-list'"),
    (lambda k: k["sections"][0].update(parent="equity-insights-1"), "sections.key-questions.parent",
     "no item 'equity-insights-1' in list 'funding-principles'"),
])
def test_a_kit_naming_an_unknown_list_or_item_is_named(tmp_path, change, field, words):
    kit = yaml.safe_load(KIT_FILE.read_text(encoding="utf-8"))
    change(kit)
    (tmp_path / "kits").mkdir()
    path = tmp_path / "kits" / "commissioners.yaml"
    path.write_text(yaml.safe_dump(kit), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert (info.value.file, info.value.record, info.value.field) == (str(path), "commissioners", field)
    assert words in info.value.problem


def test_a_section_with_both_a_list_and_entries_is_refused(tmp_path):
    kit = yaml.safe_load(KIT_FILE.read_text(encoding="utf-8"))
    kit["sections"][0]["entries"] = [{"text": "x", "source": {"file": "a.txt", "lines": [1, 1]}}]
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "commissioners.yaml").write_text(yaml.safe_dump(kit), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert "either a content list" in info.value.problem


def test_the_audit_catches_copied_words_in_the_kit(tmp_path, seeds):
    kit = yaml.safe_load(KIT_FILE.read_text(encoding="utf-8"))
    kit["sections"][3]["entries"][0]["text"] = ("they are still required to report to central government using "
                                                "national performance measures")
    (tmp_path / "kits").mkdir()
    (tmp_path / "kits" / "commissioners.yaml").write_text(yaml.safe_dump(kit), encoding="utf-8")
    problems = [str(p) for p in audit(load_content(tmp_path), seeds)]
    assert any("sections.national-returns.entries.0.text" in p and "copies the sources" in p for p in problems)


def test_the_kit_prints_on_two_a4_pages_with_one_print_action(built_book, tmp_path):
    pypdf = pytest.importorskip("pypdf", reason="pypdf (requirements-test.txt) counts the printed pages")
    from browser import offline_site
    with offline_site(built_book, viewport=(1440, 900)) as site:
        page = site.open("book/themes/commissioners_kit.html")
        buttons = page.get_by_role("button", name="Print this kit")
        assert buttons.count() == 1
        page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
        buttons.focus()
        page.keyboard.press("Enter")
        assert page.evaluate("window.__printed") == 1
        pdf = tmp_path / "kit.pdf"
        page.pdf(path=str(pdf), format="A4", prefer_css_page_size=True)
        reader = pypdf.PdfReader(str(pdf))
        assert len(reader.pages) == 2, f"the kit prints on {len(reader.pages)} pages"
        width, height = (float(v) for v in reader.pages[0].mediabox[2:])
        assert abs(width - 595) < 2 and abs(height - 842) < 2          # A4 in points
        printed = " ".join(p.extract_text() for p in reader.pages)
        assert "Print this kit" not in printed                          # the action is not printed
        for words in ("Four key questions", "Questions the sources leave open", "sentinel indicators"):
            assert words in printed
        assert not site.errors, site.errors


def test_the_funding_chapter_shows_the_kit_exercise_from_the_same_content(built_book):
    import html as html_lib
    import json
    from conftest import ROOT
    cells = json.loads((ROOT / "book/themes/funding.ipynb").read_text(encoding="utf-8"))["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    steps = next(b for b in kit_blocks(CONTENT, "commissioners") if b.id == "redesign-reporting").entries
    assert not any(text[:40] in markdown for _, text in steps)      # not copied by hand into the chapter
    page = html_lib.unescape((built_book / "book/themes/funding.html").read_text(encoding="utf-8"))
    assert all(" ".join(text.split()) in page for _, text in steps)
    assert 'href="commissioners_kit.html"' in page
