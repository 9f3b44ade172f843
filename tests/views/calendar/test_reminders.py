"""Reminders in the running app: the notice, snooze and open; missed ones at start."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSettings

from crmdesk.views.calendar.reminders import ReminderWatcher
from tests.views.calendar.conftest import add_event, make_pane, shanghai_time, when_modal


def test_a_reminder_shows_a_notice_that_snoozes_and_opens_the_event(qtbot, db, locale):
    add_event(db, "Visit Qian", shanghai_time(2026, 3, 4, 10), reminders=[15])
    pane = make_pane(qtbot, db)
    watcher, notice = pane.reminders, pane.notice
    clock = {"now": shanghai_time(2026, 3, 4, 9, 50)}
    watcher._clock = lambda: clock["now"]
    watcher.last_check = shanghai_time(2026, 3, 4, 9, 40)
    assert [d.occurrence.title for d in watcher.check(clock["now"])] == ["Visit Qian"]
    assert notice.isVisible() and "Visit Qian" in notice.text.text()
    notice.snooze_button.click()
    assert not notice.isVisible()
    assert watcher.check(shanghai_time(2026, 3, 4, 9, 55)) == []
    clock["now"] = shanghai_time(2026, 3, 4, 10, 0, 30)
    assert [d.occurrence.title for d in watcher.check()] == ["Visit Qian"]  # snoozed 10 min
    opened = []
    when_modal("EventDialog", lambda d: (opened.append(d.title.text()), d.reject()))
    notice.open_button.click()
    assert opened == ["Visit Qian"]


def test_reminders_missed_while_closed_show_at_start(qtbot, db, tmp_path):
    add_event(db, "Call Zhou", shanghai_time(2026, 3, 4, 10), reminders=[30])
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("calendar/reminders_checked", shanghai_time(2026, 3, 4, 8).isoformat())
    watcher = ReminderWatcher(db, settings, clock=lambda: shanghai_time(2026, 3, 4, 12))
    with qtbot.waitSignal(watcher.fired) as fired:
        watcher.start()
    watcher.timer.stop()
    due, missed = fired.args
    assert missed and [d.occurrence.title for d in due] == ["Call Zhou"]
    assert dt.datetime.fromisoformat(settings.value("calendar/reminders_checked")) == (
        shanghai_time(2026, 3, 4, 12))


def test_the_day_plan_is_previewed_and_saved_as_a_pdf(qtbot, db, locale, tmp_path):
    from PySide6.QtPdf import QPdfDocument

    add_event(db, "Visit Wu", shanghai_time(2026, 3, 4, 10))
    pane = make_pane(qtbot, db)
    pane.plan_button.click()
    dialog = pane.plan_dialog
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    assert dialog.document.pageCount() == 1
    assert "Visit Wu" in dialog.document.getAllText(0).text()
    assert dialog.save(str(tmp_path / "plan.pdf"))
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    dialog.close()
