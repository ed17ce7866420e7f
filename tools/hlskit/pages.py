"""Generated book pages (one per case study, and the glossary), rendered from content as MyST text.

Kept free of pandas and Altair so the Sphinx build hook that writes these pages starts quickly.
"""
from __future__ import annotations

import yaml

from .content import Content
from .credits import named_parts
from .evidence import credit, source_key
from .html import render


def labels(content: Content) -> dict[str, str]:
    """Readable names for every stage, scale and vocabulary id."""
    out = {s.id: s.name for s in (*content.stages, *content.scales)}
    out.update({v.id: v.label for v in content.vocabulary})
    return out


def case_page(content: Content, case_id: str, cited_by: list[tuple[str, str]] = ()) -> str:
    """The MyST page for one case; ``cited_by`` is (docname relative to the case page, title) pairs."""
    case = content.case(case_id)
    # the bibliography lists a case's documents; it does not discuss the case, so it is not named here
    cited_by = [(doc, title) for doc, title in cited_by if not doc.rstrip("/").endswith("back/bibliography")]
    trainers = content.is_trainers("case_studies", case_id)
    what = "From this course's own material." if trainers else "A summary from the Human Learning Systems handbook."
    description = f"Case study: {' '.join(case.name.split())}. {what}"
    from .handouts import case_sheet
    from .participants import published_base
    base = published_base()
    sheet = case_sheet(content, case_id, f"{base.rstrip('/')}/book/cases/{case_id}.html" if base else "")
    return render("case_page.md", c=case, names=labels(content), cited_by=list(cited_by),
                  credit=credit, source_key=source_key, trainers=trainers, front_matter=front_matter(description),
                  sheet=sheet, named_parts=named_parts)


def front_matter(description: str) -> str:
    """A page's MyST front matter, written by a YAML serializer so no text can break it."""
    meta = {"myst": {"html_meta": {"description": description}}}
    return f"---\n{yaml.safe_dump(meta, allow_unicode=True, width=10_000, sort_keys=False)}---\n"


def glossary_page(content: Content, used_in: dict[str, list[tuple[str, str]]] | None = None) -> str:
    """The MyST glossary page, alphabetical, with an anchor ``glossary-<id>`` per term."""
    terms = sorted(content.glossary, key=lambda g: g.term.lower())
    names = {g.id: g.term for g in terms}
    used = {g.id: (used_in or {}).get(g.id, []) for g in terms}
    return render("glossary.md", terms=terms, names=names, used_in=used)


def pathways_page(content: Content) -> str:
    """The MyST "Where to start" page: one route through the book per kind of reader."""
    return render("pathways.md", pathways=content.pathways)
