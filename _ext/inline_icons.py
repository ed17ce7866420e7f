"""The theme's few icons drawn as inline SVG, so no page needs the 1.5 MB Font Awesome script.

The shapes are read from the theme's own copy of Font Awesome (free licence), so icons look as before.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

ICON_TAG = re.compile(r'<i class="([^"]*\bfa-[a-z0-9-]+[^"]*)"([^>]*)>\s*</i>')
FAMILY_CALL = re.compile(r'\bd\("(fab|far|fas)",')
FAMILY_CLASS = {"fab": "fab", "fa-brands": "fab", "far": "far", "fa-regular": "far", "fas": "fas", "fa-solid": "fas"}
NOT_NAMES = {"fa-lg", "fa-sm", "fa-xs", "fa-fw", "fa-2x", "fa-3x", "fa-spin", "fa-brands", "fa-regular", "fa-solid"}
FA_SCRIPT = re.compile(r'[ \t]*<script defer src="[^"]*_static/scripts/fontawesome\.js[^"]*"></script>\n?')


def fontawesome_script() -> Path:
    import pydata_sphinx_theme
    return Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static" / "scripts" / "fontawesome.js"


ICON_DATA = re.compile(r':\[(\d+),(\d+),\[[^\]]*\],"[0-9a-f]+","([^"]+)"\]')
ICON_NAME = re.compile(r'[{,]"?([a-z0-9-]+)"?$')


@lru_cache(maxsize=1)
def icon_shapes() -> dict[tuple[str, str], tuple[int, int, str]]:
    """(family, name) -> (width, height, path) of every single-path icon in the theme's script."""
    text = fontawesome_script().read_text(encoding="utf-8")
    calls = [(m.start(), m.group(1)) for m in FAMILY_CALL.finditer(text)]
    shapes = {}
    for m in ICON_DATA.finditer(text):
        family = next((f for pos, f in calls if pos > m.start()), None)
        name = ICON_NAME.search(text, max(0, m.start() - 60), m.start())
        if family and name:
            shapes.setdefault((family, name.group(1)), (int(m.group(1)), int(m.group(2)), m.group(3)))
    return shapes


def icon_shape(family: str, name: str) -> tuple[int, int, str] | None:
    return icon_shapes().get((family, name))


def _svg(match: re.Match) -> str:
    classes = match.group(1).split()
    family = next((FAMILY_CLASS[c] for c in classes if c in FAMILY_CLASS), "fas")
    names = [c[3:] for c in classes if c.startswith("fa-") and c not in NOT_NAMES and icon_shape(family, c[3:])]
    if not names:
        return match.group(0)          # unknown icon: leave it as it was
    name = names[0]
    width, height, path = icon_shape(family, name)
    keep = " ".join(c for c in classes if c not in FAMILY_CLASS)
    return (f'<svg class="svg-inline--fa {html.escape(keep)}" aria-hidden="true" focusable="false" '
            f'data-prefix="{family}" data-icon="{name}" role="img" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}"{match.group(2)}><path fill="currentColor" d="{path}"></path></svg>')


def inline_icons(page: str) -> str:
    """The page with each Font Awesome <i> as inline SVG and the icon script left out."""
    page = ICON_TAG.sub(_svg, page)
    return FA_SCRIPT.sub("", page)
