"""Naming a calendar file's custom time zone (a VTIMEZONE under a made-up TZID) in IANA terms.

Outlook and Exchange write zones such as "Canberra, Melbourne, Sydney" or "GMT +0100 (Standard)
/ GMT +0200 (Daylight)". The zone kept is the IANA one with the same UTC offsets on the 1st and
15th of every month of the event's year: among those, one whose city the TZID names, else the
laptop's own, else a major zone, else the first by name.
"""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo

from crmdesk.core.clock import local_zone_name

_MAJOR = (
    "Asia/Shanghai", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Moscow",
    "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
    "Asia/Tokyo", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney", "Asia/Dubai",
)


@functools.cache
def _zones() -> tuple[str, ...]:
    names = zoneinfo.available_timezones()
    return tuple(sorted(n for n in names if "/" in n and not n.startswith(("Etc/", "SystemV/"))))


def _samples(year: int) -> list[dt.datetime]:
    return [dt.datetime(year, month, day, 12) for month in range(1, 13) for day in (1, 15)]


_WINTER, _SUMMER = 1, 13  # the 15th of January and of July among the samples


def _offsets(tzinfo: dt.tzinfo, year: int) -> tuple[dt.timedelta | None, ...]:
    return tuple(moment.replace(tzinfo=tzinfo).utcoffset() for moment in _samples(year))


@functools.lru_cache(maxsize=256)
def _ranked(offsets: tuple[dt.timedelta | None, ...], year: int) -> tuple[tuple[int, str], ...]:
    """(differences, zone) of the zones with the same winter and summer offsets, fewest first."""
    scored = []
    for name in _zones():
        theirs = _offsets(zoneinfo.ZoneInfo(name), year)
        if theirs[_WINTER] == offsets[_WINTER] and theirs[_SUMMER] == offsets[_SUMMER]:
            scored.append((sum(a != b for a, b in zip(theirs, offsets, strict=True)), name))
    return tuple(sorted(scored))


def iana_zone_for(tzinfo: dt.tzinfo, label: str, year: int) -> str:
    """The IANA zone that keeps `tzinfo`'s offsets through `year` best ("UTC" if none does).

    Old Outlook definitions carry outdated daylight-saving dates, so a zone the TZID names is
    taken when its winter and summer offsets agree; otherwise the closest match through the
    year, the laptop's zone or a major one first among equals."""
    ranked = _ranked(_offsets(tzinfo, year), year)
    if not ranked:
        return "UTC"
    words = label.lower()
    for _, name in ranked:
        if name.rsplit("/", 1)[-1].replace("_", " ").lower() in words:
            return name
    closest = [name for score, name in ranked if score == ranked[0][0]]
    local = local_zone_name()
    if local in closest:
        return local
    return next((n for n in _MAJOR if n in closest), closest[0])
