"""Occurrences of repeating events inside a window, by the rules calendar users expect."""

from __future__ import annotations

import datetime as dt

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
