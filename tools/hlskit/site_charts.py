"""How a chart is written into a page of the published handbook (the book build's Altair renderer).

Each chart becomes one box that shows a picture of its default view at once, before any script runs,
in exactly the space the interactive chart will take, so nothing on the page moves when it arrives.
The box carries the chart as a Vega spec, compiled from Vega-Lite here at build time, so readers'
browsers never load the Vega-Lite compiler. The page's one shared chart script (_static/hls-charts.js)
then draws every chart on the page from one copy of Vega and replaces each picture with its chart.
"""
from __future__ import annotations

import hashlib
import html
import json
import re

from .html import script_json

VEGA_LITE = "5.20"            # the version the vendored vega-lite package and Altair's schema share
SVG_ID = re.compile(r'\bid="([^"]+)"')
# The SVG renderer resolves a mark's relative link against its own default base, and writes it as the
# old xlink:href. In the page the link stays relative, as in the drawn chart, so it works offline and
# before the chart is drawn, and is a plain href that every browser and search engine follows.
RENDERER_BASE = re.compile(r'<a xlink:href="(?:https://vega\.github\.io/vega-datasets/)?')


def compile_spec(spec: dict) -> dict:
    """The Vega spec a browser would compile from this Vega-Lite spec."""
    import vl_convert

    return vl_convert.vegalite_to_vega(spec, vl_version=VEGA_LITE)


def default_view_svg(vega: dict, key: str) -> str:
    """A picture of the chart as it first appears; its ids made unique on the page."""
    import vl_convert

    svg = RENDERER_BASE.sub('<a href="', vl_convert.vega_to_svg(vega))
    for name in set(SVG_ID.findall(svg)):
        svg = svg.replace(f'id="{name}"', f'id="{key}-{name}"').replace(f"url(#{name})", f"url(#{key}-{name})")
    return svg.replace('class="marks"', 'class="marks hls-chart-picture"', 1)


def chart_html(spec: dict, embed_options: dict | None = None) -> str:
    """The chart's box: its picture, named like the chart, and its spec as script-safe JSON."""
    vega = compile_spec(spec)
    key = "c" + hashlib.sha256(json.dumps(vega, sort_keys=True).encode()).hexdigest()[:12]
    label = vega.get("description") or ""
    aria = (f' role="graphics-document" aria-roledescription="visualization" aria-label="{html.escape(label)}"'
            if label else "")
    payload = {"spec": vega, "embed": {**(embed_options or {}), "mode": "vega"}}
    return (f'<div class="hls-chart" data-chart="{key}">'
            f'<div class="hls-chart-view"{aria}>{default_view_svg(vega, key)}</div>'
            f'<script type="application/json" class="hls-chart-spec">{script_json(payload)}</script></div>')


def renderer(spec: dict, embed_options: dict | None = None, **_) -> dict:
    """Altair renderer for the book build (``alt.renderers.register``)."""
    return {"text/html": chart_html(spec, embed_options)}


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def control_html(key: str, signal: str, value, bind: dict) -> str:
    """One chart control, in the markup Vega's own bindings make (so styles and labels carry over).

    ``data-signal`` ties it to the chart's signal; radio groups are named per chart, so two charts on a
    page never share one."""
    name = _e(bind.get("name") or signal)
    kind = bind.get("input")
    options, labels = bind.get("options") or [], bind.get("labels") or []
    tag = f'data-signal="{_e(signal)}"'
    same = lambda a, b: a == b or str(a) == str(b)  # noqa: E731  (Vega compares values as text too)
    if kind == "radio":
        radios = "".join(
            f'<label><input type="radio" name="{key}-{_e(signal)}" value="{_e(o)}" {tag}'
            f'{" checked" if same(o, value) else ""}>{_e(labels[i] if i < len(labels) else o)}</label>'
            for i, o in enumerate(options))
        return (f'<div class="vega-bind"><span class="vega-bind-name">{name}</span>'
                f'<span class="vega-bind-radio">{radios}</span></div>')
    if kind == "select":
        opts = "".join(f'<option value="{_e(o)}"{" selected" if same(o, value) else ""}>'
                       f'{_e(labels[i] if i < len(labels) else o)}</option>' for i, o in enumerate(options))
        field = f'<select name="{_e(signal)}" {tag}>{opts}</select>'
    elif kind == "checkbox":
        field = f'<input type="checkbox" name="{_e(signal)}" {tag}{" checked" if value else ""}>'
    elif kind == "range":
        lo, hi = bind.get("min", 0), bind.get("max", 100)
        value = (lo + hi) / 2 if value is None else value
        step = f' step="{_e(bind["step"])}"' if "step" in bind else ""
        field = (f'<input type="range" name="{_e(signal)}" min="{_e(lo)}" max="{_e(hi)}"{step} value="{_e(value)}" {tag}>'
                 f'<span class="vega-bind-value">{_e(value)}</span>')
    else:
        field = f'<input type="{_e(kind or "text")}" name="{_e(signal)}" value="{_e(value if value is not None else "")}" {tag}>'
    return f'<div class="vega-bind"><label><span class="vega-bind-name">{name}</span>{field}</label></div>'


def take_controls(key: str, vega: dict) -> tuple[list[dict], list[tuple[str | None, str]]]:
    """Move the spec's input bindings out of it: what the page script needs, and each control's markup
    with the element it goes in (None: under the chart). Bindings to other kinds of element stay."""
    controls, markup = [], []
    for sig in vega.get("signals", []):
        bind = sig.get("bind")
        if not isinstance(bind, dict) or "input" not in bind:
            continue
        element = bind.get("element")
        if element is not None and not re.fullmatch(r"#[A-Za-z][\w-]*", str(element)):
            continue
        controls.append({"signal": sig["name"], "input": bind["input"], "options": bind.get("options"),
                         **({"element": element} if element else {})})
        markup.append((element, control_html(key, sig["name"], sig.get("value"), bind)))
        del sig["bind"]
    return controls, markup
