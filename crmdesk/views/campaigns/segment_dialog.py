"""The segment builder: criteria in rows, combined with AND or OR, and a live count of the
contacts they select, without any SQL."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, QTimer, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.models.enums import Channel, LoyaltyStage, ValueTier
from crmdesk.services import segments
from crmdesk.services.segments import Group, Rule, SegmentDraft, SegmentInfo
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell import errors
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.widgets.fields import KindCombo

COUNT_DELAY_MS = 250
ENUMS: dict[str, Any] = {"tier": ValueTier, "loyalty": LoyaltyStage, "channel": Channel}
NUMBERS = ("birthday_within", "no_order_days")
FLAGS = ("open_opportunity", "open_case")


def field_words() -> dict[str, str]:
    """Each criterion as the builder names it."""
    return {
        "tier": _tr("Value tier"), "loyalty": _tr("Loyalty stage"), "tag": _tr("Tag"),
        "city": _tr("City"), "region": _tr("Region"), "owner": _tr("Owner"),
        "birthday_within": _tr("Birthday within (days)"),
        "bought": _tr("Bought product (code)"), "no_order_days": _tr("No order for (days)"),
        "open_opportunity": _tr("Has an open opportunity"), "open_case": _tr("Has an open case"),
        "channel": _tr("Preferred channel"), "text": _tr("Text search"),
        "rfm_cell": _tr("RFM cell"), "rfm_segment": _tr("RFM segment"),
    }  # fmt: skip


class SegmentDialog(QDialog):
    """New or edited segment; OK saves it as one undoable step."""

    def __init__(
        self, writer: Undoable, parent: QWidget | None = None, segment: SegmentInfo | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._writer, self._segment = writer.db, writer, segment
        self.saved_id = segment.id if segment else None
        self.setWindowTitle(self.tr("Segment"))
        self.name = QLineEdit(segment.name if segment else "", self)
        self.description = QLineEdit(segment.description if segment else "", self)
        self.match = QComboBox(self)
        self.match.addItem(self.tr("All of these (AND)"), segments.MATCH_ALL)
        self.match.addItem(self.tr("Any of these (OR)"), segments.MATCH_ANY)
        self.rules = QTableWidget(0, 2, self)
        self.rules.setHorizontalHeaderLabels([self.tr("Criterion"), self.tr("Value")])
        self.rules.horizontalHeader().setStretchLastSection(True)
        self.rules.setColumnWidth(0, 240)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("segment_count")
        add = QPushButton(self.tr("Add criterion"), self)
        remove = QPushButton(self.tr("Remove criterion"), self)
        add.clicked.connect(lambda: self.add_rule())
        remove.clicked.connect(self._remove_rule)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COUNT_DELAY_MS)
        self._timer.timeout.connect(self.update_count)
        self.match.currentIndexChanged.connect(self._timer.start)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Description:"), self.description)
        form.addRow(self.tr("Match:"), self.match)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.rules, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        if segment is not None:
            self.match.setCurrentIndex(max(self.match.findData(segment.criteria.match), 0))
            for rule in segments.rules_of(segment.criteria):
                self.add_rule(rule.field, rule.value)
        else:
            self.add_rule()
        fit_to_screen(self, QSize(640, 460))
        self.update_count()

    # -- rows ------------------------------------------------------------------------------------

    def add_rule(self, field: str = "tier", value: Any = None) -> None:
        row = self.rules.rowCount()
        self.rules.insertRow(row)
        choice = QComboBox(self.rules)
        for key, word in field_words().items():
            choice.addItem(word, key)
        choice.setCurrentIndex(max(choice.findData(field), 0))
        choice.currentIndexChanged.connect(lambda _i, c=choice: self._field_changed(c))
        self.rules.setCellWidget(row, 0, choice)
        self._set_value_editor(row, field, value)
        self._timer.start()

    def _field_changed(self, choice: QComboBox) -> None:
        for row in range(self.rules.rowCount()):
            if self.rules.cellWidget(row, 0) is choice:
                self._set_value_editor(row, str(choice.currentData()), None)
        self._timer.start()

    def _set_value_editor(self, row: int, field: str, value: Any) -> None:
        editor: QWidget
        if field in ENUMS:
            combo: KindCombo[Any] = KindCombo(ENUMS[field], self.rules)
            first = value[0] if isinstance(value, tuple) and value else value
            if first:
                combo.set_value(ENUMS[field](first))
            combo.currentIndexChanged.connect(self._timer.start)
            editor = combo
        elif field in FLAGS:
            flag = QComboBox(self.rules)
            flag.addItem(self.tr("Yes"), True)
            flag.addItem(self.tr("No"), False)
            flag.setCurrentIndex(1 if value is False else 0)
            flag.currentIndexChanged.connect(self._timer.start)
            editor = flag
        else:
            if field == "bought":
                value = dict(value).get("product", "") if isinstance(value, tuple) else value
            if isinstance(value, tuple):
                value = ", ".join(str(v) for v in value)
            line = QLineEdit("" if value is None else str(value), self.rules)
            if field in NUMBERS:
                line.setPlaceholderText(self.tr("a number of days, e.g. 30"))
            line.textChanged.connect(self._timer.start)
            editor = line
        self.rules.setCellWidget(row, 1, editor)

    @Slot()
    def _remove_rule(self) -> None:
        row = self.rules.currentRow()
        self.rules.removeRow(row if row >= 0 else self.rules.rowCount() - 1)
        self._timer.start()

    # -- the tree --------------------------------------------------------------------------------

    def criteria(self) -> Group:
        """The rows as a criteria tree (a KnownError for a value the criterion cannot take)."""
        rules = []
        for row in range(self.rules.rowCount()):
            field = str(self.rules.cellWidget(row, 0).currentData())  # type: ignore[attr-defined]
            editor = self.rules.cellWidget(row, 1)
            if isinstance(editor, KindCombo):
                value: Any = str(editor.chosen())
            elif isinstance(editor, QComboBox):
                value = bool(editor.currentData())
            else:
                assert isinstance(editor, QLineEdit)
                text = editor.text().strip()
                if field in NUMBERS:
                    if not text.isdigit():
                        raise KnownError(self.tr("Enter a number of days."))
                    value = int(text)
                elif field == "bought":
                    value = {"product": text} if text else {}
                else:
                    parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
                    if not parts:
                        continue
                    value = parts[0] if len(parts) == 1 else parts
            rules.append(Rule(field, value))
        return Group(str(self.match.currentData()), tuple(rules))

    @Slot()
    def update_count(self) -> None:
        """How many contacts the rows select now: one COUNT query."""
        try:
            tree = self.criteria()
            with self._db.reading() as session:
                found = segments.count(session, tree)
        except KnownError as error:
            self.count_label.setText(errors.known_error_line(error))
            return
        self.count_label.setText(self.tr("%n contact(s)", "", found))

    def accept(self) -> None:
        try:
            tree = self.criteria()
        except KnownError as error:
            errors.report(self, error)
            return
        draft = SegmentDraft(self.name.text(), tree, self.description.text(), self.saved_id)
        name = draft.name.strip()
        text = (self.tr("Edit segment %1") if self._segment else self.tr("New segment %1"))
        written = self._writer.push(
            self, text.replace("%1", name), lambda s: segments.save_segment(s, draft)
        )
        if written is not None:
            self.saved_id = written.value
            super().accept()
