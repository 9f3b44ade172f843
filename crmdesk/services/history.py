"""Undo over the change log: revert one batch, which batches were taken back, the recycle bin.

Every ORM flush writes change-log rows grouped by batch (one per transaction), so one generic
`revert_batch` undoes any user action: a save, a delete, an import, a merge. The revert goes
through the ORM itself, so it is logged as a batch of its own and can be reverted in turn; a
REVERT entry in it names the batch it took back, so every screen can tell what is still in
effect (`taken_back`). A field that was changed again after the batch is never clobbered: it is
reported as a conflict.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    LargeBinary,
    Numeric,
    Uuid,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.models import Account, ChangeLogEntry, Contact, Entity, Tag
from crmdesk.models.base import Money, UTCDateTime, new_id, utcnow
from crmdesk.models.changelog import (
    SNAPSHOT_FIELD,
    logged_value,
    session_batch,
    to_json_value,
)
from crmdesk.models.customers import account_tags, contact_tags
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import display_name
from crmdesk.services.batches import (  # the history's summaries, here for older callers
    CHILD_ENTITIES,
    ENGLISH,
    LARGE_BATCH,
    LOG_ENTITY,
    BatchSummary,
    ChangePart,
    ChangeVerb,
    ChangeWords,
    batch_summary,
    describe,
    models_by_table,
    recent_batches,
    single_record,
    taken_back,
)
from crmdesk.services.changes import TABLE_KINDS, Changes, changes_in, report

RecycledEntity = Literal["contacts", "accounts"]

_INFO_ACTIONS = frozenset(
    {ChangeAction.MERGE, ChangeAction.UNMERGE, ChangeAction.REVERT, ChangeAction.NOTE}
)


@dataclass(frozen=True)
class Conflict:
    """A field the reverted batch wrote that was changed again later, so it was left alone."""

    entity: str
    entity_id: uuid.UUID
    field: str


@dataclass(frozen=True)
class RevertResult:
    batch_id: uuid.UUID  # the batch that was undone
    revert_batch_id: uuid.UUID  # the batch that logs the undo (itself revertible)
    reverted: int  # change-log entries undone
    conflicts: tuple[Conflict, ...]
    changes: Changes
    attempted: int = 0  # change-log entries the batch made that an undo can take back
    gone: int = 0  # entries left alone because their record was deleted (or removed) since


@dataclass(frozen=True)
class DeletedRecord:
    """A row of the recycle bin."""

    id: uuid.UUID
    name: str
    deleted_at: dt.datetime
    deleted_by: str
    merged_into: uuid.UUID | None  # set when it was deleted by a merge (unmerge brings it back)


# --- which batches are in effect ------------------------------------------------------------


def _link(session: Session, action: ChangeAction, entity_id: uuid.UUID, field: str, new: Any):
    session.add(
        ChangeLogEntry(
            batch_id=session_batch(session),
            at=utcnow(),
            actor=str(session.info.get("actor", "")),
            action=action,
            entity=LOG_ENTITY,
            entity_id=entity_id,
            field=field,
            old=None,
            new=new,
        )
    )


def note_batch(session: Session, kind: str, facts: dict[str, Any]) -> None:
    """Say what the transaction's batch was (an import: {"file": …, "counts": [[verb, entity,
    n], …]}), so the history names it as the user knows it rather than by its rows."""
    _link(session, ChangeAction.NOTE, session_batch(session), kind, facts)
    session.flush()


# --- JSON <-> column values -----------------------------------------------------------------


def from_json_value(column_type: TypeEngine[Any], value: Any) -> Any:
    """A change-log JSON value back in the column's Python type (the inverse of to_json_value)."""
    if value is None:
        return None
    if isinstance(column_type, UTCDateTime | DateTime):
        parsed = dt.datetime.fromisoformat(value)
        return parsed.replace(tzinfo=dt.UTC) if parsed.tzinfo is None else parsed.astimezone(dt.UTC)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    if isinstance(column_type, Money | Numeric):
        return Decimal(str(value))
    if isinstance(column_type, Uuid):
        return uuid.UUID(str(value))
    if isinstance(column_type, LargeBinary):
        return base64.b64decode(value["base64"]) if isinstance(value, dict) else value
    if isinstance(column_type, JSON):
        return value
    return value


def _column_type(model: type[Entity], field: str) -> TypeEngine[Any] | None:
    attr = model.__mapper__.column_attrs.get(field)
    return None if attr is None else attr.columns[0].type


# --- revert ---------------------------------------------------------------------------------


@dataclass
class _Entry:
    action: str
    entity: str
    entity_id: uuid.UUID
    field: str
    old: Any
    new: Any
    at: dt.datetime
    id: uuid.UUID


def _batch_entries(session: Session, batch_id: uuid.UUID) -> list[_Entry]:
    rows = session.execute(
        select(
            ChangeLogEntry.action,
            ChangeLogEntry.entity,
            ChangeLogEntry.entity_id,
            ChangeLogEntry.field,
            ChangeLogEntry.old,
            ChangeLogEntry.new,
            ChangeLogEntry.at,
            ChangeLogEntry.id,
        )
        .where(ChangeLogEntry.batch_id == batch_id)
        .order_by(ChangeLogEntry.at.desc(), ChangeLogEntry.id.desc())
    )
    return [_Entry(*row) for row in rows]


def _preload(
    session: Session, entries: Iterable[_Entry], models: dict[str, type[Entity]]
) -> dict[tuple[str, uuid.UUID], Any]:
    """Every row the batch touched, one query per table and 500 rows (held here: the session's
    identity map only keeps weak references)."""
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for e in entries:
        if e.entity in models:
            wanted[e.entity].add(e.entity_id)
    rows: dict[tuple[str, uuid.UUID], Any] = {}
    for entity, ids in wanted.items():
        model = models[entity]
        id_list = list(ids)
        for start in range(0, len(id_list), 500):
            chunk = id_list[start : start + 500]
            for obj in session.scalars(select(model).where(model.id.in_(chunk))):
                rows[(entity, obj.id)] = obj
    return rows


def revert_batch(session: Session, batch_id: uuid.UUID) -> RevertResult:
    """Undo everything one batch did, newest entry first, leaving fields edited since alone."""
    entries = _batch_entries(session, batch_id)
    if not entries:
        raise RecordNotFound(f"No change with batch id {batch_id} in the history.")
    if taken_back(session, [batch_id]):
        raise KnownError(
            translatable("Messages", "That change has already been taken back."),
            translatable("Messages", "The history shows what undid it."),
        )
    models = models_by_table()
    now = utcnow()
    reverted = attempted = 0
    if len(entries) > LARGE_BATCH:
        entries, attempted = _recycle_in_bulk(session, entries, now)
        reverted = attempted
    rows = _preload(session, entries, models)
    conflicts: dict[tuple[str, uuid.UUID, str], None] = {}
    gone = 0

    def conflict(e: _Entry, field: str | None = None) -> None:
        conflicts.setdefault((e.entity, e.entity_id, field or e.field), None)

    for e in entries:
        if e.action in _INFO_ACTIONS or e.entity not in models:
            continue
        if (e.entity, e.entity_id, e.field) in conflicts:
            continue  # an older write to a field already found edited since: leave it too
        model = models[e.entity]
        obj = rows.get((e.entity, e.entity_id))
        attempted += 1
        if e.action == ChangeAction.INSERT:
            if obj is None:
                gone += 1  # removed since: nothing left to undo
                continue
            if _undo_insert(session, e.entity, obj, now):
                reverted += 1
                if e.entity in CHILD_ENTITIES:
                    del rows[(e.entity, e.entity_id)]
            else:
                gone += 1  # deleted since (or a tag others use now)
        elif e.action == ChangeAction.DELETE and e.field == SNAPSHOT_FIELD:
            if obj is not None:
                conflict(e)
                continue
            restored = model(
                **{
                    k: from_json_value(_column_type(model, k), v)
                    for k, v in (e.old or {}).items()
                    if _column_type(model, k) is not None
                }
            )
            session.add(restored)
            rows[(e.entity, e.entity_id)] = restored
            reverted += 1
        else:  # UPDATE, or DELETE/RESTORE of deleted_at: put the old value back
            if obj is None:
                gone += 1
                continue
            if _undo_update(session, model, obj, e):
                reverted += 1
            else:
                conflict(e)
    _link(session, ChangeAction.REVERT, batch_id, "batch", None)
    session.flush()
    return RevertResult(
        batch_id=batch_id,
        revert_batch_id=session_batch(session),
        reverted=reverted,
        conflicts=tuple(Conflict(*key) for key in conflicts),
        changes=changes_in(session),
        attempted=attempted,
        gone=gone,
    )


# Records a large batch (an import) created go to the recycle bin in SQL, their phones, e-mails
# and addresses with them (kept, so a redo or a restore from the bin brings them back whole).
_RECYCLED = ("contacts", "accounts")
_OWNER_COLUMNS = ("contact_id", "account_id")


def _recycle_in_bulk(
    session: Session, entries: list[_Entry], now: dt.datetime
) -> tuple[list[_Entry], int]:
    """Take back in SQL what a large batch did to whole records: the live records it inserted
    go to the bin, the records it put in the bin (or took out) go back, each logged as the ORM
    would log it. The entries left for the row-by-row revert, and how many this took back."""
    wanted: dict[tuple[str, Any, Any], list[uuid.UUID]] = defaultdict(list)
    for e in entries:
        if e.entity not in _RECYCLED:
            continue
        if e.action == ChangeAction.INSERT:
            wanted[(e.entity, None, now)].append(e.entity_id)
        elif e.field == "deleted_at" and e.action in (ChangeAction.DELETE, ChangeAction.RESTORE):
            wanted[(e.entity, e.new, e.old)].append(e.entity_id)
    if not wanted:
        return entries, 0
    session.flush()
    done: set[tuple[uuid.UUID, str]] = set()  # (record, "*" or "deleted_at")
    log_rows: list[dict[str, Any]] = []
    for (entity, expected, target), ids in wanted.items():
        moved = _set_deleted(session, entity, ids, expected, target, now, log_rows)
        field = SNAPSHOT_FIELD if expected is None and target is now else "deleted_at"
        done.update((i, field) for i in moved)
    if log_rows:
        session.execute(insert(ChangeLogEntry), log_rows)
    session.expire_all()
    recycled = {i for i, field in done if field == SNAPSHOT_FIELD}
    left, taken = [], 0
    for e in entries:
        if (e.entity_id, e.field) in done or (
            e.action == ChangeAction.INSERT and _owned_by(e, recycled)
        ):
            taken += 1  # a phone, e-mail or address goes with its record
        else:
            left.append(e)
    return left, taken


def _set_deleted(
    session: Session,
    entity: str,
    ids: list[uuid.UUID],
    expected: Any,
    target: Any,
    now: dt.datetime,
    log_rows: list[dict[str, Any]],
) -> set[uuid.UUID]:
    """Set deleted_at to `target` (a datetime, or JSON as logged) on those of `ids` whose
    value is still `expected` (JSON as logged, None: live); the ids changed."""
    table = models_by_table()[entity].__table__
    column_type = table.c.deleted_at.type
    want = from_json_value(column_type, expected)
    value = target if isinstance(target, dt.datetime) else from_json_value(column_type, target)
    batch, actor = session_batch(session), str(session.info.get("actor", ""))
    changed: set[uuid.UUID] = set()
    for chunk in _chunks(sorted(ids)):
        found = session.execute(
            select(table.c.id, table.c.deleted_at).where(table.c.id.in_(chunk))
        ).all()
        match = [row_id for row_id, current in found if current == want]
        if not match:
            continue
        session.execute(
            update(table)
            .where(table.c.id.in_(match))
            .values(deleted_at=value, updated_at=now, version=table.c.version + 1)
        )
        changed.update(match)
        action = ChangeAction.DELETE if value is not None else ChangeAction.RESTORE
        old, new = to_json_value(want), to_json_value(value)
        log_rows += [
            {
                "id": new_id(),
                "batch_id": batch,
                "at": now,
                "actor": actor,
                "action": action,
                "entity": entity,
                "entity_id": row_id,
                "field": "deleted_at",
                "old": old,
                "new": new,
            }
            for row_id in match
        ]
    report(session, Changes({TABLE_KINDS.get(entity, entity): changed}))
    return changed


def _owned_by(e: _Entry, owners: set[uuid.UUID]) -> bool:
    if e.entity not in CHILD_ENTITIES or not isinstance(e.new, dict):
        return False
    return any(
        isinstance(e.new.get(c), str) and uuid.UUID(e.new[c]) in owners for c in _OWNER_COLUMNS
    )


def _chunks(ids: Sequence[uuid.UUID], size: int = 500) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


def _undo_insert(session: Session, entity: str, obj: Any, now: dt.datetime) -> bool:
    if entity in CHILD_ENTITIES:
        session.delete(obj)
        return True
    if obj.deleted_at is not None:
        return False
    if isinstance(obj, Tag) and _tag_in_use(session, obj.id):
        return False  # a shared label others have started using since: keep it
    obj.deleted_at = now
    return True


def _tag_in_use(session: Session, tag_id: uuid.UUID) -> bool:
    for table in (contact_tags, account_tags):
        if session.execute(select(table.c.tag_id).where(table.c.tag_id == tag_id).limit(1)).first():
            return True
    return False


def _undo_update(session: Session, model: type[Entity], obj: Any, e: _Entry) -> bool:
    """Set the field back to its old value; False (a conflict) when it changed since."""
    relationship = model.__mapper__.relationships.get(e.field)
    if relationship is not None:
        if relationship.secondary is None:
            return False
        current = {str(t.id) for t in getattr(obj, e.field)}
        if current != set(e.new or []):
            return False
        target = relationship.mapper.class_
        old_ids = [uuid.UUID(i) for i in e.old or []]
        rows = session.scalars(select(target).where(target.id.in_(old_ids))).all()
        setattr(obj, e.field, rows)
        return True
    column_type = _column_type(model, e.field)
    if column_type is None:
        return False
    if getattr(obj, e.field) != from_json_value(column_type, e.new):
        return False
    old = e.old
    if old is None and model.__mapper__.column_attrs[e.field].deferred:
        old = _earlier_value(session, e)
    setattr(obj, e.field, from_json_value(column_type, old))
    return True


def _earlier_value(session: Session, e: _Entry) -> Any:
    """The value a deferred column had before the batch, from the log itself.

    An UPDATE of a deferred column (a contact's photo) that was never loaded is logged with
    old = None, as the flush never saw the old value; the last earlier write to it, or the
    row's INSERT snapshot, still knows it.
    """
    before = session.execute(
        select(ChangeLogEntry.field, ChangeLogEntry.new)
        .where(
            ChangeLogEntry.entity == e.entity,
            ChangeLogEntry.entity_id == e.entity_id,
            ChangeLogEntry.field.in_([e.field, SNAPSHOT_FIELD]),
            ChangeLogEntry.action.in_([ChangeAction.UPDATE, ChangeAction.INSERT]),
            (ChangeLogEntry.at < e.at) | ((ChangeLogEntry.at == e.at) & (ChangeLogEntry.id < e.id)),
        )
        .order_by(ChangeLogEntry.at.desc(), ChangeLogEntry.id.desc())
        .limit(1)
    ).first()
    if before is None:
        return None
    field, new = before
    if field == SNAPSHOT_FIELD:
        return logged_value(models_by_table()[e.entity].__table__, new or {}, e.field)
    return new


# --- recycle bin ----------------------------------------------------------------------------


def _recycled_model(entity: str) -> type[Contact] | type[Account]:
    if entity == "contacts":
        return Contact
    if entity == "accounts":
        return Account
    raise KnownError(f"'{entity}' has no recycle bin.", "Choose contacts or accounts.")


def deleted_count(session: Session, entity: RecycledEntity = "contacts") -> int:
    model = _recycled_model(entity)
    return session.scalar(select(func.count(model.id)).where(model.deleted_at.is_not(None))) or 0


def deleted_records(
    session: Session, entity: RecycledEntity = "contacts", limit: int = 100, offset: int = 0
) -> list[DeletedRecord]:
    """A page of the recycle bin, most recently deleted first."""
    model = _recycled_model(entity)
    if model is Contact:
        stmt = select(
            Contact.id,
            Contact.family_name,
            Contact.given_name,
            Contact.middle_name,
            Contact.organization,
            Contact.deleted_at,
        )
    else:
        stmt = select(Account.id, Account.name, Account.deleted_at)
    rows = session.execute(
        stmt.where(model.deleted_at.is_not(None))
        .order_by(model.deleted_at.desc(), model.id)
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [r[0] for r in rows]
    deleted_by: dict[uuid.UUID, str] = {}
    merged_into: dict[uuid.UUID, uuid.UUID | None] = {}
    if ids:
        log = session.execute(
            select(
                ChangeLogEntry.entity_id,
                ChangeLogEntry.action,
                ChangeLogEntry.field,
                ChangeLogEntry.actor,
                ChangeLogEntry.new,
            )
            .where(
                ChangeLogEntry.entity == entity,
                ChangeLogEntry.entity_id.in_(ids),
                ChangeLogEntry.action.in_(
                    [ChangeAction.DELETE, ChangeAction.MERGE, ChangeAction.UNMERGE]
                ),
            )
            .order_by(ChangeLogEntry.at, ChangeLogEntry.id)
        )
        for entity_id, action, field, actor, new in log:
            if action == ChangeAction.DELETE and field == "deleted_at":
                deleted_by[entity_id] = actor
            elif field == "merged_into":
                merged_into[entity_id] = (
                    uuid.UUID(new) if action == ChangeAction.MERGE and new else None
                )
    out = []
    for row in rows:
        if model is Contact:
            rid, family, given, middle, org, deleted_at = row
            name = display_name(family, given, middle) or org
        else:
            rid, name, deleted_at = row
        out.append(
            DeletedRecord(rid, name, deleted_at, deleted_by.get(rid, ""), merged_into.get(rid))
        )
    return out


def restore(session: Session, entity: RecycledEntity, ids: Sequence[uuid.UUID]) -> Changes:
    """Bring records back from the recycle bin (logged as RESTORE, so revertible too)."""
    model = _recycled_model(entity)
    for obj in session.scalars(select(model).where(model.id.in_(list(ids)))):
        if obj.deleted_at is not None:
            obj.deleted_at = None
    session.flush()
    return changes_in(session)


__all__ = [
    "CHILD_ENTITIES",
    "ENGLISH",
    "BatchSummary",
    "ChangePart",
    "ChangeVerb",
    "ChangeWords",
    "Conflict",
    "DeletedRecord",
    "RevertResult",
    "batch_summary",
    "deleted_count",
    "deleted_records",
    "describe",
    "from_json_value",
    "models_by_table",
    "note_batch",
    "recent_batches",
    "restore",
    "revert_batch",
    "single_record",
    "taken_back",
]
