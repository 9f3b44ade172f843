"""Backups of the data file: made daily and on request, kept in rotation, restored safely.

A backup is a whole, checked copy (store/backup.py) named by its time and reason in a folder
beside the database or one the user chose (a USB stick, a synced folder). Rotation keeps the
newest copy of each of the last 7 days, 4 weeks and 12 months that have one (like restic's
--keep-daily/weekly/monthly). A restore first keeps the current file as a backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.services import settings as stored
from crmdesk.store.backup import (
    BackupFailed,
    CopyFacts,
    backup_name,
    copy_database,
    copy_facts,
    copy_into,
    default_backup_folder,
    verify,
)
from crmdesk.store.db import Database
from crmdesk.store.health import is_damage
from crmdesk.store.locking import WriteLock

_STAMP = re.compile(r"-(\d{8}-\d{6})-([a-z-]+)\.sqlite3$")


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go ("" = beside the database) and how many of each kind are kept."""

    KEY: ClassVar[str] = "backups"
    folder: str = ""
    automatic: bool = True
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class Backup:
    """One backup file: when it was made, why, and what it holds."""

    path: Path
    made: dt.datetime
    reason: str
    size: int
    contacts: int | None
    accounts: int | None


def database_file(db: Database) -> Path:
    if db.path is None:
        raise KnownError(
            translatable("Messages", "Only a database file can be backed up here."),
            translatable("Messages", "Back up a server database with its own tools."),
        )
    return db.path


KEEP_AT_MOST = 1000  # copies of one kind: more is a typing slip, and would fill the disk


def save_backup_settings(session: Session, chosen: BackupSettings) -> None:
    """Store where backups go and how many are kept; a folder that is a file, or counts out
    of range, are refused (nothing stored). A folder that does not exist yet is made at the
    next backup (a USB stick may be out now)."""
    folder = Path(chosen.folder).expanduser() if chosen.folder else None
    if folder is not None and not folder.is_absolute():
        raise KnownError(
            translatable("Messages", "The backup folder must be a full path: %1."),
            values=(chosen.folder,),
        )
    if folder is not None and folder.exists() and not folder.is_dir():
        raise KnownError(
            translatable("Messages", "%1 is a file, not a folder."), values=(chosen.folder,)
        )
    for count in (chosen.daily, chosen.weekly, chosen.monthly):
        if not 0 <= count <= KEEP_AT_MOST:
            raise KnownError(
                translatable("Messages", "Keep between 0 and %1 backups of each kind."),
                values=(KEEP_AT_MOST,),
            )
    stored.save(session, chosen)


def backup_settings(db: Database) -> BackupSettings:
    with db.reading() as session:
        return stored.load(session, BackupSettings)


def backup_folder(db: Database, chosen: BackupSettings | None = None) -> Path:
    chosen = chosen or backup_settings(db)
    return (
        Path(chosen.folder).expanduser()
        if chosen.folder
        else default_backup_folder(database_file(db))
    )


def _made(path: Path) -> tuple[dt.datetime, str] | None:
    match = _STAMP.search(path.name)
    if match is None:
        return None
    return dt.datetime.strptime(match[1], "%Y%m%d-%H%M%S"), match[2]


def _describe(path: Path, facts: CopyFacts | None = None) -> Backup:
    facts = facts or copy_facts(path)
    made, reason = _made(path) or (facts.modified.replace(tzinfo=None), "copy")
    return Backup(path, made, reason, facts.size, facts.contacts, facts.accounts)


def backup_now(
    db: Database, folder: Path | None = None, reason: str = "manual", now: dt.datetime | None = None
) -> Backup:
    """A checked copy of the database in `folder` (else the chosen or default one)."""
    source = database_file(db)
    target_folder = folder or backup_folder(db)
    when = now or dt.datetime.now()
    target = target_folder / backup_name(source, when, reason)
    db.wait_for_checkpoint()
    copy_database(source, target)
    return _describe(target)


def list_backups(db: Database, folder: Path | None = None) -> list[Backup]:
    """This database's backups in the folder, newest first."""
    return backups_in(folder or backup_folder(db), database_file(db))


def backups_in(folder: Path, database: Path) -> list[Backup]:
    if not folder.is_dir():
        return []
    found = [
        _describe(p)
        for p in folder.glob(f"{glob_escape(database.stem)}-*.sqlite3")
        if _made(p) is not None
    ]
    return sorted(found, key=lambda b: b.made, reverse=True)


def glob_escape(name: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", name)


def to_keep(made: list[dt.datetime], rules: BackupSettings) -> set[dt.datetime]:
    """The times of the backups rotation keeps: the newest of each of the last `daily` days,
    `weekly` ISO weeks and `monthly` months that have one."""
    keep: set[dt.datetime] = set()
    periods: list[tuple[int, Callable[[dt.datetime], object]]] = [
        (rules.daily, lambda t: t.date()),
        (rules.weekly, lambda t: t.isocalendar()[:2]),
        (rules.monthly, lambda t: (t.year, t.month)),
    ]
    for count, period in periods:
        seen: list[object] = []
        for when in sorted(made, reverse=True):
            key = period(when)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.append(key)
            keep.add(when)
    return keep


def rotate(db: Database, folder: Path | None = None) -> list[Path]:
    """Delete the backups rotation no longer keeps; those deleted."""
    rules = backup_settings(db)
    found = list_backups(db, folder)
    keep = to_keep([b.made for b in found], rules)
    gone = [b.path for b in found if b.made not in keep]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def daily_backup(db: Database, now: dt.datetime | None = None) -> Backup | None:
    """The first start of a day backs the file up (and rotates); None when done already,
    switched off, or there is nothing to back up yet."""
    rules = backup_settings(db)
    if not rules.automatic or db.path is None or db.read_only:
        return None
    when = now or dt.datetime.now()
    folder = backup_folder(db, rules)
    if any(b.made.date() == when.date() for b in backups_in(folder, db.path)):
        return None
    made = backup_now(db, folder, "daily", when)
    rotate(db, folder)
    return made


def preview(path: Path) -> Backup:
    """What a backup holds, checked whole first (BackupFailed otherwise)."""
    verify(path)
    return _describe(path)


def restore(db: Database, backup: Path, now: dt.datetime | None = None) -> Backup:
    """Put `backup`'s contents into the database file, keeping the current contents as a
    backup first; the backup kept. The caller reopens the database afterwards."""
    source = database_file(db)
    folder = backup_folder(db) if not db.read_only else default_backup_folder(source)
    return restore_file(source, backup, folder, now)


def restore_file(
    database: Path, backup: Path, folder: Path, now: dt.datetime | None = None
) -> Backup:
    """`restore` for a file that may be too damaged to open as a Database."""
    verify(backup)
    when = now or dt.datetime.now()
    kept_path = folder / backup_name(database, when, "before-restore")
    lock = WriteLock(database, "crmdesk backup restore")
    with lock.held(30.0):
        try:
            copy_database(database, kept_path)
        except BackupFailed as exc:
            if not _damaged(database, exc):
                raise
            kept_path = kept_path.with_name(kept_path.name.replace("before-restore", "damaged"))
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(database, kept_path)  # as it is: a salvage may still read from it
        try:
            copy_into(backup, database)
        except Exception as exc:  # the live file's header itself is broken: replace the file
            if not is_damage(exc):
                raise
            _replace_file(backup, database)
    return _describe(kept_path)


def _damaged(database: Path, exc: BaseException) -> bool:
    try:
        verify(database)
    except BackupFailed:
        return True
    except Exception:
        return True
    return is_damage(exc)


def _replace_file(backup: Path, database: Path) -> None:
    fresh = database.with_name(f".{database.name}.restoring")
    copy_database(backup, fresh)
    for leftover in ("-wal", "-shm"):
        with contextlib.suppress(FileNotFoundError):
            database.with_name(database.name + leftover).unlink()
    fresh.replace(database)
