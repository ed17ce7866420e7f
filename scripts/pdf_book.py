"""The whole handbook as one printable HTML document, made from the built site's pages.

The site is the one source: every chapter and generated case page is taken from `_build/html` in
`_toc.yml` order, and each tool is swapped for its paper version, so the PDF needs no second
notebook run. Charts become static vector images of their default state (vl-convert, from the
spec on the page), questionnaires become the paper forms, the experiment form becomes the blank
experiment card; controls, scripts and "open in JupyterLab" hints are dropped. Internal links
are rewritten to anchors inside the one document, so they work as PDF links.
"""
from __future__ import annotations

import base64
import json
import math
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, Tag

EXTERNAL = re.compile(r"^(https?:|mailto:)")
SPEC_CALL = "})("          # Altair's embed script ends with `})(spec, embedOpt);`


@dataclass
class Chapter:
    doc: str                       # e.g. "book/cycle/purpose"
    level: int = 1                 # 1 chapter, 2 a section under a chapter (the case pages)


@dataclass
class Part:
    caption: str
    chapters: list[Chapter] = field(default_factory=list)


def toc_parts(root: Path, html: Path) -> tuple[str, list[Part]]:
    """The landing page and the parts of `_toc.yml`, with globbed sections expanded from the site."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = []
    for part in toc.get("parts", []):
        p = Part(part.get("caption", ""))
        for ch in part.get("chapters", []):
            p.chapters.append(Chapter(ch["file"]))
            for sec in ch.get("sections", []):
                if "file" in sec:
                    p.chapters.append(Chapter(sec["file"], 2))
                elif "glob" in sec:
                    pattern = sec["glob"]
                    found = sorted(str(f.relative_to(html).with_suffix("")) for f in html.glob(pattern + ".html"))
                    p.chapters += [Chapter(d, 2) for d in found]
        parts.append(p)
    return toc["root"], parts


def anchor(doc: str, frag: str = "") -> str:
    """The one-document id for a page, or for an element on it."""
    base = doc.replace("/", "-")
    return f"{base}--{frag}" if frag else base


def chart_specs(script: str) -> tuple[dict, dict] | None:
    """The Vega-Lite spec and embed options from one Altair embed script, or None."""
    i = script.rfind(SPEC_CALL)
    if i < 0:
        return None
    dec = json.JSONDecoder()
    try:
        spec, end = dec.raw_decode(script, i + len(SPEC_CALL))
    except ValueError:
        return None
    return spec, {}


def chart_figure(soup: BeautifulSoup, spec: dict, to_svg) -> Tag:
    """A static image of the chart's default state; its alt text is the chart's description."""
    return _svg_img(soup, to_svg(spec), spec.get("description") or "A chart; its text equivalent follows.")


PICTURE = re.compile(r'<div class="hls-chart" data-chart="([^"]+)".*?(<svg\b[^>]*\bhls-chart-picture\b.*?</svg>)', re.S)
SVG_NOISE = re.compile(r'\s(?:aria-[a-z]+|role|class)="[^"]*"')


def chart_pictures(page: str) -> dict[str, str]:
    """Each site chart's build-time picture, by chart key, as written in the page.

    Taken from the page's text, not from the parsed tree: the HTML parser lowercases names that SVG
    spells in camel case (viewBox, linearGradient), which would lose the picture's scaling and
    gradients. Labels and classes for screen readers go: the figure carries the description."""
    return {m.group(1): SVG_NOISE.sub("", m.group(2)) for m in PICTURE.finditer(page)}


SVG_ROOT = re.compile(r'<svg\b[^>]*>')
SIDE = 40      # px of room on each side of a chart


def with_side_room(svg: str, room: float = SIDE) -> str:
    """The chart with room on its left and right, so that no label is cut off at the edge.

    The charts are laid out with the browser's font metrics; the PDF's font (DejaVu Sans) is a little
    wider, so a long axis label ran past the picture's edge and lost its first letters."""
    root = SVG_ROOT.search(svg)
    box = re.search(r'\bviewBox="([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)"', root.group(0)) if root else None
    width = re.search(r'\bwidth="([\d.]+)(px)?"', root.group(0)) if root else None
    if box is None or width is None:
        return svg
    x, y, w, h = (float(v) for v in box.groups())
    tag = root.group(0).replace(box.group(0), f'viewBox="{x - room:g} {y:g} {w + 2 * room:g} {h:g}"')
    tag = tag.replace(width.group(0), f'width="{float(width.group(1)) + 2 * room:g}"', 1)
    return svg[:root.start()] + tag + svg[root.end():]


TEXT_WIDTH_PX = 642     # the page's text column (170 mm) in CSS pixels
SLICE_PX = 880          # the most of a picture printed on one page (233 mm), in CSS pixels
CONTINUED = "The chart above, continued"


def _num(value: str | None, default: float = 0.0) -> float:
    try:
        return float(re.sub(r"px$", "", value or ""))
    except ValueError:
        return default


MOVED = re.compile(r"\s*translate\(\s*[-\d.eE]+(?:[\s,]+([-\d.eE]+))?")


def _moved_down(el) -> float:
    """How far an element's own `translate(x, y)` moves it down (charts place everything so)."""
    moved = MOVED.match(el.get("transform", ""))
    return _num(moved.group(1)) if moved and moved.group(1) else 0.0


def _text_lines(root) -> list[tuple[object, object, list[tuple[float, float]]]]:
    """Every text element of a parsed picture with its parent and lines: (baseline y, font size)."""
    found = []

    def walk(el, y, size):
        y += _moved_down(el)
        size = _num(el.get("font-size"), size)
        for child in el:
            if child.tag.rsplit("}", 1)[-1] != "text":
                walk(child, y, size)
                continue
            at = y + _moved_down(child)
            own = _num(child.get("font-size"), size)
            line, lines = at + _num(child.get("y")), []
            if (child.text or "").strip():
                lines.append((line, own))
            for span in child:
                line = at + _num(span.get("y")) if span.get("y") else line + _num(span.get("dy"))
                lines.append((line, own))
            found.append((child, el, lines))
    walk(root, 0.0, 12.0)
    return found


def _parse_svg(svg: str):
    import xml.etree.ElementTree as ET
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    try:
        return ET.fromstring(svg)
    except ET.ParseError:
        return None


def text_rows(svg: str) -> list[tuple[float, float]]:
    """Where each line of text sits in the picture: (baseline y, font size), in its own units."""
    root = _parse_svg(svg)
    return [row for _, _, lines in _text_lines(root) for row in lines] if root is not None else []


def only_text_between(svg: str, top: float, bottom: float) -> str:
    """The picture without the text outside rows top..bottom: a part of a tall chart shows only its
    own rows, and the others' text (clipped from view) must not be found in it by search or reading."""
    import xml.etree.ElementTree as ET
    root = _parse_svg(svg)
    if root is None:
        return svg
    for text, parent, lines in _text_lines(root):
        if lines and not any(top - 1 <= b <= bottom + s * 0.35 for b, s in lines):
            parent.remove(text)
    return ET.tostring(root, encoding="unicode")


def slice_points(top: float, height: float, slice_h: float, rows: list[tuple[float, float]]) -> list[float]:
    """Where to cut a tall picture into parts of about equal height, none much over `slice_h`,
    each cut in a gap between lines of text."""
    n = math.ceil(height / slice_h)
    cuts = [top]
    for i in range(1, n):
        cut = top + height * i / n
        while cut > cuts[-1] + 1 and any(b - s <= cut <= b + s * 0.35 for b, s in rows):
            cut -= 1
        cuts.append(cut)
    return cuts + [top + height]


def picture_parts(svg: str) -> list[str]:
    """The picture as one or more parts, each no taller than a page holds once it is scaled to the
    text column; a tall chart (a list of 36 cases) would otherwise print too small to read."""
    root = SVG_ROOT.search(svg)
    box = re.search(r'\bviewBox="([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)[ ,]+([-\d.eE]+)"', root.group(0)) if root else None
    height = re.search(r'\bheight="([\d.]+)(px)?"', root.group(0)) if root else None
    if box is None or height is None:
        return [svg]
    x, y, w, h = (float(v) for v in box.groups())
    slice_h = SLICE_PX / min(1.0, TEXT_WIDTH_PX / w)
    if h <= slice_h * 1.2:       # fits a page at a size that still reads well
        return [svg]
    cuts, parts = slice_points(y, h, slice_h, text_rows(svg)), []
    for a, b in zip(cuts, cuts[1:]):
        tag = root.group(0).replace(box.group(0), f'viewBox="{x:g} {a:g} {w:g} {b - a:g}"')
        tag = tag.replace(height.group(0), f'height="{b - a:g}"', 1)
        parts.append(only_text_between(svg[:root.start()] + tag + svg[root.end():], a, b))
    return parts


SVG_ON_SCREEN = re.compile(r"\s*\((?:select|choose|pick|click|tap)\b[^()<]*\)", re.I)


def _svg_img(soup: BeautifulSoup, svg: str, alt: str) -> Tag:
    """The chart as a figure: one image, or for a tall chart its parts one under the other (the first
    carries the description; the others say they continue it)."""
    parts = picture_parts(with_side_room(SVG_ON_SCREEN.sub("", svg)))   # nothing to select on paper
    fig = soup.new_tag("figure", attrs={"class": "pdf-chart" + (" pdf-chart-parts" if len(parts) > 1 else "")})
    for i, part in enumerate(parts):
        fig.append(soup.new_tag("img", attrs={
            "src": "data:image/svg+xml;base64," + base64.b64encode(part.encode()).decode(),
            "alt": alt if i == 0 else f"{CONTINUED} (part {i + 1} of {len(parts)})."}))
    return fig


ON_SCREEN = re.compile(r"\s*\b(?:Select|Choose|Pick|Click|Tap|Hover over|Drag)\b[^.]*\.")


def paper_captions(article: Tag) -> None:
    """Chart captions lose the sentences that tell a reader what to do on screen (select a stage,
    pick one in the menu): on paper there is nothing to select, and the text equivalent follows."""
    for caption in article.select(".hls-caption"):
        for text in caption.find_all(string=ON_SCREEN):
            kept = ON_SCREEN.sub("", text)
            if kept.strip():
                text.replace_with(kept)


def replace_charts(soup: BeautifulSoup, article: Tag, to_svg, pictures: dict[str, str]) -> int:
    """Swap every chart for a static image of its default view; returns how many were drawn.

    The site's charts carry a build-time picture of their default view (an inline SVG with the
    chart's description as its label); that picture is the PDF's image. An Altair output without
    one is drawn from its spec with vl-convert."""
    n = 0
    for box in article.select("div.hls-chart"):
        view = box.select_one(".hls-chart-view")
        svg = pictures.get(box.get("data-chart", ""))
        if view is None or svg is None:
            continue
        box.replace_with(_svg_img(soup, svg, view.get("aria-label") or "A chart; its text equivalent follows."))
        n += 1
    for div in article.select('div[id^="altair-viz-"]'):
        script = div.find_next_sibling("script")
        found = chart_specs(script.string or "") if script else None
        if found is None:
            continue
        div.replace_with(chart_figure(soup, found[0], to_svg))
        script.decompose()
        n += 1
    return n


def _fragment(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.find("body")
    return body if body is not None else soup


def _paper_box(soup: BeautifulSoup, html: str) -> Tag:
    """A printable page's body as a framed block, its headings moved below the chapter's."""
    box = soup.new_tag("div", attrs={"class": "pdf-paper"})
    for child in list(_fragment(html).children):
        box.append(child)
    for old, new in (("h2", "h4"), ("h1", "h3")):
        for h in box.find_all(old):
            h.name = new
    return box


def replace_tools(soup: BeautifulSoup, article: Tag, paper: dict) -> None:
    """Questionnaires become paper forms and the experiment form the blank card (from `paper`)."""
    for form in article.select(".hls-questionnaire[data-instrument]"):
        html = paper["forms"].get(form["data-instrument"])
        if html is not None:
            form.replace_with(_paper_box(soup, html))
    for form in article.select(".hls-experiment-form"):
        form.replace_with(_paper_box(soup, paper["card"]))
        for checklist in article.select(".hls-paper-checklist"):   # the blank card carries the checklist
            checklist.decompose()
    for tool in article.select(".hls-team"):        # pooling needs a browser: say where to do it
        note = soup.new_tag("p", attrs={"class": "pdf-note"})
        note.string = ("On the handbook's website this page pools the group's answer files and codes into the "
                       "team report. Open it in a browser during the session: it works offline and sends "
                       "nothing anywhere.")
        tool.replace_with(note)


DROP_TAGS = {"script", "style", "button", "input", "select", "textarea", "noscript"}   # controls and code
DROP_CLASSES = {"hls-mode", "hls-form-actions", "hls-status", "hls-download", "hls-print", "hls-clear",
                "prev-next-area", "bd-toc", "header-article", "margin",
                "hls-handout", "hls-case-sheet", "hls-print-page",   # the site's print actions and print-only sheets
                "hls-filters", "vega-bind"}   # a chart's filter menus (the book prints its default view)
DROP_TAG_CLASSES = {("details", "hls-where"), ("a", "headerlink")}


def dropped(el: Tag) -> bool:
    """True for what has no place on paper: controls, the site's own actions, hidden parts."""
    if el.name in DROP_TAGS or el.has_attr("hidden"):
        return True
    classes = el.get("class") or ()
    if any(c in DROP_CLASSES or (el.name, c) in DROP_TAG_CLASSES for c in classes):
        return True
    return el.name == "label" and el.find_parent("form") is not None


def clean(article: Tag) -> None:
    """Drop what `dropped` names and open every collapsed block, in one walk of the tree.

    (A CSS selector list did the same, at several times the cost on a 500-page book.)"""
    for el in article.find_all(True):
        if el.decomposed:
            continue
        if dropped(el):
            el.decompose()
        elif el.name == "details":
            el["open"] = ""


def rewrite_links(article: Tag, doc: str, docs: set[str]) -> None:
    """Ids get the page's prefix; links inside the book point into the one document."""
    here = posixpath.dirname(doc)
    for el in article.find_all(id=True):
        el["id"] = anchor(doc, el["id"])
    for el in article.find_all(attrs={"aria-labelledby": True}):
        el["aria-labelledby"] = " ".join(anchor(doc, x) for x in el["aria-labelledby"].split())
    for el in article.find_all(attrs={"aria-describedby": True}):
        el["aria-describedby"] = " ".join(anchor(doc, x) for x in el["aria-describedby"].split())
    for a in article.find_all("a", href=True):
        href = a["href"]
        if EXTERNAL.match(href):
            shown = a.get_text(strip=True).rstrip("/")
            if shown not in (href.rstrip("/"), re.sub(r"^(https?://|mailto:)", "", href).rstrip("/")):
                a["class"] = a.get("class", []) + ["pdf-external"]   # the address is printed after the link
            continue
        path, _, frag = href.partition("#")
        target = doc if not path else posixpath.normpath(posixpath.join(here, path))
        target = re.sub(r"\.html$", "", target)
        if target in docs:
            a["href"] = "#" + anchor(target, frag)
        else:
            a.unwrap()


def print_repeated_tables_once(soup: BeautifulSoup, chapters: list[tuple[Tag, str]]) -> int:
    """An explorer's whole table is on every page that has the explorer; the book prints each table
    once, where it first appears, and later chapters point to that page. Returns how many it replaced.

    `chapters` holds each chapter's section and title, in book order."""
    first: dict[str, tuple[str, str]] = {}
    replaced = 0
    for section, title in chapters:
        for table in section.select("details.hls-full-table"):
            key = table.get_text(" ", strip=True)
            if key not in first:
                table["id"] = table.get("id") or f"{section['id']}--whole-table-{len(first)}"
                first[key] = (table["id"], title)
                continue
            target, where = first[key]
            summary = table.find("summary")
            ref = soup.new_tag("p", attrs={"class": "pdf-table-ref"})
            ref.append(f"{summary.get_text(' ', strip=True) if summary else 'The whole table'}: printed in full "
                       f"in the chapter “{where}”, ")
            link = soup.new_tag("a", attrs={"href": f"#{target}", "class": "pdf-page-ref"})
            link.append("page")
            ref.append(link)
            ref.append(".")
            table.replace_with(ref)
            replaced += 1
    return replaced


def fix_images(article: Tag, doc: str) -> None:
    here = posixpath.dirname(doc)
    for img in article.find_all("img", src=True):
        if not img["src"].startswith("data:") and not EXTERNAL.match(img["src"]):
            img["src"] = posixpath.normpath(posixpath.join(here, img["src"]))


def chapter_html(soup: BeautifulSoup, page: str, doc: str, docs: set[str], paper: dict, to_svg,
                 level: int) -> tuple[Tag, int, str]:
    """One page of the site as a chapter of the book: (section, charts drawn, title)."""
    start, end = page.find('<article class="bd-article"'), page.rfind("</article>")
    src = BeautifulSoup(page[start:end + 10] if 0 <= start < end else page, "html.parser")
    article = src.select_one("article.bd-article") or src.body or src
    charts = replace_charts(src, article, to_svg, chart_pictures(page))
    replace_tools(src, article, paper)
    paper_captions(article)
    clean(article)
    rewrite_links(article, doc, docs)
    fix_images(article, doc)
    h1 = article.find("h1")
    title = h1.get_text(" ", strip=True) if h1 else doc
    if level == 2:   # case pages sit under their chapter: one level down, no new page each
        for h in article.find_all(re.compile(r"^h[1-5]$")):
            h.name = f"h{int(h.name[1]) + 1}"
    # The running header takes the title from the section itself, which is the first thing on the page
    # when the chapter or case starts it (a heading can be preceded by a link target, which hid it).
    section = soup.new_tag("section", attrs={"class": f"pdf-chapter pdf-level-{level}", "id": anchor(doc),
                                             "data-title": title})
    for child in list(article.children):
        section.append(child)
    return section, charts, title
