"""Overlapping events side by side, and the dialog's repeat choices as RRULEs and back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from crmdesk.views.calendar.layout import side_by_side
from crmdesk.views.calendar.repeat_rule import Repeat, RepeatChoice, choice_of, rule_of

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 3, 4, hour, minute, tzinfo=SHANGHAI)


def test_overlaps_share_columns_and_a_later_event_gets_the_whole_width():
    placed = side_by_side([
        ("a", at(9), at(10)), ("b", at(9, 30), at(11)), ("c", at(10), at(10, 30)),
        ("d", at(14), at(15)),
    ])
    where = {p.item: (p.column, p.columns) for p in placed}
    assert where == {"a": (0, 2), "b": (1, 2), "c": (0, 2), "d": (0, 1)}


def test_repeat_choices_round_trip_through_the_rule():
    start = dt.date(2026, 3, 31)  # the last Tuesday of March
    cases = {
        RepeatChoice(Repeat.WEEKLY, 2, dt.date(2026, 6, 30)):
            "FREQ=WEEKLY;BYDAY=TU;INTERVAL=2;UNTIL=20260630T155959Z",
        RepeatChoice(Repeat.MONTHLY_WEEKDAY, count=6): "FREQ=MONTHLY;BYDAY=-1TU;COUNT=6",
        RepeatChoice(Repeat.MONTHLY_DATE): "FREQ=MONTHLY;BYMONTHDAY=31",
        RepeatChoice(Repeat.YEARLY, count=3): "FREQ=YEARLY;COUNT=3",
        RepeatChoice(): "",
    }
    for choice, rule in cases.items():
        assert rule_of(choice, start, SHANGHAI, all_day=False) == rule
        assert choice_of(rule, SHANGHAI) == choice
    assert rule_of(RepeatChoice(Repeat.DAILY, until=dt.date(2026, 4, 3)), start, SHANGHAI,
                   all_day=True) == "FREQ=DAILY;UNTIL=20260403"
