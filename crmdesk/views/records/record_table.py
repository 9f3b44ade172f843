"""The table view every record list uses: whole rows, no editing, columns sized from hints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from crmdesk.views.records.keyed_table_model import KeyedTableModel


def record_table(model: KeyedTableModel, name: str, parent: QWidget | None = None) -> QTableView:
    """A read-only table over `model`, sortable, with fixed row heights (fast over 100k rows)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)
    view.setCornerButtonEnabled(False)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    row_height = view.fontMetrics().height() + 10
    rows.setMinimumSectionSize(row_height)
    rows.setDefaultSectionSize(row_height)
    rows.hide()
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    char = view.fontMetrics().averageCharWidth()
    for section, column in enumerate(model.columns):
        header.resizeSection(section, column.width * char + 16)
    header.setSortIndicator(model.sort_column(), model.sort_order())
    view.setSortingEnabled(True)
    return view


def key_columns_width(view: QTableView, columns: int = 2) -> int:
    """How wide the table must stay to show its first `columns` columns (name, account …)."""
    header = view.horizontalHeader()
    shown = [header.logicalIndex(i) for i in range(header.count())][:columns]
    scroll_bar = view.verticalScrollBar().sizeHint().width()
    return sum(header.sectionSize(s) for s in shown) + scroll_bar + 2 * view.frameWidth() + 8


__all__ = ["key_columns_width", "record_table"]
