"""Occurrences of a repeating event inside a window, as calendar programs mean them.

A series repeats in the zone it was planned in (dateutil's rrule on an aware local start keeps
the wall-clock time across daylight-saving changes); EXDATEs remove occurrences, RDATEs add
them, and an override (a row with the series' id and the original start it replaces) moves or
cancels one. All-day series repeat by date. Plain functions on plain values: the calendar
service feeds them only the series that can touch the window.
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule
from dateutil.relativedelta import relativedelta

_UNTIL = re.compile(r"UNTIL=(\d{8})(T\d{6}Z?)?", re.IGNORECASE)
_ENDS = re.compile(r"(^|;)\s*(UNTIL|COUNT)\s*=", re.IGNORECASE)  # a rule that ends
MAX_OCCURRENCES = 100_000  # a rule that would yield more is cut here, not ground through


@dataclass(frozen=True, slots=True)
class Series:
    """What expansion needs of a repeating event (timed: `start`/`end` aware; all-day: dates)."""

    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    zone: str
    rrule: str
    exdates: tuple[str, ...] = ()
    rdates: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence: its start and end (UTC datetimes or dates) and the recurrence id that
    names it within its series (the original start, ISO 8601 as EXDATEs are kept)."""

    start: dt.datetime | dt.date
    end: dt.datetime | dt.date
    recurrence_id: str


def stamp(value: dt.datetime | dt.date) -> str:
    """A start as EXDATE lists and recurrence ids keep it: ISO in UTC, or a plain date."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    return value.isoformat()


def occurrences(
    series: Series, window_start: dt.datetime, window_end: dt.datetime
) -> list[Occurrence]:
    """The series' occurrences overlapping [window_start, window_end), in start order.

    For all-day series the window's bounds are read as dates in the series' zone."""
    timed = isinstance(series.start, dt.datetime)
    length = _length(series)
    excluded = set(series.exdates)
    found: dict[str, Occurrence] = {}
    for start in _starts(series, window_start - length, window_end):
        key = stamp(start)
        if key in excluded or key in found:
            continue
        end = start + length
        if _overlaps(start, end, window_start, window_end, series.zone, timed):
            found[key] = Occurrence(start, end, key)
    return sorted(found.values(), key=lambda o: _sort_key(o.start))


def last_end(series: Series) -> dt.datetime | dt.date | None:
    """When the series' last occurrence ends, or None for one that repeats for ever."""
    rule = _rule(series)
    if rule is None:
        return series.end
    if not _ENDS.search(series.rrule):
        return None
    tail = collections.deque(_limited(rule), maxlen=1)
    last = tail[0] if tail else None
    extra = [_parse(r, series) for r in series.rdates]
    ends = [s + _length(series) for s in [last, *extra] if s is not None]
    return max(ends, key=_sort_key, default=series.end)


def _length(series: Series) -> dt.timedelta:
    start, end = series.start, series.end
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        return end - start
    if isinstance(start, dt.datetime) or isinstance(end, dt.datetime):
        raise TypeError("a series starts and ends on dates, or at times: not one of each")
    return end - start


def _starts(
    series: Series, after: dt.datetime, before: dt.datetime
) -> Iterator[dt.datetime | dt.date]:
    if isinstance(series.start, dt.datetime):
        zone = ZoneInfo(series.zone or "UTC")
        low, high = after.astimezone(zone), before.astimezone(zone)
        rule = _rule(series, near=low)
        for moment in rule.between(low, high, inc=True) if rule else [series.start]:
            yield moment.astimezone(dt.UTC)
    else:
        first = dt.datetime.combine(_local_date(after, series.zone), dt.time())
        last = dt.datetime.combine(_local_date(before, series.zone), dt.time())
        day_rule = _rule(series, near=first)
        days: list[dt.datetime] | list[dt.date] = (
            day_rule.between(first, last, inc=True) if day_rule else [series.start]
        )
        for day in days:
            yield day.date() if isinstance(day, dt.datetime) else day
    for extra in series.rdates:
        yield _parse(extra, series)


def _rule(series: Series, near: dt.datetime | None = None) -> dateutil_rrule.rrule | None:
    """The parsed rule; with `near`, started a whole number of periods before the quarter
    `near` falls in where that yields the same occurrences from there on (no COUNT, no
    BYSETPOS), so a series begun years ago is not iterated from its first occurrence for
    every window, and windows of one quarter share one cached rule."""
    if not series.rrule.strip():
        return None
    if isinstance(series.start, dt.datetime):
        start: dt.datetime = series.start.astimezone(ZoneInfo(series.zone or "UTC"))
        text = series.rrule
    else:
        start = dt.datetime.combine(series.start, dt.time())
        text = _UNTIL.sub(lambda m: f"UNTIL={m[1]}", series.rrule)  # a date bound for dates
    if near is not None:
        quarter = dt.datetime(near.year, 1 + 3 * ((near.month - 1) // 3), 1, tzinfo=near.tzinfo)
        start = _forwarded(start, text, quarter)
    return _parsed(text, start)


@functools.lru_cache(maxsize=4096)
def _parsed(text: str, start: dt.datetime) -> dateutil_rrule.rrule:
    parsed = dateutil_rrule.rrulestr(text, dtstart=start, forceset=False, cache=True)
    if not isinstance(parsed, dateutil_rrule.rrule):
        raise ValueError(f"not a single recurrence rule: {text}")
    return parsed


_PERIOD = {"DAILY": relativedelta(days=1), "WEEKLY": relativedelta(weeks=1),
           "MONTHLY": relativedelta(months=1), "YEARLY": relativedelta(years=1)}
_PERIOD_DAYS = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 31, "YEARLY": 366}


def _forwarded(start: dt.datetime, rule: str, near: dt.datetime) -> dt.datetime:
    """`start` moved on by whole periods (wall-clock time kept) to at least a period before
    `near`; unchanged where the rule counts occurrences or the move could shift them."""
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq = parts.get("FREQ", "")
    if freq not in _PERIOD or "COUNT" in parts or "BYSETPOS" in parts:
        return start
    if freq in ("MONTHLY", "YEARLY") and start.day > 28:
        return start  # a later month might not have that day
    interval = max(int(parts.get("INTERVAL", "1") or 1), 1)
    gap = (near.replace(tzinfo=None) - start.replace(tzinfo=None)).days
    steps = gap // (_PERIOD_DAYS[freq] * interval) - 1
    if steps <= 0:
        return start
    moved = start.replace(tzinfo=None) + _PERIOD[freq] * (steps * interval)
    return moved.replace(tzinfo=start.tzinfo)


def _limited(rule: Iterable[dt.datetime]) -> Iterator[dt.datetime]:
    for n, moment in enumerate(rule):
        if n >= MAX_OCCURRENCES:
            return
        yield moment


def _parse(text: str, series: Series) -> dt.datetime | dt.date:
    if "T" in text:
        return dt.datetime.fromisoformat(text).astimezone(dt.UTC)
    day = dt.date.fromisoformat(text)
    if isinstance(series.start, dt.datetime):  # a date RDATE on a timed series: its local time
        local = series.start.astimezone(ZoneInfo(series.zone or "UTC"))
        return dt.datetime.combine(day, local.timetz()).astimezone(dt.UTC)
    return day


def _local_date(moment: dt.datetime, zone: str) -> dt.date:
    return moment.astimezone(ZoneInfo(zone or "UTC")).date()


def _overlaps(
    start: dt.datetime | dt.date,
    end: dt.datetime | dt.date,
    window_start: dt.datetime,
    window_end: dt.datetime,
    zone: str,
    timed: bool,
) -> bool:
    if timed:
        return start < window_end and (end > window_start or start >= window_start)
    first, last = _local_date(window_start, zone), _local_date(window_end, zone)
    if window_end.astimezone(ZoneInfo(zone or "UTC")).time() == dt.time():
        last -= dt.timedelta(days=1)  # a window ending at midnight leaves that day out
    return start <= last and end > first


def _sort_key(value: dt.datetime | dt.date) -> tuple[dt.date, dt.time]:
    if isinstance(value, dt.datetime):
        utc = value.astimezone(dt.UTC)
        return utc.date(), utc.time()
    return value, dt.time()


DAY_SLACK = dt.timedelta(hours=14)  # an all-day event's day, in any zone, lies inside ±14 h
LONG_SPAN = dt.timedelta(days=8)


@dataclass(frozen=True, slots=True)
class Span:
    """The UTC stretch an event or series can touch (`end` None: for ever) and whether it is
    looked up among the long ones (series, or longer than LONG_SPAN)."""

    start: dt.datetime | None
    end: dt.datetime | None
    long: bool


def span_of(series: Series | None) -> Span:
    """The span of an event; None (no start: an undated task) spans nothing."""
    if series is None:
        return Span(None, None, False)
    first = _widened(series.start, -DAY_SLACK)
    repeating = bool(series.rrule.strip() or series.rdates)
    last = last_end(series) if repeating else series.end
    end = None if last is None else _widened(last, DAY_SLACK)
    long = repeating or end is None or end - first > LONG_SPAN
    return Span(first, end, long)


def _widened(value: dt.datetime | dt.date, slack: dt.timedelta) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    return dt.datetime.combine(value, dt.time(), tzinfo=dt.UTC) + slack
