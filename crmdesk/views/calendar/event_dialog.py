"""The event dialog: what, when (in which zone), where, for whom, how often, and reminders.

For whom: the account, and any of its contacts ticked (a visit to three people of one
customer); the event is filed under the first ticked, or the one it was filed under before.

Saving checks the draft and warns about clashes with the owner's other timed events
(services.calendar.conflicts); the user may save anyway. The dialog only builds the draft: the
pane writes it (one write operation, an undo step).
"""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from crmdesk.core.clock import local_zone_name
from crmdesk.core.errors import KnownError
from crmdesk.models.enums import EventKind, EventStatus
from crmdesk.services.calendar import (
    NAME_LENGTH,
    EventDraft,
    EventOccurrence,
    check_draft,
    conflicts,
)
from crmdesk.services.calendar_tasks import DONE_WITH_OUTCOME
from crmdesk.store.db import Database
from crmdesk.views.calendar.repeat_rule import Repeat, RepeatChoice, choice_of, rule_of
from crmdesk.views.contacts.contact_form import AccountPicker
from crmdesk.views.shell import errors
from crmdesk.views.shell.vocabulary import enum_text

REMINDER_MINUTES = (0, 5, 15, 30, 60, 120, 1440)
CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_CONTACT_ROWS = 4
_ZONES: list[str] = []


def zone_names() -> list[str]:
    if not _ZONES:
        _ZONES.extend(sorted(zoneinfo.available_timezones()))
    return _ZONES


class EventDialog(QDialog):
    """Edit an EventDraft; `clashes` holds what the last save check found. A saved visit,
    call or meeting offers Mark done…, which closes the dialog with MARK_DONE (its edits are
    not saved): the pane then asks for the outcome."""

    MARK_DONE = 2

    def __init__(self, db: Database, draft: EventDraft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db, self._draft = db, draft
        self.clashes: list[EventOccurrence] = []
        self.setWindowTitle(self.tr("New event") if draft.id is None else self.tr("Edit event"))
        self.title = QLineEdit(self)
        self.kind = QComboBox(self)
        for kind in EventKind:
            self.kind.addItem(enum_text(kind), kind)
        self.all_day = QCheckBox(self.tr("All day"), self)
        self.starts = QDateTimeEdit(self)
        self.ends = QDateTimeEdit(self)
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setTimeZone(QTimeZone.utc())  # wall-clock times of the chosen zone, as given
        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.addItems(zone_names())
        self.location = QLineEdit(self)
        self.owner = QLineEdit(self)
        self.assigned_by = QLineEdit(self)  # a task's: who gave it to the owner
        self.assigned_by.setObjectName("assigned_by")
        self.assigned_by.setPlaceholderText(self.tr("Who gave this task to the owner"))
        for name_edit in (self.owner, self.assigned_by):
            name_edit.setMaxLength(NAME_LENGTH)
        self.account = AccountPicker(db, self)
        self.contacts = QListWidget(self)  # the chosen account's contacts, to tick
        self.contacts.setObjectName("event_contacts")
        self.contacts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.contacts.setUniformItemSizes(True)
        self.repeat = QComboBox(self)
        for repeat, text in self._repeat_words().items():
            self.repeat.addItem(text, repeat)
        self.interval = QSpinBox(self)
        self.interval.setRange(1, 99)
        self.interval.setPrefix(self.tr("every "))
        self.ends_by = QComboBox(self)
        self.ends_by.addItems([self.tr("never ends"), self.tr("until"), self.tr("times")])
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.count = QSpinBox(self)
        self.count.setRange(1, 999)
        self.reminder = QComboBox(self)
        self.reminder.addItem(self.tr("No reminder"), None)
        for minutes in REMINDER_MINUTES:
            self.reminder.addItem(self._reminder_text(minutes), minutes)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(90)
        self._build()
        self._fill(draft)

    def _repeat_words(self) -> dict[Repeat, str]:
        return {
            Repeat.NONE: self.tr("Does not repeat"),
            Repeat.DAILY: self.tr("Daily"),
            Repeat.WEEKLY: self.tr("Weekly"),
            Repeat.MONTHLY_DATE: self.tr("Monthly on the date"),
            Repeat.MONTHLY_WEEKDAY: self.tr("Monthly on the weekday"),
            Repeat.YEARLY: self.tr("Yearly"),
        }

    def _reminder_text(self, minutes: int) -> str:
        if minutes == 0:
            return self.tr("At the start")
        if minutes % 1440 == 0:
            return self.tr("%n day(s) before", "", minutes // 1440)
        if minutes % 60 == 0:
            return self.tr("%n hour(s) before", "", minutes // 60)
        return self.tr("%n minute(s) before", "", minutes)

    def _build(self) -> None:
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.all_day)
        form.addRow(self.tr("Kind"), kind_row)
        form.addRow(self.tr("Starts"), self.starts)
        form.addRow(self.tr("Ends"), self.ends)
        form.addRow(self.tr("Time zone"), self.zone)
        form.addRow(self.tr("Location"), self.location)
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Contacts"), self.contacts)
        form.addRow(self.tr("Owner"), self.owner)
        form.addRow(self.tr("Assigned by"), self.assigned_by)
        self._form = form
        repeat_row = QHBoxLayout()
        for widget in (self.repeat, self.interval, self.ends_by, self.until, self.count):
            repeat_row.addWidget(widget)
        form.addRow(self.tr("Repeat"), repeat_row)
        form.addRow(self.tr("Reminder"), self.reminder)
        form.addRow(self.tr("Description"), self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.done_button = buttons.addButton(self.tr("Mark done…"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button.setObjectName("mark_done")
        self.done_button.setToolTip(self.tr("Record the outcome as an activity"))
        self.done_button.clicked.connect(lambda: self.done(self.MARK_DONE))
        draft = self._draft
        self.done_button.setVisible(draft.id is not None and draft.kind in DONE_WITH_OUTCOME
                                    and draft.status != EventStatus.DONE)
        self.buttons = buttons
        form.addRow(buttons)
        self.all_day.toggled.connect(self._on_all_day_toggled)
        self.kind.currentIndexChanged.connect(self._on_kind_changed)
        self.repeat.currentIndexChanged.connect(self._on_repeat_changed)
        self.ends_by.currentIndexChanged.connect(self._on_repeat_changed)
        self.starts.dateTimeChanged.connect(self._on_starts_changed)
        self.account.currentTextChanged.connect(lambda _: self._fill_contacts([]))

    # -- draft <-> fields ----------------------------------------------------------------------

    def _fill(self, draft: EventDraft) -> None:
        zone_name = draft.time_zone if draft.time_zone in zone_names() else local_zone_name()
        zone = ZoneInfo(zone_name)
        self.title.setText(draft.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.all_day.setChecked(draft.all_day)
        self.zone.setCurrentText(zone_name)
        if draft.all_day and draft.start_date is not None:
            last = (draft.end_date or draft.start_date + dt.timedelta(days=1)) - dt.timedelta(1)
            start = dt.datetime.combine(draft.start_date, dt.time(9))
            end = dt.datetime.combine(max(last, draft.start_date), dt.time(10))
        else:
            now = dt.datetime.now(zone).replace(minute=0, second=0, microsecond=0)
            start = (draft.starts_at or now + dt.timedelta(hours=1)).astimezone(zone)
            end = (draft.ends_at or start + dt.timedelta(hours=1)).astimezone(zone)
            start, end = start.replace(tzinfo=None), end.replace(tzinfo=None)
        self.starts.setDateTime(_qt(start))
        self.ends.setDateTime(_qt(end))
        self.location.setText(draft.location)
        self.owner.setText(draft.owner)
        self.assigned_by.setText(draft.assigned_by)
        self._on_kind_changed()
        if draft.account_id is not None:
            self.account.set_account(draft.account_id, self._account_name(draft.account_id))
        self._fill_contacts(draft.linked_contacts())
        choice = choice_of(draft.rrule, zone)
        self.repeat.setCurrentIndex(max(0, self.repeat.findData(choice.repeat)))
        self.interval.setValue(choice.interval)
        self.ends_by.setCurrentIndex(2 if choice.count else 1 if choice.until else 0)
        self.until.setDate(_qt_date(choice.until or start.date() + dt.timedelta(days=90)))
        self.count.setValue(choice.count or 10)
        first = draft.reminders[0] if draft.reminders else None
        self.reminder.setCurrentIndex(max(0, self.reminder.findData(first)))
        self.description.setPlainText(draft.description)
        self._on_all_day_toggled(draft.all_day)
        self._on_repeat_changed()

    def _account_name(self, account_id: uuid.UUID) -> str:
        from crmdesk.services.accounts import account_rows

        with self._db.reading() as session:
            rows = account_rows(session, [account_id])
        return rows[0].name if rows else ""

    def _fill_contacts(self, wanted: list[uuid.UUID]) -> None:
        """The chosen account's contacts, and any already linked from elsewhere: the `wanted`
        ones ticked and listed first, so they show without scrolling; each part by name."""
        from crmdesk.services.activities import people_present_choices

        account_id = self.account.account_id()
        self.contacts.clear()
        if account_id is None and not wanted:
            self._size_contacts()
            return
        with self._db.reading() as session:
            people = people_present_choices(session, None, account_id, wanted)
        ticked = set(wanted)
        people.sort(key=lambda p: p.id not in ticked)  # stable: by name within each part
        for person in people:
            text = f"{person.name} · {person.title}" if person.title else person.name
            item = QListWidgetItem(text, self.contacts)
            item.setData(CONTACT_ID_ROLE, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = person.id in ticked
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._size_contacts()

    def _size_contacts(self) -> None:
        """A few rows high (it scrolls), or one line saying the account has no contacts."""
        count = self.contacts.count()
        row = self.contacts.sizeHintForRow(0) if count else self.fontMetrics().height() + 4
        self.contacts.setFixedHeight(row * min(max(count, 1), SHOWN_CONTACT_ROWS) + 6)
        self.contacts.setToolTip("" if count else self.tr("Choose an account to list its contacts"))

    def contact_ids(self) -> list[uuid.UUID]:
        """The ticked contacts, the one the event was filed under first if still ticked."""
        ticked = [self.contacts.item(i).data(CONTACT_ID_ROLE) for i in range(self.contacts.count())
                  if self.contacts.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip
        first = self._draft.contact_id
        return sorted(ticked, key=lambda i: i != first)

    def tick_contact(self, contact_id: uuid.UUID, ticked: bool = True) -> None:
        """Tick (or untick) a listed contact, as a click on its box does."""
        for i in range(self.contacts.count()):
            item = self.contacts.item(i)
            if item.data(CONTACT_ID_ROLE) == contact_id:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def draft(self) -> EventDraft:
        """The draft as the fields say (times converted from the chosen zone to UTC)."""
        zone_name = self.zone.currentText().strip() or local_zone_name()
        try:
            zone = ZoneInfo(zone_name)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            zone, zone_name = ZoneInfo(local_zone_name()), local_zone_name()
        start = _py(self.starts.dateTime())
        end = _py(self.ends.dateTime())
        all_day = self.all_day.isChecked()
        choice = RepeatChoice(
            self.repeat.currentData(), self.interval.value(),
            _py_date(self.until.date()) if self.ends_by.currentIndex() == 1 else None,
            self.count.value() if self.ends_by.currentIndex() == 2 else None,
        )
        minutes = self.reminder.currentData()
        base = self._draft
        contacts = self.contact_ids()
        draft = EventDraft(
            title=self.title.text().strip(), kind=self.kind.currentData(), status=base.status,
            all_day=all_day, time_zone=zone_name,
            rrule=rule_of(choice, start.date(), zone, all_day),
            location=self.location.text().strip(),
            description=self.description.toPlainText().strip(), owner=self.owner.text().strip(),
            assigned_by=self.assigned_by.text().strip() if self._is_task() else "",
            account_id=self.account.account_id(), contact_id=contacts[0] if contacts else None,
            contact_ids=contacts,
            opportunity_id=base.opportunity_id, case_id=base.case_id,
            reminders=[] if minutes is None else [minutes], id=base.id, version=base.version,
        )
        if all_day:
            draft.start_date = start.date()
            draft.end_date = max(end.date(), start.date()) + dt.timedelta(days=1)
        else:
            draft.starts_at = start.replace(tzinfo=zone).astimezone(dt.UTC)
            draft.ends_at = end.replace(tzinfo=zone).astimezone(dt.UTC)
        return draft

    # -- reacting ------------------------------------------------------------------------------

    def _on_all_day_toggled(self, checked: bool) -> None:
        shown = "yyyy-MM-dd" if checked else "yyyy-MM-dd HH:mm"
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat(shown)
        self.zone.setEnabled(not checked)

    def _is_task(self) -> bool:
        return bool(self.kind.currentData() == EventKind.TASK)

    def _on_kind_changed(self) -> None:
        """Only a task is given by someone: the row shows for tasks alone."""
        self._form.setRowVisible(self.assigned_by, self._is_task())

    def _on_repeat_changed(self) -> None:
        repeats = self.repeat.currentData() != Repeat.NONE
        self.interval.setVisible(repeats)
        self.ends_by.setVisible(repeats)
        self.until.setVisible(repeats and self.ends_by.currentIndex() == 1)
        self.count.setVisible(repeats and self.ends_by.currentIndex() == 2)

    def _on_starts_changed(self, value: QDateTime) -> None:
        if self.ends.dateTime() < value:
            self.ends.setDateTime(value.addSecs(3600))

    def accept(self) -> None:
        """Check the draft, warn about clashes (the user may save anyway), then close."""
        draft = self.draft()
        try:
            check_draft(draft)
        except KnownError as exc:
            errors.report(self, exc)
            return
        self.clashes = self._clashes(draft)
        if self.clashes and not self._save_anyway(self.clashes):
            return
        super().accept()

    def _clashes(self, draft: EventDraft) -> list[EventOccurrence]:
        if draft.all_day or draft.kind == EventKind.TASK or draft.starts_at is None:
            return []
        end = draft.ends_at or draft.starts_at
        with self._db.reading() as session:
            return conflicts(session, draft.owner, draft.starts_at, end, ignore=draft.id)

    def _save_anyway(self, clashes: list[EventOccurrence]) -> bool:
        zone = ZoneInfo(local_zone_name())
        lines = []
        for one in clashes[:5]:
            start = one.start.astimezone(zone) if isinstance(one.start, dt.datetime) else one.start
            lines.append(f"• {start:%Y-%m-%d %H:%M} {one.title}")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Time clash"),
                          self.tr("This overlaps %n other event(s) of the same owner:", "",
                                  len(clashes)) + "\n" + "\n".join(lines),
                          QMessageBox.StandardButton.NoButton, self)
        save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setObjectName("clash_warning")
        box.exec()
        return box.clickedButton() is save


def _qt(value: dt.datetime) -> QDateTime:
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute), QTimeZone.utc())


def _qt_date(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _py(value: QDateTime) -> dt.datetime:
    day, time = value.date(), value.time()
    return dt.datetime(day.year(), day.month(), day.day(), time.hour(), time.minute())


def _py_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


__all__ = ["EventDialog"]
