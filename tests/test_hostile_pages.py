"""Hostile text in case files and other records reaches generated MyST pages and exports only as text."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from markdown_it import MarkdownIt

from hlskit.content import load_content
from hlskit.errors import ContentError
from hlskit.exports import case_list_html, case_list_markdown
from hlskit.html import md_code, md_escape, web_url
from hlskit.pages import case_page

SHIPPED = load_content()
CASE = yaml.safe_load((Path(__file__).resolve().parents[1] / "case_studies" / "dorset.yaml").read_text())
TAG = "<script>alert(1)</script>"


def case_folder(tmp_path: Path, **changes) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    record = {**CASE, "id": "hostile", **changes}
    (folder / "hostile.yaml").write_text(yaml.safe_dump(record, allow_unicode=True), encoding="utf-8")
    return folder


def load_case(tmp_path: Path, **changes):
    c = load_content(case_studies=case_folder(tmp_path, **changes))
    return c, c.case("hostile")


# 2. URLs ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("url", [
    'https://example.org/"><script>alert(1)</script>', "javascript:alert(1)", "https://exa mple.org/",
    "https://example.org/<b>", "https://example.org/'x'", "https://example.org/`x`", "https:///nohost",
    "http://example.org/a\\b", "data:text/html,<script>alert(1)</script>", "https://example.org/\u2028x",
])
def test_a_case_url_that_is_not_a_plain_web_address_is_refused(tmp_path, url):
    with pytest.raises(ContentError) as info:
        load_case(tmp_path, url=url)
    err = info.value
    assert err.file.endswith("hostile.yaml") and err.record == "hostile" and err.field == "url", str(err)


def test_a_normal_web_address_with_query_and_brackets_is_kept(tmp_path):
    url = "https://example.org/case%20study%20(2).pdf?a=1&b=2#part"
    _, case = load_case(tmp_path, url=url)
    assert case.url == url


@pytest.mark.parametrize("url", ['https://example.org/"><script>alert(1)</script>', "javascript:alert(1)",
                                 "https://example.org/ a>b"])
def test_case_list_exports_never_write_a_url_as_markup(url):
    row = {"name": "Case", "place": "Here", "summary": "S", "url": url}
    md, html = case_list_markdown([row], "T", "none"), case_list_html([row], "T", "none")
    assert "<script" not in md and "<script" not in html
    rendered = MarkdownIt("commonmark").render(md)
    assert "<script" not in rendered and 'href="javascript' not in rendered


def test_web_url_keeps_web_addresses_and_drops_the_rest():
    assert web_url("https://example.org/a(1)?b=c&d") == "https://example.org/a(1)?b=c&d"
    assert web_url("https://example.org/a b") == "https://example.org/a%20b"
    assert web_url('https://example.org/">') == "https://example.org/%22%3E"
    assert web_url("javascript:alert(1)") == ""


# 3. MyST-inert fields ---------------------------------------------------------------------------
def test_a_backtick_in_a_source_file_name_cannot_leave_the_inline_code(tmp_path):
    name = f"a`{TAG}`b.txt"
    c, case = load_case(tmp_path, sources=[{"file": name, "lines": [1, 2]}])
    page = case_page(c, "hostile")
    html = MarkdownIt("commonmark").render(page)
    assert TAG not in html, "the source name became HTML"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert md_code("a``b") == "```a``b```" and md_code("`x") == "`` `x ``"


@pytest.mark.parametrize("text", [
    "$x$ and $y$", "% a comment", ":::{raw} html", "1. not a list", "{{ subst }}", "{ref}`x <y>`",
    "(target)=", "- item", "# heading", "[link](javascript:alert(1))", "<b>bold</b>", "&amp;", "a | b",
])
def test_md_escape_leaves_no_markdown_or_myst_syntax(text):
    from markdown_it.rules_inline import StateInline  # noqa: F401  (markdown-it is what MyST builds on)
    out = md_escape(text)
    rendered = MarkdownIt("commonmark").render(out).strip()
    assert rendered.startswith("<p>") and rendered.count("<") == 2, rendered   # one plain paragraph
    for syntax in ("$", "{", "}", "`", "%"):
        assert syntax not in out.replace("\\" + syntax, ""), f"unescaped {syntax!r} in {out!r}"
    assert not out.startswith((":", "1.", "(")), out


def test_glossary_and_case_links_show_titles_without_backslashes():
    from hlskit.pages import glossary_page
    page = glossary_page(SHIPPED)
    roles = [line for line in page.splitlines() if "{ref}`" in line]
    assert roles, "the glossary links related terms"
    assert not any("\\(" in line or "\\-" in line for line in roles), roles[:3]


# 4. Front matter --------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["C:\\Users\\team", 'A "quoted" name', "Tabs\tand: colons # hash", "‘curly’ \\n"])
def test_case_page_front_matter_is_valid_yaml_holding_the_name(tmp_path, name):
    c, _ = load_case(tmp_path, name=name)
    page = case_page(c, "hostile")
    _, front, _ = page.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["myst"]["html_meta"]["description"].startswith(f"Case study: {' '.join(name.split())}.")
