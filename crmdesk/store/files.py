"""What marks a crmdesk file and how SQLite is told which file: shared by db, backup, health."""

from __future__ import annotations

from pathlib import Path

# PRAGMA application_id marks our files ("CRMD") so a foreign SQLite file is never migrated.
APPLICATION_ID = 0x43524D44


def sqlite_uri(path: Path, mode: str = "ro") -> str:
    """A SQLite URI for a file, escaped (a `#`, `?` or `%` in a name is part of the name)."""
    return f"{path.absolute().as_uri()}?mode={mode}"
