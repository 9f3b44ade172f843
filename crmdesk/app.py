"""The application shell: display check, QApplication, translations, first-run demo, window."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from crmdesk.store.db import Database

DEMO_SIZE_ON_FIRST_START = 3000
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
TRANSLATIONS = RESOURCES / "translations"


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

    from crmdesk.core.errors import KnownError
    from crmdesk.store.db import Database, default_database_path
    from crmdesk.views.shell import errors

    app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("crmdesk")
    app.setApplicationName("crmdesk")
    app.setApplicationDisplayName("crmdesk")
    install_translations(app)
    errors.install_excepthook()

    first_start = db_target is None and not default_database_path().exists()
    try:
        db = Database.open(db_target)
    except KnownError as exc:
        errors.show_known_error(None, exc)
        return 1
    if first_start:
        _build_first_start_demo(db)

    from crmdesk.views.shell.main_window import MainWindow

    window = MainWindow(db, QSettings())
    window.show()
    QTimer.singleShot(0, settle_garbage_collection)
    try:
        return app.exec()
    finally:
        db.dispose()


def settle_garbage_collection() -> None:
    """After start-up: keep what it built out of collections, and collect again from now on."""
    gc.freeze()
    gc.enable()


def install_translations(app: QApplication) -> None:
    """Load Qt's own and crmdesk's catalogue for the user's language (CRMDESK_LANG overrides)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    locale = QLocale(os.environ["CRMDESK_LANG"]) if os.environ.get("CRMDESK_LANG") else QLocale()
    QLocale.setDefault(locale)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_dir), ("crmdesk", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)


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
        def failed(exc: BaseException, trace: str) -> None:
            if not task.is_cancelled():  # a cancelled build raises; that is not an error
                errors.report(None, exc, trace)
            outcome.append(False)
            loop.quit()

        task.signals.progressed.connect(
            lambda done, total: dialog.setValue(done * 100 // max(total, 1))
        )
        def ended(done: bool) -> None:
            outcome.append(done)
            loop.quit()

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
