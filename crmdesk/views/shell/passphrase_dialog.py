"""Asking for an encrypted database's passphrase when the window opens it: the key is held in
memory only, and kept in the system keyring only when the user ticks the box."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.shell.i18n import _tr


class PassphraseDialog(QDialog):
    """The passphrase of one file; `wrong()` says the last one did not open it."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(_tr("Encrypted Database"))
        self.setObjectName("passphraseDialog")
        layout = QVBoxLayout(self)
        intro = QLabel(_tr("%1 is encrypted. Enter its passphrase to open it.").replace(
            "%1", path.name))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.entry = QLineEdit()
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.setObjectName("passphrase")
        layout.addWidget(self.entry)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.remember = QCheckBox(_tr("Remember it in the system keyring"))
        self.remember.setToolTip(
            _tr("Anyone who can log in as you can then open the file without the passphrase.")
        )
        layout.addWidget(self.remember)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def passphrase(self) -> str:
        return self.entry.text()

    def wrong(self) -> None:
        self.problem.setText(_tr("That passphrase does not open the file. Try again."))
        self.problem.show()
        self.entry.selectAll()
        self.entry.setFocus()
