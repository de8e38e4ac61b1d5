"""The GUI's own layers: the areas registry sits above the views (a view importing it would make a cycle). Imports
inside functions are checked for the whole package by tests/test_layers.py, whose allow-list names the two GUI
modules that import views lazily (the window's start and the areas' first visit)."""

from __future__ import annotations

import ast
from pathlib import Path

import ptds_desktop.gui

GUI = Path(ptds_desktop.gui.__file__).parent
ABOVE_THE_VIEWS = {"areas.py", "main_window.py", "app.py"}  # the registry and what opens it


def _modules() -> dict[str, ast.Module]:
    return {str(p.relative_to(GUI)): ast.parse(p.read_text(encoding="utf-8"))
            for p in GUI.rglob("*.py") if "forms" not in p.parts}


def _imported(tree: ast.Module) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_no_view_imports_the_areas_registry():
    offenders = [name for name, tree in _modules().items()
                 if name not in ABOVE_THE_VIEWS and "ptds_desktop.gui.areas" in _imported(tree)]
    assert offenders == [], "views take ViewContext from gui/context.py; only the window opens gui/areas.py"

