"""Tools > Settings > E-mail: the outgoing mail server; the password goes to the system keyring
(never into the data file), written only when OK saves the settings."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget
from sqlalchemy.orm import Session

from crmdesk.services import outbox
from crmdesk.services.outbox import SmtpSettings


class EmailPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.security = QComboBox(self)
        self.security.addItem(self.tr("STARTTLS"), "starttls")
        self.security.addItem(self.tr("SSL/TLS"), "ssl")
        self.security.addItem(self.tr("None (local server only)"), "none")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("kept in the system keyring"))
        self.from_address = QLineEdit(self)
        self.from_name = QLineEdit(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Server:"), self.host)
        form.addRow(self.tr("Port:"), self.port)
        form.addRow(self.tr("Security:"), self.security)
        form.addRow(self.tr("User:"), self.user)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("From address:"), self.from_address)
        form.addRow(self.tr("From name:"), self.from_name)
        self._password_changed = False
        self.password.textEdited.connect(self._on_password_edited)

    def _on_password_edited(self, _text: str) -> None:
        self._password_changed = True

    def title(self) -> str:
        return self.tr("E-mail")

    def load(self, session: Session) -> None:
        value = outbox.smtp_settings(session, env={})
        self.host.setText(value.host)
        self.port.setValue(value.port)
        self.security.setCurrentIndex(max(self.security.findData(value.security), 0))
        self.user.setText(value.user)
        self.from_address.setText(value.from_address)
        self.from_name.setText(value.from_name)

    def value(self) -> SmtpSettings:
        return SmtpSettings(
            host=self.host.text().strip(), port=self.port.value(),
            security=str(self.security.currentData()), user=self.user.text().strip(),
            from_address=self.from_address.text().strip(), from_name=self.from_name.text().strip(),
        )  # fmt: skip

    def save(self, session: Session) -> None:
        value = self.value()
        outbox.save_smtp_settings(session, value)
        if self._password_changed:
            outbox.store_password(value, self.password.text())
