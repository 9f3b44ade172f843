"""The board's models: per stage column, the ordered keys plus a small page cache of cards.

A column holds its keys (all of them, ints, cheap) and fetches cards page by page as the view
paints them, so a stage of 20,000 deals costs one key query and a page or two of rows; no
widget is made per card. The board reads every column's keys and header figures in two
grouped queries.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import OrderedDict
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from crmdesk.services import pipeline
from crmdesk.services.changes import Changes
from crmdesk.services.pipeline import ColumnFigures, OpportunityFilter, OpportunityRow, StageRow
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus

CardRole = Qt.ItemDataRole.UserRole + 1  # the OpportunityRow
IdRole = Qt.ItemDataRole.UserRole + 2  # the key, from the key list (never fetches)
MIME_TYPE = "application/x-crmdesk-opportunity"
PAGE_SIZE = 60
MAX_PAGES = 8
Index = QModelIndex | QPersistentModelIndex


class StageColumnModel(QAbstractListModel):
    """One stage's cards: keys in expected-close order, rows fetched a page at a time."""

    def __init__(self, db: Database, stage: StageRow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.stage = stage
        self._keys: list[int] = []
        self._pages: OrderedDict[int, list[OpportunityRow]] = OrderedDict()
        self.figures = ColumnFigures(0, Decimal(0), Decimal(0))
        self.fetches = 0

    def set_keys(self, keys: list[int], figures: ColumnFigures | None) -> None:
        self.beginResetModel()
        self._keys = keys
        self._pages.clear()
        self.figures = figures or ColumnFigures(0, Decimal(0), Decimal(0))
        self.endResetModel()

    def id_at(self, row: int) -> uuid.UUID | None:
        return uuid.UUID(int=self._keys[row]) if 0 <= row < len(self._keys) else None

    def row_of(self, key: uuid.UUID) -> int | None:
        try:
            return self._keys.index(key.int)
        except ValueError:
            return None

    def card(self, row: int) -> OpportunityRow | None:
        if not 0 <= row < len(self._keys):
            return None
        start = row - row % PAGE_SIZE
        page = self._pages.get(start)
        if page is None:
            ids = [uuid.UUID(int=k) for k in self._keys[start : start + PAGE_SIZE]]
            with self._db.reading() as session:
                found = {r.id: r for r in pipeline.opportunity_rows(session, ids)}
            page = [found[i] for i in ids if i in found]
            self.fetches += 1
            self._pages[start] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(start)
        offset = row - start
        return page[offset] if offset < len(page) else None

    def forget(self, ids: frozenset[uuid.UUID]) -> bool:
        """Drop cached pages holding any of `ids`; True when one was dropped."""
        wanted = {i.int for i in ids}
        stale = [s for s in self._pages if wanted & set(self._keys[s : s + PAGE_SIZE])]
        for start in stale:
            del self._pages[start]
        return bool(stale)

    # -- Qt ------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == IdRole:
            return self.id_at(index.row())
        if role == CardRole:
            return self.card(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            card = self.card(index.row())
            return card.name if card else ""
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        mime = QMimeData()
        ids = [self.id_at(i.row()) for i in indexes]
        mime.setData(MIME_TYPE, QByteArray(",".join(i.hex for i in ids if i).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:  # fmt: skip
        return data.hasFormat(MIME_TYPE)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:  # fmt: skip
        if not data.hasFormat(MIME_TYPE):
            return False
        text = bytes(data.data(MIME_TYPE).data()).decode()
        ids = [uuid.UUID(hex=h) for h in text.split(",") if h]
        board = self.parent()
        if isinstance(board, BoardModel):
            board.cards_dropped.emit(ids, self.stage.id)
        return False  # the move lands through the bus; the source must not remove rows


class BoardModel(QObject):
    """The board's columns, one per stage, refreshed together for a filter.

    `cards_dropped(ids, stage_id)` when cards are dropped on a column; `refreshed()` after the
    keys and figures were read again."""

    cards_dropped = Signal(list, object)
    refreshed = Signal()

    def __init__(
        self, db: Database, bus: DataBus | None, parent: QObject | None = None, *, load: bool = True
    ) -> None:
        super().__init__(parent)
        self._db = db
        self.filter = OpportunityFilter()
        self.columns: list[StageColumnModel] = []
        self.today = dt.date.today()
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)
        if load:
            self.refresh()

    def set_filter(self, flt: OpportunityFilter) -> None:
        self.filter = flt
        self.refresh()

    def refresh(self) -> None:
        """Read the stages, then every column's keys and header figures (one pass)."""
        with self._db.reading() as session:
            stages = pipeline.stages(session)
            board = pipeline.board_columns(session, self.filter)
        if [c.stage for c in self.columns] != stages:
            self.columns = [StageColumnModel(self._db, s, self) for s in stages]
        for column in self.columns:
            found = board.get(column.stage.id)
            column.set_keys(found.keys if found else [], found.figures if found else None)
        self.refreshed.emit()

    def column_of(self, opp_id: uuid.UUID) -> tuple[int, int] | None:
        for n, column in enumerate(self.columns):
            row = column.row_of(opp_id)
            if row is not None:
                return n, row
        return None

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.opportunities or changes.ids("stages") or changes.accounts:
            self.refresh()
