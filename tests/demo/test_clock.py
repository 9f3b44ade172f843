"""Demo time: workdays, local hours in UTC storage text, time-ordered ids."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from crmdesk.demo.clock import Clock, Ids, day_text, stamp, workday, workday_before

SATURDAY, SUNDAY = dt.date(2025, 3, 15).toordinal(), dt.date(2025, 3, 16).toordinal()


def test_weekends_move_to_the_nearest_workday_or_back_to_friday() -> None:
    friday, monday = SATURDAY - 1, SUNDAY + 1
    assert (workday(SATURDAY), workday(SUNDAY), workday(monday)) == (friday, monday, monday)
    assert (workday_before(SATURDAY), workday_before(SUNDAY)) == (friday, friday)


def test_local_times_are_stored_as_utc_text_across_a_zone_change() -> None:
    clock = Clock()
    winter, summer = dt.date(2025, 1, 15).toordinal(), dt.date(2025, 7, 15).toordinal()
    assert clock.local("Asia/Shanghai", winter, 9 * 60) == "2025-01-15 01:00:00.000000"
    assert clock.local("Europe/London", winter, 9 * 60) == "2025-01-15 09:00:00.000000"
    assert clock.local("Europe/London", summer, 9 * 60) == "2025-07-15 08:00:00.000000"
    assert clock.iso(clock.utc_minutes("UTC", summer, 90)) == "2025-07-15T01:30:00+00:00"
    assert day_text(summer) == "2025-07-15"


def test_ids_are_uuid7_in_order_with_the_load_instant_as_their_time() -> None:
    first_ms = int(dt.datetime(2025, 3, 11, 10, tzinfo=dt.UTC).timestamp() * 1000)
    new_id = Ids(random.Random(1), first_ms)
    ids = [new_id() for _ in range(5000)]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    parsed = uuid.UUID(ids[-1])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert stamp(int(ids[0][:12], 16)) == "2025-03-11 10:00:00.000000"
    assert int(ids[-1][:12], 16) == first_ms + 1  # the counter moves the millisecond at 4096
