"""Merging duplicate contacts (or accounts) into one, and taking a merge back.

A merge is one batch of ordinary ORM writes: the survivor's chosen field values, the losers'
phones/emails/addresses the survivor lacks, related activities, events, opportunities, orders,
cases and surveys re-pointed at the survivor, the losers soft-deleted. Every one of those writes
is in the change log, plus explicit MERGE entries naming who went where, so `unmerge` is just
`revert_batch` of the merge batch: what was edited since the merge is kept and reported.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import FieldError, KnownError, RecordNotFound, ValidationError
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    Activity,
    Address,
    CalendarEvent,
    ChangeLogEntry,
    Contact,
    Email,
    Entity,
    Opportunity,
    Order,
    Phone,
    SatisfactionSurvey,
    ServiceCase,
)
from crmdesk.models.activities import activity_participants, event_contacts
from crmdesk.models.base import utcnow
from crmdesk.models.changelog import session_batch
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import contact_sort_key, fold, text_sort_key
from crmdesk.services.changes import Changes, changes_in
from crmdesk.services.contact_points import ADDRESS_PARTS
from crmdesk.services.history import RevertResult, revert_batch

BOTH = "both"  # chosen["notes"] = BOTH keeps every record's notes, one after the other

CONTACT_MERGE_FIELDS = (
    "family_name",
    "given_name",
    "middle_name",
    "prefix",
    "suffix",
    "nickname",
    "phonetic_family_name",
    "phonetic_given_name",
    "organization",
    "title",
    "department",
    "birthday",
    "preferred_channel",
    "wechat",
    "website",
    "owner",
    "account_id",
    "photo",
    "notes",
)
ACCOUNT_MERGE_FIELDS = (
    "name",
    "code",
    "kind",
    "industry",
    "value_tier",
    "loyalty_stage",
    "lifecycle_phase",
    "source",
    "owner",
    "website",
    "notes",
)
# Fields that travel together with the one chosen.
_COMPANIONS: dict[str, tuple[str, ...]] = {"photo": ("photo_mime", "photo_uri")}
MERGED_INTO = "merged_into"
MERGED_FROM = "merged_from"


@dataclass(frozen=True)
class MergeResult:
    survivor_id: uuid.UUID
    loser_ids: tuple[uuid.UUID, ...]
    batch_id: uuid.UUID  # what unmerge() takes
    changes: Changes
    moved: dict[str, int] = field(default_factory=dict)  # table -> rows re-pointed


_Merged = TypeVar("_Merged", bound=Contact | Account)


@dataclass(frozen=True)
class _Spec(Generic[_Merged]):
    model: type[_Merged]
    entity: str
    owner_fk: str  # the column phones/emails/addresses and related rows point with
    fields: tuple[str, ...]
    related: tuple[tuple[type[Entity], str], ...]  # (model, Changes field or "")
    sort_key: Callable[[_Merged], str]
    none_chosen: str  # the refusals, naming the kind of record (marked for translation)
    into_itself: str
    missing: str  # %1: the id


def _contact_sort_key(c: Contact) -> str:
    return contact_sort_key(c.family_name, c.given_name, c.organization)


_CONTACT: _Spec[Contact] = _Spec(
    model=Contact,
    entity="contacts",
    owner_fk="contact_id",
    fields=CONTACT_MERGE_FIELDS,
    related=(
        (Activity, "activities"),
        (CalendarEvent, "events"),
        (Opportunity, "opportunities"),
        (Order, "orders"),
        (ServiceCase, "cases"),
        (SatisfactionSurvey, ""),
    ),
    sort_key=_contact_sort_key,
    none_chosen=translatable("Messages", "Choose at least one other contact to merge."),
    into_itself=translatable("Messages", "A contact cannot be merged into itself."),
    missing=translatable("Messages", "No contact with id %1 (it may have been deleted)."),
)
_ACCOUNT: _Spec[Account] = _Spec(
    model=Account,
    entity="accounts",
    owner_fk="account_id",
    fields=ACCOUNT_MERGE_FIELDS,
    related=(
        (Contact, "contacts"),
        (Activity, "activities"),
        (CalendarEvent, "events"),
        (Opportunity, "opportunities"),
        (Order, "orders"),
        (ServiceCase, "cases"),
        (SatisfactionSurvey, ""),
    ),
    sort_key=lambda a: text_sort_key(a.name),
    none_chosen=translatable("Messages", "Choose at least one other account to merge."),
    into_itself=translatable("Messages", "An account cannot be merged into itself."),
    missing=translatable("Messages", "No account with id %1 (it may have been deleted)."),
)


def merge_contacts(
    session: Session,
    survivor_id: uuid.UUID,
    loser_ids: Sequence[uuid.UUID],
    chosen: dict[str, uuid.UUID | str] | None = None,
) -> MergeResult:
    """Merge loser contacts into the survivor.

    `chosen` maps a field of CONTACT_MERGE_FIELDS to the contact whose value the survivor takes
    (notes may be BOTH). A field not chosen keeps the survivor's value, or the first loser's
    when the survivor's is empty.
    """
    return _merge(session, _CONTACT, survivor_id, loser_ids, chosen or {})


def merge_accounts(
    session: Session,
    survivor_id: uuid.UUID,
    loser_ids: Sequence[uuid.UUID],
    chosen: dict[str, uuid.UUID | str] | None = None,
) -> MergeResult:
    """Merge loser accounts into the survivor: contacts, opportunities, orders, cases follow."""
    return _merge(session, _ACCOUNT, survivor_id, loser_ids, chosen or {})


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str | bytes) and not value.strip())


def _merge(
    session: Session,
    spec: _Spec[_Merged],
    survivor_id: uuid.UUID,
    loser_ids: Sequence[uuid.UUID],
    chosen: dict[str, uuid.UUID | str],
) -> MergeResult:
    losers_order = list(dict.fromkeys(loser_ids))
    if not losers_order:
        raise KnownError(spec.none_chosen)
    if survivor_id in losers_order:
        raise KnownError(spec.into_itself)
    model = spec.model
    found = {
        obj.id: obj
        for obj in session.scalars(select(model).where(model.id.in_([survivor_id, *losers_order])))
    }
    for wanted in (survivor_id, *losers_order):
        obj = found.get(wanted)
        if obj is None or obj.deleted_at is not None:
            raise RecordNotFound(spec.missing, values=(wanted,))
    survivor, losers = found[survivor_id], [found[i] for i in losers_order]
    sources = {survivor_id, *losers_order}
    errors = [
        FieldError(name, translatable("Validation", "Not a field that can be merged."))
        for name in chosen
        if name not in spec.fields
    ]
    errors += [
        FieldError(
            name,
            translatable("Validation", "The value must come from one of the records being merged."),
        )
        for name, source in chosen.items()
        if source not in sources and not (name == "notes" and source == BOTH)
    ]
    if errors:
        raise ValidationError(errors)

    _take_fields(spec, survivor, losers, found, chosen)
    survivor.sort_key = spec.sort_key(survivor)
    moved: dict[str, int] = {}
    moved.update(_move_points(session, spec, survivor_id, losers_order))
    survivor_tags = {t.id for t in survivor.tags}
    extra = [t for loser in losers for t in loser.tags if t.id not in survivor_tags]
    if extra:
        survivor.tags = [*survivor.tags, *dict.fromkeys(extra)]
    for related, _bucket in spec.related:
        owner = getattr(related, spec.owner_fk)
        rows = session.scalars(select(related).where(owner.in_(losers_order))).all()
        for row in rows:
            setattr(row, spec.owner_fk, survivor_id)
        if rows:
            moved[related.__tablename__] = len(rows)
    if isinstance(survivor, Contact):
        _move_participants(session, survivor, losers_order)
    now = utcnow()
    for loser in losers:
        loser.deleted_at = now
    session.flush()
    _log_merge(session, spec.entity, survivor_id, losers_order)
    return MergeResult(
        survivor_id=survivor_id,
        loser_ids=tuple(losers_order),
        batch_id=session_batch(session),
        changes=changes_in(session),
        moved=moved,
    )


def _move_participants(
    session: Session,
    survivor: Contact,
    loser_ids: list[uuid.UUID],
) -> None:
    """Where a loser was among the people present at an activity or linked to an event, the
    survivor is (logged on the activity or event, so an unmerge puts the loser back)."""
    present = select(activity_participants.c.activity_id).where(
        activity_participants.c.contact_id.in_(loser_ids)
    )
    activities = session.scalars(
        select(Activity).where(Activity.id.in_(present)).options(selectinload(Activity.participants))
    )
    losers = set(loser_ids)
    for activity in activities:
        people = [survivor if p.id in losers else p for p in activity.participants]
        activity.participants = list(dict.fromkeys(people))
    linked = select(event_contacts.c.event_id).where(event_contacts.c.contact_id.in_(loser_ids))
    events = session.scalars(
        select(CalendarEvent)
        .where(CalendarEvent.id.in_(linked))
        .options(selectinload(CalendarEvent.contacts))
    )
    for row in events:
        people = [survivor if p.id in losers else p for p in row.contacts]
        row.contacts = list(dict.fromkeys(people))


def _take_fields(
    spec: _Spec[_Merged],
    survivor: _Merged,
    losers: list[_Merged],
    found: dict[uuid.UUID, _Merged],
    chosen: dict[str, uuid.UUID | str],
) -> None:
    for name in spec.fields:
        source = chosen.get(name)
        if name == "notes" and source == BOTH:
            notes = [r.notes.strip() for r in (survivor, *losers) if r.notes.strip()]
            value = "\n\n".join(dict.fromkeys(notes))
            if value != survivor.notes:
                survivor.notes = value
            continue
        if source is None:
            if not _is_empty(getattr(survivor, name)):
                continue
            source_row = next((r for r in losers if not _is_empty(getattr(r, name))), None)
            if source_row is None:
                continue
        else:
            assert isinstance(source, uuid.UUID)  # _merge refused any other source
            source_row = found[source]
        if source_row is survivor:
            continue
        for attr in (name, *_COMPANIONS.get(name, ())):
            value = getattr(source_row, attr)
            if getattr(survivor, attr) != value:
                setattr(survivor, attr, value)


def _point_key(row: Entity) -> tuple[str, ...]:
    if isinstance(row, Phone):
        return ("phone", row.e164 or "".join(c for c in row.number if c.isdigit()))
    if isinstance(row, Email):
        return ("email", row.normalized or row.address.strip().lower())
    return ("address", *(" ".join(fold(getattr(row, p)).split()) for p in ADDRESS_PARTS[:-1]))


def _move_points(
    session: Session, spec: _Spec[_Merged], survivor_id: uuid.UUID, loser_ids: list[uuid.UUID]
) -> dict[str, int]:
    """Phones, emails and addresses of the losers that the survivor lacks move to the survivor."""
    moved: dict[str, int] = {}
    for point in (Phone, Email, Address):
        owner = getattr(point, spec.owner_fk)
        rows = session.scalars(
            select(point)
            .where(owner.in_([survivor_id, *loser_ids]), point.deleted_at.is_(None))
            .order_by(point.position)
        ).all()
        mine = [r for r in rows if getattr(r, spec.owner_fk) == survivor_id]
        have = {_point_key(r) for r in mine}
        has_primary = any(r.is_primary for r in mine)
        position = max((r.position for r in mine), default=-1) + 1
        by_loser = {i: n for n, i in enumerate(loser_ids)}
        theirs = sorted(
            (r for r in rows if getattr(r, spec.owner_fk) != survivor_id),
            key=lambda r: (by_loser[getattr(r, spec.owner_fk)], r.position),
        )
        count = 0
        for row in theirs:
            key = _point_key(row)
            if key in have:
                continue
            have.add(key)
            setattr(row, spec.owner_fk, survivor_id)
            if row.position != position:
                row.position = position
            if row.is_primary and has_primary:
                row.is_primary = False
            has_primary = has_primary or row.is_primary
            position += 1
            count += 1
        if count:
            moved[point.__tablename__] = count
    return moved


def _log_merge(
    session: Session, entity: str, survivor_id: uuid.UUID, loser_ids: list[uuid.UUID]
) -> None:
    """MERGE entries in the merge's batch, so a history view (and unmerge) can find it."""
    batch, at = session_batch(session), utcnow()
    actor = str(session.info.get("actor", ""))
    entries = [
        ChangeLogEntry(
            batch_id=batch,
            at=at,
            actor=actor,
            action=ChangeAction.MERGE,
            entity=entity,
            entity_id=loser,
            field=MERGED_INTO,
            old=None,
            new=str(survivor_id),
        )
        for loser in loser_ids
    ]
    entries.append(
        ChangeLogEntry(
            batch_id=batch,
            at=at,
            actor=actor,
            action=ChangeAction.MERGE,
            entity=entity,
            entity_id=survivor_id,
            field=MERGED_FROM,
            old=None,
            new=[str(i) for i in loser_ids],
        )
    )
    session.add_all(entries)
    session.flush()


def unmerge(session: Session, merge_batch_id: uuid.UUID) -> RevertResult:
    """Take a merge back: losers restored, moved rows moved back, the survivor's fields restored
    except those edited since the merge (reported in `conflicts`)."""
    merges = session.execute(
        select(
            ChangeLogEntry.entity, ChangeLogEntry.entity_id, ChangeLogEntry.new, ChangeLogEntry.at
        ).where(
            ChangeLogEntry.batch_id == merge_batch_id,
            ChangeLogEntry.action == ChangeAction.MERGE,
            ChangeLogEntry.field == MERGED_INTO,
        )
    ).all()
    if not merges:
        raise KnownError(
            translatable("Messages", "That change is not a merge."),
            translatable("Messages", "Choose a merge in the history."),
        )
    entity, merged_at = merges[0].entity, merges[0].at
    loser_ids = [m.entity_id for m in merges]
    later_unmerge = session.scalar(
        select(ChangeLogEntry.id)
        .where(
            ChangeLogEntry.action == ChangeAction.UNMERGE,
            ChangeLogEntry.entity == entity,
            ChangeLogEntry.entity_id.in_(loser_ids),
            ChangeLogEntry.at >= merged_at,
        )
        .limit(1)
    )
    if later_unmerge is not None:
        raise KnownError(translatable("Messages", "That merge has already been taken back."))
    result = revert_batch(session, merge_batch_id)
    batch, at = session_batch(session), utcnow()
    actor = str(session.info.get("actor", ""))
    session.add_all(
        ChangeLogEntry(
            batch_id=batch,
            at=at,
            actor=actor,
            action=ChangeAction.UNMERGE,
            entity=entity,
            entity_id=m.entity_id,
            field=MERGED_INTO,
            old=m.new,
            new=None,
        )
        for m in merges
    )
    session.flush()
    return result
