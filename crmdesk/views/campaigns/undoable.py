"""Campaign writes as undoable steps: starting, queueing, answers, calls, touches and segments
go through the one write operation and onto the window's undo stack, like a contact's save.

Taking a step back takes its change-log batch back (views/shell/undo.py), members, answers and
queued messages with it; a step whose e-mails the server has taken cannot be taken back (the
mail has gone), and says so.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.services import outbox
from crmdesk.services.history import RevertResult
from crmdesk.store.db import Database
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import WriteCommand

T = TypeVar("T")


class CampaignCommand(WriteCommand):
    """One campaign write; its undo refuses once the e-mails it queued have gone out."""

    def _take_back(self, session: Session, batch_id: uuid.UUID) -> RevertResult:
        if outbox.gone_out(session, batch_id):
            raise KnownError(
                translatable("Messages", "The e-mails of this step have gone out already."),
                translatable("Messages", "Sent mail cannot be taken back."),
            )
        return super()._take_back(session, batch_id)


class Undoable:
    """What a campaign view needs to write: the file, the bus and the window's undo stack."""

    def __init__(self, db: Database, bus: DataBus, stack: QUndoStack) -> None:
        self.db, self.bus, self.stack = db, bus, stack

    def push(
        self, parent: QWidget | None, text: str, action: Callable[[Session], T]
    ) -> writes.Written[T] | None:
        """Write `action` as one undoable step named `text`; what it wrote, or None when it
        failed (the failure was shown, the stack holds no step)."""
        command = CampaignCommand(self.db, self.bus, text, action)
        if not writes.push(parent, self.stack, command):
            return None
        return command.written  # type: ignore[return-value]
