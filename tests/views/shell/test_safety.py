"""The window and the file: one window a file, empty files asked about, damaged files met with
a choice, Back Up Now and Restore… with a preview."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from crmdesk.services import backups
from crmdesk.services.contacts import ContactDraft, count_contacts, save_contact
from crmdesk.store.db import Database, ReadOnlyDatabase
from crmdesk.views.shell import safety
from crmdesk.views.shell.main_window import MainWindow
from tests.cli.test_safety import _damage


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def said(monkeypatch):
    """What message boxes told the user (Qt's static boxes, answered as the test says)."""
    told: list[str] = []
    answer = {"question": QMessageBox.StandardButton.Yes}
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    monkeypatch.setattr(
        QMessageBox, "question", lambda _p, _t, text, *a: told.append(text) or answer["question"]
    )
    told_answer = told, answer
    return told_answer


def _close(*dbs: Database) -> None:
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()
    for db in dbs:
        db.dispose()


def test_a_second_window_on_a_file_is_told_and_read_only(qtbot, db, people, settings, said):
    path = db.path
    first = safety.open_for_window(None, path)
    second = safety.open_for_window(None, path)
    assert first is not None and second is not None
    assert first[1] is not None and not first[0].read_only
    assert second[1] is None and second[0].read_only
    assert "already open in another crmdesk window" in said[0][0]
    with pytest.raises(ReadOnlyDatabase), second[0].transaction():
        pass
    with second[0].reading() as session:
        assert count_contacts(session) == len(people)
    window = MainWindow(second[0], settings)
    qtbot.addWidget(window)
    assert "read-only" in window.windowTitle()
    window.close()
    first[1].unlock()
    third = safety.open_for_window(None, path)  # the first window closed: writable again
    assert third is not None and not third[0].read_only
    third[1].unlock()
    _close(first[0], second[0], third[0])


def test_an_empty_file_is_taken_over_only_when_the_user_says_so(tmp_path, said):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    said[1]["question"] = QMessageBox.StandardButton.Cancel
    assert safety.open_for_window(None, empty) is None
    assert empty.stat().st_size == 0 and "is empty" in said[0][-1]
    said[1]["question"] = QMessageBox.StandardButton.Yes
    opened = safety.open_for_window(None, empty)
    assert opened is not None and empty.stat().st_size > 0
    opened[1].unlock()
    _close(opened[0])


def test_a_damaged_file_offers_a_salvage(qtbot, tmp_path, db, people, monkeypatch):
    path = db.path
    db.dispose()
    _damage(path, "search_fts_data")
    target = tmp_path / "saved.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown: list[str] = []

    def choose() -> None:
        box = QApplication.activeModalWidget()
        shown.append(box.text())
        for button in box.buttons():
            if button.text() == "Try to Salvage…":
                button.click()

    QTimer.singleShot(200, choose)
    opened = safety.open_for_window(None, path)
    assert shown and "is damaged" in shown[0]
    assert opened is not None
    with opened[0].reading() as session:
        assert count_contacts(session) == len(people)
    opened[1].unlock()
    _close(opened[0])


def test_back_up_now_and_restore_with_a_preview(qtbot, db, people, settings, said):
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    made = window.back_up_now()
    assert made is not None and made.contacts == len(people)
    with db.transaction() as session:
        save_contact(session, ContactDraft(family_name="新", given_name="人"))
    dialog = window.show_restore()
    assert dialog is not None and dialog.table.rowCount() == 1
    assert f"{len(people)} contacts" in dialog.preview.text()
    dialog._confirm()  # the question is answered Yes
    QCoreApplication.processEvents()
    assert dialog.chosen == made.path
    successor = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w is not window
    )
    qtbot.addWidget(successor)
    with successor.db.reading() as session:
        assert count_contacts(session) == len(people)
    kinds = sorted(b.reason for b in backups.list_backups(successor.db))
    assert kinds == ["before-restore", "manual"]
    successor.close()
    _close(successor.db)


def test_a_daily_backup_at_start(qtbot, db, people, settings):
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    window.daily_backup()
    window.daily_backup()
    assert [b.reason for b in backups.list_backups(db)] == ["daily"]
    window.close()
    _close()


def test_salvage_copies_what_can_be_read(tmp_path, db, people):
    from crmdesk.store.health import salvage

    path = Path(str(db.path))
    db.dispose()
    _damage(path, "phones")
    out = tmp_path / "out.sqlite3"
    assert salvage(path, out) in ("recover", "copy")
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == len(people)


def test_an_encrypted_file_asks_its_passphrase_until_it_is_right(
    qtbot, tmp_path, db, people, memory_keyring
):
    from crmdesk.store import encryption
    from crmdesk.views.shell.passphrase_dialog import PassphraseDialog

    plain = db.path
    db.dispose()
    secret = encryption.encrypt_copy(plain, tmp_path / "secret.sqlite3", "correct horse")
    asked: list[str] = []

    def answer(text: str, remember: bool = False) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        asked.append(dialog.problem.text() if dialog.problem.isVisibleTo(dialog) else "")
        dialog.entry.setText(text)
        dialog.remember.setChecked(remember)
        if text == "wrong":
            QTimer.singleShot(100, lambda: answer("correct horse", remember=True))
        dialog.accept()

    QTimer.singleShot(200, lambda: answer("wrong"))
    opened = safety.open_for_window(None, secret)
    assert opened is not None
    assert asked == ["", "That passphrase does not open the file. Try again."]
    with opened[0].reading() as session:
        assert count_contacts(session) == len(people)
    opened[1].unlock()
    _close(opened[0])
    assert memory_keyring.store == {("crmdesk database", str(secret.resolve())): "correct horse"}
    again = safety.open_for_window(None, secret)  # the keyring's passphrase: no dialog
    assert again is not None
    again[1].unlock()
    _close(again[0])


def test_giving_up_on_the_passphrase_opens_nothing(qtbot, tmp_path, db, people, memory_keyring):
    from crmdesk.store import encryption

    plain = db.path
    db.dispose()
    secret = encryption.encrypt_copy(plain, tmp_path / "secret.sqlite3", "correct horse")
    QTimer.singleShot(200, lambda: QApplication.activeModalWidget().reject())
    assert safety.open_for_window(None, secret) is None
    assert safety.window_lock(secret) is not None  # the window's claim was let go
