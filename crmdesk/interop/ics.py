"""iCalendar (RFC 5545) files: events and tasks read into EventRecords and written back.

`icalendar` parses and writes; `x-wr-timezone` turns Google's X-WR-TIMEZONE calendars into
standard ones. What real files get wrong and the libraries do not forgive is repaired first
(backslash-escaped or spaced RRULE parts, as Exchange's CDO writes them). Zones are kept as
IANA names: a VTIMEZONE under a Windows name is mapped through icalendar's table, any other
custom one to the IANA zone with the same offsets through the year.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

import icalendar
import x_wr_timezone
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from crmdesk.core.clock import local_zone_name
from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.event_records import (
    AttendeeRecord,
    CalendarFile,
    CalendarProblem,
    EventRecord,
)
from crmdesk.interop.zones import iana_zone_for
from crmdesk.models.enums import EventKind, EventStatus

PRODID = "-//crmdesk//crmdesk//EN"
_SKIPPED = translatable("Import", "skipped: %1")
_NO_START = translatable("Import", "an event without a start (DTSTART)")
_FIRST_RULE_ONLY = translatable("Import", "only the first of several RRULEs is kept")
_EMPTY_RULE = translatable("Import", "an empty RRULE: read as a single event")
_ITEMS = ("VEVENT", "VTODO")
_BEGIN_ITEM = re.compile(rb"^BEGIN:(VEVENT|VTODO)\s*$", re.IGNORECASE)
_SPACED_COMMA = re.compile(r",\s+")
_RULE_LINE = re.compile(r"^(RRULE|EXRULE)([;:])(.*)$", re.IGNORECASE)
_KIND_WORDS = {
    EventKind.VISIT: ("visit", "拜访", "走访"),
    EventKind.CALL: ("call", "phone", "电话"),
    EventKind.MEETING: ("meeting", "会议"),
}


def looks_like_icalendar(data: bytes) -> bool:
    """True when the content is an iCalendar stream, whatever the file is called."""
    head = data[:512].lstrip(b"\xef\xbb\xbf\r\n\t ")
    return head[:15].upper() == b"BEGIN:VCALENDAR"


def read_calendar(data: bytes, name: str = "") -> CalendarFile:
    """Every event and task of the file; what could not be read is in `problems`, with its line.

    A file that is no calendar at all raises ImportFailed naming the line that failed."""
    if not looks_like_icalendar(data):
        raise ImportFailed(
            translatable("Messages", "This is not an iCalendar file (no BEGIN:VCALENDAR).")
        )
    text = _decoded(data)
    lines = _item_lines(data)
    try:
        calendar = icalendar.Calendar.from_ical(_repaired(text))
    except ValueError as error:
        raise ImportFailed(
            translatable("Messages", "The calendar cannot be read: %1"),
            _failing_line(text) or _line_holding(text, str(error)),
            values=(_one_line(error),),
        ) from error
    if isinstance(calendar, list):  # several VCALENDARs in one stream
        calendar = calendar[0]
    result = CalendarFile(events=[], name=name)
    try:
        calendar = x_wr_timezone.to_standard(calendar)
    except (KeyError, ValueError) as error:  # ZoneInfoNotFoundError is a KeyError
        line = next((n for n, t in enumerate(text.splitlines(), 1)
                     if t.upper().startswith("X-WR-TIMEZONE")), 0)  # fmt: skip
        result.problems.append(CalendarProblem(line, Text(_UNKNOWN_CALENDAR_ZONE, str(error)[:80])))
    for index, component in enumerate(c for c in calendar.walk() if c.name in _ITEMS):
        line = lines[index] if index < len(lines) else 0
        try:
            record = _record(component, line, result.problems)
        except (ValueError, TypeError, KeyError, AttributeError) as error:
            result.problems.append(CalendarProblem(line, Text(_SKIPPED, _one_line(error))))
            continue
        if record is not None:
            result.events.append(record)
    return result


def _one_line(error: Exception) -> str:
    """A library's message on one line (icalendar quotes the failing lines in it), cut short."""
    return " ".join(str(error).split())[:200]


_UNKNOWN_CALENDAR_ZONE = translatable(
    "Messages", "The calendar's time zone (X-WR-TIMEZONE) is unknown, times are read as written: %1"
)


def _decoded(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _item_lines(data: bytes) -> list[int]:
    """1-based line of each BEGIN:VEVENT / BEGIN:VTODO, in the order components are walked."""
    return [n for n, raw in enumerate(data.splitlines(), start=1) if _BEGIN_ITEM.match(raw.strip())]


def _repaired(text: str) -> str:
    """Rule lines unfolded and unescaped: `FREQ=DAILY\\;BYDAY=MO\\, TU` is what CDO writes.

    Properties of events, tasks and alarms that nothing reads are left out before icalendar
    parses them (its content-line parsing is ~90 % of reading a file): a tenth to a half of
    the lines of real exports (DTSTAMP, CREATED, Outlook's and Google's X- lines)."""
    unfolded = re.sub(r"\r?\n[ \t]", "", text)
    out = []
    inside: list[str] = []  # the components the line is in, innermost last
    for line in unfolded.splitlines():
        name = _NAME.match(line)
        word = name[0].upper() if name else ""
        if word in ("BEGIN", "END"):
            _nest(inside, word, line)
        elif inside and _unused(inside[-1], word):
            continue
        match = _RULE_LINE.match(line)
        if match:
            value = match[3].replace("\\;", ";").replace("\\,", ",")
            value = _SPACED_COMMA.sub(",", value).strip()
            line = f"{match[1]}{match[2]}{value}"
        out.append(line)
    return "\r\n".join(out) + "\r\n"


_NAME = re.compile(r"[A-Za-z0-9-]+")
_UNREAD = frozenset({
    "DTSTAMP", "CREATED", "LAST-MODIFIED", "TRANSP", "CLASS", "PRIORITY", "URL", "GEO",
    "COMMENT", "CONTACT", "RESOURCES", "ATTACH", "REQUEST-STATUS",
})  # fmt: skip
_READ_X = frozenset({"X-CRMDESK-KIND"})


def _nest(inside: list[str], word: str, line: str) -> None:
    component = line.partition(":")[2].strip().upper()
    if word == "BEGIN":
        inside.append(component)
    elif inside and inside[-1] == component:
        inside.pop()


def _unused(component: str, name: str) -> bool:
    """True for a property `_record` never reads, of an event, a task or an alarm."""
    if component == "VALARM":
        return name != "TRIGGER"
    if component not in _ITEMS:
        return False  # the calendar's own lines (X-WR-TIMEZONE) and its VTIMEZONEs stay
    return name in _UNREAD or (name.startswith("X-") and name not in _READ_X)


def _failing_line(text: str) -> int | None:
    """The first line icalendar's content-line parser refuses, to name in the message."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line[0] in " \t":
            continue
        try:
            icalendar.parser.Contentline(line).parts()
        except ValueError:
            return number
    return None


def _line_holding(text: str, error: str) -> int | None:
    """The first line holding the value a parser's message quotes ("…, got: +0100,x"): the
    content lines parse, so the fault is in a value, and the message names it."""
    quoted = error.rsplit(": ", 1)[-1].strip()[:40] if ": " in error else ""
    if len(quoted) < 3:
        return None
    return next((n for n, line in enumerate(text.splitlines(), 1) if quoted in line), None)


def _record(
    component: icalendar.cal.Component, line: int, problems: list[CalendarProblem]
) -> EventRecord | None:
    for prop, message in getattr(component, "errors", []):
        problems.append(CalendarProblem(line, f"{prop}: {message}"[:200]))
    is_task = component.name == "VTODO"
    start = _value(component, "DTSTART")
    due = _value(component, "DUE") if is_task else None
    if start is None and due is None and not is_task:
        problems.append(CalendarProblem(line, Text(_SKIPPED, _NO_START)))
        return None
    record = EventRecord(
        uid=str(component.get("UID", "")),
        title=str(component.get("SUMMARY", "")),
        description=str(component.get("DESCRIPTION", "")),
        location=str(component.get("LOCATION", "")),
        sequence=int(component.get("SEQUENCE", 0) or 0),
        organizer=_address(component.get("ORGANIZER")),
        categories=_categories(component),
        source_line=line,
    )
    record.kind = EventKind.TASK if is_task else _kind(component, record.categories)
    record.status = _status(component, is_task)
    begin = start if start is not None else due
    _set_times(record, begin, _end(component, begin, due), line, problems)
    _set_recurrence(record, component, line, problems)
    record.uid = record.uid or _made_up_uid(record)
    record.reminders = _reminders(component, record)
    record.attendees = [_attendee(a) for a in _as_list(component.get("ATTENDEE"))]
    return record


def _made_up_uid(record: EventRecord) -> str:
    """A stable UID for an item its file gave none, so importing it again finds it again."""
    key = "|".join(
        str(v) for v in (record.title, record.starts_at, record.start_date, record.rrule,
                         record.recurrence_id, record.kind)
    )
    return f"{hashlib.sha1(key.encode()).hexdigest()}@uid.crmdesk"


def _value(component: icalendar.cal.Component, name: str) -> dt.date | dt.datetime | None:
    prop = component.get(name)
    return None if prop is None else prop.dt


def _end(
    component: icalendar.cal.Component,
    begin: dt.date | dt.datetime | None,
    due: dt.date | dt.datetime | None,
) -> dt.date | dt.datetime | None:
    """DTEND, else DTSTART + DURATION, else a day for a date and the start itself for a time."""
    end = _value(component, "DTEND") or due
    if end is not None or begin is None:
        return end
    duration = component.get("DURATION")
    if duration is not None:
        return begin + duration.dt
    timed = isinstance(begin, dt.datetime)
    return begin if timed else begin + dt.timedelta(days=1)


def _set_times(
    record: EventRecord,
    begin: dt.date | dt.datetime | None,
    end: dt.date | dt.datetime | None,
    line: int,
    problems: list[CalendarProblem],
) -> None:
    if begin is None:
        return
    if not isinstance(begin, dt.datetime):
        record.all_day = True
        record.start_date = begin
        end_date = end.date() if isinstance(end, dt.datetime) else end
        record.end_date = end_date if end_date and end_date > begin else begin + dt.timedelta(1)
        return
    record.time_zone = _zone(begin)
    record.starts_at = _utc(begin, record.time_zone)
    ends = _utc(end, record.time_zone) if isinstance(end, dt.datetime) else record.starts_at
    if ends < record.starts_at:
        problems.append(CalendarProblem(
            line, translatable("Import", "the end lies before the start; the start is kept")
        ))
        ends = record.starts_at
    record.ends_at = ends


def _zone(value: dt.datetime) -> str:
    """The IANA name of the zone a time was written in (floating times: the laptop's zone)."""
    tzinfo = value.tzinfo
    if tzinfo is None:
        return local_zone_name()
    key = getattr(tzinfo, "key", None) or getattr(tzinfo, "zone", None)
    if key:
        return str(key)
    if value.utcoffset() == dt.timedelta(0) and str(tzinfo) in ("UTC", "tzutc()"):
        return "UTC"
    label = _tzid_label(tzinfo)
    return WINDOWS_TO_OLSON.get(label) or iana_zone_for(tzinfo, label, value.year)


def _tzid_label(tzinfo: dt.tzinfo) -> str:
    """A custom zone's TZID as the file wrote it (icalendar keeps the escaped commas)."""
    text = getattr(tzinfo, "_s", None) or getattr(tzinfo, "tzid", None) or str(tzinfo)
    text = re.sub(r"^<\w+ '(.*)'>$", r"\1", str(text))
    return text.replace("\\,", ",").strip('"')


def _utc(value: dt.datetime, zone: str) -> dt.datetime:
    if value.tzinfo is None:
        from zoneinfo import ZoneInfo

        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(dt.UTC)


def _stamp(value: dt.date | dt.datetime, zone: str) -> str:
    """How EXDATE/RDATE/RECURRENCE-ID values are kept: a date, or ISO 8601 in UTC."""
    if isinstance(value, dt.datetime):
        return _utc(value, zone).isoformat()
    return value.isoformat()


def _set_recurrence(
    record: EventRecord,
    component: icalendar.cal.Component,
    line: int,
    problems: list[CalendarProblem],
) -> None:
    zone = record.time_zone or "UTC"
    rules = [r for r in _as_list(component.get("RRULE")) if r]
    if len(rules) > 1:
        problems.append(CalendarProblem(line, _FIRST_RULE_ONLY))
    if rules:
        first = rules[0]
        if not isinstance(first, icalendar.vRecur):
            raise ValueError(f"not a recurrence rule: {first!r}")
        record.rrule = first.to_ical().decode()
    elif component.get("RRULE") is not None:
        problems.append(CalendarProblem(line, _EMPTY_RULE))
    keep = _as_date if record.all_day else _same
    record.exdates = [_stamp(keep(v), zone) for v in _dates(component.get("EXDATE"))]
    record.rdates = [_stamp(keep(v), zone) for v in _dates(component.get("RDATE"))]
    recurrence = _value(component, "RECURRENCE-ID")
    if recurrence is not None:
        record.recurrence_id = _stamp(keep(recurrence), zone)


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    """An all-day series' occurrence named by a time (Exchange: local midnight) is its date."""
    return value.date() if isinstance(value, dt.datetime) else value


def _same(value: dt.date | dt.datetime) -> dt.date | dt.datetime:
    return value


def _dates(prop: object) -> list[dt.date | dt.datetime]:
    values: list[dt.date | dt.datetime] = []
    for item in _as_list(prop):
        for one in getattr(item, "dts", []):
            if isinstance(one.dt, (dt.date, dt.datetime)):  # a PERIOD keeps its start
                values.append(one.dt)
            elif isinstance(one.dt, tuple):
                values.append(one.dt[0])
    return values


def _as_list(prop: object) -> list[object]:
    if prop is None:
        return []
    return list(prop) if isinstance(prop, list) else [prop]


def _reminders(component: icalendar.cal.Component, record: EventRecord) -> list[int]:
    """Minutes before the start of each VALARM (negative: after it)."""
    minutes = []
    for alarm in component.walk("VALARM"):
        trigger = alarm.get("TRIGGER")
        if trigger is None:
            continue
        value = trigger.dt
        if isinstance(value, dt.timedelta):
            if trigger.params.get("RELATED", "START").upper() == "END":
                value += _length(record)
            minutes.append(round(-value.total_seconds() / 60))
        elif isinstance(value, dt.datetime) and record.starts_at is not None:
            minutes.append(round((record.starts_at - _utc(value, "UTC")).total_seconds() / 60))
    return sorted(set(minutes), reverse=True)


def _length(record: EventRecord) -> dt.timedelta:
    if record.starts_at and record.ends_at:
        return record.ends_at - record.starts_at
    if record.start_date and record.end_date:
        return record.end_date - record.start_date
    return dt.timedelta(0)


def _status(component: icalendar.cal.Component, is_task: bool) -> EventStatus:
    status = str(component.get("STATUS", "")).upper()
    if status == "CANCELLED":
        return EventStatus.CANCELLED
    if status == "TENTATIVE":
        return EventStatus.TENTATIVE
    if is_task and (status == "COMPLETED" or component.get("COMPLETED") is not None):
        return EventStatus.DONE
    return EventStatus.CONFIRMED


def _kind(component: icalendar.cal.Component, categories: list[str]) -> EventKind:
    """crmdesk's own X-CRMDESK-KIND, else a category that names a visit, call or meeting."""
    own = str(component.get("X-CRMDESK-KIND", "")).lower()
    if own in EventKind._value2member_map_:
        return EventKind(own)
    words = " ".join(categories).lower()
    for kind, names in _KIND_WORDS.items():
        if any(name in words for name in names):
            return kind
    return EventKind.MEETING


def _categories(component: icalendar.cal.Component) -> list[str]:
    found: list[str] = []
    for prop in _as_list(component.get("CATEGORIES")):
        found.extend(str(c) for c in getattr(prop, "cats", []))
    return found


def _address(prop: object) -> str:
    return "" if prop is None else re.sub(r"(?i)^mailto:", "", str(prop))


def _attendee(prop: object) -> AttendeeRecord:
    params = getattr(prop, "params", {})
    return AttendeeRecord(
        email=_address(prop),
        name=str(params.get("CN", "")),
        role=str(params.get("ROLE", "")),
        status=str(params.get("PARTSTAT", "")),
    )


@dataclass(frozen=True)
class _Writer:
    stamp: dt.datetime

    def component(self, record: EventRecord) -> icalendar.cal.Component:
        item = icalendar.Todo() if record.is_task else icalendar.Event()
        item.add("UID", record.uid)
        item.add("DTSTAMP", self.stamp)
        item.add("SUMMARY", record.title)
        item.add("SEQUENCE", record.sequence)
        item.add("X-CRMDESK-KIND", str(record.kind))
        for name, text in (("DESCRIPTION", record.description), ("LOCATION", record.location)):
            if text:
                item.add(name, text)
        self._times(item, record)
        item.add("STATUS", _status_word(record))
        if record.rrule:
            item.add("RRULE", icalendar.vRecur.from_ical(record.rrule))
        for name, stamps in (("EXDATE", record.exdates), ("RDATE", record.rdates)):
            for stamp in stamps:
                item.add(name, self._local(stamp, record))
        if record.recurrence_id:
            item.add("RECURRENCE-ID", self._local(record.recurrence_id, record))
        for attendee in record.attendees:
            self._attendee(item, attendee)
        if record.categories:
            item.add("CATEGORIES", record.categories)
        for minutes in record.reminders:
            item.add_component(_alarm(record.title, minutes))
        return item

    def _times(self, item: icalendar.cal.Component, record: EventRecord) -> None:
        end_name = "DUE" if record.is_task else "DTEND"
        if record.all_day and record.start_date:
            item.add("DTSTART", record.start_date)
            item.add(end_name, record.end_date or record.start_date + dt.timedelta(1))
        elif record.starts_at is not None:
            item.add("DTSTART", self._in_zone(record.starts_at, record))
            item.add(end_name, self._in_zone(record.ends_at or record.starts_at, record))

    @staticmethod
    def _in_zone(value: dt.datetime, record: EventRecord) -> dt.datetime:
        from zoneinfo import ZoneInfo

        return value.astimezone(ZoneInfo(record.time_zone or "UTC"))

    def _local(self, stamp: str, record: EventRecord) -> dt.date | dt.datetime:
        if "T" not in stamp:
            return dt.date.fromisoformat(stamp)
        return self._in_zone(dt.datetime.fromisoformat(stamp), record)

    @staticmethod
    def _attendee(item: icalendar.cal.Component, attendee: AttendeeRecord) -> None:
        params = {k: v for k, v in (("CN", attendee.name), ("ROLE", attendee.role),
                                    ("PARTSTAT", attendee.status)) if v}
        address = icalendar.vCalAddress(f"mailto:{attendee.email}" if attendee.email else "")
        address.params.update(params)
        item.add("ATTENDEE", address, encode=False)


def _status_word(record: EventRecord) -> str:
    if record.is_task:
        return {EventStatus.DONE: "COMPLETED", EventStatus.CANCELLED: "CANCELLED"}.get(
            record.status, "NEEDS-ACTION"
        )
    return {EventStatus.TENTATIVE: "TENTATIVE", EventStatus.CANCELLED: "CANCELLED"}.get(
        record.status, "CONFIRMED"
    )


def _alarm(title: str, minutes_before: int) -> icalendar.Alarm:
    alarm = icalendar.Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", title or "Reminder")
    alarm.add("TRIGGER", dt.timedelta(minutes=-minutes_before))
    return alarm


def write_calendar(records: Iterable[EventRecord], name: str = "crmdesk") -> bytes:
    """An RFC 5545 calendar of the records, with a VTIMEZONE for every zone it uses."""
    calendar = icalendar.Calendar()
    calendar.add("PRODID", PRODID)
    calendar.add("VERSION", "2.0")
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("X-WR-CALNAME", name)
    writer = _Writer(stamp=dt.datetime.now(dt.UTC).replace(microsecond=0))
    for record in records:
        calendar.add_component(writer.component(record))
    calendar.add_missing_timezones()
    return calendar.to_ical()
