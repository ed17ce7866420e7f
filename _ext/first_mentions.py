"""Link the first mention of "the e-book" on each page to the page that says what the e-book is.

Many chapters call the main source "the e-book". A reader who lands on any page can follow its
first mention to "About the sources", where the five sources are introduced once.
"""
from __future__ import annotations

import re

from docutils import nodes

SOURCES_DOC = "book/about/sources"
TARGET = "the-e-book"
TOOLTIP = "Human Learning Systems: Public Service for the Real World (2021), the handbook's main source"
MENTION = re.compile(r"\b([Tt]he (?:2021 )?e-book)\b")
SKIP = (nodes.reference, nodes.title, nodes.literal, nodes.literal_block, nodes.raw, nodes.FixedTextElement)


def _first_mention(doctree: nodes.document):
    for text in doctree.findall(nodes.Text):
        parent = text.parent
        if any(isinstance(a, SKIP) for a in _ancestors(parent)):
            continue
        m = MENTION.search(str(text))
        if m:
            return text, m
    return None


def _ancestors(node):
    while node is not None:
        yield node
        node = node.parent


def link_first_mention(app, doctree: nodes.document, docname: str) -> None:
    if docname == SOURCES_DOC or app.builder.format != "html":
        return
    found = _first_mention(doctree)
    if found is None:
        return
    text, m = found
    s = str(text)
    uri = app.builder.get_relative_uri(docname, SOURCES_DOC) + "#" + TARGET
    link = nodes.reference("", m.group(1), refuri=uri, reftitle=TOOLTIP, classes=["hls-first-mention"])
    text.parent.replace(text, [nodes.Text(s[:m.start()]), link, nodes.Text(s[m.end():])])


def setup(app):
    app.connect("doctree-resolved", link_first_mention)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
