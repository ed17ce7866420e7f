"""Glossary previews: every link to a glossary term says what the term means, in place.

Each link to a term's glossary entry gets ``aria-describedby`` naming a short definition written,
hidden, at the end of the page, so screen readers announce the definition with the link, without any
script and offline. The page's small script (_static/hls-glossary.js) shows the same text as a
visible preview when the link is hovered or focused. The link itself still opens the glossary.
"""
from __future__ import annotations

import html
import re
from functools import lru_cache
from pathlib import Path

TERM_LINK = re.compile(r'(<a class="reference internal" href="(?:[^"#]*glossary\.html)?#glossary-([a-z0-9][a-z0-9_-]*)")')


@lru_cache(maxsize=4)
def _previews(srcdir: str) -> dict[str, tuple[str, str]]:
    from hlskit.content import load_nearest
    from hlskit.glossary import previews

    return previews(load_nearest(Path(srcdir)))


def with_previews(body: str, previews: dict[str, tuple[str, str]]) -> str:
    """The page body with each known term link described by its short definition."""
    used: list[str] = []

    def describe(m: re.Match) -> str:
        term_id = m.group(2)
        if term_id not in previews:
            return m.group(1)
        if term_id not in used:
            used.append(term_id)
        return f'{m.group(1)} aria-describedby="hls-gloss-{term_id}"'

    body = TERM_LINK.sub(describe, body)
    if not used:
        return body
    defs = "".join(f'<span id="hls-gloss-{t}" data-term="{html.escape(previews[t][0])}">'
                   f'{html.escape(previews[t][0])}: {html.escape(previews[t][1])}</span>' for t in used)
    return body + f'\n<div class="hls-gloss-defs" hidden>{defs}</div>\n'


def _page_context(app, pagename, templatename, context, doctree):
    body = context.get("body") or ""
    if "#glossary-" in body:
        context["body"] = with_previews(body, _previews(str(app.srcdir)))


def setup(app):
    app.connect("html-page-context", _page_context)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
