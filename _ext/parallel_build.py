"""Let Sphinx read and write pages in parallel (scripts/build_book.py builds with one job per core).

Sphinx reads in parallel only if every extension says it is safe; otherwise it warns (an error
under -W) and reads serially. Two extensions that jupyter-book loads say nothing, and both are safe:
- sphinx_multitoc_numbering (loaded by sphinx_external_toc) only replaces how section numbers are
  assigned, which Sphinx does once, in the main process, after reading; it keeps no per-page state.
- sphinx_jupyterbook_latex sets two environment flags at builder-inited (before any reader process
  starts, so each inherits them) and its transforms act only for the LaTeX builder.
"""

UNDECLARED_BUT_SAFE = ("sphinx_multitoc_numbering", "sphinx_jupyterbook_latex")


def _declare(app) -> None:
    for name in UNDECLARED_BUT_SAFE:
        ext = app.extensions.get(name)
        if ext is not None:
            ext.parallel_read_safe = ext.parallel_write_safe = True


def setup(app):
    app.connect("builder-inited", _declare)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
