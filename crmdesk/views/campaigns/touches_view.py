"""The touches crmdesk cannot send itself (SMS, WeChat, a call, a letter): per contact the
number or WeChat id and the message filled in, ready to copy; "Mark done" records each as an
activity of the contact (services/touches.py), one undoable step. The touches still to do come
first, the ones done after them, each part in name order."""

from __future__ import annotations

import getpass
import uuid
from collections.abc import Sequence

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.models.enums import Channel
from crmdesk.services import touches
from crmdesk.services.touches import Touch
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell.vocabulary import enum_text

OFFLINE = (Channel.WECHAT, Channel.SMS, Channel.PHONE, Channel.MOBILE, Channel.LETTER,
           Channel.VISIT)  # fmt: skip


class TouchesView(QWidget):
    """A campaign's touches on one offline channel: who, where, what to say, done or not."""

    def __init__(self, writer: Undoable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._writer = writer
        self.campaign_id: uuid.UUID | None = None
        self.touches: list[Touch] = []
        self.channel = QComboBox(self)
        self.channel.setObjectName("touch_channel")
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("touches_table")
        self.table.setHorizontalHeaderLabels([self.tr("Member"), self.tr("Number or WeChat"),
                                              self.tr("Done"), self.tr("Message")])  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        for column, width in enumerate((200, 170, 60)):
            self.table.setColumnWidth(column, width)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.done_button = QPushButton(self.tr("Mark done"), self)
        self.done_button.setObjectName("mark_done")
        self.copy_button = QPushButton(self.tr("Copy text"), self)
        self.summary = QLabel(self)
        self.hint = QLabel(self.tr("Select the touches you have sent first."), self)
        self.hint.setObjectName("touches_hint")
        self.hint.hide()
        self.done_button.clicked.connect(self.mark_done)
        self.copy_button.clicked.connect(self.copy_selected)
        self.channel.currentIndexChanged.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Channel:"), self))
        row.addWidget(self.channel)
        row.addWidget(self.done_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.hint)
        row.addStretch(1)
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self._show_hint)

    def set_campaign(self, campaign_id: uuid.UUID | None, channels: Sequence[Channel]) -> None:
        """Show this campaign's touches on its first offline channel (or the one shown)."""
        shown = self.channel.currentData()
        self.campaign_id = campaign_id
        self.channel.blockSignals(True)
        self.channel.clear()
        for channel in (c for c in OFFLINE if c in channels):
            self.channel.addItem(enum_text(channel), channel)
        self.channel.setCurrentIndex(max(self.channel.findData(shown), 0))
        self.channel.blockSignals(False)
        self.reload()

    def chosen(self) -> Channel | None:
        data = self.channel.currentData()
        return Channel(data) if data else None

    @Slot()
    def reload(self) -> None:
        channel = self.chosen()
        self.touches = []
        if self.campaign_id is not None and channel is not None:
            with self._writer.db.reading() as session:
                found = touches.touches(session, self.campaign_id, channel)
            self.touches = sorted(found, key=lambda t: t.done)  # still to do first (stable)
        self.table.clearSelection()  # a row's touch may have moved: nothing stays chosen
        self.table.setRowCount(len(self.touches))
        for i, t in enumerate(self.touches):
            values = (t.name, t.wechat if channel is Channel.WECHAT and t.wechat else t.number,
                      "✓" if t.done else "", t.text.replace("\n", " ⏎ "))  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, t.member_id)
                if column == 3:
                    item.setToolTip(t.text)
                self.table.setItem(i, column, item)
        done = sum(t.done for t in self.touches)
        self.summary.setText(self.tr("%1 of %2 done").replace("%1", str(done))
                             .replace("%2", str(len(self.touches))))  # fmt: skip
        self.done_button.setEnabled(done < len(self.touches))
        self.copy_button.setEnabled(bool(self.touches))
        self._show_hint()

    @Slot()
    def _show_hint(self) -> None:
        """Say how to mark touches done while some are still to do and none of those is
        selected."""
        to_do = any(not t.done for t in self.touches)
        chosen = any(not t.done for t in self.selected())
        self.hint.setVisible(to_do and not chosen)

    def selected(self) -> list[Touch]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.touches[r] for r in rows]

    @Slot()
    def mark_done(self) -> bool:
        """Record the selected touches that are not done yet as activities, one step."""
        todo = [t for t in self.selected() if not t.done]
        if not todo:
            self._show_hint()
            return False
        if len(todo) == 1:
            text = self.tr("Mark done: %1").replace("%1", todo[0].name)
        else:
            text = self.tr("Mark %n touch(es) done", "", len(todo))
        owner, members = getpass.getuser(), [t.member_id for t in todo]

        def write(session: Session) -> int:
            return sum(touches.mark_done(session, m, owner) is not None for m in members)

        written = self._writer.push(self, text, write)
        self.reload()
        return written is not None

    @Slot()
    def copy_selected(self) -> None:
        """The selected contacts' texts (all when none is selected), one block each."""
        chosen = self.selected() or self.touches
        blocks = [" · ".join(x for x in (t.name, t.number, t.wechat) if x) + "\n" + t.text
                  for t in chosen]  # fmt: skip
        QGuiApplication.clipboard().setText("\n\n".join(blocks))
        self.summary.setText(self.tr("%n text(s) on the clipboard", "", len(chosen)))
