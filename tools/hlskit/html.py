"""Every HTML and Markdown string the package makes goes through these Jinja2 templates.

HTML templates autoescape everything; Markdown templates turn autoescape off and pass user text
through the ``md`` filter, which neutralises both HTML and Markdown syntax. Data for a ``<script>``
block goes through ``script_json``, so that user text in it can never close the block.
"""
from __future__ import annotations

import json
import re
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from .credits import credits, plain_refs

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~$-])")
_MD_LINE_START = re.compile(r"^(\d*)([%:.])")   # only where a line starts: "% ", ":::", "1."

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
    """Make user text inert in Markdown and MyST: HTML entities for <, >, &, and a backslash before syntax.

    Beyond CommonMark this covers MyST's dollar maths and, at the start of the text, its ``%`` comments,
    ``:::`` fences and ``:`` definitions, and a number that would start an ordered list."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = _MD_SPECIAL.sub(r"\\\1", s)
    s = " ".join(s.split())   # one paragraph: stray newlines cannot start headings or lists
    return _MD_LINE_START.sub(r"\1\\\2", s)


def md_code(text) -> str:
    """User text as an inline code span that nothing in it can end (MyST shows it literally, escaped)."""
    s = " ".join(("" if text is None else str(text)).split())
    if not s:
        return ""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", s)), default=0) + 1)
    pad = " " if s.startswith("`") or s.endswith("`") else ""
    return f"{fence}{pad}{s}{pad}{fence}"


def myst_role(role: str, title, target: str) -> str:
    """A MyST cross-reference ``{role}`title <target>``` whose title is shown exactly as written.

    Role text is not Markdown: backslashes would show, so the title is only kept from ending the role."""
    code = md_code(f"{title} <{target}>")
    return f"{{{role}}}{code}" if code else ""


_WEB_URL = re.compile(r"^https?://[^/\s?#]+", re.I)


def web_url(url) -> str:
    """``url`` if it is an http(s) address, with anything that could end a link or an attribute
    (quotes, angle brackets, spaces, backticks, backslashes) percent-encoded; otherwise ""."""
    s = "" if url is None else str(url).strip()
    if not _WEB_URL.match(s):
        return ""
    return quote(s, safe=":/?#[]@!$&()*+,;=%~")


ENV = Environment(
    loader=PackageLoader("hlskit", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
ENV.filters["md"] = md_escape
ENV.filters["md_code"] = md_code
ENV.filters["url"] = web_url
ENV.globals["myst_role"] = myst_role
ENV.filters["script_json"] = lambda value: Markup(script_json(value))   # nothing left to escape for HTML


# A Markdown file that a reader downloads is read as plain text as often as it is rendered, so it
# escapes only what would change its meaning: emphasis, code, links, a tag or an entity. Brackets,
# hyphens and full stops stay as typed. (Pages use ``md`` above: MyST removes its backslashes.)
_EXPORT_SPECIAL = re.compile(r"([\\`*_\[\]])|<(?=[A-Za-z/!?])|&(?=#?\w+;)")


def md_export_escape(text) -> str:
    """User text for a downloaded Markdown file: inert, on one line, with as few backslashes as possible."""
    s = "" if text is None else str(text)
    s = _EXPORT_SPECIAL.sub(lambda m: "&lt;" if m.group(0) == "<" else "\\" + m.group(0), s)   # a tag: entity
    return " ".join(s.split())


ENV.filters["md_export"] = md_export_escape
ENV.globals["credits"] = credits
ENV.filters["plain_refs"] = lambda text: plain_refs(text)


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)
