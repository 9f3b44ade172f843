"""The post channel of a campaign: labels, envelopes and letters for the members reached by
post, through the documents wing (views/documents, services/mailing.py, services/letters.py)
with those members as the selection. Posting them is marked done in the touches list."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from crmdesk.export.address_block import Recipient
from crmdesk.export.envelopes import ENVELOPES
from crmdesk.services import company, settings, touches
from crmdesk.services.mailing import print_envelopes
from crmdesk.store.db import Database
from crmdesk.views.documents.labels_dialog import LabelsDialog
from crmdesk.views.documents.letters_dialog import LettersDialog
from crmdesk.views.shell import errors


class PostView(QWidget):
    """One row: how many members get post, Labels…, Envelopes (size) …, Letters…."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.campaign_id: uuid.UUID | None = None
        self.members: list[uuid.UUID] = []
        self.count = QLabel(self)
        self.count.setObjectName("post_count")
        self.labels_button = QPushButton(self.tr("Labels…"), self)
        self.envelopes_button = QPushButton(self.tr("Envelopes…"), self)
        self.letters_button = QPushButton(self.tr("Letters…"), self)
        self.envelope_size = QComboBox(self)
        for key, size in ENVELOPES.items():
            self.envelope_size.addItem(size.description, key)
        self.message = QLabel(self)
        self.labels_button.clicked.connect(self.open_labels)
        self.envelopes_button.clicked.connect(self._ask_envelopes)
        self.letters_button.clicked.connect(self.open_letters)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.count)
        row.addWidget(self.labels_button)
        row.addWidget(self.envelope_size)
        row.addWidget(self.envelopes_button)
        row.addWidget(self.letters_button)
        row.addWidget(self.message, 1)

    def set_campaign(self, campaign_id: uuid.UUID | None) -> None:
        self.campaign_id = campaign_id
        self.members = []
        if campaign_id is not None:
            with self._db.reading() as session:
                self.members = touches.post_members(session, campaign_id)
        self.count.setText(self.tr("By post: %n member(s)", "", len(self.members)))
        for button in (self.labels_button, self.envelopes_button, self.letters_button):
            button.setEnabled(bool(self.members))
        self.message.clear()

    @Slot()
    def open_labels(self) -> LabelsDialog:
        """The documents wing's labels dialog for the post members (preview, sheet, save)."""
        dialog = LabelsDialog(self._db, list(self.members), self)
        dialog.open()
        return dialog

    @Slot()
    def open_letters(self) -> LettersDialog:
        dialog = LettersDialog(self._db, list(self.members), self)
        dialog.open()
        return dialog

    def _ask_envelopes(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the envelopes"),
                                              "envelopes.pdf", "*.pdf")  # fmt: skip
        if path:
            self.write_envelopes(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def write_envelopes(self, path: Path) -> int:
        """One envelope per post member, our company as the sender; how many were written."""
        size = ENVELOPES[str(self.envelope_size.currentData())]
        try:
            with self._db.reading() as session:
                profile = settings.load(session, company.CompanyProfile)
                sender = Recipient(profile.name, street=profile.address,
                                   postal_code=profile.postal_code)  # fmt: skip
                result, skipped = print_envelopes(
                    session, self.members, size, path, sender=sender if profile.name else None,
                    kind=None,
                )  # fmt: skip
        except Exception as exc:  # shown to the user here, once
            errors.report(self, exc)
            return 0
        text = self.tr("%n envelope(s) written", "", result.envelopes)
        if skipped:
            text += " · " + self.tr("%n without an address", "", skipped)
        self.message.setText(text)
        return result.envelopes
