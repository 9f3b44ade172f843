"""The board: one column per stage (a header with count, sum and weighted sum over a list view
of painted cards); drag a card to another column, or Ctrl+←/→ to move it a stage."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.pipeline.board_model import BoardModel, IdRole, StageColumnModel
from crmdesk.views.pipeline.card_delegate import CARD_HEIGHT, CardDelegate
from crmdesk.views.shell.i18n import translated

COLUMN_WIDTH = 230


def stage_name(name: str) -> str:
    """A stage's name in the user's language (the default stages are stored in English)."""
    return translated("Stages", name)


class StageColumn(QFrame):
    """A header and the list of one stage's cards."""

    def __init__(self, model: StageColumnModel, delegate: CardDelegate, parent: QWidget) -> None:
        super().__init__(parent)
        self.model = model
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(COLUMN_WIDTH)
        self.header = QLabel(self)
        self.header.setWordWrap(True)
        self.header.setObjectName("stage_header")
        self.view = QListView(self)
        self.view.setModel(model)
        self.view.setItemDelegate(delegate)
        self.view.setUniformItemSizes(True)  # one height: no per-card size pass over 50k rows
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.verticalScrollBar().setSingleStep(CARD_HEIGHT // 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.update_header()

    def update_header(self) -> None:
        f = self.model.figures
        stage = stage_name(self.model.stage.name)
        count = self.tr("%n deal(s)", "", f.count)
        self.header.setText(
            f"<b>{stage}</b> · {self.model.stage.probability:.0f}%<br>{count}<br>"
            + self.tr("Sum %1 · weighted %2").replace("%1", f"{f.amount:,.0f}")
            .replace("%2", f"{f.weighted:,.0f}")
        )  # fmt: skip


class BoardView(QScrollArea):
    """The columns side by side, scrolled sideways when they do not fit.

    `move_requested(ids, stage_id)` when cards were dropped on a column or moved by keyboard;
    `card_activated(id)` on a double click or Enter."""

    move_requested = Signal(list, object)
    card_activated = Signal(object)

    def __init__(self, model: BoardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.delegate = CardDelegate(self)
        self.columns: list[StageColumn] = []
        self.setWidgetResizable(True)
        self._inner = QWidget(self)
        self._row = QHBoxLayout(self._inner)
        self._row.setContentsMargins(4, 4, 4, 4)
        self._row.setSpacing(6)
        self.setWidget(self._inner)
        model.refreshed.connect(self._on_model_refreshed)
        model.cards_dropped.connect(self.move_requested)
        self._on_model_refreshed()

    def _on_model_refreshed(self) -> None:
        if [c.model for c in self.columns] != self.model.columns:
            for column in self.columns:
                column.setParent(None)
                column.deleteLater()
            self.columns = [StageColumn(m, self.delegate, self._inner) for m in self.model.columns]
            while self._row.count():
                self._row.takeAt(0)
            for column in self.columns:
                self._row.addWidget(column)
                column.view.installEventFilter(self)
                column.view.doubleClicked.connect(
                    lambda index: self.card_activated.emit(index.data(IdRole))
                )
            self._row.addStretch(1)
        for column in self.columns:
            column.update_header()

    def selected_ids(self) -> list[uuid.UUID]:
        found = []
        for column in self.columns:
            found += [i.data(IdRole) for i in column.view.selectionModel().selectedIndexes()]
        return [i for i in found if i is not None]

    def select(self, opp_id: uuid.UUID) -> bool:
        """Select and show a card; False when it is not on the board."""
        where = self.model.column_of(opp_id)
        if where is None:
            return False
        column = self.columns[where[0]]
        index = column.model.index(where[1], 0)
        column.view.setCurrentIndex(index)
        column.view.scrollTo(index)
        column.view.setFocus()
        self.ensureWidgetVisible(column)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}.get(Qt.Key(event.key()))
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            column = next((c for c in self.columns if c.view is watched), None)
            if step and ctrl and column is not None:
                self._move_by_key(column, step)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and column is not None:
                current = column.view.currentIndex()
                if current.isValid():
                    self.card_activated.emit(current.data(IdRole))
                    return True
        return super().eventFilter(watched, event)

    def _move_by_key(self, column: StageColumn, step: int) -> None:
        n = self.columns.index(column) + step
        ids = [i.data(IdRole) for i in column.view.selectionModel().selectedIndexes()]
        if not ids and column.view.currentIndex().isValid():
            ids = [column.view.currentIndex().data(IdRole)]
        if ids and 0 <= n < len(self.columns):
            self.move_requested.emit(ids, self.columns[n].model.stage.id)
