"""Nothing on a reader's page shows how the handbook was made: no source file names, no "seeds", no
stray Markdown escapes, no placeholder addresses. Checked on every built page, the search index and
the exports a reader can download."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hlskit import exports
from hlskit.content import load_content
from hlskit.credits import chapter_sources, credit, credits, load_works, plain_refs, where_exactly, works
from hlskit.experiments import ExperimentDesign, review

LEFTOVERS = {
    "a source file name": re.compile(r"\b00[0-4]_[0-9a-f]{16}\b"),
    "the word 'seeds'": re.compile(r"\bseeds\b", re.I),
    "a stray Markdown escape": re.compile(r"\\[()*_\[\]#+!|>~`{}.-]"),
    "a placeholder address": re.compile(r"example\.(org|com)"),
    "a doubly escaped character": re.compile(r"&amp;(?:amp|lt|gt|quot);"),
    "the theme's placeholder issue text": re.compile(r"Your%20issue%20content%20here"),
    "a note on how a table was transcribed": re.compile(r"How it was taken from the source|the conversion\s+to text"),
}
EBOOK = "004_07abdca42c21cf48.txt"


def leftovers(text: str) -> list[str]:
    found = []
    for what, pattern in LEFTOVERS.items():
        for m in pattern.finditer(text):
            found.append(f"{what}: …{text[max(0, m.start() - 50):m.end() + 20]}…")
    return found


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        if not {"_static", "_sphinx_design_static"} & set(path.relative_to(site).parts):
            yield path


def test_no_built_page_shows_how_it_was_made(built_book):
    problems = {str(p.relative_to(built_book)): leftovers(p.read_text(encoding="utf-8")) for p in _pages(built_book)}
    problems = {k: v[:3] for k, v in problems.items() if v}
    assert len(list(_pages(built_book))) > 50
    assert not problems, problems


def test_the_search_index_holds_no_file_names_or_escapes(built_book):
    raw = (built_book / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(raw[raw.index("(") + 1:raw.rindex(")")])
    # an incremental build keeps terms that no page uses any more, with an empty list: not searchable
    live_terms = [t for key in ("terms", "titleterms") for t, docs in index[key].items() if docs not in ([], None)]
    titles = [*index["titles"], *index.get("alltitles", {})]
    assert len(live_terms) > 1000
    assert not leftovers(" ".join(live_terms + titles))
    assert "seeds" not in live_terms   # the stemmer keeps "seed" (as in "seed money")


def test_chapter_sources_sections_are_plain_credits(built_book):
    html = (built_book / "book" / "cycle" / "purpose.html").read_text(encoding="utf-8")
    section = html.split('id="sources"')[1].split('id="where-next"')[0]
    assert "Human Learning Systems: Public Service for the Real World" in section
    assert "chapter 6 ‘Enacting learning as management strategy’" in section
    assert "<summary>Where exactly</summary>" in section and "lines 2387–2391" in section


def test_every_chapter_with_a_sources_heading_has_entries_that_credit_a_work():
    book = Path(__file__).resolve().parents[1] / "book"
    entries = chapter_sources()
    for chapter, items in entries.items():
        assert (book / f"{chapter}.ipynb").exists(), chapter
        assert any(e.refs for e in items), chapter
        for e in items:
            for text in e.credits:
                assert not leftovers(text), (chapter, text)


def test_credit_names_the_work_year_and_chapter():
    assert credit(EBOOK, (1090, 1100)) == "Human Learning Systems: Public Service for the Real World (2021), chapter 2 ‘Learning’ (from p. 54)"
    assert credit("000_97938588e4e771ca.txt", (165, 170)).endswith("insight 2 ‘Power dynamics’ (from p. 10)")
    assert credit("002_1d25b5170e2bcdb5.txt", (53, 60)) == ("What does a place-based approach to Human Learning Systems "
                                                           "look like? (Collaborate, not dated), section ‘Key takeaways’")
    assert credit("our-course-notes.docx", (1, 4)) == "our-course-notes.docx"   # a trainer's own document


def test_ranges_across_chapters_are_credited_together():
    both = credits([(EBOOK, (2387, 2391)), (EBOOK, (1080, 1082)), (EBOOK, (2400, 2401))], short=True)
    assert both == ["the e-book, chapter 6 ‘Enacting learning as management strategy’ and chapter 2 ‘Learning’"]
    assert "from chapter 1 ‘Human’ to chapter 4" in credits([(EBOOK, (500, 1900))])[0]


def test_where_exactly_gives_lines_but_no_file_name():
    assert where_exactly(EBOOK, (624, 632)) == "The e-book, lines 624–632 of the handbook's plain-text copy"


def test_editorial_notes_lose_their_file_references():
    note = "no comparison table exists in the seeds (see 004:6486-6529 for the lists); a fix (004:2539)."
    assert plain_refs(note) == ("no comparison table exists in the sources (see the e-book, chapter 20 ‘Public "
                                "management paradigms’ (from p. 401) for the lists); a fix.")
    assert "the e-book, lines 6486–6529" in plain_refs(note, exact=True)


def test_every_work_is_mapped_without_gaps(tmp_path):
    assert {w.lines for w in works().values()} == {6939, 515, 64, 79, 44}
    bad = tmp_path / "sources.yaml"
    bad.write_text("- {file: a.txt, short: a, title: A, year: '2020', author: X, lines: 10, parts: "
                   "[{first: 1, last: 4, label: one}, {first: 6, last: 10, label: two}]}\n")
    with pytest.raises(ValueError, match="part 'two' should start at line 5"):
        load_works(bad)


def test_a_downloaded_experiment_card_keeps_the_readers_words_as_typed():
    content = load_content()
    design = ExperimentDesign(title="Key-work (me) 2.0", question="Does a 10-minute check-in help?",
                              actions="Try it - once a week (Mondays)")
    card = exports.experiment_card_markdown(content, design, review(design, content))
    assert "Key-work (me) 2.0" in card and "Try it - once a week (Mondays)" in card
    assert not leftovers(card)
    assert "\\*x\\*" in exports.experiment_card_markdown(content, ExperimentDesign(title="*x*"), [])   # emphasis stays inert


def test_web_addresses_with_a_query_reach_the_page_as_written(built_book):
    page = (built_book / "book" / "back" / "bibliography.html").read_text(encoding="utf-8")
    assert 'href="https://global.oup.com/academic/product/embracing-complexity-9780199565269?cc=gb&amp;lang=en&amp;#"' in page


def test_chart_marks_read_out_no_coordinates_or_field_names(built_book):
    """A screen reader hears the chart's description and its links' names, never "x: 6.1e-17; y: 1"."""
    links = 0
    for path in _pages(built_book):
        for picture in re.findall(r'<svg [^>]*class="marks hls-chart-picture".*?</svg>', path.read_text(encoding="utf-8"), re.S):
            for label in re.findall(r'aria-label="([^"]*)"', picture):
                assert not re.search(r"(?:^|; )[a-z_]+: ", label), f"{path.name}: {label[:80]}"
                links += 1
    assert links > 30          # the case explorers' names are links, each read out as its case
