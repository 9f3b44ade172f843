"""0015_event_contacts: a file from before it keeps each event's contact, now in the link table."""

from __future__ import annotations

import sqlite3
import uuid

from alembic import command
from sqlalchemy import create_engine

from crmdesk.services.calendar import draft_of
from crmdesk.services.timeline import timeline
from crmdesk.store import db as dbm
from crmdesk.store.db import Database


def insert(conn: sqlite3.Connection, table: str, **values: object) -> None:
    """A row as the older file's schema holds it: the given values, every other NOT NULL
    column an empty value of its type."""
    for _cid, name, kind, notnull, _default, _pk in conn.execute(f"PRAGMA table_info({table})"):
        if notnull and name not in values:
            empty = {"JSON": "[]", "DATETIME": "2026-01-05 00:00:00", "DATE": "2026-01-05"}
            values[name] = empty.get(kind, 0 if kind in ("INTEGER", "BOOLEAN") else "")
    names = ", ".join(values)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(values))})",
                 tuple(values.values()))


def test_an_older_files_event_keeps_its_contact(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(dbm._alembic_config(engine), "0009_service")
    engine.dispose()
    contact, linked, alone = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    with sqlite3.connect(path) as conn:
        insert(conn, "contacts", id=contact.hex, family_name="周", given_name="敏")
        for event_id, who in ((linked, contact.hex), (alone, None)):
            insert(conn, "calendar_events", id=event_id.hex, title="拜访", kind="visit",
                   status="confirmed", starts_at="2026-03-04 02:00:00",
                   ends_at="2026-03-04 03:00:00", time_zone="UTC", contact_id=who)  # fmt: skip
    db = Database.open(path)  # upgrades on open
    try:
        with db.reading() as session:
            assert draft_of(session, linked).contact_ids == [contact]
            assert draft_of(session, alone).contact_ids == []
            assert [i.id for i in timeline(session, contact_id=contact)] == [linked]
    finally:
        db.dispose()
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT event_id, contact_id FROM event_contacts").fetchall()
        head = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert rows == [(linked.hex, contact.hex)]
    assert head == (dbm.migration_revisions()[1],)  # and on to the newest
