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


@pytest.fixture(scope="module")
def texts(reader):
    return [p.extract_text() or "" for p in reader.pages]


def _outline(reader):
    out = []

    def walk(items):
        for x in items:
            if isinstance(x, list):
                walk(x)
            else:
                out.append(x.title)
    walk(reader.outline)
    return out


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
    assert len(figures) == charts
    assert all(len(alt) > 20 for alt in figures), "a chart without alt text"


def test_no_controls_or_loading_text(texts):
    flat = "\n".join(texts)
    for phrase in ("Loading", "Download my answers", "Clear my answers", "open this chapter in JupyterLab",
                   "widget", "Error loading script"):
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
