"""The segment builder: criteria in rows, combined with AND or OR, and a live count of the
contacts they select, without any SQL. Each row says what it selects in words (its tip), and
a segment's rules so described are the tip of its entry in the Segments list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QSize, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import fill
from crmdesk.models.enums import Channel, LoyaltyStage, ValueTier
from crmdesk.services import products, segments
from crmdesk.services.segments import Group, Rule, SegmentDraft, SegmentInfo
from crmdesk.views.campaigns.undoable import Undoable
from crmdesk.views.shell import errors
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.widgets.fields import ChoiceEdit, KindCombo, OptionalDateEdit

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
        "bought": _tr("Bought product or category"),
        "no_order_days": _tr("No order for (days)"),
        "open_opportunity": _tr("Has an open opportunity"), "open_case": _tr("Has an open case"),
        "channel": _tr("Preferred channel"), "text": _tr("Text search"),
        "rfm_cell": _tr("RFM cell"), "rfm_segment": _tr("RFM segment"),
    }  # fmt: skip


def _bought_text(options: dict[str, Any]) -> str:
    product, category = str(options.get("product") or ""), str(options.get("category") or "")
    if product and category:
        what = fill(_tr("product %1 in category %2"), [product, category])
    elif product:
        what = fill(_tr("product %1"), [product])
    elif category:
        what = fill(_tr("a product in category %1"), [category])
    else:
        what = _tr("anything")
    since, until = str(options.get("since") or ""), str(options.get("until") or "")
    if since and until:
        when = fill(_tr("between %1 and %2"), [since, until])
    elif since:
        when = fill(_tr("since %1"), [since])
    elif until:
        when = fill(_tr("until %1"), [until])
    elif options.get("days") is not None:
        when = QCoreApplication.translate(
            "SegmentDialog", "in the last %n day(s)", "", int(options["days"])
        )
    else:
        return fill(_tr("Bought %1"), [what])
    return fill(_tr("Bought %1 %2"), [what, when])


def rule_text(rule: Rule) -> str:
    """What one rule selects, in the user's words (the "bought" rule names its product,
    category and period)."""
    if rule.field == "bought":
        return _bought_text(segments.rule_options(rule))
    word = field_words().get(rule.field, rule.field)
    values = rule.value if isinstance(rule.value, tuple) else (rule.value,)
    kind = ENUMS.get(rule.field)
    if kind is not None:
        shown = [enum_text(kind(v)) if v in kind._value2member_map_ else str(v) for v in values]
    elif rule.field in FLAGS:
        shown = [_tr("No") if rule.value is False else _tr("Yes")]
    else:
        shown = [str(v) for v in values]
    return fill(_tr("%1: %2"), [word, ", ".join(shown)])


def tree_text(group: Group) -> str:
    """Every rule of a tree, one a line, under how they combine."""
    joined = _tr("All of these (AND)") if group.match == segments.MATCH_ALL else _tr(
        "Any of these (OR)"
    )
    return "\n".join([joined, *(f"• {rule_text(r)}" for r in segments.rules_of(group))])


class BoughtEditor(QWidget):
    """The "bought" rule's value: a product code, a category (the categories in use, or one
    typed) and the first day of the period; other options a stored rule has (a number of
    days, an end) are kept as they were."""

    changed = Signal()

    def __init__(
        self, categories: Sequence[str], value: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        options = segments.rule_options(Rule("bought", value))
        self._kept = {k: v for k, v in options.items() if k not in ("product", "category",
                                                                      "since")}  # fmt: skip
        self.product = QLineEdit(str(options.get("product") or ""), self)
        self.product.setPlaceholderText(self.tr("Product code"))
        self.product.setToolTip(self.tr("Product code"))
        self.product.setMinimumWidth(110)
        self.category = ChoiceEdit(categories, str(options.get("category") or ""), self)
        self.category.set_max_length(products.CATEGORY_LENGTH)
        line = self.category.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Any category"))
        self.category.setToolTip(self.tr("Product category"))
        self.since = OptionalDateEdit(self)
        self.since.edit.setDisplayFormat("yyyy-MM-dd")
        self.since.edit.setMinimumWidth(120)
        self.since.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        self.since.setToolTip(self.tr("Bought on or after this day"))
        try:
            since = dt.date.fromisoformat(str(options.get("since") or ""))
        except ValueError:  # none, or not a day: the field starts empty
            since = None
        self.since.set_date(since)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.product, 2)
        layout.addWidget(self.category, 3)
        layout.addWidget(QLabel(self.tr("since"), self))
        layout.addWidget(self.since, 0)
        self.product.textChanged.connect(self.changed)
        self.category.currentTextChanged.connect(self.changed)
        self.since.changed.connect(self.changed)

    def options(self) -> dict[str, Any]:
        found: dict[str, Any] = dict(self._kept)
        if self.product.text().strip():
            found["product"] = self.product.text().strip()
        if self.category.text():
            found["category"] = self.category.text()
        since = self.since.date()
        if since is not None:
            found["since"] = since.isoformat()
        return found


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
        self.rules.setColumnWidth(0, 220)
        with self._db.reading() as session:
            self.categories = products.categories(session)
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
        fit_to_screen(self, QSize(840, 460))
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
        elif field == "bought":
            bought = BoughtEditor(self.categories, value, self.rules)
            bought.changed.connect(self._timer.start)
            editor = bought
        else:
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
        found = (self.row_rule(row) for row in range(self.rules.rowCount()))
        return Group(str(self.match.currentData()), tuple(r for r in found if r is not None))

    def row_rule(self, row: int) -> Rule | None:
        """One row's rule; None for a text criterion left empty."""
        field = str(self.rules.cellWidget(row, 0).currentData())  # type: ignore[attr-defined]
        editor = self.rules.cellWidget(row, 1)
        if isinstance(editor, BoughtEditor):
            value: Any = editor.options()
        elif isinstance(editor, KindCombo):
            value = str(editor.chosen())
        elif isinstance(editor, QComboBox):
            value = bool(editor.currentData())
        else:
            assert isinstance(editor, QLineEdit)
            text = editor.text().strip()
            if field in NUMBERS:
                if not text.isdigit():
                    raise KnownError(self.tr("Enter a number of days."))
                value = int(text)
            else:
                parts = [p.strip() for p in text.replace("，", ",").split(",") if p.strip()]
                if not parts:
                    return None
                value = parts[0] if len(parts) == 1 else parts
        return Rule(field, value)

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
        self._describe_rows()

    def _describe_rows(self) -> None:
        """Each row's rule in words, as the tip of its criterion cell and its value."""
        for row in range(self.rules.rowCount()):
            try:
                rule = self.row_rule(row)
            except KnownError:
                rule = None
            text = rule_text(rule) if rule is not None else ""
            for column in (0, 1):
                widget = self.rules.cellWidget(row, column)
                if widget is not None:
                    widget.setToolTip(text)

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
            self, fill(text, [name]), lambda s: segments.save_segment(s, draft)
        )
        if written is not None:
            self.saved_id = written.value
            super().accept()
