"""Undo over the change log: revert one batch, list recent batches, and the recycle bin.

Every ORM flush writes change-log rows grouped by batch (one per transaction), so one generic
`revert_batch` undoes any user action: a save, a delete, an import, a merge. The revert goes
through the ORM itself, so it is logged as a batch of its own and can be reverted in turn.
A field that was changed again after the batch is never clobbered: it is reported as a conflict.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import JSON, Date, DateTime, LargeBinary, Numeric, Uuid, func, select
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import fill
from crmdesk.models import Account, Base, ChangeLogEntry, Contact, Entity, Tag
from crmdesk.models.base import Money, UTCDateTime, utcnow
from crmdesk.models.changelog import SNAPSHOT_FIELD, logged_value, session_batch
from crmdesk.models.customers import account_tags, contact_tags
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import display_name
from crmdesk.services.changes import Changes

RecycledEntity = Literal["contacts", "accounts"]

# Rows that only exist as parts of another (a contact's phones, an order's lines): undoing their
# creation removes them outright rather than leaving soft-deleted leftovers in the parent's lists.
CHILD_ENTITIES = frozenset(
    {
        "phones",
        "emails",
        "addresses",
        "event_reminders",
        "opportunity_lines",
        "order_lines",
        "stage_changes",
        "survey_items",
    }
)

# Which field of Changes a row of each table (or a foreign key to it) makes stale.
_BUCKET = {
    "contacts": "contacts",
    "accounts": "accounts",
    "activities": "activities",
    "calendar_events": "events",
    "opportunities": "opportunities",
    "orders": "orders",
    "service_cases": "cases",
}
_FK_BUCKET = {
    "contact_id": "contacts",
    "account_id": "accounts",
    "opportunity_id": "opportunities",
    "event_id": "events",
    "series_id": "events",
    "order_id": "orders",
    "case_id": "cases",
}
_NOUN = {
    "contacts": ("contact", "contacts"),
    "accounts": ("account", "accounts"),
    "activities": ("activity", "activities"),
    "calendar_events": ("event", "events"),
    "opportunities": ("opportunity", "opportunities"),
    "orders": ("order", "orders"),
    "service_cases": ("case", "cases"),
    "satisfaction_surveys": ("survey", "surveys"),
    "tags": ("tag", "tags"),
    "products": ("product", "products"),
    "pipeline_stages": ("stage", "stages"),
    "phones": ("phone", "phones"),
    "emails": ("email", "emails"),
    "addresses": ("address", "addresses"),
}
_INFO_ACTIONS = frozenset({ChangeAction.MERGE, ChangeAction.UNMERGE})


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


class ChangeVerb(enum.StrEnum):
    CREATED = "created"
    EDITED = "edited"
    DELETED = "deleted"
    RESTORED = "restored"
    MERGED = "merged"
    UNMERGED = "unmerged"


@dataclass(frozen=True)
class ChangePart:
    """One phrase of a batch's description, for a view to word in the user's language."""

    verb: ChangeVerb
    entity: str  # the table, e.g. "contacts"
    count: int
    label: str = ""  # the one record's name; a merge's survivor; an unmerge's records
    fields: tuple[str, ...] = ()  # an edit of one record: the fields (columns) it changed


@dataclass(frozen=True)
class BatchSummary:
    """One user action in the history view."""

    batch_id: uuid.UUID
    at: dt.datetime
    actor: str
    actions: int  # change-log entries in the batch
    entities: tuple[str, ...]  # tables touched, e.g. ("contacts", "phones")
    parts: tuple[ChangePart, ...]  # what was done, most first (empty: only `actions` is known)
    more: bool = False  # more was done than `parts` tell
    is_merge: bool = False

    @property
    def description(self) -> str:
        """In English: 'Created contact 张三', 'Edited contact 张三: title', 'Deleted 3 contacts'"""
        return describe(self)


def single_record(parts: Sequence[ChangePart]) -> ChangePart | None:
    """The part, when a batch did one thing to one record (or merged or unmerged records):
    it is described by the record's name rather than by a count."""
    if len(parts) != 1:
        return None
    part = parts[0]
    return part if part.count == 1 or part.verb in _NAMED_VERBS else None


_NAMED_VERBS = frozenset({ChangeVerb.MERGED, ChangeVerb.UNMERGED})
MAX_FIELDS = 5  # an edit's description names this many fields, then "…"


def _english_noun(entity: str, count: int) -> str:
    one, many = _NOUN.get(entity, (entity.rstrip("s").replace("_", " "), entity.replace("_", " ")))
    return one if count == 1 else many


_NAMED = {  # one record: %1 the noun, %2 its name (%3 how many were merged)
    ChangeVerb.CREATED: "Created %1 %2",
    ChangeVerb.EDITED: "Edited %1 %2",
    ChangeVerb.DELETED: "Deleted %1 %2",
    ChangeVerb.RESTORED: "Restored %1 %2",
    ChangeVerb.MERGED: "Merged %3 %1 into %2",
    ChangeVerb.UNMERGED: "Unmerged %1 %2",
}
_COUNTED = {verb: f"{verb} %1 %2" for verb in ChangeVerb}  # %1 how many, %2 the noun


@dataclass(frozen=True)
class ChangeWords:
    """What a description is made of: templates with Qt-style %1, %2 … and the names of
    tables and fields. English by default; a view passes its translated words."""

    noun: Callable[[str, int], str] = _english_noun  # ("contacts", 1) -> "contact"
    field_name: Callable[[str], str] = lambda f: f.removesuffix("_id").replace("_", " ")
    named: Mapping[ChangeVerb, str] = dataclasses.field(default_factory=lambda: _NAMED)
    counted: Mapping[ChangeVerb, str] = dataclasses.field(default_factory=lambda: _COUNTED)
    changes: str = "%1 changes"
    with_fields: str = "%1: %2"
    separator: str = ", "


ENGLISH = ChangeWords()


def _fill(template: str, *values: object) -> str:
    # an empty name leaves no double or trailing space
    return " ".join(fill(template, values).split())


def describe(batch: BatchSummary, words: ChangeWords = ENGLISH) -> str:
    """The batch in words: one record by its name, else counts of the biggest parts."""
    parts = batch.parts
    if not parts:
        return _fill(words.changes, batch.actions)
    part = single_record(parts)
    if part is None:
        phrases = [
            _fill(words.counted[p.verb], p.count, words.noun(p.entity, p.count)) for p in parts
        ]
        text = words.separator.join(phrases) + (" …" if batch.more else "")
        return text[0].upper() + text[1:]
    noun = words.noun(part.entity, part.count)
    text = _fill(words.named[part.verb], noun, part.label, part.count)
    if part.fields:
        shown = words.separator.join(words.field_name(f) for f in part.fields[:MAX_FIELDS])
        shown += " …" if len(part.fields) > MAX_FIELDS else ""
        text = _fill(words.with_fields, text, shown)
    return text


@dataclass(frozen=True)
class DeletedRecord:
    """A row of the recycle bin."""

    id: uuid.UUID
    name: str
    deleted_at: dt.datetime
    deleted_by: str
    merged_into: uuid.UUID | None  # set when it was deleted by a merge (unmerge brings it back)


# --- JSON <-> column values -----------------------------------------------------------------


def models_by_table() -> dict[str, type[Entity]]:
    return {
        m.class_.__tablename__: m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Entity) and hasattr(m.class_, "__tablename__")
    }


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


class _ChangeCollector:
    def __init__(self) -> None:
        self.ids: dict[str, set[uuid.UUID]] = defaultdict(set)

    def row(self, entity: str, obj: Any) -> None:
        if entity in _BUCKET:
            self.ids[_BUCKET[entity]].add(obj.id)
        for fk, bucket in _FK_BUCKET.items():
            value = getattr(obj, fk, None)
            if isinstance(value, uuid.UUID):
                self.ids[bucket].add(value)

    def moved(self, field: str, *values: Any) -> None:
        if field in _FK_BUCKET:
            self.ids[_FK_BUCKET[field]].update(v for v in values if isinstance(v, uuid.UUID))

    def changes(self) -> Changes:
        return Changes(**{k: frozenset(v) for k, v in self.ids.items()})


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
    models = models_by_table()
    rows = _preload(session, entries, models)
    collector = _ChangeCollector()
    conflicts: dict[tuple[str, uuid.UUID, str], None] = {}
    reverted = 0
    now = utcnow()

    def conflict(e: _Entry, field: str | None = None) -> None:
        conflicts.setdefault((e.entity, e.entity_id, field or e.field), None)

    for e in entries:
        if e.action in _INFO_ACTIONS or e.entity not in models:
            continue
        if (e.entity, e.entity_id, e.field) in conflicts:
            continue  # an older write to a field already found edited since: leave it too
        model = models[e.entity]
        obj = rows.get((e.entity, e.entity_id))
        if e.action == ChangeAction.INSERT:
            if obj is None:
                continue  # removed since: nothing left to undo
            if _undo_insert(session, e.entity, obj, now):
                collector.row(e.entity, obj)
                reverted += 1
                if e.entity in CHILD_ENTITIES:
                    del rows[(e.entity, e.entity_id)]
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
            collector.row(e.entity, restored)
            reverted += 1
        else:  # UPDATE, or DELETE/RESTORE of deleted_at: put the old value back
            if obj is None:
                conflict(e)
                continue
            if _undo_update(session, model, obj, e):
                collector.row(e.entity, obj)
                collector.moved(e.field, *_fk_values(model, e))
                reverted += 1
            else:
                conflict(e)
    session.flush()
    return RevertResult(
        batch_id=batch_id,
        revert_batch_id=session_batch(session),
        reverted=reverted,
        conflicts=tuple(Conflict(*key) for key in conflicts),
        changes=collector.changes(),
    )


def _fk_values(model: type[Entity], e: _Entry) -> tuple[Any, ...]:
    column_type = _column_type(model, e.field)
    if column_type is None:
        return ()
    return (from_json_value(column_type, e.old), from_json_value(column_type, e.new))


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


# --- history view ---------------------------------------------------------------------------


def recent_batches(
    session: Session,
    limit: int = 50,
    entity: str | None = None,
    entity_id: uuid.UUID | None = None,
) -> list[BatchSummary]:
    """The newest batches, optionally only those touching a table or one record, newest first."""
    stmt = select(ChangeLogEntry.batch_id).order_by(
        ChangeLogEntry.at.desc(), ChangeLogEntry.id.desc()
    )
    if entity is not None:
        stmt = stmt.where(ChangeLogEntry.entity == entity)
    if entity_id is not None:
        stmt = stmt.where(ChangeLogEntry.entity_id == entity_id)
    batch_ids: dict[uuid.UUID, None] = {}
    for (batch_id,) in session.execute(stmt.execution_options(yield_per=500)):
        batch_ids.setdefault(batch_id, None)
        if len(batch_ids) >= limit:
            break
    if not batch_ids:
        return []
    sizes = dict(
        session.execute(
            select(ChangeLogEntry.batch_id, func.count())
            .where(ChangeLogEntry.batch_id.in_(list(batch_ids)))
            .group_by(ChangeLogEntry.batch_id)
        ).all()
    )
    large = {b: _summarise_large(session, b) for b, n in sizes.items() if n > LARGE_BATCH}
    entries: dict[uuid.UUID, list[ChangeLogEntry]] = defaultdict(list)
    ids = [b for b in batch_ids if b not in large]
    for start in range(0, len(ids), 500):
        for row in session.scalars(
            select(ChangeLogEntry).where(ChangeLogEntry.batch_id.in_(ids[start : start + 500]))
        ):
            entries[row.batch_id].append(row)
    labels = _labels(session, [e for rows in entries.values() for e in rows])
    small = {b: _summarise(b, entries[b], labels) for b in ids if entries[b]}
    return [large.get(b) or small[b] for b in batch_ids if b in large or b in small]


LARGE_BATCH = 2000  # change-log entries; a larger batch (an import) is summarised in SQL


def _summarise_large(session: Session, batch_id: uuid.UUID) -> BatchSummary:
    """'Created 90000 contacts, edited 10000 contacts …' from counts, not from every entry."""
    log = ChangeLogEntry
    in_batch = log.batch_id == batch_id
    at, actor, actions = session.execute(
        select(func.max(log.at), func.max(log.actor), func.count()).where(in_batch)
    ).one()
    counts = session.execute(
        select(log.entity, log.action, func.count(func.distinct(log.entity_id)))
        .where(in_batch, log.entity.not_in(CHILD_ENTITIES))
        .group_by(log.entity, log.action)
    ).all()
    grouped: Counter[tuple[ChangeVerb, str]] = Counter()
    for entity, action, n in counts:
        verb = _VERBS.get(ChangeAction(action), ChangeVerb.EDITED)
        grouped[(verb, entity)] = max(grouped[(verb, entity)], n)
    ranked = grouped.most_common()
    parts = tuple(ChangePart(verb, entity, n) for (verb, entity), n in ranked[:3])
    is_merge = session.scalar(
        select(func.count()).where(in_batch, log.action == ChangeAction.MERGE)
    )
    return BatchSummary(
        batch_id=batch_id,
        at=at,
        actor=actor or "",
        actions=actions,
        entities=tuple(sorted({entity for entity, _a, _n in counts})),
        parts=parts,
        more=len(ranked) > len(parts),
        is_merge=bool(is_merge),
    )


_LABEL_COLUMNS = {
    "accounts": "name",
    "activities": "subject",
    "calendar_events": "title",
    "opportunities": "name",
    "orders": "number",
    "service_cases": "subject",
    "tags": "name",
    "products": "name",
    "pipeline_stages": "name",
}
_OWNED = ("phones", "emails", "addresses")


def _chunks(ids: Iterable[uuid.UUID], size: int = 500) -> Iterable[list[uuid.UUID]]:
    id_list = list(ids)
    for start in range(0, len(id_list), size):
        yield id_list[start : start + size]


def _labels(session: Session, entries: Sequence[ChangeLogEntry]) -> dict[Any, Any]:
    """Names of the records the entries touch, and the owners of touched phones/emails/addresses."""
    models = models_by_table()
    wanted: dict[str, set[uuid.UUID]] = defaultdict(set)
    for e in entries:
        wanted[e.entity].add(e.entity_id)
        if e.action == ChangeAction.MERGE and isinstance(e.new, str):
            wanted[e.entity].add(uuid.UUID(e.new))
    labels: dict[Any, Any] = {}
    for entity in _OWNED:
        model: Any = models[entity]
        for chunk in _chunks(wanted.get(entity, ())):
            for row_id, contact_id, account_id in session.execute(
                select(model.id, model.contact_id, model.account_id).where(model.id.in_(chunk))
            ):
                owner = ("contacts", contact_id) if contact_id else ("accounts", account_id)
                labels[("owner", row_id)] = owner
                wanted[owner[0]].add(owner[1])
    for chunk in _chunks(wanted.get("contacts", ())):
        for cid, family, given, middle, org in session.execute(
            select(
                Contact.id,
                Contact.family_name,
                Contact.given_name,
                Contact.middle_name,
                Contact.organization,
            ).where(Contact.id.in_(chunk))
        ):
            labels[("contacts", cid)] = display_name(family, given, middle) or org
    for entity, column in _LABEL_COLUMNS.items():
        model = models[entity]
        for chunk in _chunks(wanted.get(entity, ())):
            for row_id, label in session.execute(
                select(model.id, getattr(model, column)).where(model.id.in_(chunk))
            ):
                labels[(entity, row_id)] = label
    return labels


def _summarise(
    batch_id: uuid.UUID, entries: list[ChangeLogEntry], labels: dict[Any, Any]
) -> BatchSummary:
    entries.sort(key=lambda e: (e.at, e.id))
    merges = [e for e in entries if e.action == ChangeAction.MERGE and e.field == "merged_into"]
    unmerges = [e for e in entries if e.action == ChangeAction.UNMERGE]
    more = False
    if merges:
        entity = merges[0].entity
        into = str(labels.get((entity, uuid.UUID(merges[0].new)), ""))
        parts: tuple[ChangePart, ...] = (ChangePart(ChangeVerb.MERGED, entity, len(merges), into),)
    elif unmerges:
        entity = unmerges[0].entity
        names = ", ".join(str(labels.get((entity, e.entity_id), "")) for e in unmerges[:3])
        parts = (ChangePart(ChangeVerb.UNMERGED, entity, len(unmerges), names),)
    else:
        parts, more = _describe(entries, labels)
    return BatchSummary(
        batch_id=batch_id,
        at=entries[-1].at,
        actor=entries[-1].actor,
        actions=len(entries),
        entities=tuple(sorted({e.entity for e in entries})),
        parts=parts,
        more=more,
        is_merge=bool(merges),
    )


_VERBS = {
    ChangeAction.INSERT: ChangeVerb.CREATED,
    ChangeAction.DELETE: ChangeVerb.DELETED,
    ChangeAction.RESTORE: ChangeVerb.RESTORED,
}


def _describe(
    entries: list[ChangeLogEntry], labels: dict[Any, Any]
) -> tuple[tuple[ChangePart, ...], bool]:
    """What a batch did, record by record: a phone's edit is its contact's edit."""
    verbs: dict[tuple[str, uuid.UUID], ChangeVerb] = {}
    fields: dict[tuple[str, uuid.UUID], list[str]] = defaultdict(list)
    for e in entries:
        key = (e.entity, e.entity_id)
        field = e.field
        if e.entity in _OWNED and ("owner", e.entity_id) in labels:
            key, field = labels[("owner", e.entity_id)], e.entity
        if key[0] in CHILD_ENTITIES:
            continue  # lines, reminders: part of their parent's edit
        verb = _VERBS.get(ChangeAction(e.action), ChangeVerb.EDITED)
        if key == (e.entity, e.entity_id) and verb != ChangeVerb.EDITED:
            verbs[key] = verb
        else:
            verbs.setdefault(key, ChangeVerb.EDITED)
            if field != SNAPSHOT_FIELD and field not in fields[key]:
                fields[key].append(field)
    if not verbs:
        counts = Counter(e.entity for e in entries)
        return tuple(ChangePart(ChangeVerb.EDITED, ent, n) for ent, n in counts.items()), False
    if len(verbs) == 1:
        ((key, verb),) = verbs.items()
        label = str(labels.get(key, ""))
        edited = tuple(fields[key]) if verb == ChangeVerb.EDITED else ()
        return (ChangePart(verb, key[0], 1, label, edited),), False
    grouped = Counter((verb, key[0]) for key, verb in verbs.items()).most_common()
    parts = tuple(ChangePart(verb, entity, n) for (verb, entity), n in grouped[:3])
    return parts, len(grouped) > 3


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
    changed = set()
    for obj in session.scalars(select(model).where(model.id.in_(list(ids)))):
        if obj.deleted_at is not None:
            obj.deleted_at = None
            changed.add(obj.id)
    session.flush()
    return Changes(**{entity: frozenset(changed)})
