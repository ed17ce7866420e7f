"""Book-specific build hooks.

- Marks the build (HLS_BOOK_BUILD=1) so chapters executed for the static site render their tools
  as kernel-free pages; the same notebooks opened in JupyterLab show live widgets instead.
"""
from __future__ import annotations

import os

os.environ["HLS_BOOK_BUILD"] = "1"   # inherited by the kernels that execute the notebooks


def setup(app):
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
