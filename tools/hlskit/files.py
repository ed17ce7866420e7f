"""Saving files without ever losing a user's work: write to a temporary file, then swap it in."""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def write_atomic(path: str | Path, text: str) -> Path:
    """Write ``text`` to ``path`` in one step: a failure leaves any earlier file untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _mode_for(path: Path) -> int:
    """An existing file keeps its mode (and a read-only one is refused); a new one gets the umask's."""
    if path.exists():
        mode = stat.S_IMODE(path.stat().st_mode)
        if not mode & stat.S_IWUSR or not os.access(path, os.W_OK):
            raise PermissionError(f"{path} is read-only; it was left as it was (make it writable to save)")
        return mode
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def free_stem(folder: str | Path, stem: str, suffixes) -> str:
    """``stem``, or ``stem-2``, ``stem-3``...: the first with no existing file for any of ``suffixes``."""
    folder, n, candidate = Path(folder), 2, stem
    while any((folder / f"{candidate}{s}").exists() for s in suffixes):
        candidate, n = f"{stem}-{n}", n + 1
    return candidate


def free_name(path: str | Path) -> Path:
    """``path`` if it does not exist yet, else the first of ``name-2.ext``, ``name-3.ext``... that is free."""
    path = Path(path)
    n = 2
    candidate = path
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate
