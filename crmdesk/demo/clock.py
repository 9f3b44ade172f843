"""Time for the demo: days as proleptic ordinals, local working hours, UTC storage text, ids.

Ordinals keep the arithmetic of millions of dates cheap; the text forms are what SQLite stores
(dates as ISO text, times as naive UTC text)."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

_DAY_TEXT: dict[int, str] = {}
_STAMPS: dict[int, str] = {}


def day_text(ordinal: int) -> str:
    """Storage form of a date given as its proleptic ordinal."""
    value = _DAY_TEXT.get(ordinal)
    if value is None:
        value = _DAY_TEXT[ordinal] = dt.date.fromordinal(ordinal).isoformat()
    return value


def stamp(ms: int) -> str:
    """Storage form (naive UTC text) of a Unix time in milliseconds."""
    text = _STAMPS.get(ms)
    if text is None:
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=ms)
        text = _STAMPS[ms] = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return text


def weekday(ordinal: int) -> int:
    return (ordinal + 6) % 7  # Monday 0, like date.weekday()


def workday(ordinal: int) -> int:
    """The nearest weekday: Saturday moves back to Friday, Sunday on to Monday."""
    wd = weekday(ordinal)
    return ordinal - 1 if wd == 5 else ordinal + 1 if wd == 6 else ordinal


def workday_before(ordinal: int) -> int:
    """The weekday on or before: a weekend moves back to Friday (history never moves ahead)."""
    wd = weekday(ordinal)
    return ordinal - (wd - 4) if wd > 4 else ordinal


class Clock:
    """Local wall-clock times in a zone turned into UTC storage text, offsets cached per day."""

    def __init__(self) -> None:
        self._offsets: dict[tuple[str, int], int] = {}

    def offset(self, zone: str, ordinal: int) -> int:
        key = (zone, ordinal)
        minutes = self._offsets.get(key)
        if minutes is None:
            day = dt.date.fromordinal(ordinal)
            moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zoneinfo.ZoneInfo(zone))
            delta = moment.utcoffset() or dt.timedelta(0)
            minutes = self._offsets[key] = int(delta.total_seconds() // 60)
        return minutes

    def utc_minutes(self, zone: str, ordinal: int, minute_of_day: int) -> int:
        """A local time as UTC minutes counted like date ordinals (day = minutes // 1440)."""
        return ordinal * 1440 + minute_of_day - self.offset(zone, ordinal)

    @staticmethod
    def text(utc_minutes: int) -> str:
        ordinal, minute = divmod(utc_minutes, 1440)
        return f"{day_text(ordinal)} {minute // 60:02d}:{minute % 60:02d}:00.000000"

    @staticmethod
    def iso(utc_minutes: int) -> str:
        """ISO 8601 in UTC, as EXDATE lists are kept."""
        ordinal, minute = divmod(utc_minutes, 1440)
        return f"{day_text(ordinal)}T{minute // 60:02d}:{minute % 60:02d}:00+00:00"

    def local(self, zone: str, ordinal: int, minute_of_day: int) -> str:
        return self.text(self.utc_minutes(zone, ordinal, minute_of_day))


class Ids:
    """UUIDv7 ids in storage form (32 hex digits): 48-bit milliseconds from the load instant,
    version 7, a 12-bit counter as rand_a (RFC 9562's fixed-length counter, moving the
    millisecond on every 4096 ids), variant 10 and 62 bits from a seeded stream."""

    def __init__(self, rng: random.Random, first_ms: int) -> None:
        self._bits = rng.getrandbits
        self._first_ms = first_ms
        self._n = 0

    def __call__(self) -> str:
        n = self._n
        self._n = n + 1
        return "%012x7%03x%016x" % (  # noqa: UP031 - the fastest formatting here
            self._first_ms + (n >> 12),
            n & 0xFFF,
            self._bits(62) | 0x8000000000000000,
        )
