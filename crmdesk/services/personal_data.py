"""What the data-protection law asks of a CRM for one person: everything held about them in one
file, and erasing them, their values in the change log included.

"Held about them" is found from the schema, not a list kept by hand: the contact's row, every
row of every table with a foreign key to contacts (their phones, e-mails, addresses, tags,
activities, orders, events, cases … whatever wing added it), and the change-log entries of
all those rows. Erasing purges the contact with its own parts (phones, e-mails, addresses,
tags, search entry), unlinks the rest (an order stays the account's, without the person), and
deletes every change-log entry that held their values; the freed pages are overwritten
(SQLite's secure_delete), so the values are not left in the file either."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.export.atomic import write_atomically
from crmdesk.models import Contact
from crmdesk.models.base import Base, utcnow
from crmdesk.models.changelog import ChangeLogEntry, to_json_value
from crmdesk.services import contacts, history
from crmdesk.services.changes import Changes

FORMAT = "crmdesk personal data 1"
_OWN_PARTS = ("phones", "emails", "addresses", "contact_tags")  # erased with the person


@dataclass(frozen=True)
class PersonalExport:
    path: Path
    rows: int
    log_entries: int


@dataclass(frozen=True)
class Erasure:
    """What an erasure removed: the person's rows, the rows unlinked from them, log entries."""

    contact_id: uuid.UUID
    rows_removed: int
    rows_unlinked: int
    log_entries_removed: int
    changes: Changes


def _referring(contact_table: Table) -> list[tuple[Table, str]]:
    """(table, column) of every foreign key to contacts.id in the schema."""
    found = []
    for table in Base.metadata.sorted_tables:
        for fk in table.foreign_keys:
            if fk.column.table is contact_table and fk.column.name == "id":
                found.append((table, fk.parent.name))
    return found


def personal_data(session: Session, contact_id: uuid.UUID) -> dict[str, Any]:
    """Everything held about one contact, as JSON values: their row, the rows pointing at
    them (by table) and the change-log entries of all of those."""
    table = Contact.__table__
    row = session.execute(select(table).where(table.c.id == contact_id)).mappings().first()
    if row is None:
        raise RecordNotFound("There is no contact %1.", values=(contact_id.hex,))
    held: dict[str, list[dict[str, Any]]] = {}
    ids = {contact_id}
    for other, column in _referring(table):
        rows = session.execute(select(other).where(other.c[column] == contact_id)).mappings()
        found = [{k: to_json_value(v) for k, v in r.items()} for r in rows]
        if found:
            held.setdefault(other.name, []).extend(found)
            ids.update(uuid.UUID(r["id"]) for r in found if r.get("id"))
    log = _log_entries(session, ids)
    return {
        "format": FORMAT,
        "exported_at": utcnow().isoformat(),
        "contact": {k: to_json_value(v) for k, v in row.items()},
        "related": held,
        "change_log": [
            {
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": str(e.action),
                "entity": e.entity,
                "entity_id": str(e.entity_id),
                "field": e.field,
                "old": e.old,
                "new": e.new,
            }
            for e in log
        ],
    }


def _log_entries(session: Session, ids: set[uuid.UUID]) -> list[ChangeLogEntry]:
    found: list[ChangeLogEntry] = []
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        found += session.scalars(
            select(ChangeLogEntry)
            .where(ChangeLogEntry.entity_id.in_(chunk[start : start + 500]))
            .order_by(ChangeLogEntry.at, ChangeLogEntry.id)
        ).all()
    return found


def export_personal_data(
    session: Session, contact_id: uuid.UUID, path: str | Path
) -> PersonalExport:
    """Write personal_data as one JSON file, whole or not at all."""
    data = personal_data(session, contact_id)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False)
    written = write_atomically(path, text.encode("utf-8"))
    rows = 1 + sum(len(v) for v in data["related"].values())
    return PersonalExport(written, rows, len(data["change_log"]))


def erase_contact(session: Session, contact_id: uuid.UUID) -> Erasure:
    """Erase one contact for good, in the caller's transaction: their own rows deleted, other
    rows unlinked from them, and every change-log entry of those rows deleted, so no undo or
    history can bring their values back."""
    exported = personal_data(session, contact_id)  # also: the contact exists
    ids = {contact_id} | {
        uuid.UUID(r["id"]) for rows in exported["related"].values() for r in rows if r.get("id")
    }
    session.connection().exec_driver_sql("PRAGMA secure_delete = ON")
    unlinked = 0
    for other, column in _referring(Contact.__table__):
        if other.name in _OWN_PARTS:
            continue
        if other.c[column].nullable:
            unlinked += _count(
                session.execute(
                    update(other).where(other.c[column] == contact_id).values({column: None})
                )
            )
        else:  # a row that means nothing without the person (a role they held)
            unlinked += _count(session.execute(delete(other).where(other.c[column] == contact_id)))
    contacts.delete_contacts(session, [contact_id])
    changes = contacts.purge_contacts(session, [contact_id])
    removed = _delete_log(session, ids)
    history.note_batch(session, "erasure", {"contacts": 1, "at": dt.date.today()})
    own = sum(len(exported["related"].get(name, [])) for name in _OWN_PARTS)
    return Erasure(contact_id, 1 + own, unlinked, removed, changes)


def _delete_log(session: Session, ids: set[uuid.UUID]) -> int:
    removed = 0
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        removed += _count(
            session.execute(
                delete(ChangeLogEntry).where(
                    ChangeLogEntry.entity_id.in_(chunk[start : start + 500])
                )
            )
        )
    session.flush()
    return removed


def _count(result: Any) -> int:
    """The rows an UPDATE or DELETE touched (a CursorResult's rowcount)."""
    return int(result.rowcount)
