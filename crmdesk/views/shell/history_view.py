"""Tools > History: every recent change (edit, delete, import, merge, undo), and taking one back.

Taking back goes through the window's UndoHistory, the one account the Edit menu and the toolbar
use too: the newest step through the undo stack itself, an older one straight from the change
log (the stack then drops what became stale). Fields edited since are left alone and reported; a
merge is taken back with Unmerge; a change already taken back offers neither.
"""

from __future__ import annotations

import uuid

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QBrush, QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.history import BatchSummary, describe, recent_batches
from crmdesk.store.db import Database
from crmdesk.views.shell import errors, tasks
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.change_words import change_words
from crmdesk.views.shell.formatting import local_datetime_text
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import UndoHistory

PAGE = 100
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class HistoryDialog(QDialog):
    """The newest changes first; Undo this change / Unmerge on the selected one."""

    loaded = Signal()
    reverted = Signal(object)  # RevertResult

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        parent: QWidget | None = None,
        undo: UndoHistory | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus = db, bus
        self.undo = undo if undo is not None else UndoHistory(db, bus, QUndoStack(self), self)
        self.batches: list[BatchSummary] = []
        self._limit = PAGE
        self._task: tasks.Task | None = None
        self._words = change_words()
        self.setWindowTitle(self.tr("History"))
        fit_to_screen(self, QSize(900, 560))

        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Changes")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Show older"), self)
        self.more_button.clicked.connect(self.show_older)
        self.undo_button = QPushButton(self.tr("&Undo this change"), self)
        self.undo_button.clicked.connect(self.undo_selected)
        self.unmerge_button = QPushButton(self.tr("U&nmerge"), self)
        self.unmerge_button.clicked.connect(self.unmerge_selected)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.more_button)
        actions.addWidget(self.unmerge_button)
        actions.addWidget(self.undo_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        layout.addWidget(buttons)
        self._update_buttons()
        bus.changed.connect(self._on_bus_changed)
        self.undo.stack.indexChanged.connect(self._on_bus_changed)
        self.undo.reported.connect(self.status.setText)

    def refresh(self) -> None:
        """Read the newest `limit` changes off the GUI thread (an import can log a great deal)."""
        if self._task is not None:
            self._task.cancel()
        db, limit = self.db, self._limit

        def work(_task: tasks.Task) -> list[BatchSummary]:
            with db.reading() as session:
                return recent_batches(session, limit=limit)

        def connect(task: tasks.Task) -> None:
            self._task = task
            task.signals.finished.connect(lambda batches: self._on_loaded(task, batches))
            task.signals.failed.connect(lambda exc, trace: self._on_failed(task, exc, trace))

        tasks.start(work, connect)

    def show_older(self) -> None:
        self._limit += PAGE
        self.refresh()

    def _on_loaded(self, task: tasks.Task, batches: list[BatchSummary]) -> None:
        if task is not self._task or not shiboken6.isValid(self.table):
            return  # superseded, or the window closed meanwhile
        self._task = None
        selected = self.selected_batch()
        self.batches = batches
        self.table.setRowCount(len(batches))
        for row, batch in enumerate(batches):
            what = describe(batch, self._words)
            if batch.undone:
                what = self.tr("%1 (taken back)").replace("%1", what)
            cells = [local_datetime_text(batch.at), batch.actor, what, str(batch.actions)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if batch.undone:
                    item.setForeground(
                        QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
                    )
                if column == 3:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
            if selected is not None and batch.batch_id == selected.batch_id:
                self.table.selectRow(row)
        self.more_button.setEnabled(len(batches) >= self._limit)
        if not batches:
            self.status.setText(self.tr("Nothing has been changed yet."))
        self._update_buttons()
        self.loaded.emit()

    def _on_failed(self, task: tasks.Task, exc: BaseException, trace: str) -> None:
        if task is self._task:
            self._task = None
            errors.report(self, exc, trace)

    def _on_bus_changed(self, _changes: object) -> None:
        if self.isVisible():
            self.refresh()

    def selected_batch(self) -> BatchSummary | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.batches):
            return None
        return self.batches[rows[0].row()]

    def select_batch(self, batch_id: uuid.UUID) -> None:
        for row, batch in enumerate(self.batches):
            if batch.batch_id == batch_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        batch = self.selected_batch()
        live = batch is not None and not batch.undone
        self.undo_button.setEnabled(live and batch is not None and not batch.is_merge)
        self.unmerge_button.setEnabled(live and batch is not None and batch.is_merge)

    def undo_selected(self) -> None:
        batch = self.selected_batch()
        if batch is not None and not batch.is_merge and not batch.undone:
            self._take_back(batch)

    def unmerge_selected(self) -> None:
        batch = self.selected_batch()
        if batch is not None and batch.is_merge and not batch.undone:
            self._take_back(batch)

    def _take_back(self, batch: BatchSummary) -> None:
        result = self.undo.take_back(batch, self)
        self.refresh()  # an undo whose rows were all left alone changed no record
        if result is not None:
            self.reverted.emit(result)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def done(self, result: int) -> None:
        if self._task is not None:
            self._task.cancel()
        super().done(result)


__all__ = ["HistoryDialog"]
