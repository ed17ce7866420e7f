"""The theme's icon fonts, cut to the icons the site draws: small, and no icon lost.

Also: the links inside the charts' build-time pictures stay relative, as in the drawn charts.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
import icon_font  # noqa: E402

SAMPLE = ('.x{color:red}.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}.fa-cat:before{content:"\\f6be"}'
          '.fa-xmark:before{content:"\\f00d"}:root{--pst-icon-bell:"\\f0f3"}.fa-rotate-90{transform:rotate(90deg)}')


def test_unused_icon_rules_go_and_used_ones_stay():
    used = icon_font.names_used(['<span class="fa-solid fa-navicon"></span>', 'e.classList.add("fa-xmark")'])
    cut = icon_font.drop_unused_icon_rules(SAMPLE, used)
    assert '.fa-bars:before,.fa-navicon:before{content:"\\f0c9"}' in cut       # one of its names is used
    assert ".fa-xmark:before" in cut and ".fa-cat" not in cut
    assert ".fa-rotate-90{transform" in cut and ":root{--pst-icon-bell" in cut   # not icon rules: kept
    assert icon_font.code_points(cut) >= {0xF0C9, 0xF00D, 0xF0F3}
    assert 0xF6BE not in icon_font.code_points(cut)


def test_a_subset_font_draws_exactly_the_kept_icons(tmp_path):
    from fontTools.ttLib import TTFont

    import pydata_sphinx_theme
    fonts = Path(pydata_sphinx_theme.__file__).parent / "theme/pydata_sphinx_theme/static/vendor/fontawesome/webfonts"
    full = (fonts / "fa-solid-900.woff2").read_bytes()
    small = icon_font.subset_font(full, {0xF0C9, 0xF00D}, "woff2")
    path = tmp_path / "s.woff2"
    path.write_bytes(small)
    cmap = TTFont(path).getBestCmap()
    assert {0xF0C9, 0xF00D} <= set(cmap) and 0xF6BE not in cmap
    assert len(small) < len(full) / 10


@pytest.fixture(scope="module")
def fonts(built_book):
    from fontTools.ttLib import TTFont

    folder = built_book / "_static" / icon_font.FONTS
    return {f.name: set(TTFont(f).getBestCmap()) for f in folder.glob("*.woff2")}


def test_the_site_ships_small_icon_fonts_that_hold_every_icon_its_sheets_name(built_book, fonts):
    static = built_book / "_static"
    for name in fonts:
        assert (static / icon_font.FONTS / name).stat().st_size < 12_000, name
    sheet = (static / icon_font.THEME_SHEET).read_text(encoding="utf-8")
    icons = {p for p in icon_font.code_points(sheet) if 0xE000 <= p <= 0xF8FF}     # the private-use icon range
    assert len(icons) >= 20
    missing = {hex(p) for p in icons if not any(p in cmap for cmap in fonts.values())}
    assert not missing


def test_every_icon_class_on_a_page_still_has_its_rule_and_glyph(built_book, fonts):
    sheet = (built_book / "_static" / icon_font.THEME_SHEET).read_text(encoding="utf-8")
    rules = {name: content for selectors, content in icon_font.ICON_RULE.findall(sheet)
             for name in icon_font.ICON_CLASS.findall(selectors)}
    seen = set()
    for page in built_book.rglob("*.html"):
        for classes in re.findall(r'<(?:span|i)\b[^>]*class="([^"]*\bfa-[^"]*)"', page.read_text(encoding="utf-8")):
            for name in re.findall(r"\bfa-([a-z0-9-]+)", classes):
                if name in ("solid", "regular", "brands", "fw", "lg"):
                    continue
                seen.add(name)
                assert name in rules, f"{page.name}: no rule draws fa-{name}"
                point = icon_font.code_points(f'"{rules[name]}"')
                assert point and all(any(p in c for c in fonts.values()) for p in point), name
    assert {"bars", "list"} <= seen          # the menu buttons are drawn from the font


def test_links_in_chart_pictures_are_relative_and_lead_to_pages_of_the_site(built_book):
    count = 0
    for page in built_book.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for picture in re.findall(r'<svg [^>]*class="marks hls-chart-picture".*?</svg>', text, re.S):
            assert "xlink:href" not in picture, page.name            # plain links, as crawlers expect
            for href in re.findall(r'\bhref="([^"]+)"', picture):
                count += 1
                parts = urlsplit(href)
                assert not parts.scheme and not parts.netloc, f"{page.name}: {href}"
                assert (page.parent / unquote(parts.path)).resolve().is_file(), f"{page.name}: {href}"
    assert count > 50
