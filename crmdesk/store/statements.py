"""Many rows into one table in as few statement runs as the database allows.

On SQLite, rows go in as multi-row `INSERT … VALUES (…), (…), …` statements of up to
ROWS_PER_STATEMENT rows: a statement is a single `sqlite3_step`, during which Python's sqlite3
releases the GIL, so a bulk writer on a thread of its own really runs beside the Python that
prepares the next rows (`executemany` re-takes the GIL for every row). Any value the driver
binds goes this way. A statement is compiled for its number of rows, so sizes come in a few
shapes (see `statement_sizes`). Other databases use `executemany`. Measurements behind these
choices: docs/performance.md.
"""

from __future__ import annotations

import functools
import itertools
import sqlite3
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

ROWS_PER_STATEMENT = 512
_FALLBACK_VARIABLES = 999  # what SQLite before 3.32 allowed


def insert_rows(
    conn: Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT `rows` (values bound as the driver takes them, in `columns` order; names quoted
    as the SQL needs them) into `table`."""
    if not rows:
        return
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(_values_sql(table, tuple(columns), 1), list(rows))
        return
    start = 0
    for size in statement_sizes(len(rows), _variable_limit(conn) // len(columns)):
        values = tuple(itertools.chain.from_iterable(rows[start : start + size]))
        conn.exec_driver_sql(_values_sql(table, tuple(columns), size), values)
        start += size


def statement_sizes(rows: int, most: int) -> list[int]:
    """Rows per statement: as many of ROWS_PER_STATEMENT (fewer if `most` says so) as fit,
    the rest in powers of two. A statement is compiled for its number of rows, so a table's
    inserts take a handful of shapes, each compiled once and kept in the connection's
    statement cache (one statement per remainder cost more to compile than it saved, and
    the cache held hundreds of MB of them)."""
    full = _full_size(most)
    rest = rows % full
    return [full] * (rows // full) + [
        1 << bit for bit in reversed(range(rest.bit_length())) if rest >> bit & 1
    ]


def full_statement_rows(conn: Connection, columns: int) -> int:
    """Rows in a full statement of `columns` values a row: a writer that keeps a remainder for
    its next rows writes everything in statements of this one shape."""
    if conn.dialect.name != "sqlite":
        return 1
    return _full_size(_variable_limit(conn) // columns)


def _full_size(most: int) -> int:
    return 1 << (max(1, min(ROWS_PER_STATEMENT, most)).bit_length() - 1)


def _variable_limit(conn: Connection) -> int:
    """How many values one statement may bind on this connection."""
    dbapi = conn.connection.dbapi_connection
    if isinstance(dbapi, sqlite3.Connection):
        return dbapi.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    return _FALLBACK_VARIABLES


@functools.lru_cache(maxsize=128)
def _values_sql(table: str, columns: tuple[str, ...], rows: int) -> str:
    row = f"({', '.join('?' * len(columns))})"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join([row] * rows)}"
