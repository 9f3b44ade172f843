"""Publishing a resolved case as a solution: the problem, cause, fix and products as the case
tells them, for the user to finish before they go into the solutions base (a case published
before opens its solution again, so it is not published twice)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from crmdesk.services.solutions import SolutionDraft
from crmdesk.views.shell.screen_fit import fit_to_screen

DIALOG_SIZE = QSize(640, 520)


def _text(parent: QWidget, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class SolutionDialog(QDialog):
    def __init__(self, draft: SolutionDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._draft = draft
        self.setWindowTitle(self.tr("Publish as solution") if draft.id is None
                            else self.tr("Edit the solution"))  # fmt: skip
        self.title = QLineEdit(draft.title, self)
        self.problem, self.cause, self.fix = _text(self, 3), _text(self, 2), _text(self, 3)
        self.problem.setPlainText(draft.problem)
        self.cause.setPlainText(draft.cause)
        self.cause.setPlaceholderText(self.tr("Why it happened"))
        self.fix.setPlainText(draft.fix)
        self.products = QLineEdit(draft.products, self)
        self.products.setPlaceholderText(self.tr("The products it concerns, e.g. RFID reader R2"))
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Problem:"), self.problem)
        form.addRow(self.tr("Cause:"), self.cause)
        form.addRow(self.tr("Fix:"), self.fix)
        form.addRow(self.tr("Products:"), self.products)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(buttons)
        fit_to_screen(self, DIALOG_SIZE)

    def draft(self) -> SolutionDraft:
        return SolutionDraft(
            self.title.text(), self.problem.toPlainText(), self.cause.toPlainText(),
            self.fix.toPlainText(), self.products.text(), self._draft.case_id, self._draft.id,
        )  # fmt: skip


__all__ = ["SolutionDialog"]
