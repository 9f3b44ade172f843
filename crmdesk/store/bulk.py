"""The one logged bulk-write path: many rows written beside the ORM, in the caller's transaction,
change-logged and indexed as ORM writes are.

- `TableRows` builds a table's rows as the driver binds them (defaults for what a row leaves
  out, each value through its column type's bind processor, as Core's insert() would).
- `BulkWriter` queues rows of many tables, writes them parents first in multi-row statements
  (`store.statements`), logs each new entity row with `changelog.entry` /
  `changelog.new_row_snapshot` (an import is undoable like any edit) and indexes the full-text
  bodies it is given (`fulltext.contact_body` / `account_body` make them). A `background`
  writer runs each flush on a thread of its own while the caller prepares the next rows.
- `BulkWriter.update` is a stale-checked UPDATE of one row, logged field by field.

Importing uses it, and so does every later bulk job (demo data without a log: `log=None`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
import threading
import uuid
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from sqlalchemy import Column, Connection, Dialect, String, Table, Uuid
from sqlalchemy.orm import Session

from crmdesk.models import Base, new_id, utcnow
from crmdesk.models.changelog import (
    ENTRY_FIELDS,
    SNAPSHOT_FIELD,
    ChangeLogEntry,
    batch_columns,
    column_defaults,
    entry,
    new_row_snapshot,
    to_json_value,
)
from crmdesk.models.enums import ChangeAction
from crmdesk.store import fulltext
from crmdesk.store.statements import full_statement_rows, insert_rows

Failing = Callable[[], contextlib.AbstractContextManager[None]]
"""Wraps a flush's statements: turns a database error into the caller's own (naming lines)."""
FailingAt = Callable[[int], contextlib.AbstractContextManager[None]]
"""The same, given the first line (as the caller numbers rows) of the rows the statements write."""

_Statement = tuple[str, list[str], list[tuple[Any, ...]]]  # table, columns, rows: SQL to insert
_JSON_READY = (str, int, float, bool, type(None))
# tables other tables refer to: their rows go in with the flush that queued them
_REFERENCED = frozenset(
    fk.column.table for t in Base.metadata.tables.values() for fk in t.foreign_keys
)
_ENTITY_COMMON = ("created_at", "updated_at", "version")
_MOST_SHAPES = 64  # compiled row builders a table keeps (an import makes a handful)


class Ids:
    """Time-ordered UUIDv7 keys for bulk rows, as `new_id` makes them at a quarter of the cost:
    each block starts from a fresh `new_id()` and counts up in its random bits (RFC 9562's
    monotonic method), so keys still sort in the order they were made."""

    BLOCK = 1 << 16

    def __init__(self) -> None:
        self._next = self._left = 0

    def restart(self) -> None:
        """The next key starts a block after every key `new_id` has made so far."""
        self._left = 0

    def __call__(self) -> uuid.UUID:
        return uuid.UUID(int=self._advance())

    def hex(self) -> str:
        """The next key as a UUID column holds it on SQLite (UUID.hex), no UUID made."""
        return f"{self._advance():032x}"

    def _advance(self) -> int:
        if not self._left:
            self._next = new_id().int & ~(1 << 61)  # room to count up below the variant bits
            self._left = self.BLOCK
        self._next += 1
        self._left -= 1
        return self._next


def bind_processor(column: Column[Any], dialect: Dialect) -> Callable[[Any], Any] | None:
    """What Core would bind a value of the column as; text as a plain str, so that a StrEnum
    (a phone's kind) is not adapted by sqlite3 through its adapter lookup, value by value."""
    processor = column.type.dialect_impl(dialect).bind_processor(dialect)
    if processor is None and isinstance(column.type, String):
        return str
    return processor


class TableRows:
    """The rows of one table, built as the driver binds them, and those queued to be written.

    A row is given as a mapping of column keys to Python values; what it leaves out takes the
    column's default (an entity's created/updated time `now` and version 1; `constants` for
    columns every row shares). A given None is bound as the type binds it (JSON null for a
    JSON column, as the ORM writes a None it is given)."""

    def __init__(
        self,
        table: Table,
        dialect: Dialect,
        *,
        now: dt.datetime | None = None,
        constants: Mapping[str, Any] | None = None,
        statement_rows: int = 1,
    ) -> None:
        quote = dialect.identifier_preparer.quote
        self.table = table
        # an Entity is change-logged; its name a plain str (sqlite3 binds a str subclass such
        # as SQLAlchemy's quoted_name through its adapter lookup: ~0.7 s a 300k-row log)
        self.entity = str(table.name) if "version" in table.c else ""
        columns = list(table.columns)
        self.names = {c.key: quote(c.name) for c in columns}
        self.position = {c.key: i for i, c in enumerate(columns)}
        self.processors = {c.key: bind_processor(c, dialect) for c in columns}
        self.nulls = {k: None if p is None else _bound_none(p) for k, p in self.processors.items()}
        self.defaults = column_defaults(table)
        # callable defaults (a JSON column's empty list) made once; the row's id is made per row
        self.made = {
            c.key: c.default.arg(None)  # type: ignore[attr-defined]
            for c in columns
            if c.default is not None
            and c.default.is_callable
            and c.key != "id"
            and c.key not in _ENTITY_COMMON
        }
        row = {**self.defaults, **self.made}  # in column order
        if self.entity:
            at = now or utcnow()
            row.update(created_at=at, updated_at=at, version=1)
        row.update(constants or {})
        self.template = [self.bind(k, v) for k, v in row.items()]
        self.keyed = "id" in table.c and table.c.id.default is not None
        self._id_at = self.position.get("id", -1)
        probe = new_id()
        id_processor = self.processors.get("id")
        self._hex_ids = id_processor is not None and id_processor(probe) == probe.hex
        self._hex_keys = frozenset(
            c.key for c in columns if isinstance(c.type, Uuid) and self._hex_ids
        )
        self._shapes: dict[tuple[str, ...], Callable[..., tuple[Any, ...]]] = {}
        self.table_sql = quote(table.name)
        self.columns_sql = [quote(c.name) for c in columns]
        self.params: list[tuple[Any, ...]] = []
        # rows in a whole statement: a writer may keep a remainder short of one for its next
        # flush; (rows, first line of their flush) of what is queued
        self.statement_rows = statement_rows
        self._flushes: list[list[int]] = []

    def bind(self, key: str, value: Any) -> Any:
        """The value as the driver takes it for this column."""
        processor = self.processors[key]
        if value is None:
            return self.nulls[key]
        return value if processor is None else processor(value)

    def quoted(self, key: str) -> str:
        return self.names[key]

    def row(
        self, values: Mapping[str, Any], row_id: uuid.UUID | str | None = None
    ) -> tuple[Any, ...]:
        """A row as bound for the driver: the template, the given values bound over it, and
        `row_id` (a UUID, or its hex as `Ids.hex` gives it) as its id. Rows come in a few
        shapes (the keys a job fills), each built by a function compiled once (`shaped`)."""
        keys = tuple(values)
        build = self._shapes.get(keys)
        if build is None:
            if len(self._shapes) >= _MOST_SHAPES:
                return self._row_by_key(values, row_id)
            build = self._shapes[keys] = self.shaped(keys)
        return build(tuple(values.values()), row_id)

    def _row_by_key(
        self, values: Mapping[str, Any], row_id: uuid.UUID | str | None
    ) -> tuple[Any, ...]:
        """`row` without a compiled shape, key by key (a job of very many shapes)."""
        params = self.template.copy()
        position, processors, nulls = self.position, self.processors, self.nulls
        for key, value in values.items():
            if value is None:
                params[position[key]] = nulls[key]
            else:
                processor = processors[key]
                params[position[key]] = value if processor is None else processor(value)
        if row_id is not None:
            params[self._id_at] = (
                row_id if isinstance(row_id, str) else processors["id"](row_id)  # type: ignore[misc]
            )
        return tuple(params)

    def shaped(self, keys: tuple[str, ...]) -> Callable[..., tuple[Any, ...]]:
        """`row` for values given as a tuple in `keys` order, compiled once for those keys: the
        change log's entries (hundreds of thousands an import) are built this way, at the cost
        of a hand-written tuple."""
        slots = {k: self.position[k] for k in keys}
        env: dict[str, Any] = {"_t": self.template, "_pid": self.processors.get("id")}
        lines = [
            "def build(values, row_id=None):",
            f"    {', '.join(f'v{i}' for i in range(len(keys)))}, = values",
            "    p = _t.copy()",
        ]
        for i, (key, at) in enumerate(slots.items()):
            env[f"_p{i}"], env[f"_n{i}"] = self.processors[key], self.nulls[key]
            bound = f"v{i}" if self.processors[key] is None else f"_p{i}(v{i})"
            if key in self._hex_keys:  # a key given as its bound hex is bound already
                bound = f"(v{i} if v{i}.__class__ is str else {bound})"
            lines.append(f"    p[{at}] = _n{i} if v{i} is None else {bound}")
        lines += [
            "    if row_id is not None:",
            f"        p[{self._id_at}] = row_id if row_id.__class__ is str else _pid(row_id)",
            "    return tuple(p)",
        ]
        exec("\n".join(lines), env)
        return env["build"]  # type: ignore[no-any-return]

    def bound_id(self, row_id: uuid.UUID) -> uuid.UUID | str:
        """The key as the id column binds it where that is its hex, so it is bound once."""
        return row_id.hex if self._hex_ids else row_id

    def new_id(self, ids: Ids) -> uuid.UUID | str:
        """A key for a row of this table: its bound hex where that is what the column holds."""
        return ids.hex() if self._hex_ids else ids()

    def snapshot(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """What the row's INSERT entry keeps (`changelog.new_row_snapshot`); the JSON column's
        serializer converts the values as `to_json_value` does."""
        if self.made:
            values = {**self.made, **values}
        return new_row_snapshot(self.defaults, values)

    def take(self, line: int, everything: bool) -> tuple[_Statement, int]:
        """The table, its columns and the rows to insert now, and the first line of the earliest
        flush they come from (`line`, this flush's, when none come from an earlier one). All of
        them, or only whole statements' worth unless `everything`, the rest staying queued."""
        queued = sum(rows for rows, _ in self._flushes)
        if len(self.params) > queued:
            self._flushes.append([len(self.params) - queued, line])
        count = len(self.params)
        if not everything:
            count -= count % self.statement_rows
        taken, self.params = self.params[:count], self.params[count:]
        earliest = self._flushes[0][1] if taken else line
        while count:
            rows = min(count, self._flushes[0][0])
            self._flushes[0][0] -= rows
            count -= rows
            if not self._flushes[0][0]:
                del self._flushes[0]
        return (self.table_sql, self.columns_sql, taken), earliest


def _bound_none(processor: Callable[[Any], Any]) -> Any:
    """What a processor binds None as: None for most types, "null" for JSON."""
    if processor is str:
        return None
    try:
        return processor(None)
    except (TypeError, AttributeError):
        return None


class BulkWriter:
    """Inserts many rows a statement through one connection (so, in its transaction), with a
    change-log entry per inserted entity in the form the ORM hook writes them and full-text
    entries as `fulltext` writes them: what it writes is logged, undoable and searchable like
    any other write. `log` holds what the entries share (`changelog.batch_columns`); None
    writes no log (a demo load). `for_session` makes one for a session's transaction.

    A `background` writer runs each flush's statements on a thread of its own while the caller
    prepares the next rows: SQLite releases the GIL while it inserts and indexes, so the two
    overlap on a second core. One flush runs at a time, in order; `connection()` waits for it
    before handing the connection back. Use it as a context manager, so that no statement is
    still running when the caller's transaction ends."""

    def __init__(
        self,
        conn: Connection,
        *,
        log: Mapping[str, Any] | None,
        background: bool = False,
        indexing: bool = True,
    ) -> None:
        self.conn = conn
        self._thread = ThreadPoolExecutor(1, "crmdesk-bulk-write") if background else None
        self._running: tuple[Future[None], Failing] | None = None
        self._indexing = indexing
        self.now = log["at"] if log is not None else utcnow()
        self.ids = Ids()
        self._pending: dict[Table, TableRows] = {}
        self._log_rows = (
            self._table_rows(ChangeLogEntry.__table__, constants=log) if log is not None else None
        )
        self._log_row = self._log_rows.shaped(ENTRY_FIELDS) if self._log_rows else None
        self._by_model: dict[Any, TableRows] = {}
        self._documents: list[tuple[str, uuid.UUID, str]] = []

    @classmethod
    def for_session(cls, session: Session, *, background: bool = False) -> BulkWriter:
        """A logged writer in the session's transaction, its entries in the session's batch."""
        return cls(session.connection(), log=batch_columns(session), background=background)

    def _table_rows(self, table: Table, constants: Mapping[str, Any] | None = None) -> TableRows:
        whole = 1 if table in _REFERENCED else full_statement_rows(self.conn, len(table.columns))
        return TableRows(
            table, self.conn.dialect, now=self.now, constants=constants, statement_rows=whole
        )

    def rows(self, table: Table) -> TableRows:
        """The queue (and row builder) of a table."""
        if table not in self._pending:
            self._pending[table] = self._table_rows(table)
        return self._pending[table]

    def add(self, model: type[Base] | Table, values: Mapping[str, Any]) -> uuid.UUID:
        """Queue a new row of an entity (change-logged when the writer logs); its id (made
        unless `values` gives one)."""
        rows = self._by_model.get(model)
        if rows is None:
            rows = self._by_model[model] = self.rows(
                model if isinstance(model, Table) else model.__table__
            )
        row_id = values.get("id") or self.ids()
        # bound once, for the row and its log entry (a UUID's hex costs ~1 µs a call)
        key = rows.bound_id(row_id)
        rows.params.append(rows.row(values, key))
        if self._log_rows is not None and rows.entity:
            snapshot = (
                rows.snapshot(values) if rows.made else new_row_snapshot(rows.defaults, values)
            )
            self.log(ChangeAction.INSERT, rows.entity, key, SNAPSHOT_FIELD, None, snapshot)
        return row_id

    def link(self, table: Table, values: Mapping[str, Any]) -> None:
        """Queue a row of a table without an id of its own (an association such as contact_tags)."""
        rows = self.rows(table)
        rows.params.append(rows.row(values))

    def log(
        self, action: ChangeAction, entity: str, entity_id: uuid.UUID | str, name: str, old: Any,
        new: Any,
    ) -> None:  # fmt: skip
        """Queue a change-log entry (`changelog.entry`) in the writer's batch (`entity_id` a
        UUID or its bound hex)."""
        rows, build = self._log_rows, self._log_row
        if rows is not None and build is not None:
            values = entry(action, entity, entity_id, name, old, new)
            rows.params.append(build(values, rows.new_id(self.ids)))

    def document(self, entity: str, ref: uuid.UUID, body: str) -> None:
        """A full-text entry for a row this writer inserts (it has none yet)."""
        self._documents.append((entity, ref, body))

    def update(
        self, model: type[Base], row_id: uuid.UUID, version: int, changed: Mapping[str, Any],
        old: Mapping[str, Any],
    ) -> bool:  # fmt: skip
        """UPDATE one row's `changed` columns if it is still at `version` (its version goes
        up, its updated time is the writer's), each change logged as an ORM edit logs it
        (`old` holds the values before). False, and nothing written, when it was not."""
        rows = self.rows(model.__table__)
        assignments = [*(f"{rows.quoted(k)} = ?" for k in changed), "updated_at = ?"]
        done = self.connection().exec_driver_sql(
            f"UPDATE {rows.table_sql} SET {', '.join(assignments)}, version = version + 1"
            " WHERE id = ? AND version = ?",
            (
                *(rows.bind(k, v) for k, v in changed.items()),
                rows.bind("updated_at", self.now),
                rows.bind("id", row_id),
                version,
            ),
        )
        if done.rowcount != 1:
            return False
        for name, value in changed.items():
            before = old.get(name)
            self.log(ChangeAction.UPDATE, rows.entity, row_id, name,
                     None if before is None else _json_value(before),
                     None if value is None else _json_value(value))  # fmt: skip
        return True

    def flush(self, failing: Failing = contextlib.nullcontext) -> None:
        """Insert everything queued: parents before children, then log and index entries.

        `failing()` wraps the statements (a background flush's error is raised by the next
        flush, `connection()` or `wait()`, still wrapped by it)."""
        self._run(self._take(0, everything=True)[0], failing)

    def flush_rows(self, first: int, failing: FailingAt, *, final: bool) -> None:
        """Insert the rows queued since line `first`, but for a remainder short of a whole
        statement of a table nothing refers to, which waits for the next flush (the `final`
        one writes everything). `failing(line)` wraps the statements, given the first line of
        the earliest flush whose rows they write."""
        statements, earliest = self._take(first, everything=final)
        self._run(statements, lambda: failing(earliest))

    def _take(self, line: int, *, everything: bool) -> tuple[list[_Statement], int]:
        tables = Base.metadata.sorted_tables
        queues = [self._pending[t] for t in tables if t in self._pending]
        if self._log_rows is not None:
            queues.append(self._log_rows)
        statements, earliest = [], line
        for queue in queues:
            statement, first = queue.take(line, everything)
            statements.append(statement)
            earliest = min(earliest, first)
        return statements, earliest

    def _queued(self) -> bool:
        queues = [*self._pending.values(), *([self._log_rows] if self._log_rows else [])]
        return bool(self._documents) or any(q.params for q in queues)

    def _run(self, statements: list[_Statement], failing: Failing) -> None:
        documents, self._documents = self._documents, []
        self.ids.restart()
        self.wait()
        if self._thread is None:
            with failing():
                self._execute(statements, documents)
        else:
            self._running = (self._thread.submit(self._execute, statements, documents), failing)

    def _execute(
        self, statements: list[_Statement], documents: list[tuple[str, uuid.UUID, str]]
    ) -> None:
        for table, columns, rows in statements:
            insert_rows(self.conn, table, columns, rows)
        if documents:
            fulltext.add_entries(self.conn, documents)

    def wait(self) -> None:
        """Until the flush under way has run; its error, if it failed."""
        if self._running is not None:
            future, failing = self._running
            self._running = None
            with failing():
                future.result()

    def connection(self) -> Connection:
        """The connection, for statements of the caller's own, once no flush is running."""
        self.wait()
        return self.conn

    def __enter__(self) -> BulkWriter:
        with contextlib.ExitStack() as stack:
            if self._indexing:
                stack.enter_context(fulltext.bulk_loading(self.conn))
            if self._thread is not None:
                stack.enter_context(GIL_HANDOFFS.quick())
            stack.push(self._finish)  # first out: no statement runs once indexing is done
            self._exit = stack.pop_all()
        return self

    def __exit__(self, *error: Any) -> bool | None:
        return self._exit.__exit__(*error)

    def _finish(self, error: type[BaseException] | None, *_: Any) -> None:
        try:
            if self._running is not None and error is not None:
                self._running[0].exception()  # let it end; the caller's error is the one raised
                self._running = None
            elif error is None and self._queued():
                self.flush()  # rows kept for a next flush that did not come
            self.wait()
        finally:
            if self._thread is not None:
                self._thread.shutdown()


def _json_value(value: Any) -> Any:
    return value if isinstance(value, _JSON_READY) else to_json_value(value)


class GilHandoffs:
    """While a background writer runs, threads hand the GIL over after 0.5 ms instead of
    Python's 5: the writer needs it for a moment before each statement (to bind its values)
    and would wait out the other thread's whole switch interval each time. Back to what it
    was once no writer runs."""

    INTERVAL = 0.0005

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._writers = 0
        self._before = 0.0

    @contextlib.contextmanager
    def quick(self) -> Iterator[None]:
        with self._lock:
            if not self._writers:
                self._before = sys.getswitchinterval()
                sys.setswitchinterval(self.INTERVAL)
            self._writers += 1
        try:
            yield
        finally:
            with self._lock:
                self._writers -= 1
                if not self._writers:
                    sys.setswitchinterval(self._before)


GIL_HANDOFFS = GilHandoffs()


__all__ = [
    "GIL_HANDOFFS",
    "BulkWriter",
    "Failing",
    "FailingAt",
    "GilHandoffs",
    "Ids",
    "TableRows",
    "bind_processor",
    "full_statement_rows",
    "insert_rows",
]
