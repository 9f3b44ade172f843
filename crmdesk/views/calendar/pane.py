"""The Calendar pane: day, week, work-week, month and agenda views of one range-keyed model,
a mini month to jump, and the task list beside them.

Keys (while a view has the focus): arrows move a day (up/down a week), PgUp/PgDn a whole
period, T goes to today, 1–5 choose the view (6: the team, owners side by side);
Ctrl+Shift+N opens a new event.
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import uuid
from collections.abc import Callable
from enum import IntEnum

from PySide6.QtCore import (
    QDate,
    QEvent,
    QKeyCombination,
    QLocale,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextCharFormat,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.clock import local_zone, local_zone_name
from crmdesk.services.calendar import EventDraft, EventOccurrence, occurrences_between
from crmdesk.services.calendar_tasks import event_owners
from crmdesk.store.db import Database
from crmdesk.views.calendar.day_header import DayHeader
from crmdesk.views.calendar.day_marks import DayMarks, country_of
from crmdesk.views.calendar.edits import CalendarEdits
from crmdesk.views.calendar.event_dialog import EventDialog
from crmdesk.views.calendar.month_grid import WEEKS, MonthGrid
from crmdesk.views.calendar.painting import HOLIDAY_TEXT, HOLIDAY_TINT, qdate, week_start
from crmdesk.views.calendar.range_model import CalendarRangeModel, OccurrenceRole
from crmdesk.views.calendar.reminders import ReminderNotice, ReminderWatcher
from crmdesk.views.calendar.task_list import TaskListModel
from crmdesk.views.calendar.time_grid import TimeGrid
from crmdesk.views.shell.bus import DataBus

AGENDA_DAYS = 14
NEW_EVENT_KEYS = QKeyCombination(
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_N
)
TEAM_SIZE = 8  # owners side by side in the team view, the busiest first


class CalendarView(IntEnum):
    DAY = 0
    WEEK = 1
    WORK_WEEK = 2
    MONTH = 3
    AGENDA = 4
    TEAM = 5


class CalendarPane(QWidget):
    """The calendar of one window; `model.first`/`model.last` is the range it shows."""

    range_shown = Signal(object, object)  # first day, last day (exclusive)

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        today: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.bus = db, bus
        saved = settings.value("calendar/owner", "") if settings else ""
        self.owner: str = str(saved or "") or getpass.getuser()
        self._settings = settings
        self.view = CalendarView.WEEK
        self.current = today or dt.datetime.now(local_zone()).date()
        locale = QLocale()
        chinese = locale.language() == QLocale.Language.Chinese
        self.marks = DayMarks(country_of(locale), lunar=chinese,
                              language="zh_CN" if chinese else "")
        shown = str(settings.value("calendar/shown", "") or "") if settings else ""
        self.model = CalendarRangeModel(db, bus, owner=shown or None, parent=self)
        self.edits = CalendarEdits(db, bus, undo_stack, self)
        self.tasks = TaskListModel(db, bus, self)
        self.tasks.done_toggled.connect(self.edits.set_done)
        self.selected: EventOccurrence | None = None
        self.reminders = ReminderWatcher(db, settings, self)
        self.notice = ReminderNotice(self)
        self.reminders.fired.connect(self.notice.show_due)
        self.notice.snooze_requested.connect(self.reminders.snooze)
        self.notice.open_requested.connect(self.open_occurrence)
        self._build()
        self._build_keys()
        self._show()
        if settings is not None:  # the app's pane (tests drive `reminders.check` themselves)
            QTimer.singleShot(0, self.reminders.start)

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.previous_button = QToolButton(self)
        self.previous_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.previous_button.setToolTip(self.tr("Previous (PgUp)"))
        self.next_button = QToolButton(self)
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.setToolTip(self.tr("Next (PgDn)"))
        self.today_button = QPushButton(self.tr("Today"), self)
        self.period_label = QLabel(self)
        font = self.period_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.period_label.setFont(font)
        self.period_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.new_button = QPushButton(self.tr("New event"), self)
        self.plan_button = QPushButton(self.tr("Day plan…"), self)
        self.plan_button.setToolTip(self.tr("The day's visits as a printable PDF"))
        self.view_buttons = QButtonGroup(self)
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(widget)
        bar.addWidget(self.period_label, 1)
        words = (self.tr("Day"), self.tr("Week"), self.tr("Work week"), self.tr("Month"),
                 self.tr("Agenda"), self.tr("Team"))
        for view, text in zip(CalendarView, words, strict=True):
            button = QToolButton(self)
            button.setText(text)
            button.setCheckable(True)
            button.setToolTip(f"{text} ({view + 1})")
            self.view_buttons.addButton(button, int(view))
            bar.addWidget(button)

        self.header = DayHeader(self.model, self.marks, self)
        self.grid = TimeGrid(self.model, self.marks, self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.grid)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        timed = QWidget(self)
        timed_layout = QVBoxLayout(timed)
        timed_layout.setContentsMargins(0, 0, 0, 0)
        timed_layout.setSpacing(0)
        timed_layout.addWidget(self.header)
        timed_layout.addWidget(self.scroll_area, 1)
        self.month = MonthGrid(self.model, self.marks, self)
        self.agenda = QListView(self)
        self.agenda.setModel(self.model)
        self.agenda.setUniformItemSizes(True)
        self.views = QStackedWidget(self)
        for page in (timed, self.month, self.agenda):
            self.views.addWidget(page)

        self.mini_month = QCalendarWidget(self)
        self.mini_month.setFirstDayOfWeek(QLocale().firstDayOfWeek())
        self.mini_month.setGridVisible(False)
        self.mini_month.setVerticalHeaderFormat(
            QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.mini_month.currentPageChanged.connect(self._mark_mini_month)
        self._mark_mini_month(self.current.year, self.current.month)
        self.task_view = QListView(self)
        self.task_view.setModel(self.tasks)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()  # here, not in the top bar: that one sets the pane's least width
        actions.addWidget(self.new_button)
        actions.addWidget(self.plan_button)
        side_layout.addLayout(actions)
        whose = QHBoxLayout()
        whose.addWidget(QLabel(self.tr("Calendar of"), self))
        self.shown_owner = QComboBox(self)
        self.shown_owner.setToolTip(self.tr("Whose events the views show"))
        self.shown_owner.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # keys stay with the views
        whose.addWidget(self.shown_owner, 1)
        side_layout.addLayout(whose)
        self._fill_shown_owners()
        self.shown_owner.activated.connect(
            lambda _: self.show_owner(self.shown_owner.currentData()))
        side_layout.addWidget(self.mini_month)
        tasks_bar = QHBoxLayout()
        tasks_bar.addWidget(QLabel(self.tr("Tasks"), self))
        self.task_owner = QComboBox(self)
        self.task_owner.setToolTip(self.tr("Whose tasks to list"))
        self.task_owner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        tasks_bar.addWidget(self.task_owner, 1)
        side_layout.addLayout(tasks_bar)
        side_layout.addWidget(self.task_view, 1)
        self._fill_task_owners()
        self.tasks.modelReset.connect(self._fill_task_owners)
        self.task_owner.activated.connect(
            lambda _: self.tasks.set_owner(self.task_owner.currentData()))
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.views)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setSizes([900, 260])
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)

        # a click on a button of the pane leaves the keyboard with the calendar (Tab still
        # reaches them), so T, 1-6, the arrows and PgUp/PgDn keep working after it
        pressed: QAbstractButton
        for pressed in (self.previous_button, self.next_button, self.today_button,
                        self.new_button, self.plan_button):
            pressed.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.previous_button.clicked.connect(lambda: self.step_period(-1))
        self.next_button.clicked.connect(lambda: self.step_period(1))
        self.today_button.clicked.connect(self.go_today)
        self.new_button.clicked.connect(self.new_event)
        self.plan_button.clicked.connect(self.show_day_plan)
        self.model.range_loaded.connect(self._on_model_range_loaded)
        self.view_buttons.idClicked.connect(lambda view: self.set_view(CalendarView(view)))
        self.mini_month.clicked.connect(
            lambda day: self.go_to(dt.date(day.year(), day.month(), day.day())))
        self.grid.create_requested.connect(self.new_event_between)
        self.grid.open_requested.connect(self.open_occurrence)
        self.grid.move_requested.connect(self._on_grid_move_requested)
        self.header.open_requested.connect(self.open_occurrence)
        self.header.day_requested.connect(self.show_day)
        self.month.open_requested.connect(self.open_occurrence)
        self.month.day_requested.connect(self.show_day)
        self.agenda.doubleClicked.connect(
            lambda index: self.open_occurrence(index.data(OccurrenceRole)))

    def _build_keys(self) -> None:
        keys: dict[Qt.Key, Callable[[], object]] = {
            Qt.Key.Key_Left: lambda: self.step_days(-1),
            Qt.Key.Key_Right: lambda: self.step_days(1),
            Qt.Key.Key_Up: lambda: self.step_days(-7),
            Qt.Key.Key_Down: lambda: self.step_days(7),
            Qt.Key.Key_PageUp: lambda: self.step_period(-1),
            Qt.Key.Key_PageDown: lambda: self.step_period(1),
            Qt.Key.Key_T: self.go_today,
            Qt.Key.Key_Delete: self.delete_selected,
        }
        for number, view in zip(range(1, 7), CalendarView, strict=True):
            keys[Qt.Key(Qt.Key.Key_0.value + number)] = functools.partial(self.set_view, view)
        self.shortcuts = []
        for key, slot in keys.items():
            shortcut = QShortcut(QKeySequence(key), self.views)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts.append(shortcut)

    def event(self, event: QEvent) -> bool:
        """Ctrl+Shift+N anywhere in the pane is a new event: claimed before shortcuts are
        looked up, so the window's New Database (the same keys elsewhere) does not take it."""
        overriding = event.type() == QEvent.Type.ShortcutOverride
        if overriding and isinstance(event, QKeyEvent) and event.keyCombination() == NEW_EVENT_KEYS:
            event.accept()
            QTimer.singleShot(0, self.new_event)
            return True
        return super().event(event)

    def _fill_shown_owners(self) -> None:
        """Everyone, then each owner of events, the busiest first (the shown one kept)."""
        with self.db.reading() as session:
            owners = event_owners(session)
        shown = self.model.owner
        if shown and shown not in owners:
            owners.append(shown)
        self.shown_owner.clear()
        self.shown_owner.addItem(self.tr("Everyone"), None)
        for owner in owners:
            self.shown_owner.addItem(owner, owner)
        self.shown_owner.setCurrentIndex(max(0, self.shown_owner.findData(shown)))

    def show_owner(self, owner: str | None) -> None:
        """Show one owner's events (None: everyone's), remembered for the next start."""
        self.model.owner = None if self.view == CalendarView.TEAM else owner or None
        if self._settings is not None:
            self._settings.setValue("calendar/shown", owner or "")
        self.shown_owner.setCurrentIndex(max(0, self.shown_owner.findData(owner or None)))
        self.model.refresh()

    def _fill_task_owners(self) -> None:
        """Everyone, then each owner of open tasks (the chosen one kept)."""
        chosen = self.tasks.owner
        owners = [o for o in self.tasks.owners if o]
        if chosen and chosen not in owners:
            owners.append(chosen)
        self.task_owner.blockSignals(True)
        self.task_owner.clear()
        self.task_owner.addItem(self.tr("Everyone, by owner"), None)
        for owner in owners:
            self.task_owner.addItem(owner or self.tr("No owner"), owner)
        self.task_owner.setCurrentIndex(max(0, self.task_owner.findData(chosen)))
        self.task_owner.blockSignals(False)

    def _mark_mini_month(self, year: int, month: int) -> None:
        """Holidays shaded in the mini month, make-up working days in working days' colour."""
        holiday = QTextCharFormat()
        holiday.setBackground(HOLIDAY_TINT)
        holiday.setForeground(HOLIDAY_TEXT)
        worked = QTextCharFormat()
        worked.setForeground(self.palette().color(QPalette.ColorRole.Text))
        first = dt.date(year, month, 1) - dt.timedelta(days=7)
        for offset in range(50):
            day = first + dt.timedelta(days=offset)
            when = QDate(day.year, day.month, day.day)
            if self.marks.holiday(day):
                self.mini_month.setDateTextFormat(when, holiday)
            elif self.marks.is_makeup_workday(day):
                self.mini_month.setDateTextFormat(when, worked)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not getattr(self, "_shown_once", False):
            self._shown_once = True
            QTimer.singleShot(0, self._scroll_to_morning)

    def _scroll_to_morning(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(8 * self.grid.hour_height - 10)

    # -- what is shown -------------------------------------------------------------------------

    def visible_range(self) -> tuple[dt.date, dt.date]:
        """The days [first, last) the current view shows."""
        day = self.current
        if self.view in (CalendarView.DAY, CalendarView.TEAM):
            return day, day + dt.timedelta(days=1)
        if self.view in (CalendarView.WEEK, CalendarView.WORK_WEEK):
            first = week_start(day)
            days = [first + dt.timedelta(days=i) for i in range(7)]
            if self.view == CalendarView.WORK_WEEK:
                days = [d for d in days if d.isoweekday() <= 5]
            return days[0], days[-1] + dt.timedelta(days=1)
        if self.view == CalendarView.MONTH:
            first = week_start(day.replace(day=1))
            return first, first + dt.timedelta(days=7 * WEEKS)
        return day, day + dt.timedelta(days=AGENDA_DAYS)

    def _show(self) -> None:
        first, last = self.visible_range()
        days = [first + dt.timedelta(days=i) for i in range((last - first).days)]
        self.view_buttons.button(int(self.view)).setChecked(True)
        if self.view in (CalendarView.DAY, CalendarView.WEEK, CalendarView.WORK_WEEK,
                         CalendarView.TEAM):
            self.views.setCurrentIndex(0)
            owners = self.team() if self.view == CalendarView.TEAM else None
            if owners:
                days = [first] * len(owners)
            self.grid.set_days(days, self.current, owners)
            self.header.gutter = self.grid.gutter
            self.header.right_margin = self.scroll_area.verticalScrollBar().sizeHint().width()
            self.header.set_days(days, owners)
        elif self.view == CalendarView.MONTH:
            self.views.setCurrentIndex(1)
            self.month.set_month(first, self.current)
        else:
            self.views.setCurrentIndex(2)
        self._keep_keyboard()
        self.period_label.setText(self._period_text(first, last))
        self.mini_month.setSelectedDate(QDate(self.current.year, self.current.month,
                                              self.current.day))
        self.model.set_range(first, last)
        self.range_shown.emit(first, last)

    def view_widget(self) -> QWidget:
        """The widget of the current view that takes the keyboard: the time grid, the month
        or the agenda."""
        return (self.grid, self.month, self.agenda)[self.views.currentIndex()]

    def _keep_keyboard(self) -> None:
        """The pane's focus proxy is the current view, so focusing the pane (the window does
        when its entry is clicked) lands where the calendar keys work (a view switched while
        one had the keyboard hands it on: QStackedWidget does that)."""
        self.setFocusProxy(self.view_widget())

    def team(self) -> list[str]:
        """The owners of the shown day's timed occurrences, the busiest first."""
        counts: dict[str, int] = {}
        for one in self.model.on_day(self.current):
            if one.owner and not one.all_day:
                counts[one.owner] = counts.get(one.owner, 0) + 1
        ranked = sorted(counts, key=lambda o: (-counts[o], o))[:TEAM_SIZE]
        return ranked or [self.owner]

    def _on_model_range_loaded(self) -> None:
        if self.view == CalendarView.TEAM and self.grid.owners != self.team():
            self._show()

    def _period_text(self, first: dt.date, last: dt.date) -> str:
        locale = QLocale()
        if self.view == CalendarView.MONTH:
            return locale.toString(qdate(self.current), "MMMM yyyy" if locale.language()
                                   != QLocale.Language.Chinese else "yyyy年M月")
        end = last - dt.timedelta(days=1)
        long = QLocale.FormatType.LongFormat
        if first == end:
            return locale.toString(qdate(first), long)
        return f"{locale.toString(qdate(first), long)} – {locale.toString(qdate(end), long)}"

    # -- navigation ----------------------------------------------------------------------------

    def set_view(self, view: CalendarView) -> None:
        self.view = view
        wanted = None if view == CalendarView.TEAM else self.shown_owner.currentData()
        if self.model.owner != wanted:  # the team view is everyone's, side by side
            self.model.owner = wanted
            self.model.refresh()
        self._show()

    def go_to(self, day: dt.date) -> None:
        self.current = day
        self._show()

    def go_today(self) -> None:
        self.go_to(dt.datetime.now(local_zone()).date())

    def show_day(self, day: dt.date) -> None:
        self.current, self.view = day, CalendarView.DAY
        self._show()

    def step_days(self, days: int) -> None:
        self.go_to(self.current + dt.timedelta(days=days))

    def step_period(self, direction: int) -> None:
        if self.view in (CalendarView.DAY, CalendarView.TEAM):
            self.step_days(direction)
        elif self.view in (CalendarView.WEEK, CalendarView.WORK_WEEK):
            self.step_days(7 * direction)
        elif self.view == CalendarView.AGENDA:
            self.step_days(AGENDA_DAYS * direction)
        else:
            month = self.current.month - 1 + direction
            year = self.current.year + month // 12
            self.go_to(dt.date(year, month % 12 + 1, 1))

    # -- editing -------------------------------------------------------------------------------

    def _new_draft(self) -> EventDraft:
        return EventDraft(title="", owner=self.owner, time_zone=local_zone_name())

    def new_event(self) -> bool:
        zone = local_zone()
        start = dt.datetime.combine(self.current, dt.time(9), tzinfo=zone)
        return self.new_event_between(start, start + dt.timedelta(hours=1))

    def new_event_between(self, start: dt.datetime, end: dt.datetime) -> bool:
        draft = self._new_draft()
        draft.starts_at, draft.ends_at = start.astimezone(dt.UTC), end.astimezone(dt.UTC)
        dialog = EventDialog(self.db, draft, self)
        self.dialog = dialog
        if not dialog.exec():
            return False
        return self.edits.create(dialog.draft())

    def open_occurrence(self, one: EventOccurrence | None) -> bool:
        if one is None:
            return False
        self.selected = one
        draft = self.edits.occurrence_draft(one)
        dialog = EventDialog(self.db, draft, self)
        self.dialog = dialog
        result = dialog.exec()
        if result == EventDialog.MARK_DONE:
            return self.edits.mark_done(one)
        if not result:
            return False
        return self.edits.change(one, dialog.draft())

    def open_event(self, event_id: uuid.UUID, day: dt.date) -> bool:
        """Show `day` and open the event on it (a Today line: a task, a visit, a call; a
        series' occurrence of that day). False when it is not there (deleted meanwhile)."""
        self.show_day(day)
        zone = local_zone()
        start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(), tzinfo=zone)
        with self.db.reading() as session:
            found = [
                o for o in occurrences_between(session, start.astimezone(dt.UTC),
                                               (start + dt.timedelta(days=3)).astimezone(dt.UTC))
                if event_id in (o.event_id, o.series_id)
            ]  # fmt: skip

        def local_day(one: EventOccurrence) -> dt.date:
            when = one.start
            return when.astimezone(zone).date() if isinstance(when, dt.datetime) else when

        on_day = [o for o in found if local_day(o) == day] or found
        return self.open_occurrence(on_day[0]) if on_day else False

    def show_day_plan(self) -> None:
        """The current day's plan for this pane's owner (everyone's when they have none)."""
        from crmdesk.views.calendar.day_plan_view import DayPlanDialog

        with self.db.reading() as session:
            from crmdesk.services.day_plan import day_plan

            mine = day_plan(session, self.current, local_zone(), self.owner).stops
        self.plan_dialog = DayPlanDialog(self.db, self.current, self.owner if mine else None,
                                         self)
        self.plan_dialog.show()

    def delete_selected(self) -> bool:
        one = self.grid_selected()
        return self.edits.delete(one) if one is not None else False

    def grid_selected(self) -> EventOccurrence | None:
        return self.grid.selected or self.selected

    def _on_grid_move_requested(
        self, one: EventOccurrence, start: dt.datetime, end: dt.datetime
    ) -> None:
        self.edits.move(one, start, end)


__all__ = ["CalendarPane", "CalendarView"]
