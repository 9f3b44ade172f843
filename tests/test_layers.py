"""The layering is checked, not hoped for: only views/ and the app shell import Qt."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "crmdesk"
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
