"""The calendar inside the main window: its keys are not taken by the window's menus."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication

from crmdesk.views.calendar.event_dialog import EventDialog
from crmdesk.views.calendar.pane import CalendarView
from crmdesk.views.shell.main_window import MainWindow
from tests.views.calendar.conftest import WAIT, when_modal

DAY = dt.timedelta(days=1)


def test_ctrl_shift_n_in_the_calendar_opens_a_new_event_not_a_new_database(
    qtbot, db, tmp_path, locale
):
    settings = QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.contacts_pane.model.keys_loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    pane = window.calendar_pane
    window.show_pane(pane)
    assert window.panes.currentWidget() is pane
    pane.grid.setFocus()
    opened = []

    def seen(dialog: EventDialog) -> None:
        opened.append(dialog.windowTitle())
        dialog.reject()

    when_modal("EventDialog", seen)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(pane.grid, Qt.Key.Key_N, modifiers)
    qtbot.waitUntil(lambda: bool(opened), timeout=WAIT)
    assert opened == ["New event"]
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def _open_calendar_by_click(qtbot, window):
    """Show the Calendar as the user does: a click on its entry in the navigation."""
    with qtbot.waitSignal(window.contacts_pane.model.keys_loaded, timeout=WAIT):
        window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    pane = window.calendar_pane
    nav = window.navigation
    row = window.panes.indexOf(pane)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.panes.currentWidget() is pane
    return pane


def _press(qtbot, key: Qt.Key) -> None:
    """A key where the keyboard focus is, as a real key press arrives in the window."""
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, key)
    QCoreApplication.processEvents()


def test_the_calendar_keys_work_in_the_main_window(qtbot, db, tmp_path, locale):
    """T, 1-6, PgUp/PgDn and the arrows reach the calendar once its entry is clicked, and the
    shown range follows; the navigation list does not take the arrows."""
    settings = QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    pane = _open_calendar_by_click(qtbot, window)
    today = pane.current
    assert pane.isAncestorOf(QApplication.focusWidget())  # the calendar has the keyboard

    _press(qtbot, Qt.Key.Key_1)
    assert (pane.view, pane.visible_range()) == (CalendarView.DAY, (today, today + DAY))
    _press(qtbot, Qt.Key.Key_Right)
    assert pane.visible_range() == (today + DAY, today + 2 * DAY)
    _press(qtbot, Qt.Key.Key_Down)
    assert pane.current == today + 8 * DAY
    _press(qtbot, Qt.Key.Key_Up)
    _press(qtbot, Qt.Key.Key_Left)
    assert pane.current == today
    assert window.panes.currentWidget() is pane  # the arrows did not move the navigation

    _press(qtbot, Qt.Key.Key_2)
    first, last = pane.visible_range()
    assert pane.view == CalendarView.WEEK and last - first == 7 * DAY
    _press(qtbot, Qt.Key.Key_PageDown)
    assert pane.visible_range() == (first + 7 * DAY, last + 7 * DAY)
    _press(qtbot, Qt.Key.Key_PageUp)
    _press(qtbot, Qt.Key.Key_PageUp)
    assert pane.visible_range() == (first - 7 * DAY, last - 7 * DAY)
    _press(qtbot, Qt.Key.Key_T)
    assert pane.current == today and pane.visible_range() == (first, last)

    _press(qtbot, Qt.Key.Key_3)
    first, last = pane.visible_range()
    assert pane.view == CalendarView.WORK_WEEK and last - first == 5 * DAY
    _press(qtbot, Qt.Key.Key_4)
    assert pane.view == CalendarView.MONTH
    month = pane.visible_range()
    _press(qtbot, Qt.Key.Key_PageDown)
    assert pane.visible_range()[0] > month[0] and pane.current.month != today.month
    _press(qtbot, Qt.Key.Key_T)
    assert pane.visible_range() == month
    _press(qtbot, Qt.Key.Key_5)
    assert pane.view == CalendarView.AGENDA
    _press(qtbot, Qt.Key.Key_PageDown)
    assert pane.current == today + 14 * DAY
    _press(qtbot, Qt.Key.Key_T)
    _press(qtbot, Qt.Key.Key_6)
    assert pane.view == CalendarView.TEAM
    _press(qtbot, Qt.Key.Key_2)
    assert pane.view == CalendarView.WEEK

    for button in (pane.next_button, pane.today_button, pane.view_buttons.button(3)):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the keys still work after it
        assert pane.isAncestorOf(QApplication.focusWidget()), button.text()
        _press(qtbot, Qt.Key.Key_1)
        assert pane.view == CalendarView.DAY, button.text()
        _press(qtbot, Qt.Key.Key_2)
    window.close()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()
