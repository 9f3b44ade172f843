"""Deleting for good: asked first, with No as the default (restoring is an undo command)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from crmdesk.services.changes import Changes
from crmdesk.views.shell.i18n import _tr

Write = Callable[[Session, Sequence[uuid.UUID]], Changes]


def confirm_purge(parent: QWidget, question: str) -> bool:
    """Ask before deleting for good (No is the default: Enter keeps the records)."""
    box = QMessageBox(QMessageBox.Icon.Warning, _tr("Delete for good"), question, parent=parent)
    box.setObjectName("purge_question")
    yes = box.addButton(_tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(_tr("Keep them"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is yes


__all__ = ["confirm_purge"]
