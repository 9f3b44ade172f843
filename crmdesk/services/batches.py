"""What the history lists: the recent batches of the change log, each summed up in words.

A batch is one user action (a save, a delete, an import, a merge, an undo); `recent_batches`
sums up the newest ones and `describe` words a summary, in English or in the words a view
passes (its translations).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.texts import fill
from crmdesk.models import Base, ChangeLogEntry, Contact, Entity
from crmdesk.models.changelog import SNAPSHOT_FIELD
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import display_name

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
        "survey_template_items",  # a template's items (an undone edit takes an added one out)
        # a campaign's members and answers, a message it queued, a call made from a list:
        # an undone start, queueing or call takes them out whole, so a second start is free
        "campaign_members",
        "campaign_responses",
        "outbox_messages",
        "call_attempts",
    }
)
# The "table" of the change log's own entries: an undo's link to the batch it took back, a
# batch's note (an import's file and counts).
LOG_ENTITY = "change_log"

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


def models_by_table() -> dict[str, type[Entity]]:
    return {
        m.class_.__tablename__: m.class_
        for m in Base.registry.mappers
        if issubclass(m.class_, Entity) and hasattr(m.class_, "__tablename__")
    }


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
    undoes: BatchSummary | None = None  # the change this one took back (an undo, a redo)
    undone: bool = False  # taken back since (by an undo still in effect)
    note: Mapping[str, Any] | None = None  # what the batch was: an import's file and counts

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
    undid: str = "Undid: %1"  # %1 the change taken back
    redid: str = "Redid: %1"
    imported: str = "Imported %1"  # %1 the file


ENGLISH = ChangeWords()


def _fill(template: str, *values: object) -> str:
    # an empty name leaves no double or trailing space
    return " ".join(fill(template, values).split())


def describe(batch: BatchSummary, words: ChangeWords = ENGLISH) -> str:
    """The batch in words: one record by its name, else counts of the biggest parts; an undo
    as the change it took back, an import by its file and counts."""
    unmerge = bool(batch.parts) and batch.parts[0].verb == ChangeVerb.UNMERGED
    if batch.undoes is not None and not unmerge:
        if batch.undoes.undoes is not None:
            return _fill(words.redid, describe(batch.undoes.undoes, words))
        return _fill(words.undid, describe(batch.undoes, words))
    note = batch.note or {}
    if note.get("kind") == "import":
        counted = [
            _fill(words.counted[ChangeVerb(verb)], n, words.noun(entity, n))
            for verb, entity, n in note.get("counts", ())
            if n
        ]
        text = _fill(words.imported, note.get("file", ""))
        return _fill(words.with_fields, text, words.separator.join(counted)) if counted else text
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
    summaries = _summaries(session, list(batch_ids))
    return [summaries[b] for b in batch_ids if b in summaries]


def batch_summary(session: Session, batch_id: uuid.UUID) -> BatchSummary | None:
    """One batch as the history lists it (None when the log has no such batch)."""
    return _summaries(session, [batch_id]).get(batch_id)


def _summaries(
    session: Session, batch_ids: list[uuid.UUID], depth: int = 2
) -> dict[uuid.UUID, BatchSummary]:
    """Each batch summed up, with the change it took back (to `depth` undos deep), its note,
    and whether it was taken back since."""
    if not batch_ids:
        return {}
    sizes = dict(
        session.execute(
            select(ChangeLogEntry.batch_id, func.count())
            .where(ChangeLogEntry.batch_id.in_(batch_ids))
            .group_by(ChangeLogEntry.batch_id)
        ).all()
    )
    large = {b: _summarise_large(session, b) for b, n in sizes.items() if n > LARGE_BATCH}
    entries: dict[uuid.UUID, list[ChangeLogEntry]] = defaultdict(list)
    ids = [b for b in batch_ids if b not in large]
    for chunk in _chunks(ids):
        for row in session.scalars(
            select(ChangeLogEntry).where(
                ChangeLogEntry.batch_id.in_(chunk), ChangeLogEntry.entity != LOG_ENTITY
            )
        ):
            entries[row.batch_id].append(row)
    labels = _labels(session, [e for rows in entries.values() for e in rows])
    found = {b: _summarise(b, entries[b], labels) for b in ids if entries[b]}
    found.update(large)
    undoes, notes = _log_entries(session, list(sizes))
    for b in undoes:  # an undo whose own rows were all left alone says nothing by itself
        if b not in found:
            found[b] = BatchSummary(b, undoes[b][1], "", 0, (), ())
    earlier = _summaries(session, [t for t, _at in undoes.values()], depth - 1) if depth else {}
    undone = taken_back(session, list(found))
    return {
        b: dataclasses.replace(
            summary,
            undoes=earlier.get(undoes[b][0]) if b in undoes else None,
            undone=b in undone,
            note=notes.get(b),
        )
        for b, summary in found.items()
    }


def _log_entries(
    session: Session, batch_ids: list[uuid.UUID]
) -> tuple[dict[uuid.UUID, tuple[uuid.UUID, dt.datetime]], dict[uuid.UUID, Any]]:
    """The batches' links to what they took back (with when), and their notes."""
    undoes: dict[uuid.UUID, tuple[uuid.UUID, dt.datetime]] = {}
    notes: dict[uuid.UUID, Any] = {}
    for chunk in _chunks(batch_ids):
        for batch, action, target, kind, new, at in session.execute(
            select(
                ChangeLogEntry.batch_id,
                ChangeLogEntry.action,
                ChangeLogEntry.entity_id,
                ChangeLogEntry.field,
                ChangeLogEntry.new,
                ChangeLogEntry.at,
            ).where(ChangeLogEntry.batch_id.in_(chunk), ChangeLogEntry.entity == LOG_ENTITY)
        ):
            if action == ChangeAction.REVERT:
                undoes[batch] = (target, at)
            elif action == ChangeAction.NOTE and isinstance(new, dict):
                notes[batch] = {"kind": kind, **new}
    return undoes, notes


def taken_back(session: Session, batch_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Those of `batch_ids` whose effect was taken back: reverted by a batch still in effect
    (an undo that was itself undone leaves the change in effect again)."""
    wanted = set(batch_ids)
    reverters: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    frontier, seen = set(wanted), set(wanted)
    while frontier:
        found: list[Any] = []
        for chunk in _chunks(frontier):
            found += session.execute(
                select(ChangeLogEntry.entity_id, ChangeLogEntry.batch_id).where(
                    ChangeLogEntry.action == ChangeAction.REVERT,
                    ChangeLogEntry.entity_id.in_(chunk),
                )
            ).all()
        frontier = set()
        for reverted, reverter in found:
            reverters[reverted].add(reverter)
            if reverter not in seen:
                seen.add(reverter)
                frontier.add(reverter)
    memo: dict[uuid.UUID, bool] = {}

    def in_effect(batch: uuid.UUID) -> bool:
        if batch not in memo:
            memo[batch] = not any(in_effect(r) for r in reverters.get(batch, ()))
        return memo[batch]

    return {b for b in wanted if not in_effect(b)}


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
        .where(in_batch, log.entity.not_in([*CHILD_ENTITIES, LOG_ENTITY]))
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
        into = str(labels.get((entity, uuid.UUID(str(merges[0].new))), ""))
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
