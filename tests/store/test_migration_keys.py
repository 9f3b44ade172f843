"""Migrations rebuild tables with SQLite's foreign keys off (its own procedure for it): with
them on, dropping the old table deleted its children through ON DELETE CASCADE, and checked
every child row of every dropped row (a 0001 file with 112k events took over 30 minutes)."""

from __future__ import annotations

import sqlite3
import uuid

from alembic import command
from sqlalchemy import create_engine

from crmdesk.store import db as dbm
from crmdesk.store.db import Database
from tests.store.test_event_contacts_migration import insert


def test_an_old_files_rebuilt_events_keep_their_reminders_and_keys_are_on_again(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    command.upgrade(dbm._alembic_config(engine), "0003_activity_people")
    engine.dispose()
    event, reminder = uuid.uuid4(), uuid.uuid4()
    with sqlite3.connect(path) as conn:
        insert(conn, "calendar_events", id=event.hex, title="拜访", kind="visit",
               status="confirmed", starts_at="2026-03-04 02:00:00",
               ends_at="2026-03-04 03:00:00", time_zone="UTC")  # fmt: skip
        insert(conn, "event_reminders", id=reminder.hex, event_id=event.hex, minutes_before=30)
    db = Database.open(path)  # 0004 rebuilds calendar_events, later ones more
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            kept = conn.exec_driver_sql("SELECT id, event_id FROM event_reminders").all()
    finally:
        db.dispose()
    assert [(uuid.UUID(r[0]), uuid.UUID(r[1])) for r in kept] == [(reminder, event)]
