"""What every kind of record with a recycle bin shares: moving to the bin and back, deleting for
good, and the "most common values" counts of a pane's summary. Contacts and accounts use it;
so can each new wing's records (cases, leads, opportunities)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, selectinload, undefer

from crmdesk.models.base import Entity, utcnow
from crmdesk.services.changes import Changes, changes_in

E = TypeVar("E", bound=Entity)


def move_to_bin(session: Session, model: type[Entity], ids: Sequence[uuid.UUID]) -> Changes:
    """Soft-delete: the records stay, marked deleted, until restored or purged."""
    return _set_deleted(session, model, ids, utcnow())


def restore_from_bin(session: Session, model: type[Entity], ids: Sequence[uuid.UUID]) -> Changes:
    return _set_deleted(session, model, ids, None)


def _set_deleted(
    session: Session, model: type[Entity], ids: Sequence[uuid.UUID], when: dt.datetime | None
) -> Changes:
    for record in session.scalars(select(model).where(model.__table__.c.id.in_(ids))):
        if (record.deleted_at is None) != (when is None):
            record.deleted_at = when
    session.flush()
    return changes_in(session)


def purge_from_bin(
    session: Session, model: type[E], ids: Sequence[uuid.UUID], parts: Sequence[str] = ()
) -> Changes:
    """Delete binned records for good, with their `parts` (relationships such as "phones"),
    every column loaded first: the change log's delete snapshots read them after the rows are
    gone. Live records are left alone: only what the bin holds can be purged."""
    options: list[Any] = [undefer("*")]
    options += [selectinload(getattr(model, part)).undefer("*") for part in parts]
    table = model.__table__
    found = session.scalars(
        select(model)
        .where(table.c.id.in_(list(ids)), table.c.deleted_at.is_not(None))
        .options(*options)
    ).all()
    for record in found:
        session.delete(record)
    session.flush()
    return changes_in(session)


def top_counts(
    session: Session, stmt: Select[object, int], limit: int = 6
) -> tuple[tuple[str, int], ...]:
    """The most common values of a `select(value, count()) … group_by(value)`, most first."""
    rows = session.execute(stmt.order_by(func.count().desc()).limit(limit))
    return tuple((str(value), int(n)) for value, n in rows)
