"""What the contact and account forms share: vocabulary texts, typed phone/email/address lists,
tags and optional-date inputs, inline field errors, and the form shell (banner, sections, Save and
Revert, dirty tracking, stale-edit handling, refresh on the data bus).
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import re
import uuid
from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Generic, TypeVar

import shiboken6
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
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import FieldError, KnownError, RecordNotFound, ValidationError
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import (
    AccountKind,
    ActivityKind,
    AddressKind,
    Channel,
    EmailKind,
    EventKind,
    LifecyclePhase,
    LoyaltyStage,
    PhoneKind,
    ValueTier,
)
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.views.shell.undo import _SaveCommand

ERROR_COLOR = "#c62828"
FIELD_MIN_WIDTH = 220
COLUMN_MAX_WIDTH = 900


def address_part_captions() -> dict[str, str]:
    """An address's parts (contact_points.ADDRESS_PARTS) in the user's words."""
    return {
        "street": QCoreApplication.translate("AddressRow", "Street"),
        "extended": QCoreApplication.translate("AddressRow", "Building, floor"),
        "po_box": QCoreApplication.translate("AddressRow", "PO box"),
        "city": QCoreApplication.translate("AddressRow", "City"),
        "region": QCoreApplication.translate("AddressRow", "Province / state"),
        "postal_code": QCoreApplication.translate("AddressRow", "Postal code"),
        "country": QCoreApplication.translate("AddressRow", "Country"),
    }


def enum_text(value: StrEnum) -> str:
    """The user's word for a vocabulary value (PhoneKind.MOBILE -> "Mobile", translated)."""
    texts: dict[StrEnum, str] = {
        PhoneKind.MOBILE: QCoreApplication.translate("Vocabulary", "Mobile"),
        PhoneKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        PhoneKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        PhoneKind.FAX: QCoreApplication.translate("Vocabulary", "Fax"),
        PhoneKind.PAGER: QCoreApplication.translate("Vocabulary", "Pager"),
        PhoneKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        EmailKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        EmailKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        EmailKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        AddressKind.WORK: QCoreApplication.translate("Vocabulary", "Work"),
        AddressKind.HOME: QCoreApplication.translate("Vocabulary", "Home"),
        AddressKind.POSTAL: QCoreApplication.translate("Vocabulary", "Postal"),
        AddressKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
        Channel.PHONE: QCoreApplication.translate("Vocabulary", "Phone"),
        Channel.MOBILE: QCoreApplication.translate("Vocabulary", "Mobile"),
        Channel.EMAIL: QCoreApplication.translate("Vocabulary", "Email"),
        Channel.WECHAT: QCoreApplication.translate("Vocabulary", "WeChat"),
        Channel.SMS: QCoreApplication.translate("Vocabulary", "SMS"),
        Channel.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        Channel.LETTER: QCoreApplication.translate("Vocabulary", "Letter"),
        ValueTier.VIP: QCoreApplication.translate("Vocabulary", "VIP"),
        ValueTier.IMPORTANT: QCoreApplication.translate("Vocabulary", "Important"),
        ValueTier.ORDINARY: QCoreApplication.translate("Vocabulary", "Ordinary"),
        LoyaltyStage.PROSPECT: QCoreApplication.translate("Vocabulary", "Prospect"),
        LoyaltyStage.NEW: QCoreApplication.translate("Vocabulary", "New customer"),
        LoyaltyStage.REGULAR: QCoreApplication.translate("Vocabulary", "Regular"),
        LoyaltyStage.LONG_STANDING: QCoreApplication.translate("Vocabulary", "Long-standing"),
        LoyaltyStage.LOYAL: QCoreApplication.translate("Vocabulary", "Loyal"),
        LifecyclePhase.ACQUISITION: QCoreApplication.translate("Vocabulary", "Acquisition"),
        LifecyclePhase.GROWTH: QCoreApplication.translate("Vocabulary", "Growth"),
        LifecyclePhase.RETENTION: QCoreApplication.translate("Vocabulary", "Retention"),
        LifecyclePhase.DECLINE: QCoreApplication.translate("Vocabulary", "Decline"),
        LifecyclePhase.LOST: QCoreApplication.translate("Vocabulary", "Lost"),
        AccountKind.ORGANISATION: QCoreApplication.translate("Vocabulary", "Organisation"),
        AccountKind.INDIVIDUAL: QCoreApplication.translate("Vocabulary", "Individual"),
        ActivityKind.CALL: QCoreApplication.translate("Vocabulary", "Call"),
        ActivityKind.VISIT: QCoreApplication.translate("Vocabulary", "Visit"),
        ActivityKind.MEETING: QCoreApplication.translate("Vocabulary", "Meeting"),
        ActivityKind.EMAIL: QCoreApplication.translate("Vocabulary", "Email"),
        ActivityKind.MESSAGE: QCoreApplication.translate("Vocabulary", "Message"),
        ActivityKind.NOTE: QCoreApplication.translate("Vocabulary", "Note"),
        ActivityKind.TASK: QCoreApplication.translate("Vocabulary", "Task"),
        EventKind.OTHER: QCoreApplication.translate("Vocabulary", "Other"),
    }
    # Members of different enums with the same value ("work") are one key: their words agree.
    return texts.get(value, str(value).replace("_", " ").capitalize())


# --------------------------------------------------------------------------------------------
# Inline errors


class ErrorLabel(QLabel):
    """Red text under a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("field_error")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setStyleSheet(f"color: {ERROR_COLOR};")
        self.hide()

    def show_message(self, message: str) -> None:
        self.show_messages([message])

    def show_messages(self, messages: Sequence[str]) -> None:
        text = "\n".join(messages)
        if text != self.text():
            self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Outline a field in red (the form's style sheet keys on the `invalid` property)."""
    if not shiboken6.isValid(widget) or bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


INVALID_STYLE = (
    f'QLineEdit[invalid="true"], QDateEdit[invalid="true"], QComboBox[invalid="true"] '
    f"{{ border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 2px 3px; }}"
)

ErrorTarget = tuple[QWidget, ErrorLabel]


class InlineErrors:
    """Which widget and error label show the FieldErrors named `family_name`, `phones.0` …"""

    def __init__(self) -> None:
        self._fields: dict[str, ErrorTarget] = {}
        self._lists: dict[str, PointList] = {}
        self._shown: list[ErrorTarget] = []
        self.current: list[FieldError] = []

    def add_field(self, field: str, widget: QWidget, label: ErrorLabel) -> None:
        self._fields[field] = (widget, label)

    def add_list(self, prefix: str, editor: PointList) -> None:
        self._lists[prefix] = editor

    def target(self, field: str) -> ErrorTarget | None:
        if field in self._fields:
            return self._fields[field]
        prefix, _, index = field.partition(".")
        if prefix in self._lists and index.isdigit():
            return self._lists[prefix].error_target(int(index))
        return None

    def clear(self) -> None:
        self.show([])

    def show(self, errors: Sequence[FieldError]) -> tuple[QWidget | None, list[FieldError]]:
        """Show each error at its field; returns the first field in error and those not placed.

        Only what changed is touched, so re-checking on every keystroke does not flicker.
        """
        messages: dict[ErrorTarget, list[str]] = {}
        first, unplaced = None, []
        for error in errors:
            target = self.target(error.field)
            if target is None:
                unplaced.append(error)
                continue
            messages.setdefault(target, []).append(translated_error(error.message))
            first = first or target[0]
        for widget, label in self._shown:
            if (widget, label) not in messages:
                if shiboken6.isValid(label):
                    label.clear_message()
                mark_invalid(widget, False)
        for (widget, label), texts in messages.items():
            label.show_messages(texts)
            mark_invalid(widget, True)
        self._shown = list(messages)
        self.current = list(errors)
        return first, unplaced


def translated_error(message: str) -> str:
    """Service messages are English texts marked with `crmdesk.core.texts.translatable`; their
    translations live in the catalogue's Validation context."""
    return translated("Validation", message)


# --------------------------------------------------------------------------------------------
# Small inputs


_Kind = TypeVar("_Kind", bound=StrEnum)
_Point = TypeVar("_Point")  # a phone, email or address record
_State = TypeVar("_State")  # what a form reads to fill itself
_Draft = TypeVar("_Draft")  # what a form saves


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


class Banner(QFrame):
    """A non-blocking message across the top of a form, with an optional Reload button."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reload_button = QPushButton(QCoreApplication.translate("Banner", "Reload"), self)
        self.reload_button.clicked.connect(self.reload_requested)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("Banner", "Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, *, reload: bool, kind: str = "warning") -> None:
        colors = {
            "warning": ("#fff4ce", "#c29c00"),
            "error": ("#fde7e9", ERROR_COLOR),
            "info": ("#e8f1fb", "#5b8fc7"),
        }[kind]
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#banner {{ background: {colors[0]}; border: 1px solid {colors[1]};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: #202020; }}"
        )
        self.label.setText(text)
        self.reload_button.setVisible(reload)
        self.show()

    def dismiss(self) -> None:
        self.kind = ""
        self.hide()


# --------------------------------------------------------------------------------------------
# Typed lists: phones, emails, addresses


def _kind_width(combo: QComboBox) -> int:
    """One width for every kind combo (phones, emails, addresses), so the rows line up."""
    metrics = combo.fontMetrics()
    words = [enum_text(v) for kinds in (PhoneKind, EmailKind, AddressKind) for v in kinds]
    return max(metrics.horizontalAdvance(w) for w in words) + 4 * metrics.averageCharWidth() + 16


class PointRow(QWidget, Generic[_Point]):
    """One phone, email or address: kind, value, primary, remove; an error label under it."""

    changed = Signal()
    field_left = Signal()
    remove_requested = Signal(object)

    kind_enum: type[StrEnum] = PhoneKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = KindCombo(self.kind_enum, self)
        self.kind.setMinimumWidth(_kind_width(self.kind))
        self.primary = QRadioButton(QCoreApplication.translate("PointRow", "Primary"), self)
        self.remove = QToolButton(self)
        self.remove.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.remove.setAutoRaise(True)
        self.error = ErrorLabel(self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(6)
        self.grid.setVerticalSpacing(2)
        self.kind.currentIndexChanged.connect(self.changed)
        self.primary.toggled.connect(self.changed)
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))

    def _watch(self, edit: QLineEdit) -> None:
        edit.textChanged.connect(self.changed)
        edit.editingFinished.connect(self.field_left)

    def error_widget(self) -> QWidget:
        raise NotImplementedError

    def focus_chain(self) -> list[QWidget]:
        """The row's inputs in Tab order."""
        return [self.kind, self.error_widget(), self.primary, self.remove]

    def record(self) -> _Point:
        raise NotImplementedError

    def set_record(self, record: _Point) -> None:
        raise NotImplementedError


class PhoneRow(PointRow[PhoneRecord]):
    kind_enum = PhoneKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(QCoreApplication.translate("PhoneRow", "Phone number"))
        self.number.setMinimumWidth(FIELD_MIN_WIDTH)
        self.remove.setToolTip(QCoreApplication.translate("PhoneRow", "Remove this phone"))
        self.remove.setAccessibleName(self.remove.toolTip())
        self._watch(self.number)
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.number, 0, 1)
        self.grid.addWidget(self.primary, 0, 2)
        self.grid.addWidget(self.remove, 0, 3)
        self.grid.addWidget(self.error, 1, 1, 1, 3)
        self.grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.number)

    def error_widget(self) -> QWidget:
        return self.number

    def record(self) -> PhoneRecord:
        return PhoneRecord(
            self.number.text(), PhoneKind(self.kind.chosen()), self.primary.isChecked()
        )

    def set_record(self, record: PhoneRecord) -> None:
        self.number.setText(record.number)
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)


class EmailRow(PointRow[EmailRecord]):
    kind_enum = EmailKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.address = QLineEdit(self)
        self.address.setPlaceholderText(QCoreApplication.translate("EmailRow", "name@example.com"))
        self.address.setMinimumWidth(FIELD_MIN_WIDTH)
        self.remove.setToolTip(QCoreApplication.translate("EmailRow", "Remove this email"))
        self.remove.setAccessibleName(self.remove.toolTip())
        self._watch(self.address)
        self.grid.addWidget(self.kind, 0, 0)
        self.grid.addWidget(self.address, 0, 1)
        self.grid.addWidget(self.primary, 0, 2)
        self.grid.addWidget(self.remove, 0, 3)
        self.grid.addWidget(self.error, 1, 1, 1, 3)
        self.grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.address)

    def error_widget(self) -> QWidget:
        return self.address

    def record(self) -> EmailRecord:
        return EmailRecord(
            self.address.text(), EmailKind(self.kind.chosen()), self.primary.isChecked()
        )

    def set_record(self, record: EmailRecord) -> None:
        self.address.setText(record.address)
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)


class AddressRow(PointRow[AddressRecord]):
    """The seven parts of a postal address, each with a small label; kind, primary, remove."""

    kind_enum = AddressKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remove.setToolTip(QCoreApplication.translate("AddressRow", "Remove this address"))
        self.remove.setAccessibleName(self.remove.toolTip())
        self.parts: dict[str, QLineEdit] = {}
        self._label = ""
        captions = address_part_captions()
        for part, caption in captions.items():
            edit = QLineEdit(self)
            edit.setAccessibleName(caption)
            self._watch(edit)
            self.parts[part] = edit
        p = self.parts
        p["street"].setMinimumWidth(FIELD_MIN_WIDTH)
        p["street"].setPlaceholderText(captions["street"])
        g = self.grid
        g.addWidget(self.kind, 0, 0)
        g.addWidget(p["street"], 0, 1, 1, 3)
        g.addWidget(self.primary, 0, 4)
        g.addWidget(self.remove, 0, 5)
        layout = (
            ("extended", 1, 0),
            ("po_box", 1, 2),
            ("city", 2, 0),
            ("region", 2, 2),
            ("postal_code", 3, 0),
            ("country", 3, 2),
        )
        for part, row, column in layout:
            label = QLabel(captions[part], self)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            label.setBuddy(p[part])
            g.addWidget(label, row, column)
            g.addWidget(p[part], row, column + 1)
        g.addWidget(self.error, 4, 1, 1, 5)
        g.setColumnStretch(1, 3)
        g.setColumnStretch(3, 2)
        self.setFocusProxy(p["street"])

    def error_widget(self) -> QWidget:
        return self.parts["street"]

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, *self.parts.values(), self.primary, self.remove]

    def record(self) -> AddressRecord:
        return AddressRecord(
            **{part: edit.text() for part, edit in self.parts.items()},
            kind=AddressKind(self.kind.chosen()),
            label=self._label,
            primary=self.primary.isChecked(),
        )

    def set_record(self, record: AddressRecord) -> None:
        for part, edit in self.parts.items():
            edit.setText(getattr(record, part))
        self._label = record.label
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)


class ContactPointList(QWidget, Generic[_Point]):
    """Rows of one kind (phones, emails or addresses) with Add and per-row Remove.

    Row N shows the FieldError named `<prefix>.N`; `field_left` carries that name when the user
    leaves a row's input, so the form can check it right away.
    """

    changed = Signal()
    field_left = Signal(str)
    rows_changed = Signal()  # rows were added or removed (the form redoes its Tab order)

    def __init__(
        self,
        prefix: str,
        row_type: type[PointRow[_Point]],
        add_text: str,
        new_record: Callable[[], _Point],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix, self._row_type, self._new_record = prefix, row_type, new_record
        self._rows: list[PointRow[_Point]] = []
        self._bulk = False
        self._primary_group = QButtonGroup(self)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(6 if row_type is not AddressRow else 12)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon))
        self.add_button.clicked.connect(self._on_add_button_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_layout)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def rows(self) -> list[PointRow[_Point]]:
        return list(self._rows)

    def records(self) -> list[_Point]:
        return [row.record() for row in self._rows]

    def set_records(self, records: Sequence[_Point]) -> None:
        for row in self._rows:
            self._drop(row)
        self._rows = []
        self._bulk = True
        try:
            for record in records:
                self.add_row(record)
        finally:
            self._bulk = False
        self.rows_changed.emit()

    def focus_chain(self) -> list[QWidget]:
        return [w for row in self._rows for w in row.focus_chain()] + [self.add_button]

    def add_row(self, record: _Point | None = None) -> PointRow[_Point]:
        row = self._row_type(self)
        if record is not None:
            row.set_record(record)
        self._primary_group.addButton(row.primary)
        row.changed.connect(self.changed)
        row.field_left.connect(lambda r=row: self._on_row_left(r))
        row.remove_requested.connect(self.remove_row)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        row.show()  # now, not on the next event-loop pass: errors may be placed on it at once
        if not self._bulk:
            self.rows_changed.emit()
        self.changed.emit()
        return row

    def remove_row(self, row: PointRow[_Point]) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._drop(row)
            self.rows_changed.emit()
            self.changed.emit()

    def _drop(self, row: PointRow[_Point]) -> None:
        self._primary_group.removeButton(row.primary)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _on_add_button_clicked(self) -> None:
        row = self.add_row(self._new_record())
        row.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_row_left(self, row: PointRow[_Point]) -> None:
        if row in self._rows:
            self.field_left.emit(f"{self.prefix}.{self._rows.index(row)}")

    def error_target(self, index: int) -> ErrorTarget | None:
        if 0 <= index < len(self._rows):
            row = self._rows[index]
            return row.error_widget(), row.error
        return None


PointList = (
    ContactPointList[PhoneRecord] | ContactPointList[EmailRecord] | ContactPointList[AddressRecord]
)


def phone_list(parent: QWidget) -> ContactPointList[PhoneRecord]:
    return ContactPointList(
        "phones",
        PhoneRow,
        QCoreApplication.translate("ContactPointList", "Add phone"),
        lambda: PhoneRecord("", PhoneKind.MOBILE),
        parent,
    )


def email_list(parent: QWidget) -> ContactPointList[EmailRecord]:
    return ContactPointList(
        "emails",
        EmailRow,
        QCoreApplication.translate("ContactPointList", "Add email"),
        lambda: EmailRecord("", EmailKind.WORK),
        parent,
    )


def address_list(parent: QWidget) -> ContactPointList[AddressRecord]:
    return ContactPointList(
        "addresses",
        AddressRow,
        QCoreApplication.translate("ContactPointList", "Add address"),
        lambda: AddressRecord(kind=AddressKind.WORK),
        parent,
    )


# --------------------------------------------------------------------------------------------
# The form shell


def focus_order(layout: QLayout) -> list[QWidget]:
    """The inputs of a layout in reading order (form rows top to bottom, boxes in order).

    Widgets made late (list rows) or moved into containers would otherwise tab in creation
    order; the form sets its Tab order from this instead.
    """
    order: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if (inner := item.layout()) is not None:
            order += focus_order(inner)
            continue
        widget = item.widget()
        if widget is None or isinstance(widget, QLabel):
            continue
        if isinstance(widget, ContactPointList | PointRow):
            order += widget.focus_chain()
        elif isinstance(widget, OptionalDateEdit):
            order += [widget.edit, widget.clear_button]
        elif widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        elif (inner := widget.layout()) is not None:
            order += focus_order(inner)
    return order


class RecordForm(QWidget, Generic[_State, _Draft]):
    """A scrolling form of sections over one record, saved through an undo command.

    Subclasses build their fields in `_build()` (with `add_section`, `add_row`, `watch`) and
    implement `_read`, `_fill`, `_collect`, `_validate`, `_command` and `_touched_by`.
    """

    saved = Signal(object)  # the record's id
    dirty_changed = Signal(bool)

    def __init__(
        self, db: Database, bus: DataBus, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self.record_id: uuid.UUID | None = None
        self._loaded: _Draft | None = None  # the draft as the database had it (None: new)
        self._baseline: _Draft | None = None  # the draft as the widgets showed it after loading
        self._filling = False
        self._saving = False
        self._was_dirty = False
        self._checked_fields: set[str] = set()
        self._show_all_errors = False
        self.errors = InlineErrors()
        self.setStyleSheet(INVALID_STYLE)

        self.banner = Banner(self)
        self.banner.reload_requested.connect(self.revert)
        # The sections sit in a column of readable width; a wide window adds space beside it.
        self.content = QWidget()
        self.column = QWidget(self.content)
        self.column.setMaximumWidth(COLUMN_MAX_WIDTH)
        self.content_layout = QVBoxLayout(self.column)
        self.content_layout.setContentsMargins(12, 12, 12, 12)
        self.content_layout.setSpacing(12)
        outer = QHBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.column, 1)
        outer.addStretch(0)
        self._captions: list[QLabel] = []
        self._line_height = max(QLineEdit().sizeHint().height(), QComboBox().sizeHint().height())
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)

        self.summary = QLabel(self)
        self.summary.setObjectName("error_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.hide()
        self.revert_button = QPushButton(QCoreApplication.translate("RecordForm", "Revert"), self)
        self.revert_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Throw away your changes")
        )
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(QCoreApplication.translate("RecordForm", "Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        shortcut = QKeySequence(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Save (%1)").replace(
                "%1", shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.save_button.clicked.connect(self.save)
        self.save_shortcut = QShortcut(shortcut, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 10)
        bar.addWidget(self.summary, 1)
        bar.addStretch(0)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(12, 8, 12, 0)
        banner_box.addWidget(self.banner)
        layout.addLayout(banner_box)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(line)
        layout.addLayout(bar)

        self._build()
        self.content_layout.addStretch(1)
        self._apply_tab_order()
        # One caption width across sections, so all fields start on the same line.
        width = max((c.sizeHint().width() for c in self._captions), default=0)
        for caption in self._captions:
            caption.setMinimumWidth(width)
        self.setMinimumWidth(520)
        bus.changed.connect(self._on_bus_changed)
        self._update_buttons()

    # -- building blocks for subclasses ---------------------------------------------------

    def add_section(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self.column)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        self.content_layout.addWidget(box)
        return form

    def add_row(
        self, form: QFormLayout, label: str, widget: QWidget, field: str | None = None
    ) -> int:
        """Add `label: widget` (with an error label under it for a field name); the row index."""
        caption = QLabel(label, self.column)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setBuddy(widget)
        self._captions.append(caption)
        if isinstance(widget, QLineEdit | QComboBox | OptionalDateEdit):
            widget.setMinimumWidth(max(widget.minimumWidth(), FIELD_MIN_WIDTH))
        # The caption is as tall as a one-line input, so it lines up with a field's first line.
        one_line = isinstance(widget, QLineEdit | QComboBox | OptionalDateEdit | QLabel)
        height = widget.sizeHint().height() if one_line else 0
        caption.setFixedHeight(max(height, self._line_height))
        if field is None:
            form.addRow(caption, widget)
            return form.rowCount() - 1
        box = QWidget(self.column)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel(box)
        column.addWidget(error)
        form.addRow(caption, box)
        target = widget.edit if isinstance(widget, OptionalDateEdit) else widget
        self.errors.add_field(field, target, error)
        return form.rowCount() - 1

    def watch(self, widget: QWidget, field: str | None = None) -> None:
        """Track edits of a field for dirtiness; with a field name, check it when left."""
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_edited)
            if field:
                widget.editingFinished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._on_edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_edited)
            if widget.isEditable():
                widget.editTextChanged.connect(self._on_edited)
                if field:
                    edit = widget.lineEdit()
                    assert edit is not None  # an editable combo has its line edit
                    edit.editingFinished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, OptionalDateEdit):
            widget.changed.connect(self._on_edited)
            if field:
                widget.editing_finished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, ContactPointList):
            widget.rows_changed.connect(self._apply_tab_order)
            widget.changed.connect(self._on_edited)
            widget.field_left.connect(self._on_field_left)
            self.errors.add_list(widget.prefix, widget)
        else:
            raise TypeError(f"cannot watch {type(widget).__name__}")

    # -- hooks -------------------------------------------------------------------------------

    def _build(self) -> None:
        raise NotImplementedError

    def _read(self, session: Session, record_id: uuid.UUID | None) -> _State:
        """Everything `_fill` needs, read in one short session (record_id None: a new record)."""
        raise NotImplementedError

    def _fill(self, state: _State) -> None:
        raise NotImplementedError

    def _loaded_draft(self, state: _State) -> _Draft | None:
        """The draft the database holds, from what `_read` returned (None for a new record)."""
        raise NotImplementedError

    def _collect(self) -> _Draft:
        raise NotImplementedError

    def _validate(self, draft: _Draft) -> list[FieldError]:
        raise NotImplementedError

    def _command(self, before: _Draft | None, after: _Draft) -> _SaveCommand:
        raise NotImplementedError

    def _touched_by(self, changes: Changes) -> bool:
        raise NotImplementedError

    def _is_deleted(self, state: _State) -> bool:
        return False

    def _deleted_text(self) -> str:
        return QCoreApplication.translate("RecordForm", "This record is in the recycle bin.")

    def _update_preview(self) -> None:
        """Hook for live previews that depend on several fields."""

    # -- the public API ----------------------------------------------------------------------

    def load(self, record_id: uuid.UUID | None) -> None:
        """Show a record from the database (None: a blank new one), dropping unsaved edits."""
        try:
            with self._db.reading() as session:
                state = self._read(session, record_id)
        except RecordNotFound as exc:
            self.record_id = None
            self.content.setEnabled(False)
            self.banner.show_message(errors.known_error_texts(exc)[0], reload=False, kind="error")
            return
        self.record_id = record_id
        self.content.setEnabled(True)
        self._filling = True
        try:
            self._fill(state)
        finally:
            self._filling = False
        self._loaded = copy.deepcopy(self._loaded_draft(state))
        self._baseline = self._collect()
        self._checked_fields.clear()
        self._show_all_errors = False
        self.errors.clear()
        self.summary.hide()
        if self._is_deleted(state):
            self.banner.show_message(self._deleted_text(), reload=False, kind="info")
        else:
            self.banner.dismiss()
        self._update_preview()
        self._update_buttons()
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Lay the new rows out now, so no frame is painted with the old scroll height."""
        self.content_layout.activate()
        QApplication.sendEvent(self.content, QEvent(QEvent.Type.LayoutRequest))

    def draft(self) -> _Draft:
        """The record as the form shows it now."""
        return self._collect()

    def is_dirty(self) -> bool:
        return self._baseline is not None and self._collect() != self._baseline

    def revert(self) -> None:
        self.load(self.record_id)

    def save(self) -> bool:
        """Validate, then push a save command; False (errors or a banner shown) if not saved."""
        if not self.content.isEnabled():
            return False
        draft = self._collect()
        self._show_all_errors = True
        if not self._show_errors(self._validate(draft), focus=True):
            return False
        if self.record_id is not None and not self.is_dirty():
            return True
        before = copy.deepcopy(self._loaded) if self.record_id is not None else None
        command = self._command(before, draft)
        self._saving = True
        try:
            self._undo_stack.push(command)
        except ValidationError as exc:
            self._show_errors(exc.errors, focus=True)
            return False
        except KnownError as exc:
            self.banner.show_message(
                errors.known_error_line(exc), reload=self.record_id is not None
            )
            return False
        finally:
            self._saving = False
        record_id = command.record_id
        self.load(record_id)
        self.saved.emit(record_id)
        return True

    # -- errors --------------------------------------------------------------------------------

    def _show_errors(self, errors: Sequence[FieldError], *, focus: bool = False) -> bool:
        """Show errors inline and in the summary; True when there are none."""
        first, unplaced = self.errors.show(errors)
        if not errors:
            self.summary.hide()
            return True
        if self._show_all_errors:
            n = len(errors)
            if n == 1:
                text = QCoreApplication.translate("RecordForm", "1 problem to fix before saving.")
            else:
                text = QCoreApplication.translate(
                    "RecordForm", "%n problems to fix before saving.", None, n
                )
            extra = [f"{e.field}: {translated_error(e.message)}" for e in unplaced]
            self.summary.setText(" ".join([text, *extra]))
            self.summary.show()
        if focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first)
        return False

    # Errors appear when a field is left or on Save, and disappear as soon as they are fixed:
    # typing never raises a new complaint mid-word.
    LEAVE_CHECKS: dict[str, tuple[str, ...]] = {}  # field left -> the fields it settles

    def _on_field_left(self, field: str) -> None:
        if self._filling:
            return
        self._checked_fields.update(self.LEAVE_CHECKS.get(field, (field,)))
        errors = self._validate(self._collect())
        if not self._show_all_errors:
            shown = {e.field for e in self.errors.current} | self._checked_fields
            errors = [e for e in errors if e.field in shown]
        self._show_errors(errors)

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        self._update_preview()
        if self.errors.current:
            shown = {e.field for e in self.errors.current}
            self._show_errors([e for e in self._validate(self._collect()) if e.field in shown])
        self._update_buttons()

    def _apply_tab_order(self) -> None:
        chain = [
            self.banner.reload_button,
            self.banner.close_button,
            *focus_order(self.content_layout),
            self.revert_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.revert_button.setEnabled(dirty)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _on_bus_changed(self, changes: Changes) -> None:
        if self._saving or self.record_id is None or not self._touched_by(changes):
            return
        if self.is_dirty():
            self.banner.show_message(
                QCoreApplication.translate(
                    "RecordForm",
                    "Changed elsewhere — reload to see the new version (your edits will be lost).",
                ),
                reload=True,
            )
        else:
            self.load(self.record_id)


__all__ = [
    "Banner",
    "ContactPointList",
    "ErrorLabel",
    "InlineErrors",
    "KindCombo",
    "OptionalDateEdit",
    "RecordForm",
    "TagsEdit",
    "address_list",
    "email_list",
    "enum_text",
    "mark_invalid",
    "phone_list",
]
