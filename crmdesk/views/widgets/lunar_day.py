"""A lunar month and day ("MM-DD" of the Chinese calendar), or none: a contact's lunar birthday.

Two combos, month then day; in a Chinese interface they read 正月 … 腊月 and 初一 … 三十, as
people write them. A birthday in a leap month is kept as its plain month: the Today page lists
it on that month's day, which is how such birthdays are usually kept.
"""

from __future__ import annotations

from lunar_python.util import LunarUtil
from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QToolButton, QWidget

MONTHS = 12
DAYS = 30  # a long lunar month has 30 days, a short one 29


def _chinese() -> bool:
    return QLocale().language() == QLocale.Language.Chinese


class LunarDayEdit(QWidget):
    """Pick a lunar month and day; `value()` is "MM-DD", or "" when either is unset."""

    changed = Signal()
    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        chinese = _chinese()
        self.month = QComboBox(self)
        self.month.setObjectName("lunar_month")
        self.month.addItem(self.tr("Month"), 0)
        for month in range(1, MONTHS + 1):
            text = f"{LunarUtil.MONTH[month]}月" if chinese else self.tr("Month %1")
            self.month.addItem(text.replace("%1", str(month)), month)
        self.day = QComboBox(self)
        self.day.setObjectName("lunar_day")
        self.day.addItem(self.tr("Day"), 0)
        for day in range(1, DAYS + 1):
            self.day.addItem(LunarUtil.DAY[day] if chinese else str(day), day)
        self.day.setMaxVisibleItems(DAYS + 1)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("No lunar birthday"))
        self.clear_button.clicked.connect(self.clear)
        self.setToolTip(self.tr("A birthday in a leap month is kept as its plain month."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.month)
        layout.addWidget(self.day)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.month)
        for combo in (self.month, self.day):
            combo.currentIndexChanged.connect(self._on_index_changed)
            combo.activated.connect(lambda _i: self.editing_finished.emit())
        self._update_clear()

    def value(self) -> str:
        """ "MM-DD", "" when nothing is chosen; a half-chosen day is "MM-00" or "00-DD" so the
        form's check can say what is missing."""
        month, day = int(self.month.currentData()), int(self.day.currentData())
        if not month and not day:
            return ""
        return f"{month:02d}-{day:02d}"

    def set_value(self, value: str) -> None:
        month, _, day = value.partition("-")
        self.month.setCurrentIndex(_index(month, MONTHS))
        self.day.setCurrentIndex(_index(day, DAYS))

    def clear(self) -> None:
        self.set_value("")
        self.editing_finished.emit()

    def _on_index_changed(self, _index: int) -> None:
        self._update_clear()
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(bool(self.value()))


def _index(text: str, top: int) -> int:
    return int(text) if text.isdigit() and 0 < int(text) <= top else 0


__all__ = ["LunarDayEdit"]
