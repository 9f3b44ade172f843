"""The change log: one row per field written, grouped by the transaction (batch) that wrote it.

Recording happens in an `after_flush` hook, so every ORM write is logged whoever makes it; undo,
the recycle bin, merge reversal and a future sync all read this one log. Writes beside the ORM
(`store.bulk.BulkWriter`, an import) log through the same functions: `batch_columns` for what a
transaction's entries share, `entry` for one change, `new_row_snapshot` for what an INSERT keeps.
Bulk loads that are not user edits (the demo generator) are not logged.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import getpass
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, String, event, insert, inspect
from sqlalchemy.orm import Mapped, Mapper, Session, mapped_column
from sqlalchemy.orm.attributes import get_history

from crmdesk.models.base import Base, Entity, new_id, utcnow
from crmdesk.models.enums import ChangeAction

SNAPSHOT_FIELD = "*"
_SKIPPED = frozenset({"updated_at", "version", "created_at"})


class ChangeLogEntry(Base):
    __tablename__ = "change_log"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    batch_id: Mapped[uuid.UUID] = mapped_column(index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[ChangeAction] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(60))
    old: Mapped[Any] = mapped_column(JSON, nullable=True)
    new: Mapped[Any] = mapped_column(JSON, nullable=True)


def to_json_value(value: Any) -> Any:
    """A column value as JSON: the log must hold every type the model stores."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_json_value(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float):
        return value
    raise TypeError(f"{type(value).__name__} has no JSON form in the change log")


def session_batch(session: Session) -> uuid.UUID:
    """The batch id of the session's current transaction: one user action, one batch."""
    batch: uuid.UUID = session.info.setdefault("batch_id", new_id())
    return batch


@event.listens_for(Mapper, "mapper_configured")
def _load_old_deferred_values(mapper: Mapper[Any], cls: type) -> None:
    """A deferred column (a photo) is not loaded until read, so its old value would be missing
    from the log when it is replaced unread: make SQLAlchemy load it before the change."""
    if not issubclass(cls, Entity):
        return
    for attr in mapper.column_attrs:
        if attr.deferred:
            event.listen(getattr(cls, attr.key), "set", _keep_value, active_history=True)


def _keep_value(target: Any, value: Any, old: Any, initiator: Any) -> Any:
    return value


def actor(session: Session) -> str:
    """Who makes the session's changes (the login name; empty where there is none)."""
    if "actor" not in session.info:
        try:
            session.info["actor"] = getpass.getuser()
        except OSError:
            session.info["actor"] = ""
    actor: str = session.info["actor"]
    return actor


def snapshot(obj: Entity) -> dict[str, Any]:
    """Every column of a row (what a DELETE entry keeps to restore it)."""
    mapper = inspect(obj).mapper
    return {c.key: to_json_value(getattr(obj, c.key)) for c in mapper.column_attrs}


# What an INSERT entry's snapshot leaves out, as the entry says it: the id is its entity_id, the
# row was created and last updated at the write (its `at`, to the flush), at version 1.
IMPLIED_BY_ENTRY = frozenset({"id", "created_at", "updated_at", "version"})


@functools.cache
def column_defaults(table: Any) -> dict[str, Any]:
    """Each column's value when a row leaves it out: its scalar default, else None."""
    return {
        c.key: c.default.arg if c.default is not None and c.default.is_scalar else None
        for c in table.columns
    }


def new_row_snapshot(defaults: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    """What the INSERT entry of a new row keeps of `values` (the row's columns, or those given
    with the rest at their default): the columns whose value is not their default
    (`column_defaults`) and that the entry does not imply (`logged_value` reads one back).
    Full snapshots were three times the bytes, and a third more time to write."""
    return {k: v for k, v in values.items() if k not in IMPLIED_BY_ENTRY and v != defaults[k]}


def insert_snapshot(obj: Entity) -> dict[str, Any]:
    """A new ORM row as its INSERT entry keeps it (as JSON values)."""
    defaults = column_defaults(obj.__table__)
    values = {key: getattr(obj, key) for key in defaults}
    return {k: to_json_value(v) for k, v in new_row_snapshot(defaults, values).items()}


def logged_value(table: Any, snapshot_: dict[str, Any], key: str) -> Any:
    """A column's value (as JSON) in an INSERT snapshot, the default when it was left out
    (older entries hold every column)."""
    return snapshot_[key] if key in snapshot_ else to_json_value(column_defaults(table)[key])


def _updates(obj: Entity) -> list[tuple[ChangeAction, str, Any, Any]]:
    state = inspect(obj)
    out: list[tuple[ChangeAction, str, Any, Any]] = []
    for attr in state.mapper.column_attrs:
        if attr.key in _SKIPPED:
            continue
        hist = get_history(obj, attr.key)
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old == new:
            continue
        action = ChangeAction.UPDATE
        if attr.key == "deleted_at":
            action = ChangeAction.DELETE if new is not None else ChangeAction.RESTORE
        out.append((action, attr.key, to_json_value(old), to_json_value(new)))
    for rel in state.mapper.relationships:
        if rel.secondary is None:
            continue
        hist = get_history(obj, rel.key)
        if hist.has_changes():
            before = sorted(str(t.id) for t in [*hist.unchanged, *hist.deleted])
            after = sorted(str(t.id) for t in [*hist.unchanged, *hist.added])
            out.append((ChangeAction.UPDATE, rel.key, before, after))
    return out


def batch_columns(session: Session, at: dt.datetime | None = None) -> dict[str, Any]:
    """What every entry a session writes now shares: its batch, the time and the actor."""
    return {"batch_id": session_batch(session), "at": at or utcnow(), "actor": actor(session)}


ENTRY_FIELDS = ("action", "entity", "entity_id", "field", "old", "new")


def entry(
    action: ChangeAction, entity: str, entity_id: uuid.UUID | str, field: str, old: Any, new: Any
) -> tuple[Any, ...]:
    """One change-log entry's own columns, in ENTRY_FIELDS order (`batch_columns` and an id
    complete the row): the ORM hook and the bulk writer both make their rows here."""
    return (action, entity, entity_id, field, old, new)


def record_changes(session: Session, flush_context: Any = None) -> None:
    """after_flush hook: log every new, changed and deleted entity of this flush.

    Run after the flush so inserts are logged with their defaults and foreign keys filled in,
    while attribute history still shows what the flush changed.
    """
    shared = batch_columns(session)
    rows: list[dict[str, Any]] = []

    def log(obj: Entity, action: ChangeAction, field: str, old: Any, new: Any) -> None:
        rows.append(
            {
                "id": new_id(),
                **shared,
                **dict(
                    zip(
                        ENTRY_FIELDS,
                        entry(action, obj.__tablename__, obj.id, field, old, new),
                        strict=True,
                    )
                ),
            }
        )

    for obj in session.new:
        if isinstance(obj, Entity):
            log(obj, ChangeAction.INSERT, SNAPSHOT_FIELD, None, insert_snapshot(obj))
    for obj in session.dirty:
        if isinstance(obj, Entity):
            for action, field, old, new in _updates(obj):
                log(obj, action, field, old, new)
    for obj in session.deleted:
        if isinstance(obj, Entity):
            log(obj, ChangeAction.DELETE, SNAPSHOT_FIELD, snapshot(obj), None)
    if rows:
        session.connection().execute(insert(ChangeLogEntry), rows)
