"""How failures reach the user: a KnownError as a message with what to do, anything else as a
crash dialog whose traceback is also written to a log file."""

from __future__ import annotations

import datetime as dt
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.core.errors import KnownError
from crmdesk.views.shell.i18n import translated


def crash_log_path() -> Path:
    return user_log_path("crmdesk", appauthor=False) / "crash.log"


# where what an error says was marked: its own words, a row's reason or a field's error in it
_ERROR_CONTEXTS = ("Messages", "Import", "Validation")


def known_error_texts(error: KnownError) -> tuple[str, str]:
    """The error's message and hint in the user's language: what the services marked is
    translated, then filled; anything else stays as written."""
    return translated(_ERROR_CONTEXTS, error.message), translated(_ERROR_CONTEXTS, error.hint)


def known_error_line(error: KnownError) -> str:
    """Message and hint as one line (a label, a banner)."""
    return " ".join(t for t in known_error_texts(error) if t)


def show_known_error(parent: QWidget | None, error: KnownError) -> None:
    message, hint = known_error_texts(error)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        parent.tr("crmdesk") if parent else "crmdesk",
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    if hint:
        box.setInformativeText(hint)
    box.exec()


def write_crash_log(details: str) -> Path:
    path = crash_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as log:
        log.write(f"--- {dt.datetime.now(dt.UTC).isoformat()}\n{details}\n")
    return path


def show_crash(parent: QWidget | None, error: BaseException, details: str) -> None:
    path = write_crash_log(details)
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        "crmdesk",
        QCoreApplication.translate(
            "QMessageBox", "Something went wrong inside crmdesk: %1"
        ).replace("%1", str(error) or type(error).__name__),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "QMessageBox",
            "Your data is safe: the last action was not saved. Details were written to %1."
        ).replace("%1", str(path))
    )
    box.setDetailedText(details)
    box.exec()


def report(parent: QWidget | None, error: BaseException, details: str = "") -> None:
    """Show any error the right way for its kind."""
    if isinstance(error, KnownError):
        show_known_error(parent, error)
    else:
        show_crash(parent, error, details or "".join(traceback.format_exception(error)))


def install_excepthook() -> None:
    """Uncaught exceptions in slots go to the crash dialog instead of killing the window."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        print(details, file=sys.stderr)
        report(None, error, details)

    sys.excepthook = hook
