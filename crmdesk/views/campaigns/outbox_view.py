"""The outbox: every e-mail with its status and the server's reply; send now, retry, cancel.

Sending runs off the GUI thread (views/shell/background.py); a server that cannot be reached
leaves the messages queued and says so in one line."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import outbox
from crmdesk.services.changes import Changes
from crmdesk.services.outbox import OutboxRow, SendReport
from crmdesk.store.db import Database
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.shell.writes import attempt


class OutboxView(QWidget):
    def __init__(self, db: Database, bus: DataBus, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus = db, bus
        self.rows: list[OutboxRow] = []
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("outbox_table")
        self.table.setHorizontalHeaderLabels([
            self.tr("To"), self.tr("Subject"), self.tr("Status"), self.tr("Attempts"),
            self.tr("Server reply"),
        ])  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for column, width in enumerate((280, 280, 90, 70)):
            self.table.setColumnWidth(column, width)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.send_button = QPushButton(self.tr("Send now"), self)
        self.retry_button = QPushButton(self.tr("Retry"), self)
        self.cancel_button = QPushButton(self.tr("Cancel sending"), self)
        self.summary = QLabel(self)
        self.summary.setMinimumWidth(50)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        progress = QProgressBar(self)
        self.work = BackgroundWork(progress, self.message, self)
        self.work.busy_changed.connect(lambda busy: self.send_button.setEnabled(not busy))
        self.send_button.clicked.connect(self.send_now)
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        buttons = QHBoxLayout()
        for button in (self.send_button, self.retry_button, self.cancel_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(progress)
        layout.addWidget(self.message)
        bus.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.ids("outbox") or changes.ids("campaigns"):
            self.reload()

    @Slot()
    def reload(self) -> None:
        with self._db.reading() as session:
            self.rows = outbox.outbox_rows(session)
            counts = outbox.counts(session)
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            values = (f"{row.to_name} <{row.to_address}>", row.subject, enum_text(row.status),
                      str(row.attempts), row.server_reply)  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                self.table.setItem(i, column, item)
        self.summary.setText("  ".join(
            f"{enum_text(status)}: {n}" for status, n in sorted(counts.items())
        ))  # fmt: skip

    def selected_ids(self) -> list[uuid.UUID]:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        return [self.rows[r].id for r in sorted(rows)]

    @Slot()
    def retry_selected(self) -> None:
        ids = self.selected_ids() or None
        attempt(self, self._db, self._bus, lambda s: outbox.retry(s, ids),
                lambda _n: Changes(outbox=ids or [r.id for r in self.rows]))  # fmt: skip
        self.reload()

    @Slot()
    def cancel_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            attempt(self, self._db, self._bus, lambda s: outbox.cancel(s, ids),
                    lambda _n: Changes(outbox=ids))  # fmt: skip
            self.reload()

    @Slot()
    def send_now(self) -> None:
        """Send what is queued with the settings' server (and the keyring's password)."""
        db = self._db

        def work(_task: object) -> SendReport:
            with db.reading() as session:
                value = outbox.smtp_settings(session)
            if not value.host:
                raise outbox.SmtpNotSet()
            return outbox.send_pending(db, value, outbox.smtp_password(value))

        self.work.run(work, self._sent)

    def _sent(self, found: SendReport) -> None:
        if found.offline:
            self.message.setText(self.tr("The mail server cannot be reached (%1); the messages "
                                         "stay in the outbox.").replace("%1", found.offline))
        else:
            self.message.setText(self.tr("Sent: %1, failed: %2, waiting: %3.")
                                 .replace("%1", str(found.sent)).replace("%2", str(found.failed))
                                 .replace("%3", str(found.waiting)))  # fmt: skip
        self._bus.publish(Changes(outbox=[r.id for r in self.rows]))
        self.reload()
