"""The wheel changes no value the user did not pick: real wheel events over unfocused fields
(a combo box, a spin box, a date edit) leave them as they were and scroll the form instead."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.widgets.wheel_guard import install_wheel_guard


def wheel(widget: QWidget, notches: int = -1) -> None:
    """One real wheel event over the middle of `widget` (negative: towards the user)."""
    local = QPointF(widget.rect().center())
    event = QWheelEvent(
        local,
        QPointF(widget.mapToGlobal(local.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.fixture
def form(qtbot):
    """A scrolling form, taller than its window, with the three kinds of value field."""
    install_wheel_guard()
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    area.first = QLineEdit(content)
    area.combo = QComboBox(content)
    area.combo.addItems(["Mobile", "Email", "Letter"])
    area.spin = QSpinBox(content)
    area.spin.setValue(5)
    area.date = QDateEdit(QDate(2020, 5, 17), content)
    for widget in (area.first, area.combo, area.spin, area.date):
        layout.addWidget(widget)
        layout.addSpacing(400)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(300, 300)
    area.show()
    qtbot.waitExposed(area)
    area.first.setFocus()
    return area


def test_the_wheel_over_unfocused_fields_changes_nothing_and_scrolls_the_form(form):
    bar = form.verticalScrollBar()
    for field in (form.combo, form.spin, form.date):
        form.ensureWidgetVisible(field)
        before = bar.value()
        wheel(field)
        assert bar.value() > before, type(field).__name__  # the form scrolled instead
    assert form.combo.currentIndex() == 0
    assert form.spin.value() == 5
    assert form.date.date() == QDate(2020, 5, 17)


def test_a_focused_field_still_takes_the_wheel(qtbot, form):
    form.activateWindow()
    form.combo.setFocus()
    qtbot.waitUntil(form.combo.hasFocus)
    wheel(form.combo)
    assert form.combo.currentIndex() == 1


def test_the_wheel_gives_no_field_the_focus(form):
    for field in (form.combo, form.spin, form.date):
        assert field.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_main_window_installs_the_guard_for_the_contact_form(qtbot, db, people, tmp_path):
    from PySide6.QtCore import QSettings

    from crmdesk.views.shell.main_window import MainWindow

    window = MainWindow(db, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    pane = window.contacts_pane
    qtbot.waitUntil(lambda: pane.model.rowCount() == 4)
    pane.table.selectRow(0)
    combo = pane.form.preferred_channel
    before = combo.currentIndex()
    wheel(combo)
    assert combo.currentIndex() == before
    assert not pane.form.is_dirty()
