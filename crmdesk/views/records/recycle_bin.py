"""The recycle bin's two ways out: back into the lists (undoable), or gone for good (asked)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.orm import Session

from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import _tr

Write = Callable[[Session, Sequence[uuid.UUID]], Changes]


class RestoreCommand(QUndoCommand):
    """Bring records back from the recycle bin on redo; put them back in it on undo."""

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        ids: Sequence[uuid.UUID],
        restore: Write,
        delete: Write,
        text: str,
    ) -> None:
        super().__init__(text)
        self._db, self._bus = db, bus
        self._ids = list(dict.fromkeys(ids))
        self._restore, self._delete = restore, delete
        self._first = True

    def _write(self, action: Write) -> Changes:
        with self._db.transaction() as session:
            changes = action(session, self._ids)
        self._bus.publish(changes)
        return changes

    def redo(self) -> None:
        changes = self._write(self._restore)
        if self._first:
            self._first = False
            self._ids = sorted(changes.contacts | changes.accounts)
            if not self._ids:
                self.setObsolete(True)

    def undo(self) -> None:
        self._write(self._delete)


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


def purge(db: Database, bus: DataBus, ids: Sequence[uuid.UUID], write: Write) -> Changes:
    """Delete these records for good in one transaction and tell every view."""
    with db.transaction() as session:
        changes = write(session, list(ids))
    bus.publish(changes)
    return changes


__all__ = ["RestoreCommand", "confirm_purge", "purge"]
