"""The words of an account's story (kinds and states of activities, orders, cases, events), money
in the user's locale, and a read-only details window for an order, opportunity or event."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.models.enums import (
    ActivityKind,
    CaseKind,
    CasePriority,
    CaseStatus,
    EventKind,
    EventStatus,
    OrderStatus,
)
from crmdesk.services.account_story import (
    EventDetail,
    OpportunityDetail,
    OrderDetail,
    event_detail,
    opportunity_detail,
    order_detail,
)
from crmdesk.store.db import Database
from crmdesk.views.shell.formatting import local_datetime_text, money_text
from crmdesk.views.shell.vocabulary import value_text


def activity_kind_text(kind: str) -> str:
    """An activity's kind in the user's words (an e-mail activity is 邮件, not the 邮箱 of an
    address: the shared vocabulary words each enum in its own context)."""
    return value_text(ActivityKind, kind)


def event_kind_text(kind: str) -> str:
    return value_text(EventKind, kind)


def event_status_text(status: str) -> str:
    return value_text(EventStatus, status)


def order_status_text(status: str) -> str:
    return value_text(OrderStatus, status)


def case_kind_text(kind: str) -> str:
    return value_text(CaseKind, kind)


def case_priority_text(priority: str) -> str:
    return value_text(CasePriority, priority)


def case_status_text(status: str) -> str:
    return value_text(CaseStatus, status)


def date_text(day: dt.date | None, locale: QLocale | None = None) -> str:
    if day is None:
        return ""
    locale = locale or QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)


class DetailsDialog(QDialog):
    """A few labelled values (and optionally a small table), read-only, closed with Close."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.table: QTreeWidget | None = None
        self._layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        heading.setObjectName("heading")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self._layout.addWidget(heading)
        self._layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(420)

    def add(self, label: str, value: str) -> None:
        """A row, left out when there is nothing to say."""
        if not value.strip():
            return
        shown = QLabel(value, self)
        shown.setWordWrap(True)
        shown.setTextFormat(Qt.TextFormat.PlainText)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.form.addRow(label, shown)

    def add_table(self, headers: list[str], rows: list[list[str]]) -> None:
        self.table = QTreeWidget(self)
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels(headers)
        for row in rows:
            item = QTreeWidgetItem(row)
            for column in range(1, len(row)):
                item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
            self.table.addTopLevelItem(item)
        for column in range(len(headers)):
            self.table.resizeColumnToContents(column)
        self._layout.addWidget(self.table, 1)

    def values(self) -> dict[str, str]:
        """Label -> value as shown (for tests and accessibility checks)."""
        out = {}
        for row in range(self.form.rowCount()):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            caption = label.widget() if label else None
            shown = field.widget() if field else None
            if isinstance(caption, QLabel) and isinstance(shown, QLabel):
                out[caption.text()] = shown.text()
        return out

    def finish(self) -> DetailsDialog:
        self._layout.addWidget(self.buttons)
        return self


def order_dialog(order: OrderDetail, parent: QWidget | None = None) -> DetailsDialog:
    dialog = DetailsDialog(
        QCoreApplication.translate("AccountStory", "Order %1").replace("%1", order.number), parent
    )
    dialog.add(
        QCoreApplication.translate("AccountStory", "Ordered on"), date_text(order.ordered_on)
    )
    dialog.add(
        QCoreApplication.translate("AccountStory", "Status"), order_status_text(order.status)
    )
    dialog.add(
        QCoreApplication.translate("AccountStory", "Amount"),
        money_text(order.amount, order.currency),
    )
    dialog.add(QCoreApplication.translate("AccountStory", "Contact"), order.contact)
    dialog.add(QCoreApplication.translate("AccountStory", "Notes"), order.notes)
    if order.lines:
        locale = QLocale()
        dialog.add_table(
            [
                QCoreApplication.translate("AccountStory", "Item"),
                QCoreApplication.translate("AccountStory", "Quantity"),
                QCoreApplication.translate("AccountStory", "Unit price"),
                QCoreApplication.translate("AccountStory", "Amount"),
            ],
            [
                [
                    line.description,
                    locale.toString(float(line.quantity), "g", 10),
                    money_text(line.unit_price, order.currency),
                    money_text(line.amount, order.currency),
                ]
                for line in order.lines
            ],
        )
    return dialog.finish()


def opportunity_dialog(o: OpportunityDetail, parent: QWidget | None = None) -> DetailsDialog:
    dialog = DetailsDialog(o.name, parent)
    dialog.add(QCoreApplication.translate("AccountStory", "Stage"), o.stage)
    dialog.add(
        QCoreApplication.translate("AccountStory", "Amount"), money_text(o.amount, o.currency)
    )
    if o.probability is not None:
        dialog.add(
            QCoreApplication.translate("AccountStory", "Probability"),
            f"{o.probability.normalize():f} %",
        )
    dialog.add(
        QCoreApplication.translate("AccountStory", "Expected close"), date_text(o.expected_close)
    )
    dialog.add(QCoreApplication.translate("AccountStory", "Closed on"), date_text(o.closed_on))
    dialog.add(QCoreApplication.translate("AccountStory", "Contact"), o.contact)
    dialog.add(QCoreApplication.translate("AccountStory", "Owner"), o.owner)
    dialog.add(QCoreApplication.translate("AccountStory", "Reason lost"), o.lost_reason)
    dialog.add(QCoreApplication.translate("AccountStory", "Notes"), o.notes)
    return dialog.finish()


def event_when_text(e: EventDetail) -> str:
    if e.all_day or e.starts_at is None:
        start = e.start_date
        last = e.end_date - dt.timedelta(days=1) if e.end_date else None
        if start is None:
            return ""
        if last is None or last <= start:
            return date_text(start)
        return f"{date_text(start)} – {date_text(last)}"
    text = local_datetime_text(e.starts_at)
    return f"{text} – {local_datetime_text(e.ends_at)}" if e.ends_at else text


def event_dialog(e: EventDetail, parent: QWidget | None = None) -> DetailsDialog:
    dialog = DetailsDialog(e.title, parent)
    dialog.add(QCoreApplication.translate("AccountStory", "Kind"), event_kind_text(e.kind))
    dialog.add(QCoreApplication.translate("AccountStory", "When"), event_when_text(e))
    if e.recurring:
        dialog.add(
            QCoreApplication.translate("AccountStory", "Repeats"),
            QCoreApplication.translate("AccountStory", "Yes, this is a recurring series"),
        )
    dialog.add(QCoreApplication.translate("AccountStory", "Status"), event_status_text(e.status))
    dialog.add(QCoreApplication.translate("AccountStory", "Where"), e.location)
    if len(e.contacts) > 1:
        dialog.add(QCoreApplication.translate("AccountStory", "Contacts"), ", ".join(e.contacts))
    else:
        dialog.add(QCoreApplication.translate("AccountStory", "Contact"), e.contact)
    dialog.add(QCoreApplication.translate("AccountStory", "Attendees"), ", ".join(e.attendees))
    dialog.add(QCoreApplication.translate("AccountStory", "Owner"), e.owner)
    dialog.add(QCoreApplication.translate("AccountStory", "Description"), e.description)
    return dialog.finish()


def details_dialog(
    db: Database, source: str, record_id: uuid.UUID, parent: QWidget | None = None
) -> DetailsDialog:
    """The details window of an order, opportunity or calendar entry (`source` says which)."""
    with db.reading() as session:
        if source == "order":
            return order_dialog(order_detail(session, record_id), parent)
        if source == "opportunity":
            return opportunity_dialog(opportunity_detail(session, record_id), parent)
        return event_dialog(event_detail(session, record_id), parent)


__all__ = [
    "DetailsDialog",
    "activity_kind_text",
    "case_kind_text",
    "case_priority_text",
    "case_status_text",
    "date_text",
    "details_dialog",
    "event_kind_text",
    "event_status_text",
    "money_text",
    "order_status_text",
]
