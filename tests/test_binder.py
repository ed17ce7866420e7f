"""Binder and JupyterHub: an environment built from requirements.txt alone runs every chapter.

This makes a fresh virtual environment, installs only requirements.txt (as repo2docker does), and
executes every notebook under book/ with live widgets, as someone who pressed the launch button would.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_requirements_alone_run_every_chapter(tmp_path):
    venv = tmp_path / "binder-env"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    py = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in ("HLS_BOOK_BUILD", "PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-input", "-r", "requirements.txt"],
                             cwd=ROOT, env=env, capture_output=True, text=True, timeout=1500)
    assert install.returncode == 0, install.stderr[-3000:]
    run = subprocess.run([str(py), str(ROOT / "tests" / "run_notebooks.py"), str(ROOT / "book")],
                         cwd=tmp_path, env={**env, "HOME": str(tmp_path)}, capture_output=True, text=True, timeout=1800)
    print(run.stdout)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert run.stdout.count("ok ") >= 25
