"""The people on a deal and their role in it (decision maker, influencer, user)."""

from __future__ import annotations

import uuid

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.enums import ContactRole
from crmdesk.services.activities import Person
from crmdesk.views.pipeline.choices import choose_value, find_value
from crmdesk.views.shell.vocabulary import enum_text


class ContactRoles(QWidget):
    """A row a person (name, role); add one of the offered people, remove the current row."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Contact"), self.tr("Role")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.offered = QComboBox(self)
        self.offered.setMinimumContentsLength(16)
        self.add_button = QPushButton(self.tr("Add contact"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button = QPushButton(self.tr("Remove contact"), self)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        bar = QHBoxLayout()
        for widget in (self.offered, self.add_button, self.remove_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self._ids: list[uuid.UUID] = []

    def set_people(self, offered: list[Person], roles: list[tuple[uuid.UUID, ContactRole]],
                   names: dict[uuid.UUID, str]) -> None:  # fmt: skip
        """The people who may be added (the account's contacts) and those on the deal."""
        self.offered.clear()
        for person in offered:
            words = f"{person.name} · {person.title}" if person.title else person.name
            self.offered.addItem(words, person.id)
        known = {p.id: p.name for p in offered} | names
        self.table.setRowCount(0)
        self._ids = []
        for contact_id, role in roles:
            self.add(contact_id, known.get(contact_id, ""), role)

    def add(self, contact_id: uuid.UUID, name: str, role: ContactRole) -> None:
        if contact_id in self._ids:
            return
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(name))
        combo = QComboBox(self.table)
        for member in ContactRole:
            combo.addItem(enum_text(member), member)
        choose_value(combo, role)
        self.table.setCellWidget(row, 1, combo)
        self._ids.append(contact_id)

    def _on_add_clicked(self) -> None:
        contact_id = self.offered.currentData()
        if contact_id is not None:
            self.add(contact_id, self.offered.currentText().split(" · ")[0],
                     ContactRole.INFLUENCER)  # fmt: skip

    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._ids):
            self.table.removeRow(row)
            del self._ids[row]

    def role_combo(self, contact_id: uuid.UUID) -> QComboBox:
        combo = self.table.cellWidget(self._ids.index(contact_id), 1)
        assert isinstance(combo, QComboBox)
        return combo

    def offer_index(self, contact_id: uuid.UUID) -> int:
        return find_value(self.offered, contact_id)

    def roles(self) -> list[tuple[uuid.UUID, ContactRole]]:
        return [(c, ContactRole(self.role_combo(c).currentData())) for c in self._ids]
