"""Commands for trainers and facilitators (installed as ``hlskit``)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .content import find_overlay, load_nearest
from .errors import ContentError


@click.group()
def main() -> None:
    """Tools for the Human Learning Systems handbook."""


COUNTED = ("stages", "scales", "questions", "items", "methods", "glossary", "case_studies", "instruments")


@main.command()
@click.option("--overlay", type=click.Path(path_type=Path), help="Your own folder of content files.")
@click.option("--seeds", type=click.Path(path_type=Path), help="Folder of the source documents, to check fidelity.")
def check(overlay: Path | None, seeds: Path | None) -> None:
    """Validate what the book will load: the shipped content with your overlay (--overlay, else
    $HLS_OVERLAY or a nearby hls-content/ folder); given --seeds, check the shipped records' quotes
    and own-words text against the sources (your own records are checked for shape only)."""
    content = _load(overlay)
    counts = {k: len(getattr(content, k)) for k in COUNTED}
    click.echo("Content is valid: " + ", ".join(f"{n} {_plural(k, n)}" for k, n in counts.items()))
    if content.overlay is not None:
        own = sorted({k for k, _ in content.from_overlay})
        click.echo(f"Your folder {content.overlay} adds or replaces {len(content.from_overlay)} record(s)"
                   + (f" ({', '.join(k.replace('_', ' ') for k in own)})" if own else ""))
    from .presets import preset_problems
    book = Path(__file__).resolve().parents[2] / "book"   # present in a source checkout
    presets = preset_problems(content, book) if book.is_dir() else []
    for p in presets:
        click.echo(f"Problem: {p}", err=True)
    if presets:
        sys.exit(1)
    if seeds is not None:
        from .audit import audit
        if not seeds.is_dir():
            click.echo(f"Problem: no folder of source documents at {seeds}; the quotes were not checked.", err=True)
            sys.exit(1)
        problems = audit(content, seeds)
        for p in problems:
            click.echo(f"Problem: {p}", err=True)
        if problems:
            sys.exit(1)
        click.echo("Every verbatim text is in its cited lines, and no own-words text copies the sources.")


SINGULAR = {"stages": "stage", "scales": "scale", "questions": "question", "items": "item", "methods": "method",
            "glossary": "glossary term", "case_studies": "case study", "instruments": "instrument"}


def _plural(kind: str, n: int) -> str:
    return SINGULAR[kind] if n == 1 else ("glossary terms" if kind == "glossary" else kind.replace("_", " "))


@main.command()
@click.argument("instrument")
@click.option("--overlay", type=click.Path(path_type=Path), help="Your own folder of content files.")
def template(instrument: str, overlay: Path | None) -> None:
    """Print a blank response file for INSTRUMENT (save it as name.json and fill in the answers)."""
    import json
    from .responses import blank_response
    content = _load(overlay, only=("instruments",))
    try:
        inst = content.instrument(instrument)
    except KeyError as exc:
        click.echo(f"Problem: {exc.args[0]}", err=True)
        sys.exit(2)
    click.echo(json.dumps(blank_response(inst), indent=1, ensure_ascii=False))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path),
              help="Where to write the HTML report (a new file, or an earlier team report).")
@click.option("--instrument", help="Pool only this self-assessment; answers to others are set aside.")
@click.option("--min-group", default=3, show_default=True, help="Refuse a team view below this many responses.")
@click.option("--allow-small-group", is_flag=True,
              help="Allow --min-group below 3. Only when every participant agrees: with one or two people, "
                   "anyone who knows who took part can read a person's answers from the report.")
@click.option("--overlay", type=click.Path(path_type=Path), help="Your own folder of content files.")
def pool(files: tuple[Path, ...], out: Path, instrument: str | None, min_group: int, allow_small_group: bool,
         overlay: Path | None) -> None:
    """Pool response FILES into a printable team report (HTML with charts built in; opens offline).

    FILES are answer files downloaded from the self-assessment pages, or text files holding answer
    codes (one or many, for example pasted from a meeting chat)."""
    from .pooling import GroupTooSmall
    from .pooling import pool as pool_responses
    from .responses import MixedInstruments, load_responses
    from .files import write_atomic
    from .report_out import OutRefused, check_out
    try:
        check_out(out, files)
    except OutRefused as exc:
        _stop(f"{exc} No report written.")
    content = _load(overlay, only=("instruments",))   # pooling needs the self-assessments alone
    if instrument:
        try:
            content.instrument(instrument)
        except KeyError as exc:
            _stop(exc.args[0])
    try:
        loaded = load_responses(list(files), content, instrument)
    except MixedInstruments as exc:
        _stop(f"{exc} (use --instrument). No report written.")
    for p in loaded.problems:
        click.echo(f"Skipped number {p.position}, {p}", err=True)
    if not loaded.responses:
        _stop("no usable response files or codes; no report written.")
    inst = content.instrument(loaded.responses[0].instrument)
    try:
        team = pool_responses(loaded.responses, inst, min_group=min_group, allow_small_group=allow_small_group)
    except GroupTooSmall as exc:
        _stop(f"{exc}. No report written.")
    from .reports import team_report_html
    write_atomic(out, team_report_html(team, inst, loaded.problems, loaded.given))
    click.echo(f"Pooled {team.respondents} responses to '{inst.title}' into {out}")


def _stop(problem: str) -> None:
    click.echo(f"Problem: {problem}", err=True)
    sys.exit(2)


def _load(overlay: Path | None, only: tuple[str, ...] | None = None):
    """What the book here loads (``only`` some kinds, for speed); an overlay found without --overlay
    is named, so nobody is surprised."""
    found = find_overlay() if overlay is None else None
    if found is not None:
        how = "$HLS_OVERLAY" if os.environ.get("HLS_OVERLAY") else "the nearest hls-content folder"
        click.echo(f"Using your content folder {found} ({how}).", err=True)
    try:
        return load_nearest(overlay=overlay, only=only)
    except ContentError as exc:
        click.echo(f"Problem: {exc}", err=True)
        sys.exit(1)


@main.command()
@click.option("--chapter", "chapters", multiple=True, required=True,
              help="A chapter to include, e.g. book/cycle/purpose (repeat for more).")
@click.option("--instrument", "instruments", multiple=True,
              help="A self-assessment to include, with a page where participants answer it (repeatable).")
@click.option("--title", default="Human Learning Systems workshop", show_default=True)
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="A new, empty folder.")
@click.option("--overlay", type=click.Path(path_type=Path),
              help="Your own folder of content files (else $HLS_OVERLAY or a nearby hls-content/).")
@click.option("--book", "book_root", type=click.Path(path_type=Path), default=Path("."), show_default=True,
              help="The handbook's folder (where _config.yml is).")
@click.option("--build", "build", is_flag=True, help="Also build the pack's website now (into OUT/_build/html).")
def pack(chapters, instruments, title, out, overlay, book_root, build) -> None:
    """Build a workshop pack: chosen chapters that build as their own small book, with worksheets."""
    import subprocess
    from .pack_pages import build_command, shell
    from .packs import PackError, make_pack
    content = _load(overlay)
    used = Path(content.overlay) if content.overlay is not None else None
    try:
        written = make_pack(book_root, content, list(chapters), list(instruments), title, out, used)
    except (PackError, KeyError) as exc:
        click.echo(f"Problem: {exc.args[0] if isinstance(exc, KeyError) else exc}", err=True)
        sys.exit(2)
    command = build_command(out)
    click.echo(f"Wrote {len(written)} files to {out}: printable worksheets in {out / 'worksheets'}, "
               f"facilitator notes in {out / 'facilitator-notes.html'}.")
    if not build:
        click.echo(f"Build its website with:\n  {shell(command)}")
        return
    click.echo("Building the pack's website (its notebooks run; this takes a minute or two)...")
    done = subprocess.run(command)
    if done.returncode != 0:
        click.echo(f"Problem: the pack's build failed (the messages above say where). Retry with:\n  {shell(command)}",
                   err=True)
        sys.exit(1)
    click.echo(f"Built. Open {Path(out).resolve() / '_build' / 'html' / 'index.html'} in your browser. "
               f"To build it again after a change:\n  {shell(command)}")
