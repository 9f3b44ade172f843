"""The right side of a list pane when no record is open: what the list holds, in figures."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from crmdesk.store.db import Database
from crmdesk.views.records.entity import RecordKind, SummaryLines
from crmdesk.views.shell import tasks


class SummaryView(QWidget):
    """A heading, a hint and (caption, figures) lines, e.g. "Cities: 北京 120 · 上海 96"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summary_view")
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setEnabled(False)
        self.lines = QFormLayout()
        self.lines.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.lines.setHorizontalSpacing(12)
        self.lines.setVerticalSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addLayout(self.lines)
        layout.addWidget(self.hint)
        layout.addStretch(1)

    def show_summary(self, heading: str, lines: SummaryLines, hint: str) -> None:
        self.heading.setText(heading)
        self.hint.setText(hint)
        while self.lines.rowCount():
            self.lines.removeRow(0)
        for caption, text in lines:
            value = QLabel(text, self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.lines.addRow(QLabel(caption, self), value)

    def texts(self) -> list[tuple[str, str]]:
        """What the lines say (caption, figures), as shown."""
        found = []
        for row in range(self.lines.rowCount()):
            label = self.lines.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            field = self.lines.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            assert isinstance(label, QLabel) and isinstance(field, QLabel)
            found.append((label.text(), field.text()))
        return found


class SummaryLoader(QObject):
    """Reads a kind's summary in a worker thread; only the newest request's answer arrives."""

    loaded = Signal(object)  # what kind.summary returned
    failed = Signal(object, str)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self._tasks: dict[int, tasks.Task] = {}
        self._finished: list[tasks.Task] = []  # kept until the next load: their signals ran

    def load(self, kind: RecordKind, flt: Any) -> None:
        self._finished.clear()
        self._generation += 1
        generation, db = self._generation, self._db

        def work(_task: tasks.Task) -> tuple[int, Any]:
            with db.reading() as session:
                return generation, kind.summary(session, flt)

        task = tasks.Task(work)
        task.signals.finished.connect(self._on_finished)
        task.signals.failed.connect(self._on_failed)
        self._tasks[generation] = task
        QThreadPool.globalInstance().start(task)

    @Slot(object)
    def _on_finished(self, answer: tuple[int, Any]) -> None:
        generation, found = answer
        task = self._tasks.pop(generation, None)
        if task is not None:
            self._finished.append(task)
        if generation == self._generation:
            self.loaded.emit(found)

    @Slot(object, str)
    def _on_failed(self, error: BaseException, details: str) -> None:
        self._finished.extend(self._tasks.values())
        self._tasks.clear()
        self.failed.emit(error, details)


__all__ = ["SummaryLoader", "SummaryView"]
