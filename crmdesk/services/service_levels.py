"""Service levels: a rule per value tier and priority gives the response and resolution
targets; due times are counted in working hours (working days only, public holidays and
China's make-up working days as the holiday calendar has them) or round the clock, as the
rule says. Defaults ship; Tools > Settings edits them (one settings section)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from typing import ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.orm import Session

from crmdesk.analytics.day_marks import DayMarks
from crmdesk.core.clock import local_zone_name
from crmdesk.core.errors import KnownError
from crmdesk.core.jsontypes import JsonValue
from crmdesk.models.enums import CasePriority, ValueTier
from crmdesk.services import settings

# A case could be opened before a long holiday: a target is searched for this many days ahead.
MAX_DAYS_AHEAD = 400


@dataclass(frozen=True)
class Rule:
    """Targets for one tier and priority, in hours; `working_hours` counts only working time."""

    tier: ValueTier
    priority: CasePriority
    response_hours: float
    resolution_hours: float
    working_hours: bool = True


# VIP customers are served round the clock and fastest; the others in working hours.
_DEFAULT_HOURS: dict[ValueTier, dict[CasePriority, tuple[float, float]]] = {
    ValueTier.VIP: {
        CasePriority.URGENT: (0.5, 4), CasePriority.HIGH: (1, 8),
        CasePriority.NORMAL: (2, 24), CasePriority.LOW: (4, 48),
    },
    ValueTier.IMPORTANT: {
        CasePriority.URGENT: (1, 8), CasePriority.HIGH: (2, 16),
        CasePriority.NORMAL: (4, 27), CasePriority.LOW: (8, 45),
    },
    ValueTier.ORDINARY: {
        CasePriority.URGENT: (2, 9), CasePriority.HIGH: (4, 18),
        CasePriority.NORMAL: (8, 36), CasePriority.LOW: (16, 72),
    },
}  # fmt: skip


def default_rules() -> list[Rule]:
    return [
        Rule(tier, priority, response, resolution, working_hours=tier is not ValueTier.VIP)
        for tier, targets in _DEFAULT_HOURS.items()
        for priority, (response, resolution) in targets.items()
    ]


def _rules_json(rules: list[Rule]) -> list[JsonValue]:
    return [
        {k: (str(v) if isinstance(v, ValueTier | CasePriority) else v)
         for k, v in dataclasses.asdict(rule).items()}
        for rule in rules
    ]  # fmt: skip


@dataclass(frozen=True)
class ServiceLevels:
    """The service-level section: rules, the working day, the holiday country, escalation."""

    KEY: ClassVar[str] = "service_levels"
    rules: list[JsonValue] = field(default_factory=lambda: _rules_json(default_rules()))
    day_starts: str = "09:00"
    day_ends: str = "18:00"
    country: str = "CN"  # whose public holidays and make-up working days count
    zone: str = ""  # the desk's time zone ("" the laptop's)
    escalate_after_hours: float = 0.0  # past a target by this much, a case is escalated
    notify_manager: bool = True  # the owner's manager hears of it too
    managers: dict[str, JsonValue] = field(default_factory=dict)  # owner -> manager

    def rule_list(self) -> list[Rule]:
        """The rules as values, the defaults for any tier and priority the section lacks."""
        found: dict[tuple[str, str], Rule] = {}
        for raw in self.rules:
            if isinstance(raw, dict):
                try:
                    rule = Rule(
                        ValueTier(str(raw["tier"])),
                        CasePriority(str(raw["priority"])),
                        float(raw["response_hours"]),  # type: ignore[arg-type]
                        float(raw["resolution_hours"]),  # type: ignore[arg-type]
                        bool(raw.get("working_hours", True)),
                    )
                except (KeyError, ValueError, TypeError):
                    continue
                found[(rule.tier, rule.priority)] = rule
        return [found.get((d.tier, d.priority), d) for d in default_rules()]

    def rule(self, tier: ValueTier, priority: CasePriority) -> Rule:
        return next(r for r in self.rule_list() if r.tier == tier and r.priority == priority)

    def with_rules(self, rules: list[Rule]) -> ServiceLevels:
        return dataclasses.replace(self, rules=_rules_json(rules))

    def manager_of(self, owner: str) -> str:
        manager = self.managers.get(owner, "")
        return manager if isinstance(manager, str) else ""

    def reports_of(self, manager: str) -> list[str]:
        """The owners whose manager is `manager` (not `manager` themself)."""
        return [owner for owner in self.managers
                if manager and owner != manager and self.manager_of(owner) == manager]  # fmt: skip


def load(session: Session) -> ServiceLevels:
    return settings.load(session, ServiceLevels)


def save(session: Session, levels: ServiceLevels) -> None:
    """Store the section after checking it; a bad value is refused in one line."""
    check(levels)
    settings.save(session, levels)


def check(levels: ServiceLevels) -> None:
    starts, ends = _clock_time(levels.day_starts), _clock_time(levels.day_ends)
    if ends <= starts:
        raise KnownError("The working day must end after it starts.")
    for rule in levels.rule_list():
        if not 0 < rule.response_hours <= rule.resolution_hours:
            raise KnownError(
                "A response target must be more than 0 and no longer than the resolution target."
            )
    if levels.escalate_after_hours < 0:
        raise KnownError("Escalation cannot come before the target.")
    _zone(levels.zone)


def _clock_time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise KnownError("%1 is not a time of day (HH:MM).", values=(text,)) from None


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or local_zone_name())
    except (ZoneInfoNotFoundError, ValueError):
        raise KnownError("%1 is not a known time zone.", values=(name,)) from None


@cache
def _marks(country: str) -> DayMarks:
    return DayMarks(country)


def is_working_day(day: dt.date, country: str) -> bool:
    """Not a public holiday, and a weekday or a make-up working day."""
    return not _marks(country).is_day_off(day) if country else day.isoweekday() < 6


def next_working_day(levels: ServiceLevels, after: dt.date) -> dt.date:
    """The first working day after `after` (the desk's holidays and make-up days counted)."""
    day = after + dt.timedelta(days=1)
    for _ in range(MAX_DAYS_AHEAD):
        if is_working_day(day, levels.country):
            return day
        day += dt.timedelta(days=1)
    return day


def desk_today(levels: ServiceLevels, now: dt.datetime) -> dt.date:
    """`now` as a date at the desk (its time zone, else the laptop's)."""
    return now.astimezone(_zone(levels.zone)).date()


@dataclass(frozen=True)
class DueTimes:
    response: dt.datetime
    resolution: dt.datetime


def due_times(
    levels: ServiceLevels, tier: ValueTier, priority: CasePriority, opened: dt.datetime
) -> DueTimes:
    """When the first response and the resolution are due for a case opened at `opened`."""
    rule = levels.rule(tier, priority)
    return DueTimes(
        add_hours(levels, opened, rule.response_hours, rule.working_hours),
        add_hours(levels, opened, rule.resolution_hours, rule.working_hours),
    )


def add_hours(
    levels: ServiceLevels, start: dt.datetime, hours: float, working_hours: bool
) -> dt.datetime:
    """`start` plus `hours`, round the clock or counting only the working day's hours on
    working days (in UTC, as stored)."""
    if not working_hours:
        return (start + dt.timedelta(hours=hours)).astimezone(dt.UTC)
    zone = _zone(levels.zone)
    opens, closes = _clock_time(levels.day_starts), _clock_time(levels.day_ends)
    remaining = dt.timedelta(hours=hours)
    cursor = start.astimezone(zone)
    for _ in range(MAX_DAYS_AHEAD):
        day = cursor.date()
        if is_working_day(day, levels.country):
            window_start = dt.datetime.combine(day, opens, zone)
            window_end = dt.datetime.combine(day, closes, zone)
            begin = max(cursor, window_start)
            if begin < window_end:
                if remaining <= window_end - begin:
                    return (begin + remaining).astimezone(dt.UTC)
                remaining -= window_end - begin
        cursor = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), zone)
    raise KnownError("No working time was found for a service target within a year.")


__all__ = [
    "DueTimes",
    "Rule",
    "ServiceLevels",
    "add_hours",
    "check",
    "default_rules",
    "desk_today",
    "due_times",
    "is_working_day",
    "load",
    "next_working_day",
    "save",
]
