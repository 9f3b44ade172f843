"""The task list beside the calendar: overdue (in red), today, upcoming, each with a done box.

A small list (a few hundred rows at most), read whole on each refresh; ticking a box asks the
pane to write (`done_toggled`), the model itself writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.core.clock import local_zone
from crmdesk.services.calendar_tasks import TaskItem, task_list
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus

TaskRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")
Index = QModelIndex | QPersistentModelIndex
_Row = tuple[str, TaskItem | None]  # (section or "", task) — a header row has no task


class TaskListModel(QAbstractListModel):
    """Rows: a header per section that has tasks, then its tasks."""

    done_toggled = Signal(object, bool)  # task id, done

    def __init__(self, db: Database, bus: DataBus | None, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self.owner: str | None = None
        self.today = dt.date.today()
        self.rows: list[_Row] = []
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)
        self.refresh()

    def refresh(self) -> None:
        zone = local_zone()
        self.today = dt.datetime.now(zone).date()
        with self._db.reading() as session:
            found = task_list(session, self.today, zone, owner=self.owner)
        sections: dict[str, list[TaskItem]] = {"overdue": [], "today": [], "upcoming": []}
        for task in found:
            if task.due is not None and task.due < self.today:
                sections["overdue"].append(task)
            elif task.due == self.today:
                sections["today"].append(task)
            else:
                sections["upcoming"].append(task)
        rows: list[_Row] = []
        for name, tasks in sections.items():
            if tasks:
                rows.append((name, None))
                rows.extend(("", task) for task in tasks)
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.events:
            self.refresh()

    def tasks(self) -> list[TaskItem]:
        return [task for _, task in self.rows if task is not None]

    def row_of(self, task_id: uuid.UUID) -> int | None:
        for row, (_, task) in enumerate(self.rows):
            if task is not None and task.id == task_id:
                return row
        return None

    def is_overdue(self, task: TaskItem) -> bool:
        return not task.done and task.due is not None and task.due < self.today

    def _section_text(self, name: str) -> str:
        return {"overdue": self.tr("Overdue"), "today": self.tr("Today"),
                "upcoming": self.tr("Upcoming")}[name]

    # -- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()][1] is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        section, task = self.rows[index.row()]
        if task is None:
            if role == Qt.ItemDataRole.DisplayRole:
                return self._section_text(section)
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._task_text(task)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and self.is_overdue(task):
            return QBrush(OVERDUE)
        if role == TaskRole:
            return task
        return None

    def _task_text(self, task: TaskItem) -> str:
        words = task.title
        if task.due is not None and task.due != self.today:
            words = f"{QLocale().toString(task.due, QLocale.FormatType.ShortFormat)}  {words}"
        if task.account:
            words += f" · {task.account}"
        return words

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        task = self.rows[index.row()][1]
        if task is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.done_toggled.emit(task.id, done)
        return True


__all__ = ["TaskListModel", "TaskRole"]
