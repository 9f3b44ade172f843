"""Selections kept by id across a table reset: a re-sort or a refresh moves rows, not records."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex
from PySide6.QtWidgets import QTableView


class KeyedRows(Protocol):
    """What selecting by id needs of a table model (every KeyedTableModel has it)."""

    def id_at(self, row: int) -> uuid.UUID | None: ...

    def row_of(self, key: uuid.UUID) -> int | None: ...

    def index(self, row: int, column: int, parent: QModelIndex = ..., /) -> QModelIndex: ...

    def columnCount(self, parent: QModelIndex = ..., /) -> int: ...


@dataclass
class Remembered:
    """What was selected before a table reset, to select it again by id afterwards."""

    ids: list[uuid.UUID] = field(default_factory=list)
    current: uuid.UUID | None = None
    current_row: int = -1


def selected_rows(view: QTableView) -> list[int]:
    rows: set[int] = set()
    for selected in view.selectionModel().selection().toList():
        rows.update(range(selected.top(), selected.bottom() + 1))
    return sorted(rows)


def remember(view: QTableView, model: KeyedRows) -> Remembered:
    index = view.selectionModel().currentIndex()
    return Remembered(
        [key for row in selected_rows(view) if (key := model.id_at(row)) is not None],
        model.id_at(index.row()) if index.isValid() else None,
        index.row() if index.isValid() else -1,
    )


def select_ids(
    view: QTableView, model: KeyedRows, ids: Sequence[uuid.UUID], current: uuid.UUID
) -> None:
    """Select these records' rows (merged into ranges) and make `current` current."""
    selection = QItemSelection()
    rows = sorted(r for r in (model.row_of(key) for key in ids) if r is not None)
    last_column = model.columnCount() - 1
    start: int | None = None
    previous = -1
    for row in [*rows, None]:
        if start is not None and (row is None or row != previous + 1):
            selection.select(model.index(start, 0), model.index(previous, last_column))
            start = None
        if row is not None and start is None:
            start = row
        previous = row if row is not None else previous
    current_row = model.row_of(current)
    flags = QItemSelectionModel.SelectionFlag
    selection_model = view.selectionModel()
    selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
    if current_row is not None:
        index = model.index(current_row, 0)
        selection_model.setCurrentIndex(index, flags.NoUpdate)
        view.scrollTo(index)


__all__ = ["Remembered", "remember", "select_ids", "selected_rows"]
