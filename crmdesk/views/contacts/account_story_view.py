"""The account's story beside its fields: contacts, sales (opportunities, orders and revenue),
open service cases and upcoming events, as small lists in tabs of the account form."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.services.account_story import EVENT_LIMIT, AccountStory, StoryCase, StoryEvent
from crmdesk.store.db import Database
from crmdesk.views.contacts.record_details import (
    DetailsDialog,
    case_kind_text,
    case_priority_text,
    case_status_text,
    date_text,
    details_dialog,
    event_kind_text,
    money_text,
    order_status_text,
)
from crmdesk.views.shell import errors
from crmdesk.views.shell.formatting import local_datetime_text

IdRole = Qt.ItemDataRole.UserRole + 1


class StoryList(QTreeWidget):
    """A small read-only list of rows with an id each; says so when it is empty."""

    opened = Signal(str, object)  # the list's source ("order" …) and the row's id

    def __init__(self, source: str, headers: Sequence[str], empty: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.source, self.empty_text = source, empty
        self.setHeaderLabels(list(headers))
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemActivated.connect(self._on_item_activated)
        self._right: set[int] = set()

    def align_right(self, *columns: int) -> None:
        self._right.update(columns)

    def set_rows(self, rows: Sequence[tuple[uuid.UUID, Sequence[str]]]) -> None:
        self.clear()
        items = []
        for key, texts in rows:
            item = QTreeWidgetItem([str(t) for t in texts])
            item.setData(0, IdRole, key)
            for column in self._right:
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            items.append(item)
        self.addTopLevelItems(items)
        for column in range(self.columnCount() - 1):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column), 260))

    def texts(self, column: int) -> list[str]:
        return [self._item(r).text(column) for r in range(self.topLevelItemCount())]

    def ids(self) -> list[uuid.UUID]:
        return [self._item(r).data(0, IdRole) for r in range(self.topLevelItemCount())]

    def _item(self, row: int) -> QTreeWidgetItem:
        item = self.topLevelItem(row)
        assert item is not None
        return item

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.topLevelItemCount() == 0:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().placeholderText().color())
            rect = self.viewport().rect().adjusted(12, 12, -12, -12)
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.empty_text
            )
            painter.end()

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.opened.emit(self.source, item.data(0, IdRole))

    def activate_row(self, row: int) -> None:
        """As a double-click on a row does (for keyboard users' Enter and for tests)."""
        self._on_item_activated(self._item(row), 0)

    def row_center(self, row: int) -> QPoint:
        return self.visualItemRect(self._item(row)).center()


def _caption(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class AccountStoryView(QObject):
    """Builds the story's tab pages and fills them from an AccountStory."""

    contact_opened = Signal(object)

    def __init__(self, db: Database, parent: QWidget) -> None:
        super().__init__(parent)
        self._db = db
        self._parent = parent
        self.dialog: DetailsDialog | None = None
        self.contacts = StoryList(
            "contact",
            [self.tr("Name"), self.tr("Title"), self.tr("Phone"), self.tr("E-mail")],
            self.tr("No contacts at this account yet."),
            parent,
        )
        self.sales = QWidget(parent)
        self.revenue = QLabel(self.sales)
        self.revenue.setObjectName("revenue")
        self.revenue.setWordWrap(True)
        self.opportunities_caption = _caption("", self.sales)
        self.opportunities = StoryList(
            "opportunity",
            [self.tr("Opportunity"), self.tr("Stage"), self.tr("Amount"), self.tr("Close date")],
            self.tr("No opportunities."),
            self.sales,
        )
        self.opportunities.align_right(2)
        self.orders_caption = _caption("", self.sales)
        self.orders = StoryList(
            "order",
            [self.tr("Order"), self.tr("Date"), self.tr("Amount"), self.tr("Status")],
            self.tr("No orders yet."),
            self.sales,
        )
        self.orders.align_right(2)
        self.service = QWidget(parent)
        self.cases_caption = _caption("", self.service)
        self.cases = StoryList(
            "case",
            [self.tr("Case"), self.tr("Subject"), self.tr("Priority"), self.tr("Status")],
            self.tr("No open service cases."),
            self.service,
        )
        self.events_caption = _caption("", self.service)
        self.events = StoryList(
            "event",
            [self.tr("When"), self.tr("What"), self.tr("Kind"), self.tr("Where")],
            self.tr("Nothing planned."),
            self.service,
        )
        self._pages(
            self.sales,
            self.revenue,
            self.opportunities_caption,
            self.opportunities,
            self.orders_caption,
            self.orders,
        )
        self._pages(
            self.service, None, self.cases_caption, self.cases, self.events_caption, self.events
        )
        self._story: AccountStory | None = None
        self._tabs: QTabWidget | None = None
        for view in (self.contacts, self.opportunities, self.orders, self.cases, self.events):
            view.opened.connect(self._on_list_opened)

    @staticmethod
    def _pages(
        page: QWidget,
        top: QLabel | None,
        first_caption: QLabel,
        first: StoryList,
        second_caption: QLabel,
        second: StoryList,
    ) -> None:
        """Two captioned lists one above the other, split evenly."""
        layout = QVBoxLayout(page)
        layout.setContentsMargins(8, 8, 8, 8)
        if top is not None:
            layout.addWidget(top)
        split = QSplitter(Qt.Orientation.Vertical, page)
        split.setChildrenCollapsible(False)
        for caption, view in ((first_caption, first), (second_caption, second)):
            box = QWidget(split)
            column = QVBoxLayout(box)
            column.setContentsMargins(0, 4, 0, 0)
            column.addWidget(caption)
            column.addWidget(view, 1)
            split.addWidget(box)
        layout.addWidget(split, 1)

    def add_tabs(self, tabs: QTabWidget) -> None:
        self._tabs = tabs
        self.contacts_tab = tabs.addTab(self.contacts, self.tr("Contacts"))
        self.sales_tab = tabs.addTab(self.sales, self.tr("Sales"))
        self.service_tab = tabs.addTab(self.service, self.tr("Cases and events"))

    # -- filling -----------------------------------------------------------------------------

    def revenue_text(self, story: AccountStory) -> str:
        if not story.revenue:
            return self.tr("No revenue yet.")
        recent = " + ".join(money_text(r.last_12_months, r.currency) for r in story.revenue)
        total = " + ".join(money_text(r.all_time, r.currency) for r in story.revenue)
        return (
            self.tr("Revenue: %1 in the last 12 months, %2 in all")
            .replace("%1", recent)
            .replace("%2", total)
        )

    def show_story(self, story: AccountStory | None) -> None:
        self._story = story
        if self._tabs is not None:
            for index in (self.contacts_tab, self.sales_tab, self.service_tab):
                self._tabs.setTabEnabled(index, story is not None)
        if story is None:
            for view in (self.contacts, self.opportunities, self.orders, self.cases, self.events):
                view.set_rows([])
            return
        self.contacts.set_rows(
            [(c.id, [c.name, c.title, c.phone, c.email]) for c in story.contacts]
        )
        self.revenue.setText(self.revenue_text(story))
        self.opportunities.set_rows(
            [
                (o.id, [o.name, o.stage, money_text(o.amount, o.currency), date_text(o.close_date)])
                for o in story.opportunities
            ]
        )
        self.orders.set_rows(
            [
                (
                    o.id,
                    [
                        o.number,
                        date_text(o.ordered_on),
                        money_text(o.amount, o.currency),
                        order_status_text(o.status),
                    ],
                )
                for o in story.orders
            ]
        )
        self.cases.set_rows(
            [
                (
                    c.id,
                    [
                        c.number,
                        f"★ VIP · {c.subject}" if c.vip_complaint else c.subject,
                        case_priority_text(c.priority),
                        case_status_text(c.status),
                    ],
                )
                for c in story.cases
            ]
        )
        self.events.set_rows(
            [
                (e.id, [self._when(e), e.title, event_kind_text(e.kind), e.location])
                for e in story.events
            ]
        )
        self._update_titles(story)

    @staticmethod
    def _when(event: StoryEvent) -> str:
        if event.starts_at is not None:
            return local_datetime_text(event.starts_at)
        return date_text(event.day)

    def _update_titles(self, story: AccountStory) -> None:
        self.opportunities_caption.setText(
            self.tr("Opportunities (%1)").replace("%1", str(len(story.opportunities)))
        )
        if story.order_count > len(story.orders):
            self.orders_caption.setText(
                self.tr("Orders (%1, the latest %2 shown)")
                .replace("%1", str(story.order_count))
                .replace("%2", str(len(story.orders)))
            )
        else:
            self.orders_caption.setText(
                self.tr("Orders (%1)").replace("%1", str(story.order_count))
            )
        self.cases_caption.setText(
            self.tr("Open service cases (%1)").replace("%1", str(len(story.cases)))
        )
        if len(story.events) >= EVENT_LIMIT:
            self.events_caption.setText(
                self.tr("Upcoming (the next %1)").replace("%1", str(len(story.events)))
            )
        else:
            self.events_caption.setText(
                self.tr("Upcoming (%1)").replace("%1", str(len(story.events)))
            )
        if self._tabs is not None:
            self._tabs.setTabText(
                self.contacts_tab,
                self.tr("Contacts (%1)").replace("%1", str(len(story.contacts))),
            )
            open_items = len(story.cases) + len(story.events)
            self._tabs.setTabText(
                self.service_tab, self.tr("Cases and events (%1)").replace("%1", str(open_items))
            )

    # -- opening -----------------------------------------------------------------------------

    def _on_list_opened(self, source: str, key: uuid.UUID) -> None:
        if source == "contact":
            self.contact_opened.emit(key)
            return
        try:
            if source == "case":
                dialog = self._case_dialog(key)
                if dialog is None:
                    return
            else:
                dialog = details_dialog(self._db, source, key, self._parent)
        except KnownError as exc:
            errors.report(self._parent, exc)
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _case_dialog(self, key: uuid.UUID) -> DetailsDialog | None:
        found: StoryCase | None = next(
            (c for c in (self._story.cases if self._story else ()) if c.id == key), None
        )
        if found is None:
            return None
        dialog = DetailsDialog(f"{found.number} {found.subject}".strip(), self._parent)
        dialog.add(self.tr("Kind"), case_kind_text(found.kind))
        dialog.add(self.tr("Priority"), case_priority_text(found.priority))
        dialog.add(self.tr("Status"), case_status_text(found.status))
        dialog.add(self.tr("Opened"), local_datetime_text(found.opened_at))
        return dialog.finish()


__all__ = ["AccountStoryView", "StoryList"]
