"""Occurrences of repeating events inside a window, by the rules calendar users expect."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr

from crmdesk.models.recurrence import MAX_OCCURRENCES, Series, last_end, occurrences

UTC = dt.UTC


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def weekly(**changes) -> Series:
    values = dict(
        start=at(2026, 3, 2, 1, 0),  # Monday 09:00 in Shanghai
        end=at(2026, 3, 2, 2, 0),
        zone="Asia/Shanghai",
        rrule="FREQ=WEEKLY;COUNT=5",
    )
    values.update(changes)
    return Series(**values)


def test_only_the_window_is_expanded_and_exdates_are_left_out():
    series = weekly(exdates=("2026-03-16T01:00:00+00:00",))
    found = occurrences(series, at(2026, 3, 9), at(2026, 3, 24))
    assert [o.start for o in found] == [at(2026, 3, 9, 1), at(2026, 3, 23, 1)]
    assert found[0].end == at(2026, 3, 9, 2)
    assert found[0].recurrence_id == "2026-03-09T01:00:00+00:00"


def test_an_occurrence_running_into_the_window_counts():
    series = weekly(end=at(2026, 3, 2, 23, 0))  # 22 hours long
    found = occurrences(series, at(2026, 3, 9, 12), at(2026, 3, 9, 13))
    assert [o.start for o in found] == [at(2026, 3, 9, 1)]


def test_rdates_add_occurrences():
    series = weekly(rrule="FREQ=WEEKLY;COUNT=2", rdates=("2026-04-01T06:00:00+00:00",))
    found = occurrences(series, at(2026, 3, 1), at(2026, 5, 1))
    assert [o.start for o in found][-1] == at(2026, 4, 1, 6)
    assert len(found) == 3


def test_all_day_series_repeat_by_date():
    series = Series(dt.date(2026, 1, 1), dt.date(2026, 1, 2), "Asia/Shanghai", "FREQ=MONTHLY")
    found = occurrences(series, at(2026, 2, 15), at(2026, 4, 15))
    assert [o.start for o in found] == [dt.date(2026, 3, 1), dt.date(2026, 4, 1)]
    assert found[0].recurrence_id == "2026-03-01"


def test_a_window_ending_at_midnight_leaves_that_day_out():
    series = Series(dt.date(2026, 1, 1), dt.date(2026, 1, 2), "UTC", "FREQ=DAILY")
    found = occurrences(series, at(2026, 1, 5), at(2026, 1, 7))
    assert [o.start for o in found] == [dt.date(2026, 1, 5), dt.date(2026, 1, 6)]


def test_monthly_by_weekday_and_the_end_of_a_series():
    series = weekly(rrule="FREQ=MONTHLY;BYDAY=1MO;COUNT=3")
    found = occurrences(series, at(2026, 1, 1), at(2027, 1, 1))
    assert [o.start.date() for o in found] == [
        dt.date(2026, 3, 2), dt.date(2026, 4, 6), dt.date(2026, 5, 4)
    ]
    assert last_end(series) == at(2026, 5, 4, 2)
    assert last_end(weekly(rrule="FREQ=DAILY")) is None  # for ever
    assert last_end(weekly(rrule="")) == at(2026, 3, 2, 2)


def test_an_absurdly_long_rule_is_cut_when_asked_for_its_last_occurrence():
    series = weekly(rrule=f"FREQ=SECONDLY;COUNT={MAX_OCCURRENCES * 10}")
    assert last_end(series) is not None


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY",
        "FREQ=DAILY;INTERVAL=3;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;WKST=SU",
        "FREQ=MONTHLY;BYDAY=-1FR",
        "FREQ=MONTHLY;INTERVAL=5",
        "FREQ=MONTHLY",
        "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=29",
        "FREQ=WEEKLY;UNTIL=20310101T000000Z",
    ],
)
@pytest.mark.parametrize("first", [at(2001, 1, 31, 8, 0), at(2003, 3, 30, 0, 30)])
def test_a_series_begun_long_ago_gives_the_occurrences_counted_from_its_start(rule, first):
    series = Series(first, first + dt.timedelta(hours=1), "Europe/Berlin", rule)
    window = (at(2030, 3, 20), at(2030, 4, 20))  # across Berlin's change to summer time
    zone = ZoneInfo("Europe/Berlin")
    counted = rrulestr(rule, dtstart=first.astimezone(zone)).between(
        window[0] - dt.timedelta(hours=1), window[1], inc=True
    )
    assert [o.start for o in occurrences(series, *window)] == [
        m.astimezone(UTC) for m in counted if m + dt.timedelta(hours=1) > window[0]
    ]


def test_a_monthly_series_on_a_late_day_is_never_moved_onto_a_short_month():
    from crmdesk.models.recurrence import _forwarded

    start = dt.datetime(2001, 1, 31, 8, tzinfo=ZoneInfo("Europe/Berlin"))
    assert _forwarded(start, "FREQ=MONTHLY", dt.datetime(2030, 3, 1)) == start
    assert _forwarded(start, "FREQ=WEEKLY;COUNT=400", dt.datetime(2030, 3, 1)) == start
    moved = _forwarded(start, "FREQ=WEEKLY", dt.datetime(2030, 3, 1, tzinfo=start.tzinfo))
    assert moved.weekday() == start.weekday() and moved.hour == 8
    assert dt.timedelta(weeks=1) <= dt.datetime(2030, 3, 1, tzinfo=start.tzinfo) - moved
