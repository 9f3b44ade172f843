"""Translating text outside a QObject's own `tr()`: module-level helpers and view functions.

`_tr(text, disambiguation, n)` looks the text up in the catalogue's shared (empty) context:
`make translations` runs pyside6-lupdate with `-tr-function-alias tr+=_tr`, which files every
`_tr()` call there, wherever in a module it stands.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("", text, disambiguation, n)


tr = _tr

__all__ = ["tr"]
