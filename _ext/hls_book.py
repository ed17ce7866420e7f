"""Book-specific build hooks.

- Marks the build (HLS_BOOK_BUILD=1) so chapters executed for the static site render their tools
  as kernel-free pages; the same notebooks opened in JupyterLab show live widgets instead.
- Copies the handbook's own CSS and scripts into the site after every build, even one that writes
  no page (Sphinx alone would not), and the folders named in ``hls_extra_folders`` (a workshop
  pack's printable worksheets) as they are.
- Generates the glossary (book/back/glossary.md), the reader pathways (book/start/pathways.md), the
  commissioner's kit (book/themes/commissioners_kit.md), the Team results page
  (book/trainers/team_results.md) and
  one page per case study (book/cases/<id>.md) from the case files before the table of
  contents is read, so adding a case file adds a page with no edit to _toc.yml. The pages are not
  committed: they are rebuilt from data every time, and say which chapters link to them.
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import quote

os.environ["HLS_BOOK_BUILD"] = "1"   # inherited by the kernels that execute the notebooks

CASE_LINK = re.compile(r"(?:cases/|<evidence-)([a-z0-9][a-z0-9_-]*)")   # a case page, or its Evidence block
KIT_PAGE = "themes/commissioners_kit.md"   # generated from the commissioner's kit content file
TEAM_PAGE = "trainers/team_results.md"     # the Team results page, generated from the instruments
TERM_LINK = re.compile(r"<glossary-([a-z0-9][a-z0-9_-]*)>")


def _chapter_sources(book: Path):
    for path in sorted(book.rglob("*")):
        if path.suffix not in (".md", ".ipynb") or path.relative_to(book).parts[0] in ("cases",) \
                or path.relative_to(book).as_posix() in ("back/glossary.md", "start/pathways.md", KIT_PAGE, TEAM_PAGE):
            continue
        if ".ipynb_checkpoints" in path.parts or path.name.startswith("_"):
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".ipynb":
            text = "\n".join("".join(c["source"]) for c in json.loads(text)["cells"] if c["cell_type"] == "markdown")
        yield path, text


def _title(text: str, fallback: str) -> str:
    m = re.search(r"^# (.+)$", text, flags=re.M)
    return m.group(1).strip() if m else fallback


def _write_if_changed(page: Path, text: str) -> None:
    if not page.exists() or page.read_text(encoding="utf-8") != text:   # unchanged pages are not re-read
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")


def _links(book: Path, root: Path, pattern: re.Pattern) -> dict[str, list[tuple[str, str]]]:
    """id -> [(docname, title)] of every hand-written page that links to it."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path, text in _chapter_sources(book):
        doc = "/" + str(path.relative_to(root).with_suffix(""))
        for ref in sorted(set(pattern.findall(text))):
            found.setdefault(ref, []).append((doc, _title(text, path.stem)))
    return found


def write_generated_pages(app, config) -> None:
    from hlskit.pages import case_page, glossary_page, pathways_page
    from hlskit.kit import kit_page
    from hlskit.content import load_nearest

    root = Path(app.srcdir)
    book = root / "book"
    if config.hls_overlay:    # a workshop pack names its own content folder, whatever $HLS_OVERLAY says
        os.environ["HLS_OVERLAY"] = str(root / config.hls_overlay)   # read by the kernels too
    content = load_nearest(root)
    wanted_pages = set(config.hls_generated_pages)   # a workshop pack asks for fewer
    if "glossary" in wanted_pages:
        _write_if_changed(book / "back" / "glossary.md", glossary_page(content, _links(book, root, TERM_LINK)))
    if "pathways" in wanted_pages:
        _write_if_changed(book / "start" / "pathways.md", pathways_page(content))
    if "kit" in wanted_pages:
        _write_if_changed(book / KIT_PAGE, kit_page(content, "commissioners"))
    if "team" in wanted_pages:
        from hlskit.team_page import team_results_page
        _write_if_changed(book / TEAM_PAGE, team_results_page(content, (book / "trainers" / "adapting.ipynb").exists()))
    if "cases" not in wanted_pages:
        return
    cited = _links(book, root, CASE_LINK)
    out = book / "cases"
    out.mkdir(exist_ok=True)
    wanted = {f"{c.id}.md" for c in content.case_studies}
    for stale in out.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for c in content.case_studies:
        _write_if_changed(out / f"{c.id}.md", case_page(content, c.id, cited.get(c.id, [])))


def _package_assets() -> Path:
    import hlskit
    return Path(hlskit.__file__).parent / "assets"


def _add_form_script(app, config) -> None:
    """Serve the package's small form script (vendored with the package, no CDN) on every page."""
    config.html_static_path.append(str(_package_assets()))


def _own_static_folders(app) -> list[Path]:
    return [f for f in (Path(app.confdir) / "_static", _package_assets()) if f.is_dir()]


def refresh_own_static(app, exception) -> None:
    """Copy the handbook's own CSS and scripts into the site after every good build.

    Sphinx copies static files only when it writes some page, so an edit to _static/hls.css or the
    form script alone would not reach the site until a page changed. Changed files only are copied."""
    from sphinx.util.fileutil import copy_asset

    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    for folder in _own_static_folders(app):
        copy_asset(folder, Path(app.outdir) / "_static", excluded=lambda path: Path(path).name.startswith("."))
    for name in app.config.hls_extra_folders:     # a workshop pack's printable worksheets
        copy_asset(Path(app.srcdir) / name, Path(app.outdir) / name)


def write_short_links(app, exception) -> None:
    """The participants' short addresses (a/<instrument>.html), each forwarding to its chapter's
    participant view, which shows the questions only."""
    from hlskit import participants as P
    from hlskit.files import write_atomic

    if exception is not None or getattr(app.builder, "format", "") != "html":
        return
    root = Path(app.srcdir)
    chapters = {str(p.relative_to(root).with_suffix("")): p.read_text(encoding="utf-8")   # code cells too
                for p, _ in _chapter_sources(root / "book")}
    for inst, doc in P.assessment_pages(chapters).items():
        target = f"../{doc}.html?{P.VIEW_PARAM}={inst}"
        page = Path(app.outdir) / P.short_path(inst)
        text = P.redirect_page("Self-assessment", target)
        if not page.exists() or page.read_text(encoding="utf-8") != text:
            write_atomic(page, text)


PLAIN_TOOLTIPS = {
    "Binder": "Open this chapter as a live notebook in your browser, no install",
    "JupyterHub": "Open this chapter as a live notebook on your organisation's JupyterHub",
}


ISSUE_BODY = "body=Your%20issue%20content%20here."
PLAIN_ISSUE_BODY = "body=" + quote("What is wrong or unclear on this page, and what would help?")


def plain_launch_buttons(app, pagename, templatename, context, doctree) -> None:
    """Launch buttons in plain words; a placeholder hub address (example.org) never reaches a page.

    The JupyterHub button appears only when _config.yml names a real hub (launch_buttons.jupyterhub_url).
    The theme's "Open issue" button starts the report with a question, not its own placeholder text."""
    for group in context.get("header_buttons") or []:
        for b in [group, *(group.get("buttons") or [])]:
            if isinstance(b.get("url"), str) and ISSUE_BODY in b["url"]:
                b["url"] = b["url"].replace(ISSUE_BODY, PLAIN_ISSUE_BODY)
        if group.get("label") != "launch-buttons":
            continue
        group["tooltip"] = "Open as a live notebook"
        group["buttons"] = [b for b in group.get("buttons", [])
                            if not re.search(r"//([^/]*\.)?example\.(org|com|net)\b", b.get("url", ""))]
        for b in group["buttons"]:
            b["tooltip"] = PLAIN_TOOLTIPS.get(b.get("text"), b.get("tooltip"))


def add_pool_script(app, pagename, templatename, context, doctree) -> None:
    """The Team results page's script, told where the chart library is (it loads it when a report is drawn)."""
    from page_charts import LIBS

    body = context.get("body") or ""
    if 'class="hls-team"' in body:
        pathto = context["pathto"]
        libs = " ".join(pathto(lib, 1) for lib in LIBS)
        context["body"] = body + f'\n<script defer src="{pathto("_static/hls-pool.js", 1)}" data-libs="{libs}"></script>\n'


def escape_page_title(app, pagename, templatename, context, doctree) -> None:
    """The book theme prints the page title as raw text in its print header; a title from content
    (a case name) could hold a tag, so it is escaped here."""
    if isinstance(context.get("pagetitle"), str):
        context["pagetitle"] = html.escape(context["pagetitle"])


def setup(app):
    app.connect("html-page-context", plain_launch_buttons, priority=502)   # after the theme adds them
    app.add_config_value("hls_generated_pages", ["cases", "glossary", "pathways", "kit", "team"], "env")
    app.add_config_value("hls_extra_folders", [], "html")
    app.add_config_value("hls_overlay", "", "env")
    app.connect("config-inited", write_generated_pages, priority=100)
    app.connect("config-inited", _add_form_script, priority=110)
    app.connect("html-page-context", escape_page_title, priority=900)   # after the theme sets it
    app.connect("html-page-context", add_pool_script)
    app.add_js_file("hls-forms.js", loading_method="defer")
    app.add_js_file("hls-handouts.js", loading_method="defer")   # the tools' Print buttons
    app.connect("build-finished", refresh_own_static)
    app.connect("build-finished", write_short_links)
    return {"version": "0.2", "parallel_read_safe": True, "parallel_write_safe": True}
