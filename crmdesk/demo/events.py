"""The calendar: about one entry per contact in this month and the next (visits, calls,
meetings, tasks, fairs; a few weekly series), reminders, and each account manager's weekly
team meeting. Half the meetings and visits also have a colleague of the contact there (an
event about two contacts of one account)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.clock import day_text, weekday, workday
from crmdesk.demo.contacts import Person
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.demo.rows import EventRow
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.store.db import json_column_text

_KINDS = (EventKind.VISIT, EventKind.CALL, EventKind.MEETING, EventKind.TASK, EventKind.OTHER)
_KIND_CUM = cumulative((25, 25, 30, 15, 5))
_COUNTS = (0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3)
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_EMPTY = "[]"


@dataclass(slots=True)
class _When:
    """When an entry happens: its dates (all-day) or UTC times, place and recurrence."""

    starts: str | None = None
    ends: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    location: str = ""
    rrule: str = ""
    exdates: str = _EMPTY


def event_texts(language: str) -> dict[Any, Any]:
    """Titles per kind ({short}: the account, {name}: the person), rooms, the fair's place."""
    texts = dict(vocab.load("events")[language])
    return {(EventKind(k) if k in set(EventKind) else k): v for k, v in texts.items()}


def write_events(ctx: DemoContext, people: list[Person]) -> None:
    """Every person's entries, then the team meetings."""
    r = ctx.rng("events")
    first = ctx.ref.replace(day=1)
    after_next = (first + dt.timedelta(days=62)).replace(day=1)
    span = (first.toordinal(), after_next.toordinal() - 1)
    texts = {"zh": event_texts("zh"), "en": event_texts("en")}
    colleagues = _Colleagues(ctx, people)
    for n, person in enumerate(people):
        for _ in range(r.choice(_COUNTS)):
            _write_event(ctx, r, person, texts[person.language], span, colleagues)
        if n % 256 == 0:
            ctx.loader.maybe_flush()
    _team_meetings(ctx, span[0])
    ctx.loader.maybe_flush()


class _Colleagues:
    """Who else works at a person's account, drawn from a stream of its own (so adding them
    leaves every other draw of the demo as it was)."""

    def __init__(self, ctx: DemoContext, people: list[Person]) -> None:
        self._rng = ctx.rng("event-colleagues")
        self._by_account: dict[str, list[str]] = {}
        for person in people:
            if person.plan is not None:
                self._by_account.setdefault(person.plan.id, []).append(person.id)

    def one_of(self, person: Person) -> str | None:
        """Half the time a colleague of `person` (None without one)."""
        if person.plan is None or self._rng.random() >= 0.5:
            return None
        others = [i for i in self._by_account.get(person.plan.id, ()) if i != person.id]
        return self._rng.choice(others) if others else None


def _write_event(
    ctx: DemoContext,
    r: DemoRandom,
    person: Person,
    texts: dict[Any, Any],
    span: tuple[int, int],
    colleagues: _Colleagues,
) -> None:
    rnd = r.random
    plan = person.plan
    kind = pick(rnd, _KINDS, _KIND_CUM)
    day = min(max(workday(r.randint(*span)), span[0]), span[1])
    short = plan.short if plan is not None else person.display
    title = r.choice(texts[kind]).replace("{short}", short).replace("{name}", person.display)
    event_id = ctx.ids()
    all_day = (kind == EventKind.TASK and rnd() < 0.6) or kind == EventKind.OTHER
    recurring = not all_day and kind in (EventKind.MEETING, EventKind.CALL) and (rnd() < 0.04)
    if day < ctx.today:
        status = EventStatus.DONE if rnd() < 0.85 else EventStatus.CANCELLED
    else:
        status = EventStatus.CONFIRMED if rnd() < 0.8 else EventStatus.TENTATIVE
    if all_day:
        when = _all_day(r, kind, day, texts)
    else:
        when = _timed(ctx, r, person, kind, day, texts, recurring)
        if recurring:
            status = EventStatus.CONFIRMED
    attendees = _EMPTY
    if kind == EventKind.MEETING:
        attendees = json_column_text(
            [
                {"name": person.display, "role": "REQ-PARTICIPANT"},
                {"name": person.owner, "role": "CHAIR"},
            ]
        )
    ctx.loader.rows("calendar_events").append(
        _event_row(event_id, person, kind, status, title, when, attendees, all_day)
    )
    links = ctx.loader.rows("event_contacts")
    links.append((event_id, person.id))
    if kind in (EventKind.MEETING, EventKind.VISIT) and (other := colleagues.one_of(person)):
        links.append((event_id, other))
    if day >= ctx.today and rnd() < 0.3:
        reminders = ctx.loader.rows("event_reminders")
        before = 1440 if all_day else r.choice((10, 15, 15, 30, 60))
        reminders.append((ctx.ids(), event_id, before, "display"))
        if rnd() < 0.15:
            reminders.append((ctx.ids(), event_id, 1440, "email"))


def _all_day(r: DemoRandom, kind: EventKind, day: int, texts: dict[Any, Any]) -> _When:
    """A task for the day, or a fair of two or three days."""
    length = r.randint(2, 3) if kind == EventKind.OTHER else 1
    location = texts["fair"] if kind == EventKind.OTHER else ""
    return _When(start_date=day_text(day), end_date=day_text(day + length), location=location)


def _timed(
    ctx: DemoContext,
    r: DemoRandom,
    person: Person,
    kind: EventKind,
    day: int,
    texts: dict[Any, Any],
    recurring: bool,
) -> _When:
    """A timed entry in local working hours; a recurring one weekly, with one week skipped."""
    clock, zone, plan = ctx.clock, person.zone, person.plan
    minute = (9 * 60 if kind != EventKind.CALL else 8 * 60 + 30) + r.randint(0, 32) * 15
    if kind == EventKind.VISIT:
        length = r.randint(4, 8) * 15
    elif kind == EventKind.MEETING:
        length = r.randint(2, 6) * 15
    elif kind == EventKind.CALL:
        length = r.choice((15, 30))
    else:
        length = 30
    begin = clock.utc_minutes(zone, day, minute)
    when = _When(starts=clock.text(begin), ends=clock.text(begin + length))
    if kind == EventKind.VISIT and plan is not None and plan.street[0]:
        when.location = f"{plan.city.name} {plan.street[0]}"
    elif kind == EventKind.MEETING:
        when.location = r.choice(texts["rooms"])
    if recurring:
        occurrences = r.randint(6, 10)
        when.rrule = f"FREQ=WEEKLY;BYDAY={_BYDAY[weekday(day)]};COUNT={occurrences}"
        skipped = day + 7 * r.randint(1, occurrences - 2)
        when.exdates = json_column_text([clock.iso(clock.utc_minutes(zone, skipped, minute))])
    return when


def _event_row(
    event_id: str,
    person: Person,
    kind: EventKind,
    status: EventStatus,
    title: str,
    when: _When,
    attendees: str,
    all_day: bool,
) -> EventRow:
    return EventRow(
        id=event_id,
        contact_id=person.id,
        account_id=person.plan.id if person.plan is not None else None,
        opportunity_id=None,
        case_id=None,
        uid=f"{event_id}@crmdesk",
        title=title,
        description="",
        location=when.location,
        kind=kind,
        status=status,
        all_day=int(all_day),
        starts_at=when.starts,
        ends_at=when.ends,
        start_date=when.start_date,
        end_date=when.end_date,
        time_zone=person.zone,
        rrule=when.rrule,
        exdates=when.exdates,
        rdates=_EMPTY,
        series_id=None,
        recurrence_id="",
        attendees=attendees,
        owner=person.owner,
    )


def _team_meetings(ctx: DemoContext, start: int) -> None:
    """Each account manager's weekly pipeline review from the first Monday, one week skipped."""
    clock = ctx.clock
    rows, reminders = ctx.loader.rows("calendar_events"), ctx.loader.rows("event_reminders")
    for owner in (*vocab.OWNERS_CN, *vocab.OWNERS_WEST):
        cn = owner in vocab.OWNERS_CN
        zone = "Asia/Shanghai" if cn else "Europe/London"
        day = start + (7 - weekday(start)) % 7
        minute = 9 * 60 if cn else 10 * 60
        begin = clock.utc_minutes(zone, day, minute)
        event_id = ctx.ids()
        skipped = clock.iso(clock.utc_minutes(zone, day + 14, minute))
        rows.append(
            EventRow(
                id=event_id,
                contact_id=None,
                account_id=None,
                opportunity_id=None,
                case_id=None,
                uid=f"{event_id}@crmdesk",
                title="销售周例会" if cn else "Weekly pipeline review",
                description="",
                location="会议室A" if cn else "Teams",
                kind=EventKind.MEETING,
                status=EventStatus.CONFIRMED,
                all_day=0,
                starts_at=clock.text(begin),
                ends_at=clock.text(begin + 60),
                start_date=None,
                end_date=None,
                time_zone=zone,
                rrule="FREQ=WEEKLY;BYDAY=MO;COUNT=9",
                exdates=json_column_text([skipped]),
                rdates=_EMPTY,
                series_id=None,
                recurrence_id="",
                attendees=_EMPTY,
                owner=owner,
            )
        )
        reminders.append((ctx.ids(), event_id, 15, "display"))
