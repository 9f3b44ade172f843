"""Full-text search as a SQL condition that any key query can add to its WHERE clause."""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Uuid, column, false, text
from sqlalchemy.orm import QueryableAttribute

from crmdesk.store import fulltext


def search_condition(
    id_column: ColumnElement[uuid.UUID] | QueryableAttribute[uuid.UUID], entity: str, query: str
) -> ColumnElement[bool]:
    """`id_column IN (ids whose indexed text matches every word typed)`."""
    match = fulltext.match_expression(query)
    if match is None:
        return false()
    refs = (
        text(fulltext.matching_ids_sql(entity))
        .bindparams(match=match)
        .columns(column("ref", Uuid()))
    )
    return id_column.in_(refs.subquery().select())
