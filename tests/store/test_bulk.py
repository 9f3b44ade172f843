"""The one logged bulk-write path: rows written by BulkWriter are stored, logged and indexed as
the ORM stores, logs and indexes the same rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from crmdesk.models import ChangeLogEntry, Contact, Phone
from crmdesk.models.activities import CalendarEvent as Event
from crmdesk.models.changelog import insert_snapshot
from crmdesk.models.enums import ChangeAction, PhoneKind
from crmdesk.store import fulltext
from crmdesk.store.bulk import BulkWriter

CONTACT = {"family_name": "张", "given_name": "三", "organization": "龙腾", "notes": "第一行\n二"}
PHONE = {"number": "139 8765 4321", "kind": PhoneKind.WORK, "e164": "+8613987654321"}


def _stored(session, model, row_id):
    obj = session.get(model, row_id)
    return {c.key: getattr(obj, c.key) for c in model.__table__.columns}


def test_a_bulk_row_is_stored_and_logged_as_the_orm_stores_and_logs_it(db):
    with db.transaction() as session, BulkWriter.for_session(session) as writer:
        cid = writer.add(Contact, CONTACT)
        pid = writer.add(Phone, {**PHONE, "contact_id": cid, "position": 0})
        writer.document(fulltext.CONTACT, cid, "zhang san")
    with db.transaction() as session:
        orm = Contact(**CONTACT)
        session.add(orm)
        session.flush()
    with db.reading() as session:
        bulk_contact = _stored(session, Contact, cid)
        orm_contact = _stored(session, Contact, orm.id)
        skip = {"id", "created_at", "updated_at"}
        assert {k: v for k, v in bulk_contact.items() if k not in skip} == {
            k: v for k, v in orm_contact.items() if k not in skip
        }
        assert bulk_contact["version"] == 1 and bulk_contact["deleted_at"] is None
        for model, row_id in ((Contact, cid), (Phone, pid)):
            logged = session.scalars(
                select(ChangeLogEntry).where(ChangeLogEntry.entity_id == row_id)
            ).one()
            assert (logged.action, logged.field, logged.old) == (ChangeAction.INSERT, "*", None)
            assert logged.new == insert_snapshot(session.get(model, row_id))
        batches = session.scalars(
            select(ChangeLogEntry.batch_id).where(ChangeLogEntry.entity_id.in_([cid, pid]))
        ).all()
        assert len(set(batches)) == 1


def test_an_unlogged_writer_writes_no_log_and_a_callable_default_is_filled(db):
    """Demo data goes in unlogged; a JSON column's `default=list` is stored as the ORM stores it."""
    start = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    with db.engine.begin() as conn, BulkWriter(conn, log=None, indexing=False) as writer:
        event_id = writer.add(Event, {"title": "Visit", "starts_at": start, "ends_at": start})
    with db.reading() as session:
        assert session.scalars(select(ChangeLogEntry)).all() == []
        event = session.get(Event, event_id)
        assert (event.title, event.exdates, event.attendees) == ("Visit", [], [])


def test_a_stale_update_writes_nothing(db):
    with db.transaction() as session, BulkWriter.for_session(session) as writer:
        cid = writer.add(Contact, CONTACT)
    with db.transaction() as session, BulkWriter.for_session(session) as writer:
        assert not writer.update(Contact, cid, 7, {"title": "x"}, {"title": ""})
        assert writer.update(Contact, cid, 1, {"title": "经理"}, {"title": ""})
    with db.reading() as session:
        contact = session.get(Contact, cid)
        assert (contact.title, contact.version) == ("经理", 2)
        logged = session.scalars(
            select(ChangeLogEntry.new).where(
                ChangeLogEntry.entity_id == cid, ChangeLogEntry.field == "title"
            )
        ).all()
        assert logged == ["经理"]


def test_rows_of_many_shapes_are_stored_as_given(db):
    """Rows are built by a function compiled per set of keys (and key by key past a limit of
    shapes): every shape, key order and None lands in its own column."""
    fields = ("family_name", "given_name", "organization", "title", "notes", "website", "nickname")
    given: dict = {}
    with db.transaction() as session, BulkWriter.for_session(session) as writer:
        for n in range(1, 2 ** len(fields)):  # 127 shapes: past the compiled ones' limit
            chosen = [f for i, f in enumerate(fields) if n >> i & 1]
            values: dict = {f: f"{f}-{n}" for f in (reversed(chosen) if n % 3 else chosen)}
            if n % 2:
                values["preferred_channel"] = None
            cid = writer.add(Contact, values)
            given[cid] = values
            writer.add(Phone, {"contact_id": cid, **PHONE, "position": 0})
    with db.reading() as session:
        for cid, values in given.items():
            stored = _stored(session, Contact, cid)
            assert {k: stored[k] for k in values} == values
            phone = session.scalars(select(Phone).where(Phone.contact_id == cid)).one()
            assert phone.number == PHONE["number"]
            logged = session.scalars(
                select(ChangeLogEntry).where(ChangeLogEntry.entity_id == cid)
            ).one()
            assert logged.new == insert_snapshot(session.get(Contact, cid))
