"""Opening a file safely in the window: one window a file (the second opens read-only), an
empty file taken over only when the user says so, a damaged file met with a choice (open
another, restore a backup, salvage), and the Restore… dialog with a preview of each backup."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from PySide6.QtCore import QLockFile, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import KnownError
from crmdesk.services import backups
from crmdesk.store import encryption
from crmdesk.store.backup import default_backup_folder
from crmdesk.store.db import Database, EmptyDatabaseFile, database_url
from crmdesk.store.encryption import PassphraseNeeded
from crmdesk.store.health import DatabaseDamaged, salvage
from crmdesk.views.shell import errors
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.passphrase_dialog import PassphraseDialog
from crmdesk.views.shell.screen_fit import fit_to_screen

WINDOW_LOCK_SUFFIX = ".window-lock"


def window_lock(path: Path) -> QLockFile | None:
    """This window's claim on the file, or None when another window holds it (a lock left
    by a process that died is taken over)."""
    lock = QLockFile(str(path.with_name(path.name + WINDOW_LOCK_SUFFIX)))
    lock.setStaleLockTime(0)  # only a dead holder makes it stale, not its age
    return lock if lock.tryLock(0) else None


def _file_of(target: str | Path) -> Path | None:
    url = database_url(target)
    return Path(str(url.database)) if url.get_backend_name() == "sqlite" and url.database else None


def open_for_window(
    parent: QWidget | None, target: str | Path
) -> tuple[Database, QLockFile | None] | None:
    """The database to show and the window lock held on it; None when the user gave up."""
    path = _file_of(target)
    lock = window_lock(path) if path is not None and path.exists() else None
    read_only = path is not None and path.exists() and lock is None
    if read_only:
        QMessageBox.information(
            parent,
            _tr("Opened read-only"),
            _tr("%1 is already open in another crmdesk window. This window shows it read-only; "
                "make changes in the other window.").replace("%1", str(path)),
        )  # fmt: skip
    try:
        db = _open_asking(parent, target, path, read_only)
        if db is None and lock is not None:
            lock.unlock()
        return None if db is None else (db, lock)
    except EmptyDatabaseFile:
        if lock is not None:
            lock.unlock()
        if not ask_take_over(parent, path):
            return None
        return Database.open(target, create=True), window_lock(path) if path else None
    except DatabaseDamaged:
        if lock is not None:
            lock.unlock()
        return None if path is None else DamagedChoice(parent, path).run()
    except KnownError as exc:
        if lock is not None:
            lock.unlock()
        errors.show_known_error(parent, exc)
        return None


def _open_asking(
    parent: QWidget | None, target: str | Path, path: Path | None, read_only: bool
) -> Database | None:
    """Open the database; an encrypted one with the keyring's passphrase if the user kept it
    there, else the one the user types (asked again while it is wrong). None: the user gave up."""
    try:
        return Database.open(target, read_only=read_only)
    except PassphraseNeeded:
        if path is None:
            raise
    kept = encryption.remembered(path)
    if kept is not None:
        with contextlib.suppress(PassphraseNeeded):
            return Database.open(target, read_only=read_only, passphrase=kept)
    dialog = PassphraseDialog(parent, path)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            db = Database.open(target, read_only=read_only, passphrase=dialog.passphrase())
        except PassphraseNeeded:
            dialog.wrong()
            continue
        if dialog.remember.isChecked():
            try:
                encryption.remember(path, dialog.passphrase())
            except KnownError as exc:  # the file is open; only the keeping failed
                errors.show_known_error(parent, exc)
        return db
    return None


def ask_take_over(parent: QWidget | None, path: Path | None) -> bool:
    answer = QMessageBox.question(
        parent,
        _tr("Empty file"),
        _tr("%1 is empty and was not made by crmdesk. Make it a new crmdesk database?").replace(
            "%1", str(path)
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


class DamagedChoice:
    """The dialog for a damaged file and what follows the choice."""

    def __init__(self, parent: QWidget | None, path: Path) -> None:
        self.parent, self.path = parent, path
        box = QMessageBox(QMessageBox.Icon.Critical, _tr("Damaged database"), "", parent=parent)
        box.setText(_tr("%1 is damaged: part of the file cannot be read.").replace("%1", str(path)))
        box.setInformativeText(
            _tr("Nothing has been written to it. Open another file, restore a backup, or copy "
                "what can still be read into a new file.")
        )  # fmt: skip
        self.open_button = box.addButton(
            _tr("Open Another File…"), QMessageBox.ButtonRole.AcceptRole
        )
        self.restore_button = box.addButton(
            _tr("Restore a Backup…"), QMessageBox.ButtonRole.AcceptRole
        )
        self.salvage_button = box.addButton(
            _tr("Try to Salvage…"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(QMessageBox.StandardButton.Close)
        self.box = box

    def run(self) -> tuple[Database, QLockFile | None] | None:
        self.box.exec()
        clicked = self.box.clickedButton()
        if clicked is self.open_button:
            name, _ = QFileDialog.getOpenFileName(
                self.parent, _tr("Open database"), str(self.path.parent)
            )
            return open_for_window(self.parent, name) if name else None
        if clicked is self.restore_button:
            dialog = RestoreDialog(
                backups.backups_in(default_backup_folder(self.path), self.path), self.parent
            )
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
                return None
            try:
                backups.restore_file(self.path, dialog.chosen, default_backup_folder(self.path))
            except KnownError as exc:
                errors.show_known_error(self.parent, exc)
                return None
            return open_for_window(self.parent, self.path)
        if clicked is self.salvage_button:
            return self._salvage()
        return None

    def _salvage(self) -> tuple[Database, QLockFile | None] | None:
        suggested = self.path.with_name(f"{self.path.stem}-salvaged{self.path.suffix}")
        name, _ = QFileDialog.getSaveFileName(self.parent, _tr("Salvage into"), str(suggested))
        if not name:
            return None
        target = Path(name)
        target.unlink(missing_ok=True)  # the dialog asked before replacing
        try:
            salvage(self.path, target)
        except (KnownError, sqlite3.Error) as exc:
            errors.report(self.parent, exc)
            return None
        return open_for_window(self.parent, target)


class RestoreDialog(QDialog):
    """Restore…: the backups with what each holds; the chosen one is `chosen` on accept."""

    def __init__(self, found: list[backups.Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.found = list(found)
        self.chosen: Path | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Choose a backup. The file as it is now is kept as a backup first."), self
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Made"),
                self.tr("Why"),
                self.tr("Contacts"),
                self.tr("Accounts"),
                self.tr("Size"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table, 1)
        self.preview = QLabel(self)
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.other_button = QPushButton(self.tr("Other File…"), self)
        self.restore_button = buttons.addButton(
            self.tr("Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self._confirm)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._other_file)
        layout.addWidget(buttons)
        self.table.itemSelectionChanged.connect(self._show_preview)
        self._fill()
        fit_to_screen(self, QSize(680, 380))

    def _reason(self, reason: str) -> str:
        words = {
            "daily": self.tr("daily"),
            "manual": self.tr("by hand"),
            "premigration": self.tr("before an upgrade"),
            "before-restore": self.tr("before a restore"),
            "damaged": self.tr("damaged file"),
        }
        return words.get(reason, reason)

    def _fill(self) -> None:
        self.table.setRowCount(len(self.found))
        for row, b in enumerate(self.found):
            cells = [
                b.made.strftime("%Y-%m-%d %H:%M"),
                self._reason(b.reason),
                "" if b.contacts is None else str(b.contacts),
                "" if b.accounts is None else str(b.accounts),
                self.tr("%1 MB").replace("%1", f"{b.size / 1e6:.1f}"),
            ]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if self.found:
            self.table.selectRow(0)
        else:
            self.preview.setText(self.tr("No backups yet. Choose a backup file with Other File…"))
        self.restore_button.setEnabled(bool(self.found))

    def _selected(self) -> backups.Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.found[rows[0].row()] if rows else None

    def _show_preview(self) -> None:
        b = self._selected()
        if b is not None:
            self.preview.setText(
                self.tr("%1, made %2: %3 contacts, %4 accounts.")
                .replace("%1", b.path.name).replace("%2", b.made.strftime("%Y-%m-%d %H:%M"))
                .replace("%3", str(b.contacts)).replace("%4", str(b.accounts))
            )  # fmt: skip

    def _other_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"))
        if not name:
            return
        try:
            shown = backups.preview(Path(name))
        except KnownError as exc:
            errors.show_known_error(self, exc)
            return
        self.found.insert(0, shown)
        self._fill()

    def _confirm(self) -> None:
        b = self._selected()
        if b is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore a backup"),
            self.tr("Put the backup of %1 in place of the current data? The current data is kept "
                    "as a backup first.").replace("%1", b.made.strftime("%Y-%m-%d %H:%M")),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.chosen = b.path
            self.accept()
