"""The Contacts pane's bars: the tab switch, search box and recycle bin button above the table;
the filter boxes (with their choices read from the database); the count and the bin's buttons
below; and the notice an empty result shows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTabBar,
    QToolButton,
    QWidget,
)

from crmdesk.models.enums import Industry, LoyaltyStage, ValueTier
from crmdesk.services.contacts import Facets, facets
from crmdesk.services.segments import list_segments
from crmdesk.store.db import Database
from crmdesk.views.shell import errors, tasks
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.widgets.fields import KindCombo

SEARCH_DELAY_MS = 150
FACETS_DELAY_MS = 500


class SearchBar(QWidget):
    """Contacts | Accounts, the search box (typing waits for a pause) and the bin toggle."""

    filter_changed = Signal()  # the search text settled (a pause, or Return)
    down_pressed = Signal()  # Down or Return in the search box: on to the table

    def __init__(self, tabs: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.switch = QTabBar(self)
        self.switch.setDocumentMode(True)
        self.switch.setExpanding(False)
        self.switch.setDrawBase(False)
        self.switch.setUsesScrollButtons(False)
        for text in tabs:
            self.switch.addTab(text)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("search_box")
        self.search_box.setPlaceholderText(_tr("Search name, pinyin, phone, email…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(self.search_box.fontMetrics().averageCharWidth() * 28)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.filter_changed)
        self.search_box.textChanged.connect(self._timer.start)
        self.search_box.returnPressed.connect(self._on_return_pressed)
        clear = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search_box)
        clear.setContext(Qt.ShortcutContext.WidgetShortcut)
        clear.activated.connect(self._on_escape)
        down = QShortcut(QKeySequence(Qt.Key.Key_Down), self.search_box)
        down.setContext(Qt.ShortcutContext.WidgetShortcut)
        down.activated.connect(self.down_pressed)
        self.bin_button = QToolButton(self)
        self.bin_button.setText(_tr("Recycle bin"))
        self.bin_button.setToolTip(_tr("Show deleted records, to restore them"))
        self.bin_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.bin_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.bin_button.setCheckable(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.switch)
        row.addWidget(self.search_box, 1)
        row.addWidget(self.bin_button)

    def stop_timer(self) -> None:
        self._timer.stop()

    def _on_return_pressed(self) -> None:
        self.filter_changed.emit()
        self.down_pressed.emit()

    def _on_escape(self) -> None:
        self.search_box.clear()
        self.filter_changed.emit()


class FilterBar(QWidget):
    """Tier, loyalty, industry, tag, city and owner; the last three offer the values in use,
    read in a worker thread after the first keys arrive and again after changes."""

    filter_changed = Signal()
    facets_loaded = Signal()
    clear_requested = Signal()  # the empty-result notice's button

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._generation = 0
        self._tasks: dict[int, tasks.Task] = {}
        self._finished: list[tasks.Task] = []  # kept until the next load: their signals ran
        self._started = False  # loaded after the first keys: they'd compete for the CPU
        self.tier_combo = KindCombo(ValueTier, self, _tr("All tiers"))
        self.loyalty_combo = KindCombo(LoyaltyStage, self, _tr("All stages"))
        self.industry_combo = KindCombo(Industry, self, _tr("All industries"))
        self.tag_combo = self._facet_combo(_tr("All tags"))
        self.city_combo = self._facet_combo(_tr("All cities"))
        self.owner_combo = self._facet_combo(_tr("All owners"))
        self.segment_combo = self._facet_combo(_tr("All segments"))
        self.segment_combo.setObjectName("segment_combo")
        self.segment_combo.setToolTip(_tr("A saved segment (Campaigns > Segments)"))
        self.tier_combo.setToolTip(_tr("Customer value tier (of the contact's account)"))
        self.loyalty_combo.setToolTip(_tr("Loyalty stage (of the contact's account)"))
        self.industry_combo.setToolTip(_tr("Industry (of the contact's account)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        for combo in self.combos():
            if isinstance(combo, KindCombo):
                combo.currentIndexChanged.connect(self.filter_changed)
            # Narrow enough that the filters never make the table side wider than it needs.
            combo.setMinimumContentsLength(1)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.setMaximumWidth(200)
            row.addWidget(combo)
        self._facets_timer = QTimer(self)
        self._facets_timer.setSingleShot(True)
        self._facets_timer.setInterval(FACETS_DELAY_MS)
        self._facets_timer.timeout.connect(self._load_facets)
        self._build_bottom()
        self._build_empty_notice()

    def combos(self) -> list[QComboBox]:
        return [
            self.tier_combo,
            self.loyalty_combo,
            self.industry_combo,
            self.tag_combo,
            self.city_combo,
            self.owner_combo,
            self.segment_combo,
        ]

    def _build_bottom(self) -> None:
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.count_label.setEnabled(False)
        self.restore_button = QPushButton(_tr("Restore"), self)
        self.restore_button.setToolTip(_tr("Bring the selected records back from the recycle bin"))
        self.restore_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogResetButton)
        )
        self.empty_bin_button = QPushButton(_tr("Empty recycle bin…"), self)
        self.empty_bin_button.setObjectName("empty_bin_button")
        self.empty_bin_button.setToolTip(_tr("Delete everything in the recycle bin for good"))
        self.restore_button.hide()
        self.empty_bin_button.hide()
        self.bottom = QHBoxLayout()
        self.bottom.setContentsMargins(0, 0, 0, 0)
        self.bottom.addWidget(self.count_label, 1)
        self.bottom.addWidget(self.empty_bin_button)
        self.bottom.addWidget(self.restore_button)

    def _build_empty_notice(self) -> None:
        self.empty_notice = QFrame(self.parentWidget())
        self.empty_notice.setObjectName("empty_notice")
        self.empty_notice.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label = QLabel(self.empty_notice)
        self.empty_label.setWordWrap(True)
        self.clear_button = QPushButton(_tr("Clear search and filters"), self.empty_notice)
        self.clear_button.setObjectName("clear_filters_button")
        self.clear_button.clicked.connect(self.clear_requested)
        row = QHBoxLayout(self.empty_notice)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.empty_label, 1)
        row.addWidget(self.clear_button)
        self.empty_notice.hide()

    def show_empty_notice(self, empty: bool, filtered: bool, what: str) -> None:
        """Say so when nothing matches (and offer to clear what hides the records)."""
        if not empty:
            self.empty_notice.hide()
            return
        if filtered:
            text = _tr("Nothing matches the search and filters.")
        else:
            text = _tr("No %1 yet: press New to add one, or import a file.").replace(
                "%1", what.lower() if what.isascii() else what
            )
        self.empty_label.setText(text)
        self.clear_button.setVisible(filtered)
        self.empty_notice.show()

    def set_bin_mode(self, on: bool) -> None:
        self.restore_button.setVisible(on)
        self.empty_bin_button.setVisible(on)

    def values(self) -> dict[str, Any]:
        """The filter fields the boxes set (the service filters share these names)."""
        return {
            "value_tier": self.tier_combo.value(),
            "loyalty_stage": self.loyalty_combo.value(),
            "industry": self.industry_combo.value(),
            "tag": self.tag_combo.currentData(),
            "city": self.city_combo.currentData(),
            "owner": self.owner_combo.currentData(),
            "segment": self.segment_combo.currentData(),
        }

    def is_filtered(self) -> bool:
        return any(value is not None for value in self.values().values())

    def clear(self) -> None:
        for combo in self.combos():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def _facet_combo(self, all_text: str) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(all_text, None)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(self.filter_changed)
        return combo

    # -- the choices ---------------------------------------------------------------------------

    def start_facets_once(self) -> None:
        if not self._started:
            self._started = True
            self._load_facets()

    def schedule_facets(self) -> None:
        self._facets_timer.start()

    @Slot()
    def _load_facets(self) -> None:
        self._finished.clear()
        self._generation += 1
        generation, db = self._generation, self._db

        def work(_task: tasks.Task) -> tuple[int, Facets, list[tuple[str, Any]]]:
            with db.reading() as session:
                saved = [(s.name, s.criteria) for s in list_segments(session)]
                return generation, facets(session), saved

        task = tasks.Task(work)
        task.signals.finished.connect(self._on_facets_finished)
        task.signals.failed.connect(self._on_facets_failed)
        self._tasks[generation] = task
        QThreadPool.globalInstance().start(task)

    @Slot(object)
    def _on_facets_finished(self, answer: tuple[int, Facets, list[tuple[str, Any]]]) -> None:
        generation, found, saved = answer
        task = self._tasks.pop(generation, None)
        if task is not None:
            self._finished.append(task)
        if generation != self._generation:
            return
        changed = False
        for combo, values in (
            (self.tag_combo, found.tags),
            (self.city_combo, found.cities),
            (self.owner_combo, found.owners),
        ):
            changed |= self._set_choices(combo, values)
        changed |= self._set_segments(saved)
        if changed:
            self.filter_changed.emit()
        self.facets_loaded.emit()

    @Slot(object, str)
    def _on_facets_failed(self, error: BaseException, details: str) -> None:
        task = self._tasks.pop(self._generation, None)
        if task is not None:
            self._finished.append(task)
        errors.report(self, error, details)

    def _set_segments(self, saved: Sequence[tuple[str, Any]]) -> bool:
        """Offer the saved segments by name (their criteria as the item data); True when the
        chosen one is gone or its criteria changed."""
        combo = self.segment_combo
        chosen, chosen_name = combo.currentData(), combo.currentText()
        current = [(combo.itemText(i), combo.itemData(i)) for i in range(1, combo.count())]
        if current == list(saved):
            return False
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for name, criteria in saved:
                combo.addItem(name, criteria)
            index = combo.findText(chosen_name) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        return chosen is not None and (index < 0 or combo.currentData() != chosen)

    @staticmethod
    def _set_choices(combo: QComboBox, values: Sequence[str]) -> bool:
        """Offer these values (after the "All" entry); True when the chosen one had to go."""
        chosen = combo.currentData()
        current = [combo.itemData(i) for i in range(1, combo.count())]
        if current == list(values):
            return False
        combo.blockSignals(True)
        try:
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(index, 0))
        finally:
            combo.blockSignals(False)
        return chosen is not None and index < 0


__all__ = ["FilterBar", "SearchBar"]
