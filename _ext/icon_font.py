"""The theme's icon fonts cut down to the icons the site draws.

Every page fetched the theme's whole Font Awesome font (153 KB for the solid set alone) at top
priority, for about thirty icons drawn by its stylesheet: the menu buttons, the admonition, dropdown
and breadcrumb marks. At the end of a build the theme's stylesheet loses the rules for icon classes
that no page and no script names, and each font keeps only the glyphs the remaining rules draw.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

# One icon rule of the theme's minified Font Awesome sheet: `.fa-bars:before,.fa-navicon:before{content:"\f0c9"}`.
ICON_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+:{1,2}before,?)+)\{content:"((?:[^"\\]|\\.)*)"\}')
ICON_CLASS = re.compile(r'\.fa-([a-z0-9-]+):{1,2}before')
NAMED = re.compile(r'\bfa-([a-z0-9-]+)')
ESCAPE = re.compile(r'\\([0-9a-fA-F]{1,6})\s?')
CONTENT_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
THEME_SHEET = "styles/pydata-sphinx-theme.css"
FONTS = "vendor/fontawesome/webfonts"


def names_used(texts) -> set[str]:
    """Every `fa-…` name written in the site's pages and scripts (class names, or names a script adds)."""
    used = set()
    for text in texts:
        used.update(NAMED.findall(text))
    return used


def drop_unused_icon_rules(css: str, used: set[str]) -> str:
    """The sheet without the icon rules whose every class name is unused."""
    def keep(match: re.Match) -> str:
        return match.group(0) if set(ICON_CLASS.findall(match.group(1))) & used else ""
    return ICON_RULE.sub(keep, css)


def code_points(css: str) -> set[int]:
    """The characters the sheet's quoted strings can draw (escapes such as `\\f0c9`, and plain letters)."""
    points = set()
    for string in CONTENT_STRING.findall(css):
        plain = ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), string)
        points.update(ord(c) for c in plain)
    return points


def subset_font(data: bytes, points: set[int], flavor: str | None) -> bytes:
    """The font with only the glyphs for these characters (and what they need, such as ligatures)."""
    import io

    from fontTools import subset
    from fontTools.ttLib import TTFont

    options = subset.Options()
    options.flavor = flavor
    options.layout_features = ["*"]
    options.notdef_outline = True
    font = TTFont(io.BytesIO(data))
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(points))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _cached_subset(cache: Path, data: bytes, points: set[int], flavor: str | None) -> bytes:
    """Subsetting takes about a second per font: keep each result under a key of font and characters."""
    key = hashlib.sha256(data + repr((sorted(points), flavor)).encode()).hexdigest()[:24]
    hit = cache / f"{key}.bin"
    if hit.is_file():
        return hit.read_bytes()
    out = subset_font(data, points, flavor)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = hit.with_suffix(".tmp")
    tmp.write_bytes(out)
    tmp.replace(hit)
    return out


def trim_icon_font(static: Path, pages: list[Path], cache: Path) -> dict[str, tuple[int, int]]:
    """Cut the theme sheet and its fonts in place; returns {file: (bytes before, bytes after)}."""
    sheet = static / THEME_SHEET
    fonts = static / FONTS
    if not sheet.is_file() or not fonts.is_dir():
        return {}
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in
             [*pages, *static.rglob("*.js")])
    used = names_used(texts)
    css = sheet.read_text(encoding="utf-8")
    trimmed = drop_unused_icon_rules(css, used)
    points = set()
    for other in static.rglob("*.css"):
        points |= code_points(trimmed if other == sheet else other.read_text(encoding="utf-8", errors="replace"))
    sizes = {THEME_SHEET: (len(css.encode()), len(trimmed.encode()))}
    if trimmed != css:
        sheet.write_text(trimmed, encoding="utf-8")
    for font in sorted(fonts.iterdir()):
        flavor = {".woff2": "woff2", ".ttf": None}.get(font.suffix)
        if font.suffix not in (".woff2", ".ttf"):
            continue
        data = font.read_bytes()
        out = _cached_subset(cache, data, points, flavor)
        if out != data:
            font.write_bytes(out)
        sizes[f"{FONTS}/{font.name}"] = (len(data), len(out))
    return sizes


def _build_finished(app, exception) -> None:
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    out = Path(app.outdir)
    pages = list(out.rglob("*.html"))
    trim_icon_font(out / "_static", pages, Path(app.doctreedir).parent / "icon-font-cache")


def setup(app):
    app.connect("build-finished", _build_finished, priority=950)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
