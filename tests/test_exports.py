"""Exports escape everything a user types, in HTML and in Markdown, and keep the source references."""
from __future__ import annotations

from datetime import date

from hlskit import exports
from hlskit import questions as Q
from hlskit.content import load_content
from hlskit.experiments import ExperimentDesign, review
from hlskit.html import md_escape

CONTENT = load_content()
EVIL = '<script>alert("x")</script> **bold** [link](http://x) # heading'


def test_worksheet_escapes_the_title_and_cites_every_question():
    picked = Q.explore(CONTENT, "person", "codesign")
    html = exports.worksheet_html(CONTENT, picked, EVIL)
    md = exports.worksheet_markdown(CONTENT, picked, EVIL)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<script>" not in md and "\\*\\*bold\\*\\*" in md
    for q in picked.itertuples():
        assert q.source in html
    assert md.count("Source:") == len(picked)


def test_experiment_card_escapes_user_text():
    d = ExperimentDesign(title=EVIL, scale="place", question=EVIL, start=date(2026, 1, 1), end=date(2026, 2, 1))
    found = review(d, CONTENT)
    html = exports.experiment_card_html(CONTENT, d, found)
    md = exports.experiment_card_markdown(CONTENT, d, found)
    assert "<script>" not in html and "<script>" not in md
    assert "A place" in html and "My experiment has a clear beginning and ending" in html


def test_a_blank_card_is_the_paper_card_to_fill_in_not_a_review_of_empty_answers():
    from hlskit.handouts import blank_card
    blank = ExperimentDesign()
    html = exports.experiment_card_html(CONTENT, blank, review(blank, CONTENT))
    assert html == blank_card(CONTENT)                      # one blank card, wherever it is made
    assert "Review against the criteria" not in html and "✗ Gap" not in html


def test_md_escape_keeps_one_paragraph_and_inert_syntax():
    out = md_escape("line one\n# not a heading\n- not a list")
    assert "\n" not in out and out.startswith("line one \\# not")
