"""Exports of the tools' results: CSV, Markdown and printable HTML, from the same core frames."""
from __future__ import annotations

import pandas as pd

from .content import Content
from .html import render


def worksheet_sections(content: Content, picked: pd.DataFrame) -> list[dict]:
    """Group picked questions (rows of questions_frame/explore) into worksheet sections."""
    sections = []
    for (scale, kind), part in picked.groupby(["scale", "kind"] if "kind" in picked else ["scale", "table"],
                                              sort=False):
        scale_name = content.scale(scale).name if scale else ""
        label = {"learning": "Learning questions", "stewarding": "Managing and governing"}.get(kind, kind)
        sections.append({"heading": f"{scale_name}: {label}" if scale_name else label,
                         "questions": part.to_dict("records")})
    return sections


def worksheet_html(content: Content, picked: pd.DataFrame, title: str, intro: str = "") -> str:
    return render("worksheet.html", title=title, intro=intro, sections=worksheet_sections(content, picked))


def worksheet_markdown(content: Content, picked: pd.DataFrame, title: str, intro: str = "") -> str:
    return render("worksheet.md", title=title, intro=intro, sections=worksheet_sections(content, picked))


def to_csv(frame: pd.DataFrame) -> str:
    return frame.to_csv(index=False)


CARD_LABELS = [("scale", "System scale"), ("stage", "Learning Cycle stage"), ("question", "Question we are exploring"),
               ("evidence", "What we already know"), ("actions", "What we will try"), ("start", "Starts"),
               ("end", "Ends"), ("participants", "Who takes part"), ("affected", "Who is affected"),
               ("data", "What information we will collect"), ("sense_making", "How and when we make sense of it together"),
               ("learning", "What would count as learning"), ("if_fails", "If it 'fails'")]
MARKS = {"gap": "✗ Gap", "caution": "! Worth a look", "met": "✓ Met"}


def _card_context(content: Content, design, findings) -> dict:
    """A card with no answers yet (a blank card to print) shows the criteria as a checklist to tick,
    as the site's paper checklist does, instead of a review of empty answers."""
    from .experiments import CHECKS, criterion_text
    rec = design.as_record()
    names = {s.id: s.name for s in (*content.scales, *content.stages)}
    rows = [(label, names.get(rec[key], rec[key]) if key in ("scale", "stage") else rec[key])
            for key, label in CARD_LABELS]
    found = [{"severity": f.severity, "message": f.message, "criterion_text": criterion_text(content, f.criterion)}
             for f in findings]
    return {"d": design, "rows": rows, "findings": found, "marks": MARKS,
            "blank": design == type(design)(), "checks": CHECKS}


def experiment_card_html(content: Content, design, findings) -> str:
    """The card as a printable page; a card with no answers yet is the paper card to fill in by hand."""
    if design == type(design)():
        from .handouts import blank_card
        return blank_card(content)
    return render("experiment_card.html", **_card_context(content, design, findings))


def experiment_card_markdown(content: Content, design, findings) -> str:
    return render("experiment_card.md", **_card_context(content, design, findings))


def case_list_html(rows: list[dict], title: str, filters: str) -> str:
    return render("case_list.html", rows=rows, title=title, filters=filters)


def case_list_markdown(rows: list[dict], title: str, filters: str) -> str:
    return render("case_list.md", rows=rows, title=title, filters=filters)
