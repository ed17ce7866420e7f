"""Check the explorer presets written on the book's pages (``show_case_explorer(theme=...)``) against
the options each menu really offers, so a page never promises a filter that shows nothing."""
from __future__ import annotations

import ast
import json
from pathlib import Path

from .charts import explorer_menus, preset_problem
from .content import Content


def _code_cells(page: Path) -> list[str]:
    if page.suffix == ".ipynb":
        cells = json.loads(page.read_text(encoding="utf-8")).get("cells", [])
        return ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                for c in cells if c.get("cell_type") == "code"]
    return []


def page_presets(page: Path) -> list[tuple[str, str, str]]:
    """(tool, parameter, value) for every explorer call on a page that presets a menu with a literal."""
    found = []
    for code in _code_cells(page):
        try:
            tree = ast.parse(code)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                for kw in node.keywords:
                    if kw.arg and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str):
                        found.append((node.func.id, kw.arg, kw.value.value))
    return found


def preset_problems(content: Content, book: Path) -> list[str]:
    """One readable line per preset on a page of ``book`` that is not one of its menu's options."""
    menus = explorer_menus(content)
    problems = []
    for page in sorted(book.rglob("*.ipynb")):
        if "_build" in page.parts or ".ipynb_checkpoints" in page.parts:
            continue
        for tool, name, value in page_presets(page):
            for param, label, pairs in menus.get(tool, []):
                problem = preset_problem(label, value, pairs) if param == name else None
                if problem:
                    problems.append(f"page {page.relative_to(book.parent).with_suffix('')}: {tool}: {problem}")
    return problems
