"""Altair's HTML output (notebook display, ``to_html()``, ``save("x.html")``) with chart data that
user text cannot break out of.

Altair writes the chart's JSON into a ``<script>`` block with a plain ``json.dumps``, so a design
title such as ``</script><img onerror=...>`` would end the block and run. Every path to HTML goes
through ``spec_to_html``; this wraps it once so the JSON is written by ``ScriptSafeEncoder``.
Importing the module is enough; the package's chart modules do.
"""
from __future__ import annotations

import functools

import altair.utils
import altair.utils.html
import altair.utils.mimebundle

from .html import ScriptSafeEncoder


def _safe(spec_to_html):
    if getattr(spec_to_html, "hls_script_safe", False):
        return spec_to_html

    @functools.wraps(spec_to_html)
    def spec_to_safe_html(*args, json_kwds=None, **kwargs):
        return spec_to_html(*args, json_kwds={**(json_kwds or {}), "cls": ScriptSafeEncoder}, **kwargs)

    spec_to_safe_html.hls_script_safe = True
    return spec_to_safe_html


# the three names Altair calls it by: the function itself, altair.utils (to_html) and mimebundle (renderers, save)
for _module in (altair.utils.html, altair.utils, altair.utils.mimebundle):
    _module.spec_to_html = _safe(_module.spec_to_html)
