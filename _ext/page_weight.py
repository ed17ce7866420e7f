"""Light pages: each page loads only the scripts it uses.

- The search index and its tools load on the search page only (the theme's search box sends the
  reader there; search-as-you-type is off, so no other page needs them).
- Thebe's scripts and styles are left out while Thebe is off.
- The site root is a small valid page that sends the reader straight to the landing page.
- The theme's scripts in <head> are deferred (not on the search page, whose index script needs them).
- Pages link the theme's basic.css directly, not through theme.css (one @import, one round trip).
- Every page names the handbook's icon, so browsers do not ask the host for /favicon.ico.
- The theme's icons are inline SVG (see inline_icons.py); the Font Awesome script and the theme's
  source maps, which no page loads, are left out of the site.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from inline_icons import icon_shapes, inline_icons

SEARCH_SCRIPTS = re.compile(
    r'[ \t]*<script src="(?:\.\./)*(?:_static/searchtools\.js|_static/language_data\.js|searchindex\.js)">'
    r'</script>\n?')
ROOT_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<meta http-equiv="refresh" content="0; url={target}">
<link rel="canonical" href="{target}">
<link rel="icon" href="_static/favicon.svg" type="image/svg+xml">
<script>location.replace("{target}" + location.search + location.hash);</script>
</head>
<body>
<main><h1>{title}</h1><p><a href="{target}">Open the handbook</a></p></main>
</body>
</html>
"""


def _thebe_on(app) -> bool:
    return bool(app.config.html_theme_options.get("launch_buttons", {}).get("thebe"))


def _drop_unused(app, pagename, templatename, context, doctree):
    """Leave Thebe out of every page while it is off."""
    if _thebe_on(app):
        return
    if context.get("script_files"):
        context["script_files"] = [
            js for js in context["script_files"]
            if "sphinx-thebe" not in str(getattr(js, "filename", js) or "")
            and "THEBE_JS_URL" not in str(getattr(js, "attributes", {}).get("body", ""))]
    if context.get("css_files"):
        context["css_files"] = [css for css in context["css_files"]
                                if "sphinx-thebe" not in str(getattr(css, "filename", css) or "")]


HEAD_SCRIPT = re.compile(r'<script (?![^>]*\b(?:defer|async|type)\b)([^>]*\bsrc="[^"]+"[^>]*)>')


def defer_head_scripts(html: str) -> str:
    """The theme's scripts in <head> run after the page is read (defer keeps their order), so the
    text shows without waiting for them; none of them writes into the page while it is read."""
    end = html.find("</head>")
    if end < 0:
        return html
    return HEAD_SCRIPT.sub(r'<script defer \1>', html[:end]) + html[end:]


# The theme's theme.css holds nothing but `@import "../basic.css"`: linking basic.css itself saves the
# reader one round trip before the page can show.
THEME_CSS = re.compile(r'(<link href="(?:\.\./)*_static/)styles/theme\.css(\?[^"]*)?"')


def rewrite_page(html: str, pagename: str) -> str:
    """The page as written, less the scripts it does not use, with the theme's scripts deferred."""
    if pagename != "search":
        html = defer_head_scripts(SEARCH_SCRIPTS.sub("", html))
    return inline_icons(THEME_CSS.sub(r'\1basic.css\2"', html))


def _wrap_render(app):
    templates = getattr(app.builder, "templates", None)
    if templates is None or getattr(app.builder, "format", "") != "html":
        return
    render = templates.render
    icon_shapes()          # read once, before Sphinx forks its page writers

    def render_page(template, context):
        return rewrite_page(render(template, context), context.get("pagename", ""))
    templates.render = render_page


UNUSED_THEME_FILES = ("scripts/fontawesome.js", "scripts/*.js.map", "styles/*.css.map")


def drop_unused_theme_files(app, exception) -> None:
    """Remove the theme files that no page loads any more."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    static = Path(app.outdir) / "_static"
    for pattern in UNUSED_THEME_FILES:
        for f in static.glob(pattern):
            f.unlink()


def write_root_page(app, exception) -> None:
    """A valid root page (doctype, language, title) that opens the landing page at once."""
    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    target = f"{app.config.root_doc}.html"
    page = ROOT_PAGE.format(lang=html.escape(app.config.language or "en"), target=html.escape(target),
                            title=html.escape(app.config.html_title or app.config.project))
    out = Path(app.outdir) / "index.html"
    if app.config.root_doc != "index" and (not out.exists() or out.read_text(encoding="utf-8") != page):
        out.write_text(page, encoding="utf-8")


def setup(app):
    app.connect("builder-inited", _wrap_render)
    app.connect("html-page-context", _drop_unused)
    app.connect("build-finished", write_root_page, priority=900)
    app.connect("build-finished", drop_unused_theme_files)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
