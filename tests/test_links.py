"""Every link inside the built site leads somewhere: the file exists, and so does the #anchor on it.

External links (http, https) are not checked here: the tests run offline. The weekly scheduled job
checks them online with scripts/external_links.py --check.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

IGNORED_SCHEMES = {"http", "https", "mailto", "javascript", "data", "tel", "ftp"}


class _Page(HTMLParser):
    """Collects a page's link targets (href, src) and the anchors it offers (id, and name on <a>)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []   # (tag, url)
        self.anchors: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("href", "src"):
                self.links.append((tag, value.strip()))
            elif name == "id" or (name == "name" and tag in ("a", "map")):
                self.anchors.add(value)

    handle_startendtag = handle_starttag


@lru_cache(maxsize=None)
def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8", errors="replace"))
    return page


def internal(url: str) -> bool:
    if not url or url.startswith("//"):            # protocol-relative: another host
        return False
    scheme = urlsplit(url).scheme.lower()
    return scheme not in IGNORED_SCHEMES and not scheme   # relative or root-relative


def resolve(site: Path, page: Path, path: str) -> Path:
    """The file a link's path points at, as a static web server would serve it."""
    base = site if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target


def theme_template(site: Path, page: Path) -> bool:
    """The theme copies Jinja macro files (webpack-macros.html) into _static: templates, not pages."""
    return page.relative_to(site).parts[0] == "_static" and "{{" in page.read_text(encoding="utf-8", errors="replace")


def broken_links(site: Path) -> list[str]:
    site = site.resolve()
    problems: dict[str, set[str]] = defaultdict(set)   # problem -> pages
    for page in sorted(site.rglob("*.html")):
        if theme_template(site, page):
            continue
        rel = page.relative_to(site).as_posix()
        for tag, url in parse(page).links:
            if not internal(url):
                continue
            parts = urlsplit(url)
            target = resolve(site, page, parts.path) if parts.path else page
            try:
                target.relative_to(site)
            except ValueError:
                problems[f"{url!r} leaves the site"].add(rel)
                continue
            if not target.is_file():
                problems[f"{url!r}: no file {target.relative_to(site).as_posix()}"].add(rel)
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in parse(target).anchors:
                problems[f"{url!r}: {target.relative_to(site).as_posix()} has no id {fragment!r}"].add(rel)
    return [f"{p}  (on {', '.join(sorted(pages)[:3])}{' and more' if len(pages) > 3 else ''})"
            for p, pages in sorted(problems.items())]


def test_every_internal_link_and_anchor_exists(built_book):
    found = broken_links(built_book)
    assert not found, f"{len(found)} broken internal link(s):\n" + "\n".join(found)


def test_the_checker_finds_missing_files_and_anchors(tmp_path):
    """The checker itself, on a three-page site written for the test."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="sub/a.html#here">ok</a> <a href="sub/a.html#gone">bad anchor</a> <img src="missing.png">'
        '<a href="https://example.org/x">external</a> <a href="mailto:x@y.z">mail</a> <a href="#top">self</a>'
        '<a href="/sub/">dir</a> <a href="data:text/plain,hi">data</a> <p id="top"></p>', encoding="utf-8")
    (tmp_path / "sub" / "a.html").write_text('<h1 id="here">A</h1><a name="old"></a><a href="../index.html#top">'
                                             '</a><a href="../index.html#old">x</a>', encoding="utf-8")
    (tmp_path / "sub" / "index.html").write_text("<p>dir</p>", encoding="utf-8")
    parse.cache_clear()
    found = broken_links(tmp_path)
    assert len(found) == 3, found
    assert any("'sub/a.html#gone'" in f and "has no id 'gone'" in f for f in found)
    assert any("'missing.png': no file missing.png" in f for f in found)
    assert any("'../index.html#old'" in f and "on sub/a.html" in f for f in found)
