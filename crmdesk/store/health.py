"""Is the file whole: SQLite's own checks, its errors in the user's words, and a salvage.

SQLite reports a damaged page as SQLITE_CORRUPT ("database disk image is malformed") and a
write lock held too long as SQLITE_BUSY ("database is locked"); both reach crmdesk wrapped in
SQLAlchemy errors that carry the statement and its values. `storage_error` turns either into
a KnownError of one line, with no SQL and no values in it.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from crmdesk.core.errors import DatabaseRefused, KnownError
from crmdesk.core.texts import translatable
from crmdesk.store.files import APPLICATION_ID, connect_file, is_sqlite_error, sqlite_uri

_CORRUPT, _BUSY, _LOCKED, _NOTADB = 11, 5, 6, 26
_DAMAGE_WORDS = ("malformed", "not a database", "database corruption", "corrupt")


class DatabaseDamaged(DatabaseRefused):
    """The file is corrupt; nothing may be written into it."""

    def __init__(self, path: object) -> None:
        super().__init__(
            translatable("Messages", "%1 is damaged: the database file is corrupt."),
            translatable(
                "Messages",
                "Nothing was written to it. Restore a backup (crmdesk backup list) or salvage "
                "what can be read (crmdesk check --salvage NEW_FILE).",
            ),
            values=(path,),
        )


class DatabaseLocked(KnownError):
    """Another program held SQLite's write lock longer than we waited."""

    def __init__(self, path: object) -> None:
        super().__init__(
            translatable("Messages", "%1 is locked by another program that is writing to it."),
            translatable("Messages", "Try again when it has finished; nothing was changed."),
            values=(path,),
        )


def _sqlite_error(exc: BaseException) -> sqlite3.Error | None:
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return None
        if is_sqlite_error(seen):
            return seen  # type: ignore[return-value]
        orig = getattr(seen, "orig", None)
        seen = orig if isinstance(orig, BaseException) else (seen.__cause__ or seen.__context__)
    return None


def is_damage(exc: BaseException) -> bool:
    error = _sqlite_error(exc)
    if error is None:
        return False
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (_CORRUPT, _NOTADB) or any(w in str(error).lower() for w in _DAMAGE_WORDS)


def is_locked(exc: BaseException) -> bool:
    error = _sqlite_error(exc)
    if error is None:
        return False
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    return code in (_BUSY, _LOCKED) or "database is locked" in str(error)


def storage_error(exc: BaseException, path: object) -> KnownError | None:
    """The KnownError a SQLite failure stands for (damage, a lock), or None for another one."""
    if isinstance(exc, KnownError):
        return None
    if is_damage(exc):
        return DatabaseDamaged(path)
    if is_locked(exc):
        return DatabaseLocked(path)
    return None


def quick_check(conn: sqlite3.Connection) -> bool:
    """SQLite's quick check (pages and b-trees, not index contents): True when whole."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except Exception as exc:
        if not is_sqlite_error(exc):
            raise
        return False
    return rows == [("ok",)]


CHECKED_SUFFIX = ".checked"


def _file_state(path: Path) -> list[int]:
    state: list[int] = []
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            stat = part.stat()
            # an empty log (a reader opened the file) holds nothing: as good as none
            state += [stat.st_size, stat.st_mtime_ns, stat.st_ino] if stat.st_size else [0, 0, 0]
        except OSError:
            state += [0, 0, 0]
    return state


def checked_clean(path: Path) -> bool:
    """The file (and its log) are as they were when last found whole: the quick check, 7 s
    for a 870 MB file, need not run again. A program that wrote and died, another program's
    write, or bytes changed on disk all change the size or time, and the check runs."""
    try:
        stamp = json.loads(path.with_name(path.name + CHECKED_SUFFIX).read_text())
        return bool(stamp == _file_state(path))
    except (OSError, ValueError):
        return False


def mark_checked(path: Path) -> None:
    """Remember the file as whole in its present state (beside it; nothing if we cannot)."""
    with contextlib.suppress(OSError):
        path.with_name(path.name + CHECKED_SUFFIX).write_text(json.dumps(_file_state(path)))


@dataclass(frozen=True)
class Health:
    """What `crmdesk check` found."""

    integrity: list[str]
    search_index: str

    @property
    def ok(self) -> bool:
        return self.integrity == ["ok"] and self.search_index == "ok"


def examine(path: Path) -> Health:
    """The full integrity check and the search index's own check, through a read-only
    connection (SQLCipher's for an encrypted file this process unlocked)."""
    with contextlib.closing(connect_file(path, "ro")) as conn:
        try:
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check(20)")]
        except Exception as exc:
            if not is_sqlite_error(exc):
                raise
            integrity = [str(exc)]
        try:
            conn.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
            search = "ok"
        except Exception as exc:
            if not is_sqlite_error(exc):
                raise
            # read-only: an intact index is checked by the integrity check above; a damaged
            # one surfaces as "malformed" there or here
            search = "ok" if "readonly" in str(exc) else str(exc)
    return Health(integrity, search)


def salvage(source: Path, target: Path) -> str:
    """Copy what can be read of a damaged file into a new one; the way it was done.

    SQLite's `.recover` (the sqlite3 program, when installed) reads past damaged pages; where
    it is missing or fails (3.40's stops at a damaged FTS5 table), the tables are copied row
    range by row range, skipping what cannot be read. The search index is not copied: the new
    file is marked (user_version 0) so opening it rebuilds the index from the rows."""
    if target.exists():
        raise KnownError(
            translatable("Messages", "%1 already exists."),
            translatable("Messages", "Give the name of a new file."),
            values=(target,),
        )
    way = "recover" if _recover(source, target) else "copy"
    if way == "copy":
        target.unlink(missing_ok=True)
        _copy_tables(source, target)
    with contextlib.closing(sqlite3.connect(target)) as conn:
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'search_fts%'"
        ).fetchall():
            with contextlib.suppress(sqlite3.Error):
                conn.execute(f'DROP TABLE IF EXISTS "{name}"')
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute("PRAGMA user_version = 0")  # derived data and the index are made anew
        conn.commit()
    return way


def _recover(source: Path, target: Path) -> bool:
    program = shutil.which("sqlite3")
    if program is None:
        return False
    dump = subprocess.run(
        [program, str(source), ".recover"], capture_output=True, timeout=3600, check=False
    )
    if dump.returncode != 0 or not dump.stdout:
        return False
    load = subprocess.run(
        [program, "-bail", str(target)], input=dump.stdout, capture_output=True, timeout=3600,
        check=False,
    )  # fmt: skip
    return load.returncode == 0 and not load.stderr


_RANGE = 500  # rows read a step; a damaged page costs at most the rows of its range


def _copy_tables(source: Path, target: Path) -> None:
    with contextlib.closing(sqlite3.connect(sqlite_uri(source), uri=True)) as old, \
            contextlib.closing(sqlite3.connect(target)) as new:  # fmt: skip
        schema = old.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
            "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%' "
            "ORDER BY type = 'table' DESC"
        ).fetchall()
        for kind, name, sql in schema:
            if kind == "table":
                new.execute(sql)
                _copy_rows(old, new, name)
        for kind, _name, sql in schema:
            if kind != "table":
                with contextlib.suppress(sqlite3.Error):
                    new.execute(sql)
        new.commit()


def _copy_rows(old: sqlite3.Connection, new: sqlite3.Connection, table: str) -> None:
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        top = old.execute(f"SELECT max(rowid) FROM {quoted}").fetchone()[0] or 0
    except sqlite3.DatabaseError:
        top = 10_000_000
    for start in range(0, top + 1, _RANGE):
        try:
            rows = old.execute(
                f"SELECT * FROM {quoted} WHERE rowid >= ? AND rowid < ?",
                (start, start + _RANGE),
            ).fetchall()
        except sqlite3.DatabaseError:
            continue
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            new.executemany(f"INSERT OR IGNORE INTO {quoted} VALUES ({marks})", rows)
