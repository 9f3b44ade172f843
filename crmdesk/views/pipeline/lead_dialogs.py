"""The lead editor and the Convert dialog (which shows the duplicates it found first)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.leads import LeadDraft, LeadDuplicates
from crmdesk.services.pipeline import StageRow
from crmdesk.views.pipeline.board import stage_name
from crmdesk.views.pipeline.editor import decimal_of
from crmdesk.views.shell.screen_fit import fit_to_screen


class LeadEditor(QDialog):
    """One lead's fields; `draft()` is what Save writes (None when the amount does not read)."""

    def __init__(self, draft: LeadDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lead") if draft.id else self.tr("New lead"))
        self._id = draft.id
        self.edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        labels = {
            "family_name": self.tr("Family name"), "given_name": self.tr("Given name"),
            "company": self.tr("Company"), "title": self.tr("Title"), "phone": self.tr("Phone"),
            "email": self.tr("Email"), "city": self.tr("City"), "source": self.tr("Source"),
            "campaign": self.tr("Campaign"), "owner": self.tr("Owner"),
        }  # fmt: skip
        for name, label in labels.items():
            edit = QLineEdit(str(getattr(draft, name)), self)
            self.edits[name] = edit
            form.addRow(label, edit)
        self.amount = QLineEdit(f"{draft.estimated_amount:.2f}", self)
        form.addRow(self.tr("Estimated amount"), self.amount)
        self.notes = QPlainTextEdit(draft.notes, self)
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(460, 520))

    def draft(self) -> LeadDraft | None:
        amount = decimal_of(self.amount.text())
        if amount is None:
            return None
        values = {name: edit.text().strip() for name, edit in self.edits.items()}
        return LeadDraft(**values, estimated_amount=amount, notes=self.notes.toPlainText(),
                         id=self._id)  # fmt: skip


class ConvertDialog(QDialog):
    """Convert a lead: link the contact and account it may already be, or make new ones, and
    (optionally) open a deal. What the duplicate check found is chosen by default."""

    def __init__(
        self,
        lead_name: str,
        found: LeadDuplicates,
        stages: list[StageRow],
        amount: Decimal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Convert lead"))
        intro = QLabel(
            self.tr("Convert %1 into a customer. The lead is kept, marked converted.").replace(
                "%1", lead_name
            ),
            self,
        )
        intro.setWordWrap(True)
        self.contact = QComboBox(self)
        self.contact.addItem(self.tr("Create a new contact"), None)
        for contact_id, name, score in found.contacts:
            words = self.tr("Link to %1 (match %2)").replace("%1", name).replace("%2", str(score))
            self.contact.addItem(words, contact_id)
        self.account = QComboBox(self)
        self.account.addItem(self.tr("Create a new account"), None)
        for account_id, name in found.accounts:
            self.account.addItem(self.tr("Link to %1").replace("%1", name), account_id)
        for combo in (self.contact, self.account):  # a duplicate found is the likely choice
            combo.setCurrentIndex(1 if combo.count() > 1 else 0)
        self.duplicates = QLabel(self)
        self.duplicates.setWordWrap(True)
        n = len(found.contacts) + len(found.accounts)
        self.duplicates.setText(
            self.tr("%n possible duplicate(s) found among contacts and accounts.", "", n)
            if n
            else self.tr("No matching contact or account was found.")
        )
        self.make_deal = QCheckBox(self.tr("Create an opportunity"), self)
        self.make_deal.setChecked(True)
        self.deal_name = QLineEdit(lead_name, self)
        self.amount = QLineEdit(f"{amount:.2f}", self)
        self.stage = QComboBox(self)
        for s in stages:
            if s.is_open:
                self.stage.addItem(stage_name(s.name), s.id)
        form = QFormLayout()
        form.addRow(self.tr("Contact"), self.contact)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.make_deal)
        form.addRow(self.tr("Opportunity"), self.deal_name)
        form.addRow(self.tr("Amount"), self.amount)
        form.addRow(self.tr("Stage"), self.stage)
        self.make_deal.toggled.connect(self._on_make_deal_toggled)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Convert"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.duplicates)
        layout.addLayout(form)
        layout.addWidget(buttons)
        fit_to_screen(self, QSize(480, 360))

    def _on_make_deal_toggled(self, on: bool) -> None:
        for widget in (self.deal_name, self.amount, self.stage):
            widget.setEnabled(on)

    def contact_id(self) -> uuid.UUID | None:
        return self.contact.currentData()

    def account_id(self) -> uuid.UUID | None:
        return self.account.currentData()

    def stage_id(self) -> uuid.UUID | None:
        return self.stage.currentData()

    def deal_amount(self) -> Decimal | None:
        return decimal_of(self.amount.text())
