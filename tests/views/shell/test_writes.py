"""The one write operation: a transaction, the broadcast of what it changed, failures shown once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from crmdesk.core.errors import KnownError
from crmdesk.services.contacts import ContactDraft, ContactFilter, contact_ids, save_contact
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import SaveContactCommand


@pytest.fixture
def host(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def count_boxes(seen: list[str]) -> QTimer:
    timer = QTimer()
    timer.setInterval(20)

    def close() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                seen.append(widget.text())
                widget.buttons()[0].click()

    timer.timeout.connect(close)
    timer.start()
    return timer


def test_a_write_publishes_what_its_flushes_changed(qtbot, db, host):
    bus = DataBus(host)
    with qtbot.waitSignal(bus.changed) as blocker:
        written = writes.write(
            db, bus, lambda s: save_contact(s, ContactDraft(family_name="李"))[0]
        )
    assert blocker.args[0].contacts == {written.value} == written.changes.contacts
    assert written.batch_id is not None


def test_a_failed_write_is_shown_once_and_leaves_nothing(qtbot, db, host):
    bus = DataBus(host)
    published: list[object] = []
    bus.changed.connect(published.append)
    seen: list[str] = []
    timer = count_boxes(seen)

    def half_then_fail(session):
        save_contact(session, ContactDraft(family_name="Half"))
        raise KnownError("The disk is full.")

    assert writes.attempt(host, db, bus, half_then_fail) is None
    timer.stop()
    assert seen == ["The disk is full."]
    assert published == []
    with db.reading() as s:
        assert contact_ids(s, ContactFilter()) == []


def test_a_step_that_fails_is_shown_once_and_not_kept(qtbot, db, host):
    bus, stack = DataBus(host), QUndoStack(host)
    seen: list[str] = []
    timer = count_boxes(seen)
    nameless = ContactDraft()  # refused by the service
    assert not writes.push(host, stack, SaveContactCommand(db, bus, None, nameless))
    timer.stop()
    assert len(seen) == 1 and stack.count() == 0
