"""Choosing a combo box item by its data's value: QComboBox.findData compares a Python object
by identity, so a UUID read in another query (equal, not the same object) is not found."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def find_value(combo: QComboBox, value: object) -> int:
    """The index of the item whose data equals `value`, else -1."""
    return next((i for i in range(combo.count()) if combo.itemData(i) == value), -1)


def choose_value(combo: QComboBox, value: object) -> None:
    """Select the item whose data equals `value` (the first item when none does)."""
    combo.setCurrentIndex(max(0, find_value(combo, value)))
