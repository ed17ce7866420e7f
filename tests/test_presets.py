"""Every explorer preset written on a page is one of the options its menu offers."""
import json
from pathlib import Path

import pytest

from hlskit import charts
from hlskit.content import load_nearest
from hlskit.presets import page_presets, preset_problems

BOOK = Path(__file__).resolve().parents[1] / "book"


def notebook(path: Path, code: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [{"cell_type": "code", "source": code, "metadata": {}, "outputs": []}]}))
    return path


def test_every_preset_on_the_book_pages_is_a_menu_option():
    c = load_nearest()
    assert preset_problems(c, BOOK) == []
    presets = [p for page in BOOK.rglob("*.ipynb") for p in page_presets(page)]
    assert ("show_case_explorer", "theme", "social-pedagogy") in presets


def test_a_preset_the_menu_lacks_is_named_with_its_page(tmp_path):
    book = tmp_path / "book"
    notebook(book / "themes" / "x.ipynb", 'from hlskit.page import show_case_explorer\n'
                                          'show_case_explorer(theme="no-such-theme", scale="place")')
    notebook(book / "methods" / "m.ipynb", 'show_methods(stage="purpose", scale="galaxy")')
    problems = preset_problems(load_nearest(), book)
    assert len(problems) == 2
    assert "book/methods/m" in problems[0] and "'galaxy'" in problems[0] and "System scale" in problems[0]
    assert "book/themes/x" in problems[1] and "'no-such-theme'" in problems[1] and "Theme menu" in problems[1]


def test_the_social_pedagogy_preset_matches_cases():
    c = load_nearest()
    tagged = {k.id for k in c.case_studies if "social-pedagogy" in k.themes}
    assert {"lighthouse", "empowerment", "mayday-trust", "moray-wellbeing-hub"} <= tagged


def test_the_chart_refuses_a_preset_it_cannot_show():
    c = load_nearest()
    with pytest.raises(ValueError, match="Theme 'nope'"):
        charts.case_explorer(c, theme="nope")
    with pytest.raises(ValueError, match="Learning Cycle stage 'nope'"):
        charts.methods_explorer(c, stage="nope")
