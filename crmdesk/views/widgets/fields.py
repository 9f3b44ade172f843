"""Small inputs the forms share: vocabulary combos, tags with completion, optional dates."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from crmdesk.models.enums import Industry, industry_code
from crmdesk.views.shell.vocabulary import enum_text

FIELD_MIN_WIDTH = 220


_Kind = TypeVar("_Kind", bound=StrEnum)


class KindCombo(QComboBox, Generic[_Kind]):
    """A combo over an enum's values, showing the user's words; optionally with a "none" entry."""

    def __init__(
        self, enum: type[_Kind], parent: QWidget | None = None, none_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self._enum = enum
        if none_text is not None:
            self.addItem(none_text, None)
        for value in enum:
            self.addItem(enum_text(value), value)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # A short list of words: as wide as its longest word (or the form's minimum), no wider.
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def value(self) -> _Kind | None:
        data = self.currentData()  # Qt hands the item data back as a plain str
        return None if data is None else self._enum(data)

    def chosen(self) -> _Kind:
        """The chosen value (a combo without a "none" entry always has one)."""
        return self._enum(str(self.currentData()))

    def set_value(self, value: _Kind | None) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)


TAG_SEPARATORS = re.compile(r"[,，;；、]")


class _LastWordCompleter(QCompleter):
    """Completes the tag being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [TAG_SEPARATORS.split(path)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        done = [t.strip() for t in TAG_SEPARATORS.split(text)[:-1] if t.strip()]
        return ", ".join([*done, str(index.data())])


class TagsEdit(QLineEdit):
    """Comma-separated tags with completion over the tags already in use."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._known = QStringListModel(self)
        completer = _LastWordCompleter(self._known, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self.setPlaceholderText(QCoreApplication.translate("TagsEdit", "Tags, separated by commas"))

    def set_known_tags(self, tags: Sequence[str]) -> None:
        self._known.setStringList(list(tags))

    def tags(self) -> list[str]:
        words = (word.strip() for word in TAG_SEPARATORS.split(self.text()))
        return list(dict.fromkeys(word for word in words if word))

    def set_tags(self, tags: Sequence[str]) -> None:
        self.setText(", ".join(tags))


NO_DATE = QDate(1800, 1, 1)


class OptionalDateEdit(QWidget):
    """A date input that can also be empty ("None"), with a clear button."""

    changed = Signal()
    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(NO_DATE)
        self.edit.setSpecialValueText(QCoreApplication.translate("OptionalDateEdit", "None"))
        self.edit.setDate(NO_DATE)
        self.edit.setMinimumWidth(140)
        self.edit.calendarWidget().installEventFilter(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(QCoreApplication.translate("OptionalDateEdit", "Clear"))
        self.clear_button.setToolTip(QCoreApplication.translate("OptionalDateEdit", "No date"))
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.setFocusProxy(self.edit)
        self.edit.dateChanged.connect(self._on_edit_date_changed)
        self.edit.editingFinished.connect(self.editing_finished)
        self._update_clear()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty date opens its calendar on today's month, not on the 1800 sentinel.
        if event.type() == QEvent.Type.Show and self.date() is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def date(self) -> dt.date | None:
        value = self.edit.date()
        if value == NO_DATE:
            return None
        return dt.date(value.year(), value.month(), value.day())

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setDate(NO_DATE if value is None else QDate(value.year, value.month, value.day))

    def clear(self) -> None:
        self.set_date(None)
        self.editing_finished.emit()

    def _on_edit_date_changed(self, _value: QDate) -> None:
        self._update_clear()
        self.changed.emit()

    def _update_clear(self) -> None:
        self.clear_button.setEnabled(self.date() is not None)


class IndustryCombo(QComboBox):
    """An account's industry picked from the vocabulary; stores the code.

    A stored value that is neither a code nor an older English word for one (free text typed
    before the list existed) is kept as an extra entry, shown as typed, so nothing is lost.
    `text()`/`setText()` read and write the stored value, as a line edit would.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem(QCoreApplication.translate("IndustryCombo", "No industry"), "")
        words = sorted((enum_text(code), code.value) for code in Industry if code != Industry.OTHER)
        for word, code in [*words, (enum_text(Industry.OTHER), Industry.OTHER.value)]:
            self.addItem(word, code)
        self._fixed = self.count()
        self.setMaxVisibleItems(self.count() + 1)

    def text(self) -> str:
        data = self.currentData()
        return data if isinstance(data, str) else ""

    def setText(self, value: str) -> None:
        while self.count() > self._fixed:
            self.removeItem(self._fixed)
        code = industry_code(value)
        stored = code.value if code is not None else value.strip()
        index = self.findData(stored)
        if index < 0:
            self.addItem(stored, stored)
            index = self.count() - 1
        self.setCurrentIndex(index)


class ChoiceEdit(QComboBox):
    """Free text with the values already in use offered (a product's category): pick one or
    type a new one. `text()`/`setText()` read and write it, as a line edit would."""

    def __init__(
        self, values: Sequence[str] = (), text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_values(values)
        self.setText(text)

    def set_values(self, values: Sequence[str]) -> None:
        """Offer these values, keeping what is typed."""
        typed = self.currentText()
        self.clear()
        self.addItems([v for v in values if v])
        self.setCurrentText(typed)
        view = self.view()  # the list as wide as its longest value, never elided
        bar = view.verticalScrollBar().sizeHint().width()
        view.setMinimumWidth(view.sizeHintForColumn(0) + bar)

    def set_max_length(self, length: int) -> None:
        line = self.lineEdit()
        if line is not None:
            line.setMaxLength(length)

    def text(self) -> str:
        return self.currentText().strip()

    def setText(self, value: str) -> None:
        self.setCurrentText(value)
