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
