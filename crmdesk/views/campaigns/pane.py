"""The Campaigns pane: campaigns with their results, saved segments, the e-mail outbox and the
calling view, one tab each."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services import segments
from crmdesk.services.changes import Changes
from crmdesk.services.segments import SegmentInfo
from crmdesk.store.db import Database
from crmdesk.views.campaigns.calling_view import CallingView
from crmdesk.views.campaigns.campaign_view import CampaignView
from crmdesk.views.campaigns.outbox_view import OutboxView
from crmdesk.views.campaigns.segment_dialog import SegmentDialog, tree_text
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell.bus import DataBus


class SegmentsView(QWidget):
    """The saved segments with their counts; New, Edit, Delete."""

    def __init__(self, writer: Undoable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._bus, self._writer = writer.db, writer.bus, writer
        bus = writer.bus
        self.list = QListWidget(self)
        self.list.setObjectName("segments_list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        new = QPushButton(self.tr("New segment…"), self)
        edit = QPushButton(self.tr("Edit…"), self)
        new.clicked.connect(lambda: self.open_dialog(None))
        edit.clicked.connect(self._edit)
        self.list.itemDoubleClicked.connect(lambda _item: self._edit())
        row = QHBoxLayout()
        row.addWidget(new)
        row.addWidget(edit)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        bus.changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.ids("segments"):
            self.reload()

    @Slot()
    def reload(self) -> None:
        self.list.clear()
        with self._db.reading() as session:
            for info in segments.list_segments(session):
                found = segments.count(session, info.criteria)
                item = QListWidgetItem(self.tr("%1 — %n contact(s)", "", found)
                                       .replace("%1", info.name))  # fmt: skip
                item.setData(Qt.ItemDataRole.UserRole, info)
                item.setToolTip(tree_text(info.criteria))
                self.list.addItem(item)

    def _edit(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open_dialog(item.data(Qt.ItemDataRole.UserRole))

    def open_dialog(self, segment: SegmentInfo | None) -> SegmentDialog:
        dialog = SegmentDialog(self._writer, self, segment)
        dialog.accepted.connect(self.reload)
        dialog.open()
        return dialog


class CampaignsPane(QWidget):
    """Every write here is a step on the window's undo stack (views/campaigns/undoable.py)."""

    def __init__(
        self, db: Database, bus: DataBus, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        writer = Undoable(db, bus, undo_stack)
        self.tabs = QTabWidget(self)
        self.campaigns = CampaignView(writer, self)
        self.segments = SegmentsView(writer, self)
        self.outbox = OutboxView(db, bus, self)
        self.calling = CallingView(writer, self)
        self.tabs.addTab(self.campaigns, self.tr("Campaigns"))
        self.tabs.addTab(self.segments, self.tr("Segments"))
        self.tabs.addTab(self.outbox, self.tr("Outbox"))
        self.tabs.addTab(self.calling, self.tr("Calling"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
