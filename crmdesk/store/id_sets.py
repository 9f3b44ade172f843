"""A condition "the key is one of these ids" for sets of any size.

A short set is a plain IN list; a long one (tens of thousands of customers in a segment, more
than SQLite takes as bound values) is one JSON array bound once and read with `json_each`,
SQLite-only, so it lives here. Keys are stored as 32 hex digits (SQLAlchemy's Uuid on SQLite).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from typing import Any

from sqlalchemy import bindparam, column, func, literal_column, select

SHORT = 500


def in_id_set(key: Any, ids: Collection[uuid.UUID]) -> Any:
    """`key IN ids`, as a list for a few ids, else through one JSON parameter."""
    if len(ids) <= SHORT:
        return key.in_(list(ids))
    array = json.dumps([i.hex for i in ids])
    each = func.json_each(bindparam("id_set", array)).table_valued(column("value"))
    return literal_column(key.expression.table.name + "." + key.expression.name).in_(
        select(each.c.value)
    )
