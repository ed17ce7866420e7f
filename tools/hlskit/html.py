"""Every HTML and Markdown string the package makes goes through these Jinja2 templates.

HTML templates autoescape everything; Markdown templates turn autoescape off and pass user text
through the ``md`` filter, which neutralises both HTML and Markdown syntax. Data for a ``<script>``
block goes through ``script_json``, so that user text in it can never close the block.
"""
from __future__ import annotations

import json
import re

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~-])")

# Inside JSON these characters only ever occur in strings, where \uXXXX means the same thing; in a
# <script> block "<" could start "</script>" or "<!--", and U+2028/2029 end a line of older JavaScript.
_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_SCRIPT_UNSAFE_RE = re.compile("[<>&\u2028\u2029]")


def script_safe(json_text: str) -> str:
    """Make JSON text safe to place inside an HTML ``<script>`` block; it still parses to the same value."""
    return _SCRIPT_UNSAFE_RE.sub(lambda m: _SCRIPT_UNSAFE[m.group()], json_text)


def script_json(value, **dumps_kwargs) -> str:
    """``json.dumps(value)`` that can sit inside ``<script>`` (any type, JSON or JavaScript) as it is."""
    return script_safe(json.dumps(value, **dumps_kwargs))


class ScriptSafeEncoder(json.JSONEncoder):
    """A JSON encoder for libraries that take ``cls=`` (Altair's ``json_kwds``): output as ``script_json``."""

    def encode(self, o) -> str:
        return script_safe(super().encode(o))

    def iterencode(self, o, _one_shot=False):
        return (script_safe(chunk) for chunk in super().iterencode(o, _one_shot))


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
ENV.filters["script_json"] = lambda value: Markup(script_json(value))   # nothing left to escape for HTML


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)
