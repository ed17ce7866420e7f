"""Commands for trainers and facilitators (installed as ``hlskit``)."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from .content import load_content
from .errors import ContentError


@click.group()
def main() -> None:
    """Tools for the Human Learning Systems handbook."""


@main.command()
@click.option("--overlay", type=click.Path(path_type=Path), help="Your own folder of content files.")
@click.option("--seeds", type=click.Path(path_type=Path), help="Folder of the source documents, to check fidelity.")
def check(overlay: Path | None, seeds: Path | None) -> None:
    """Validate the content files (and, given --seeds, check quotes and own-words text against them)."""
    try:
        content = load_content(overlay)
    except ContentError as exc:
        click.echo(f"Problem: {exc}", err=True)
        sys.exit(1)
    counts = {k: len(getattr(content, k)) for k in ("stages", "scales", "questions", "items", "methods",
                                                    "glossary", "case_studies")}
    click.echo("Content is valid: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()))
    if seeds is not None:
        from .audit import audit
        problems = audit(content, seeds)
        for p in problems:
            click.echo(f"Problem: {p}", err=True)
        if problems:
            sys.exit(1)
        click.echo("Every verbatim text is in its cited lines, and no own-words text copies the sources.")
