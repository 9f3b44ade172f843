"""Which database file the window is on: the demo file, the recent files, the start-up choice.

The demo data lives in its own file beside the user's real one, so trying crmdesk never puts
invented customers among real ones.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from crmdesk.store.db import DEMO_FILE_NAME, Database, default_database_path

RECENT_KEY = "databases/recent"
RECENT_LIMIT = 8


def database_path(db: Database) -> Path | None:
    """The file a database lives in (None for a server URL)."""
    name = db.url.database
    return Path(name) if db.url.get_backend_name() == "sqlite" and name else None


def is_demo(db: Database) -> bool:
    path = database_path(db)
    return path is not None and path.name == DEMO_FILE_NAME


def window_title(db: Database) -> str:
    """What the title bar says: crmdesk, then the demo mark or the file's name."""
    path = database_path(db)
    if is_demo(db):
        what = QCoreApplication.translate("MainWindow", "demo data")
    else:
        what = path.name if path is not None else db.url.render_as_string(hide_password=True)
    return QCoreApplication.translate("MainWindow", "crmdesk — %1").replace("%1", what)


def recent_databases(settings: QSettings) -> list[Path]:
    """The files opened last, newest first, that still exist."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):  # an ini file gives a single entry back as a string
        value = [value]
    names = [str(v) for v in value] if isinstance(value, list) else []
    return [Path(n) for n in names if n and Path(n).is_file()]


def remember_database(settings: QSettings, path: Path) -> None:
    """Put a file at the top of the recent files."""
    others = [p for p in recent_databases(settings) if p != path]
    settings.setValue(RECENT_KEY, [str(p) for p in [path, *others][:RECENT_LIMIT]])


def start_database(settings: QSettings) -> Path | None:
    """The file a start without --db opens: the last one used, else the default one.

    None when neither exists: the first start, which asks what to begin with."""
    recent = recent_databases(settings)
    if recent:
        return recent[0]
    default = default_database_path()
    return default if default.exists() else None
