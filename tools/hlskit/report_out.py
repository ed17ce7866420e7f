"""Where ``hlskit pool`` may write its report: never over an answer file, another file, or a folder."""
from __future__ import annotations

from pathlib import Path

MARK = 'class="hls-team-report"'   # every team report carries it; an earlier report may be replaced


class OutRefused(ValueError):
    """The --out path would destroy something; the message says what and what to do instead."""


def is_team_report(path: Path) -> bool:
    try:
        with path.open("r", encoding="utf-8", errors="replace") as fh:
            head = fh.read(20000)
        return MARK in head or "<title>Team report: " in head
    except OSError:
        return False


def check_out(out: Path, inputs) -> None:
    """Refuse an --out that is one of the inputs, a folder, or an existing file that is not a team report."""
    if out.is_dir():
        raise OutRefused(f"--out {out} is a folder; give a file name inside it, for example {out / 'team-report.html'}.")
    target = out.resolve()
    for f in inputs:
        if Path(f).resolve() == target:
            raise OutRefused(f"--out {out} is one of the answer files you gave; writing the report there would "
                             "destroy it. Choose another name, for example team-report.html.")
    if out.exists() and not is_team_report(out):
        raise OutRefused(f"--out {out} already exists and is not a team report, so it was left alone. "
                         "Choose a new file name, or delete it first if you are sure.")
    if out.suffix.lower() not in (".html", ".htm"):
        raise OutRefused(f"--out {out} should end in .html (the report is a web page that opens in any browser).")
