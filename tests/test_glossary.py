"""Glossary previews: the short definition each linked term shows, and how a page carries it."""
from __future__ import annotations

import sys
from pathlib import Path

from hlskit.content import load_content
from hlskit.glossary import PREVIEW_CHARS, previews, short_definition

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
from glossary_previews import with_previews  # noqa: E402

CONTENT = load_content()


def test_short_definition_is_the_first_sentence():
    assert short_definition("Asking whether partners learn. In the FCDO, evaluators gather indicators.") \
        == "Asking whether partners learn."


def test_a_long_first_sentence_is_cut_at_a_word_and_says_so():
    text = "A " + "very " * 80 + "long sentence. Second."
    short = short_definition(text, limit=60)
    assert len(short) <= 61 and short.endswith("very…")


def test_every_term_has_a_preview_taken_from_its_own_definition():
    found = previews(CONTENT)
    assert set(found) == {g.id for g in CONTENT.glossary}
    for g in CONTENT.glossary:
        term, short = found[g.id]
        assert term == g.term and 10 < len(short) <= PREVIEW_CHARS + 1
        assert " ".join(g.definition.split()).startswith(short.rstrip("…"))


def test_term_links_are_described_by_a_hidden_escaped_definition():
    body = ('<p><a class="reference internal" href="../back/glossary.html#glossary-npm">NPM</a> and '
            '<a class="reference internal" href="../back/glossary.html#glossary-npm">again</a> and '
            '<a class="reference internal" href="../back/glossary.html#glossary-unknown">other</a></p>')
    out = with_previews(body, {"npm": ("New <Public> Management", "Targets & markets.")})
    assert out.count('aria-describedby="hls-gloss-npm"') == 2
    assert 'glossary-unknown">other' in out                    # a term without a record is left alone
    assert out.count('id="hls-gloss-npm"') == 1
    assert '<div class="hls-gloss-defs" hidden>' in out
    assert "New &lt;Public&gt; Management: Targets &amp; markets." in out and "<Public>" not in out


def test_a_page_without_term_links_is_unchanged():
    body = '<p><a class="reference internal" href="../cycle/purpose.html">Purpose</a></p>'
    assert with_previews(body, {"npm": ("NPM", "x")}) == body
