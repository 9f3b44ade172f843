"""The calendar service on a real database file: windows, series, single occurrences, clashes."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command

from crmdesk.core.errors import KnownError
from crmdesk.models import CalendarEvent
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import (
    EventDraft,
    Scope,
    change_occurrence,
    conflicts,
    delete_events,
    delete_occurrence,
    draft_of,
    fill_missing_spans,
    occurrences_between,
    save_event,
)
from crmdesk.store.db import Database, _alembic_config

UTC = dt.UTC
SHANGHAI = "Asia/Shanghai"


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)


def week(db: Database, monday: dt.datetime, **filters) -> list:
    with db.reading() as session:
        return occurrences_between(session, monday, monday + dt.timedelta(days=7), **filters)


def save(db: Database, draft: EventDraft):
    with db.transaction() as session:
        return save_event(session, draft)[0]


def visit(title: str = "拜访华为", **changes) -> EventDraft:
    values = dict(title=title, kind=EventKind.VISIT, starts_at=at(2026, 3, 3, 1, 0),
                  ends_at=at(2026, 3, 3, 2, 0), time_zone=SHANGHAI, owner="li.lei")
    values.update(changes)
    return EventDraft(**values)


def weekly_call(db: Database, **changes):
    values = dict(title="周会", kind=EventKind.CALL, starts_at=at(2026, 3, 2, 1),
                  ends_at=at(2026, 3, 2, 1, 30), time_zone=SHANGHAI, owner="li.lei",
                  rrule="FREQ=WEEKLY")
    values.update(changes)
    return save(db, EventDraft(**values))


def starts(found) -> list:
    return [(o.title, o.start) for o in found]


def test_a_week_shows_its_events_and_nothing_outside_it(db):
    save(db, visit())
    save(db, visit("下周的拜访", starts_at=at(2026, 3, 10, 1), ends_at=at(2026, 3, 10, 2)))
    save(db, EventDraft("广交会", kind=EventKind.OTHER, all_day=True,
                        start_date=dt.date(2026, 3, 5), end_date=dt.date(2026, 3, 8)))
    found = week(db, at(2026, 3, 2))
    assert starts(found) == [("拜访华为", at(2026, 3, 3, 1)), ("广交会", dt.date(2026, 3, 5))]
    assert found[1].end == dt.date(2026, 3, 8) and found[1].all_day
    assert starts(week(db, at(2026, 3, 9))) == [("下周的拜访", at(2026, 3, 10, 1))]  # fair ended


def test_a_series_without_end_is_expanded_for_the_window_only(db):
    weekly_call(db, starts_at=at(2020, 1, 6, 1), ends_at=at(2020, 1, 6, 1, 30))
    found = week(db, at(2026, 3, 2))
    assert starts(found) == [("周会", at(2026, 3, 2, 1))]
    assert found[0].repeats and found[0].recurrence_id == "2026-03-02T01:00:00+00:00"


def test_moving_one_occurrence_keeps_its_place_in_the_series(db):
    series = weekly_call(db)
    monday = week(db, at(2026, 3, 9))[0]
    moved = visit("周会（改到周二）", kind=EventKind.CALL, starts_at=at(2026, 3, 10, 6),
                  ends_at=at(2026, 3, 10, 7))
    with db.transaction() as session:
        override, _ = change_occurrence(session, series, monday.recurrence_id, moved, Scope.THIS)
    found = week(db, at(2026, 3, 9))
    assert starts(found) == [("周会（改到周二）", at(2026, 3, 10, 6))]
    assert found[0].event_id == override and found[0].series_id == series
    assert found[0].recurrence_id == monday.recurrence_id  # still that week's occurrence
    assert starts(week(db, at(2026, 3, 16))) == [("周会", at(2026, 3, 16, 1))]


def test_this_and_following_ends_the_series_and_starts_another(db):
    series = weekly_call(db, rrule="FREQ=WEEKLY;COUNT=10")
    third = week(db, at(2026, 3, 16))[0]
    later = visit("周会（新时间）", kind=EventKind.CALL, starts_at=at(2026, 3, 16, 2),
                  ends_at=at(2026, 3, 16, 3), rrule="FREQ=WEEKLY;COUNT=10")
    with db.transaction() as session:
        change_occurrence(session, series, third.recurrence_id, later, Scope.FOLLOWING)
    assert starts(week(db, at(2026, 3, 9))) == [("周会", at(2026, 3, 9, 1))]
    assert starts(week(db, at(2026, 3, 16))) == [("周会（新时间）", at(2026, 3, 16, 2))]
    assert starts(week(db, at(2026, 3, 23))) == [("周会（新时间）", at(2026, 3, 23, 2))]


def test_deleting_this_following_or_all_occurrences(db):
    series = weekly_call(db)
    second = week(db, at(2026, 3, 9))[0]
    with db.transaction() as session:
        delete_occurrence(session, series, second.recurrence_id, Scope.THIS)
    assert week(db, at(2026, 3, 9)) == [] and len(week(db, at(2026, 3, 16))) == 1
    fourth = week(db, at(2026, 3, 23))[0]
    with db.transaction() as session:
        delete_occurrence(session, series, fourth.recurrence_id, Scope.FOLLOWING)
    assert len(week(db, at(2026, 3, 16))) == 1
    assert week(db, at(2026, 3, 23)) == [] and week(db, at(2027, 3, 22)) == []
    with db.transaction() as session:
        delete_occurrence(session, series, week(db, at(2026, 3, 2))[0].recurrence_id, Scope.ALL)
    assert week(db, at(2026, 3, 2)) == [] and week(db, at(2026, 3, 16)) == []


def test_cancelled_and_deleted_events_and_other_owners_are_left_out(db):
    save(db, visit("取消的拜访", status=EventStatus.CANCELLED))
    gone = save(db, visit("删除的拜访"))
    save(db, visit("韩梅梅的拜访", owner="han.meimei"))
    with db.transaction() as session:
        delete_events(session, [gone])
    assert starts(week(db, at(2026, 3, 2), owner="li.lei")) == []
    assert [o.title for o in week(db, at(2026, 3, 2), include_cancelled=True)] == [
        "取消的拜访", "韩梅梅的拜访"
    ]


def test_an_edit_moves_the_event_to_its_new_week(db):
    event = save(db, visit())
    with db.reading() as session:
        draft = draft_of(session, event)
    draft.starts_at, draft.ends_at = at(2026, 4, 7, 1), at(2026, 4, 7, 2)
    save(db, draft)
    assert week(db, at(2026, 3, 2)) == []
    assert starts(week(db, at(2026, 4, 6))) == [("拜访华为", at(2026, 4, 7, 1))]


def test_a_stale_edit_and_an_event_without_title_or_start_are_refused(db):
    event = save(db, visit())
    with db.reading() as session:
        first, second = draft_of(session, event), draft_of(session, event)
    first.location = "深圳"
    save(db, first)
    with pytest.raises(KnownError, match="changed elsewhere"):
        save(db, second)
    with pytest.raises(KnownError, match="title"):
        save(db, visit(title="  "))
    with pytest.raises(KnownError, match="start"):
        save(db, visit(starts_at=None))
    with pytest.raises(KnownError, match="before the start"):
        save(db, visit(ends_at=at(2026, 3, 3, 0)))
    assert save(db, EventDraft("回访张三", kind=EventKind.TASK))  # an undated task is fine


def test_clashes_with_the_same_owners_timed_events_are_found(db):
    save(db, visit())
    weekly_call(db, starts_at=at(2026, 3, 3, 1, 30), ends_at=at(2026, 3, 3, 2, 30))
    save(db, visit("别人的拜访", owner="han.meimei"))
    save(db, EventDraft("全天培训", all_day=True, start_date=dt.date(2026, 3, 3), owner="li.lei"))
    with db.reading() as session:
        clash = conflicts(session, "li.lei", at(2026, 3, 3, 1, 45), at(2026, 3, 3, 3))
        none = conflicts(session, "li.lei", at(2026, 3, 3, 3), at(2026, 3, 3, 4))
    assert sorted(o.title for o in clash) == ["周会", "拜访华为"]
    assert none == []


def test_reminders_are_kept(db):
    event = save(db, visit(reminders=[15, 60, 15]))
    with db.reading() as session:
        assert draft_of(session, event).reminders == [60, 15]


def test_an_older_files_events_get_their_spans_on_upgrade(tmp_path):
    path = tmp_path / "old.sqlite3"
    db = Database.open(path)
    save(db, visit())
    weekly_call(db, starts_at=at(2025, 1, 6, 1), ends_at=at(2025, 1, 6, 1, 30))
    command.downgrade(_alembic_config(db.engine), "0001_baseline")
    db.dispose()
    db = Database.open(path)
    with db.reading() as session:
        assert session.query(CalendarEvent).filter(CalendarEvent.span_start.is_(None)).count() == 0
    assert [o.title for o in week(db, at(2026, 3, 2))] == ["周会", "拜访华为"]
    db.dispose()


def test_events_a_bulk_loader_wrote_get_their_spans(db):
    save(db, visit())
    with db.transaction() as session:
        session.execute(CalendarEvent.__table__.update().values(span_start=None, span_end=None))
    assert week(db, at(2026, 3, 2)) == []
    with db.transaction() as session:
        assert fill_missing_spans(session) == 1
    assert [o.title for o in week(db, at(2026, 3, 2))] == ["拜访华为"]
