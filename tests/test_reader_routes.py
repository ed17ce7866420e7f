"""Readers with five minutes: every route opens with a five-minute version, practice comes before
theory for frontline workers, and every group activity can also be done alone."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hlskit.content import load_content
from hlskit.pages import pathways_page

BOOK = Path(__file__).resolve().parents[1] / "book"
CONTENT = load_content()


def test_every_route_opens_with_a_five_minute_version():
    for p in CONTENT.pathways:
        f = p.five_minutes
        assert f is not None, p.id
        assert len(re.findall(r"[.!?](?:\s|$)", f.hls)) == 2, (p.id, "HLS in two sentences")
        assert len(f.try_alone) == 3 and (BOOK.parent / f"{f.start_with.page}.ipynb").exists(), p.id
    page = pathways_page(CONTENT)
    assert page.count("The five-minute version") == len(CONTENT.pathways)
    assert page.index("The five-minute version") < page.index("### The route")
    assert "generated from" not in page   # no notes about how the page is made


def test_the_frontline_route_puts_practice_and_cases_before_theory():
    route = next(p for p in CONTENT.pathways if p.id == "frontline-worker")
    depth = [s.depth for s in route.steps]
    assert depth == sorted(depth) and any(depth) and not depth[0]   # theory last, marked optional depth
    pages = [s.page for s in route.steps]
    assert pages.index("book/library/case_studies") < pages.index("book/why/real_world")
    assert "*(optional depth)*" in pathways_page(CONTENT)


def test_every_try_this_has_a_solo_version():
    missing = []
    for path in sorted(BOOK.rglob("*.ipynb")):
        md = "\n".join("".join(c["source"]) for c in json.loads(path.read_text())["cells"] if c["cell_type"] == "markdown")
        if "## Try this" in md:
            section = md.split("## Try this")[1].split("\n## ")[0]
            if "**On your own** (10–15 minutes, one person)." not in section:
                missing.append(path.name)
    assert not missing
