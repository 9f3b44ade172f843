"""Undoable writes: each redo/undo is one transaction through a service, then a bus broadcast.

The first redo happens inside `QUndoStack.push()`. It keeps the stale-edit check the form asked
for (the draft's `version`); when it fails, the command marks itself obsolete, so the stack drops
it instead of holding a step that never happened, and the error propagates out of `push()` with
its `message` and `hint` intact (it is also kept on `command.error`). Later redo/undo calls
overwrite with `version=None`: they restore a state this stack itself produced.

Validate before pushing (the forms do): a command is not the place to discover a typo.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
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
from crmdesk.services.merge import MergeResult, merge_contacts, unmerge
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus

Draft = ContactDraft | AccountDraft


def contact_label(draft: ContactDraft) -> str:
    """How a command names a contact: 张三, John Smith, or the organisation for a nameless one."""
    name = display_name(draft.family_name, draft.given_name, draft.middle_name)
    return name or draft.organization.strip()


class _WriteCommand(QUndoCommand):
    """Runs a write in one transaction and publishes what it changed; tracks failure."""

    def __init__(self, db: Database, bus: DataBus, text: str) -> None:
        super().__init__(text)
        self._db, self._bus = db, bus
        self._done_once = False
        self.error: KnownError | None = None

    def _write(self, action: Callable[[Session], Changes]) -> None:
        try:
            with self._db.transaction() as session:
                changes = action(session)
        except KnownError as exc:
            # Nothing was written (the transaction rolled back): drop this step from the stack
            # rather than leave one that claims a state the database never reached.
            self.error = exc
            self.setObsolete(True)
            raise
        self._bus.publish(changes)


class _SaveCommand(_WriteCommand):
    """Save `after` on redo, `before` on undo; a creation is undone by soft delete."""

    def __init__(
        self, db: Database, bus: DataBus, before: Draft | None, after: Draft, text: str
    ) -> None:
        super().__init__(db, bus, text)
        self._before = copy.deepcopy(before)
        self._after = copy.deepcopy(after)
        self.record_id: uuid.UUID | None = after.id

    def _save(self, session: Session, draft: Draft) -> tuple[uuid.UUID, Changes]:
        raise NotImplementedError

    def _soft_delete(self, session: Session, record_id: uuid.UUID) -> Changes:
        raise NotImplementedError

    def _restore(self, session: Session, record_id: uuid.UUID) -> Changes:
        raise NotImplementedError

    def redo(self) -> None:
        first = not self._done_once
        draft = self._after if first else replace(self._after, id=self.record_id, version=None)

        def action(session: Session) -> Changes:
            record_id, changes = self._save(session, copy.deepcopy(draft))
            self.record_id = record_id
            if self._before is None and not first:
                changes |= self._restore(session, record_id)
            return changes

        self._write(action)
        self._done_once = True

    def undo(self) -> None:
        record_id = self.record_id
        if record_id is None:
            return
        if self._before is None:
            self._write(lambda session: self._soft_delete(session, record_id))
        else:
            before = replace(self._before, id=record_id, version=None)
            self._write(lambda session: self._save(session, copy.deepcopy(before))[1])


class SaveContactCommand(_SaveCommand):
    """Create or edit a contact; `before` is the contact as the form loaded it (None: new)."""

    def __init__(
        self, db: Database, bus: DataBus, before: ContactDraft | None, after: ContactDraft
    ) -> None:
        name = contact_label(after)
        if before is None:
            text = QCoreApplication.translate("SaveContactCommand", "Add %1").replace("%1", name)
        else:
            text = QCoreApplication.translate("SaveContactCommand", "Edit %1").replace("%1", name)
        super().__init__(db, bus, before, after, text)

    @property
    def contact_id(self) -> uuid.UUID | None:
        return self.record_id

    def _save(self, session: Session, draft: ContactDraft) -> tuple[uuid.UUID, Changes]:
        return save_contact(session, draft)

    def _soft_delete(self, session: Session, record_id: uuid.UUID) -> Changes:
        return delete_contacts(session, [record_id])

    def _restore(self, session: Session, record_id: uuid.UUID) -> Changes:
        return restore_contacts(session, [record_id])


class SaveAccountCommand(_SaveCommand):
    """Create or edit an account; `before` is the account as the form loaded it (None: new)."""

    def __init__(
        self, db: Database, bus: DataBus, before: AccountDraft | None, after: AccountDraft
    ) -> None:
        name = after.name.strip()
        if before is None:
            text = QCoreApplication.translate("SaveAccountCommand", "Add %1").replace("%1", name)
        else:
            text = QCoreApplication.translate("SaveAccountCommand", "Edit %1").replace("%1", name)
        super().__init__(db, bus, before, after, text)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.record_id

    def _save(self, session: Session, draft: AccountDraft) -> tuple[uuid.UUID, Changes]:
        return save_account(session, draft)

    def _soft_delete(self, session: Session, record_id: uuid.UUID) -> Changes:
        return delete_accounts(session, [record_id])

    def _restore(self, session: Session, record_id: uuid.UUID) -> Changes:
        return restore_accounts(session, [record_id])


class _DeleteCommand(_WriteCommand):
    """Soft delete on redo, restore on undo, of exactly the records the first redo deleted.

    A first redo that deletes nothing (all were already in the recycle bin) makes the command
    obsolete, so the stack holds no empty step.
    """

    def __init__(self, db: Database, bus: DataBus, ids: Sequence[uuid.UUID], text: str) -> None:
        super().__init__(db, bus, text)
        self._ids = list(dict.fromkeys(ids))
        self.deleted: frozenset[uuid.UUID] = frozenset()

    def _delete(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        raise NotImplementedError

    def _restore(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        raise NotImplementedError

    def _changed_ids(self, changes: Changes) -> frozenset[uuid.UUID]:
        raise NotImplementedError

    def redo(self) -> None:
        first = not self._done_once
        ids = self._ids if first else sorted(self.deleted)

        def action(session: Session) -> Changes:
            changes = self._delete(session, ids)
            if first:
                self.deleted = self._changed_ids(changes)
            return changes

        self._write(action)
        self._done_once = True
        if first and not self.deleted:
            self.setObsolete(True)

    def undo(self) -> None:
        ids = sorted(self.deleted)
        self._write(lambda session: self._restore(session, ids))


def _one_name(db: Database, rows: Callable[[Session, list[uuid.UUID]], list], key: uuid.UUID):
    with db.reading() as session:
        found = rows(session, [key])
    return found[0].name if found else ""


class DeleteContactsCommand(_DeleteCommand):
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
        super().__init__(db, bus, ids, text)

    def _delete(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        return delete_contacts(session, ids)

    def _restore(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        return restore_contacts(session, ids)

    def _changed_ids(self, changes: Changes) -> frozenset[uuid.UUID]:
        return changes.contacts


class DeleteAccountsCommand(_DeleteCommand):
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
        super().__init__(db, bus, ids, text)

    def _delete(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        return delete_accounts(session, ids)

    def _restore(self, session: Session, ids: Sequence[uuid.UUID]) -> Changes:
        return restore_accounts(session, ids)

    def _changed_ids(self, changes: Changes) -> frozenset[uuid.UUID]:
        return changes.accounts


@dataclass(frozen=True)
class MergePlan:
    """What the user chose: the survivor, the others, and per field whose value survives."""

    survivor: uuid.UUID
    losers: tuple[uuid.UUID, ...]
    chosen: dict[str, uuid.UUID | str]


class MergeContactsCommand(_WriteCommand):
    """Merge on redo, the service's unmerge on undo (so the history shows both)."""

    def __init__(self, db: Database, bus: DataBus, plan: MergePlan, name: str) -> None:
        text = QCoreApplication.translate("MergeContactsCommand", "Merge duplicates of %1")
        super().__init__(db, bus, text.replace("%1", name))
        self._plan = plan
        self.result: MergeResult | None = None

    def redo(self) -> None:
        plan = self._plan

        def action(session: Session) -> Changes:
            self.result = merge_contacts(session, plan.survivor, plan.losers, plan.chosen)
            return self.result.changes

        self._write(action)

    def undo(self) -> None:
        if self.result is not None:
            batch = self.result.batch_id
            self._write(lambda session: unmerge(session, batch).changes)


__all__ = [
    "DeleteAccountsCommand",
    "DeleteContactsCommand",
    "MergeContactsCommand",
    "MergePlan",
    "SaveAccountCommand",
    "SaveContactCommand",
    "contact_label",
]
