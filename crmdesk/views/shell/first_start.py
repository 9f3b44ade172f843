"""The first start: try crmdesk on demo data, start with an empty database, or import contacts.

Nothing is written before the user chooses; closing the dialog leaves no file behind.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from crmdesk.store.db import default_database_path
from crmdesk.views.shell.icons import application_icon
from crmdesk.views.shell.screen_fit import available_area


class StartChoice(Enum):
    DEMO = "demo"
    EMPTY = "empty"
    IMPORT = "import"


class FirstStartDialog(QDialog):
    """Three doors in: demo data (its own file), an empty database, or an import."""

    def __init__(self, demo_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: StartChoice | None = None
        self.setWindowTitle(self.tr("Welcome to crmdesk"))
        self.setWindowIcon(application_icon())
        icon = QLabel(self)
        icon.setPixmap(application_icon().pixmap(QSize(64, 64)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        intro = QLabel(
            self.tr(
                "<b>Welcome to crmdesk.</b><br>Your customers will live in one file on this "
                "computer. How would you like to begin?"
            ),
            self,
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(intro, 1)

        path = str(default_database_path())
        self.demo_button = self._door(
            self.tr("Try with demo data"),
            self.tr(
                "%Ln invented customer(s) in a separate demo file, to look around. "
                "Your own database stays untouched.",
                "",
                demo_size,
            ),
            StartChoice.DEMO,
        )
        self.empty_button = self._door(
            self.tr("Start empty"),
            self.tr("A new, empty database for your own customers:\n%1").replace("%1", path),
            StartChoice.EMPTY,
        )
        self.import_button = self._door(
            self.tr("Import contacts…"),
            self.tr("Start empty, then bring in a vCard, CSV or Excel file of contacts."),
            StartChoice.IMPORT,
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        for button in (self.demo_button, self.empty_button, self.import_button):
            layout.addWidget(button)
        layout.addWidget(buttons)
        self.demo_button.setFocus()
        self.setMinimumWidth(min(560, available_area(self).width() - 40))

    def _door(self, title: str, description: str, choice: StartChoice) -> QCommandLinkButton:
        button = QCommandLinkButton(title, description, self)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: StartChoice) -> None:
        self.choice = choice
        self.accept()


def ask_how_to_start(demo_size: int) -> StartChoice | None:
    """Show the dialog; the choice, or None when the user closed it."""
    dialog = FirstStartDialog(demo_size)
    dialog.exec()
    return dialog.choice
