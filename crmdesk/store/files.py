"""What marks a crmdesk file and how SQLite is told which file: shared by db, backup, health."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from crmdesk.store import encryption

# PRAGMA application_id marks our files ("CRMD") so a foreign SQLite file is never migrated.
APPLICATION_ID = 0x43524D44


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A SQLite URI for a file, escaped (a `#`, `?` or `%` in a name is part of the name)."""
    return f"{path.absolute().as_uri()}?mode={mode}"


def connect_file(path: Path, mode: str = "ro", *, key: str | None = None) -> Any:
    """A DB-API connection to a database file (`mode`: ro, rw or rwc): sqlite3 for a plain file,
    SQLCipher for an encrypted one (with `key`, or the passphrase this process unlocked)."""
    key = key if key is not None else encryption.key_for(path)
    if key is not None:
        return encryption.connect(path, key, mode)
    return sqlite3.connect(sqlite_uri(path, mode), uri=True, check_same_thread=False)


def is_sqlite_error(exc: BaseException) -> bool:
    """An error of SQLite's own, through sqlite3 or SQLCipher."""
    return isinstance(exc, (sqlite3.Error, *encryption.errors()))
