"""Errors shown where they are: red text under a field, a red outline, and which widget
shows the FieldError named `family_name` or `phones.0`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from crmdesk.core.errors import FieldError
from crmdesk.views.shell.i18n import translated

ERROR_COLOR = "#c62828"


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


class ErrorPlaces(Protocol):
    """A list editor whose row N shows the errors named `<prefix>.N`."""

    def error_target(self, index: int) -> ErrorTarget | None: ...


class InlineErrors:
    """Which widget and error label show the FieldErrors named `family_name`, `phones.0` …"""

    def __init__(self) -> None:
        self._fields: dict[str, ErrorTarget] = {}
        self._lists: dict[str, ErrorPlaces] = {}
        self._shown: list[ErrorTarget] = []
        self.current: list[FieldError] = []

    def add_field(self, field: str, widget: QWidget, label: ErrorLabel) -> None:
        self._fields[field] = (widget, label)

    def add_list(self, prefix: str, editor: ErrorPlaces) -> None:
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
