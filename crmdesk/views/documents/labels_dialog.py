"""Mailing labels: the sheet (stock), the first free position, outlines, a preview, then save.

The preview is the very PDF that Save writes, shown with QtPdf, so what the user checks is
what prints. It is made off the GUI thread (10,000 labels take a second); saving copies the
previewed file into place atomically, or writes it anew when the choices have changed.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, QTimer
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from crmdesk.export.atomic import write_atomically
from crmdesk.export.label_stock import LabelStock, all_stocks, search_stocks
from crmdesk.models.enums import AddressKind
from crmdesk.services.mailing import Selection, print_labels
from crmdesk.store.db import Database
from crmdesk.views.shell.background import BackgroundWork
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.tasks import Task

DEFAULT_STOCK = "Avery L7160"


class LabelsDialog(QDialog):
    """Labels for the contacts chosen in the Contacts pane (its selection, else its filter)."""

    def __init__(self, db: Database, selection: Selection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mailing labels"))
        self._db, self._selection = db, selection
        self._stocks = all_stocks()
        self._folder = tempfile.TemporaryDirectory(prefix="crmdesk-labels-")
        self.preview_path = Path(self._folder.name) / "preview.pdf"
        self._previewed: tuple[Any, ...] | None = None
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search sheets: Avery, L7160, 70 x 37 …"))
        self.stock = QComboBox(self)
        self.start = QSpinBox(self)
        self.start.setRange(1, 1)
        self.outline = QCheckBox(self.tr("Draw outlines (for a test print on plain paper)"), self)
        self.address = QComboBox(self)
        for kind, text in ((AddressKind.POSTAL, self.tr("Postal address")),
                           (AddressKind.WORK, self.tr("Work address")),
                           (AddressKind.HOME, self.tr("Home address")),
                           (None, self.tr("Any address"))):  # fmt: skip
            self.address.addItem(text, kind)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.work = BackgroundWork(self.progress, self.message, self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        role = QDialogButtonBox.ButtonRole
        self.save_button = self.buttons.addButton(self.tr("Save…"), role.AcceptRole)
        self.save_button.clicked.connect(self._on_save)
        self.buttons.rejected.connect(self._on_cancel)
        self._layout()
        self._later = QTimer(self, singleShot=True, interval=300)
        self._later.timeout.connect(self.refresh)
        self._fill_stocks("")
        self.search.textChanged.connect(self._fill_stocks)
        for signal in (self.stock.currentIndexChanged, self.start.valueChanged,
                       self.outline.toggled, self.address.currentIndexChanged):  # fmt: skip
            signal.connect(self._later.start)
        self.stock.currentIndexChanged.connect(self._on_stock_changed)
        self._on_stock_changed()
        self.saved: Path | None = None

    def _layout(self) -> None:
        form = QFormLayout()
        sheet = QHBoxLayout()
        sheet.addWidget(self.search, 1)
        sheet.addWidget(self.stock, 2)
        form.addRow(self.tr("Label sheet"), sheet)
        form.addRow(self.tr("Start at label"), self.start)
        form.addRow(self.tr("Address"), self.address)
        form.addRow("", self.outline)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.progress)
        layout.addWidget(self.buttons)
        fit_to_screen(self, QSize(820, 720))

    def _fill_stocks(self, text: str) -> None:
        current = self.stock.currentData()
        self.stock.blockSignals(True)
        self.stock.clear()
        for stock in search_stocks(text, self._stocks)[:500]:
            self.stock.addItem(f"{stock.name} — {stock.description}", stock)
        wanted = current.name if current else DEFAULT_STOCK
        index = next((i for i in range(self.stock.count())
                      if self.stock.itemData(i).name == wanted), 0)  # fmt: skip
        self.stock.setCurrentIndex(index)
        self.stock.blockSignals(False)
        self._on_stock_changed()
        self._later.start()

    def chosen_stock(self) -> LabelStock | None:
        return self.stock.currentData()

    def _on_stock_changed(self) -> None:
        stock = self.chosen_stock()
        if stock is not None:
            self.start.setRange(1, max(stock.count, 1))

    def _choices(self) -> tuple[Any, ...]:
        stock = self.chosen_stock()
        return (stock.name if stock else None, self.start.value(), self.outline.isChecked(),
                self.address.currentData())  # fmt: skip

    def refresh(self, then: Callable[[], None] | None = None) -> Task | None:
        """Make the preview PDF off the GUI thread and show it (then call `then`)."""
        stock = self.chosen_stock()
        if stock is None:
            return None
        choices = self._choices()
        start, outline, kind = self.start.value(), self.outline.isChecked(), choices[3]
        path, selection = self.preview_path, self._selection
        self.document.close()

        def work(task: Task) -> tuple[int, int]:
            with self._db.reading() as session:
                result, skipped = print_labels(
                    session, selection, stock, path, kind=kind, start=start, outline=outline,
                    progress=task.report, cancelled=task.is_cancelled,
                )  # fmt: skip
            return result.labels, skipped

        def done(counts: tuple[int, int]) -> None:
            labels, skipped = counts
            self._previewed = choices
            self.document.load(str(path))
            text = self.tr("%n label(s)", "", labels)
            if skipped:
                text += " · " + self.tr("%n contact(s) without an address skipped", "", skipped)
            self.message.setText(text)
            if then is not None:
                then()

        return self.work.run(work, done, self.tr("Cancelled."))

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the labels"), "labels.pdf",
                                              "*.pdf")  # fmt: skip
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, target: Path) -> None:
        """Save what the preview shows (made anew first if the choices changed)."""
        if self._previewed != self._choices() or not self.preview_path.is_file():
            self._later.stop()
            self.refresh(lambda: self._write(target))
        else:
            self._write(target)

    def _write(self, target: Path) -> None:
        self.saved = write_atomically(target, self.preview_path.read_bytes())
        self.message.setText(self.tr("Saved %1.").replace("%1", str(target)))

    def _on_cancel(self) -> None:
        if not self.work.cancel():
            self.reject()

    def done(self, result: int) -> None:
        self.document.close()
        self._folder.cleanup()
        super().done(result)
