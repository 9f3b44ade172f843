"""The Today page: what an account manager has on her plate this morning, in one read.

Her open tasks (and who gave them), soonest first, today's visits and calls, overdue tasks,
customers' birthdays in the next 7 days (lunar ones too where a contact keeps one), deals
closing this month, overdue service cases, customers at churn risk and her targets for the
month. Each line
names the record it opens and, where a person is involved, their preferred channel. A manager
(as the service levels name one) also sees her team's escalated cases, each with its owner.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from lunar_python import Solar
from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from crmdesk.analytics.churn import stored_at_risk
from crmdesk.analytics.targets import Scorecard, month_label
from crmdesk.models import (
    Account,
    CalendarEvent,
    Contact,
    Opportunity,
    PipelineStage,
    ServiceCase,
)
from crmdesk.models.enums import CaseStatus, EventKind, EventStatus
from crmdesk.services import service_levels
from crmdesk.services.calendar import EventOccurrence, occurrences_between
from crmdesk.services.cases import vip_complaint_condition
from crmdesk.services.insights import load_settings
from crmdesk.services.targets import scorecard
from crmdesk.store.value_lists import bound, in_listed

BIRTHDAY_DAYS = 7
_NO_ID = uuid.UUID(int=0)
LIMIT = 50  # lines per section at most: a page to read, not a list to page through
CHURN_LIMIT = 10
# each section reads one line more than it shows, to know that there are more ("50+")


@dataclass(frozen=True, slots=True)
class TodayLine:
    """One line: what it is about, when, and the record it opens (kind + id)."""

    record: str  # "event", "account", "contact", "opportunity", "case"
    record_id: uuid.UUID
    title: str
    detail: str  # the customer, the amount, who assigned it …
    when: dt.date | dt.datetime | None
    channel: str  # the contact's preferred channel ("" when none is known)
    note: str = ""  # a section's own fact: "lunar", days overdue, days silent …
    amount: Decimal | None = None  # a deal's amount, in `currency`
    currency: str = ""
    vip_complaint: bool = False  # a case: a complaint from a VIP customer (the case list's rule)
    owner: str = ""  # a case of her team on a manager's page: whose it is ("" her own)


@dataclass(frozen=True)
class TodayPage:
    owner: str
    day: dt.date
    tasks: tuple[TodayLine, ...]
    appointments: tuple[TodayLine, ...]
    overdue_tasks: tuple[TodayLine, ...]
    birthdays: tuple[TodayLine, ...]
    deals: tuple[TodayLine, ...]
    overdue_cases: tuple[TodayLine, ...]
    churn: tuple[TodayLine, ...]
    targets: Scorecard | None
    more: frozenset[str] = frozenset()  # the sections with more lines than they show


def _channel_of_account(account_id: Any) -> Any:
    return (
        select(Contact.preferred_channel)
        .where(Contact.account_id == account_id, Contact.deleted_at.is_(None),
               Contact.preferred_channel.is_not(None))
        .order_by(Contact.sort_key)
        .limit(1)
        .scalar_subquery()
    )  # fmt: skip


def _channel(contact_col: Any, account_col: Any) -> Any:
    own = select(Contact.preferred_channel).where(Contact.id == contact_col).scalar_subquery()
    return func.coalesce(own, _channel_of_account(account_col), "")


def _day_bounds(day: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone).astimezone(dt.UTC)
    return start, start + dt.timedelta(days=1)


def _tasks(
    session: Session, owner: str, day: dt.date, zone: ZoneInfo, *, overdue: bool
) -> list[TodayLine]:
    """Open one-off tasks of the owner due from today on (undated ones after them), or due
    before today (`overdue`), soonest (oldest) first; each section read on its own so a long
    overdue list cannot crowd today's tasks out of the page's limit."""
    start, _end = _day_bounds(day, zone)
    late = or_(CalendarEvent.starts_at < start, CalendarEvent.start_date < day)
    # not late: due from today on, or undated (NULL compares as unknown, hence the coalesce,
    # which also keeps SQLite from walking the start indexes over everyone's future events:
    # scanning the owner's tasks is 26 ms on the 100k demo, the index walk 170)
    when = late if overdue else ~func.coalesce(late, False)
    rows = session.execute(
        select(CalendarEvent.id, CalendarEvent.title, CalendarEvent.starts_at,
               CalendarEvent.start_date, CalendarEvent.assigned_by, Account.name,
               CalendarEvent.contact_id, CalendarEvent.account_id)
        .outerjoin(Account, Account.id == CalendarEvent.account_id)
        .where(
            CalendarEvent.owner == owner, CalendarEvent.kind == EventKind.TASK,
            CalendarEvent.deleted_at.is_(None), CalendarEvent.rrule == "",
            CalendarEvent.series_id.is_(None),
            CalendarEvent.status.not_in([EventStatus.DONE.value, EventStatus.CANCELLED.value]),
            when,
        )
        .order_by(CalendarEvent.span_start.is_(None), CalendarEvent.span_start, CalendarEvent.id)
        .limit(LIMIT + 1)
    ).all()  # fmt: skip
    # channels for the lines kept, not in the query: it would look them up for every open
    # task before sorting (an owner's whole future: 170 ms on the 100k demo)
    channels = _channels(session, {r.contact_id for r in rows if r.contact_id},
                         {r.account_id for r in rows if r.account_id})  # fmt: skip
    lines = []
    for row in rows:
        channel = channels.get(row.contact_id) or channels.get(row.account_id) or ""
        due = row.start_date
        if row.starts_at is not None:
            starts = row.starts_at if row.starts_at.tzinfo else row.starts_at.replace(tzinfo=dt.UTC)
            due = starts.astimezone(zone).date()
        lines.append(TodayLine("event", row.id, row.title, row.name or "", due,
                               channel, row.assigned_by or ""))  # fmt: skip
    return lines


def _repeating_tasks(
    session: Session, occurring: list[EventOccurrence], day: dt.date
) -> list[TodayLine]:
    """Today's occurrences of her repeating tasks ("send the weekly report"), not done: the
    one-off query leaves series out, as their rows hold only the first occurrence."""
    found = [o for o in occurring if o.kind == EventKind.TASK and o.repeats
             and o.status not in (EventStatus.DONE, EventStatus.CANCELLED)]  # fmt: skip
    if not found:
        return []
    given = {event_id: by for event_id, by in session.execute(
        select(CalendarEvent.id, CalendarEvent.assigned_by)
        .where(CalendarEvent.id.in_({o.event_id for o in found}))
    )}  # fmt: skip
    channels = _channels(session, {o.contact_id for o in found if o.contact_id},
                         {o.account_id for o in found if o.account_id})  # fmt: skip
    return [
        TodayLine("event", o.event_id, o.title, o.account, day,
                  channels.get(o.contact_id or _NO_ID) or channels.get(o.account_id or _NO_ID)
                  or "", given.get(o.event_id) or "")
        for o in found
    ]  # fmt: skip


def _appointments(
    session: Session, occurring: list[EventOccurrence], day: dt.date
) -> list[TodayLine]:
    found = [o for o in occurring if o.kind in (EventKind.VISIT, EventKind.CALL)]
    contacts = {o.contact_id for o in found if o.contact_id}
    accounts = {o.account_id for o in found if o.account_id}
    channels = _channels(session, contacts, accounts)
    return [
        TodayLine("event", o.event_id, o.title, o.account, o.start if not o.all_day else day,
                  channels.get(o.contact_id or _NO_ID) or channels.get(o.account_id or _NO_ID)
                  or "", str(o.kind))
        for o in found[:LIMIT + 1]
    ]  # fmt: skip


def _channels(
    session: Session, contacts: set[uuid.UUID], accounts: set[uuid.UUID]
) -> dict[uuid.UUID, str]:
    """Preferred channel per contact, and per account its first contact's that has one."""
    result: dict[uuid.UUID, str] = {}
    if contacts:
        for cid, channel in session.execute(
            select(Contact.id, Contact.preferred_channel).where(Contact.id.in_(contacts))
        ):
            result[cid] = channel or ""
    if accounts:
        for aid, channel in session.execute(
            select(Contact.account_id, Contact.preferred_channel)
            .where(Contact.account_id.in_(accounts), Contact.deleted_at.is_(None),
                   Contact.preferred_channel.is_not(None))
            .order_by(Contact.account_id, Contact.sort_key)
        ):  # fmt: skip
            if aid is not None and channel:
                result.setdefault(aid, channel)
    return result


def _solar_days(day: dt.date, days: int) -> dict[str, dt.date]:
    """The "MM-DD" of each of the next days; in a year without 29 February, a 29 February
    birthday is kept on the 28th."""
    result: dict[str, dt.date] = {}
    for k in range(days + 1):
        d = day + dt.timedelta(days=k)
        result.setdefault(d.strftime("%m-%d"), d)
        if (d.month, d.day) == (2, 28) and not calendar.isleap(d.year):
            result.setdefault("02-29", d)
    return result


def _lunar_days(day: dt.date, days: int) -> dict[str, dt.date]:
    """The lunar "MM-DD" of each of the next days (leap months as their plain month); in a
    short (29-day) month, a birthday on the 30th is kept on the 29th."""
    result: dict[str, dt.date] = {}
    for k in range(days + 1):
        d = day + dt.timedelta(days=k)
        lunar = Solar.fromYmd(d.year, d.month, d.day).getLunar()
        month = f"{abs(lunar.getMonth()):02d}"
        result.setdefault(f"{month}-{lunar.getDay():02d}", d)
        if lunar.getDay() == 29 and lunar.next(1).getDay() == 1:
            result.setdefault(f"{month}-30", d)
    return result


def _birthdays(session: Session, owner: str, day: dt.date) -> list[TodayLine]:
    """Contacts of the owner whose birthday (or kept lunar birthday) falls in the next days."""
    solar = _solar_days(day, BIRTHDAY_DAYS)
    lunar = _lunar_days(day, BIRTHDAY_DAYS)
    base = _contact_lines().where(Contact.owner == owner, Contact.deleted_at.is_(None))
    lines = []
    month_day = func.strftime("%m-%d", Contact.birthday)
    more = LIMIT + 1
    for row in session.execute(base.where(month_day.in_(list(solar))).limit(more)):
        lines.append(_birthday_line(row, solar[row.birthday.strftime("%m-%d")], ""))
    for row in session.execute(base.where(Contact.lunar_birthday.in_(list(lunar))).limit(more)):
        lines.append(_birthday_line(row, lunar[row.lunar_birthday], "lunar"))
    lines.sort(key=lambda line: (line.when or day, line.title))
    return lines[:LIMIT + 1]


def _contact_lines() -> Any:
    return select(Contact.id, Contact.family_name, Contact.given_name, Contact.formatted_name,
                  Contact.birthday, Contact.lunar_birthday, Contact.preferred_channel,
                  Contact.organization)  # fmt: skip


def _birthday_line(row: Any, when: dt.date, note: str) -> TodayLine:
    from crmdesk.models.names import display_name

    r = row  # a Row with the _contact_lines columns
    name = r.formatted_name or display_name(r.family_name, r.given_name, "")
    return TodayLine(
        "contact",
        r.id,
        name,
        r.organization or "",
        when,
        r.preferred_channel or "",
        note,
    )


def _deals(session: Session, owner: str, day: dt.date) -> list[TodayLine]:
    first = day.replace(day=1)
    after = (first + dt.timedelta(days=32)).replace(day=1)
    rows = session.execute(
        select(Opportunity.id, Opportunity.name, Opportunity.amount, Opportunity.currency,
               Opportunity.expected_close, Account.name.label("account"),
               _channel(Opportunity.contact_id, Opportunity.account_id).label("channel"))
        .join(PipelineStage, PipelineStage.id == Opportunity.stage_id)
        .outerjoin(Account, Account.id == Opportunity.account_id)
        .where(Opportunity.owner == owner, Opportunity.deleted_at.is_(None),
               PipelineStage.is_won.is_(False), PipelineStage.is_lost.is_(False),
               Opportunity.expected_close >= first, Opportunity.expected_close < after)
        .order_by(Opportunity.expected_close, Opportunity.amount.desc())
        .limit(LIMIT + 1)
    )  # fmt: skip
    return [TodayLine("opportunity", r.id, r.name, r.account or "", r.expected_close,
                      r.channel or "", amount=r.amount, currency=r.currency)
            for r in rows]  # fmt: skip


def _cases(session: Session, owner: str, now: dt.datetime) -> list[TodayLine]:
    """Her open cases past their resolution target, or escalated (past the response one), and
    the escalated open cases of those whose manager she is (each case once)."""
    mine = and_(ServiceCase.owner == owner,
                or_(ServiceCase.due_at < now, ServiceCase.escalated.is_(True)))  # fmt: skip
    team = service_levels.load(session).reports_of(owner)
    theirs = and_(in_listed(ServiceCase.owner, "team"), ServiceCase.escalated.is_(True))
    rows = session.execute(
        select(ServiceCase.id, ServiceCase.number, ServiceCase.subject, ServiceCase.due_at,
               ServiceCase.owner, vip_complaint_condition().label("vip"),
               Account.name.label("account"),
               _channel(ServiceCase.contact_id, ServiceCase.account_id).label("channel"))
        .outerjoin(Account, Account.id == ServiceCase.account_id)
        .where(or_(mine, theirs) if team else mine, ServiceCase.deleted_at.is_(None),
               ServiceCase.status.not_in([CaseStatus.RESOLVED.value, CaseStatus.CLOSED.value]))
        .order_by(ServiceCase.due_at, ServiceCase.id)
        .limit(LIMIT + 1),
        {"team": bound(team)} if team else {},
    )  # fmt: skip
    return [TodayLine("case", r.id, f"{r.number} {r.subject}".strip(), r.account or "",
                      r.due_at, r.channel or "", vip_complaint=bool(r.vip),
                      owner="" if r.owner == owner else r.owner)
            for r in rows]  # fmt: skip


def _churn(session: Session, owner: str, day: dt.date, factor: float) -> list[TodayLine]:
    rows = stored_at_risk(session, day, factor, owner=owner, limit=CHURN_LIMIT + 1)
    channels = _channels(session, set(), {r.id for r in rows})
    return [TodayLine("account", r.id, r.name, "", r.last_order, channels.get(r.id, ""),
                      str(r.days_silent)) for r in rows]  # fmt: skip


def today_page(
    session: Session, owner: str, day: dt.date, zone: ZoneInfo, now: dt.datetime | None = None
) -> TodayPage:
    """Everything on the page for `owner` on `day` (in `zone`), one read."""
    now = now or dt.datetime.now(dt.UTC)
    conf = load_settings(session)
    occurring = occurrences_between(session, *_day_bounds(day, zone), owner=owner)
    tasks = _repeating_tasks(session, occurring, day) + _tasks(
        session, owner, day, zone, overdue=False
    )
    tasks.sort(key=lambda t: (t.when is None, t.when or day))  # stable: today's first
    read = {
        "tasks": tasks,
        "appointments": _appointments(session, occurring, day),
        "overdue_tasks": _tasks(session, owner, day, zone, overdue=True),
        "birthdays": _birthdays(session, owner, day),
        "deals": _deals(session, owner, day),
        "overdue_cases": _cases(session, owner, now),
        "churn": _churn(session, owner, day, conf.churn_factor),
    }
    limits = {key: CHURN_LIMIT if key == "churn" else LIMIT for key in read}
    return TodayPage(
        owner=owner,
        day=day,
        **{key: tuple(lines[: limits[key]]) for key, lines in read.items()},
        targets=scorecard(session, owner, month_label(day)),
        more=frozenset(key for key, lines in read.items() if len(lines) > limits[key]),
    )


def owners(session: Session) -> list[str]:
    """Everyone who owns accounts, the most accounts first (the page's owner choice)."""
    return [
        o for o, in session.execute(
            select(Account.owner).where(Account.deleted_at.is_(None), Account.owner != "")
            .group_by(Account.owner).order_by(func.count().desc(), Account.owner)
        )
    ]  # fmt: skip
