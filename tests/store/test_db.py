"""Opening databases: new files are migrated, ours upgraded, anything else refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from sqlalchemy import inspect, text

from crmdesk.core.errors import DatabaseRefused
from crmdesk.models import Base
from crmdesk.store.db import APPLICATION_ID, Database


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_every_table_wal_and_foreign_keys(tmp_path):
    db = Database.open(tmp_path / "new.sqlite3")
    with db.engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        assert set(Base.metadata.tables) <= tables
        assert {"search_fts", "search_refs", "alembic_version"} <= tables
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA application_id")).scalar() == APPLICATION_ID
    db.dispose()


def test_empty_file_is_taken_over_only_when_asked_to(tmp_path):
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with pytest.raises(DatabaseRefused, match="empty file"):
        Database.open(path)
    assert path.stat().st_size == 0
    db = Database.open(path, create=True)
    with db.engine.connect() as conn:
        assert "contacts" in inspect(conn).get_table_names()
    db.dispose()


def test_reopening_keeps_data(tmp_path, db, people):
    path = db.url.database
    db.dispose()
    again = Database.open(path)
    with again.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == len(people)
    again.dispose()


def test_older_file_is_upgraded_to_head(tmp_path):
    """A file at an older revision (here: none applied yet, but stamped ours) is upgraded."""
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
    db = Database.open(path)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert "contacts" in inspect(conn).get_table_names()
    db.dispose()


def test_newer_file_is_refused_and_left_untouched(tmp_path, db):
    path = db.url.database
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    db.dispose()
    before = digest(tmp_path / "crm.sqlite3")
    with pytest.raises(DatabaseRefused, match="newer version"):
        Database.open(path)
    assert digest(tmp_path / "crm.sqlite3") == before


def test_foreign_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "firefox-places.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org')")
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not a crmdesk database"):
        Database.open(path)
    assert digest(path) == before


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\n" * 10)
    with pytest.raises(DatabaseRefused, match="not an SQLite file"):
        Database.open(path)
    assert path.read_text() == "just some notes\n" * 10


def test_a_failed_transaction_writes_nothing(db, people):
    from crmdesk.services.contacts import ContactDraft, save_contact

    with pytest.raises(RuntimeError), db.transaction() as session:
        save_contact(session, ContactDraft(family_name="半", given_name="途"))
        raise RuntimeError("power cut")
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM contacts")).scalar() == len(people)
        assert conn.execute(text("SELECT count(*) FROM search_refs")).scalar() == len(people)


def test_a_big_commit_is_checkpointed_after_it_not_inside_it(tmp_path):
    db = Database.open(tmp_path / "wal.sqlite3")
    path = tmp_path / "wal.sqlite3"
    db.wait_for_checkpoint()
    before = path.stat().st_size
    with db.transaction() as session:
        assert session.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
        session.execute(text("CREATE TABLE blobs (b BLOB)"))
        session.execute(
            text("INSERT INTO blobs SELECT randomblob(4000) FROM json_each(:n)"),
            {"n": "[" + ",".join(["0"] * 1000) + "]"},
        )
    db.wait_for_checkpoint()
    # the 4 MB are in the database file itself, copied there by the background checkpoint
    # (the committing connection never checkpoints: its automatic checkpoint is off)
    assert path.stat().st_size - before >= 4_000_000
    db.dispose()


def test_the_planner_has_statistics_after_open_and_after_a_demo(tmp_path):
    """Without sqlite_stat1 SQLite sorts 100k contacts through the wrong index (seconds)."""
    from crmdesk.demo.build import build_demo

    path = tmp_path / "stats.sqlite3"
    db = Database.open(path)
    build_demo(db, 300)
    with db.engine.connect() as conn:
        stats = dict(conn.exec_driver_sql("SELECT idx, stat FROM sqlite_stat1").all())
    db.dispose()
    assert int(stats["ix_contacts_sort_key"].split()[0]) == 300

    with sqlite3.connect(path) as raw:
        raw.execute("DROP TABLE sqlite_stat1")
    Database.open(path).dispose()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT count(*) FROM sqlite_stat1").fetchone()[0] > 0


def test_the_revisions_read_at_start_up_agree_with_alembic():
    """Opening reads the migration files itself (Alembic is imported only to upgrade)."""
    from alembic.script import ScriptDirectory

    from crmdesk.store.db import _alembic_config, migration_revisions

    script = ScriptDirectory.from_config(_alembic_config())
    known, head = migration_revisions()
    assert head == script.get_current_head()
    assert known == {r.revision for r in script.walk_revisions()}


def test_an_older_files_sort_keys_and_index_follow_the_surname_readings(tmp_path):
    """A file written before family names were read as surnames (曾 was 'ceng') is brought up
    to date once, on open: the sort key, and the index that finds 曾伟 as 'zengwei'."""
    from crmdesk.services.contacts import ContactDraft, ContactFilter, contact_ids, save_contact
    from crmdesk.store.db import DERIVED_DATA

    path = tmp_path / "old.sqlite3"
    db = Database.open(path)
    with db.transaction() as session:
        zeng, _ = save_contact(session, ContactDraft(family_name="曾", given_name="伟"))
        save_contact(session, ContactDraft(family_name="Smith", given_name="Ann"))
    with db.engine.begin() as conn:  # as an older crmdesk left it
        conn.exec_driver_sql("UPDATE contacts SET sort_key = 'ceng wei' WHERE family_name = '曾'")
        conn.exec_driver_sql(
            "UPDATE search_fts SET body = '曾 伟 cengwei cw ceng wei' WHERE rowid ="
            " (SELECT rowid FROM search_refs WHERE ref = ?)",
            (zeng.hex,),
        )
        conn.exec_driver_sql("PRAGMA user_version = 0")
        logged = conn.exec_driver_sql("SELECT count(*) FROM change_log").scalar()
    db.dispose()

    def found(database, query):
        with database.reading() as session:
            return contact_ids(session, ContactFilter(search=query))

    db = Database.open(path)
    with db.engine.connect() as conn:
        keys = dict(conn.execute(text("SELECT family_name, sort_key FROM contacts")).all())
        assert conn.exec_driver_sql("PRAGMA user_version").scalar() == DERIVED_DATA
    assert keys == {"曾": "zeng wei", "Smith": "smith ann"}
    assert found(db, "zengwei") == [zeng] and found(db, "cengwei") == []
    with db.reading() as session:  # derived data: not an edit in the history
        assert session.execute(text("SELECT count(*) FROM change_log")).scalar() == logged
    db.dispose()


def test_the_quick_check_is_skipped_only_for_a_file_unchanged_since_it_was_found_whole(
    tmp_path, monkeypatch
):
    from crmdesk.store import db as db_module

    path = tmp_path / "c.sqlite3"
    Database.open(path).dispose()
    checks: list[object] = []
    real = db_module.quick_check
    monkeypatch.setattr(db_module, "quick_check", lambda conn: checks.append(1) or real(conn))
    Database.open(path).dispose()
    assert checks == []  # unchanged since our own last close
    with sqlite3.connect(path) as conn:  # another program writes
        conn.execute("CREATE TABLE other_program (x)")
    Database.open(path).dispose()
    assert checks == [1]
