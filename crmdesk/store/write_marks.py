"""A mark that changes whenever rows are written: a cached import plan is reused only while the
mark stays the same.

On SQLite, rowids only grow here (every ORM write adds change-log rows, bulk loads add rows),
so the highest rowid of the tables a plan reads is such a mark. Elsewhere the transaction is:
a plan is then reused only within the transaction that made it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

_TABLES = ("change_log", "contacts", "accounts", "phones", "emails", "orders", "products")
_MARK_SQL = text(
    "SELECT " + ", ".join(f"(SELECT max(rowid) FROM {table})" for table in _TABLES)
)


def write_mark(session: Session) -> tuple[Any, ...]:
    """The database's mark now (compare two with ==)."""
    if session.get_bind().dialect.name != "sqlite":
        return (session.get_transaction(),)
    return tuple(session.execute(_MARK_SQL).one())
