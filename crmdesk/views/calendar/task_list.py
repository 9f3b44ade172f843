"""The task list beside the calendar: overdue (bold, in red), today, upcoming, each with a
done box, for one owner or for everyone grouped by owner.

A small list (a few hundred rows at most), read whole on each refresh; ticking a box asks the
pane to write (`done_toggled`), the model itself writes nothing.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from crmdesk.core.clock import local_zone
from crmdesk.services.calendar_tasks import TaskItem, task_list, task_owners
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus

TaskRole = Qt.ItemDataRole.UserRole + 1
OVERDUE = QColor("#c62828")
Index = QModelIndex | QPersistentModelIndex
SECTIONS = ("overdue", "today", "upcoming")


@dataclass(frozen=True, slots=True)
class _Row:
    """A section's header (`task` None, `owner` None), an owner's header within a section
    (`task` None) or a task."""

    section: str
    owner: str | None = None
    task: TaskItem | None = None
    count: int = 0


class TaskListModel(QAbstractListModel):
    """Rows: a header per section that has tasks, then its tasks; with no owner chosen
    (`owner` None: everyone) the tasks of a section come grouped under their owner."""

    done_toggled = Signal(object, bool)  # task id, done

    def __init__(self, db: Database, bus: DataBus | None, parent: QObject | None = None):
        super().__init__(parent)
        self._db = db
        self.owner: str | None = None
        self.owners: list[str] = []
        self.today = dt.date.today()
        self.rows: list[_Row] = []
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)
        self.refresh()

    def set_owner(self, owner: str | None) -> None:
        """Show one owner's tasks (None: everyone's, grouped by owner)."""
        self.owner = owner or None
        self.refresh()

    def refresh(self) -> None:
        zone = local_zone()
        self.today = dt.datetime.now(zone).date()
        with self._db.reading() as session:
            found = task_list(session, self.today, zone, owner=self.owner)
            self.owners = task_owners(session)
        sections: dict[str, list[TaskItem]] = {name: [] for name in SECTIONS}
        for task in found:
            sections[self.section_of(task)].append(task)
        rows: list[_Row] = []
        for name, tasks in sections.items():
            if not tasks:
                continue
            rows.append(_Row(name, count=len(tasks)))
            if self.owner is not None:
                rows.extend(_Row(name, task=task) for task in tasks)
                continue
            by_owner: dict[str, list[TaskItem]] = {}
            for task in tasks:
                by_owner.setdefault(task.owner, []).append(task)
            for owner in sorted(by_owner, key=lambda o: (o == "", o.casefold())):
                rows.append(_Row(name, owner=owner, count=len(by_owner[owner])))
                rows.extend(_Row(name, owner=owner, task=task) for task in by_owner[owner])
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def section_of(self, task: TaskItem) -> str:
        if task.due is not None and task.due < self.today and not task.done:
            return "overdue"
        if task.due == self.today or (task.done and task.due is not None):
            return "today"
        return "upcoming"

    def _on_bus_changed(self, changes: Changes) -> None:
        if changes.events:
            self.refresh()

    def tasks(self) -> list[TaskItem]:
        return [row.task for row in self.rows if row.task is not None]

    def row_of(self, task_id: uuid.UUID) -> int | None:
        for number, row in enumerate(self.rows):
            if row.task is not None and row.task.id == task_id:
                return number
        return None

    def is_overdue(self, task: TaskItem) -> bool:
        return not task.done and task.due is not None and task.due < self.today

    def _header_text(self, row: _Row) -> str:
        if row.owner is not None:
            name = row.owner or self.tr("No owner")
            return f"    {name} ({row.count})"
        words = {"overdue": self.tr("Overdue"), "today": self.tr("Today"),
                 "upcoming": self.tr("Upcoming")}[row.section]  # fmt: skip
        return f"{words} ({row.count})"

    # -- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()].task is None:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        task = row.task
        if task is None:
            return self._header_data(row, role)
        overdue = self.is_overdue(task)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._task_text(task)
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if task.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and overdue:
            return QBrush(OVERDUE)
        if role == Qt.ItemDataRole.FontRole and overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and overdue and task.due is not None:
            late = (self.today - task.due).days
            return self.tr("%n day(s) overdue", "", late)
        if role == TaskRole:
            return task
        return None

    def _header_data(self, row: _Row, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header_text(row)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(row.owner is None)
            font.setItalic(row.owner is not None)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.section == "overdue":
            return QBrush(OVERDUE)
        return None

    def _task_text(self, task: TaskItem) -> str:
        words = task.title
        if task.due is not None and task.due != self.today:
            day = QDate(task.due.year, task.due.month, task.due.day)
            words = f"{QLocale().toString(day, QLocale.FormatType.ShortFormat)}  {words}"
        if task.account:
            words += f" · {task.account}"
        return f"    {words}" if self.owner is None else words

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        task = self.rows[index.row()].task
        if task is None:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked
        self.done_toggled.emit(task.id, done)
        return True


__all__ = ["TaskListModel", "TaskRole"]
