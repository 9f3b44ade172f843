"""Reminders while crmdesk runs: a timer checks what fell due since the last check, a notice
shows it with Snooze and Open (and the tray says it too, where there is one). The last check
is kept in the settings, so reminders that fell due while crmdesk was closed show at start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QSystemTrayIcon,
    QWidget,
)

from crmdesk.core.clock import local_zone, now
from crmdesk.services.calendar_reminders import DueReminder, due_reminders
from crmdesk.store.db import Database

CHECK_MS = 30_000
SNOOZE_MINUTES = 10
_KEY = "calendar/reminders_checked"


class ReminderWatcher(QObject):
    """Finds the reminders due since the last check; `fired(list[DueReminder], missed)`."""

    fired = Signal(list, bool)

    def __init__(
        self,
        db: Database,
        settings: QSettings | None,
        parent: QObject | None = None,
        *,
        clock: Callable[[], dt.datetime] = now,
    ) -> None:
        super().__init__(parent)
        self._db, self._settings, self._clock = db, settings, clock
        self.owner: str | None = None
        self.snoozed: list[DueReminder] = []
        self.last_check = self._saved() or clock()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_MS)
        self.timer.timeout.connect(self.check)

    def _saved(self) -> dt.datetime | None:
        text = self._settings.value(_KEY, "") if self._settings is not None else ""
        try:
            return dt.datetime.fromisoformat(str(text)) if text else None
        except ValueError:
            return None

    def start(self) -> None:
        """Show what was missed while closed, then check every half minute."""
        self.check(missed=True)
        self.timer.start()

    def check(self, moment: dt.datetime | None = None, *, missed: bool = False) -> list:
        moment = moment or self._clock()
        if moment <= self.last_check:
            return []
        with self._db.reading() as session:
            due = due_reminders(session, self.last_check, moment, local_zone(), owner=self.owner)
        again = [d for d in self.snoozed if d.fires_at <= moment]
        self.snoozed = [d for d in self.snoozed if d.fires_at > moment]
        self.last_check = moment
        if self._settings is not None:
            self._settings.setValue(_KEY, moment.isoformat())
        found = again + due
        if found:
            self.fired.emit(found, missed)
        return found

    def snooze(self, due: list[DueReminder], minutes: int = SNOOZE_MINUTES) -> None:
        later = self._clock() + dt.timedelta(minutes=minutes)
        self.snoozed.extend(DueReminder(d.occurrence, d.minutes_before, later) for d in due)


class ReminderNotice(QFrame):
    """The in-window notice of reminders that fired: Snooze, Open (the first), Dismiss."""

    open_requested = Signal(object)  # EventOccurrence
    snooze_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reminder_notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("#reminder_notice { background: #fff8e1; }")
        self.due: list[DueReminder] = []
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.snooze_button = QPushButton(self.tr("Snooze 10 minutes"), self)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        for button in (self.snooze_button, self.open_button, self.dismiss_button):
            layout.addWidget(button)
        self.snooze_button.clicked.connect(self._on_snooze_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.dismiss_button.clicked.connect(self.hide)
        self._tray: QSystemTrayIcon | None = None
        self.hide()

    def show_due(self, due: list[DueReminder], missed: bool = False) -> None:
        zone = local_zone()
        lines = []
        for one in due[:4]:
            start = one.occurrence.start
            when = (start.astimezone(zone).strftime("%H:%M") if isinstance(start, dt.datetime)
                    else start.isoformat())
            lines.append(f"{when}  {one.occurrence.title}")
        head = (self.tr("Missed while crmdesk was closed:") if missed
                else self.tr("Reminder:"))
        more = self.tr("+%n more", "", len(due) - 4) if len(due) > 4 else ""
        self.due = due
        self.text.setText("\n".join([head, *lines, more]).strip())
        self.show()
        self._tell_tray(head, "\n".join(lines))

    def _tell_tray(self, title: str, text: str) -> None:
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return
        if self._tray is None:
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()
        self._tray.showMessage(title, text)

    def _on_snooze_clicked(self) -> None:
        self.snooze_requested.emit(self.due)
        self.hide()

    def _on_open_clicked(self) -> None:
        self.hide()
        if self.due:
            self.open_requested.emit(self.due[0].occurrence)


__all__ = ["ReminderNotice", "ReminderWatcher"]
