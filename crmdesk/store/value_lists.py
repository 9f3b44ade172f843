"""A list of values bound as ONE parameter, as a table a statement can join or test `IN`.

An `IN (:v1, :v2, …)` list is rendered and compiled again for every length; a JSON list bound
once keeps one compiled statement however many values a chunk holds. SQLite reads it with
`json_each`; a server database would use its own (PostgreSQL: `json_array_elements_text`),
which is why this lives in store/ and services only call these functions.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, String, TableValuedAlias, bindparam, func, select, type_coerce


def listed(name: str) -> TableValuedAlias:
    """The values of the JSON list bound as `name` (see `bound`), as a table with column `value`."""
    return func.json_each(bindparam(name, type_=String)).table_valued("value")


def listed_text(values: TableValuedAlias) -> ColumnElement[str]:
    """A `listed` table's value, typed as text."""
    return type_coerce(values.c.value, String)


def in_listed(column: ColumnElement[Any] | Any, name: str = "values") -> ColumnElement[bool]:
    """`column IN` the JSON list bound as `name`."""
    return column.in_(select(listed_text(listed(name))))


def bound(values: Iterable[Any]) -> str:
    """The parameter value for `listed`/`in_listed`: the values as one JSON list."""
    return json.dumps(list(values))
