"""Tools > Settings: one dialog, one tab per wing; every page saves in one transaction.

A wing adds a page class (a QWidget with `title`, `load` and `save`) to the list the main window
hands over; the dialog knows none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.services import settings
from crmdesk.services.company import CompanyProfile
from crmdesk.store.db import Database
from crmdesk.views.shell import errors


class SettingsPage(Protocol):
    """What a settings tab offers the dialog."""

    def title(self) -> str: ...

    def load(self, session: Session) -> None: ...

    def save(self, session: Session) -> None:
        """Write the page's values; raise KnownError to refuse them (nothing is written)."""


PageFactory = Callable[[QWidget], QWidget]


class SettingsDialog(QDialog):
    """The pages in tabs; OK saves them all together or none."""

    def __init__(self, db: Database, pages: Sequence[PageFactory], parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(self)
        self.pages: list[QWidget] = [factory(self) for factory in pages]
        with db.reading() as session:
            for page in self.pages:
                page.load(session)  # type: ignore[attr-defined]
                self.tabs.addTab(page, page.title())  # type: ignore[attr-defined]
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            with self.db.transaction() as session:
                for page in self.pages:
                    page.save(session)  # type: ignore[attr-defined]
        except Exception as error:  # shown once; the dialog stays open
            errors.report(self, error)
            return
        super().accept()


class CompanyPage(QWidget):
    """Our company: the seller on contracts and quotes, the sender on letters and envelopes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(self)
        self.address = QPlainTextEdit(self)
        self.address.setMaximumHeight(64)
        self.postal_code = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.email = QLineEdit(self)
        self.tax_id = QLineEdit(self)
        self.bank = QLineEdit(self)
        self.bank_account = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Company name:"), self.name)
        form.addRow(self.tr("Address:"), self.address)
        form.addRow(self.tr("Postal code:"), self.postal_code)
        form.addRow(self.tr("Phone:"), self.phone)
        form.addRow(self.tr("E-mail:"), self.email)
        form.addRow(self.tr("Tax ID:"), self.tax_id)
        form.addRow(self.tr("Bank:"), self.bank)
        form.addRow(self.tr("Bank account:"), self.bank_account)

    def title(self) -> str:
        return self.tr("Our company")

    def load(self, session: Session) -> None:
        profile = settings.load(session, CompanyProfile)
        for name in ("name", "postal_code", "phone", "email", "tax_id", "bank", "bank_account"):
            getattr(self, name).setText(getattr(profile, name))
        self.address.setPlainText(profile.address)

    def save(self, session: Session) -> None:
        values = {
            name: getattr(self, name).text().strip()
            for name in ("name", "postal_code", "phone", "email", "tax_id", "bank", "bank_account")
        }
        settings.save(session, CompanyProfile(address=self.address.toPlainText().strip(), **values))

