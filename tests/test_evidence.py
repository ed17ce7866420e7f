"""Evidence on case pages: every statement cites seed lines, figures are word for word, silence is said."""
from __future__ import annotations

import re

import pytest
import yaml

from hlskit.audit import audit
from hlskit.content import CASE_STUDIES, load_content
from hlskit.errors import ContentError
from hlskit.evidence import credit, ebook_section
from hlskit.fidelity import seed_lines
from hlskit.pages import case_page
from hlskit.schema import SourceRef

CONTENT = load_content()
WITH_EVIDENCE = [c for c in CONTENT.case_studies if c.evidence is not None]


def test_every_case_page_has_an_evidence_block():
    for case in CONTENT.case_studies:
        page = case_page(CONTENT, case.id)
        assert f"(evidence-{case.id})=\n## Evidence" in page, case.id


def test_every_results_statement_cites_lines_that_exist_in_a_seed(seeds):
    assert WITH_EVIDENCE, "no case has an evidence record"
    for case in WITH_EVIDENCE:
        for result in case.evidence.results:
            path = seeds / result.source.file
            assert path.exists(), (case.id, result.source.file)
            assert result.source.lines[1] <= len(seed_lines(str(path))), (case.id, result.source.cite())
            assert result.reported_by.strip(), case.id


def test_a_case_without_figures_says_so_on_its_page():
    silent = [c for c in WITH_EVIDENCE if c.evidence.figures == "none given"]
    given = [c for c in WITH_EVIDENCE if c.evidence.figures == "given"]
    assert silent and given
    assert "The sources give no figures" in case_page(CONTENT, silent[0].id)
    assert "The sources give no figures" not in case_page(CONTENT, given[0].id)


def test_figures_are_quoted_on_the_page_and_found_in_their_lines(seeds):
    plymouth = case_page(CONTENT, "plymouth-alliance")
    assert "“cut their emergency accommodation spending in half in less than a year”" in plymouth
    assert not [p for p in audit(CONTENT, seeds) if ".figure" in p.field]


def test_readers_see_plain_credits_not_file_names():
    page = case_page(CONTENT, "wellbeing-teams")
    evidence = page.split("## Evidence", 1)[1].split("## Where it is discussed", 1)[0]
    assert ".txt" not in evidence and "(e\\-book, Chapter 1)" in evidence
    assert ebook_section(674) == "Chapter 1" and ebook_section(3881) == "Chapter 10"
    assert credit(SourceRef(file="my-notes.md", lines=(1, 2))) == "my-notes.md"


def test_the_audit_catches_a_figure_the_lines_do_not_hold(tmp_path, seeds):
    case = _case("wellbeing-teams")
    case["evidence"]["results"][0]["figure"] = "ten times less likely"
    content = load_content(case_studies=_write(tmp_path, case))
    problems = [str(p) for p in audit(content, seeds)]
    assert any("evidence.results.0.figure" in p and "ten times less likely" in p for p in problems), problems


def test_the_audit_catches_copied_words_and_ranges_past_the_end(tmp_path, seeds):
    case = _case("wellbeing-teams")
    case["evidence"]["results"][0]["text"] = ("people supported by Wellbeing Teams services in Thurrock were "
                                              "five times less likely to go into hospital")
    case["evidence"]["money_and_contract"][0]["source"]["lines"] = [9000, 9001]
    content = load_content(case_studies=_write(tmp_path, case))
    problems = [str(p) for p in audit(content, seeds)]
    assert any("evidence.results.0.text" in p and "copies the sources" in p for p in problems), problems
    assert any("evidence.money_and_contract.0.source" in p and "runs past" in p for p in problems), problems


@pytest.mark.parametrize("change, field, words", [
    (lambda e: e.update(figures="none given"), "evidence", "write 'given'"),
    (lambda e: [r.pop("figure", None) for r in e["results"]] and e.pop("size", None), "evidence",
     "write 'none given'"),
    (lambda e: e["evaluation"].pop("source"), "evidence.evaluation", "must cite its source lines"),
    (lambda e: e["results"][0].pop("reported_by"), "evidence.results.0.reported_by", "Field required"),
    (lambda e: e["results"][0].pop("source"), "evidence.results.0.source", "Field required"),
])
def test_a_bad_evidence_record_names_file_case_and_field(tmp_path, change, field, words):
    case = _case("wellbeing-teams")
    change(case["evidence"])
    folder = _write(tmp_path, case)
    with pytest.raises(ContentError) as info:
        load_content(case_studies=folder)
    assert (info.value.file, info.value.record) == (str(folder / "my-case.yaml"), "my-case")
    assert info.value.field == field and words in info.value.problem, str(info.value)


def test_headline_claims_in_chapters_link_to_case_evidence_and_bibliography():
    from conftest import ROOT
    import json
    claims = {"book/why/real_world.ipynb": ["evidence-plymouth-alliance", "evidence-wellbeing-teams",
                                             "bib-hood-dixon-2015"],
              "book/principles/human.ipynb": ["evidence-plymouth-alliance", "evidence-wellbeing-teams"],
              "book/scales/lives.ipynb": ["evidence-plymouth-alliance", "evidence-wellbeing-teams"]}
    bibliography = (ROOT / "book/back/bibliography.md").read_text(encoding="utf-8")
    for path, labels in claims.items():
        cells = json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        for label in labels:
            assert re.search(r"\{ref\}`[^`]+<" + re.escape(label) + ">`", text), (path, label)
        for bib in re.findall(r"<(bib-[a-z0-9-]+)>", text):
            assert f"({bib})=" in bibliography, (path, bib)


def _case(case_id: str) -> dict:
    case = yaml.safe_load((CASE_STUDIES / f"{case_id}.yaml").read_text(encoding="utf-8"))
    case["id"] = "my-case"
    return case


def _write(tmp_path, case: dict):
    folder = tmp_path / "case_studies"
    folder.mkdir(exist_ok=True)
    (folder / "my-case.yaml").write_text(yaml.safe_dump(case, allow_unicode=True), encoding="utf-8")
    return folder


def test_built_case_pages_show_evidence_and_chapters_link_to_it(built_book):
    for case in CONTENT.case_studies:
        html = (built_book / "book" / "cases" / f"{case.id}.html").read_text(encoding="utf-8")
        assert f'id="evidence-{case.id}"' in html and '<section id="evidence">' in html, case.id
        assert ".txt" not in html.split('<section id="evidence">', 1)[1].split("</section>", 1)[0], case.id
    chapter = (built_book / "book" / "why" / "real_world.html").read_text(encoding="utf-8")
    for target in ("../cases/plymouth-alliance.html#evidence-plymouth-alliance",
                   "../cases/wellbeing-teams.html#evidence-wellbeing-teams",
                   "../back/bibliography.html#bib-hood-dixon-2015", "../back/bibliography.html#bib-wallace-2021"):
        assert f'href="{target}"' in chapter, target
    bibliography = (built_book / "book" / "back" / "bibliography.html").read_text(encoding="utf-8")
    assert 'id="bib-hood-dixon-2015"' in bibliography and "Hood, C., &amp; Dixon, R. (2015)" in bibliography
    plymouth = (built_book / "book" / "cases" / "plymouth-alliance.html").read_text(encoding="utf-8")
    assert "/book/why/real_world" in plymouth or "../why/real_world.html" in plymouth   # listed as discussing it
