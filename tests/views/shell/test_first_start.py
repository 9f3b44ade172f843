"""The first start asks before it writes: demo data in its own file, an empty start, an import.

Later starts open the file used last; File > New/Open database and the recent files switch it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from crmdesk.app import _build_first_start_demo, open_first_window, start_target
from crmdesk.services.contacts import ContactFilter, contact_ids
from crmdesk.store.db import Database, default_database_path, demo_database_path
from crmdesk.views.shell.database_files import recent_databases
from crmdesk.views.shell.first_start import FirstStartDialog, StartChoice
from crmdesk.views.shell.main_window import MainWindow
from crmdesk.views.transfer.import_wizard import ImportWizard


def contact_count(db) -> int:
    with db.reading() as s:
        return len(contact_ids(s, ContactFilter()))


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "crmdesk.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def data_folder(tmp_path, monkeypatch) -> Path:
    """The user data folder (where the default database lives) inside the test's tmp_path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert default_database_path().is_relative_to(tmp_path)
    return default_database_path().parent


def answer_first_start(button: str | None) -> None:
    """Press a door of the first-start dialog (None: close it) once it shows."""

    def press() -> None:
        dialog = next(
            (w for w in QApplication.topLevelWidgets()
             if isinstance(w, FirstStartDialog) and w.isVisible()),
            None,
        )  # fmt: skip
        if dialog is None:
            QTimer.singleShot(5, press)
        elif button is None:
            dialog.reject()
        else:
            getattr(dialog, button).click()

    QTimer.singleShot(0, press)


def close_all(*windows: MainWindow) -> None:
    for window in windows:
        window.close()
    QThreadPool.globalInstance().waitForDone(5000)
    QCoreApplication.processEvents()


def test_the_first_start_asks_and_demo_data_goes_to_its_own_file(qtbot, settings):
    answer_first_start("demo_button")
    target, choice = start_target(None, settings)
    assert choice is StartChoice.DEMO
    assert Path(target) == demo_database_path() != default_database_path()
    assert not default_database_path().exists()  # the real database is not even created


@pytest.mark.parametrize(
    ("button", "expected"),
    [("empty_button", StartChoice.EMPTY), ("import_button", StartChoice.IMPORT)],
)
def test_start_empty_or_import_use_the_default_database(qtbot, settings, button, expected):
    answer_first_start(button)
    assert start_target(None, settings) == (default_database_path(), expected)


def test_closing_the_first_start_writes_nothing(qtbot, settings, data_folder):
    answer_first_start(None)
    assert start_target(None, settings) == (None, None)
    assert not data_folder.exists() or not any(data_folder.iterdir())


def test_a_later_start_opens_the_file_used_last_without_asking(qtbot, settings, tmp_path):
    db = Database.open(demo_database_path())
    window = MainWindow(db, settings)
    qtbot.addWidget(window)
    close_all(window)
    db.dispose()
    assert start_target(None, settings) == (demo_database_path(), None)
    assert start_target(str(tmp_path / "given.sqlite3"), settings)[0].endswith("given.sqlite3")


def test_the_title_bar_marks_demo_data(qtbot, settings, tmp_path):
    demo = Database.open(demo_database_path())
    real = Database.open(tmp_path / "customers.sqlite3")
    demo_window, real_window = MainWindow(demo, settings), MainWindow(real, settings)
    qtbot.addWidget(demo_window)
    qtbot.addWidget(real_window)
    assert demo_window.windowTitle() == "crmdesk — demo data"
    assert real_window.windowTitle() == "crmdesk — customers.sqlite3"
    assert demo_window.demo_badge.text() == "Demo data (invented customers)"
    assert demo_window.demo_badge.parent() is not None and real_window.demo_badge is None
    close_all(demo_window, real_window)
    demo.dispose()
    real.dispose()


def test_an_import_start_opens_the_import_wizard(qtbot, db, settings):
    window = open_first_window(db, settings, StartChoice.IMPORT)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: any(w.isVisible() for w in window.findChildren(ImportWizard)))
    for wizard in window.findChildren(ImportWizard):
        wizard.close()
    close_all(window)


def test_open_database_switches_the_window_and_remembers_both_files(qtbot, db, settings, tmp_path):
    first = open_first_window(db, settings)
    qtbot.addWidget(first)
    other = tmp_path / "other.sqlite3"
    second = first.open_database(other)
    qtbot.addWidget(second)
    assert not first.isVisible() and second.isVisible()
    assert Path(second.db.url.database) == other
    assert recent_databases(settings)[:2] == [other, Path(db.url.database)]
    second._fill_recent_menu()
    entries = {a.text(): a.isEnabled() for a in second.recent_menu.actions()}
    assert entries == {str(other): False, str(Path(db.url.database)): True}
    close_all(second)
    second.db.dispose()


def test_new_database_starts_an_empty_file(qtbot, db, people, settings, tmp_path, monkeypatch):
    fresh = tmp_path / "fresh.sqlite3"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(fresh), ""))
    window = open_first_window(db, settings)
    qtbot.addWidget(window)
    window.new_database_action.trigger()
    (successor,) = [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]
    qtbot.addWidget(successor)
    assert Path(successor.db.url.database) == fresh and contact_count(successor.db) == 0
    close_all(successor)
    successor.db.dispose()


def test_the_demo_build_fills_the_demo_database(qtbot, db):
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


def test_the_first_window_takes_most_of_the_screen_capped_on_big_ones():
    from PySide6.QtCore import QRect

    from crmdesk.views.shell.main_window import first_start_geometry

    laptop = first_start_geometry(QRect(0, 0, 1366, 740))
    assert (laptop.width(), laptop.height()) == (1202, 651)
    assert (
        QRect(0, 0, 1366, 740).contains(laptop)
        and laptop.center() == QRect(0, 0, 1366, 740).center()
    )
    big = first_start_geometry(QRect(0, 0, 2560, 1400))
    assert (big.width(), big.height()) == (1600, 1000)


def test_a_skipped_demo_leaves_no_demo_file_and_starts_empty(qtbot, data_folder):
    from crmdesk.app import _start_empty_instead

    demo = Database.open(demo_database_path())
    db = _start_empty_instead(demo)
    try:
        assert not demo_database_path().exists()
        assert Path(db.url.database) == default_database_path() and contact_count(db) == 0
    finally:
        db.dispose()
