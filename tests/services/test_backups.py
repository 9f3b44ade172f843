"""Backups: checked copies in rotation, a daily one, a preview, and a restore that keeps the
file as it was."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys

import pytest
from alembic import command
from sqlalchemy import text

from crmdesk.core.errors import KnownError
from crmdesk.services import backups
from crmdesk.services import settings as stored
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store.backup import BackupFailed
from crmdesk.store.db import Database

ENV = {"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8"}


def _count(db: Database) -> int:
    with db.engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM contacts")).scalar_one()


def test_backup_now_is_a_checked_copy_with_counts(db, people):
    made = backups.backup_now(db)
    assert made.path.parent == db.path.parent / "backups"
    assert made.contacts == len(people) and made.reason == "manual"
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert [b.path for b in backups.list_backups(db)] == [made.path]
    assert not list(made.path.parent.glob(".*partial"))


def test_a_chosen_folder_is_used(db, people, tmp_path):
    with db.transaction() as session:
        stored.save(session, backups.BackupSettings(folder=str(tmp_path / "usb")))
    assert backups.backup_now(db).path.parent == tmp_path / "usb"


def test_the_first_start_of_a_day_backs_up_once(db, people):
    day = dt.datetime(2026, 12, 2, 9, 0)
    assert backups.daily_backup(db, day) is not None
    assert backups.daily_backup(db, day.replace(hour=17)) is None
    assert backups.daily_backup(db, day + dt.timedelta(days=1)) is not None
    assert len(backups.list_backups(db)) == 2


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    start = dt.datetime(2025, 1, 1, 12)
    made = [start + dt.timedelta(days=n) for n in range(400)]  # one a day for 400 days
    keep = backups.to_keep(made, backups.BackupSettings())
    newest = made[-1]
    assert {t for t in keep if newest - t < dt.timedelta(days=7)} == set(made[-7:])
    assert len(keep) <= 7 + 4 + 12 and len(keep) >= 12
    months = {(t.year, t.month) for t in keep}
    assert len(months) == 12


def test_rotate_deletes_what_it_does_not_keep(db, people):
    for n in range(10):
        backups.backup_now(db, reason="daily", now=dt.datetime(2026, 11, 1 + n, 8))
    gone = backups.rotate(db)
    # the newest 7 days stay, and 1 November as the newest of its ISO week (a Sunday)
    assert sorted(p.name[4:12] for p in gone) == ["20261102", "20261103"]
    assert len(backups.list_backups(db)) == 8


def test_restore_puts_the_backup_back_and_keeps_the_current_file(db, people):
    made = backups.backup_now(db)
    with db.transaction() as session:
        save_contact(session, ContactDraft(family_name="后", given_name="来"))
    assert _count(db) == len(people) + 1
    kept = backups.restore(db, made.path)
    assert kept.reason == "before-restore" and kept.contacts == len(people) + 1
    db.engine.dispose()
    assert _count(db) == len(people)


def test_a_broken_backup_is_refused_before_anything_changes(db, people, tmp_path):
    junk = tmp_path / "crm-20260101-000000-manual.sqlite3"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x07" * 8000)
    with pytest.raises(BackupFailed):
        backups.restore(db, junk)
    assert _count(db) == len(people)


def test_a_migration_is_preceded_by_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database.open(path)
    command.downgrade(db._alembic_config(), "0006_settings")  # a file of an older crmdesk
    db.dispose()
    Database.open(path).dispose()
    kept = list((tmp_path / "backups").glob("old-*-premigration.sqlite3"))
    assert len(kept) == 1


def test_the_backup_verbs(db, people, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "crmdesk", "--db", str(db.path), *args],
            capture_output=True,
            text=True,
            timeout=120,
            env=ENV,
        )

    made = run("backup", "now", "--to", str(tmp_path / "stick"), "--json")
    assert made.returncode == 0, made.stderr
    listed = run("backup", "list", "--from", str(tmp_path / "stick"), "--json")
    assert '"contacts": 4' in listed.stdout and '"size"' in listed.stdout
    file = listed.stdout.split('"path": "')[1].split('"')[0]
    asked = run("backup", "restore", file)
    assert asked.returncode == 1 and "--yes" in asked.stderr
    done = run("backup", "restore", file, "--yes")
    assert done.returncode == 0, done.stderr
    checked = run("check")
    assert checked.returncode == 0 and "integrity" in checked.stdout


def test_backup_settings_refuse_a_relative_folder_and_absurd_counts(db, tmp_path):
    with db.transaction() as session, pytest.raises(KnownError, match="full path"):
        backups.save_backup_settings(session, backups.BackupSettings(folder="usb/backups"))
    with db.transaction() as session, pytest.raises(KnownError, match="between 0 and 1000"):
        backups.save_backup_settings(session, backups.BackupSettings(daily=10**9))
    assert backups.backup_settings(db) == backups.BackupSettings()


def test_the_daily_and_settings_verbs(db, people, tmp_path):
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "crmdesk", "--db", str(db.path), "backup", *args]
        return subprocess.run(command, capture_output=True, text=True, timeout=120, env=ENV)

    stick = tmp_path / "stick"
    changed = run("settings", "--folder", str(stick), "--monthly", "3", "--json")
    assert changed.returncode == 0, changed.stderr
    assert '"folder_used": "' + str(stick) in changed.stdout and '"monthly": 3' in changed.stdout
    first = run("daily", "--json")
    assert first.returncode == 0 and '"reason": "daily"' in first.stdout, first.stderr
    assert len(list(stick.glob("*-daily.sqlite3"))) == 1
    again = run("daily", "--json")  # once a day: cron may call it hourly
    assert again.returncode == 0 and '"made": null' in again.stdout
    assert len(list(stick.glob("*.sqlite3"))) == 1
    refused = run("settings", "--daily", "-3")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
