"""The layers of docs/ARCHITECTURE.md, checked on the source: no import cycle, no import that goes up a layer,
no import of the package hidden inside a function. Imports are read with `ast`, so nothing is executed."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ptds_desktop"

# Layer of each module, by longest matching name prefix; a layer may import only the layers listed for it.
LAYER_OF = {
    "ptds_desktop": "foundation",  # __init__ (version), errors, text, config, i18n (the one catalogue)
    "ptds_desktop.models": "models",
    "ptds_desktop.db": "db",
    "ptds_desktop.documents": "documents",
    "ptds_desktop.sync": "sync",
    "ptds_desktop.services": "services",
    "ptds_desktop.datafile": "services",
    "ptds_desktop.exports": "exports",
    "ptds_desktop.imports": "imports",
    "ptds_desktop.cli": "cli",
    "ptds_desktop.gui": "gui",
    "ptds_desktop.launcher": "launcher",
    "ptds_desktop.__main__": "launcher",
}
CORE = {"foundation", "models", "db", "documents", "sync", "services", "exports", "imports", "cli"}
MAY_IMPORT = {
    "foundation": {"foundation"},
    "models": {"foundation", "models"},
    "db": {"foundation", "models", "db"},
    "documents": {"foundation", "documents"},  # plain data: no storage
    "sync": {"foundation", "models", "db", "sync"},
    "services": {"foundation", "models", "db", "sync", "documents", "services"},
    "exports": {"foundation", "documents", "exports"},  # renderers draw documents, nothing else
    "imports": {"foundation", "models", "db", "sync", "documents", "services", "imports"},  # files made elsewhere
    "cli": CORE,
    "gui": CORE | {"gui"},
    "launcher": {"foundation", "cli", "gui", "launcher"},
}
# Outside libraries a layer must not touch (Qt only in the GUI; renderers and documents never see storage).
STORAGE_LIBS = {"sqlalchemy", "alembic"}
RENDER_LIBS = {"reportlab", "openpyxl", "docx"}
QT_LIBS = {"PySide6", "shiboken6"}
FORBIDDEN_LIBS = {
    **{layer: QT_LIBS for layer in CORE | {"launcher"}},
    "documents": QT_LIBS | STORAGE_LIBS | RENDER_LIBS,
    "exports": QT_LIBS | STORAGE_LIBS,
    "services": QT_LIBS | RENDER_LIBS,
}

# Known upward imports that open issues remove. The coordinator deletes each entry once its fix is merged.
ALLOWED_UPWARD: set[tuple[str, str]] = set()
# Imports inside functions are allowed here only, each to keep a heavy library out of the start (issue #13):
# the launcher loads Qt when the window is asked for; db.database loads Alembic only when a migration is due;
# exports.files loads a renderer (ReportLab, python-docx, openpyxl) on the first export in that format;
# gui.main_window loads its database side (gui.workspace: SQLAlchemy, models, services) after its first paint;
# gui.areas loads each area's view when the area is first shown (the one way views are loaded lazily);
# imports.task_matrix loads openpyxl when a file is read, not when the tasks screen (on the UI thread) imports it;
# db.server loads psycopg when a server database is opened, never for a SQLite file (issue #16).
DEFERRED_IMPORTS_ALLOWED = {"ptds_desktop.launcher", "ptds_desktop.db.database", "ptds_desktop.exports.files",
                            "ptds_desktop.imports.task_matrix", "ptds_desktop.db.server",
                            "ptds_desktop.gui.main_window", "ptds_desktop.gui.areas"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


MODULES = _modules()


def _resolve(importer: str, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    is_package = MODULES[importer].name == "__init__.py"
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join(base + ([node.module] if node.module else []))


@functools.cache
def _imports(name: str) -> list[tuple[str, bool]]:
    """(imported module or outside library, imported inside a function?) for every import of a module."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    nested: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested.update(id(inner) for inner in ast.walk(node) if inner is not node)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(alias.name, id(node) in nested) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = _resolve(name, node)
            for alias in node.names:
                target = f"{source}.{alias.name}"
                found.append((target if target in MODULES else source, id(node) in nested))
    return found


def _layer(module: str) -> str:
    best = max((prefix for prefix in LAYER_OF if module == prefix or module.startswith(prefix + ".")), key=len)
    if best == "ptds_desktop" and module not in ("ptds_desktop", *(f"ptds_desktop.{m}" for m in
                                                                  ("errors", "text", "config", "i18n"))):
        raise AssertionError(f"{module}: no layer; add it to LAYER_OF in tests/test_layers.py")
    return LAYER_OF[best]


def _graph() -> dict[str, set[str]]:
    return {name: {target for target, _ in _imports(name) if target in MODULES} for name in MODULES}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1 or node in graph[node]:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer():
    for name in MODULES:
        _layer(name)


def test_no_import_cycle():
    assert _cycles(_graph()) == []


def test_no_import_goes_up_a_layer():
    wrong = []
    for name in MODULES:
        layer = _layer(name)
        for target, _nested in _imports(name):
            root = target.split(".")[0]
            if target in MODULES:
                if _layer(target) not in MAY_IMPORT[layer] and (name, target) not in ALLOWED_UPWARD:
                    wrong.append(f"{name} ({layer}) imports {target} ({_layer(target)})")
            elif root in FORBIDDEN_LIBS.get(layer, set()):
                wrong.append(f"{name} ({layer}) imports {target}")
    assert wrong == []


def test_imports_are_at_the_top_of_the_module():
    """An import inside a function hides a cycle or an upward import from a reader: none in the package."""
    hidden = [
        f"{name} imports {target} inside a function"
        for name in MODULES if name not in DEFERRED_IMPORTS_ALLOWED
        for target, nested in _imports(name) if nested
    ]
    assert hidden == []


def test_allow_lists_name_only_imports_that_still_exist():
    """An entry whose import is gone must be deleted, so the allow-list only ever shrinks."""
    graph = _graph()
    assert [edge for edge in ALLOWED_UPWARD if edge[1] not in graph.get(edge[0], set())] == []


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
        ({"a": {"b"}, "b": set(), "c": {"c"}}, [["c"]]),
        ({"a": {"b"}, "b": set()}, []),
    ],
)
def test_the_cycle_finder_finds_cycles(edges, expected):
    assert _cycles(edges) == expected
