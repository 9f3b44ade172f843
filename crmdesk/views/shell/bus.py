"""The application-wide broadcast of what changed, so each screen refreshes only what it shows."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from crmdesk.services.changes import Changes


class DataBus(QObject):
    """One per window; every write's `Changes` is published here after it commits."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        if not changes.is_empty:
            self.changed.emit(changes)
