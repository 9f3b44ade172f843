"""Service-level due times against examples worked out by hand (Beijing time, 09:00-18:00)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models.enums import CasePriority, ValueTier
from crmdesk.services import service_levels
from crmdesk.services.service_levels import Rule, ServiceLevels, add_hours, due_times

BJ = ZoneInfo("Asia/Shanghai")
LEVELS = ServiceLevels(zone="Asia/Shanghai", country="CN")


def bj(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BJ)


def test_a_weekend_is_skipped():
    # Friday 16:00 + 4 working hours: 2 on Friday, 2 on Monday morning.
    assert add_hours(LEVELS, bj(2026, 3, 6, 16), 4, True) == bj(2026, 3, 9, 11)


def test_opened_on_a_saturday_the_clock_starts_on_monday():
    assert add_hours(LEVELS, bj(2026, 3, 7, 10), 2, True) == bj(2026, 3, 9, 11)


def test_the_national_day_holidays_are_skipped():
    # Wed 30 Sep 17:00 + 8 h: one hour that day; 1-7 October are off (Sat 3, Sun 4 too),
    # then seven hours on Thursday 8 October: 16:00.
    assert add_hours(LEVELS, bj(2026, 9, 30, 17), 8, True) == bj(2026, 10, 8, 16)


def test_a_make_up_saturday_is_a_working_day():
    # Fri 13 Feb 17:00 + 4 h: one hour; Saturday 14 Feb is worked (调休) 09:00-12:00.
    assert add_hours(LEVELS, bj(2026, 2, 13, 17), 4, True) == bj(2026, 2, 14, 12)


def test_a_vip_urgent_case_counts_round_the_clock():
    due = due_times(LEVELS, ValueTier.VIP, CasePriority.URGENT, bj(2026, 3, 7, 22))
    assert due.response == bj(2026, 3, 7, 22, 30)
    assert due.resolution == bj(2026, 3, 8, 2)  # Sunday, 2 a.m.


def test_an_ordinary_case_in_working_hours_against_a_vip_one():
    opened = bj(2026, 3, 6, 16)  # a Friday afternoon
    ordinary = due_times(LEVELS, ValueTier.ORDINARY, CasePriority.HIGH, opened)
    assert ordinary.response == bj(2026, 3, 9, 11)  # 4 working hours
    assert ordinary.resolution == bj(2026, 3, 10, 16)  # 18 h: 2 + 9 + 7
    vip = due_times(LEVELS, ValueTier.VIP, CasePriority.HIGH, opened)
    assert vip.resolution == bj(2026, 3, 7, 0)


def test_an_edited_rule_is_used_and_saved(db):
    rule = Rule(ValueTier.ORDINARY, CasePriority.LOW, 1, 3, working_hours=False)
    with db.transaction() as session:
        service_levels.save(session, LEVELS.with_rules([rule]))
    with db.reading() as session:
        levels = service_levels.load(session)
    assert levels.rule(ValueTier.ORDINARY, CasePriority.LOW) == rule
    assert levels.rule(ValueTier.VIP, CasePriority.LOW).resolution_hours == 48  # a default
    opened = bj(2026, 3, 7, 10)
    assert due_times(levels, ValueTier.ORDINARY, CasePriority.LOW, opened).resolution == bj(
        2026, 3, 7, 13
    )


@pytest.mark.parametrize(
    "change",
    [
        {"day_ends": "08:00"},
        {"day_starts": "nine"},
        {"zone": "Mars/Olympus"},
        {"rules": [{"tier": "vip", "priority": "low", "response_hours": 9,
                    "resolution_hours": 2}]},
    ],
)
def test_bad_settings_are_refused_and_nothing_is_written(db, change):
    with pytest.raises(KnownError), db.transaction() as session:
        service_levels.save(session, dataclasses.replace(LEVELS, **change))
    with db.reading() as session:
        assert service_levels.load(session) == ServiceLevels()
