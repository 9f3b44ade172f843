"""The demo's bulk load: rows buffered per table, written parents first through store/bulk.

Rows arrive in storage form; for entity tables the loader appends the common columns
(created_at/updated_at from the id's timestamp, no deleted_at, version 1) and the storage form
of every other column's default, then store/bulk.py writes them. The secondary indexes of the
loaded tables are dropped for the load and re-created from their stored SQL at the end, all in
the caller's transaction, so a rollback (a failure, a cancel) restores them. Other databases
than SQLite take SQLAlchemy's typed insert() instead.

Demo data is a bulk load, not user edits: nothing is written to the change log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, insert, text
from sqlalchemy.engine import Dialect

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.demo.clock import stamp
from crmdesk.models import Base
from crmdesk.store import bulk

Progress = Callable[[int, int], None]
Rows = list[tuple[Any, ...]]

COMMON = ("created_at", "updated_at", "deleted_at", "version")
FLUSH_ROWS = 20_000
_REFERENCED = frozenset(
    fk.column.table.name for t in Base.metadata.tables.values() for fk in t.foreign_keys
)


class TableRows:
    """The buffered rows of one table, the columns they fill and the defaults of the rest."""

    def __init__(
        self, table: Table, columns: Sequence[str], dialect: Dialect, statement_rows: int = 1
    ) -> None:
        self.table = table
        self.statement_rows = statement_rows  # rows a write takes at a time, but for the last
        names = set(table.columns.keys())
        unknown = [c for c in columns if c not in names]
        if unknown:
            raise ValueError(f"{table.name} has no column(s) {unknown}")
        self.entity = "id" in names and set(COMMON) <= names
        rest = [c for c in table.columns if c.key not in columns]
        if self.entity:
            rest = [c for c in rest if c.key not in COMMON]
        self.defaults = tuple(_stored_default(table, column, dialect) for column in rest)
        self.columns = (*columns, *(COMMON if self.entity else ()), *(c.key for c in rest))
        self.rows: Rows = []
        self.written = 0

    def take(self, everything: bool) -> Rows:
        """The buffered rows to write now (all, or whole statements' worth unless
        `everything`: the rest waits for the next write), completed."""
        count = len(self.rows)
        if not everything:
            count -= count % self.statement_rows
        taken = self.rows[:count]
        del self.rows[:count]
        self.written += count
        return self.complete(taken)

    def complete(self, rows: Rows) -> Rows:
        """`rows` with the common columns and defaults added."""
        if not self.entity:
            return [(*row, *self.defaults) for row in rows]
        tail = (None, 1, *self.defaults)
        stamps: dict[str, str] = {}
        full = []
        for row in rows:
            prefix = row[0][:12]  # the id's milliseconds
            moment = stamps.get(prefix)
            if moment is None:
                moment = stamps[prefix] = stamp(int(prefix, 16))
            full.append((*row, moment, moment, *tail))
        return full


def _stored_default(table: Table, column: Any, dialect: Dialect) -> Any:
    """The storage form of a column's default (None for a nullable column without one)."""
    default = column.default
    if default is not None and default.is_scalar:
        value = default.arg
    elif default is not None and default.is_callable:
        value = default.arg(None)
    elif column.nullable:
        value = None
    else:
        raise ValueError(f"{table.name}.{column.key} needs a value in the demo")
    processor = column.type._cached_bind_processor(dialect)
    return processor(value) if processor and value is not None else value


class Loader:
    """Buffers rows per table, writes them in table order, reports progress, obeys a cancel."""

    def __init__(
        self,
        conn: Connection,
        typed: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        loaded: Sequence[str],
    ) -> None:
        self.conn = conn
        self.typed = typed
        self.progress = progress or (lambda _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        self.loaded = tuple(loaded)  # the tables whose indexes are dropped for the load
        self.tables: dict[str, TableRows] = {}
        self.expected = 1  # rows, estimated once the plan is made
        self.indexes: list[str] = []
        self.started = False

    def open(self, table: Table, columns: Sequence[str]) -> None:
        """Take rows for `table`; tables are written in the order they were opened.

        A table no other refers to is written in whole statements of one shape, its remainder
        kept for the next write (each statement shape is compiled and cached by the
        connection); a referenced one is written whole, before the rows that refer to it."""
        if table.name not in self.tables:
            referenced = table.name in _REFERENCED
            whole = 1 if referenced or self.typed else bulk.full_statement_rows(
                self.conn, len(table.columns)
            )
            self.tables[table.name] = TableRows(table, columns, self.conn.dialect, whole)

    def rows(self, table: str) -> Rows:
        """The buffer to append `table`'s rows to."""
        return self.tables[table].rows

    def check(self) -> None:
        if self.cancelled():
            raise KnownError(
                translatable("Messages", "Creating the demo data was cancelled; nothing was saved.")
            )

    def maybe_flush(self) -> None:
        if sum(len(t.rows) for t in self.tables.values()) >= FLUSH_ROWS:
            self.flush()

    def flush(self, everything: bool = False) -> None:
        """Write the buffered rows, parents first (all of them when `everything`)."""
        self.check()
        for table in self.tables.values():
            if table.rows:
                self._write(table, everything)
        if not self.started:
            self._start_bulk_load()
        self.progress(min(self.written, self.expected), self.total)

    @property
    def written(self) -> int:
        return sum(t.written for t in self.tables.values())

    def _write(self, table: TableRows, everything: bool) -> None:
        full = table.take(everything)
        if not full:
            return
        if self.typed:
            self._write_typed(table, full)
        else:
            bulk.insert_rows(self.conn, table.table.name, table.columns, full)

    def _write_typed(self, table: TableRows, rows: Rows) -> None:
        """The portable path: storage forms back to Python values, then SQLAlchemy's insert()."""
        from sqlalchemy.dialects import sqlite

        storage = sqlite.dialect()
        readers = [
            table.table.columns[name].type._cached_result_processor(storage, None)
            for name in table.columns
        ]
        records = [
            {
                name: (read(value) if read and value is not None else value)
                for name, read, value in zip(table.columns, readers, row, strict=True)
            }
            for row in rows
        ]
        self.conn.execute(insert(table.table), records)

    def _start_bulk_load(self) -> None:
        """Drop the loaded tables' secondary indexes; they are rebuilt from their SQL at the end.

        Only once the first rows are written: pysqlite begins the transaction at the first
        INSERT, and DDL before it would commit on its own."""
        self.started = True
        if self.typed:
            return
        dbapi = self.conn.connection.dbapi_connection
        if not getattr(dbapi, "in_transaction", False):
            raise RuntimeError("the demo load must run inside a transaction")
        found = self.conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                " AND tbl_name IN (" + ", ".join(f"'{t}'" for t in self.loaded) + ") ORDER BY name"
            )
        ).all()
        quote = self.conn.dialect.identifier_preparer.quote
        for name, sql in found:
            self.conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
            self.indexes.append(sql)

    # Progress is counted in rows; re-creating the indexes and the full-text index are given
    # the weight in rows that their share of the time (at 100,000 contacts) is worth.
    @property
    def total(self) -> int:
        return self.expected + self._index_weight + self._full_text_weight

    @property
    def _index_weight(self) -> int:
        return self.expected // 5

    @property
    def _full_text_weight(self) -> int:
        return self.expected * 2 // 3

    def finish(self) -> None:
        """Write what is left and re-create the indexes dropped for the load."""
        self.flush(everything=True)
        self.check()
        for sql in self.indexes:
            self.conn.exec_driver_sql(sql)
        self.indexes.clear()
        self.progress(self.expected + self._index_weight, self.total)

    def indexing(self, done: int, total: int) -> None:
        """Progress of the full-text index; cancelling stops it."""
        self.check()
        share = self._full_text_weight * done // max(total, 1)
        self.progress(self.expected + self._index_weight + share, self.total)

    def report_done(self) -> None:
        self.progress(self.total, self.total)

    def counts(self) -> dict[str, int]:
        return {name: table.written for name, table in self.tables.items()}
