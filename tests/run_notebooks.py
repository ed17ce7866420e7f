"""Execute every chapter notebook as a Binder or JupyterHub user would (live mode, no book build).

Run with the Python of the environment under test: python tests/run_notebooks.py BOOK_DIR
Prints one line per notebook and exits non-zero if any fails.
"""
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

failed = 0
for path in sorted(Path(sys.argv[1]).rglob("*.ipynb")):
    if ".ipynb_checkpoints" in path.parts:
        continue
    nb = nbformat.read(path, as_version=4)
    start = time.monotonic()
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
        print(f"ok     {time.monotonic() - start:5.1f}s  {path}")
    except Exception as exc:  # report every notebook, then fail
        failed += 1
        print(f"FAILED {path}: {str(exc).splitlines()[-1] if str(exc) else type(exc).__name__}")
sys.exit(1 if failed else 0)
