"""On start, the unsaved edits a crash left behind: offered back, or thrown away.

The forms keep their drafts on disk (views/records/record_form.py, services/drafts.py); this
asks once per start what to do with those left, and shows the newest in its form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from crmdesk.services.accounts import AccountDraft
from crmdesk.services.contacts import ContactDraft
from crmdesk.services.drafts import SavedDraft, drafts_folder, load_drafts
from crmdesk.store.db import Database
from crmdesk.views.contacts.pane import ContactsPane

KINDS: dict[str, type] = {"contact": ContactDraft, "account": AccountDraft}


def left_drafts(db: Database) -> list[SavedDraft]:
    database = db.url.database
    if not database or database == ":memory:":
        return []
    return load_drafts(drafts_folder(database), KINDS)


def restore(pane: ContactsPane, saved: SavedDraft) -> None:
    """Open the draft's record (or a new one) in the pane and show the draft over it."""
    if saved.kind == "account":
        pane.show_accounts()
    else:
        pane.show_contacts()
    if saved.record_id is None:
        pane.new_record()
    elif saved.kind == "account":
        pane.open_account(saved.record_id)
    else:
        pane.open_contact(saved.record_id)
    form = pane.form
    if form is not None and form.record_id == saved.record_id:
        form.restore_draft(saved.draft)


def offer(parent: QWidget, db: Database, pane: ContactsPane) -> bool:
    """Ask whether to restore what a crash left unsaved; True if something was restored."""
    drafts = left_drafts(db)
    if not drafts:
        return False
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("Drafts", "Unsaved edits"))
    box.setText(
        QCoreApplication.translate(
            "Drafts", "crmdesk closed before %n form(s) were saved.", None, len(drafts)
        )
    )
    box.setInformativeText(
        QCoreApplication.translate(
            "Drafts", "Restore the newest edits (from %1) in their form, or discard them all?"
        ).replace("%1", saved_when(drafts[0]))
    )
    restore_button = box.addButton(
        QCoreApplication.translate("Drafts", "Restore"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(
        QCoreApplication.translate("Drafts", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(restore_button)
    box.exec()
    if box.clickedButton() is restore_button:
        restore(pane, drafts[0])
        for other in drafts[1:]:
            other.path.unlink(missing_ok=True)
        return True
    for saved in drafts:
        saved.path.unlink(missing_ok=True)
    return False


def saved_when(saved: SavedDraft) -> str:
    return saved.saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
