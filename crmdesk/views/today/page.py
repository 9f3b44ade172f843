"""The Today page: the first screen of the day, one box per kind of thing to do.

It reads `services.today.today_page` off the GUI thread, shows each section as a list whose
lines open their record (double-click or Enter: `open_requested(record, id, when)`), and reads
again when the data bus says something it shows changed.
"""

from __future__ import annotations

import datetime as dt
import getpass
import uuid
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    QSize,
    Qt,
    QTime,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.analytics.targets import INDICATORS, Scorecard
from crmdesk.core.clock import local_zone
from crmdesk.core.texts import fill
from crmdesk.models.enums import Channel, EventKind
from crmdesk.services import today as service
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.service.table import VIP_COMPLAINT_TINT, vip_marker
from crmdesk.views.shell import tasks
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.formatting import grouped, money_text
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.vocabulary import value_text

RECORD_ROLE = Qt.ItemDataRole.UserRole
WATCHED = ("events", "accounts", "contacts", "opportunities", "cases", "orders", "activities",
           "targets")
SECTIONS = ("tasks", "appointments", "overdue_tasks", "birthdays", "deals", "overdue_cases",
            "churn")  # fmt: skip


def _figure(value: Decimal, money: bool) -> str:
    """A target or an actual as a person reads it: a count whole (26, not 26.00), an amount
    grouped without cents (85,000; the sum of deals in any currency, so no symbol)."""
    if money:
        return money_text(value, "", decimals=0).strip()
    return grouped(int(value)) if value == value.to_integral_value() else f"{value:f}"


class _WrappedLine(QStyledItemDelegate):
    """A wrapped line's row a little taller than Qt makes it: Qt measures a line with Chinese
    in it at the Chinese font's height but draws every line that tall, so a first line in
    Chinese and a Latin second line ("[WeChat]") did not fit and the line was cut to one."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        if size.height() > line * 1.5:  # wrapped
            size.setHeight(size.height() + line // 3)
        return size


class TodayPage(QWidget):
    """Tasks, appointments, birthdays, deals, cases, churn risk and targets of one owner."""

    open_requested = Signal(str, object, object)  # record kind, id, the line's date or time
    loaded = Signal()

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        today: dt.date | None = None,
        zone: ZoneInfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus, self.settings = db, bus, settings
        self.zone = zone or local_zone()
        self._fixed_day = today
        self.page: service.TodayPage | None = None
        self._task: tasks.Task | None = None
        self._again = False
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        self._build()
        self._refresh_timer = QTimer(self, singleShot=True, interval=300)
        self._refresh_timer.timeout.connect(self.reload)
        # a window left open overnight turns to the new day's page (checked each minute)
        self._day_timer = QTimer(self, interval=60_000)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start()
        bus.changed.connect(self._on_changed)
        self._fill_owners()
        self.reload()

    @property
    def day(self) -> dt.date:
        return self._fixed_day or dt.datetime.now(self.zone).date()

    @property
    def owner(self) -> str:
        return self.owner_box.currentText()

    # -- building ----------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("todayHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top.addWidget(self.heading, 1)
        top.addWidget(QLabel(self.tr("Account manager:"), self))
        self.owner_box = QComboBox(self)
        self.owner_box.setMinimumContentsLength(12)
        self.owner_box.currentTextChanged.connect(self._on_owner_changed)
        top.addWidget(self.owner_box)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(80)
        self.progress.hide()
        top.addWidget(self.progress)
        outer.addLayout(top)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        grid = QGridLayout(body)
        titles = {
            "tasks": self.tr("Tasks for me"),
            "appointments": self.tr("Today's visits and calls"),
            "overdue_tasks": self.tr("Overdue tasks"),
            "birthdays": self.tr("Birthdays in the next 7 days"),
            "deals": self.tr("Deals closing this month"),
            "overdue_cases": self.tr("Overdue service cases"),
            "churn": self.tr("Customers at churn risk"),
            "targets": self.tr("My targets this month"),
        }
        self._titles = titles
        for index, key in enumerate((*SECTIONS, "targets")):
            box = QGroupBox(titles[key], body)
            lay = QVBoxLayout(box)
            lst = QListWidget(box)
            lst.setObjectName(f"today_{key}")
            lst.setMinimumHeight(110)
            lst.setAlternatingRowColors(True)
            # a long line wraps in a narrow column rather than losing its end (the channel)
            lst.setWordWrap(True)
            lst.setResizeMode(QListWidget.ResizeMode.Adjust)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            lst.setItemDelegate(_WrappedLine(lst))
            lst.itemActivated.connect(self._on_activated)
            lay.addWidget(lst)
            self.lists[key], self.boxes[key] = lst, box
            grid.addWidget(box, index // 2, index % 2)
        self.targets_summary = QLabel(self.boxes["targets"])
        self.targets_summary.setWordWrap(True)
        layout = self.boxes["targets"].layout()
        assert layout is not None
        layout.addWidget(self.targets_summary)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

    def _fill_owners(self) -> None:
        with self.db.reading() as session:
            owners = service.owners(session)
        saved = str(self.settings.value("today/owner", "")) if self.settings else ""
        user = getpass.getuser()
        choice = saved or (user if user in owners else (owners[0] if owners else user))
        self.owner_box.blockSignals(True)
        self.owner_box.clear()
        self.owner_box.addItems(owners if choice in owners else [choice, *owners])
        self.owner_box.setCurrentText(choice)
        self.owner_box.blockSignals(False)

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the page again off the GUI thread (a read already running: once more after)."""
        if self._task is not None:
            self._again = True
            return
        owner, day, zone, db = self.owner, self.day, self.zone, self.db
        self.progress.show()

        def work(_task: tasks.Task) -> service.TodayPage:
            with db.reading() as session:
                return service.today_page(session, owner, day, zone)

        def connect(task: tasks.Task) -> None:
            task.signals.finished.connect(self._on_loaded)
            task.signals.failed.connect(lambda *_: self._on_loaded(None))

        self._task = tasks.start(work, connect)

    def _on_loaded(self, page: service.TodayPage | None) -> None:
        self._task = None
        self.progress.hide()
        if self._again:
            self._again = False
            self.reload()
            return
        if page is not None:
            self.show_page(page)
        self.loaded.emit()

    def check_day(self) -> bool:
        """Read the page again when the day it shows is over; True when it did."""
        if self.page is None or self.page.day == self.day:
            return False
        self.reload()
        return True

    def _on_changed(self, changes: Changes) -> None:
        if any(changes.ids(kind) for kind in WATCHED):
            self._refresh_timer.start()

    def _on_owner_changed(self, owner: str) -> None:
        if self.settings is not None and owner:
            self.settings.setValue("today/owner", owner)
        self.reload()

    # -- showing -----------------------------------------------------------------------------

    def show_page(self, page: service.TodayPage) -> None:
        self.page = page
        locale = QLocale()
        long_day = locale.toString(QDate(page.day), QLocale.FormatType.LongFormat)
        self.heading.setText(fill(self.tr("Today, %1"), [long_day]))
        for key in SECTIONS:
            lines: tuple[service.TodayLine, ...] = getattr(page, key)
            lst = self.lists[key]
            lst.clear()
            for line in lines:
                item = QListWidgetItem(text := self._line_text(key, line), lst)
                item.setData(RECORD_ROLE, (line.record, line.record_id, line.when))
                item.setToolTip(text + "\n" + self.tr("Double-click or press Enter to open"))
                if line.vip_complaint:  # tinted as in the case list
                    item.setBackground(QBrush(VIP_COMPLAINT_TINT))
            if not lines:
                empty = QListWidgetItem(self.tr("Nothing here"), lst)
                empty.setFlags(Qt.ItemFlag.NoItemFlags)
            count = f"{len(lines)}+" if key in page.more else str(len(lines))  # "50+": more
            self.boxes[key].setTitle(f"{self._titles[key]} ({count})")
        self._show_targets(page.targets)

    def _when_text(self, when: dt.date | dt.datetime | None) -> str:
        locale = QLocale()
        if isinstance(when, dt.datetime):
            aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
            local = aware.astimezone(self.zone)
            if local.date() == self.day:
                clock = QTime(local.hour, local.minute)
                return locale.toString(clock, QLocale.FormatType.ShortFormat)
            return locale.toString(QDate(local.date()), QLocale.FormatType.ShortFormat)
        if isinstance(when, dt.date):
            return locale.toString(QDate(when), QLocale.FormatType.ShortFormat)
        return self.tr("no date")

    def _line_text(self, key: str, line: service.TodayLine) -> str:
        parts = [self._when_text(line.when), line.title]
        if line.amount is not None:  # before the customer: what a narrow column must keep
            parts.append(money_text(line.amount, line.currency, decimals=0))
        if line.detail:
            parts.append(line.detail)
        if key == "tasks" and line.note:
            parts.append(fill(self.tr("from %1"), [line.note]))
        elif key == "appointments" and line.note:
            parts.insert(1, value_text(EventKind, line.note))
        elif key == "birthdays" and line.note == "lunar":
            parts.append(self.tr("lunar birthday"))
        elif key == "churn":
            parts[0] = fill(self.tr("last order %1"), [self._when_text(line.when)])
            parts.append(self.tr("%n day(s) silent", "", int(line.note or 0)))
        if line.vip_complaint:  # starred first, as in the case list
            parts.insert(0, vip_marker(True))
        if line.owner:  # a team member's escalated case on her manager's page
            parts.append(fill(self.tr("%1's case"), [line.owner]))
        text = "  ·  ".join(p for p in parts if p)
        if line.channel:
            text += "   [" + value_text(Channel, line.channel) + "]"
        return text

    def _show_targets(self, card: Scorecard | None) -> None:
        lst = self.lists["targets"]
        lst.clear()
        self.boxes["targets"].setTitle(self._titles["targets"])
        if card is None:
            self.targets_summary.setText(self.tr("No targets are set for this month."))
            return
        for result in card.indicators:
            label = translated("Insights", INDICATORS[result.indicator].label)
            percent = "–" if result.percent is None else f"{result.percent:.0f} %"
            mark = "✔" if result.met else "✘"
            money = INDICATORS[result.indicator].is_money
            actual, target = (_figure(v, money) for v in (result.actual, result.target))
            item = QListWidgetItem(f"{mark}  {label}: {actual} / {target}  ({percent})", lst)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        summary = translated("Insights", card.summary())
        score = f"{card.score:.0f}"
        self.targets_summary.setText(fill(self.tr("Score %1 %: %2"), [score, summary]))

    def _on_activated(self, item: QListWidgetItem) -> None:
        data = item.data(RECORD_ROLE)
        if data:
            record, record_id, when = data
            self.open_requested.emit(record, record_id, when)

    def lines(self, key: str) -> list[str]:
        """The texts of a section's lines (what a person reads; tests read them too)."""
        lst = self.lists[key]
        return [lst.item(i).text() for i in range(lst.count())]

    def record_at(self, key: str, row: int) -> tuple[str, uuid.UUID, object] | None:
        item = self.lists[key].item(row)
        return None if item is None else item.data(RECORD_ROLE)
