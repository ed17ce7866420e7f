"""Case pages and chapter pages name each source chapter the same way, with the title the e-book's
own Contents page gives it."""
import re
from collections import defaultdict

from hlskit.content import load_nearest
from hlskit.credits import chapter_sources, named_part, works
from hlskit.pages import case_page

CHAPTER = re.compile(r"chapter (\d+) ‘([^’]*)’")
EBOOK = "004_07abdca42c21cf48.txt"


def _names(text: str, seen: dict[str, set[str]], where: str) -> None:
    for number, title in CHAPTER.findall(text):
        seen[number].add(title)
        seen["pages:" + number].add(where)


def test_every_chapter_a_case_names_is_in_the_sources_table():
    for case in load_nearest().case_studies:
        files = [r.file for r in case.sources]
        unknown = [n for n in case.source_chapters if named_part(n, files) is None]
        assert not unknown, f"case '{case.id}' names chapters or sections the sources table lacks: {unknown}"


def test_case_pages_and_chapter_pages_give_each_chapter_one_title():
    c = load_nearest()
    seen: dict[str, set[str]] = defaultdict(set)
    for case in c.case_studies:
        _names(case_page(c, case.id).replace("\\", ""), seen, f"case {case.id}")
    case_numbers = {k for k in seen if not k.startswith("pages:")}
    for chapter, entries in chapter_sources().items():
        for e in entries:
            for line in e.credits:
                _names(line, seen, f"chapter {chapter}")
    table = {m.group(1): m.group(2) for p in works()[EBOOK].parts if (m := CHAPTER.match(p.label))}
    assert len(case_numbers) >= 15        # the case pages do name e-book chapters
    for number in case_numbers:
        assert seen[number] == {table[number]}, (number, seen[number], sorted(seen["pages:" + number])[:5])


def test_the_table_takes_its_chapter_titles_from_the_ebook_contents(seeds):
    lines = (seeds / EBOOK).read_text(encoding="utf-8").splitlines()[42:115]
    contents = {m.group(1): m.group(2).strip() for ln in lines
                if (m := re.match(r"- Ch(\d+)\.\*\* (.*?) \d+$", ln))}
    table = {m.group(1): m.group(2) for p in works()[EBOOK].parts if (m := CHAPTER.match(p.label))}
    assert len(contents) == 22 and table == contents


def test_case_pages_name_no_bibliography_and_no_stray_full_stop():
    c = load_nearest()
    page = case_page(c, "mayday-trust", [("../back/bibliography", "Bibliography"), ("../scales/lives", "Lives")])
    where = page.split("## Where it is discussed", 1)[1].split("## Sources", 1)[0].replace("\\", "")
    assert "Bibliography" not in where and "Lives" in where
    assert "chapter 19 ‘Human Learning Systems meets social pedagogy’ (from p. 375)" in where
    assert where.strip().endswith("(from p. 375)")        # a list line, with no full stop after it


def test_quoted_kit_questions_name_their_chapter_authors():
    from hlskit.kit import kit_blocks, kit_page
    c = load_nearest()
    block = next(b for b in kit_blocks(c, "commissioners") if b.id == "key-questions")
    assert block.quoted and block.quote_by[0] == "Melissa Hawkins, Dawn Plimmer, Jeremy Cox and Vita Terry"
    assert "— Melissa Hawkins, Dawn Plimmer, Jeremy Cox and Vita Terry, <em>Human Learning Systems" in kit_page(
        c, "commissioners")
    assert all(b.quote_by is None for b in kit_blocks(c, "commissioners") if not b.quoted)


def test_the_misspelt_row_heading_is_quoted_as_written_and_marked_sic():
    from hlskit.page import learning_cycle_table_html
    c = load_nearest()
    assert c.stage("experiment").table_label == "Experinentation – Learning – Reflection – Re design"
    html = learning_cycle_table_html(c)
    assert "Experinentation – Learning – Reflection – Re design [sic]</th>" in html
    assert html.count("[sic]") == 1
