"""The one write operation of every screen: a transaction, then what it changed published, then
(for a user's action) a step on the undo stack; a failure is shown once.

`transact` runs anywhere (an import runs it on a worker thread); `write` adds the broadcast on
the GUI thread; `attempt` and `push` show a failure to the user and return None/False, for
callers with nothing better to do with it. What a write changed is collected from the session's
flushes (services.changes); a write beside the ORM adds what it reports (`reported`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from crmdesk.models.changelog import session_batch
from crmdesk.services.changes import Changes, changes_in
from crmdesk.store.db import Database
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus

T = TypeVar("T")


@dataclass(frozen=True)
class Written(Generic[T]):
    """What a write returned, what it changed, and the change-log batch that records it."""

    value: T
    changes: Changes
    batch_id: uuid.UUID


def transact(
    db: Database,
    action: Callable[[Session], T],
    reported: Callable[[T], Changes] | None = None,
) -> Written[T]:
    """Run `action` in one transaction (committed, or rolled back on any error, which is
    raised); safe on any thread, as it touches no widget."""
    with db.transaction() as session:
        value = action(session)
        session.flush()
        changes = changes_in(session)
        batch_id = session_batch(session)
    if reported is not None:
        changes |= reported(value)
    return Written(value, changes, batch_id)


def publish(bus: DataBus, written: Written[T]) -> Written[T]:
    """Tell every screen what a committed write changed (on the GUI thread)."""
    bus.publish(written.changes)
    return written


def write(
    db: Database,
    bus: DataBus,
    action: Callable[[Session], T],
    reported: Callable[[T], Changes] | None = None,
) -> Written[T]:
    """`transact`, then `publish`; errors are raised (nothing was written)."""
    return publish(bus, transact(db, action, reported))


def attempt(
    parent: QWidget | None,
    db: Database,
    bus: DataBus,
    action: Callable[[Session], T],
    reported: Callable[[T], Changes] | None = None,
) -> Written[T] | None:
    """`write`, showing a failure once (a KnownError in the user's words, else the crash
    report); None when it failed."""
    try:
        return write(db, bus, action, reported)
    except Exception as exc:  # shown to the user here, once
        errors.report(parent, exc)
        return None


def push(parent: QWidget | None, stack: QUndoStack, command: QUndoCommand) -> bool:
    """Put a step on the undo stack (its first redo writes); a failure is shown once and the
    stack holds no step for it. False when it failed."""
    try:
        stack.push(command)
    except Exception as exc:  # shown to the user here, once
        errors.report(parent, exc)
        return False
    return True


__all__ = ["Written", "attempt", "publish", "push", "transact", "write"]
