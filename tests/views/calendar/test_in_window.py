"""The calendar inside the main window: its keys are not taken by the window's menus."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool

from crmdesk.views.calendar.event_dialog import EventDialog
from crmdesk.views.shell.main_window import MainWindow
from tests.views.calendar.conftest import WAIT, when_modal


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
