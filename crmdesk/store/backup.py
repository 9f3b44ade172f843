"""Copies of a database file: SQLite's online backup API, checked after writing, and back.

The backup API copies a consistent snapshot page by page while other connections read (and
waits out writers between steps), including what still sits in the write-ahead log; a plain
file copy of a WAL database can miss the last commits. Each copy is written under a temporary
name, checked (PRAGMA integrity_check), then renamed: a backup folder never holds half a copy.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.store import encryption
from crmdesk.store.files import APPLICATION_ID, connect_file, is_sqlite_error

BACKUP_FOLDER = "backups"
SUFFIX = ".sqlite3"
_PAGES_A_STEP = 4096  # pages copied between the moments a writer may take its turn


def default_backup_folder(database: Path) -> Path:
    """Where a database's backups go unless the user chose a folder: beside it."""
    return database.parent / BACKUP_FOLDER


def backup_name(database: Path, when: dt.datetime, reason: str) -> str:
    """`crm-20261202-101500-daily.sqlite3`: sortable by time, saying why it was made."""
    return f"{database.stem}-{when:%Y%m%d-%H%M%S}-{reason}{SUFFIX}"


class BackupFailed(KnownError):
    """A copy could not be written or did not check out; nothing was left in its place."""


def copy_database(source: Path, target: Path) -> None:
    """Copy `source` (read-only) into the new file `target`, checked before it is named so."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    partial.unlink(missing_ok=True)
    try:
        with (
            contextlib.closing(connect_file(source, "ro")) as src,
            contextlib.closing(
                connect_file(partial, "rwc", key=encryption.key_for_copy_of(source))
            ) as dst,
        ):
            src.execute("PRAGMA busy_timeout = 5000")
            src.backup(dst, pages=_PAGES_A_STEP)
            dst.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        verify(partial)
        os.replace(partial, target)
    except Exception as exc:
        if not (is_sqlite_error(exc) or isinstance(exc, OSError)):
            raise
        partial.unlink(missing_ok=True)
        raise BackupFailed(
            translatable("Messages", "The backup to %1 failed: %2."),
            translatable(
                "Messages", "Check that the folder exists and has room; nothing was left there."
            ),
            values=(target.parent, exc),
        ) from exc


def verify(path: Path) -> None:
    """A whole crmdesk database, or BackupFailed."""
    with contextlib.closing(connect_file(path, "ro")) as conn:
        try:
            result = conn.execute("PRAGMA integrity_check(1)").fetchall()
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            ours = app_id == APPLICATION_ID or bool(
                conn.execute(
                    "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'"
                ).fetchone()
            )
        except Exception as exc:
            if not is_sqlite_error(exc):
                raise
            result, ours = [], False
    if result != [("ok",)] or not ours:
        raise BackupFailed(
            translatable("Messages", "%1 is not a whole crmdesk database."),
            translatable("Messages", "Choose another backup."),
            values=(path.name,),
        )


@dataclass(frozen=True)
class CopyFacts:
    """What a backup holds, read from it without changing it."""

    path: Path
    size: int
    modified: dt.datetime
    contacts: int | None
    accounts: int | None
    revision: str | None


def copy_facts(path: Path) -> CopyFacts:
    """Size, time and counts of a backup (None where the file cannot tell)."""
    stat = path.stat()
    counts: list[int | None] = [None, None]
    revision = None
    with (
        contextlib.suppress(sqlite3.Error, *encryption.errors()),
        contextlib.closing(connect_file(path, "ro")) as conn,
    ):
        for n, table in enumerate(("contacts", "accounts")):
            counts[n] = conn.execute(
                f"SELECT count(*) FROM {table} WHERE deleted_at IS NULL"
            ).fetchone()[0]
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    modified = dt.datetime.fromtimestamp(stat.st_mtime).astimezone()
    return CopyFacts(path, stat.st_size, modified, counts[0], counts[1], revision)


def copy_into(backup: Path, database: Path) -> None:
    """Replace the contents of the open-able `database` with `backup`'s, through the backup
    API into the live file (SQLite takes its write lock and rewrites the log consistently, so
    a crash half-way leaves the old contents)."""
    with (
        contextlib.closing(connect_file(backup, "ro")) as src,
        contextlib.closing(connect_file(database, "rw")) as dst,
    ):
        dst.execute("PRAGMA busy_timeout = 5000")
        src.backup(dst, pages=_PAGES_A_STEP)
        dst.execute("PRAGMA journal_mode = WAL")
        dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
