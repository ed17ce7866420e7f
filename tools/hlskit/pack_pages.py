"""The pages a workshop pack adds to its chapters: a self-assessment page per instrument, the
facilitator notes (a printable page) and the commands that build and use the pack.

Every command written here is one that works as printed on the machine that made the pack: the
programs are named by their full path, and the pack's own content folder is passed with --overlay.
"""
from __future__ import annotations

import json
import re
import shlex
import sys
from pathlib import Path

from markupsafe import Markup

from .html import render

ROLE = re.compile(r"\{(?:doc|ref|term)\}`(?:([^`<]*?)\s*<[^>`]+>|([^`<>]+))`")


def program(name: str) -> str:
    """The full path of one of the handbook's programs (next to this Python), quoted for a shell."""
    path = Path(sys.executable).with_name(name)
    return shlex.quote(str(path if path.exists() else name))


def build_command(out: Path) -> list[str]:
    """The one command that builds a pack folder into a small website (``out/_build/html``)."""
    return [str(Path(sys.executable).with_name("jupyter-book")), "build", str(Path(out).resolve())]


def shell(args: list[str]) -> str:
    return " ".join(shlex.quote(a) for a in args)


def instrument_notebook(inst) -> dict:
    """A page with the interactive form for ``inst``: participants answer in their browser."""
    from .html import md_escape
    intro = (f"# {md_escape(inst.title)}\n\n"
             "Answer on your own, on this page. When you have finished, download your answers and give "
             "the file to the facilitator, who pools the group's files into a team report. Prefer paper? "
             f'Print the <a href="../../worksheets/self-assessment-{inst.id}.html">paper form</a>.\n')
    code = f'from hlskit.page import show_self_assessment\n\nassessment = show_self_assessment("{inst.id}")'
    return {"cells": [
        {"cell_type": "markdown", "id": "intro", "metadata": {}, "source": intro},
        {"cell_type": "code", "id": "form", "metadata": {"tags": ["remove-input"]}, "execution_count": None,
         "outputs": [], "source": code},
    ], "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                    "language_info": {"name": "python"}}, "nbformat": 4, "nbformat_minor": 5}


def write_notebook(path: Path, nb: dict) -> Path:
    from .files import write_atomic
    return write_atomic(path, json.dumps(nb, indent=1, ensure_ascii=False) + "\n")


def plain_markdown(text: str) -> str:
    """A chapter's Markdown without MyST roles (their labels kept), for a page outside the book."""
    return ROLE.sub(lambda m: (m.group(1) or m.group(2)).strip(), text)


def markdown_html(text: str) -> Markup:
    """Chapter Markdown as HTML; any HTML inside it is shown as text, never run."""
    from markdown_it import MarkdownIt
    return Markup(MarkdownIt("commonmark", {"html": False}).render(plain_markdown(text)))


def pool_steps(out: Path, instruments) -> list[dict]:
    """The facilitator's commands, in the pack's folder, for each self-assessment."""
    hlskit, folder = program("hlskit"), shlex.quote(str(Path(out).resolve()))
    steps = []
    for inst in instruments:
        steps.append({"title": inst.title, "items": len(inst.items), "dimensions": len(inst.dimensions),
                      "commands": [f"cd {folder}", "mkdir -p answers",
                                   f"{hlskit} template {inst.id} --overlay hls-content > answers/response-01.json",
                                   f"{hlskit} pool answers/*.json --overlay hls-content --out team-report.html"]})
    return steps


def notes_html(title: str, notes: list[dict], instruments, out: Path) -> str:
    """The facilitator notes as one printable page that opens in any browser, without a build."""
    html_notes = [{**n, "try_this": markdown_html(n["try_this"]) if n["try_this"] else "",
                   "reflection": markdown_html(n["reflection"]) if n["reflection"] else ""} for n in notes]
    return render("pack_notes.html", title=title, notes=html_notes, instruments=instruments,
                  steps=pool_steps(out, instruments), build=shell(build_command(out)))


def readme(title: str, out: Path, instruments) -> str:
    """What the folder holds and how to build it, for whoever opens the folder (not a page)."""
    return render("pack_readme.txt", title=title, build=shell(build_command(out)),
                  instruments=instruments)
