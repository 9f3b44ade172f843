"""The database: an engine built from a URL, SQLite pragmas, migrations on open, sessions.

`Database.open(path_or_url)` is the one way in. It refuses a file that is not a crmdesk
database or was written by a newer crmdesk (never touching it), upgrades an older one, and hands
out sessions whose writes are change-logged and kept in the full-text index.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson
from platformdirs import user_data_path
from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, UOWTransaction, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from crmdesk.core.errors import DatabaseRefused, KnownError
from crmdesk.core.texts import Text, translatable
from crmdesk.models import Account, Address, Contact, Email, Phone
from crmdesk.models.changelog import record_changes, to_json_value
from crmdesk.models.names import contact_sort_key
from crmdesk.store import encryption, fulltext
from crmdesk.store.backup import backup_name, copy_database, default_backup_folder
from crmdesk.store.files import APPLICATION_ID, connect_file, is_sqlite_error
from crmdesk.store.health import (
    DatabaseDamaged,
    checked_clean,
    is_damage,
    mark_checked,
    quick_check,
    storage_error,
)
from crmdesk.store.locking import WriteLock

if TYPE_CHECKING:
    from alembic.config import Config

APP_NAME = "crmdesk"
MIGRATIONS = Path(__file__).parent / "migrations"


def default_database_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "crmdesk.sqlite3"


DEMO_FILE_NAME = "crmdesk-demo.sqlite3"


def demo_database_path() -> Path:
    """Where demo data goes unless told otherwise: beside the default file, never in it."""
    return default_database_path().with_name(DEMO_FILE_NAME)


def database_url(target: str | Path) -> URL:
    """A SQLAlchemy URL from a URL string or a plain file path."""
    target = str(target)
    if "://" in target:
        return make_url(target)
    return URL.create("sqlite+pysqlite", database=str(Path(target).expanduser().resolve()))


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    dbapi_connection.execute("PRAGMA busy_timeout = 5000")
    dbapi_connection.execute("PRAGMA query_only = ON")


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    for pragma in (
        "journal_mode = WAL",
        "foreign_keys = ON",
        "synchronous = NORMAL",
        "busy_timeout = 5000",
        "temp_store = MEMORY",
        "cache_size = -32000",
        # checkpoints run on a thread of their own after the commit (see _Checkpointer)
        "wal_autocheckpoint = 0",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def json_column_text(value: object) -> str:
    """JSON columns (the change log's values): compact, Chinese as itself, by orjson — a big
    import logs every row it writes, and json.dumps took 2 of its seconds per 100k rows."""
    return orjson.dumps(value, default=to_json_value, option=orjson.OPT_NON_STR_KEYS).decode()


class _Checkpointer:
    """Copies committed pages from the write-ahead log into the database file on a thread of its
    own, after each commit: the pattern SQLite documents for applications that cannot let a
    commit wait. Its automatic checkpoint runs inside the commit that crosses 1000 pages, so the
    user of a 100k-row import waited 1.8 s more with the import done (the commit alone: 0.3 s).

    A checkpoint that cannot finish (a reader still on older pages) loses nothing: the pages stay
    in the log, readable, and the next commit's checkpoint copies them."""

    def __init__(self, path: str) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._again = False

    def request(self) -> None:
        """Checkpoint soon (once more after the running one, if one runs)."""
        with self._lock:
            if self._thread is not None:
                self._again = True
                return
            self._thread = threading.Thread(target=self._run, name="crmdesk-checkpoint")
            self._thread.start()

    def _run(self) -> None:
        while True:
            try:
                with contextlib.closing(connect_file(Path(self._path), "rw")) as conn:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
            except Exception as exc:
                if not is_sqlite_error(exc) and not isinstance(exc, KnownError):
                    raise
                logging.getLogger(__name__).warning("checkpoint of %s: %s", self._path, exc)
            with self._lock:
                if not self._again:
                    self._thread = None
                    return
                self._again = False

    def wait(self) -> None:
        """Until no checkpoint runs."""
        while (thread := self._thread) is not None:
            thread.join()


@dataclass
class _Touched:
    contacts: set[uuid.UUID]
    accounts: set[uuid.UUID]


def refresh_statistics(conn: Connection, tables: Iterable[str] = ()) -> None:
    """Let SQLite's planner know the tables' shapes after a bulk load (a demo, an import): all
    tables, or the `tables` the load wrote to (the others keep their figures).

    Without sqlite_stat1 it guesses, and picks the deleted_at index for a sorted list or a phone
    lookup (seconds instead of milliseconds). A full ANALYZE (0.6 s for 100k contacts) is needed:
    a sampled one (analysis_limit) misjudges an all-NULL deleted_at as selective."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("PRAGMA analysis_limit = 0")
        for name in tables or [""]:
            conn.exec_driver_sql(
                f"ANALYZE {conn.dialect.identifier_preparer.quote(name)}" if name else "ANALYZE"
            )


# How far a table's row count may drift from what sqlite_stat1 says before a bulk load measures
# it again: the planner's choices rest on the shape (how selective each index is), which a
# load of the same kind of rows does not change; SQLite's own PRAGMA optimize waits for 10x.
STATISTICS_DRIFT = 2.0


def refresh_stale_statistics(conn: Connection, tables: Iterable[str]) -> list[str]:
    """Re-measure (ANALYZE) those of `tables` that have no statistics yet or whose row count
    is now more than STATISTICS_DRIFT times off what they say; the tables measured.

    A full ANALYZE after every import cost 3.2 s once the contacts were 190k."""
    if conn.dialect.name != "sqlite":
        return []
    recorded: dict[str, int] = {}
    for table, stat in conn.exec_driver_sql("SELECT tbl, stat FROM sqlite_stat1").all():
        recorded[table] = max(recorded.get(table, 0), int(str(stat).split()[0]))
    quote = conn.dialect.identifier_preparer.quote
    stale = []
    for table in tables:
        rows = conn.exec_driver_sql(f"SELECT count(*) FROM {quote(table)}").scalar_one()
        known = recorded.get(table)
        if known is None or not known / STATISTICS_DRIFT <= rows <= known * STATISTICS_DRIFT:
            stale.append(table)
    if stale:
        refresh_statistics(conn, stale)
    return stale


# PRAGMA user_version: the way of working out derived data (contacts' sort keys and their
# full-text entries) a file's rows follow. Raise it when that way changes: opening an older
# file brings its rows up to date once. 1: family names read as surnames (曾 zeng, 单 shan);
# 2: the index's tokens (fulltext.TOKENS_VERSION: an underscore joins an identifier).
DERIVED_DATA = 2


def refresh_derived_data(conn: Connection) -> list[uuid.UUID]:
    """Work contacts' sort keys out again and re-index those that changed (derived data, so
    not change-logged); the contacts changed."""
    table = Contact.__table__
    changed = [
        {"contact": cid, "key": key}
        for cid, family, given, organization, old in conn.execute(
            select(
                table.c.id,
                table.c.family_name,
                table.c.given_name,
                table.c.organization,
                table.c.sort_key,
            )
        )
        if (key := contact_sort_key(family, given, organization)) != old
    ]
    if changed:
        conn.execute(
            update(table)
            .where(table.c.id == bindparam("contact"))
            .values(sort_key=bindparam("key")),
            changed,
        )
        fulltext.reindex(conn, fulltext.CONTACT, [c["contact"] for c in changed])
    return [c["contact"] for c in changed]


def _touched_by_flush(session: Session) -> _Touched:
    touched = _Touched(set(), set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Contact):
            touched.contacts.add(obj.id)
        elif isinstance(obj, Account):
            touched.accounts.add(obj.id)
        elif isinstance(obj, Phone | Email | Address):
            for owner_id, bucket in (
                (obj.contact_id, touched.contacts),
                (obj.account_id, touched.accounts),
            ):
                if owner_id is not None:
                    bucket.add(owner_id)
            for owner in (obj.contact, obj.account):
                if owner is not None:
                    (touched.contacts if isinstance(owner, Contact) else touched.accounts).add(
                        owner.id
                    )
    return touched


def _reindex_after_flush(session: Session, _ctx: UOWTransaction) -> None:
    """Keep the full-text index in the same transaction as the rows it describes."""
    touched = _touched_by_flush(session)
    conn = session.connection()
    fulltext.reindex(conn, fulltext.CONTACT, touched.contacts)
    fulltext.reindex(conn, fulltext.ACCOUNT, touched.accounts)


def _mark_committed(conn: Connection) -> None:
    conn.info["committed"] = True  # ConnectionEvents.commit runs before the commit itself


def _new_batch(session: Session) -> None:
    session.info.pop("batch_id", None)


class ReadOnlyDatabase(KnownError):
    """A write asked of a database opened read-only (another window has it open)."""


class Database:
    """An open crmdesk database: the engine and the factory of its sessions.

    Every write transaction holds the file's write lock (store/locking.py): `write_wait` is how
    long it waits for another program's write, telling `on_wait` once; `program` is what the
    lock file says this program is."""

    write_wait: float = 3.0
    on_wait: Callable[[Text], None] | None = None

    def __init__(
        self, engine: Engine, *, program: str = "crmdesk", read_only: bool = False
    ) -> None:
        self.engine = engine
        self.read_only = read_only
        self.path: Path | None = (
            Path(engine.url.database)
            if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:")
            else None
        )
        self.write_lock = WriteLock(self.path, program) if self.path is not None else None
        self.checked = False  # found whole on opening (then its own writes keep it so)
        self.damaged = False
        self.session_factory = sessionmaker(engine, expire_on_commit=False)
        event.listen(self.session_factory, "after_flush", record_changes)
        event.listen(self.session_factory, "after_flush", _reindex_after_flush)
        event.listen(self.session_factory, "after_commit", _new_batch)
        event.listen(self.session_factory, "after_rollback", _new_batch)
        self._checkpointer: _Checkpointer | None = None
        if self.path is not None and not read_only:
            self._checkpointer = _Checkpointer(str(self.path))
            event.listen(engine, "commit", _mark_committed)
            event.listen(engine, "checkin", self._checked_in)

    def _checked_in(self, _dbapi_connection: object, record: ConnectionPoolEntry) -> None:
        """A connection back in the pool after a commit (a session's or engine.begin()'s): its
        transaction is over, so a checkpoint can copy what it wrote."""
        if record.info.pop("committed", False) and self._checkpointer is not None:
            self._checkpointer.request()

    @classmethod
    def open(
        cls,
        target: str | Path | None = None,
        *,
        upgrade: bool = True,
        create: bool = False,
        read_only: bool = False,
        check: bool = True,
        program: str = "crmdesk",
        passphrase: str | None = None,
    ) -> Database:
        """Open (creating or upgrading as needed) the database at a path or URL.

        A file is first looked at read-only: refused untouched when it is not ours, newer, or
        damaged (`check`: SQLite's quick check); a zero-byte or empty SQLite file not made by
        crmdesk is taken over only with `create`. `read_only` opens without writing anything.
        An encrypted file needs its `passphrase` (PassphraseNeeded without or with a wrong one)."""
        url = database_url(target or default_database_path())
        sqlite_file = url.get_backend_name() == "sqlite" and bool(url.database)
        key = None
        if sqlite_file:
            path = Path(str(url.database))
            key = _check_sqlite_file(
                path, create=create, check=check, read_only=read_only, passphrase=passphrase
            )
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            encryption.opened(path, encrypted=key is not None)
        if key is not None:
            encryption.unlock(key)
        engine = _engine(url, read_only=read_only and sqlite_file, key=key)
        db = cls(engine, program=program, read_only=read_only)
        db.checked = check and sqlite_file
        if upgrade and not read_only:
            try:
                db.migrate()
            except Exception as exc:
                db.engine.dispose()
                raise storage_error(exc, target) or exc from exc
        return db

    @property
    def url(self) -> URL:
        return self.engine.url

    def migrate(self) -> None:
        """Bring the schema to this program's newest revision, refusing files we don't own.

        Alembic is imported only when there is something to upgrade (it costs 0.2 s of start-up,
        and most opens find the file current)."""
        with self.engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            current = (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if "alembic_version" in tables
                else None
            )
            app_id = self._application_id(conn)
        _refuse_foreign_or_newer(str(self.url.database), app_id, current, bool(tables))
        if current != migration_revisions()[1]:
            from alembic import command

            if current is not None and self.path is not None:  # keep the file as it was
                when = dt.datetime.now()
                copy_database(
                    self.path,
                    default_backup_folder(self.path) / backup_name(self.path, when, "premigration"),
                )

            command.upgrade(self._alembic_config(), "head")
        if self.engine.dialect.name == "sqlite" and app_id != APPLICATION_ID:
            with self.engine.begin() as conn:
                conn.execute(text(f"PRAGMA application_id = {APPLICATION_ID}"))
        if self.engine.dialect.name == "sqlite":
            with self.engine.begin() as conn:
                followed = conn.exec_driver_sql("PRAGMA user_version").scalar_one()
                if followed < DERIVED_DATA:
                    refresh_derived_data(conn)
                    if followed < fulltext.TOKENS_VERSION:  # every entry's tokens changed
                        fulltext.rebuild(conn)
                    conn.exec_driver_sql(f"PRAGMA user_version = {DERIVED_DATA}")
                if not conn.execute(
                    text("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'")
                ).first():
                    refresh_statistics(conn)

    def _application_id(self, conn: Connection) -> int | None:
        if self.engine.dialect.name != "sqlite":
            return None
        value = conn.execute(text("PRAGMA application_id")).scalar()
        return None if value is None else int(value)

    def _alembic_config(self) -> Config:
        return _alembic_config(self.engine)

    @contextlib.contextmanager
    def transaction(self, actor: str | None = None) -> Iterator[Session]:
        """One user action: a session whose work commits together or not at all, under the
        file's write lock (so what it reads first is still so when it writes)."""
        if self.read_only:
            raise ReadOnlyDatabase(
                translatable("Messages", "This database is open read-only."),
                translatable("Messages", "Another crmdesk window has it open; make changes there."),
            )
        held = (
            self.write_lock.held(self.write_wait, self.on_wait)
            if self.write_lock is not None
            else contextlib.nullcontext()
        )
        with self._in_words(), held, self.session_factory() as session, session.begin():
            if actor is not None:
                session.info["actor"] = actor
            yield session

    @contextlib.contextmanager
    def reading(self) -> Iterator[Session]:
        """A short read-only session (rolled back at the end, so nothing can be written)."""
        with self._in_words(), self.session_factory() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def _in_words(self) -> Iterator[None]:
        """A damaged page or a lock held too long becomes a KnownError of one line."""
        try:
            yield
        except Exception as exc:
            if (known := storage_error(exc, self.path or self.url)) is not None:
                self.damaged = self.damaged or isinstance(known, DatabaseDamaged)
                raise known from exc
            raise

    def wait_for_checkpoint(self) -> None:
        """Until the checkpoint after the last commit (if any runs) is done."""
        if self._checkpointer is not None:
            self._checkpointer.wait()

    def dispose(self) -> None:
        """Close every connection (the last one to close checkpoints the rest of the log)."""
        self.wait_for_checkpoint()
        self.engine.dispose()
        if self.path is not None and self.checked and not self.damaged and not self.read_only:
            mark_checked(self.path)  # what this program wrote since its check is whole


def _alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


@functools.cache
def migration_revisions() -> tuple[frozenset[str], str]:
    """(every schema revision this program knows, the newest), read from the migration files."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text("utf-8")
        revision = re.search(r"^revision\b[^=]*=\s*['\"]([^'\"]+)", source, re.MULTILINE)
        down = re.search(r"^down_revision\b[^=]*=\s*['\"]([^'\"]+)", source, re.MULTILINE)
        if revision:
            revisions.add(revision[1])
        if down:
            parents.add(down[1])
    heads = revisions - parents
    if len(heads) != 1:
        raise RuntimeError(f"crmdesk's migrations must have one head, not {sorted(heads)}")
    return frozenset(revisions), heads.pop()


def _refuse_foreign_or_newer(
    name: str, app_id: int | None, revision: str | None, has_tables: bool
) -> None:
    if revision is None and has_tables and app_id != APPLICATION_ID:
        raise DatabaseRefused(
            translatable("Messages", "%1 is not a crmdesk database."),
            translatable("Messages", "Choose a crmdesk database file or a new file name."),
            values=(name,),
        )
    if revision is not None and revision not in migration_revisions()[0]:
        raise DatabaseRefused(
            translatable("Messages", "%1 was written by a newer version of crmdesk."),
            translatable("Messages", "Update crmdesk to open it; the file was left untouched."),
            values=(name,),
        )


def _engine(url: URL, *, read_only: bool, key: str | None = None) -> Engine:
    """The engine for a URL; a URL without its driver, or of no known kind, in one line.
    An encrypted file (`key`) is reached through SQLCipher's DB-API, so its errors are wrapped
    and worded as sqlite3's are."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        if read_only or key is not None:
            path = Path(str(url.database))
            mode = "ro" if read_only else "rwc"
            engine = create_engine(
                url,
                json_serializer=json_column_text,
                creator=lambda: connect_file(path, mode, key=key),
                **({"module": encryption.module()} if key is not None else {}),
            )
            event.listen(engine, "connect", _read_only_pragmas if read_only else _sqlite_pragmas)
            return engine
        engine = create_engine(url, json_serializer=json_column_text)
    except (NoSuchModuleError, ArgumentError) as exc:
        raise DatabaseRefused(
            translatable("Messages", "%1 is not a kind of database crmdesk can open."),
            translatable("Messages", "Give the path of a database file, or a sqlite:///PATH URL."),
            values=(url.render_as_string(hide_password=True),),
        ) from exc
    except ImportError as exc:
        raise DatabaseRefused(
            translatable("Messages", "No driver for %1 databases is installed (%2)."),
            translatable(
                "Messages", "Install the driver with pip, or give the path of a database file."
            ),
            values=(url.get_backend_name(), getattr(exc, "name", None) or exc),
        ) from exc
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class EmptyDatabaseFile(DatabaseRefused):
    """A zero-byte or table-less SQLite file not made by crmdesk: ask before taking it over."""


_CHOOSE_FILE = translatable(
    "Messages", "Give the path of a crmdesk database file (for example crmdesk.sqlite3)."
)


def _check_not_a_file(path: Path) -> None:
    if path.is_dir():
        raise DatabaseRefused(
            translatable("Messages", "%1 is a folder, not a database file."),
            translatable("Messages", "Give a file inside it, for example %1."),
            values=(path,),
            hint_values=(path / "crmdesk.sqlite3",),
        )
    if not path.is_file():
        raise DatabaseRefused(
            translatable("Messages", "%1 is not a regular file."), _CHOOSE_FILE, values=(path,)
        )


def _empty_file(path: Path, what: str) -> EmptyDatabaseFile:
    return EmptyDatabaseFile(
        what,
        translatable("Messages", "To make it a new crmdesk database, open it again with --create."),
        values=(path,),
    )


def _check_sqlite_file(
    path: Path,
    *,
    create: bool = False,
    check: bool = True,
    read_only: bool = False,
    passphrase: str | None = None,
) -> str | None:
    """Refuse, through a read-only connection and before any pragma can change the file, a file
    that is not SQLite, not ours, newer than this program, damaged, or empty and not ours.
    Returns the passphrase an encrypted file opened with (None for a plain file)."""
    if not path.exists():
        if read_only:
            raise DatabaseRefused(
                translatable("Messages", "%1 does not exist."), _CHOOSE_FILE, values=(path,)
            )
        return None
    _check_not_a_file(path)
    try:
        with path.open("rb") as f:
            header = f.read(16)
    except OSError as exc:
        raise DatabaseRefused(
            translatable("Messages", "%1 cannot be read: %2."), values=(path, exc.strerror)
        ) from exc
    if not header and not create:
        raise _empty_file(path, translatable("Messages", "%1 is an empty file (0 bytes)."))
    if not header:
        return None
    key = None
    if header != b"SQLite format 3\x00" and encryption.looks_encrypted(path):
        if not passphrase:
            raise encryption.needs_passphrase(path)
        key = passphrase
    elif header != b"SQLite format 3\x00":
        raise DatabaseRefused(
            translatable("Messages", "%1 is not a crmdesk database (not an SQLite file)."),
            translatable("Messages", "Choose a crmdesk database file or a new file name."),
            values=(path,),
        )
    try:
        with contextlib.closing(connect_file(path, "ro", key=key)) as conn:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if "alembic_version" in tables
                else None
            )
            _refuse_foreign_or_newer(
                str(path), app_id, revision[0] if revision else None, bool(tables)
            )
            if not tables and app_id != APPLICATION_ID and not create:
                raise _empty_file(
                    path,
                    translatable("Messages", "%1 is an empty SQLite database not made by crmdesk."),
                )
            if check and tables and not checked_clean(path):
                if not quick_check(conn):
                    raise DatabaseDamaged(path)
                mark_checked(path)
    except KnownError:
        raise
    except Exception as exc:
        if not is_sqlite_error(exc):
            raise
        if is_damage(exc):
            raise DatabaseDamaged(path) from exc
        raise DatabaseRefused(
            translatable("Messages", "%1 cannot be read: %2."), values=(path, exc)
        ) from exc
    return key
