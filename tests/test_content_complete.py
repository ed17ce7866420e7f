"""The shipped content is complete and faithful to the sources."""
from __future__ import annotations

from collections import Counter

import pytest

from hlskit import questions as Q
from hlskit.audit import audit
from hlskit.content import load_content

CONTENT = load_content()


def test_every_stage_scale_cell_of_the_learning_cycle_table_has_questions():
    grid = Q.coverage(CONTENT)
    assert grid.shape == (5, 4)
    assert (grid > 0).all().all(), grid


def test_every_scale_has_managing_and_governing_questions():
    df = Q.questions_frame(CONTENT)
    stew = df[df.table == Q.STEWARDSHIP_TABLE]
    for scale in ("person", "organisation", "place", "country"):
        assert set(stew[stew.scale == scale].role) == {"managing", "governing"}, scale


def test_case_library_holds_the_29_ebook_cases_the_equity_examples_and_the_places():
    by_collection = Counter(c.collection for c in CONTENT.case_studies)
    assert by_collection["ebook-2021"] == 29
    assert by_collection["equity-2025"] == 5
    assert by_collection["place-blog"] >= 2
    place_blog = [c for c in CONTENT.case_studies if any(s.file.startswith("002_") for s in c.sources)]
    assert len(place_blog) >= 4   # four places: two of their own, one equity example, one e-book case


@pytest.mark.parametrize("list_id, top_level", [("equity-insights", 8), ("equity-practices", 6),
                                                ("healthy-local-system", 8), ("equity-scale", 3),
                                                ("place-levels", 4), ("experiment-criteria", 12)])
def test_lists_have_the_number_of_items_the_sources_give(list_id, top_level):
    items = [i for i in CONTENT.items if i.list == list_id and i.parent is None]
    assert len(items) == top_level


def test_proximity_grid_is_complete():
    cells = [i for i in CONTENT.items if i.list == "proximity"]
    assert len({i.label for i in cells}) == 8 and len(cells) == 16


def test_instruments_fit_the_brief():
    lt = CONTENT.instrument("learning-trust")
    assert 10 <= len(lt.dimensions) <= 14 and len(lt.scale) == 5
    per_dim = Counter(i.dimension for i in lt.items)
    assert all(2 <= n <= 4 for n in per_dim.values())
    assert any(i.reverse for i in lt.items)
    levels = [i.text for i in CONTENT.items if i.list == "equity-scale"]
    for inst_id in ("equity", "healthy-local-system"):
        labels = [p.label.lower() for p in CONTENT.instrument(inst_id).scale]
        assert len(labels) == 3 and all(lab in " ".join(levels).lower() for lab in labels)


def test_no_required_text_is_blank():
    for c in CONTENT.case_studies:
        assert c.summary.strip() and c.practices and c.sources
    for g in CONTENT.glossary:
        assert g.definition.strip()


def test_verbatim_text_is_in_the_cited_lines_and_own_words_copy_nothing(seeds):
    problems = audit(CONTENT, seeds)
    assert not problems, "\n".join(map(str, problems[:20]))


def test_every_case_has_an_evidence_record():
    missing = [c.id for c in CONTENT.case_studies if c.evidence is None]
    assert not missing, f"cases without an evidence record: {', '.join(missing)}"
