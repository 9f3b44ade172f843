"""The words of an account's story (kinds and states of activities, orders, cases, events), money
in the user's locale, and a read-only details window for an order, opportunity or event."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

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

from crmdesk.services.account_story import (
    EventDetail,
    OpportunityDetail,
    OrderDetail,
    event_detail,
    opportunity_detail,
    order_detail,
)
from crmdesk.store.db import Database
from crmdesk.views.shell.formatting import local_datetime_text

CURRENCY_SYMBOLS = {"CNY": "¥", "EUR": "€", "GBP": "£", "USD": "$", "JPY": "JP¥", "HKD": "HK$"}


def _t(text: str) -> str:
    return QCoreApplication.translate("AccountStory", text)


def activity_kind_text(kind: str) -> str:
    """An activity's kind in the user's words (an e-mail activity is 邮件, not the 邮箱 of an
    address)."""
    words = {
        "call": _t("Call"),
        "visit": _t("Visit"),
        "meeting": _t("Meeting"),
        "email": _t("E-mail"),
        "message": _t("Message"),
        "note": _t("Note"),
        "task": _t("Task"),
    }
    return words.get(kind, kind.replace("_", " ").capitalize())


def event_kind_text(kind: str) -> str:
    words = {
        "visit": _t("Visit"),
        "call": _t("Call"),
        "meeting": _t("Meeting"),
        "task": _t("Task"),
        "other": _t("Other"),
    }
    return words.get(kind, kind.replace("_", " ").capitalize())


def event_status_text(status: str) -> str:
    words = {
        "tentative": _t("Tentative"),
        "confirmed": _t("Planned"),
        "cancelled": _t("Cancelled"),
        "done": _t("Done"),
    }
    return words.get(status, status)


def order_status_text(status: str) -> str:
    words = {
        "open": _t("Open"),
        "paid": _t("Paid"),
        "shipped": _t("Shipped"),
        "cancelled": _t("Cancelled"),
        "returned": _t("Returned"),
    }
    return words.get(status, status)


def case_kind_text(kind: str) -> str:
    words = {
        "inquiry": _t("Inquiry"),
        "complaint": _t("Complaint"),
        "repair": _t("Repair"),
        "suggestion": _t("Suggestion"),
    }
    return words.get(kind, kind)


def case_priority_text(priority: str) -> str:
    words = {"low": _t("Low"), "normal": _t("Normal"), "high": _t("High"), "urgent": _t("Urgent")}
    return words.get(priority, priority)


def case_status_text(status: str) -> str:
    words = {
        "new": _t("New"),
        "assigned": _t("Assigned"),
        "in_progress": _t("In progress"),
        "resolved": _t("Resolved"),
        "closed": _t("Closed"),
        "reopened": _t("Reopened"),
    }
    return words.get(status, status)


def money_text(amount: Decimal, currency: str, locale: QLocale | None = None) -> str:
    """¥1,234.50 with the locale's grouping; an unknown currency keeps its code."""
    locale = locale or QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    number = locale.toString(float(amount), "f", 2)
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"


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
            if label and field:
                out[label.widget().text()] = field.widget().text()
        return out

    def finish(self) -> DetailsDialog:
        self._layout.addWidget(self.buttons)
        return self


def order_dialog(order: OrderDetail, parent: QWidget | None = None) -> DetailsDialog:
    dialog = DetailsDialog(_t("Order %1").replace("%1", order.number), parent)
    dialog.add(_t("Ordered on"), date_text(order.ordered_on))
    dialog.add(_t("Status"), order_status_text(order.status))
    dialog.add(_t("Amount"), money_text(order.amount, order.currency))
    dialog.add(_t("Contact"), order.contact)
    dialog.add(_t("Notes"), order.notes)
    if order.lines:
        locale = QLocale()
        dialog.add_table(
            [_t("Item"), _t("Quantity"), _t("Unit price"), _t("Amount")],
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
    dialog.add(_t("Stage"), o.stage)
    dialog.add(_t("Amount"), money_text(o.amount, o.currency))
    if o.probability is not None:
        dialog.add(_t("Probability"), f"{o.probability.normalize():f} %")
    dialog.add(_t("Expected close"), date_text(o.expected_close))
    dialog.add(_t("Closed on"), date_text(o.closed_on))
    dialog.add(_t("Contact"), o.contact)
    dialog.add(_t("Owner"), o.owner)
    dialog.add(_t("Reason lost"), o.lost_reason)
    dialog.add(_t("Notes"), o.notes)
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
    dialog.add(_t("Kind"), event_kind_text(e.kind))
    dialog.add(_t("When"), event_when_text(e))
    if e.recurring:
        dialog.add(_t("Repeats"), _t("Yes, this is a recurring series"))
    dialog.add(_t("Status"), event_status_text(e.status))
    dialog.add(_t("Where"), e.location)
    dialog.add(_t("Contact"), e.contact)
    dialog.add(_t("Attendees"), ", ".join(e.attendees))
    dialog.add(_t("Owner"), e.owner)
    dialog.add(_t("Description"), e.description)
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
