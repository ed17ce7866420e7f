"""External links keep the address as written in the page.

MyST-Parser 3.0 HTML-escapes the address of a `[text](address)` link when it stores it, and the HTML
writer escapes it again, so an address with a query (`?cc=gb&lang=en`) reached the reader as
`&amp;amp;`: a visible escape in the printed book and a broken query on the site. This undoes the
first escape, for web addresses only.
"""
from __future__ import annotations

from docutils import nodes

ESCAPED = (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&"))   # markdown-it's escapeHtml, undone


def unescape_address(uri: str) -> str:
    for escaped, plain in ESCAPED:
        uri = uri.replace(escaped, plain)
    return uri


def _doctree_read(app, doctree) -> None:
    for ref in doctree.findall(nodes.reference):
        uri = ref.get("refuri", "")
        if uri.startswith(("http://", "https://", "mailto:")) and "&" in uri:
            ref["refuri"] = unescape_address(uri)


def setup(app):
    app.connect("doctree-read", _doctree_read)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
