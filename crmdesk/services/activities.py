"""Logging what happened with a customer: a call, visit, meeting, e-mail or note, the people
present, and an optional follow-up task, written in one transaction."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from crmdesk.core.errors import FieldError, RecordNotFound, StaleRecordError, ValidationError
from crmdesk.core.texts import translatable
from crmdesk.models import Account, Activity, CalendarEvent, Contact
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.models.names import display_name
from crmdesk.services.changes import Changes, changes_in

MAX_DURATION_MINUTES = 24 * 60
SCALAR_FIELDS = ("kind", "occurred_at", "duration_minutes", "subject", "body", "outcome", "owner")


@dataclass
class FollowUp:
    """A task to do after the activity: stored as an all-day calendar event of kind task."""

    due: dt.date
    title: str
    event_id: uuid.UUID | None = None  # the task once written (set by the caller on redo)


@dataclass
class ActivityDraft:
    kind: ActivityKind = ActivityKind.CALL
    occurred_at: dt.datetime | None = None  # aware
    duration_minutes: int | None = None
    subject: str = ""
    outcome: str = ""
    body: str = ""
    owner: str = ""
    contact_id: uuid.UUID | None = None
    account_id: uuid.UUID | None = None
    participants: list[uuid.UUID] = field(default_factory=list)
    follow_up: FollowUp | None = None
    id: uuid.UUID | None = None
    version: int | None = None


@dataclass(frozen=True)
class Person:
    """Someone who may have been present: a contact of the account."""

    id: uuid.UUID
    name: str
    title: str


@dataclass(frozen=True)
class ActivityDetail:
    draft: ActivityDraft
    contact_name: str
    account_name: str
    deleted: bool


@dataclass(frozen=True)
class SavedActivity:
    activity_id: uuid.UUID
    follow_up_id: uuid.UUID | None
    changes: Changes


def validate_activity(draft: ActivityDraft) -> list[FieldError]:
    errors = []
    if draft.contact_id is None and draft.account_id is None:
        errors.append(
            FieldError(
                "contact_id",
                translatable("Validation", "An activity belongs to a contact or an account."),
            )
        )
    if draft.occurred_at is None or draft.occurred_at.tzinfo is None:
        errors.append(
            FieldError("occurred_at", translatable("Validation", "Say when it happened."))
        )
    minutes = draft.duration_minutes
    if minutes is not None and not 0 <= minutes <= MAX_DURATION_MINUTES:
        errors.append(
            FieldError(
                "duration_minutes",
                translatable("Validation", "A duration is between 0 minutes and 24 hours."),
            )
        )
    if draft.follow_up is not None and not draft.follow_up.title.strip():
        errors.append(
            FieldError(
                "follow_up.title", translatable("Validation", "The follow-up needs a title.")
            )
        )
    return errors


def save_activity(session: Session, draft: ActivityDraft) -> SavedActivity:
    """Create or update an activity, its people present and its follow-up task."""
    if errors := validate_activity(draft):
        raise ValidationError(errors)
    activity = session.get(Activity, draft.id) if draft.id is not None else None
    if activity is None:
        activity = Activity(id=draft.id) if draft.id else Activity()
        session.add(activity)
    elif draft.version is not None and activity.version != draft.version:
        raise StaleRecordError(
            translatable("Messages", "This activity was changed elsewhere since you opened it."),
            translatable("Messages", "Reload it and make your change again."),
        )
    for name in SCALAR_FIELDS:
        value = getattr(draft, name)
        setattr(activity, name, value.strip() if isinstance(value, str) else value)
    activity.contact_id = draft.contact_id
    activity.account_id = draft.account_id or _account_of(session, draft.contact_id)
    activity.deleted_at = None
    wanted = list(dict.fromkeys(draft.participants))
    if [c.id for c in activity.participants] != wanted:
        people = {c.id: c for c in session.scalars(select(Contact).where(Contact.id.in_(wanted)))}
        activity.participants = [people[i] for i in wanted if i in people]
    session.flush()
    follow_up_id = None
    if draft.follow_up is not None:
        follow_up_id = _write_follow_up(session, activity, draft.follow_up)
        activity.follow_up_id = follow_up_id
    elif activity.follow_up_id is not None:
        _drop_follow_up(session, activity.follow_up_id)
    session.flush()
    return SavedActivity(activity.id, follow_up_id, changes_in(session))


def _account_of(session: Session, contact_id: uuid.UUID | None) -> uuid.UUID | None:
    if contact_id is None:
        return None
    return session.scalar(select(Contact.account_id).where(Contact.id == contact_id))


def _drop_follow_up(session: Session, event_id: uuid.UUID) -> None:
    """The follow-up was taken off: its task goes to the recycle bin (the link stays, so an
    undo or ticking it again brings the same task back)."""
    event = session.get(CalendarEvent, event_id)
    if event is not None and event.deleted_at is None:
        event.deleted_at = utcnow()


def _write_follow_up(session: Session, activity: Activity, follow_up: FollowUp) -> uuid.UUID:
    wanted = follow_up.event_id or activity.follow_up_id
    event = session.get(CalendarEvent, wanted) if wanted else None
    if event is None:
        event = CalendarEvent(id=wanted) if wanted else CalendarEvent()
        session.add(event)
        event.kind = EventKind.TASK
        event.status = EventStatus.CONFIRMED
        event.all_day = True
    event.title = follow_up.title.strip()
    event.description = activity.subject
    event.start_date = follow_up.due
    event.end_date = follow_up.due + dt.timedelta(days=1)
    event.contact_id, event.account_id = activity.contact_id, activity.account_id
    event.opportunity_id = activity.opportunity_id
    event.owner = activity.owner
    event.deleted_at = None
    session.flush()
    if not event.uid:
        event.uid = f"{event.id}@crmdesk"
        session.flush()
    return event.id


def get_activity(session: Session, activity_id: uuid.UUID) -> ActivityDetail:
    activity = session.scalars(
        select(Activity)
        .where(Activity.id == activity_id)
        .options(selectinload(Activity.participants))
    ).one_or_none()
    if activity is None:
        raise RecordNotFound(
            translatable("Messages", "No activity with id %1."), values=(activity_id,)
        )
    draft = ActivityDraft(
        **{name: getattr(activity, name) for name in SCALAR_FIELDS},
        contact_id=activity.contact_id,
        account_id=activity.account_id,
        participants=[c.id for c in activity.participants],
        id=activity.id,
        version=activity.version,
    )
    draft.kind = ActivityKind(draft.kind)
    task = session.get(CalendarEvent, activity.follow_up_id) if activity.follow_up_id else None
    if task is not None and task.deleted_at is None and task.start_date is not None:
        draft.follow_up = FollowUp(task.start_date, task.title, task.id)
    contact = session.get(Contact, activity.contact_id) if activity.contact_id else None
    account = session.get(Account, activity.account_id) if activity.account_id else None
    return ActivityDetail(
        draft,
        _name(contact) if contact else "",
        account.name if account else "",
        activity.deleted_at is not None,
    )


def _name(contact: Contact) -> str:
    name = display_name(contact.family_name, contact.given_name, contact.middle_name)
    return name or contact.organization


def people_present_choices(
    session: Session,
    contact_id: uuid.UUID | None,
    account_id: uuid.UUID | None,
    also: Sequence[uuid.UUID] = (),
) -> list[Person]:
    """Who may have been there: the contact, the live contacts of the account, and anyone
    already recorded as present (`also`), in name order."""
    if account_id is None:
        account_id = _account_of(session, contact_id)
    conditions = [Contact.id.in_([i for i in (contact_id, *also) if i is not None])]
    if account_id is not None:
        conditions.append((Contact.account_id == account_id) & Contact.deleted_at.is_(None))
    rows = session.execute(
        select(
            Contact.id,
            Contact.family_name,
            Contact.given_name,
            Contact.middle_name,
            Contact.organization,
            Contact.title,
        )
        .where(or_(*conditions))
        .order_by(Contact.sort_key, Contact.id)
    )
    return [Person(r[0], display_name(r[1], r[2], r[3]) or r[4], r[5] or "") for r in rows]


def delete_activity(
    session: Session, activity_id: uuid.UUID, follow_up_id: uuid.UUID | None = None
) -> Changes:
    """Move an activity (and the follow-up task it created) to the recycle bin."""
    return _set_deleted(session, activity_id, follow_up_id, utcnow())


def restore_activity(
    session: Session, activity_id: uuid.UUID, follow_up_id: uuid.UUID | None = None
) -> Changes:
    return _set_deleted(session, activity_id, follow_up_id, None)


def _set_deleted(
    session: Session,
    activity_id: uuid.UUID,
    follow_up_id: uuid.UUID | None,
    when: dt.datetime | None,
) -> Changes:
    activity = session.get(Activity, activity_id)
    if activity is not None and (activity.deleted_at is None) != (when is None):
        activity.deleted_at = when
    follow_up_id = follow_up_id or (activity.follow_up_id if activity is not None else None)
    event = session.get(CalendarEvent, follow_up_id) if follow_up_id else None
    if event is not None and (event.deleted_at is None) != (when is None):
        event.deleted_at = when
    session.flush()
    return changes_in(session)


__all__ = [
    "ActivityDetail",
    "ActivityDraft",
    "FollowUp",
    "Person",
    "SavedActivity",
    "delete_activity",
    "get_activity",
    "people_present_choices",
    "restore_activity",
    "save_activity",
    "validate_activity",
]
