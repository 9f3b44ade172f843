"""File > Import with an iCalendar file: known by its content, previewed by UID, imported off
the GUI thread in one transaction, its changes published so the Calendar pane refreshes."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QThreadPool
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from crmdesk.models import CalendarEvent
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import UndoHistory
from crmdesk.views.transfer.calendar_preview import EVENTS
from crmdesk.views.transfer.import_wizard import PREVIEW_PAGE, ImportWizard
from tests.conftest import SHARED

WAIT = 20_000
CALENDARS = SHARED / "interop" / "calendars"


@pytest.fixture
def bus(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    yield DataBus(host)
    del host


@pytest.fixture
def wizard(qtbot, db, bus):
    dialog = ImportWizard(db, bus)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def click(qtbot, button):
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_preview(qtbot, wizard):
    with qtbot.waitSignal(wizard.step_ready, timeout=WAIT) as blocker:
        click(qtbot, wizard.next_button)
    assert blocker.args == [PREVIEW_PAGE], wizard.message.text()


def titles(db):
    with db.reading() as s:
        columns = (CalendarEvent.title, CalendarEvent.uid, CalendarEvent.recurrence_id)
        rows = s.execute(select(*columns))
        return sorted(tuple(r) for r in rows)


def test_a_calendar_named_txt_is_known_by_content_previewed_and_imported(
    qtbot, db, bus, wizard, tmp_path
):
    path = tmp_path / "agenda.txt"  # not .ics: the content says what it is
    shutil.copy(CALENDARS / "google_recurring_moved_allday.ics", path)
    wizard.set_file(path)
    assert wizard.kind_combo.currentData() == EVENTS
    to_preview(qtbot, wizard)
    plan = wizard.preview
    assert len(plan.items) == 4 and plan.counts["new"] == 4
    assert "<b>4</b>" in wizard.counts_label.text()
    assert wizard.rows_table.rowCount() == 4
    assert wizard.rows_table.item(0, 1).text() == "Datetime"
    assert wizard.rows_table.item(0, 0).text() == "26"  # the BEGIN:VEVENT line
    assert titles(db) == []  # the preview writes nothing

    steps: list[tuple[int, int]] = []
    wizard.progress.valueChanged.connect(lambda v: steps.append((v, wizard.progress.maximum())))
    with (
        qtbot.waitSignal(bus.changed, timeout=WAIT) as published,
        qtbot.waitSignal(wizard.imported, timeout=WAIT),
    ):
        click(qtbot, wizard.import_button)
    assert steps and all(total == 4 for _v, total in steps)  # the import's steps as progress
    landed = titles(db)
    assert len(landed) == 4
    assert ("Datetime", "7v3ju5ft4je5iq18nfdk2s3spk@google.com", "") in landed
    assert any(rid for _t, _u, rid in landed)  # the moved occurrence kept its RECURRENCE-ID
    with db.reading() as s:
        ids = set(s.scalars(select(CalendarEvent.id)))
    assert set(published.args[0].ids("events")) == ids  # the Calendar pane hears of all four
    assert "4" in wizard.message.text()


def test_the_import_is_one_undo_step_named_by_its_file(qtbot, db, bus):
    stack = QUndoStack()
    undo = UndoHistory(db, bus, stack, bus)
    wizard = ImportWizard(db, bus, undo=undo)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(CALENDARS / "thunderbird_alarms_todos_overrides.ics")
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        click(qtbot, wizard.import_button)
    assert len(titles(db)) == 7
    assert stack.count() == 1
    assert stack.text(0) == "Import thunderbird_alarms_todos_overrides.ics"
    assert "7 events" in stack.command(0).question
    stack.undo()
    with db.reading() as s:
        live = s.scalars(select(CalendarEvent.id).where(CalendarEvent.deleted_at.is_(None)))
        assert list(live) == []
    QThreadPool.globalInstance().waitForDone(5000)


def test_importing_again_updates_by_uid_instead_of_duplicating(qtbot, db, wizard, tmp_path):
    path = tmp_path / "visit.ics"
    text = (CALENDARS / "google_event_4_alarms.ics").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    wizard.set_file(path)
    to_preview(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=WAIT):
        click(qtbot, wizard.import_button)
    before = titles(db)
    assert len(before) == 1

    again = ImportWizard(db, DataBus(wizard))
    qtbot.addWidget(again)
    again.show()
    again.set_file(path)
    to_preview(qtbot, again)
    assert again.preview.counts["unchanged"] == 1
    assert not again.import_button.isEnabled()  # nothing to do

    title = before[0][0]
    path.write_text(text.replace(f"SUMMARY:{title}", "SUMMARY:Moved visit"), encoding="utf-8")
    again.back_button.click()
    to_preview(qtbot, again)
    assert again.preview.counts["update"] == 1
    assert "UID" in again.rows_table.item(0, 4).text()
    with qtbot.waitSignal(again.imported, timeout=WAIT):
        click(qtbot, again.import_button)
    assert [t for t, _u, _r in titles(db)] == ["Moved visit"]


def test_lines_read_in_part_are_listed_with_their_line(qtbot, db, wizard):
    wizard.set_file(CALENDARS / "calendarlabs_holidays_allday_empty_rrule.ics")
    to_preview(qtbot, wizard)
    assert wizard.problems_label.isVisible()
    assert "line 8:" in wizard.problems_label.text()
    assert "RRULE" in wizard.problems_label.text()


def test_a_broken_calendar_is_one_line_naming_where(qtbot, db, wizard, tmp_path):
    path = tmp_path / "broken.ics"
    path.write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART:2026\x00zz\r\n")
    wizard.set_file(path)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: bool(wizard.message.text()), timeout=WAIT)
    assert wizard.page() != PREVIEW_PAGE
    assert "\n" not in wizard.message.text() and "Traceback" not in wizard.message.text()
