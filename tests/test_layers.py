"""The layering is checked, not hoped for: Qt only in views/ and the shell, layers, no cycles."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import grimp
from importlinter.cli import lint_imports

from tests.conftest import REPO

PACKAGE = REPO / "crmdesk"
QT_ALLOWED = {"views", "app.py", "__main__.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def import_cycles(package: str) -> list[list[str]]:
    """Every group of modules that import each other round in a circle (Tarjan's SCCs).

    Imports inside functions count: a lazy import only hides a cycle, it does not break it."""
    graph = grimp.build_graph(package, cache_dir=None)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while (member := stack.pop()) != module:
                group.append(member)
            group.append(module)
            if len(group) > 1 or graph.direct_import_exists(importer=module, imported=module):
                cycles.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return cycles


def test_only_views_and_the_app_shell_import_qt():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if path.relative_to(PACKAGE).parts[0] in QT_ALLOWED:
            continue
        qt = {m for m in imported_modules(path) if m.split(".")[0] in {"PySide6", "shiboken6"}}
        views = {
            m for m in imported_modules(path) if m.startswith(("crmdesk.views", "crmdesk.app"))
        }
        if qt or views:
            offenders.append(f"{path.relative_to(PACKAGE)}: {sorted(qt | views)}")
    assert not offenders, offenders


def test_the_check_would_catch_a_qt_import(tmp_path):
    sample = tmp_path / "bad.py"
    sample.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in imported_modules(sample)


def test_no_module_of_crmdesk_is_in_an_import_cycle():
    assert import_cycles("crmdesk") == []


def test_the_cycle_check_finds_a_lazy_cycle(tmp_path, monkeypatch):
    package = tmp_path / "circle"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from circle.b import helper\n")
    (package / "b.py").write_text("def helper():\n    from circle import a\n    return a\n")
    (package / "c.py").write_text("import circle.a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert import_cycles("circle") == [["circle.a", "circle.b"]]


def test_the_import_contracts_hold():
    """`lint-imports`: the layers contract and the no-Qt rule (as `make lint` runs them)."""
    assert lint_imports(config_filename=str(REPO / "pyproject.toml"), no_cache=True) == 0


def test_every_part_of_crmdesk_has_its_place_in_the_layers():
    """A new wing or top-level module is placed in the layers contract, not left outside it."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    placed = {name.strip() for layer in layers for name in layer.replace(":", "|").split("|")}
    parts = {
        f"crmdesk.{p.stem}"
        for p in PACKAGE.iterdir()
        if (p.is_dir() and (p / "__init__.py").exists()) or (p.suffix == ".py")
    } - {"crmdesk.__init__"}
    assert parts - placed == set()
