"""Tools > Settings > Backups: where the automatic and manual backups go (beside the database,
or a folder the user picks: a USB stick, a synced folder) and how many of each are kept."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.services import settings
from crmdesk.services.backups import KEEP_AT_MOST, BackupSettings, save_backup_settings


class BackupsPage(QWidget):
    """The backup folder, the daily backup switch and the rotation's counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = QLineEdit(self)
        self.folder.setPlaceholderText(self.tr("beside the database (a backups folder)"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose)
        where = QHBoxLayout()
        where.addWidget(self.folder, 1)
        where.addWidget(browse)
        self.automatic = QCheckBox(self.tr("Back up on the first start of each day"), self)
        self.daily, self.weekly, self.monthly = (self._count() for _ in range(3))
        form = QFormLayout(self)
        form.addRow(self.tr("Folder:"), where)
        form.addRow("", self.automatic)
        form.addRow(self.tr("Daily backups kept:"), self.daily)
        form.addRow(self.tr("Weekly backups kept:"), self.weekly)
        form.addRow(self.tr("Monthly backups kept:"), self.monthly)
        note = QLabel(
            self.tr("Every backup is checked after it is written. Older ones beyond these "
                    "counts are deleted."), self,
        )  # fmt: skip
        note.setWordWrap(True)
        form.addRow(note)

    def _count(self) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(0, KEEP_AT_MOST)
        return box

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Backup Folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def title(self) -> str:
        return self.tr("Backups")

    def load(self, session: Session) -> None:
        chosen = settings.load(session, BackupSettings)
        self.folder.setText(chosen.folder)
        self.automatic.setChecked(chosen.automatic)
        for name in ("daily", "weekly", "monthly"):
            getattr(self, name).setValue(getattr(chosen, name))

    def save(self, session: Session) -> None:
        chosen = dataclasses.replace(
            settings.load(session, BackupSettings),
            folder=self.folder.text().strip(),
            automatic=self.automatic.isChecked(),
            daily=self.daily.value(),
            weekly=self.weekly.value(),
            monthly=self.monthly.value(),
        )
        save_backup_settings(session, chosen)
