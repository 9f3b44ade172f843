"""The calendar pane on a real database: the visible range only, keys, views, week starts."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from crmdesk.views.calendar.pane import CalendarView
from crmdesk.views.calendar.range_model import utc_window
from crmdesk.views.calendar.task_list import TaskListModel
from tests.views.calendar.conftest import TODAY, WAIT, add_event, make_pane, shanghai_time


def test_the_model_asks_only_for_the_visible_week_and_the_next_one_on_pgdn(
    qtbot, db, locale, qtmodeltester
):
    add_event(db, "This week", shanghai_time(2026, 3, 4, 10))
    add_event(db, "Next week", shanghai_time(2026, 3, 10, 10))
    pane = make_pane(qtbot, db)
    zone = pane.model.zone
    assert pane.model.asked == [utc_window(dt.date(2026, 3, 2), dt.date(2026, 3, 9), zone)]
    assert [o.title for o in pane.model.occurrences] == ["This week"]
    pane.grid.setFocus()
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        qtbot.keyClick(pane.grid, Qt.Key.Key_PageDown)
    assert pane.model.asked[-1] == utc_window(dt.date(2026, 3, 9), dt.date(2026, 3, 16), zone)
    assert len(pane.model.asked) == 2
    assert [o.title for o in pane.model.occurrences] == ["Next week"]
    assert pane.model.rowCount() == 1
    qtmodeltester.check(pane.model)


def test_keys_move_by_day_and_period_t_goes_home_and_digits_pick_the_view(qtbot, db, locale):
    pane = make_pane(qtbot, db)
    pane.grid.setFocus()
    qtbot.keyClick(pane.grid, Qt.Key.Key_Right)
    assert pane.current == TODAY + dt.timedelta(days=1)
    qtbot.keyClick(pane.grid, Qt.Key.Key_Up)
    assert pane.current == TODAY - dt.timedelta(days=6)
    qtbot.keyClick(pane.grid, Qt.Key.Key_4)
    assert pane.view == CalendarView.MONTH and pane.views.currentWidget() is pane.month
    assert pane.visible_range() == (dt.date(2026, 1, 26), dt.date(2026, 3, 9))  # February
    pane.month.setFocus()
    qtbot.keyClick(pane.month, Qt.Key.Key_PageDown)
    assert (pane.current.year, pane.current.month) == (2026, 3)
    qtbot.keyClick(pane.month, Qt.Key.Key_1)
    assert pane.view == CalendarView.DAY
    assert pane.visible_range() == (pane.current, pane.current + dt.timedelta(days=1))
    qtbot.keyClick(pane.grid, Qt.Key.Key_3)
    assert [d.isoweekday() for d in pane.grid.days] == [1, 2, 3, 4, 5]
    qtbot.keyClick(pane.grid, Qt.Key.Key_5)
    assert pane.views.currentWidget() is pane.agenda
    qtbot.keyClick(pane.agenda, Qt.Key.Key_T)
    assert pane.current == dt.datetime.now(pane.model.zone).date()


def test_the_week_starts_on_monday_in_china_and_sunday_in_the_united_states(qtbot, db, locale):
    locale("zh_CN")
    pane = make_pane(qtbot, db)
    assert pane.visible_range()[0] == dt.date(2026, 3, 2)  # Monday
    pane.close()
    locale("en_US")
    pane = make_pane(qtbot, db)
    assert pane.visible_range()[0] == dt.date(2026, 3, 1)  # Sunday


def test_a_change_on_the_bus_reads_the_same_range_again(qtbot, db, locale):
    pane = make_pane(qtbot, db)
    from crmdesk.services.calendar import EventDraft, save_event
    from crmdesk.views.shell import writes

    draft = EventDraft(title="Call Wang", starts_at=shanghai_time(2026, 3, 5, 9),
                       ends_at=shanghai_time(2026, 3, 5, 9, 30), time_zone="Asia/Shanghai")
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        writes.write(db, pane.bus, lambda s: save_event(s, draft))
    assert [o.title for o in pane.model.occurrences] == ["Call Wang"]
    assert pane.model.asked[-1] == pane.model.asked[0]


def test_the_task_model_passes_the_model_tester(qtbot, db, qtmodeltester):
    from crmdesk.models.enums import EventKind

    add_event(db, "Send offer", shanghai_time(2026, 3, 1, 9), kind=EventKind.TASK)
    model = TaskListModel(db, None)
    assert model.rowCount() >= 2
    qtmodeltester.check(model)


def test_the_team_view_puts_the_owners_of_the_day_side_by_side(qtbot, db, locale):
    add_event(db, "Visit A", shanghai_time(2026, 3, 4, 10), owner="li.lei")
    add_event(db, "Visit B", shanghai_time(2026, 3, 4, 10), owner="han.meimei")
    add_event(db, "Call C", shanghai_time(2026, 3, 4, 14), owner="li.lei")
    pane = make_pane(qtbot, db)
    pane.grid.setFocus()
    qtbot.keyClick(pane.grid, Qt.Key.Key_6)
    assert pane.view == CalendarView.TEAM
    assert pane.grid.owners == ["li.lei", "han.meimei"]
    columns = {b.occurrence.title: int(b.rect.x() // pane.grid.column_width()) for b in
               pane.grid.boxes}
    assert columns["Visit A"] == columns["Call C"] != columns["Visit B"]
    assert pane.visible_range() == (TODAY, TODAY + dt.timedelta(days=1))


def test_the_calendar_of_one_owner_shows_only_hers_and_the_team_view_still_everyone(
    qtbot, db, locale, tmp_path
):
    from PySide6.QtCore import QSettings

    from crmdesk.views.calendar.pane import CalendarPane
    from crmdesk.views.shell.bus import DataBus

    add_event(db, "Visit A", shanghai_time(2026, 3, 4, 10), owner="li.lei")
    add_event(db, "Visit B", shanghai_time(2026, 3, 4, 11), owner="han.meimei")
    add_event(db, "Call C", shanghai_time(2026, 3, 5, 14), owner="li.lei")
    pane = make_pane(qtbot, db)
    owners = [pane.shown_owner.itemData(i) for i in range(pane.shown_owner.count())]
    assert owners == [None, "li.lei", "han.meimei"]  # everyone, then the busiest first
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        pane.show_owner("li.lei")
    assert sorted(o.title for o in pane.model.occurrences) == ["Call C", "Visit A"]
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        pane.set_view(CalendarView.TEAM)
    assert {o.title for o in pane.model.occurrences} >= {"Visit A", "Visit B"}
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        pane.set_view(CalendarView.WEEK)
    assert "Visit B" not in {o.title for o in pane.model.occurrences}
    settings = QSettings(str(tmp_path / "c.ini"), QSettings.Format.IniFormat)
    settings.setValue("calendar/shown", "han.meimei")
    again = CalendarPane(db, DataBus(), QUndoStack(), settings=settings, today=TODAY)
    qtbot.addWidget(again)
    assert again.model.owner == "han.meimei"
    assert again.shown_owner.currentData() == "han.meimei"
