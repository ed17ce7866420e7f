"""Hostile text in real Chromium (network blocked): the live designer's chart output shows the text
as text, runs nothing, and opens no dialog."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from browser import offline_site

ROOT = Path(__file__).resolve().parents[1]
NODE = ROOT / "node_modules"
LIBS = {"vega@": "vega/build/vega.min.js", "vega-lite@": "vega-lite/build/vega-lite.min.js",
        "vega-embed@": "vega-embed/build/vega-embed.min.js"}
HOSTILE_TITLES = ["<script>alert(1)</script>", "</script><img src=x onerror=alert(2)>", "<!--<script>alert(3)//"]


def _serve_chart_libraries(session) -> None:
    """Altair's HTML asks a CDN for its libraries; answer from node_modules so the chart really draws."""
    def fulfil(route):
        name = route.request.url.split("/npm/")[1]
        lib = next((f for prefix, f in LIBS.items() if name.startswith(prefix)), None)
        if lib is None:
            return route.abort()
        return route.fulfill(path=str(NODE / lib), content_type="application/javascript")
    session.context.route("https://cdn.jsdelivr.net/npm/**", fulfil)


def _watch(page) -> list[str]:
    dialogs: list[str] = []

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()
    page.on("dialog", on_dialog)
    return dialogs


def _designer_outputs(tmp_path: Path, monkeypatch) -> dict[str, str]:
    """What the live designer shows after "Add to portfolio" (its output's text/html), and to_html().

    The designer calls IPython's display; outside a kernel we catch the object and format it with
    IPython's own display formatter, which is what a kernel sends to the notebook."""
    import IPython.display
    from IPython.core.formatters import format_display_data
    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append(obj))
    import hlskit.page  # noqa: F401  (the chapters' embed options: SVG, so the drawn text is in the page)
    from hlskit.content import load_content
    from hlskit.live import ExperimentDesigner
    c = load_content()
    view = ExperimentDesigner(c, work_dir=tmp_path / "work")
    for n, title in enumerate(HOSTILE_TITLES):
        view.inputs["title"].value = title
        view.inputs["question"].value = title
        view.inputs["start"].value, view.inputs["end"].value = date(2026, 1 + n, 1), date(2026, 2 + n, 1)
        assert view.add_to_portfolio() == n + 1
    data, _meta = format_display_data(shown[-1])
    from hlskit.charts import portfolio_timeline
    from hlskit.portfolio import load_portfolio, portfolio_frame
    chart = portfolio_timeline(portfolio_frame(load_portfolio(tmp_path / "work" / "portfolio.csv", c), c), c)
    assert chart.to_dict() == shown[-1].to_dict()   # the same chart the designer drew
    return {"designer.html": f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>{data['text/html']}</body></html>",
            "to_html.html": chart.to_html()}


def test_designer_chart_output_runs_no_user_text(tmp_path, monkeypatch):
    site = tmp_path / "site"
    site.mkdir()
    for name, html in _designer_outputs(tmp_path, monkeypatch).items():
        (site / name).write_text(html, encoding="utf-8")
    with offline_site(site) as s:
        _serve_chart_libraries(s)
        for name in ("designer.html", "to_html.html"):
            page = s.context.new_page()
            dialogs = _watch(page)
            page.goto(f"{s.base}/{name}", wait_until="networkidle")
            assert dialogs == [], f"{name}: a dialog opened: {dialogs}"
            assert page.locator("img[src=x]").count() == 0, f"{name}: the title became an <img> tag"
            raw = "[...document.scripts].filter(s => s.text.includes('alert') && !s.text.includes('\\\\u003cscript'))"
            assert page.evaluate(raw + ".length") == 0, f"{name}: a script holds the title as code"
            page.wait_for_selector(".vega-embed svg.marks, .vega-embed canvas.marks", timeout=15000)
            page.wait_for_timeout(300)
            assert dialogs == [], f"{name}: a dialog opened: {dialogs}"
            if name == "designer.html":
                drawn = page.locator(".vega-embed svg.marks").text_content()
                assert all(t[:20] in drawn for t in HOSTILE_TITLES)   # long labels are shortened, f"titles not shown as text: {drawn[:300]}"
            page.close()


HOSTILE_CASE = {
    "id": "hostile", "name": "Case <script>alert(4)</script> \\ back\\slash",
    "aliases": ["</script><img src=x onerror=alert(5)>"], "place": "$x$ <b onmouseover=alert(6)>",
    "practices": ["% comment", ":::{raw} html", "{{ subst }} `<script>alert(7)</script>`"],
    "source_chapters": ["[link](javascript:alert(8))"],
    "url": "https://example.org/a?b=1&c=(2)",
}


def _small_book(tmp_path: Path) -> Path:
    """A book of the case pages only, with one hostile case in a trainer's overlay, built like the handbook."""
    import shutil
    import yaml
    book = tmp_path / "book"
    (book / "book" / "cases").mkdir(parents=True)
    case = yaml.safe_load((ROOT / "case_studies" / "dorset.yaml").read_text())
    case.update(HOSTILE_CASE)
    case["sources"] = [{"file": "a`<script>alert(9)</script>`b.txt", "lines": [1, 2]}]
    (book / "hls-content" / "case_studies").mkdir(parents=True)
    (book / "hls-content" / "case_studies" / "hostile.yaml").write_text(yaml.safe_dump(case), encoding="utf-8")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["exclude_patterns"] = [*config.get("exclude_patterns", []), "hls-content"]
    config["sphinx"]["config"]["hls_generated_pages"] = ["cases"]
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (book / "_toc.yml").write_text(yaml.safe_dump({"format": "jb-book", "root": "index", "chapters": [
        {"glob": "book/cases/*"}]}), encoding="utf-8")
    (book / "index.md").write_text("# Cases\n\nThe case pages.\n", encoding="utf-8")
    shutil.copytree(ROOT / "_ext", book / "_ext", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "_static", book / "_static")
    (book / "node_modules").symlink_to(ROOT / "node_modules")
    return book


def test_a_built_case_page_shows_hostile_text_as_text(tmp_path):
    import subprocess
    import sys
    book = _small_book(tmp_path)
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"], cwd=book,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    site = book / "_build" / "html"
    html = (site / "book" / "cases" / "hostile.html").read_text(encoding="utf-8")
    for raw in ("<script>alert", "<img src=x", "<b onmouseover", 'href="javascript'):
        assert raw not in html, raw
    with offline_site(site) as s:
        page = s.context.new_page()
        dialogs = _watch(page)
        page.goto(f"{s.base}/book/cases/hostile.html", wait_until="networkidle")
        page.mouse.move(10, 10)
        main = page.locator("main").inner_text()
        page.screenshot(path=str(tmp_path / "hostile-case.png"), full_page=True)
        shutil_copy = __import__("shutil").copy
        Path("/work/notes/shots").is_dir() and shutil_copy(tmp_path / "hostile-case.png",
                                                           "/work/notes/shots/hostile-case-page.png")
        assert dialogs == [] and page.locator("main img[src=x], main b[onmouseover]").count() == 0
        for text in ("<script>alert(4)</script>", "</script><img src=x onerror=alert(5)>", "% comment",
                     ":::{raw} html", "{{ subst }}", "a`<script>alert(9)</script>`b.txt", "$x$"):
            assert text in main, f"{text!r} is not shown as written"
        assert "\\ back\\slash" in main and "\\%" not in main and "\\$" not in main
