"""Shared fixtures: the repository root, the seeds folder, a trainer's folder of test instruments, and one strict
build of the book per run."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
BUILD_HTML = ROOT / "_build" / "html"
INSTRUMENTS = Path(__file__).parent / "fixtures" / "content" / "instruments"


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"source documents not found at {SEEDS}; fidelity checks need ../shared/seeds")
    return SEEDS


@pytest.fixture()
def overlay(tmp_path) -> Path:
    """A trainer's content folder holding the two small test instruments, 'mini' and 'other'."""
    folder = tmp_path / "course" / "instruments"
    folder.mkdir(parents=True)
    for name in ("mini.yaml", "other.yaml"):
        shutil.copy(INSTRUMENTS / name, folder)
    return folder.parent


@pytest.fixture(scope="session")
def built_book() -> Path:
    """Build the book strictly once per test run, through the same script the README uses."""
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_book.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200)
    if proc.returncode != 0:
        pytest.fail(f"strict build failed (exit {proc.returncode}):\n{proc.stdout[-6000:]}\n{proc.stderr[-3000:]}")
    # The site offers the whole book as a PDF; build.sh writes it after the pages (quick when up to date).
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py")],
                          cwd=ROOT, capture_output=True, text=True, timeout=1800)
    if proc.returncode != 0:
        pytest.fail(f"PDF build failed (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return BUILD_HTML


def _offline(built_book, **device):
    """The built site served on localhost to headless Chromium with every other host blocked; the
    module's tests fail afterwards if any page reached for the network, missed a file or logged an error."""
    from browser import offline_site

    with offline_site(built_book, **device) as session:
        yield session
        assert not session.blocked, f"pages tried to reach the network: {session.blocked}"
        assert not session.failed, f"failed local requests: {session.failed}"
        assert not session.errors, f"script errors in the console: {session.errors}"


@pytest.fixture(scope="module")
def site(built_book):
    """The site on a desktop screen."""
    yield from _offline(built_book)


@pytest.fixture(scope="module")
def phone(built_book):
    """The site on a phone: 390 x 844, touch."""
    yield from _offline(built_book, viewport=(390, 844), touch=True)
