"""The whole handbook as a PDF book: structure, tools as paper versions, links and metadata."""
from __future__ import annotations

import re
import sys

import pytest

from conftest import ROOT

pypdf = pytest.importorskip("pypdf", reason="the PDF tests need requirements-pdf.txt (installed by scripts/setup.sh)")
sys.path.insert(0, str(ROOT / "scripts"))
import pdf_book  # noqa: E402

PDF = ROOT / "_build" / "pdf" / "hls-handbook.pdf"


@pytest.fixture(scope="module")
def reader(built_book):
    """The PDF that the built_book fixture writes with the site (scripts/build_pdf.py)."""
    return pypdf.PdfReader(PDF)


def _page_text(page) -> tuple[str, str, str]:
    """A page's text, its running header (the text in the 22 mm top margin) and its first line of
    text under the header (letters only, no spaces), in one reading. Text inside a picture (a chart
    drawn as a form) has the picture's own coordinates, so only the page's own text is placed."""
    band = float(page.mediabox.top) - 22 * 72 / 25.4
    top, body, inside = [], [], [0]

    def enter(op, args, cm, tm):
        inside[0] += op == b"Do"

    def leave(op, args, cm, tm):
        inside[0] -= op == b"Do"

    def visit(text, cm, tm, font, size):
        if text.strip() and not inside[0]:
            y = cm[5] + tm[5] * cm[3]
            (top if y > band else body).append((round(y, 1), cm[4] + tm[4] * cm[0], text))
    text = page.extract_text(visitor_text=visit, visitor_operand_before=enter, visitor_operand_after=leave) or ""
    first_y = max((y for y, _, _ in body), default=None)
    first = "".join(t for y, _, t in sorted(body, key=lambda b: b[1]) if y == first_y)
    return text, re.sub(r"\s+", " ", " ".join(t for _, _, t in top)).strip(), re.sub(r"\s+", "", first)


@pytest.fixture(scope="module")
def extracted(reader):
    return [_page_text(p) for p in reader.pages]


@pytest.fixture(scope="module")
def texts(extracted):
    return [text for text, _, _ in extracted]


def _bookmarks(items):
    """Every bookmark of a nested outline, in book order."""
    for x in items:
        if isinstance(x, list):
            yield from _bookmarks(x)
        else:
            yield x


def _outline(reader):
    return [x.title for x in _bookmarks(reader.outline)]


def _toc(built_book):
    root, parts = pdf_book.toc_parts(ROOT, built_book)
    return root, parts


def _title(built_book, doc):
    html = (built_book / f"{doc}.html").read_text(encoding="utf-8")
    h1 = re.search(r"<h1[^>]*>(.*?)<", html, re.S)
    return re.sub(r"\s+", " ", h1.group(1)).strip().replace("&amp;", "&")


def test_page_count_and_metadata(reader):
    assert 250 <= len(reader.pages) <= 900
    assert reader.metadata.title == "Human Learning Systems: a practical handbook"
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "en-GB"
    assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root


def test_outline_lists_every_chapter_in_toc_order(reader, built_book):
    root, parts = _toc(built_book)
    outline = _outline(reader)
    wanted = [p.caption for p in parts] + [_title(built_book, ch.doc) for p in parts for ch in p.chapters if ch.level == 1]
    for title in wanted:
        assert title in outline, f"{title!r} is not a bookmark"
    chapters = [_title(built_book, ch.doc) for p in parts for ch in p.chapters if ch.level == 1]
    positions, start = [], 0
    for t in chapters:
        start = outline.index(t, start)
        positions.append(start)
    assert positions == sorted(positions)


def _outline_places(reader) -> list[tuple[str, int, float]]:
    """Every bookmark as (title, page index, height of its heading on the page), in book order."""
    return [(re.sub(r"\s+", " ", x.title).strip(), reader.get_destination_page_number(x), float(x.top))
            for x in _bookmarks(reader.outline)]


def test_running_header_names_the_chapter_or_case_the_page_starts_with(reader, extracted, built_book):
    """Each page's header is the chapter, case or part that is first on the page if one starts it,
    else the one going on from an earlier page (a case starting halfway down does not name the page)."""
    root, parts = _toc(built_book)
    named = [_title(built_book, root)]
    for part in parts:
        named += [part.caption] + [_title(built_book, ch.doc) for ch in part.chapters]
    places = [p for p in _outline_places(reader) if p[1] > 0]   # the cover's bookmark names the book
    starts, i = [], 0
    for title in named:                      # each in the outline, in book order
        while places[i][0] != title:
            i += 1
        starts.append(places[i])
        i += 1
    first_page, at_top, mid_page = starts[0][1], 0, 0
    for page in range(first_page, len(reader.pages)):
        _, header, first_line = extracted[page]
        on_page = [s[0] for s in starts if s[1] == page]
        if on_page and first_line and re.sub(r"\s+", "", on_page[0]).startswith(first_line):
            wanted = on_page[0]              # the page opens with this one's title
            at_top += 1
        else:
            wanted = [s[0] for s in starts if s[1] < page][-1]
            mid_page += bool(on_page)
        assert header == wanted, f"page {page + 1}: the header says {header!r}, not {wanted!r}"
    assert at_top > 40 and mid_page > 10      # both kinds of page were checked
    assert extracted[0][1] == "" and extracted[1][1] == "Contents"


def test_every_page_of_the_site_is_in_the_book(texts, built_book):
    root, parts = _toc(built_book)
    flat = re.sub(r"\s+", " ", " ".join(texts))
    for ch in [c for p in parts for c in p.chapters]:
        title = _title(built_book, ch.doc)
        assert re.sub(r"\s+", " ", title) in flat, f"{ch.doc}: its title {title!r} is not in the PDF"
    cases = [c for p in parts for c in p.chapters if c.doc.startswith("book/cases/")]
    assert len(cases) == len(list((ROOT / "case_studies").glob("*.yaml")))


def _charts_on_site(built_book, docs):
    return sum(len(re.findall(r'<div class="hls-chart" data-chart=|<div id="altair-viz-[0-9a-f]+"', (built_book / f"{d}.html").read_text(encoding="utf-8")))
               for d in docs)


def _figures(reader) -> list[str]:
    """The alt text of every figure in the PDF's tag tree (charts are drawn as tagged vector images)."""
    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not hasattr(node, "get"):
            continue
        if node.get("/S") == "/Figure":
            found.append(str(node.get("/Alt") or ""))
        kids = node.get("/K")
        if kids is not None:
            stack.extend(kids if isinstance(kids, list) else [kids])
    return found


def test_every_chart_is_a_vector_image(reader, built_book):
    root, parts = _toc(built_book)
    docs = [root] + [c.doc for p in parts for c in p.chapters]
    charts = _charts_on_site(built_book, docs)
    assert charts > 20
    figures = _figures(reader)
    parts = [alt for alt in figures if alt.startswith(pdf_book.CONTINUED)]   # a tall chart's later parts
    assert len(figures) - len(parts) == charts
    assert parts, "the tallest charts (lists of cases) are printed in parts that can be read"
    assert all(len(alt) > 20 for alt in figures), "a chart without alt text"


def test_a_tall_chart_is_cut_between_lines_of_text():
    rows = [(y, 12.0) for y in range(14, 2000, 20)]          # a line of 12 px text every 20 px
    cuts = pdf_book.slice_points(0, 2000, 880, rows)
    assert len(cuts) == 4 and cuts[0] == 0 and cuts[-1] == 2000
    for cut in cuts[1:-1]:
        assert not any(y - 12 <= cut <= y + 12 * 0.35 for y, _ in rows), f"the cut at {cut} runs through a line"
    heights = [b - a for a, b in zip(cuts, cuts[1:])]
    assert max(heights) - min(heights) < 40


def test_no_controls_or_loading_text(texts):
    flat = "\n".join(texts)
    for phrase in ("Loading", "Download my answers", "Clear my answers", "open this chapter in JupyterLab",
                   "widget", "Error loading script", "pick one in the menu",
                   "Find cases like yours", "select a name to open"):
        assert phrase not in flat, phrase


def test_tools_are_paper_versions(texts, built_book):
    flat = "\n".join(texts)
    assert flat.count("Tick one box per") >= 3          # each self-assessment as its paper form
    assert "Experiment card" in flat                    # the experiment designer as its blank card
    assert "The whole table as text" in flat            # the explorers' full tables


def test_internal_links_resolve_to_pages(reader):
    pages = {p.indirect_reference.idnum for p in reader.pages}
    named = reader.named_destinations
    internal = 0
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/Link":
                continue
            action = a.get("/A")
            if action is not None and action.get("/S") == "/URI":
                continue
            dest = a.get("/Dest") if a.get("/Dest") is not None else (action or {}).get("/D")
            assert dest is not None, "a link with no destination"
            if not isinstance(dest, list):
                assert str(dest) in named, f"link to unknown destination {dest}"
                dest = named[str(dest)]
                target = dest.page.idnum if hasattr(dest.page, "idnum") else dest.page.get_object().indirect_reference.idnum
            else:
                target = dest[0].idnum
            assert target in pages
            internal += 1
    assert internal > 500


def test_external_links_show_their_address(texts):
    assert "(https://" in "\n".join(texts)


def test_anchor_rewrite_keeps_links_inside_the_book():
    from bs4 import BeautifulSoup
    soup = BeautifulSoup('<article><h1 id="t">T</h1><a href="../cycle/purpose.html#why">p</a>'
                         '<a href="#t">self</a><a href="../../_sources/x.ipynb">src</a>'
                         '<a href="https://example.net/">out</a></article>', "html.parser")
    art = soup.article
    pdf_book.rewrite_links(art, "book/start/pathways", {"book/cycle/purpose", "book/start/pathways"})
    hrefs = [a.get("href") for a in art.find_all("a")]
    assert hrefs == ["#book-cycle-purpose--why", "#book-start-pathways--t", "https://example.net/"]
    assert art.h1["id"] == "book-start-pathways--t"
    assert "src" in art.get_text()


def test_site_offers_the_pdf(built_book):
    assert (built_book / "hls-handbook.pdf").stat().st_size > 100_000
    for page in ("book/index.html", "book/trainers/adapting.html"):
        html = (built_book / page).read_text(encoding="utf-8")
        assert re.search(r'href="(\.\./)+hls-handbook\.pdf"', html), f"{page} has no link to the PDF"


def test_readers_see_plain_credits_not_file_names(texts):
    flat = "\n".join(texts)
    assert not re.search(r"\b00\d_[0-9a-f]{16}\.txt", flat), "a source file name reached the PDF"


LABEL_PLACES = """
import json, sys
sys.path.insert(0, sys.argv[1])
import pdf_speed
import weasyprint.draw.text as draw_text
from weasyprint import HTML
if sys.argv[2] == "whole":
    pdf_speed.draw_svg_text_whole()
import weasyprint.svg.text as svg_text
placed, draw = [], draw_text.draw_first_line
def record(stream, box, a, b, matrix):
    placed.append([box.text, round(matrix[2][0], 2), round(matrix[2][1], 2)])
    return draw(stream, box, a, b, matrix)
draw_text.draw_first_line = svg_text.draw_first_line = record
HTML(string=sys.argv[3]).write_pdf()
print(json.dumps(placed))
"""


def test_chart_labels_drawn_whole_land_where_letters_did():
    """Chart labels drawn as one run start where WeasyPrint's letter-by-letter drawing put their first letter."""
    import base64
    import json
    import subprocess
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="120"><g transform="translate(150,40)">'
           '<text text-anchor="middle" font-family="sans-serif" font-size="13px" font-weight="bold">Purpose</text>'
           '<text text-anchor="end" transform="translate(0,30)" font-family="sans-serif" font-size="11px">'
           '<tspan x="0" dy="0">Experiment and</tspan><tspan x="0" dy="1.2em">explore</tspan></text>'
           '<text x="-140" y="70" dx="3" font-size="10px">Start here</text></g></svg>')
    page = f'<img src="data:image/svg+xml;base64,{base64.b64encode(svg.encode()).decode()}">'
    runs = {how: json.loads(subprocess.run([sys.executable, "-c", LABEL_PLACES, str(ROOT / "scripts"), how, page],
                                           capture_output=True, check=True, text=True).stdout)
            for how in ("letters", "whole")}
    whole = runs["whole"]
    assert [t for t, _, _ in whole] == ["Purpose", "Experiment and", "explore", "Start here"]
    letters, first_letters = runs["letters"], []
    for label in [t for t, _, _ in whole]:         # each label's first letter, in the letter-by-letter drawing
        first_letters.append(letters[0][1:])
        assert "".join(t for t, _, _ in letters[:len(label)]) == label
        letters = letters[len(label):]
    assert [place[1:] for place in whole] == first_letters


def test_an_image_that_cannot_be_drawn_stops_the_pdf():
    import build_pdf
    from weasyprint import HTML
    with build_pdf.failed_images() as failures:
        HTML(string='<p>A page</p><img src="no-such-chart.svg" alt="a chart">', base_url=str(ROOT) + "/").write_pdf()
    assert failures and "no-such-chart.svg" in failures[0]
