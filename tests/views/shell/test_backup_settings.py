"""Tools > Settings > Backups: the folder and counts typed in are where the next backup goes
and what rotation keeps; a folder that is a file is refused with nothing stored."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from crmdesk.services import backups
from crmdesk.views.shell.backup_settings import BackupsPage
from crmdesk.views.shell.settings_dialog import SettingsDialog


def test_the_chosen_folder_takes_the_next_backup(qtbot, db, people, tmp_path):
    dialog = SettingsDialog(db, [BackupsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.daily.value() == 7 and page.automatic.isChecked()
    stick = tmp_path / "usb stick"
    page.folder.setText(str(stick))
    page.daily.setValue(2)
    page.automatic.setChecked(False)
    dialog.accept()
    chosen = backups.backup_settings(db)
    assert (chosen.folder, chosen.daily, chosen.automatic) == (str(stick), 2, False)
    assert backups.daily_backup(db) is None  # switched off
    made = backups.backup_now(db)
    assert made.path.parent == stick and made.contacts == len(people)


def test_a_file_for_a_folder_is_refused_and_nothing_stored(qtbot, db, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("x")
    dialog = SettingsDialog(db, [BackupsPage])
    qtbot.addWidget(dialog)
    dialog.pages[0].folder.setText(str(not_a_folder))
    dialog.accept()
    assert shown == [f"{not_a_folder} is a file, not a folder."]
    assert dialog.result() == 0  # still open, to correct it
    assert backups.backup_settings(db).folder == ""
