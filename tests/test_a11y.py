"""Accessibility and reading comfort of every built page, checked offline in headless Chromium.

axe-core (vendored from the npm registry into node_modules) audits each page; the test fails on any
violation, whatever its impact (minor to critical), and prints a summary of all findings.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from browser import offline_site

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def built_pages(html_root: Path) -> list[str]:
    return sorted(str(p.relative_to(html_root)) for p in html_root.rglob("*.html")
                  if not str(p.relative_to(html_root)).startswith(("_static", "_sources", "genindex", "search")))


@pytest.mark.parametrize("viewport", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_no_accessibility_violations_on_any_page(built_book, capsys, viewport):
    pages = built_pages(built_book)
    assert len(pages) > 60
    found, summary = [], {}
    with offline_site(built_book, viewport=viewport) as site:
        page = site.context.new_page()
        for path in pages:
            page.goto(f"{site.base}/{path}", wait_until="networkidle")
            page.wait_for_timeout(200)
            page.add_script_tag(path=str(AXE))
            result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
            for v in result["violations"]:
                summary.setdefault((v["impact"], v["id"]), set()).add(path)
                found.append(f"{path}: {v['id']} ({v['impact']}) on {v['nodes'][0]['html'][:120]}")
        assert not site.blocked, site.blocked
    with capsys.disabled():
        print(f"\naxe-core audit of {len(pages)} pages at {viewport[0]}x{viewport[1]}:")
        for (impact, rule), where in sorted(summary.items()):
            print(f"  {impact:9} {rule}: {len(where)} page(s)")
    assert not found, "\n".join(found[:30])


@pytest.mark.parametrize("path", ["index.html", "book/cycle/learning_cycle.html", "book/scales/places.html",
                                  "book/cases/mayday-trust.html"])
def test_pages_fit_a_phone_screen(built_book, path):
    with offline_site(built_book, viewport=(375, 800)) as site:
        page = site.open(path)
        page.wait_for_timeout(500)
        overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a 375px screen"


def test_search_works_offline(built_book):
    with offline_site(built_book) as site:
        page = site.open("search.html?q=sense-making")
        page.wait_for_selector("#search-results li", timeout=20000)
        assert page.locator("#search-results li").count() >= 3
        assert not site.blocked
