"""Survey templates: a template's name, its scale (1-5 or 1-10) and its items (name, weight),
added, removed, moved up or down and renamed; saved through surveys.save_template as one undo
step. An item that recorded surveys answer cannot be removed (said here at once, and refused by
the service too); renaming it renames its answers."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.services import surveys
from crmdesk.services.surveys import TemplateDraft, TemplateRow
from crmdesk.store.db import Database
from crmdesk.views.shell import writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import WriteCommand

DIALOG_SIZE = QSize(640, 560)
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the stored name (a shipped item's English key)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the stored item's id (hex), "" for a new one
NAME, WEIGHT = 0, 1


class TemplateDialog(QDialog):
    """Edit the survey templates one at a time; Save writes the one shown."""

    def __init__(self, db: Database, bus: DataBus, undo: QUndoStack,
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo = db, bus, undo
        self.setWindowTitle(self.tr("Survey templates"))
        self.chooser = QComboBox(self)
        self.chooser.currentIndexChanged.connect(lambda _i: self._show(self.current()))
        self.name = QLineEdit(self)
        self.scale = QComboBox(self)
        self.scale.addItem(self.tr("1 to 5"), 5)
        self.scale.addItem(self.tr("1 to 10"), 10)
        self.recorded = QLabel(self)
        self.recorded.setWordWrap(True)
        self.items = QTableWidget(0, 2, self)
        self.items.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Weight")])
        header = self.items.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WEIGHT, QHeaderView.ResizeMode.ResizeToContents)
        self.items.verticalHeader().hide()
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.add_button = QPushButton(self.tr("Add item"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.up_button = QPushButton(self.tr("Move up"), self)
        self.down_button = QPushButton(self.tr("Move down"), self)
        self.add_button.clicked.connect(lambda: self.add_item())
        self.remove_button.clicked.connect(lambda: self.remove_item())
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.new_button = QPushButton(self.tr("New template"), self)
        self.new_button.clicked.connect(self.new_template)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("color: #c62828;")
        top = QHBoxLayout()
        top.addWidget(self.chooser, 1)
        top.addWidget(self.new_button)
        form = QFormLayout()
        form.addRow(self.tr("Template:"), top)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Scale:"), self.scale)
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.items, 1)
        middle.addLayout(side)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.recorded)
        layout.addLayout(middle, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.buttons)
        self._templates: list[TemplateRow] = []
        self._answered: dict[str, int] = {}
        fit_to_screen(self, DIALOG_SIZE)
        self.reload()

    # -- reading -------------------------------------------------------------------------------

    def reload(self, keep: uuid.UUID | None = None) -> None:
        """The stored templates (the shipped one made if there is none), `keep` shown."""
        with self._db.transaction() as session:
            surveys.ensure_default_template(session)
        with self._db.reading() as session:
            self._templates = surveys.templates(session)
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for t in self._templates:
            self.chooser.addItem(translated("SurveyItems", t.name), t.id.hex)
        self.chooser.blockSignals(False)
        index = self.chooser.findData(keep.hex) if keep is not None else 0
        self.chooser.setCurrentIndex(max(0, index))
        self._show(self.current())

    def current(self) -> TemplateRow | None:
        """The stored template shown (None: a new one being written)."""
        wanted = self.chooser.currentData()
        return next((t for t in self._templates if t.id.hex == wanted), None)

    def _show(self, template: TemplateRow | None) -> None:
        self.notice.clear()
        self.items.setRowCount(0)
        if template is None:
            self.name.clear()
            self.scale.setCurrentIndex(0)
            self._answered = {}
            self.recorded.setText(self.tr("A new template."))
            return
        self.name.setText(translated("SurveyItems", template.name))
        self.name.setProperty("key", template.name)
        self.scale.setCurrentIndex(max(0, self.scale.findData(template.scale)))
        with self._db.reading() as session:
            self._answered = surveys.answered_items(session, template.id)
        if template.surveys:
            self.recorded.setText(
                self.tr("%n survey(s) were recorded on this template: items they answer cannot "
                        "be removed, and renaming one renames its answers.", "",
                        template.surveys))  # fmt: skip
        else:
            self.recorded.setText(self.tr("No surveys were recorded on this template yet."))
        for (item, weight), item_id in zip(template.items, template.item_ids, strict=True):
            self.add_item(item, weight, item_id)
        self.items.clearSelection()

    # -- editing -------------------------------------------------------------------------------

    def new_template(self) -> None:
        self.chooser.blockSignals(True)
        self.chooser.addItem(self.tr("(new template)"), "")
        self.chooser.setCurrentIndex(self.chooser.count() - 1)
        self.chooser.blockSignals(False)
        self._show(None)
        self.add_item()
        self.name.setFocus()

    def add_item(self, key: str = "", weight: float = 1.0,
                 item_id: uuid.UUID | None = None) -> int:  # fmt: skip
        """A row for an item (a new, empty one when no key is given); its row number."""
        row = self.items.rowCount()
        self.items.insertRow(row)
        shown = translated("SurveyItems", key) if key else ""
        name = QTableWidgetItem(shown)
        name.setData(KEY_ROLE, key)
        name.setData(ID_ROLE, item_id.hex if item_id else "")
        answers = self._answered.get(key, 0) if item_id else 0
        if answers:
            name.setToolTip(self.tr("Answered in %n survey(s)", "", answers))
        self.items.setItem(row, NAME, name)
        box = QDoubleSpinBox(self.items)
        box.setRange(0.1, 100)
        box.setDecimals(1)
        box.setSingleStep(0.5)
        box.setValue(weight)
        self.items.setCellWidget(row, WEIGHT, box)
        if not key:
            self.items.setCurrentCell(row, NAME)
            self.items.editItem(name)
        return row

    def _row(self) -> int:
        return self.items.currentRow()

    def _name_item(self, row: int) -> QTableWidgetItem:
        item = self.items.item(row, NAME)
        assert item is not None
        return item

    def _weight(self, row: int) -> float:
        box = self.items.cellWidget(row, WEIGHT)
        assert isinstance(box, QDoubleSpinBox)
        return box.value()

    def remove_item(self, row: int | None = None) -> bool:
        """Remove the item (the current one); refused, with the reason, when surveys answer
        it. True when removed."""
        row = self._row() if row is None else row
        if row < 0:
            return False
        name = self._name_item(row)
        answers = self._answered.get(name.data(KEY_ROLE), 0) if name.data(ID_ROLE) else 0
        if answers:
            words = self.tr("%1 cannot be removed: %n recorded survey(s) answer it. Rename it "
                            "instead, or keep it.", "", answers)  # fmt: skip
            self.notice.setText(words.replace("%1", name.text()))
            return False
        self.notice.clear()
        self.items.removeRow(row)
        return True

    def move_item(self, step: int, row: int | None = None) -> None:
        """Move the item (the current one) up (-1) or down (+1) a row."""
        row = self._row() if row is None else row
        target = row + step
        if row < 0 or not 0 <= target < self.items.rowCount():
            return
        texts = [self._take(r) for r in (row, target)]
        for r, (name, weight) in zip((target, row), texts, strict=True):
            self.items.setItem(r, NAME, name)
            box = self.items.cellWidget(r, WEIGHT)
            assert isinstance(box, QDoubleSpinBox)
            box.setValue(weight)
        self.items.setCurrentCell(target, NAME)

    def _take(self, row: int) -> tuple[QTableWidgetItem, float]:
        item = self.items.takeItem(row, NAME)
        assert item is not None
        return item, self._weight(row)

    # -- writing -------------------------------------------------------------------------------

    def _stored_name(self, item: QTableWidgetItem) -> str:
        """What is stored: a shipped item's English key while its translated name is
        untouched, else what was typed."""
        key = str(item.data(KEY_ROLE) or "")
        typed = item.text().strip()
        return key if key and typed == translated("SurveyItems", key) else typed

    def draft(self) -> TemplateDraft:
        template = self.current()
        key = str(self.name.property("key") or "") if template is not None else ""
        typed = self.name.text().strip()
        name = key if key and typed == translated("SurveyItems", key) else typed
        items, ids = [], []
        for row in range(self.items.rowCount()):
            item = self._name_item(row)
            items.append((self._stored_name(item), self._weight(row)))
            stored = str(item.data(ID_ROLE) or "")
            ids.append(uuid.UUID(hex=stored) if stored else None)
        return TemplateDraft(name, int(self.scale.currentData()), tuple(items),
                             template.id if template is not None else None,
                             tuple(ids))  # fmt: skip

    def save(self) -> bool:
        """Write the template shown as one undo step; True when saved (it stays shown)."""
        draft = self.draft()
        saved: dict[str, uuid.UUID] = {}

        def write(session: Session) -> None:
            saved["id"] = surveys.save_template(session, draft)

        text = self.tr("Save survey template %1").replace("%1", draft.name)
        if not writes.push(self, self._undo, WriteCommand(self._db, self._bus, text, write)):
            return False
        self.reload(saved["id"])
        return True
