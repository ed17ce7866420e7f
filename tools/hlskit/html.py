"""Every HTML and Markdown string the package makes goes through these Jinja2 templates.

HTML templates autoescape everything; Markdown templates turn autoescape off and pass user text
through the ``md`` filter, which neutralises both HTML and Markdown syntax.
"""
from __future__ import annotations

import re

from jinja2 import Environment, PackageLoader, select_autoescape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")


def md_escape(text) -> str:
    """Make user text inert in Markdown: HTML entities for <, >, &, and a backslash before syntax."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    return " ".join(s.split())   # one paragraph: stray newlines cannot start headings or lists


ENV = Environment(
    loader=PackageLoader("hlskit", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["md"] = md_escape


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)
