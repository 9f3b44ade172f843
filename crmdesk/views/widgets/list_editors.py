"""Typed lists of phones, emails and addresses: one row per item, Add and Remove."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models.enums import (
    AddressKind,
    EmailKind,
    PhoneKind,
)
from crmdesk.services.contact_points import format_address
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.widgets.address_words import address_part_captions
from crmdesk.views.widgets.fields import FIELD_MIN_WIDTH, KindCombo
from crmdesk.views.widgets.inline_errors import ErrorLabel, ErrorTarget


def _kind_width(combo: QComboBox) -> int:
    """One width for every kind combo (phones, emails, addresses), so the rows line up."""
    metrics = combo.fontMetrics()
    words = [enum_text(v) for kinds in (PhoneKind, EmailKind, AddressKind) for v in kinds]
    return max(metrics.horizontalAdvance(w) for w in words) + 4 * metrics.averageCharWidth() + 16


class PointRow(QWidget):
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

    def record(self) -> Any:
        raise NotImplementedError

    def set_record(self, record: Any) -> None:
        raise NotImplementedError


class PhoneRow(PointRow):
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
        return PhoneRecord(self.number.text(), self.kind.value(), self.primary.isChecked())

    def set_record(self, record: PhoneRecord) -> None:
        self.number.setText(record.number)
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)


class EmailRow(PointRow):
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
        return EmailRecord(self.address.text(), self.kind.value(), self.primary.isChecked())

    def set_record(self, record: EmailRecord) -> None:
        self.address.setText(record.address)
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)


class AddressRow(PointRow):
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
        # Primary and Remove share the street's line, not columns of their own: the parts
        # below get the width.
        first = QHBoxLayout()
        first.setSpacing(6)
        first.addWidget(p["street"], 1)
        first.addWidget(self.primary)
        first.addWidget(self.remove)
        g.addLayout(first, 0, 1, 1, 3)
        layout = (
            ("extended", 1, 0),
            ("po_box", 1, 2),
            ("city", 2, 0),
            ("region", 2, 2),
            ("postal_code", 3, 0),
            ("country", 3, 2),
        )
        for part, row, column in layout:
            caption = QLabel(captions[part], self)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            caption.setBuddy(p[part])
            g.addWidget(caption, row, column)
            g.addWidget(p[part], row, column + 1)
        # Wide enough to read a whole country or province ("United Kingdom", "Guangdong").
        wide = self.fontMetrics().horizontalAdvance("United Kingdom") + 14
        for part in ("extended", "po_box", "city", "region", "postal_code", "country"):
            p[part].setMinimumWidth(wide)
        self.preview = QLabel(self)
        self.preview.setObjectName("address_preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setEnabled(False)
        self.changed.connect(self._update_preview)
        g.addWidget(self.preview, 4, 1, 1, 3)
        g.addWidget(self.error, 5, 1, 1, 3)
        g.setColumnStretch(1, 1)
        g.setColumnStretch(3, 1)
        self.setFocusProxy(p["street"])

    def _update_preview(self) -> None:
        """The address on one line as lists and letters show it (Chinese order for Chinese)."""
        text = format_address(self.record())
        self.preview.setText(text)
        self.preview.setVisible(bool(text))

    def error_widget(self) -> QWidget:
        return self.parts["street"]

    def focus_chain(self) -> list[QWidget]:
        return [self.kind, *self.parts.values(), self.primary, self.remove]

    def record(self) -> AddressRecord:
        return AddressRecord(
            **{part: edit.text() for part, edit in self.parts.items()},
            kind=self.kind.value(),
            label=self._label,
            primary=self.primary.isChecked(),
        )

    def set_record(self, record: AddressRecord) -> None:
        for part, edit in self.parts.items():
            edit.setText(getattr(record, part))
        self._label = record.label
        self.kind.set_value(record.kind)
        self.primary.setChecked(record.primary)
        self._update_preview()


class ContactPointList(QWidget):
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
        row_type: type[PointRow],
        add_text: str,
        new_record: Callable[[], Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.prefix, self._row_type, self._new_record = prefix, row_type, new_record
        self._rows: list[PointRow] = []
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

    def rows(self) -> list[PointRow]:
        return list(self._rows)

    def records(self) -> list[Any]:
        return [row.record() for row in self._rows]

    def set_records(self, records: Sequence[Any]) -> None:
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

    def add_row(self, record: Any = None) -> PointRow:
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

    def remove_row(self, row: PointRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._drop(row)
            self.rows_changed.emit()
            self.changed.emit()

    def _drop(self, row: PointRow) -> None:
        self._primary_group.removeButton(row.primary)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _on_add_button_clicked(self) -> None:
        row = self.add_row(self._new_record())
        row.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_row_left(self, row: PointRow) -> None:
        if row in self._rows:
            self.field_left.emit(f"{self.prefix}.{self._rows.index(row)}")

    def error_target(self, index: int) -> ErrorTarget | None:
        if 0 <= index < len(self._rows):
            row = self._rows[index]
            return row.error_widget(), row.error
        return None


def phone_list(parent: QWidget) -> ContactPointList:
    return ContactPointList(
        "phones",
        PhoneRow,
        QCoreApplication.translate("ContactPointList", "Add phone"),
        lambda: PhoneRecord("", PhoneKind.MOBILE),
        parent,
    )


def email_list(parent: QWidget) -> ContactPointList:
    return ContactPointList(
        "emails",
        EmailRow,
        QCoreApplication.translate("ContactPointList", "Add email"),
        lambda: EmailRecord("", EmailKind.WORK),
        parent,
    )


def address_list(parent: QWidget) -> ContactPointList:
    return ContactPointList(
        "addresses",
        AddressRow,
        QCoreApplication.translate("ContactPointList", "Add address"),
        lambda: AddressRecord(kind=AddressKind.WORK),
        parent,
    )
