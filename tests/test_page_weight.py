"""Page weight of the built site, read from the files (no browser): budgets a phone on a weak
connection can afford, and nothing shipped or loaded that no page uses.

Sizes are gzip sizes (what any static host sends). A page's weight is the page itself plus every local
file it names in a script, stylesheet, preload, icon or image tag, or that its scripts load by name, and
every WOFF2 font its stylesheets name (an upper bound: the browser fetches only those the page draws with,
and never the TrueType fallbacks when it reads WOFF2).
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REF = re.compile(r'<(?:script|link|img)\b[^>]*?\b(?:src|href)="([^"#]+)"[^>]*>', re.I)
STATIC_PATH = re.compile(r'["\'\s]((?:\.\./)*_static/[A-Za-z0-9_./-]+)')   # files scripts load by name
CSS_URL = re.compile(r'url\(\s*["\']?([^"\')]+)["\']?\s*\)')
INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
DATASET_START = re.compile(r'"(?:data-[0-9a-f]{32}|values)":\s*\[')
CHART_LIBS = ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega.js", "vega-lite.js", "vega-embed.js")
NO_CHART_BUDGET, TOOL_BUDGET = 250 * 1024, 700 * 1024
BUNDLES = ("_static/jsvendor/mathjax/", "_static/jsvendor/html-manager/")   # load their own parts


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).parts[0].startswith("_"))


@lru_cache(maxsize=None)
def gz(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), 6))


def local_refs(page: Path, site: Path) -> list[Path]:
    """Local files the page's tags name, or its scripts load by name (in order, each once)."""
    found = []
    text = page.read_text(encoding="utf-8")
    for ref in REF.findall(text) + STATIC_PATH.findall(text):
        parts = urlsplit(ref)
        if parts.scheme or parts.netloc or not parts.path:
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if target.is_file() and site.resolve() in target.parents and target not in found:
            found.append(target)
    return found


def stylesheet_fonts(refs: list[Path]) -> set[Path]:
    """The WOFF2 fonts the page's local stylesheets name."""
    fonts = set()
    for sheet in (r for r in refs if r.suffix == ".css"):
        for url in CSS_URL.findall(sheet.read_text(encoding="utf-8", errors="replace")):
            target = (sheet.parent / unquote(urlsplit(url).path)).resolve()
            if target.suffix == ".woff2" and target.is_file():
                fonts.add(target)
    return fonts


def is_tool_page(html: str) -> bool:
    return ("hls-chart" in html or "vega-embed" in html or "hls-questionnaire" in html or "hls-experiment-form" in html
            or 'class="hls-team"' in html)


def test_every_page_fits_its_gzip_budget(built_book):
    over, sizes = [], []
    for page in pages(built_book):
        html = page.read_text(encoding="utf-8")
        refs = local_refs(page, built_book)
        total = gz(page) + sum(gz(f) for f in refs) + sum(gz(f) for f in stylesheet_fonts(refs))
        budget = TOOL_BUDGET if is_tool_page(html) else NO_CHART_BUDGET
        sizes.append(total)
        if total > budget:
            over.append(f"{page.relative_to(built_book)}: {total / 1024:.0f} KB > {budget / 1024:.0f} KB")
    assert len(sizes) > 60
    assert not over, "\n".join(over)


def test_each_chart_library_loads_once_per_page(built_book):
    twice = []
    for page in pages(built_book):
        html = page.read_text(encoding="utf-8")
        for lib in CHART_LIBS:
            n = len(re.findall(rf"[/\"']{re.escape(lib)}", html))
            if n > 1:
                twice.append(f"{page.relative_to(built_book)}: {lib} x{n}")
    assert not twice, "\n".join(twice)


def test_no_large_dataset_is_inlined_in_more_than_one_page(built_book):
    where: dict[str, set[str]] = {}
    for page in pages(built_book):
        for data in inline_datasets(page.read_text(encoding="utf-8")):
            if len(data.encode()) > 50 * 1024:
                where.setdefault(hashlib.sha256(data.encode()).hexdigest(), set()).add(str(page.relative_to(built_book)))
    repeated = {k: sorted(v) for k, v in where.items() if len(v) > 1}
    assert not repeated, repeated


def test_pages_without_charts_load_no_chart_library(built_book):
    for page in pages(built_book):
        html = page.read_text(encoding="utf-8")
        if not is_tool_page(html):
            assert not any(lib in html for lib in CHART_LIBS), page


def inline_datasets(html: str) -> list[str]:
    """Each data array written inside the page's scripts, as text."""
    found = []
    for body in INLINE_SCRIPT.findall(html):
        for m in DATASET_START.finditer(body):
            try:
                value, _ = json.JSONDecoder().raw_decode(body, m.end() - 1)
            except ValueError:
                continue
            found.append(json.dumps(value, sort_keys=True))
    return found


def test_the_dataset_check_sees_a_repeated_dataset():
    big = json.dumps([{"case": "x" * 100, "n": i} for i in range(600)])
    page = f'<script type="application/json">{{"datasets": {{"data-{"a" * 32}": {big}}}}}</script>'
    assert len(inline_datasets(page)) == 1 and len(inline_datasets(page)[0]) > 50 * 1024


def referenced_files(site: Path) -> set[Path]:
    """Every file a page names, and every file those stylesheets name."""
    seen, todo = set(), []
    for page in pages(site) + [site / "search.html", site / "genindex.html"]:
        todo += local_refs(page, site)
    while todo:
        f = todo.pop()
        if f in seen:
            continue
        seen.add(f)
        if f.suffix == ".css":
            for ref in CSS_URL.findall(f.read_text(encoding="utf-8", errors="replace")):
                target = (f.parent / unquote(urlsplit(ref).path)).resolve()
                if not urlsplit(ref).scheme and target.is_file():
                    todo.append(target)
    return seen


def test_no_large_static_file_is_unused(built_book):
    used = referenced_files(built_book)
    used_text = "\n".join(str(p) for p in used)
    unused = []
    for f in sorted((built_book / "_static").rglob("*")):
        rel = f.relative_to(built_book).as_posix()
        if not f.is_file() or f.stat().st_size <= 100 * 1024 or f.resolve() in used:
            continue
        bundle = next((b for b in BUNDLES if rel.startswith(b)), None)
        if bundle and str(built_book.resolve() / bundle) in used_text:
            continue                       # part of a bundle a page loads
        unused.append(f"{rel} ({f.stat().st_size / 1024:.0f} KB)")
    assert not unused, "files no page uses:\n" + "\n".join(unused)


def test_root_page_is_valid_and_opens_the_landing_page(built_book):
    html = (built_book / "index.html").read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html>")
    assert re.search(r'<html lang="en">', html)
    title = re.search(r"<title>([^<]+)</title>", html)
    assert title and "Human Learning Systems" in title.group(1)
    target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
    assert (built_book / target).is_file() and f'location.replace("{target}"' in html


@pytest.mark.parametrize("path", ["index.html", "book/index.html", "book/cycle/learning_cycle.html"])
def test_pages_name_an_icon_that_exists(built_book, path):
    page = built_book / path
    icon = re.search(r'<link rel="icon" href="([^"]+)"', page.read_text(encoding="utf-8"))
    assert icon and (page.parent / icon.group(1).split("?")[0]).is_file()


def test_pages_load_only_the_scripts_they_use(built_book):
    for page in pages(built_book):
        html = page.read_text(encoding="utf-8")
        name = page.relative_to(built_book).as_posix()
        assert "fontawesome.js" not in html, name          # icons are inline SVG
        assert "sphinx-thebe.js" not in html, name          # Thebe is off
        if name != "search.html":
            assert "searchindex.js" not in html and "searchtools.js" not in html, name
        assert '<i class="fa' not in html, name              # every icon was drawn
    assert "searchindex.js" in (built_book / "search.html").read_text(encoding="utf-8")


def test_every_chart_shows_a_picture_of_its_size_and_its_name_before_scripts_run(built_book):
    boxes = 0
    for page in pages(built_book):
        html = page.read_text(encoding="utf-8")
        for box in re.findall(r'<div class="hls-chart" data-chart="c[0-9a-f]+">(.*?)<script type="application/json"', html, re.S):
            boxes += 1
            assert re.search(r'<svg [^>]*class="marks hls-chart-picture" width="\d+" height="\d+"', box), page
            assert re.search(r'class="hls-chart-view" role="graphics-document" [^>]*aria-label="[^"]{20,}"', box), page
        assert "altair-viz" not in html, page
    assert boxes > 30
