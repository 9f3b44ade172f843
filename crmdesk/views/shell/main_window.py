"""The main window: navigation between panes, menus, toolbar, status bar, saved geometry.

One window per database file: opening another file opens a window on it and closes this one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

from PySide6.QtCore import QLockFile, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStyle,
    QToolBar,
    QWidget,
)

from crmdesk import __version__
from crmdesk.core.errors import KnownError
from crmdesk.services import backups, insights
from crmdesk.services.mailing import Selection
from crmdesk.store.db import Database
from crmdesk.views.calendar.pane import CalendarPane
from crmdesk.views.campaigns.email_settings import EmailPage
from crmdesk.views.campaigns.pane import CampaignsPane
from crmdesk.views.contacts.duplicates_view import DuplicatesDialog
from crmdesk.views.contacts.pane import CONTACTS, ContactsPane
from crmdesk.views.insights.pane import InsightsPane
from crmdesk.views.insights.settings_page import InsightsSettingsPage
from crmdesk.views.pipeline.pane import PipelinePane
from crmdesk.views.pipeline.stage_settings import StageSettingsPage
from crmdesk.views.service.pane import ServicePane
from crmdesk.views.service.settings_page import ServiceLevelsPage
from crmdesk.views.shell import database_files, errors, tasks, writes
from crmdesk.views.shell.backup_settings import BackupsPage
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.history_view import HistoryDialog
from crmdesk.views.shell.i18n import button_text
from crmdesk.views.shell.icons import application_icon
from crmdesk.views.shell.safety import RestoreDialog, open_for_window
from crmdesk.views.shell.settings_dialog import CompanyPage, PageFactory, SettingsDialog
from crmdesk.views.shell.undo import UndoHistory
from crmdesk.views.today.page import TodayPage
from crmdesk.views.transfer.export_dialog import ExportDialog
from crmdesk.views.transfer.import_wizard import ImportWizard
from crmdesk.views.widgets.wheel_guard import install_wheel_guard

FIRST_START_SHARE = 0.88  # of the screen's free area, the first time
FIRST_START_LIMIT = QSize(1600, 1000)
DEMO_BADGE_STYLE = "background: #f2b134; color: #1d1d1d; font-weight: bold; padding: 1px 6px;"


def first_start_geometry(available: QRect) -> QRect:
    """Most of the screen's free area (capped on big screens), centred in it."""
    size = QSize(
        min(int(available.width() * FIRST_START_SHARE), FIRST_START_LIMIT.width()),
        min(int(available.height() * FIRST_START_SHARE), FIRST_START_LIMIT.height()),
    )
    rect = QRect(available.topLeft(), size)
    rect.moveCenter(available.center())
    return rect


# Each wing's tab in Tools > Settings, in the order shown.
SETTINGS_PAGES: list[PageFactory] = [
    CompanyPage, StageSettingsPage, ServiceLevelsPage, InsightsSettingsPage, EmailPage,
    BackupsPage,
]


class PlannedPane(QLabel):
    """A pane whose screen arrives in a later release: says so plainly."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setEnabled(False)


class MainWindow(QMainWindow):
    """One window per database: Contacts, Calendar and Opportunities share its undo stack."""

    def __init__(self, db: Database, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.settings = db, settings
        self.bus = DataBus(self)
        self.undo_stack = QUndoStack(self)
        self.undo_history = UndoHistory(db, self.bus, self.undo_stack, self)
        self.undo_history.reported.connect(self._on_undo_history_reported)
        self.duplicates_dialog: DuplicatesDialog | None = None
        self.history_dialog: HistoryDialog | None = None
        self.scores_task: tasks.Task | None = None  # recomputing stale stored scores
        self.window_lock: QLockFile | None = None  # this window's claim on the file
        title = database_files.window_title(db)
        self.setWindowTitle(
            self.tr("%1 (read-only)").replace("%1", title) if db.read_only else title
        )
        self.setWindowIcon(application_icon())

        install_wheel_guard()  # before any field exists: the wheel changes no unfocused value
        self.contacts_pane = ContactsPane(db, self.bus, self.undo_stack, self, settings=settings)
        self.calendar_pane = CalendarPane(db, self.bus, self.undo_stack, self, settings=settings)
        self.pipeline_pane = PipelinePane(db, self.bus, self.undo_stack, self)
        self.today_page = TodayPage(db, self.bus, self, settings=settings)
        self.today_page.open_requested.connect(self.open_record)
        self.insights_pane = InsightsPane(db, self.bus, self.undo_stack, self)
        self.insights_pane.open_requested.connect(self.open_record)
        self.insights_pane.customers_picked.connect(self.show_customers)
        self.campaigns_pane = CampaignsPane(db, self.bus, self.undo_stack, self)
        self.service_pane = ServicePane(db, self.bus, self.undo_stack, self)
        self.service_pane.notices.connect(self._on_service_notices)
        self.contacts_pane.case_requested.connect(self.open_case)
        self.panes = QStackedWidget(self)
        self.navigation = QListWidget(self)
        self._add_pane(self.tr("Today"), QStyle.StandardPixmap.SP_DialogYesButton, self.today_page)
        self._add_pane(
            self.tr("Contacts"), QStyle.StandardPixmap.SP_DirHomeIcon, self.contacts_pane
        )
        self._add_pane(
            self.tr("Calendar"),
            QStyle.StandardPixmap.SP_FileDialogDetailedView,
            self.calendar_pane,
        )
        self._add_pane(
            self.tr("Opportunities"),
            QStyle.StandardPixmap.SP_ArrowUp,
            self.pipeline_pane,
        )
        self._add_pane(
            self.tr("Service"), QStyle.StandardPixmap.SP_MessageBoxInformation, self.service_pane
        )
        self._add_pane(
            self.tr("Insights"), QStyle.StandardPixmap.SP_FileDialogInfoView, self.insights_pane
        )
        self._add_pane(
            self.tr("Campaigns"), QStyle.StandardPixmap.SP_CommandLink,
            self.campaigns_pane,
        )  # fmt: skip
        self.navigation.setIconSize(QSize(24, 24))
        self.navigation.setFixedWidth(max(150, self.navigation.sizeHintForColumn(0) + 24))
        self.navigation.currentRowChanged.connect(self.panes.setCurrentIndex)
        self.navigation.itemClicked.connect(self._focus_pane)
        self.navigation.itemActivated.connect(self._focus_pane)
        self.navigation.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.panes, 1)
        self.setCentralWidget(central)

        self._build_actions()
        self._build_menus()
        self._build_toolbar()
        self._database_label = QLabel(str(db.url.database or db.url), self)
        self.demo_badge: QLabel | None = None
        if database_files.is_demo(db):
            self.demo_badge = QLabel(self.tr("Demo data (invented customers)"), self)
            self.demo_badge.setStyleSheet(DEMO_BADGE_STYLE)
            self.statusBar().addPermanentWidget(self.demo_badge)
        if db.read_only:
            badge = QLabel(self.tr("Read-only: open in another window"), self)
            badge.setStyleSheet(DEMO_BADGE_STYLE)
            self.statusBar().addPermanentWidget(badge)
        self.statusBar().addPermanentWidget(self._database_label)
        if (path := database_files.database_path(db)) is not None:
            database_files.remember_database(settings, path)
        self.undo_stack.indexChanged.connect(self._on_undo_stack_index_changed)
        self._restore_state()

    def _on_service_notices(self, notices: list[object]) -> None:
        """Escalated cases, told while crmdesk runs: in the status bar for a while."""
        texts = [self.service_pane.notice_text(n) for n in notices]  # type: ignore[arg-type]
        self.statusBar().showMessage("  ·  ".join(texts), 60_000)

    def _add_pane(self, title: str, icon: QStyle.StandardPixmap, pane: QWidget) -> None:
        item = QListWidgetItem(self.style().standardIcon(icon), title)
        item.setSizeHint(QSize(140, 40))
        self.navigation.addItem(item)
        self.panes.addWidget(pane)

    def _action(
        self,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot: object,
        icon: QStyle.StandardPixmap | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        sp = QStyle.StandardPixmap
        pane = self.contacts_pane
        self.new_action = self._action(
            self.tr("&New"), QKeySequence.StandardKey.New, self._on_new_triggered, sp.SP_FileIcon
        )
        self.delete_action = self._action(
            self.tr("&Delete"), None, pane.delete_selected, sp.SP_TrashIcon
        )
        self.find_action = self._action(
            self.tr("&Find"),
            QKeySequence.StandardKey.Find,
            self._on_find_triggered,
            sp.SP_FileDialogContentsView,
        )
        self.import_action = self._action(
            self.tr("&Import…"), "Ctrl+I", self.show_import, sp.SP_DialogOpenButton
        )
        self.export_action = self._action(
            self.tr("&Export…"), "Ctrl+E", self.show_export, sp.SP_DialogSaveButton
        )
        self.labels_action = self._action(self.tr("Mailing &Labels…"), None, self.show_labels)
        self.letters_action = self._action(self.tr("&Letters…"), None, self.show_letters)
        self.report_action = self._action(self.tr("Excel &Report…"), None, self.show_report)
        self.new_database_action = self._action(
            self.tr("New &Database…"), "Ctrl+Shift+N", self.choose_new_database
        )
        self.open_database_action = self._action(
            self.tr("&Open Database…"), QKeySequence.StandardKey.Open, self.choose_database
        )
        self.backup_action = self._action(self.tr("&Back Up Now"), None, self.back_up_now)
        self.restore_action = self._action(self.tr("&Restore a Backup…"), None, self.show_restore)
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        self.about_action = self._action(self.tr("&About crmdesk"), None, self._on_about)
        self.duplicates_action = self._action(
            self.tr("Find &Duplicates…"), "Ctrl+Shift+D", self.show_duplicates
        )
        self.settings_action = self._action(
            self.tr("&Settings…"), QKeySequence.StandardKey.Preferences, self.show_settings
        )
        self.history_action = self._action(
            self.tr("&History…"), "Ctrl+H", self.show_history, sp.SP_BrowserReload
        )
        self.undo_action = self.undo_history.create_undo_action(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setIcon(self.style().standardIcon(sp.SP_ArrowBack))
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.setIcon(self.style().standardIcon(sp.SP_ArrowForward))
        self.pane_actions = []
        for row in range(self.navigation.count()):
            action = self._action(
                self.navigation.item(row).text(),
                f"Ctrl+{row + 1}",
                lambda _=False, r=row: self.navigation.setCurrentRow(r),
            )
            self.pane_actions.append(action)

    def _mailing_selection(self) -> Selection:
        """The selected contacts, else every contact the Contacts pane's filters show."""
        pane = self.contacts_pane
        chosen = pane.selected_ids() if pane.switch.currentIndex() == CONTACTS else []
        return chosen or pane.contact_filter()

    def show_labels(self) -> None:
        from crmdesk.views.documents.labels_dialog import LabelsDialog

        LabelsDialog(self.db, self._mailing_selection(), self).exec()

    def show_letters(self) -> None:
        from crmdesk.views.documents.letters_dialog import LettersDialog

        LettersDialog(self.db, self._mailing_selection(), self).exec()

    def show_report(self) -> None:
        from crmdesk.views.documents.report_dialog import ReportDialog

        ReportDialog(self.db, self).exec()

    def _build_menus(self) -> None:
        menus = self.menuBar()
        file_menu = menus.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addActions([self.new_database_action, self.open_database_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.export_action])
        file_menu.addActions([self.labels_action, self.letters_action, self.report_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backup_action, self.restore_action])
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menus.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.delete_action, self.find_action])
        view_menu = menus.addMenu(self.tr("&View"))
        view_menu.addActions(self.pane_actions)
        tools_menu = menus.addMenu(self.tr("&Tools"))
        tools_menu.addActions([self.duplicates_action, self.history_action])
        tools_menu.addSeparator()
        tools_menu.addAction(self.settings_action)
        help_menu = menus.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addActions([self.new_action, self.delete_action])
        toolbar.addSeparator()
        toolbar.addActions([self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addAction(self.find_action)
        toolbar.addSeparator()
        toolbar.addActions([self.import_action, self.export_action])
        for action in toolbar.actions():  # "新建", not the menu's "新建(&N)"
            action.setIconText(button_text(action.text()))
        self.addToolBar(toolbar)

    def show_pane(self, pane: QWidget) -> None:
        self.navigation.setCurrentRow(self.panes.indexOf(pane))

    def _focus_pane(self, _item: QListWidgetItem | None = None) -> None:
        """A pane chosen by a click (or Enter) in the navigation takes the keyboard when it
        says where (its focus proxy: the calendar's current view), so its keys work at once;
        arrowing through the navigation leaves the keyboard there."""
        pane = self.panes.currentWidget()
        if pane is not None and pane.focusProxy() is not None:
            pane.setFocus(Qt.FocusReason.MouseFocusReason)

    def _on_new_triggered(self) -> None:
        self.show_pane(self.contacts_pane)
        self.contacts_pane.new_record()

    def _on_find_triggered(self) -> None:
        self.show_pane(self.contacts_pane)
        self.contacts_pane.focus_search()

    def show_customers(self, account_ids: frozenset[uuid.UUID], what: str) -> None:
        """The accounts list filtered to the customers an Insights chart picked."""
        self.show_pane(self.contacts_pane)
        self.contacts_pane.show_chosen(account_ids, False, what)

    def open_record(self, record: str, record_id: uuid.UUID, when: object = None) -> None:
        """Open what a Today or Insights line names: a contact or account in Contacts, a deal
        in Opportunities, an event opened on its day in the Calendar, a case in the Service
        pane."""
        if record == "case":
            self.open_case(record_id)
        elif record == "contact":
            self.show_pane(self.contacts_pane)
            self.contacts_pane.open_contact(record_id)
        elif record == "account":
            self.show_pane(self.contacts_pane)
            self.contacts_pane.open_account(record_id)
        elif record == "opportunity":
            self.show_pane(self.pipeline_pane)
            self.pipeline_pane.edit(record_id)
        elif record == "event":
            self.show_pane(self.calendar_pane)
            if isinstance(when, dt.datetime):
                when = when.astimezone(self.today_page.zone).date()
            if isinstance(when, dt.date):  # the event itself, on its day (undated: the pane)
                self.calendar_pane.open_event(record_id, when)

    def open_case(self, case_id: uuid.UUID) -> None:
        """A case double-clicked on a timeline: the Service pane, with it in the editor."""
        self.show_pane(self.service_pane)
        self.service_pane.show_case(case_id)

    def offer_drafts(self) -> bool:
        """Offer back the unsaved edits a crash left (once, after the window shows)."""
        from crmdesk.views.contacts import drafts_offer

        return drafts_offer.offer(self, self.db, self.contacts_pane)

    def show_import(self) -> ImportWizard:
        wizard = ImportWizard(self.db, self.bus, self, undo=self.undo_history)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._raise(wizard)
        return wizard

    def show_export(self) -> ExportDialog:
        """Export all contacts, those the pane shows, or the selected ones."""
        pane = self.contacts_pane
        selected = pane.selected_ids() if pane.kind == CONTACTS else []
        dialog = ExportDialog(self.db, pane.contact_filter(), selected, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._raise(dialog)
        return dialog

    def show_duplicates(self) -> DuplicatesDialog:
        """The duplicates review (one per window, kept between openings)."""
        if self.duplicates_dialog is None:
            self.duplicates_dialog = DuplicatesDialog(self.db, self.bus, self.undo_stack, self)
        self._raise(self.duplicates_dialog)
        return self.duplicates_dialog

    def show_history(self) -> HistoryDialog:
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self.db, self.bus, self, undo=self.undo_history)
        self._raise(self.history_dialog)
        return self.history_dialog

    def show_settings(self) -> SettingsDialog:
        """Tools > Settings: the settings kept in this data file, one tab per wing."""
        dialog = SettingsDialog(self.db, SETTINGS_PAGES, self)
        dialog.open()
        return dialog

    @staticmethod
    def _raise(dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _on_undo_stack_index_changed(self, _index: int) -> None:
        text = self.undo_stack.undoText()
        if text:
            self.statusBar().showMessage(self.tr("Done: %1").replace("%1", text), 4000)

    def _on_undo_history_reported(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        current = database_files.database_path(self.db)
        for path in database_files.recent_databases(self.settings):
            action = self.recent_menu.addAction(str(path))
            action.setEnabled(path != current)
            action.triggered.connect(lambda _=False, p=path: self.open_database(p))
        self.recent_menu.setEnabled(bool(self.recent_menu.actions()))

    def choose_new_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), str(self._folder() / "customers.sqlite3"),
            self._file_filter(),
        )  # fmt: skip
        if name:
            path = Path(name)
            if path.exists():  # the dialog asked before replacing; start it anew
                path.unlink()
            self.open_database(path)

    def choose_database(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self._folder()),
            self._file_filter(),
        )  # fmt: skip
        if name:
            self.open_database(Path(name))

    def _file_filter(self) -> str:
        return self.tr("crmdesk databases (*.sqlite3 *.sqlite *.db);;All files (*)")

    def _folder(self) -> Path:
        current = database_files.database_path(self.db)
        return current.parent if current is not None else Path.home()

    def open_database(self, path: Path) -> MainWindow | None:
        """A window on another database file, in this one's place; None if it was refused."""
        if path == database_files.database_path(self.db) and self.window_lock is not None:
            self.window_lock.unlock()  # the same file again (after a restore): ours to take
            self.window_lock = None
        opened = open_for_window(self, path)
        if opened is None:
            return None
        self._save_state()
        successor = MainWindow(opened[0], self.settings)
        successor.window_lock = opened[1]
        successor.show()
        QTimer.singleShot(0, successor.refresh_stale_scores)
        self.close()
        return successor

    def refresh_stale_scores(self) -> tasks.Task | None:
        """Recompute the scores stored on the accounts (RFM, last order, usual interval: what
        lists, filters and the Today page's churn risk read) when they are older than the
        settings allow, off the GUI thread; what it wrote is published so those read again."""
        if self.db.read_only:
            return None
        db, day = self.db, self.today_page.day

        def work(_task: tasks.Task) -> writes.Written[bool]:
            return writes.transact(db, lambda session: insights.ensure_scores(session, day))

        def done(written: writes.Written[bool]) -> None:
            if written.value:
                writes.publish(self.bus, written)

        def failed(error: BaseException, details: str) -> None:
            if isinstance(error, KnownError):  # the file busy or damaged: said, not in the way
                self.statusBar().showMessage(errors.known_error_line(error), 15000)
            else:
                errors.report(self, error, details)

        def connect(task: tasks.Task) -> None:
            task.signals.finished.connect(done)
            task.signals.failed.connect(failed)

        self.scores_task = tasks.start(work, connect)
        return self.scores_task

    def daily_backup(self) -> None:
        """The first start of a day backs the file up; a failure is said, not in the way."""
        try:
            made = backups.daily_backup(self.db)
        except KnownError as exc:
            self.statusBar().showMessage(errors.known_error_line(exc), 15000)
            return
        if made is not None:
            self.statusBar().showMessage(
                self.tr("Today's backup: %1").replace("%1", str(made.path)), 8000
            )

    def back_up_now(self) -> backups.Backup | None:
        """File > Back Up Now: a checked copy in the backup folder, then rotation."""
        try:
            made = backups.backup_now(self.db)
            backups.rotate(self.db)
        except KnownError as exc:
            errors.show_known_error(self, exc)
            return None
        self.statusBar().showMessage(
            self.tr("Backed up %n contact(s) to %1", "", made.contacts or 0).replace(
                "%1", str(made.path)
            ),
            10000,
        )
        return made

    def show_restore(self) -> RestoreDialog | None:
        """File > Restore a Backup…: choose one with a preview; the current file kept first."""
        try:
            dialog = RestoreDialog(backups.list_backups(self.db), self)
        except KnownError as exc:
            errors.show_known_error(self, exc)
            return None
        dialog.accepted.connect(lambda: self._restore(dialog))
        dialog.open()
        return dialog

    def _restore(self, dialog: RestoreDialog) -> None:
        path = database_files.database_path(self.db)
        if dialog.chosen is None or path is None:
            return
        try:
            backups.restore(self.db, dialog.chosen)
        except KnownError as exc:
            errors.show_known_error(self, exc)
            return
        self.db.dispose()
        self.open_database(path)

    def _release_window_lock(self) -> None:
        if self.window_lock is not None:
            self.window_lock.unlock()
            self.window_lock = None

    def about_box(self) -> QMessageBox:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About crmdesk"))
        box.setIconPixmap(application_icon().pixmap(QSize(64, 64)))
        box.setTextFormat(Qt.TextFormat.RichText)
        box.setText(
            self.tr(
                "<b>crmdesk</b> %1<br>Contacts, calendar and pipeline for account managers, "
                "on your own computer."
            ).replace("%1", __version__)
        )
        box.setInformativeText(self.tr("Database: %1").replace("%1", self._database_label.text()))
        return box

    def _on_about(self) -> None:
        self.about_box().exec()

    def _restore_state(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen() or self.window().screen()
            self.setGeometry(first_start_geometry(screen.availableGeometry()))
        state = self.settings.value("main_window/state")
        if state is not None:
            self.restoreState(state)
        self.navigation.setCurrentRow(0)  # every start opens on Today

    def _save_state(self) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_state()
        super().closeEvent(event)
        if event.isAccepted():
            self._release_window_lock()


__all__ = ["MainWindow"]
