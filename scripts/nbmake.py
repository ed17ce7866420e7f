"""Write a notebook from a plain-text outline, so chapters can be drafted as text and kept diff-friendly.

Usage: python scripts/nbmake.py SOURCE.txt OUT.ipynb
Cells are separated by a line '%% md' or '%% code [tag ...]'. Outputs are never stored; the build runs them.
"""
import json
import sys


def parse(text: str) -> list[dict]:
    cells, kind, tags, buf = [], None, [], []

    def flush():
        if kind is not None:
            src = "\n".join(buf).strip("\n")
            cell = {"cell_type": "markdown" if kind == "md" else "code", "metadata": {}, "source": src}
            if tags:
                cell["metadata"]["tags"] = tags
            if kind == "code":
                cell.update(execution_count=None, outputs=[])
            cells.append(cell)

    for line in text.splitlines():
        if line.startswith("%% "):
            flush()
            parts = line[3:].split()
            kind, tags, buf = parts[0], parts[1:], []
        else:
            buf.append(line)
    flush()
    return cells


def main(src: str, out: str) -> None:
    nb = {
        "cells": parse(open(src, encoding="utf-8").read()),
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4, "nbformat_minor": 5,
    }
    for i, c in enumerate(nb["cells"]):
        c["id"] = f"c{i:02d}"
    with open(out, "w", encoding="utf-8") as fh:
        json.dump(nb, fh, indent=1, ensure_ascii=False)
        fh.write("\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
