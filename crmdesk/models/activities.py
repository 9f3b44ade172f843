"""Touchpoints with customers, and the calendar of visits, calls, meetings and tasks."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, Column, ForeignKey, Index, Row, String, Table, Text, event, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from crmdesk.models.base import Base, Entity
from crmdesk.models.enums import ActivityKind, EventKind, EventStatus
from crmdesk.models.recurrence import Series, span_of

if TYPE_CHECKING:
    from crmdesk.models.customers import Contact


# The people present at an activity besides (or as well as) the contact it is filed under.
activity_participants = Table(
    "activity_participants",
    Base.metadata,
    Column("activity_id", ForeignKey("activities.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)

# The contacts an event is about (a visit to three people of one account); the event's own
# `contact_id` is the first of them, for the lists that name one person (Today, the day plan).
event_contacts = Table(
    "event_contacts",
    Base.metadata,
    Column("event_id", ForeignKey("calendar_events.id", ondelete="CASCADE"), primary_key=True),
    Column(
        "contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True, index=True
    ),
)


class _Links:
    """What an activity or event is about: any of a contact, account, opportunity, case."""

    contact_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("contacts.id", ondelete="SET NULL"), index=True
    )
    account_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    opportunity_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("opportunities.id", ondelete="SET NULL"), index=True
    )


class Activity(_Links, Entity):
    """An interaction that happened (or is logged): a call, a visit, an email, a note."""

    __tablename__ = "activities"

    kind: Mapped[ActivityKind] = mapped_column(String(20), default=ActivityKind.NOTE)
    occurred_at: Mapped[dt.datetime]
    duration_minutes: Mapped[int | None]
    subject: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(300), default="")
    owner: Mapped[str] = mapped_column(String(100), default="")
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_cases.id", ondelete="SET NULL"), index=True
    )
    # The task logged with it ("send the quote by Friday"); kept, deleted, when it is taken off.
    follow_up_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="SET NULL")
    )

    participants: Mapped[list[Contact]] = relationship(
        secondary=activity_participants, order_by="Contact.sort_key"
    )

    __table_args__ = (Index("ix_activities_contact_time", "contact_id", "occurred_at"),)


class CalendarEvent(_Links, Entity):
    """A scheduled visit, call, meeting or task.

    Timed events keep `starts_at`/`ends_at` in UTC with the event's IANA zone beside them, so a
    weekly 09:00 meeting stays at 09:00 across daylight-saving changes; all-day events keep plain
    dates (`start_date`, `end_date` exclusive). A recurring series stores its RRULE and EXDATE/
    RDATE lists; an overridden instance is its own row pointing at the series with the original
    start it replaces (`recurrence_id`), as iCalendar does.
    """

    __tablename__ = "calendar_events"

    uid: Mapped[str] = mapped_column(String(300), default="", index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    kind: Mapped[EventKind] = mapped_column(String(20), default=EventKind.MEETING)
    status: Mapped[EventStatus] = mapped_column(String(20), default=EventStatus.CONFIRMED)
    all_day: Mapped[bool] = mapped_column(default=False)
    starts_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    ends_at: Mapped[dt.datetime | None]
    start_date: Mapped[dt.date | None] = mapped_column(index=True)
    end_date: Mapped[dt.date | None]
    time_zone: Mapped[str] = mapped_column(String(64), default="")
    rrule: Mapped[str] = mapped_column(String(500), default="")
    exdates: Mapped[list[str]] = mapped_column(JSON, default=list)
    rdates: Mapped[list[str]] = mapped_column(JSON, default=list)
    series_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="CASCADE"), index=True
    )
    recurrence_id: Mapped[str] = mapped_column(String(40), default="")
    attendees: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    owner: Mapped[str] = mapped_column(String(100), default="")
    assigned_by: Mapped[str] = mapped_column(String(100), default="")  # who gave a task to owner
    case_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_cases.id", ondelete="SET NULL"), index=True
    )
    sequence: Mapped[int] = mapped_column(default=0)  # iCalendar SEQUENCE: later edits win
    # The UTC stretch of time the event (a series: all its occurrences) can touch, so a window is
    # found by an index range; all-day events widened by 14 h either side (any zone's day).
    # `span_end` None: a series without end. `long_span`: a series or an event of over 8 days,
    # looked for apart from the short ones so their range scan stays tight.
    span_start: Mapped[dt.datetime | None]
    span_end: Mapped[dt.datetime | None]
    long_span: Mapped[bool] = mapped_column(default=False)

    reminders: Mapped[list[EventReminder]] = relationship(
        back_populates="event",
        cascade="all, delete-orphan",
        order_by="EventReminder.minutes_before",
    )
    overrides: Mapped[list[CalendarEvent]] = relationship(cascade="all, delete-orphan")
    contacts: Mapped[list[Contact]] = relationship(
        secondary=event_contacts, order_by="Contact.sort_key"
    )

    __table_args__ = (
        Index("ix_calendar_events_span", "long_span", "span_start"),
        Index("ix_calendar_events_span_end", "long_span", "span_end"),
        # moved occurrences by the original start they replace (few rows: a partial index)
        Index("ix_calendar_events_moved", "recurrence_id", sqlite_where=text("recurrence_id != ''"),
              postgresql_where=text("recurrence_id != ''")),
    )


class EventReminder(Entity):
    """An alarm on an event: so many minutes before its start (negative: after)."""

    __tablename__ = "event_reminders"

    event_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("calendar_events.id", ondelete="CASCADE"), index=True
    )
    minutes_before: Mapped[int] = mapped_column(default=15)
    action: Mapped[str] = mapped_column(String(20), default="display")

    event: Mapped[CalendarEvent] = relationship(back_populates="reminders")


def event_series(row: CalendarEvent | Row[Any]) -> Series | None:
    """What expanding the event's occurrences needs (None: an undated task)."""
    return series_of(
        row.all_day, row.starts_at, row.ends_at, row.start_date, row.end_date, row.time_zone,
        row.rrule, row.exdates, row.rdates,
    )  # fmt: skip


def series_of(
    all_day: bool,
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None,
    start_date: dt.date | None,
    end_date: dt.date | None,
    zone: str,
    rrule: str,
    exdates: list[str] | None,
    rdates: list[str] | None,
) -> Series | None:
    """`event_series` of an event's values (a bulk writer has no row to ask)."""
    repeats = (rrule or "", tuple(exdates or ()), tuple(rdates or ()))
    if all_day and start_date is not None:
        end = end_date or start_date + dt.timedelta(days=1)
        return Series(start_date, end, zone, *repeats)
    if starts_at is None:
        return None
    return Series(starts_at, ends_at or starts_at, zone or "UTC", *repeats)


@event.listens_for(CalendarEvent, "before_insert")
@event.listens_for(CalendarEvent, "before_update")
def _keep_span(_mapper: object, _connection: object, row: CalendarEvent) -> None:
    """Every ORM write keeps the span the range queries use (bulk loaders call span_of too)."""
    span = span_of(event_series(row))
    row.span_start, row.span_end, row.long_span = span.start, span.end, span.long
