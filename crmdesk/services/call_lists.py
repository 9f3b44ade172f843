"""Call lists: contacts from a segment or a campaign, shared among callers, worked through one
call at a time.

An outcome is one write: the call is logged as an activity of the contact, the attempt is
kept, and the entry moves on — reached and wrong numbers are done; no answer and busy come
back after the list's delay until its number of tries is used up; a callback books a task
at the time agreed and brings the entry back then.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.export.atomic import write_atomically
from crmdesk.interop.tabular import neutralise
from crmdesk.models import (
    Account,
    Activity,
    CalendarEvent,
    CallAttempt,
    CallList,
    CallListEntry,
    Campaign,
    CampaignMember,
    Contact,
    Phone,
)
from crmdesk.models.base import utcnow
from crmdesk.models.enums import (
    ActivityKind,
    CallEntryStatus,
    CallOutcome,
    EventKind,
    EventStatus,
    MemberStatus,
    ResponseKind,
    ResponseSource,
)
from crmdesk.models.names import display_name
from crmdesk.services import segments
from crmdesk.services.campaigns import record_response
from crmdesk.services.normalize import phone_e164
from crmdesk.services.outbox import fill

CALLBACK_MINUTES = 15
OPEN = (CallEntryStatus.PENDING, CallEntryStatus.CALLBACK)


@dataclass(frozen=True)
class CallListInfo:
    id: uuid.UUID
    name: str
    script: str
    max_tries: int
    retry_minutes: int
    entries: int


@dataclass(frozen=True)
class CallCard:
    """What the calling view shows for the next contact."""

    entry_id: uuid.UUID
    contact_id: uuid.UUID
    name: str
    account: str
    title: str
    phones: tuple[str, ...]
    script: str
    tries: int
    last_activities: tuple[tuple[dt.datetime, str, str], ...]  # when, kind, subject
    open_tasks: int


@dataclass(frozen=True)
class CallerProgress:
    calls: int = 0
    reached: int = 0
    outcomes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class ListProgress:
    total: int
    done: int
    to_call: int
    callbacks: int
    given_up: int
    calls: int
    by_caller: dict[str, CallerProgress]


def _bad(text: str, *values: object) -> KnownError:
    return KnownError(text, values=values) if values else KnownError(text)


def _list(session: Session, name_or_id: str | uuid.UUID) -> CallList:
    row = session.get(CallList, name_or_id) if isinstance(name_or_id, uuid.UUID) else None
    if row is None:
        row = session.scalars(select(CallList).where(CallList.name == str(name_or_id))).first()
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(translatable("Messages", "No call list named %1."),
                             values=(name_or_id,))  # fmt: skip
    return row


def create_call_list(
    session: Session, name: str, *, segment_id: uuid.UUID | None = None,
    campaign_id: uuid.UUID | None = None, callers: Sequence[str] = (), script: str = "",
    max_tries: int = 3, retry_minutes: int = 120,
) -> uuid.UUID:  # fmt: skip
    """A list over a segment's contacts or a campaign's included members; each entry goes to
    the contact's owner when they are one of `callers`, else to the callers in turn."""
    if not name.strip():
        raise _bad(translatable("Messages", "A call list needs a name."))
    if (segment_id is None) == (campaign_id is None):
        raise _bad(translatable("Messages", "A call list is made from a segment or a campaign."))
    if not 1 <= max_tries <= 20 or retry_minutes < 0:
        raise _bad(translatable("Messages", "Tries are 1 to 20 and the delay cannot be negative."))
    if session.scalars(select(CallList).where(CallList.name == name.strip())).first():
        raise _bad(translatable("Messages", "There is already a call list named %1."), name)
    members: dict[uuid.UUID, uuid.UUID | None] = {}
    if campaign_id is not None:
        campaign = session.get(Campaign, campaign_id)
        script = script or (campaign.script if campaign else "")
        for cid, mid in session.execute(
            select(CampaignMember.contact_id, CampaignMember.id).where(
                CampaignMember.campaign_id == campaign_id,
                CampaignMember.status == MemberStatus.INCLUDED,
            )
        ):
            members[cid] = mid
    else:
        assert segment_id is not None
        tree = segments.get_segment(session, segment_id).criteria
        members = dict.fromkeys(segments.member_ids(session, tree))
    row = CallList(name=name.strip(), segment_id=segment_id, campaign_id=campaign_id,
                   script=script, max_tries=max_tries, retry_minutes=retry_minutes)  # fmt: skip
    session.add(row)
    session.flush()
    owners = _owners(session, list(members))
    turn = 0
    for position, (cid, member_id) in enumerate(members.items()):
        owner = owners.get(cid, "")
        if callers and owner not in callers:
            owner, turn = callers[turn % len(callers)], turn + 1
        session.add(CallListEntry(call_list_id=row.id, contact_id=cid, member_id=member_id,
                                  owner=owner, position=position))  # fmt: skip
    session.flush()
    return row.id


def _owners(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
    found: dict[uuid.UUID, str] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Contact.id, Contact.owner).where(Contact.id.in_(ids[start : start + 500]))
        )
        found.update({cid: owner for cid, owner in rows})
    return found


def list_call_lists(session: Session) -> list[CallListInfo]:
    entries = (
        select(func.count(CallListEntry.id))
        .where(CallListEntry.call_list_id == CallList.id)
        .correlate(CallList)
        .scalar_subquery()
    )
    stmt = select(CallList, entries).where(CallList.deleted_at.is_(None)).order_by(CallList.name)
    return [
        CallListInfo(r.id, r.name, r.script, r.max_tries, r.retry_minutes, n or 0)
        for r, n in session.execute(stmt)
    ]


def get_call_list(session: Session, name_or_id: str | uuid.UUID) -> CallListInfo:
    row = _list(session, name_or_id)
    return next(i for i in list_call_lists(session) if i.id == row.id)


def next_call(
    session: Session, name_or_id: str | uuid.UUID, caller: str = "",
    now: dt.datetime | None = None,
) -> CallCard | None:  # fmt: skip
    """The next entry due for this caller (theirs or nobody's), callbacks due first."""
    row = _list(session, name_or_id)
    at = now or utcnow()
    stmt = (
        select(CallListEntry)
        .where(CallListEntry.call_list_id == row.id, CallListEntry.status.in_(OPEN),
               or_(CallListEntry.next_call_at.is_(None), CallListEntry.next_call_at <= at))
        .order_by(CallListEntry.status != CallEntryStatus.CALLBACK, CallListEntry.next_call_at,
                  CallListEntry.position)
    )  # fmt: skip
    if caller:
        stmt = stmt.where(CallListEntry.owner.in_((caller, "")))
    entry = session.scalars(stmt.limit(1)).first()
    return None if entry is None else _card(session, row, entry)


def _card(session: Session, row: CallList, entry: CallListEntry) -> CallCard:
    contact = session.get(Contact, entry.contact_id)
    assert contact is not None
    account = session.get(Account, contact.account_id) if contact.account_id else None
    phones = tuple(
        p.number for p in session.scalars(
            select(Phone).where(Phone.contact_id == contact.id, Phone.deleted_at.is_(None))
            .order_by(Phone.is_primary.desc(), Phone.position)
        )
    )  # fmt: skip
    recent = tuple(
        (a.occurred_at, str(a.kind), a.subject)
        for a in session.scalars(
            select(Activity).where(Activity.contact_id == contact.id, Activity.deleted_at.is_(None))
            .order_by(Activity.occurred_at.desc()).limit(5)
        )
    )  # fmt: skip
    tasks = session.scalar(
        select(func.count(CalendarEvent.id)).where(
            CalendarEvent.contact_id == contact.id, CalendarEvent.kind == EventKind.TASK,
            CalendarEvent.deleted_at.is_(None),
            CalendarEvent.status.not_in((EventStatus.DONE, EventStatus.CANCELLED)),
        )
    )  # fmt: skip
    name = contact.display_name or contact.organization
    company = account.name if account else contact.organization
    fields = {"name": name, "family_name": contact.family_name, "given_name": contact.given_name,
              "title": contact.title, "company": company, "owner": contact.owner, "city": "",
              "email": "", "today": dt.date.today().isoformat()}  # fmt: skip
    return CallCard(entry.id, contact.id, name, company, contact.title, phones,
                    fill(row.script, fields), entry.tries, recent, tasks or 0)  # fmt: skip


def record_outcome(
    session: Session, entry_id: uuid.UUID, outcome: CallOutcome, *, caller: str = "",
    note: str = "", callback_at: dt.datetime | None = None, now: dt.datetime | None = None,
) -> uuid.UUID:  # fmt: skip
    """Log the call and move the entry on (see the module's docstring); the activity's id."""
    entry = session.get(CallListEntry, entry_id)
    if entry is None:
        raise RecordNotFound(translatable("Messages", "That call list entry no longer exists."))
    if outcome == CallOutcome.CALLBACK and (callback_at is None or callback_at.tzinfo is None):
        raise _bad(translatable("Messages", "Say when to call back."))
    row = _list(session, entry.call_list_id)
    at = now or utcnow()
    account = session.scalar(select(Contact.account_id).where(Contact.id == entry.contact_id))
    activity = Activity(kind=ActivityKind.CALL, occurred_at=at, subject=row.name,
                        outcome=outcome.value, body=note, owner=caller,
                        contact_id=entry.contact_id, account_id=account)  # fmt: skip
    session.add(activity)
    session.flush()
    task_id = _book_callback(session, row, entry, account, caller, callback_at) if (
        outcome == CallOutcome.CALLBACK) else None  # fmt: skip
    session.add(CallAttempt(entry_id=entry.id, caller=caller, outcome=outcome, called_at=at,
                            activity_id=activity.id, task_id=task_id, note=note))  # fmt: skip
    entry.tries += 1
    entry.last_outcome = outcome
    _move_on(row, entry, outcome, at, callback_at)
    if entry.member_id is not None and outcome in (CallOutcome.REACHED, CallOutcome.CALLBACK):
        member = session.get(CampaignMember, entry.member_id)
        if member is not None and member.reached_at is None:
            member.reached_at = at
        if outcome == CallOutcome.CALLBACK:
            record_response(session, entry.member_id, ResponseKind.INTERESTED,
                            ResponseSource.CALL, note, at)  # fmt: skip
    session.flush()
    return activity.id


def _move_on(
    row: CallList, entry: CallListEntry, outcome: CallOutcome, at: dt.datetime,
    callback_at: dt.datetime | None,
) -> None:  # fmt: skip
    if outcome in (CallOutcome.REACHED,):
        entry.status, entry.next_call_at = CallEntryStatus.DONE, None
    elif outcome == CallOutcome.WRONG_NUMBER:
        entry.status, entry.next_call_at = CallEntryStatus.GIVEN_UP, None
    elif outcome == CallOutcome.CALLBACK:
        entry.status, entry.next_call_at = CallEntryStatus.CALLBACK, callback_at
    elif entry.tries >= row.max_tries:
        entry.status, entry.next_call_at = CallEntryStatus.GIVEN_UP, None
    else:
        entry.status = CallEntryStatus.PENDING
        entry.next_call_at = at + dt.timedelta(minutes=row.retry_minutes)


def _book_callback(
    session: Session, row: CallList, entry: CallListEntry, account: uuid.UUID | None,
    caller: str, when: dt.datetime | None,
) -> uuid.UUID:  # fmt: skip
    """A call task in the calendar at the time agreed (a quarter of an hour long)."""
    assert when is not None
    name = session.scalar(select(Contact.formatted_name).where(Contact.id == entry.contact_id))
    contact = session.get(Contact, entry.contact_id)
    title = contact.display_name if contact is not None else (name or "")
    event = CalendarEvent(kind=EventKind.TASK, status=EventStatus.CONFIRMED, title=title,
                          description=row.name, starts_at=when,
                          ends_at=when + dt.timedelta(minutes=CALLBACK_MINUTES),
                          time_zone="UTC", contact_id=entry.contact_id, account_id=account,
                          owner=caller)  # fmt: skip
    session.add(event)
    session.flush()
    event.uid = f"{event.id}@crmdesk"
    return event.id


def progress(session: Session, name_or_id: str | uuid.UUID) -> ListProgress:
    row = _list(session, name_or_id)
    by_status = Counter(
        {CallEntryStatus(s): n for s, n in session.execute(
            select(CallListEntry.status, func.count()).where(CallListEntry.call_list_id == row.id)
            .group_by(CallListEntry.status)
        )}
    )  # fmt: skip
    per: dict[str, Counter[str]] = {}
    for caller, outcome, n in session.execute(
        select(CallAttempt.caller, CallAttempt.outcome, func.count())
        .join(CallListEntry, CallListEntry.id == CallAttempt.entry_id)
        .where(CallListEntry.call_list_id == row.id)
        .group_by(CallAttempt.caller, CallAttempt.outcome)
    ):  # fmt: skip
        per.setdefault(caller, Counter())[str(outcome)] += n
    callers = {
        caller: CallerProgress(sum(c.values()), c.get(CallOutcome.REACHED.value, 0), dict(c))
        for caller, c in sorted(per.items())
    }
    return ListProgress(
        sum(by_status.values()), by_status[CallEntryStatus.DONE],
        by_status[CallEntryStatus.PENDING], by_status[CallEntryStatus.CALLBACK],
        by_status[CallEntryStatus.GIVEN_UP], sum(p.calls for p in callers.values()), callers,
    )  # fmt: skip


def export_csv(session: Session, name_or_id: str | uuid.UUID, path: str | Path) -> int:
    """The list as CSV (name, account, phone in E.164, owner, status, tries, next call)."""
    row = _list(session, name_or_id)
    phone = (
        select(Phone.number).where(Phone.contact_id == Contact.id, Phone.deleted_at.is_(None))
        .order_by(Phone.is_primary.desc(), Phone.position).limit(1)
        .correlate(Contact).scalar_subquery()
    )  # fmt: skip
    stmt = (
        select(Contact.family_name, Contact.given_name, Contact.middle_name,
               Contact.formatted_name, Account.name, Contact.organization, phone,
               CallListEntry.owner, CallListEntry.status, CallListEntry.tries,
               CallListEntry.next_call_at)
        .join(Contact, Contact.id == CallListEntry.contact_id)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(CallListEntry.call_list_id == row.id)
        .order_by(CallListEntry.position)
    )  # fmt: skip
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    out.writerow(["name", "account", "phone", "owner", "status", "tries", "next_call"])
    written = 0
    for family, given, middle, shown, account, org, number, owner, status, tries, due in (
        session.execute(stmt)
    ):
        name = shown or display_name(family, given, middle)
        out.writerow([neutralise(name), neutralise(account or org),
                      phone_e164(number or "") or neutralise(number or ""), neutralise(owner),
                      status, tries, due.isoformat() if due else ""])  # fmt: skip
        written += 1
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return written
