"""Failures in the user's words: a known error as message and hint, a crash as a box and a log."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.views.shell import errors


@pytest.fixture
def log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    return tmp_path


def missing(value: str) -> KnownError:
    return KnownError(translatable("Messages", "No contact with id %1."), values=(value,))


def test_a_known_error_reads_as_one_line(qapp):
    error = KnownError("The disk is full.", "Free some space.")
    assert errors.known_error_texts(error) == ("The disk is full.", "Free some space.")
    assert errors.known_error_line(error) == "The disk is full. Free some space."
    assert errors.known_error_line(missing("abc")) == "No contact with id abc."


def test_a_known_error_is_translated_then_filled(chinese):
    assert errors.known_error_line(missing("abc")) == "没有 ID 为 abc 的联系人。"


def test_the_crash_log_keeps_every_crash(qapp, log_folder):
    first = errors.write_crash_log("Traceback one")
    second = errors.write_crash_log("Traceback two")
    assert first == second == errors.crash_log_path()
    assert str(first).startswith(str(log_folder))
    text = first.read_text(encoding="utf-8")
    assert text.index("Traceback one") < text.index("Traceback two")


def test_the_crash_box_speaks_the_users_language(chinese, log_folder):
    seen = {}

    def read_and_close():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"], seen["more"] = box.text(), box.informativeText()
        box.accept()

    QTimer.singleShot(0, read_and_close)
    errors.show_crash(None, ValueError("boom"), "Traceback: boom")
    assert seen["text"] == "crmdesk 内部出错：boom"
    assert str(errors.crash_log_path()) in seen["more"]
    assert seen["more"].startswith("您的数据是安全的")
