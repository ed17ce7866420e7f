"""Write the whole handbook as one PDF book, `_build/pdf/hls-handbook.pdf`, from the built site.

Run after the HTML build (scripts/build.sh does both). Route: WeasyPrint (CSS paged media: page
counters, running headers, a contents list with page numbers, PDF/UA tags and bookmarks) over one
HTML document assembled from the site's pages by scripts/pdf_book.py, with charts drawn as vector
images by vl-convert. Neither a TeX distribution nor a browser is needed. A copy is put in the site
(`_build/html/hls-handbook.pdf`) for the download links.

Usage: python scripts/build_pdf.py [--force] [--html-only]
  --force      write the PDF even if no page of the site changed since it was last written
  --html-only  write the assembled HTML (_build/pdf/hls-handbook.html) and stop
"""
from __future__ import annotations

import contextlib
import datetime as dt
import logging
import shutil
import sys
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pdf_book  # noqa: E402
import pdf_speed  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
OUT = ROOT / "_build" / "pdf"
PDF_NAME = "hls-handbook.pdf"
CSS = Path(__file__).resolve().parent / "pdf_book.css"


def paper_versions() -> dict:
    """The paper renderings the package makes for packs: each self-assessment form, the blank card."""
    from hlskit import handouts
    from hlskit.content import load_nearest

    content = load_nearest(ROOT)
    return {"forms": {i.id: handouts.paper_form(i) for i in content.instruments},
            "card": handouts.blank_card(content)}


def chart_to_svg():
    import vl_convert as vlc

    def to_svg(spec: dict) -> str:
        return vlc.vegalite_to_svg(spec)
    return to_svg


def metadata() -> dict:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return {"title": config["title"], "author": config.get("author", ""), "version": str(cff.get("version", "")),
            "references": cff.get("references", []), "date": dt.date.today().isoformat()}


def cover(meta: dict) -> str:
    refs = "".join(f"<li><em>{r['title']}</em>" + (f" ({r['year']})" if r.get("year") else "") + "</li>"
                   for r in meta["references"])
    return f"""<section class="pdf-cover">
<h1 class="pdf-title">{meta['title']}</h1>
<p class="pdf-subtitle">Public service that is human, learns, and looks after whole systems</p>
<p class="pdf-byline">{meta['author']}</p>
<h2 class="pdf-nobookmark">Sources</h2><ul>{refs}</ul>
<p class="pdf-licence">Text and content: Creative Commons Attribution-NonCommercial 4.0 International
(CC BY-NC 4.0), adapted from sources published under the same licence. The interactive version of
this book, with its tools, is the handbook's website.</p>
<p class="pdf-edition">Version {meta['version']} · {meta['date']}</p>
</section>"""


def contents(parts, titles: dict[str, str]) -> str:
    rows = []
    for part in parts:
        rows.append(f'<li class="pdf-toc-part">{part.caption}<ul>')
        for ch in part.chapters:
            cls = "pdf-toc-chapter" if ch.level == 1 else "pdf-toc-section"
            rows.append(f'<li class="{cls}"><a href="#{pdf_book.anchor(ch.doc)}">{titles[ch.doc]}</a></li>')
        rows.append("</ul></li>")
    return f'<nav class="pdf-contents" aria-label="Contents"><h1 class="pdf-nobookmark">Contents</h1><ul>{"".join(rows)}</ul></nav>'


def assemble() -> tuple[str, dict]:
    """The one-document HTML of the whole book and a few counts about it."""
    root_doc, parts = pdf_book.toc_parts(ROOT, HTML)
    docs = {root_doc} | {ch.doc for p in parts for ch in p.chapters}
    paper, to_svg, meta = paper_versions(), chart_to_svg(), metadata()
    soup = BeautifulSoup("", "html.parser")
    titles, sections, n_charts = {}, [], 0
    order = [(None, pdf_book.Chapter(root_doc))] + [(p, ch) for p in parts for ch in p.chapters]
    for part, ch in order:
        page = (HTML / f"{ch.doc}.html").read_text(encoding="utf-8")
        section, charts, title = pdf_book.chapter_html(soup, page, ch.doc, docs, paper, to_svg, ch.level)
        titles[ch.doc], n_charts = title, n_charts + charts
        sections.append((part, section))
    pdf_book.print_repeated_tables_once(soup, [(s, titles[ch.doc]) for (_, ch), (_, s) in zip(order, sections)])
    body, last_part = [cover(meta), contents(parts, titles)], None
    for part, section in sections:
        if part is not None and part is not last_part:
            body.append(f'<h1 class="pdf-part">{part.caption}</h1>')
            last_part = part
        body.append(str(section))
    html = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{meta['title']}</title><meta name="author" content="{meta['author']}">
<meta name="description" content="The whole handbook, with its tools as paper versions.">
<meta name="keywords" content="Human Learning Systems, public service, learning cycle">
<meta name="dcterms.created" content="{meta['date']}"></head><body>{''.join(body)}</body></html>"""
    return html, {"pages": len(order), "charts": n_charts}


@contextlib.contextmanager
def failed_images():
    """The errors WeasyPrint reports while drawing (a chart or picture it could not draw).

    It logs them and goes on, leaving a blank where the image was; the book must not ship so."""
    found: list[str] = []

    class Keep(logging.Handler):
        def emit(self, record):
            found.append(record.getMessage()[:300])
    handler = Keep(logging.ERROR)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        yield found
    finally:
        logger.removeHandler(handler)


def up_to_date() -> bool:
    """True if the PDF is newer than every page of the site and than this script's own files."""
    pdf = OUT / PDF_NAME
    if not pdf.exists() or not (HTML / PDF_NAME).exists():
        return False
    made = pdf.stat().st_mtime
    inputs = [*HTML.rglob("*.html"), CSS, Path(__file__), Path(pdf_book.__file__), Path(pdf_speed.__file__)]
    return all(p.stat().st_mtime <= made for p in inputs)


def main(argv: list[str]) -> int:
    start = time.monotonic()
    if not (HTML / "index.html").exists():
        print("Build the site first: bash scripts/build.sh", file=sys.stderr)
        return 1
    if "--force" not in argv and "--html-only" not in argv and up_to_date():
        print(f"The handbook PDF is up to date: {OUT / PDF_NAME}")
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    html, counts = assemble()
    (OUT / "hls-handbook.html").write_text(html, encoding="utf-8")
    if "--html-only" in argv:
        return 0
    from weasyprint import CSS as WCSS, HTML as WHTML
    pdf_speed.cache_page_references()
    pdf_speed.draw_svg_text_whole()
    tmp = OUT / (PDF_NAME + ".part")
    with failed_images() as failures:
        WHTML(string=html, base_url=str(HTML) + "/").write_pdf(
            tmp, stylesheets=[WCSS(filename=str(CSS))], pdf_variant="pdf/ua-1", pdf_tags=True)
    if failures:
        tmp.unlink(missing_ok=True)
        print("The handbook PDF is not written: " + "; ".join(failures[:5]), file=sys.stderr)
        return 1
    tmp.replace(OUT / PDF_NAME)
    shutil.copyfile(OUT / PDF_NAME, HTML / PDF_NAME)
    print(f"The handbook PDF is written: {OUT / PDF_NAME} ({counts['pages']} pages of the site, "
          f"{counts['charts']} charts, {time.monotonic() - start:.0f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
