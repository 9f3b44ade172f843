"""A contact's or account's timeline: calls, visits, meetings and notes, newest first.

A feed read from the top, so the model fetches pages of 50 as the list is scrolled
(`canFetchMore`/`fetchMore`) rather than keeping a key list like the big tables do.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Iterator
from functools import cache

from PySide6.QtCore import (
    QAbstractListModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListView,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.services.changes import Changes
from crmdesk.services.timeline import VIP_COMPLAINT, TimelineItem, timeline
from crmdesk.store.db import Database
from crmdesk.views.contacts.activity_dialog import ActivityDialog
from crmdesk.views.contacts.record_details import (
    DetailsDialog,
    activity_kind_text,
    case_kind_text,
    case_status_text,
    details_dialog,
    event_kind_text,
    event_status_text,
    money_text,
    order_status_text,
)
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.formatting import local_datetime_text

PAGE_SIZE = 50
ICON_SIZE = 28

ItemRole = Qt.ItemDataRole.UserRole + 1  # the TimelineItem itself
IdRole = Qt.ItemDataRole.UserRole + 2  # its id (activity or event)
WhenRole = Qt.ItemDataRole.UserRole + 3  # its time (aware UTC datetime), for sorting or tests
DetailRole = Qt.ItemDataRole.UserRole + 4  # the second line: kind · outcome — first line of body
DateTextRole = Qt.ItemDataRole.UserRole + 5  # the date and time in the user's locale

Index = QModelIndex | QPersistentModelIndex

KIND_COLORS = {
    "call": "#2e7d32",
    "visit": "#6a1b9a",
    "meeting": "#1565c0",
    "email": "#00838f",
    "message": "#00838f",
    "note": "#757575",
    "task": "#ef6c00",
    "other": "#757575",
    "order": "#c62828",
    "opportunity": "#ad1457",
    "inquiry": "#455a64",
    "complaint": "#d84315",
    "repair": "#455a64",
    "suggestion": "#455a64",
    VIP_COMPLAINT: "#ff8f00",  # a VIP's complaint stands out
}


def kind_text(item: TimelineItem) -> str:
    if item.source == "activity":
        return activity_kind_text(item.kind)
    if item.source == "order":
        return QApplication.translate("TimelineView", "Order")
    if item.source == "opportunity":
        return QApplication.translate("TimelineView", "Opportunity")
    if item.source == "case":
        if item.kind == VIP_COMPLAINT:
            return QApplication.translate("TimelineView", "★ VIP complaint")
        return case_kind_text(item.kind)
    return event_kind_text(item.kind)


def subject_text(item: TimelineItem) -> str:
    """The first line: the subject, an order's number as "Order SO-1", or the kind."""
    if item.source == "order":
        return QApplication.translate("TimelineView", "Order %1").replace("%1", item.subject)
    return item.subject.strip() or kind_text(item)


def outcome_text(item: TimelineItem) -> str:
    """An activity's outcome as written; an event's status in the user's words; an order's
    status and an opportunity's stage with the amount."""
    if item.source in ("order", "opportunity"):
        status = order_status_text(item.outcome) if item.source == "order" else item.outcome
        amount = money_text(item.amount, item.currency) if item.amount is not None else ""
        return " · ".join(p for p in (status, amount) if p)
    if item.source == "case":
        return case_status_text(item.outcome)
    if item.source != "event":
        return item.outcome.strip()
    return event_status_text(item.outcome)


def is_all_day(item: TimelineItem) -> bool:
    """All-day events, orders and closed opportunities have a date only: show no time."""
    return item.dated


def local_text(item: TimelineItem, locale: QLocale | None = None) -> str:
    """The item's date (and time) in the user's time zone and locale format."""
    locale = locale or QLocale()
    if is_all_day(item):
        day = item.when.astimezone(dt.UTC).date()
        return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)
    return local_datetime_text(item.when, locale)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


@cache
def kind_icon(kind: str, letter: str) -> QIcon:
    """A coloured disc with the kind's first letter: readable without any icon theme."""
    icon = QIcon()
    for ratio in (1, 2):
        side = ICON_SIZE * ratio
        pixmap = QPixmap(side, side)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(KIND_COLORS.get(kind, "#757575")))
        painter.drawEllipse(0, 0, side, side)
        font = QFont()
        font.setPixelSize(side // 2)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(QRect(0, 0, side, side), Qt.AlignmentFlag.AlignCenter, letter)
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        icon.addPixmap(pixmap)
    return icon


class TimelineModel(QAbstractListModel):
    """Timeline items of one contact or account, newest first, fetched 50 at a time."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._contact_id: uuid.UUID | None = None
        self._account_id: uuid.UUID | None = None
        self._items: list[TimelineItem] = []
        self._more = False
        self._changing = False  # inside a reset or an insertion's notifications

    # -- what it shows ---------------------------------------------------------------------

    def set_subject(
        self, contact_id: uuid.UUID | None = None, account_id: uuid.UUID | None = None
    ) -> None:
        """Show the timeline of a contact or an account (neither: an empty list)."""
        with self._change():
            self.beginResetModel()
            self._contact_id, self._account_id = contact_id, account_id
            self._items = []
            self._more = contact_id is not None or account_id is not None
            self.endResetModel()

    def refresh(self) -> None:
        """Re-read what is loaded (at least a page) after something changed."""
        if self._contact_id is None and self._account_id is None:
            return
        wanted = max(len(self._items), PAGE_SIZE)
        items = self._read(wanted, 0)
        with self._change():
            self.beginResetModel()
            self._items = items
            self._more = len(items) == wanted
            self.endResetModel()

    @property
    def contact_id(self) -> uuid.UUID | None:
        return self._contact_id

    @property
    def account_id(self) -> uuid.UUID | None:
        return self._account_id

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    def _read(self, limit: int, offset: int) -> list[TimelineItem]:
        with self._db.reading() as session:
            return timeline(
                session,
                contact_id=self._contact_id,
                account_id=self._account_id,
                limit=limit,
                offset=offset,
            )

    @contextlib.contextmanager
    def _change(self) -> Iterator[None]:
        """A reset or an insertion. A slot of its signals that asks for more rows gets them just
        after it, not nested inside it (the same page read twice; views mid-change)."""
        self._changing = True
        try:
            yield
        finally:
            self._changing = False

    # -- Qt's model interface ----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        if self._changing:
            QTimer.singleShot(0, self, lambda: self.fetchMore(QModelIndex()))
            return
        page = self._read(PAGE_SIZE, len(self._items))
        self._more = len(page) == PAGE_SIZE
        if page:
            first = len(self._items)
            with self._change():
                self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
                self._items.extend(page)
                self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return subject_text(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(item.kind, kind_text(item)[:1].upper())
        if role == Qt.ItemDataRole.ToolTipRole:
            body = item.body.strip()
            return f"{local_text(item)}\n{body}" if body else local_text(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                p
                for p in (kind_text(item), item.subject, local_text(item), outcome_text(item))
                if p
            )
        if role == ItemRole:
            return item
        if role == IdRole:
            return item.id
        if role == WhenRole:
            return item.when
        if role == DetailRole:
            head = " · ".join(p for p in (kind_text(item), outcome_text(item)) if p)
            body = first_line(item.body)
            return f"{head} — {body}" if body else head
        if role == DateTextRole:
            return local_text(item)
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Two lines per item: subject and date, then kind · outcome — first line of the body."""

    PADDING = 6

    def _lines_height(self, option: QStyleOptionViewItem) -> int:
        metrics = QFontMetrics(option.font)
        return metrics.height() * 2 + 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = max(ICON_SIZE, self._lines_height(option)) + 2 * self.PADDING
        return QSize(320, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        widget = opt.widget
        style = widget.style() if widget else QApplication.style()
        opt.text = ""
        opt.icon = QIcon()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Normal
        text_color = opt.palette.color(
            group,
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text,
        )
        dim_color = QColor(text_color)
        if not selected:
            dim_color = opt.palette.color(group, QPalette.ColorRole.PlaceholderText)

        rect = option.rect.adjusted(self.PADDING, self.PADDING, -self.PADDING, -self.PADDING)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        icon_rect = QRect(rect.left(), rect.top() + 1, ICON_SIZE, ICON_SIZE)
        if isinstance(icon, QIcon):
            icon.paint(painter, icon_rect)
        text_left = icon_rect.right() + 1 + 10
        metrics = QFontMetrics(option.font)
        line = metrics.height()

        painter.save()
        date = index.data(DateTextRole) or ""
        date_width = metrics.horizontalAdvance(date)
        painter.setPen(dim_color)
        painter.setFont(option.font)
        date_rect = QRect(rect.right() - date_width, rect.top(), date_width, line)
        painter.drawText(
            date_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, date
        )

        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        subject_width = max(0, date_rect.left() - 12 - text_left)
        subject = bold_metrics.elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "",
            Qt.TextElideMode.ElideRight,
            subject_width,
        )
        painter.setFont(bold)
        painter.setPen(text_color)
        painter.drawText(
            QRect(text_left, rect.top(), subject_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            subject,
        )

        detail_width = max(0, rect.right() - text_left)
        detail = metrics.elidedText(
            index.data(DetailRole) or "", Qt.TextElideMode.ElideRight, detail_width
        )
        painter.setFont(option.font)
        painter.setPen(dim_color)
        painter.drawText(
            QRect(text_left, rect.top() + line + 2, detail_width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            detail,
        )
        painter.restore()


class TimelineView(QWidget):
    """The timeline list of one contact or account; refreshes when activities or events change.

    With an undo stack it also logs activities (`log_action`, Ctrl+L, and the button above the
    list) and opens what is double-clicked: an activity in the Log activity dialog for editing,
    a calendar entry in a details window.
    """

    item_activated = Signal(object)  # the TimelineItem double-clicked or entered
    case_requested = Signal(object)  # a service case's id: it opens in the Service pane

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        parent: QWidget | None = None,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self.dialog: ActivityDialog | DetailsDialog | None = None  # the one open, if any
        self.model = TimelineModel(db, self)
        self.list = QListView(self)
        self.list.setModel(self.model)
        self.list.setItemDelegate(TimelineDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setMinimumWidth(280)
        self.list.activated.connect(self._on_list_activated)
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)
        self.placeholder.setMargin(24)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.list)
        self._stack.addWidget(self.placeholder)

        shortcut = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L)
        self.log_action = QAction(self.tr("Log activity…"), self)
        self.log_action.setShortcut(shortcut)
        self.log_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.log_action.setToolTip(
            self.tr("Write down a call, visit, meeting, e-mail or note (%1)").replace(
                "%1", shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.log_action.triggered.connect(self.log_activity)
        self.log_action.setEnabled(False)
        self.addAction(self.log_action)
        self.log_button = QToolButton(self)
        self.log_button.setDefaultAction(self.log_action)
        self.log_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.title = QLabel(self.tr("History"), self)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        header = QHBoxLayout()
        header.setContentsMargins(8, 4, 4, 0)
        header.addWidget(self.title, 1)
        header.addWidget(self.log_button)
        self.log_button.setVisible(undo_stack is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)
        self.model.modelReset.connect(self._update_placeholder)
        self.model.rowsInserted.connect(self._update_placeholder)
        bus.changed.connect(self._on_bus_changed)
        self._update_placeholder()

    @property
    def contact_id(self) -> uuid.UUID | None:
        return self.model.contact_id

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.model.account_id

    def show_for(
        self, contact_id: uuid.UUID | None = None, account_id: uuid.UUID | None = None
    ) -> None:
        """Show the timeline of a contact or an account; the first page is read at once."""
        self.log_action.setEnabled(
            self._undo_stack is not None and (contact_id is not None or account_id is not None)
        )
        self.model.set_subject(contact_id, account_id)
        if self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
        self.list.scrollToTop()

    def _on_bus_changed(self, changes: Changes) -> None:
        if self.contact_id is None and self.account_id is None:
            return
        if (
            changes.activities
            or changes.events
            or changes.orders
            or changes.opportunities
            or changes.ids("cases")
            or (self.contact_id is not None and self.contact_id in changes.contacts)
            or (self.account_id is not None and self.account_id in changes.accounts)
        ):
            self.model.refresh()

    def _on_list_activated(self, index: QModelIndex) -> None:
        item = index.data(ItemRole)
        if item is None:
            return
        self.item_activated.emit(item)
        self.open_item(item)

    # -- logging and opening ---------------------------------------------------------------

    def log_activity(self) -> ActivityDialog | None:
        """Open the Log activity dialog for the contact or account shown (None: nothing is)."""
        if self._undo_stack is None or (self.contact_id is None and self.account_id is None):
            return None
        dialog = ActivityDialog(
            self._db,
            self._bus,
            self._undo_stack,
            contact_id=self.contact_id,
            account_id=self.account_id,
            parent=self,
        )
        self._open(dialog)
        return dialog

    def open_item(self, item: TimelineItem) -> QWidget | None:
        """An activity opens in the Log activity dialog for editing, an event in its details."""
        try:
            if item.source == "case":
                self.case_requested.emit(item.id)  # the window opens it in the Service pane
                return None
            if item.source == "activity":
                if self._undo_stack is None:
                    return None
                dialog: ActivityDialog | DetailsDialog = ActivityDialog(
                    self._db, self._bus, self._undo_stack, activity_id=item.id, parent=self
                )
            else:
                dialog = details_dialog(self._db, item.source, item.id, self)
        except KnownError as exc:
            errors.report(self, exc)
            return None
        return self._open(dialog)

    def _open(self, dialog: ActivityDialog | DetailsDialog) -> ActivityDialog | DetailsDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        if self.sender() is self.dialog:
            self.dialog = None

    def _update_placeholder(self, *_args: object) -> None:
        if self.model.rowCount() == 0:
            if self.contact_id is None and self.account_id is None:
                text = self.tr("Choose a contact or an account to see its history.")
            elif self.account_id is not None:
                text = self.tr(
                    "Nothing here yet: calls, visits and meetings with this account appear here."
                )
            else:
                text = self.tr(
                    "Nothing here yet: calls, visits and meetings with this contact appear here."
                )
            if self.log_action.isEnabled():
                text += "\n" + self.tr("Press %1 to log one.").replace(
                    "%1",
                    self.log_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
                )
            self.placeholder.setText(text)
            self._stack.setCurrentWidget(self.placeholder)
        else:
            self._stack.setCurrentWidget(self.list)


__all__ = ["TimelineDelegate", "TimelineModel", "TimelineView"]
