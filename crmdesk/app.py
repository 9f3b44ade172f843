"""The application shell: display check, QApplication, translations, first start, window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from crmdesk.core.resources import resource

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication, QSettings

    from crmdesk.store.db import Database
    from crmdesk.views.shell.first_start import StartChoice
    from crmdesk.views.shell.main_window import MainWindow

DEMO_SIZE_ON_FIRST_START = 3000
_LOADED_CATALOGUES: list[bytes] = []
TRANSLATIONS = resource("translations")


def display_problem() -> str | None:
    """One clear line when there is no screen to open a window on (instead of a Qt abort)."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "crmdesk: no display found (neither DISPLAY nor WAYLAND_DISPLAY is set). "
        "Run it on a desktop, or without a screen as: xvfb-run -a crmdesk "
        "(the command-line verbs need no display: crmdesk --help)."
    )


def run_app(db_target: str | None = None, argv: list[str] | None = None) -> int:
    if problem := display_problem():
        print(problem, file=sys.stderr)
        return 2
    # Start-up allocates a great deal and frees little, so garbage collections there are wasted
    # (~0.15 s); what start-up built is frozen out of later collections once the window shows.
    gc.disable()
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from crmdesk.views.shell import errors
    from crmdesk.views.shell.first_start import StartChoice
    from crmdesk.views.shell.icons import application_icon

    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("crmdesk")
    app.setApplicationName("crmdesk")
    # No application display name: the platform would append it to the window's own title,
    # which already says "crmdesk — <file>" (MainWindow).
    install_translations(app)
    app.setWindowIcon(application_icon())
    errors.install_excepthook()

    settings = QSettings()
    target, choice = start_target(db_target, settings)
    if target is None:
        return 0  # the first-start dialog was closed: nothing written
    from crmdesk.views.shell.safety import open_for_window

    opened = open_for_window(None, target)
    if opened is None:
        return 1
    db, window_lock = opened
    if choice is StartChoice.DEMO and _is_empty(db) and not _build_first_start_demo(db):
        db = _start_empty_instead(db)  # the demo was skipped: no empty demo file left behind

    from crmdesk.views.shell.main_window import MainWindow

    window = open_first_window(db, settings, choice)
    window.window_lock = window_lock
    QTimer.singleShot(0, window.daily_backup)
    QTimer.singleShot(0, window.refresh_stale_scores)
    QTimer.singleShot(0, settle_garbage_collection)
    try:
        return app.exec()
    finally:
        for widget in app.topLevelWidgets():  # File > Open leaves one window per file opened
            if isinstance(widget, MainWindow):
                widget.db.dispose()
        db.dispose()


def open_first_window(
    db: Database, settings: QSettings, choice: StartChoice | None = None
) -> MainWindow:
    """The window on the database; after an "Import contacts…" start, the import wizard too."""
    from PySide6.QtCore import QTimer

    from crmdesk.views.shell.first_start import StartChoice
    from crmdesk.views.shell.main_window import MainWindow

    window = MainWindow(db, settings)
    window.show()
    if choice is StartChoice.IMPORT:
        QTimer.singleShot(0, window.show_import)
    else:
        QTimer.singleShot(0, window.offer_drafts)
    return window


def start_target(
    db_target: str | None, settings: QSettings
) -> tuple[str | Path | None, StartChoice | None]:
    """The database to open, and what the user chose if this is the first start.

    --db wins; then the file used last, or the default one; with neither, the first-start
    dialog: demo data goes into its own file, the other choices into the default file."""
    from crmdesk.store.db import default_database_path, demo_database_path
    from crmdesk.views.shell.database_files import start_database
    from crmdesk.views.shell.first_start import StartChoice, ask_how_to_start

    if db_target is not None:
        return db_target, None
    if (known := start_database(settings)) is not None:
        return known, None
    choice = ask_how_to_start(DEMO_SIZE_ON_FIRST_START)
    if choice is None:
        return None, None
    return (demo_database_path() if choice is StartChoice.DEMO else default_database_path()), choice


def _start_empty_instead(demo: Database) -> Database:
    """Drop the unfinished demo file and open the default database, as "Start empty" would."""
    from crmdesk.store.db import Database, default_database_path
    from crmdesk.views.shell.database_files import database_path

    path = database_path(demo)
    demo.dispose()
    if path is not None:
        for leftover in (
            path,
            path.with_name(path.name + "-wal"),
            path.with_name(path.name + "-shm"),
            path.with_name(path.name + ".lock"),
            path.with_name(path.name + ".checked"),
        ):
            leftover.unlink(missing_ok=True)
    return Database.open(default_database_path())


def _is_empty(db: Database) -> bool:
    from crmdesk.services.contacts import count_contacts

    with db.reading() as session:
        return count_contacts(session) == 0


def settle_garbage_collection() -> None:
    """After start-up: keep what it built out of collections, and collect again from now on."""
    gc.freeze()
    gc.enable()


def install_translations(app: QCoreApplication) -> None:
    """Load Qt's own and crmdesk's catalogue for the user's language (CRMDESK_LANG overrides)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale(os.environ["CRMDESK_LANG"]) if os.environ.get("CRMDESK_LANG") else QLocale()
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    if qt_translator.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_translator)
    if (data := catalogue(locale.uiLanguages())) is not None:
        translator = QTranslator(app)
        if translator.load(data):
            _LOADED_CATALOGUES.append(data)  # Qt reads the bytes in place: keep them alive
            app.installTranslator(translator)


def catalogue(languages: list[str]) -> bytes | None:
    """crmdesk's compiled catalogue for the first of the user's languages that has one."""
    for language in languages:
        parts = language.replace("-", "_").split("_")
        for end in range(len(parts), 0, -1):
            candidate = TRANSLATIONS / f"crmdesk_{'_'.join(parts[:end])}.qm"
            if candidate.is_file():
                return candidate.read_bytes()
    return None


def _build_first_start_demo(db: Database, size: int = DEMO_SIZE_ON_FIRST_START) -> bool:
    """On the very first start, fill the new default database with demo customers.

    The build runs off the GUI thread behind a progress dialog; Cancel leaves the database empty
    (the demo is one transaction) and the window opens on it. True when the demo was built."""
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtWidgets import QProgressDialog

    from crmdesk.demo.build import build_demo
    from crmdesk.views.shell import errors, tasks

    dialog = QProgressDialog(
        QCoreApplication.translate("app", "Creating a demo database for your first start…"),
        QCoreApplication.translate("app", "Skip"),
        0,
        100,
    )
    dialog.setWindowTitle(QCoreApplication.translate("app", "crmdesk"))
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    outcome: list[bool] = []

    def connect(task: tasks.Task) -> None:
        def ended(built: bool) -> None:
            outcome.append(built)
            loop.quit()

        def failed(exc: BaseException, trace: str) -> None:
            if not task.is_cancelled():  # a cancelled build raises; that is not an error
                errors.report(None, exc, trace)
            ended(False)

        task.signals.progressed.connect(
            lambda done, total: dialog.setValue(done * 100 // max(total, 1))
        )
        task.signals.finished.connect(lambda _summary: ended(True))
        task.signals.cancelled.connect(lambda: ended(False))
        task.signals.failed.connect(failed)

    task = tasks.start(
        lambda t: build_demo(db, size, progress=t.report, cancelled=t.is_cancelled), connect
    )
    dialog.canceled.connect(task.cancel)
    dialog.show()
    loop.exec()
    dialog.close()
    dialog.deleteLater()
    return outcome == [True]
