"""Undoable writes and the one account of what can be undone.

A step's first redo is a write (views.shell.writes); its undo takes that write's change-log
batch back (`revert_batch`, fields changed since are left alone) and a later redo takes the
undo back, so the Edit menu, the toolbar and History all move the same batches. `UndoHistory`
keeps the window's stack true to the change log: a step whose change was taken back elsewhere
(History, another window) is dropped before it can be offered.

The first redo happens inside `QUndoStack.push()`. It keeps the stale-edit check the form asked
for (the draft's `version`); when it fails, the command marks itself obsolete, so the stack drops
it, and the error propagates out of `push()` with its `message` and `hint` intact (it is also
kept on `command.error`). A failing undo or redo is shown once and its step dropped.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from sqlalchemy.orm import Session

from crmdesk.models.names import display_name
from crmdesk.services.accounts import (
    AccountDraft,
    account_rows,
    delete_accounts,
    restore_accounts,
    save_account,
)
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import (
    ContactDraft,
    contact_rows,
    delete_contacts,
    restore_contacts,
    save_contact,
)
from crmdesk.services.history import (
    BatchSummary,
    RevertResult,
    describe,
    revert_batch,
    taken_back,
)
from crmdesk.services.merge import MergeResult, merge_contacts, unmerge
from crmdesk.store.db import Database
from crmdesk.views.shell import errors, writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.change_words import change_words
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo_words import import_question, taken_back_text

Draft = ContactDraft | AccountDraft


def contact_label(draft: ContactDraft) -> str:
    """How a command names a contact: 张三, John Smith, or the organisation for a nameless one."""
    name = display_name(draft.family_name, draft.given_name, draft.middle_name)
    return name or draft.organization.strip()


class WriteCommand(QUndoCommand):
    """One step: the first redo runs `first` (or records a write that already ran); undo takes
    its batch back; a later redo takes the undo back."""

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        text: str,
        first: Callable[[Session], Any] | None = None,
        *,
        written: writes.Written[Any] | None = None,
        question: str = "",
    ) -> None:
        super().__init__(text)
        self._db, self._bus, self._first = db, bus, first
        self.written = written  # the first write
        self.batch_id: uuid.UUID | None = written.batch_id if written else None
        self.undo_batch_id: uuid.UUID | None = None  # the batch of the last undo
        self.done = False
        self.question = question  # asked before an undo (an import's)
        self.error: BaseException | None = None
        self.last_revert: RevertResult | None = None

    # -- what a subclass may change ------------------------------------------------------------

    def _after_first(self, written: writes.Written[Any]) -> None:
        """Read what the first write returned (a new record's id, the deleted ids)."""

    def _take_back(self, session: Session, batch_id: uuid.UUID) -> RevertResult:
        return revert_batch(session, batch_id)

    def _write_again(self) -> None:
        """A redo after an undo: take the undo back (a merge merges again instead)."""
        undo_batch = self.undo_batch_id
        assert undo_batch is not None
        self.last_revert = writes.write(
            self._db, self._bus, lambda session: revert_batch(session, undo_batch)
        ).value

    # -- QUndoCommand --------------------------------------------------------------------------

    def redo(self) -> None:
        if self.written is None:
            assert self._first is not None
            try:
                self.written = writes.write(self._db, self._bus, self._first)
            except Exception as exc:
                # Nothing was written (the transaction rolled back): drop this step from the
                # stack rather than leave one that claims a state the database never reached.
                self.error = exc
                self.setObsolete(True)
                raise
            self.batch_id = self.written.batch_id
            self._after_first(self.written)
        elif self.undo_batch_id is not None and not self._failed(self._write_again):
            return
        self.done = True

    def undo(self) -> None:
        batch = self.batch_id
        if batch is None:
            return

        def take_back() -> None:
            written = writes.write(self._db, self._bus, lambda s: self._take_back(s, batch))
            self.last_revert = written.value
            self.undo_batch_id = written.value.revert_batch_id

        if self._failed(take_back):
            return
        self.done = False

    def _failed(self, step: Callable[[], None]) -> bool:
        """Run an undo or redo; a failure is shown once and the stack drops this step (the
        change stays as the database has it, and History can still take it back)."""
        try:
            step()
        except Exception as exc:  # shown to the user here, once
            self.error = exc
            self.setObsolete(True)
            errors.report(QApplication.activeWindow(), exc)
            return True
        return False

    def is_stale(self, gone: set[uuid.UUID]) -> bool:
        """True when what this step would take back was already taken back elsewhere."""
        return (self.batch_id in gone) if self.done else (self.undo_batch_id in gone)


class _SaveCommand(WriteCommand):
    """Save `after` on the first redo; undo takes the save back (a creation to the bin)."""

    def __init__(self, db: Database, bus: DataBus, after: Draft, text: str) -> None:
        self._after = copy.deepcopy(after)
        super().__init__(db, bus, text, self._save_after)
        self.record_id: uuid.UUID | None = after.id

    def _save(self, session: Session, draft: Any) -> tuple[uuid.UUID, Changes]:
        raise NotImplementedError

    def _save_after(self, session: Session) -> uuid.UUID:
        return self._save(session, self._after)[0]

    def _after_first(self, written: writes.Written[Any]) -> None:
        self.record_id = written.value


class SaveContactCommand(_SaveCommand):
    """Create or edit a contact; `before` is the contact as the form loaded it (None: new)."""

    def __init__(
        self, db: Database, bus: DataBus, before: ContactDraft | None, after: ContactDraft
    ) -> None:
        if before is None:
            text = QCoreApplication.translate("SaveContactCommand", "Add %1")
        else:
            text = QCoreApplication.translate("SaveContactCommand", "Edit %1")
        super().__init__(db, bus, after, text.replace("%1", contact_label(after)))

    @property
    def contact_id(self) -> uuid.UUID | None:
        return self.record_id

    def _save(self, session: Session, draft: ContactDraft) -> tuple[uuid.UUID, Changes]:
        return save_contact(session, draft)


class SaveAccountCommand(_SaveCommand):
    """Create or edit an account; `before` is the account as the form loaded it (None: new)."""

    def __init__(
        self, db: Database, bus: DataBus, before: AccountDraft | None, after: AccountDraft
    ) -> None:
        if before is None:
            text = QCoreApplication.translate("SaveAccountCommand", "Add %1")
        else:
            text = QCoreApplication.translate("SaveAccountCommand", "Edit %1")
        super().__init__(db, bus, after, text.replace("%1", after.name.strip()))

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.record_id

    def _save(self, session: Session, draft: AccountDraft) -> tuple[uuid.UUID, Changes]:
        return save_account(session, draft)


IdsWrite = Callable[[Session, Sequence[uuid.UUID]], Changes]


class RecycleCommand(WriteCommand):
    """Move records to the recycle bin or bring them back: exactly those the first redo changed.

    A first redo that changes nothing (all were there already) makes the command obsolete, so
    the stack holds no empty step."""

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        ids: Sequence[uuid.UUID],
        action: IdsWrite,
        kind: str,
        text: str,
    ) -> None:
        wanted = list(dict.fromkeys(ids))
        super().__init__(db, bus, text, lambda session: action(session, wanted))
        self._kind = kind
        self.changed: frozenset[uuid.UUID] = frozenset()

    def _after_first(self, written: writes.Written[Any]) -> None:
        self.changed = written.changes.ids(self._kind)
        if not self.changed:
            self.setObsolete(True)

    @property
    def deleted(self) -> frozenset[uuid.UUID]:
        return self.changed


def _one_name(db: Database, rows: Callable[[Session, list[uuid.UUID]], list], key: uuid.UUID):
    with db.reading() as session:
        found = rows(session, [key])
    return found[0].name if found else ""


class DeleteContactsCommand(RecycleCommand):
    def __init__(self, db: Database, bus: DataBus, ids: Sequence[uuid.UUID]) -> None:
        ids = list(dict.fromkeys(ids))
        name = _one_name(db, contact_rows, ids[0]) if len(ids) == 1 else ""
        if name:
            text = QCoreApplication.translate("DeleteContactsCommand", "Delete %1").replace(
                "%1", name
            )
        elif len(ids) == 1:
            text = QCoreApplication.translate("DeleteContactsCommand", "Delete 1 contact")
        else:
            text = QCoreApplication.translate(
                "DeleteContactsCommand", "Delete %n contacts", None, len(ids)
            )
        super().__init__(db, bus, ids, delete_contacts, "contacts", text)


class DeleteAccountsCommand(RecycleCommand):
    def __init__(self, db: Database, bus: DataBus, ids: Sequence[uuid.UUID]) -> None:
        ids = list(dict.fromkeys(ids))
        name = _one_name(db, account_rows, ids[0]) if len(ids) == 1 else ""
        if name:
            text = QCoreApplication.translate("DeleteAccountsCommand", "Delete %1").replace(
                "%1", name
            )
        elif len(ids) == 1:
            text = QCoreApplication.translate("DeleteAccountsCommand", "Delete 1 account")
        else:
            text = QCoreApplication.translate(
                "DeleteAccountsCommand", "Delete %n accounts", None, len(ids)
            )
        super().__init__(db, bus, ids, delete_accounts, "accounts", text)


def restore_command(
    db: Database, bus: DataBus, ids: Sequence[uuid.UUID], kind: str
) -> RecycleCommand:
    """Bring contacts or accounts back from the recycle bin, as one step."""
    n = len(set(ids))
    if kind == "contacts":
        action = restore_contacts
        text = _tr("Restore 1 contact") if n == 1 else _tr("Restore %n contacts", None, n)
    else:
        action = restore_accounts
        text = _tr("Restore 1 account") if n == 1 else _tr("Restore %n accounts", None, n)
    return RecycleCommand(db, bus, ids, action, kind, text)


@dataclass(frozen=True)
class MergePlan:
    """What the user chose: the survivor, the others, and per field whose value survives."""

    survivor: uuid.UUID
    losers: tuple[uuid.UUID, ...]
    chosen: dict[str, uuid.UUID | str]


class MergeContactsCommand(WriteCommand):
    """Merge on redo, the service's unmerge on undo (so the history shows both)."""

    def __init__(self, db: Database, bus: DataBus, plan: MergePlan, name: str) -> None:
        text = QCoreApplication.translate("MergeContactsCommand", "Merge duplicates of %1")
        text = text.replace("%1", name)
        super().__init__(db, bus, text, self._merge)
        self._plan = plan
        self.result: MergeResult | None = None

    def _merge(self, session: Session) -> MergeResult:
        plan = self._plan
        self.result = merge_contacts(session, plan.survivor, plan.losers, plan.chosen)
        return self.result

    def _take_back(self, session: Session, batch_id: uuid.UUID) -> RevertResult:
        return unmerge(session, batch_id)

    def _write_again(self) -> None:
        self.batch_id = writes.write(self._db, self._bus, self._merge).batch_id


class ImportCommand(WriteCommand):
    """An import as one step: it already ran (on a worker thread); undo asks first."""

    def __init__(
        self, db: Database, bus: DataBus, written: writes.Written[Any], text: str, question: str
    ) -> None:
        super().__init__(db, bus, text, written=written, question=question)


class UndoHistory(QObject):
    """The window's one account of what can be undone: its undo stack, kept true to the change
    log, for the Edit menu, the toolbar and History alike."""

    reported = Signal(str)  # what an undo or redo did, in words (for a status line)

    def __init__(self, db: Database, bus: DataBus, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.db, self.bus, self.stack = db, bus, stack
        self._pruning = False
        # a write inside a step may be running when the bus speaks: look once it is done
        self._prune_later = QTimer(self)
        self._prune_later.setSingleShot(True)
        self._prune_later.setInterval(0)
        self._prune_later.timeout.connect(self.prune)
        stack.indexChanged.connect(self._on_stack_index_changed)
        bus.changed.connect(self._on_bus_changed)

    # -- the stack's ends ----------------------------------------------------------------------

    def _command(self, index: int) -> WriteCommand | None:
        if not 0 <= index < self.stack.count():
            return None
        command = self.stack.command(index)
        return command if isinstance(command, WriteCommand) else None

    def top(self) -> WriteCommand | None:
        """The step Undo would take back."""
        return self._command(self.stack.index() - 1)

    def next(self) -> WriteCommand | None:
        """The step Redo would write again."""
        return self._command(self.stack.index())

    def prune(self) -> None:
        """Drop the steps at either end of the stack whose change was taken back elsewhere."""
        if self._pruning or not shiboken6.isValid(self.stack):
            return  # (a stack being destroyed clears itself)
        self._pruning = True
        try:
            while self._drop_stale_end():
                pass
        finally:
            self._pruning = False

    def _drop_stale_end(self) -> bool:
        top, after = self.top(), self.next()
        batches = {b for b in (top and top.batch_id, after and after.undo_batch_id) if b}
        if not batches:
            return False
        with self.db.reading() as session:
            gone = taken_back(session, batches)
        for command, move in ((top, self.stack.undo), (after, self.stack.redo)):
            if command is not None and command.is_stale(gone):
                command.setObsolete(True)  # the stack removes it without running it
                move()
                return True
        return False

    def _on_stack_index_changed(self, _index: int) -> None:
        self.prune()

    def _on_bus_changed(self, _changes: object) -> None:
        self._prune_later.start()

    # -- taking back ---------------------------------------------------------------------------

    def undo(self, parent: QWidget | None = None) -> RevertResult | None:
        """Ctrl+Z: take the newest step back (asking first where it says so)."""
        self.prune()
        top = self.top()
        if top is None:
            self.stack.undo()
            return None
        if top.question and not _ask(parent, top.question):
            return None
        text = top.text()
        self.stack.undo()
        if top.error is None and top.last_revert is not None:
            self.reported.emit(taken_back_text(top.last_revert, text))
        return top.last_revert

    def redo(self) -> None:
        self.prune()
        self.stack.redo()

    def take_back(self, batch: BatchSummary, parent: QWidget | None = None) -> RevertResult | None:
        """History's Undo (or Unmerge) of one change: through the stack when it is the step
        Undo or Redo would take, else straight from the log (and the stack is pruned)."""
        top, after = self.top(), self.next()
        if top is not None and top.done and top.batch_id == batch.batch_id:
            return self.undo(parent)
        if after is not None and not after.done and after.undo_batch_id == batch.batch_id:
            self.stack.redo()
            return after.last_revert
        question = import_question(batch.note)
        if question and not _ask(parent, question):
            return None
        action = unmerge if batch.is_merge else revert_batch
        written = writes.attempt(
            parent, self.db, self.bus, lambda session: action(session, batch.batch_id)
        )
        self.prune()
        if written is None:
            return None
        self.reported.emit(taken_back_text(written.value, describe(batch, change_words())))
        return written.value

    def create_undo_action(self, parent: QWidget, prefix: str) -> QAction:
        """Edit > Undo: like QUndoStack.createUndoAction, but asking first where a step says
        so (an import) and saying what came back."""
        action = QAction(parent)

        def update(*_args: object) -> None:
            if not shiboken6.isValid(self.stack) or not shiboken6.isValid(action):
                return
            text = self.stack.undoText()
            action.setText(f"{prefix} {text}" if text else prefix)
            action.setEnabled(self.stack.canUndo())

        self.stack.canUndoChanged.connect(update)
        self.stack.undoTextChanged.connect(update)
        action.triggered.connect(lambda: self.undo(parent))
        update()
        return action


def _ask(parent: QWidget | None, question: str) -> bool:
    title = QCoreApplication.translate("UndoHistory", "Undo")
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


__all__ = [
    "DeleteAccountsCommand",
    "DeleteContactsCommand",
    "ImportCommand",
    "MergeContactsCommand",
    "MergePlan",
    "RecycleCommand",
    "SaveAccountCommand",
    "SaveContactCommand",
    "UndoHistory",
    "WriteCommand",
    "contact_label",
    "restore_command",
]
