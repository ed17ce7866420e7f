"""Every chapter in the table of contents follows the template and is written in its own words."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from chapter_rules import NOT_CHAPTERS, ROOT, problems

SEEDS = ROOT.parent / "shared" / "seeds"


def toc_files() -> list[str]:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_book import toc_docs   # the build's own reading of _toc.yml
    return toc_docs(ROOT)


CHAPTERS = [f for f in toc_files() if f not in NOT_CHAPTERS]


def source_of(doc: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (ROOT / f"{doc}{suffix}").exists():
            return ROOT / f"{doc}{suffix}"
    raise FileNotFoundError(doc)


def test_the_book_has_its_chapters():
    assert len(CHAPTERS) >= 25


@pytest.mark.parametrize("doc", CHAPTERS)
def test_chapter_follows_the_template(doc):
    found = problems(source_of(doc), SEEDS if SEEDS.is_dir() else None)
    assert not found, "\n".join(found)


# the glossary is generated from checked data; the bibliography lists references as the sources cite them
OTHER_PAGES = [f for f in toc_files() if f in NOT_CHAPTERS and f not in ("book/back/glossary", "book/back/bibliography")]


@pytest.mark.parametrize("doc", OTHER_PAGES)
def test_other_pages_copy_no_long_runs_from_the_sources(doc, seeds):
    from hlskit.fidelity import copied_runs
    from chapter_rules import markdown_of
    text = markdown_of(source_of(doc))
    if doc in ("book/about/sources", "book/about/licence"):
        text = "\n".join(ln for ln in text.split("\n") if not ln.lstrip().startswith("|"))  # titles in tables
    runs = copied_runs(text.split("\n## Sources")[0], seeds)
    assert not runs, runs
