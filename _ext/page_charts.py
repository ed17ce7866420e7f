"""Charts on the built pages: controls in the page from the start, shared data shipped once, and one
copy of the chart library per page (see tools/hlskit/site_charts.py and _static/hls-charts.js).

For each chart box a page contains, its controls are written into the page (under the chart, or into
the element the chart names), and any data set larger than SHARE_OVER is moved into one file under
_static/hls-data/ named after its content, so pages that show the same data share one cached copy.
A page with charts gets the chart script once, told which library files to load.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from pathlib import Path

CHART = re.compile(r'<div class="hls-chart" data-chart="(c[0-9a-f]+)">(.*?)'
                   r'<script type="application/json" class="hls-chart-spec">(.*?)</script></div>', re.S)
DATA_FILE = re.compile(r"_static/hls-data/([0-9a-f]{16})\.js")
SHARE_OVER = 20 * 1024
LIBS = ("_static/jsvendor/vega.min.js", "_static/jsvendor/vega-embed.min.js")


def _write_once(path: Path, text: str) -> None:
    if path.exists():
        return                                  # named by content: already right
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def _shared_data(app, payload: dict, pathto) -> None:
    from hlskit.html import script_json

    shared = []
    for entry in payload["spec"].get("data", []):
        values = entry.get("values")
        if not isinstance(values, list):
            continue
        text = script_json(values, separators=(",", ":"))
        if len(text) <= SHARE_OVER:
            continue
        key = hashlib.sha256(text.encode()).hexdigest()[:16]
        _write_once(Path(app.outdir) / "_static" / "hls-data" / f"{key}.js",
                    f"(window.HLS_DATA = window.HLS_DATA || {{}})[{json.dumps(key)}] = {text};\n")
        entry["values"] = []
        shared.append({"name": entry["name"], "key": key, "src": pathto(f"_static/hls-data/{key}.js", 1)})
    payload["data"] = shared


def page_with_charts(app, body: str, pathto) -> tuple[str, bool]:
    """The page body with each chart's controls and shared data in place; and whether it has charts."""
    from hlskit.html import script_json
    from hlskit.site_charts import take_controls

    outside: dict[str, str] = {}

    def one(m: re.Match) -> str:
        key, view, text = m.groups()
        payload = json.loads(text)
        controls, markup = take_controls(key, payload["spec"])
        payload["controls"] = controls
        _shared_data(app, payload, pathto)
        below = "".join(h for element, h in markup if element is None)
        for element, h in markup:
            if element is not None:
                outside[element] = outside.get(element, "") + h
        form = f'<form class="vega-bindings">{below}</form>' if below else ""
        return (f'<div class="hls-chart" data-chart="{key}">{view}{form}'
                f'<script type="application/json" class="hls-chart-spec">{script_json(payload)}</script></div>')

    body, count = CHART.subn(one, body)
    for element, h in outside.items():    # at the end of the named element, where Vega would put them
        m = re.search(rf'<[a-z]+\b[^>]*\bid="{re.escape(element[1:])}"[^>]*>', body)
        if not m:
            continue
        end = body.find("</div>", m.end())
        at = end if end >= 0 and "<div" not in body[m.end():end] else m.end()
        body = body[:at] + h + body[at:]
    if count:
        libs = " ".join(pathto(lib, 1) for lib in LIBS)
        body += f'\n<script defer src="{pathto("_static/hls-charts.js", 1)}" data-libs="{libs}"></script>\n'
    return body, bool(count)


def _page_context(app, pagename, templatename, context, doctree):
    body = context.get("body") or ""
    if 'class="hls-chart"' in body:
        context["body"], _ = page_with_charts(app, body, context["pathto"])


def drop_unused_data(app, exception) -> None:
    """Remove shared data files that no page loads any more."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    out = Path(app.outdir)
    used = set()
    for page in out.rglob("*.html"):
        used.update(DATA_FILE.findall(page.read_text(encoding="utf-8")))
    for f in (out / "_static" / "hls-data").glob("*.js"):
        if f.stem not in used:
            f.unlink()


def setup(app):
    app.connect("html-page-context", _page_context)
    app.connect("build-finished", drop_unused_data)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
