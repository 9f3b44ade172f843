"""The event dialog's repeat choices as an RRULE and back (RFC 5545's few rules people use)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


class Repeat(StrEnum):
    NONE = "none"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY_DATE = "monthly_date"
    MONTHLY_WEEKDAY = "monthly_weekday"
    YEARLY = "yearly"


@dataclass(frozen=True)
class RepeatChoice:
    """What the repeat row of the dialog says; `until` is a last day (inclusive)."""

    repeat: Repeat = Repeat.NONE
    interval: int = 1
    until: dt.date | None = None
    count: int | None = None


def rule_of(choice: RepeatChoice, start: dt.date, zone: ZoneInfo, all_day: bool) -> str:
    """The RRULE for a choice on a series starting on `start` ("" for no repeat)."""
    if choice.repeat == Repeat.NONE:
        return ""
    weekday = DAYS[start.weekday()]
    parts = {
        Repeat.DAILY: ["FREQ=DAILY"],
        Repeat.WEEKLY: ["FREQ=WEEKLY", f"BYDAY={weekday}"],
        Repeat.MONTHLY_DATE: ["FREQ=MONTHLY", f"BYMONTHDAY={start.day}"],
        Repeat.MONTHLY_WEEKDAY: ["FREQ=MONTHLY", f"BYDAY={_nth(start)}{weekday}"],
        Repeat.YEARLY: ["FREQ=YEARLY"],
    }[choice.repeat]
    if choice.interval > 1:
        parts.append(f"INTERVAL={choice.interval}")
    if choice.count:
        parts.append(f"COUNT={choice.count}")
    elif choice.until is not None:
        if all_day:
            parts.append(f"UNTIL={choice.until:%Y%m%d}")
        else:
            last = dt.datetime.combine(choice.until, dt.time(23, 59, 59), tzinfo=zone)
            parts.append(f"UNTIL={last.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}")
    return ";".join(parts)


def _nth(day: dt.date) -> int:
    """Which weekday of its month a day is: 1…4, or -1 for the last one (a fifth)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def choice_of(rule: str, zone: ZoneInfo) -> RepeatChoice:
    """A stored RRULE as the dialog's choice (a rule it cannot show reads as its FREQ)."""
    if not rule:
        return RepeatChoice()
    parts = dict(p.split("=", 1) for p in rule.upper().split(";") if "=" in p)
    freq = parts.get("FREQ", "")
    repeat = {"DAILY": Repeat.DAILY, "WEEKLY": Repeat.WEEKLY, "YEARLY": Repeat.YEARLY}.get(freq)
    if freq == "MONTHLY":
        by_day = parts.get("BYDAY", "")
        repeat = Repeat.MONTHLY_WEEKDAY if re.match(r"^[+-]?\d", by_day) else Repeat.MONTHLY_DATE
    until = None
    if "UNTIL" in parts:
        text = parts["UNTIL"]
        if "T" in text:
            moment = dt.datetime.strptime(text.rstrip("Z"), "%Y%m%dT%H%M%S")
            until = moment.replace(tzinfo=dt.UTC).astimezone(zone).date()
        else:
            until = dt.datetime.strptime(text, "%Y%m%d").date()
    count = int(parts["COUNT"]) if parts.get("COUNT", "").isdigit() else None
    interval = int(parts["INTERVAL"]) if parts.get("INTERVAL", "").isdigit() else 1
    return RepeatChoice(repeat or Repeat.DAILY, interval, until, count)


__all__ = ["Repeat", "RepeatChoice", "choice_of", "rule_of"]
