"""The first start: demo customers built off the GUI thread behind a progress dialog."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from crmdesk.app import _build_first_start_demo
from crmdesk.services.contacts import ContactFilter, contact_ids


def contact_count(db) -> int:
    with db.reading() as s:
        return len(contact_ids(s, ContactFilter()))


def test_the_first_start_fills_the_database_with_demo_customers(qtbot, db):
    assert _build_first_start_demo(db, size=200) is True
    assert contact_count(db) == 200


def test_skipping_the_demo_leaves_an_empty_database(qtbot, db):
    def press_skip() -> None:
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()
        ]
        if not dialogs:
            QTimer.singleShot(5, press_skip)
            return
        dialogs[0].findChild(QPushButton).click()  # the Skip button

    QTimer.singleShot(0, press_skip)
    assert _build_first_start_demo(db, size=20_000) is False
    assert contact_count(db) == 0
