"""Give every page a meta description, for search results and link previews.

A page that sets its own (MyST front matter ``html_meta: {description: ...}``, as the generated case
pages do) keeps it. Any other page gets one made from its first paragraph of prose: plain text, at
most 160 characters, cut at a word and HTML-escaped. "Prose" skips the About box and other
admonitions, bullet lists, tables, quotations, captions and notebook cells, so a chapter is described
by its opening paragraph, not by its learning objectives. The hook only reads the page it is given,
so it is safe for parallel reading and writing.
"""
from __future__ import annotations

import html
import re

from docutils import nodes

MAX_CHARS = 160
MIN_CHARS = 40          # shorter paragraphs ("In this handbook:") are lead-ins, not descriptions
_HAS_DESCRIPTION = re.compile(r"""name\s*=\s*["']description["']""", re.I)

# Paragraphs inside these are not the page's own prose.
_NOT_PROSE = (nodes.Admonition, nodes.topic, nodes.sidebar, nodes.table, nodes.block_quote,
              nodes.footnote, nodes.citation, nodes.caption, nodes.legend, nodes.figure,
              nodes.line_block, nodes.field_list, nodes.option_list, nodes.header, nodes.footer)
_LISTS = (nodes.bullet_list, nodes.enumerated_list, nodes.definition_list)


def _inside(node: nodes.Node, kinds: tuple) -> bool:
    parent = node.parent
    while parent is not None:
        if isinstance(parent, kinds):
            return True
        if isinstance(parent, nodes.container) and any("cell" in c or "output" in c
                                                        for c in parent.get("classes", [])):
            return True           # a notebook cell or its output (myst-nb)
        parent = parent.parent
    return False


def _plain(text: str) -> str:
    return " ".join(text.split())


def first_prose(doctree: nodes.document) -> str | None:
    """The text of the page's first paragraph of prose (lists are used only if nothing else is found)."""
    for skip in (_NOT_PROSE + _LISTS, _NOT_PROSE):
        for para in doctree.findall(nodes.paragraph):
            text = _plain(para.astext())
            if len(text) >= MIN_CHARS and not _inside(para, skip):
                return text
    return None


def shorten(text: str, limit: int = MAX_CHARS) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis if it had to be cut."""
    text = _plain(text)
    if len(text) <= limit:
        return text
    cut = text[:limit - 1]
    if " " in cut:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:.–—-") + "…"


def _has_description(context: dict, doctree: nodes.document) -> bool:
    if _HAS_DESCRIPTION.search(context.get("metatags") or ""):
        return True
    meta = getattr(nodes, "meta", None)
    return meta is not None and any(m.get("name") == "description" for m in doctree.findall(meta))


def add_description(app, pagename, templatename, context, doctree) -> None:
    if doctree is None or _has_description(context, doctree):   # genindex/search have no doctree
        return
    text = first_prose(doctree)
    if not text:
        return
    tag = f'<meta name="description" content="{html.escape(shorten(text), quote=True)}" />'
    context["metatags"] = (context.get("metatags") or "") + "\n" + tag


def setup(app):
    app.connect("html-page-context", add_description)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
