"""The chapter template, as checks. Run on one chapter while writing it:

    .venv/bin/python tests/chapter_rules.py book/cycle/purpose.ipynb

Every chapter has: an "About this chapter" box (objectives, time to read, who it is for), "In brief",
a body of >= 800 words of its own prose, 2-4 attributed quotes, "From practice" linking >= 2 case pages,
its tools, "Try this", "Questions for reflection", "Sources" and "Where next".
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from hlskit.fidelity import copied_runs, strip_quotations, words  # noqa: E402

SECTIONS = ["In brief", "From practice", "Try this", "Questions for reflection", "Sources", "Where next"]
MIN_WORDS = 800
# Chapters that are not written to the template: landing, licence, generated and reference pages.
NOT_CHAPTERS = {"book/index", "book/about/licence", "book/cases/index", "book/back/glossary",
                "book/back/bibliography", "book/about/sources", "book/themes/further_questions",
                "book/trainers/adapting", "book/start/pathways", "book/library/case_studies",
                "book/themes/commissioners_kit", "book/trainers/team_results"}


def markdown_of(path: Path) -> str:
    if path.suffix == ".ipynb":
        nb = json.loads(path.read_text(encoding="utf-8"))
        return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def body_prose(md: str) -> str:
    """The chapter's own prose: without the About box, headings, Sources list, code and quotations."""
    md = re.sub(r":::\{admonition\}.*?:::", " ", md, flags=re.S)
    md = md.split("\n## Sources")[0]
    md = "\n".join(ln for ln in md.split("\n") if not ln.lstrip().startswith("#"))
    return strip_quotations(md)


def quotes(md: str) -> list[str]:
    """Blockquotes that end with an attribution line starting with an em dash."""
    blocks = re.findall(r"((?:^>.*\n?)+)", md, flags=re.M)
    return [b for b in blocks if re.search(r"^>\s*—\s*\S", b, flags=re.M)]


def problems(path: Path, seeds: Path | None) -> list[str]:
    md = markdown_of(path)
    out = []
    if ":::{admonition} About this chapter" not in md:
        out.append("no 'About this chapter' box")
    else:
        box = md.split(":::{admonition} About this chapter")[1].split(":::")[0]
        for need in ("You will be able to", "Time to read", "For:"):
            if need not in box:
                out.append(f"the About box lacks '{need}'")
        objectives = [ln for ln in box.split("\n") if ln.strip().startswith("- ")]
        if not 3 <= len(objectives) <= 5:
            out.append(f"{len(objectives)} learning objectives; write 3-5")
    headings = re.findall(r"^## (.+)$", md, flags=re.M)
    for s in SECTIONS:
        if s not in headings:
            out.append(f"missing section '## {s}'")
    brief = md.split("## In brief")[1].split("\n## ")[0] if "## In brief" in md else ""
    if len(re.findall(r"^- ", brief, flags=re.M)) != 3:
        out.append("'In brief' should have exactly three bullets")
    n = len(words(body_prose(md)))
    if n < MIN_WORDS:
        out.append(f"body has {n} words of own prose; write at least {MIN_WORDS}")
    q = quotes(md)
    if not 2 <= len(q) <= 4:
        out.append(f"{len(q)} attributed quotes (blockquote ending with '> — Speaker, Source'); use 2-4")
    practice = md.split("## From practice")[1].split("\n## ")[0] if "## From practice" in md else ""
    cases = set(re.findall(r"cases/([a-z0-9-]+)", practice))
    if len(cases) < 2:
        out.append(f"'From practice' links {len(cases)} case pages; link at least 2")
    if seeds is not None:
        for run in copied_runs(md.split("\n## Sources")[0], seeds):
            out.append(f"copies the sources outside a quotation: '{run}'")
    return out


if __name__ == "__main__":
    seeds = ROOT.parent / "shared" / "seeds"
    for arg in sys.argv[1:]:
        found = problems(Path(arg), seeds if seeds.is_dir() else None)
        n = len(words(body_prose(markdown_of(Path(arg)))))
        print(f"{arg}: {n} words of own prose; " + ("OK" if not found else f"{len(found)} problem(s)"))
        for p in found:
            print(f"  - {p}")
