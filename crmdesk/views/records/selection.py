"""Selections kept by id across a table reset: a re-sort or a refresh moves rows, not records."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView

from crmdesk.views.records.keyed_table_model import KeyedTableModel


@dataclass
class Remembered:
    """What was selected before a table reset, to select it again by id afterwards."""

    ids: list[uuid.UUID] = field(default_factory=list)
    current: uuid.UUID | None = None
    current_row: int = -1


def selected_rows(view: QTableView) -> list[int]:
    rows: set[int] = set()
    for selected in view.selectionModel().selection():
        rows.update(range(selected.top(), selected.bottom() + 1))
    return sorted(rows)


def remember(view: QTableView, model: KeyedTableModel) -> Remembered:
    index = view.selectionModel().currentIndex()
    return Remembered(
        [model.id_at(row) for row in selected_rows(view)],
        model.id_at(index.row()) if index.isValid() else None,
        index.row() if index.isValid() else -1,
    )


def select_ids(
    view: QTableView, model: KeyedTableModel, ids: Sequence[uuid.UUID], current: uuid.UUID
) -> None:
    """Select these records' rows (merged into ranges) and make `current` current."""
    selection = QItemSelection()
    rows = sorted(r for r in (model.row_of(key) for key in ids) if r is not None)
    last_column = model.columnCount() - 1
    start = previous = None
    for row in [*rows, None]:
        if start is not None and (row is None or row != previous + 1):
            selection.select(model.index(start, 0), model.index(previous, last_column))
            start = None
        if row is not None and start is None:
            start = row
        previous = row
    current_row = model.row_of(current)
    flags = QItemSelectionModel.SelectionFlag
    selection_model = view.selectionModel()
    selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
    if current_row is not None:
        index = model.index(current_row, 0)
        selection_model.setCurrentIndex(index, flags.NoUpdate)
        view.scrollTo(index)


__all__ = ["Remembered", "remember", "select_ids", "selected_rows"]
