"""The account form on real widgets over a real SQLite file (lighter than the contact form's)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QUndoStack
from PySide6.QtWidgets import QApplication

from crmdesk.interop.records import EmailRecord
from crmdesk.models.enums import LoyaltyStage, ValueTier
from crmdesk.services.accounts import (
    AccountDraft,
    AccountFilter,
    account_ids,
    get_account,
    save_account,
)
from crmdesk.services.contacts import get_contact, save_contact
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import DeleteAccountsCommand


def type_text(qtbot, widget, text):
    """Keys for ASCII, an input-method commit (as a pinyin IME sends) for Chinese text."""
    for chunk in re.findall(r"[\x00-\x7f]+|[^\x00-\x7f]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def replace_text(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        type_text(qtbot, edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


@pytest.fixture
def bus(qtbot):
    return DataBus()


@pytest.fixture
def stack(qtbot):
    undo_stack = QUndoStack()
    yield undo_stack
    undo_stack.clear()


@pytest.fixture
def account(db, people):
    """星辰科技 with 张三 and John Smith working there."""
    with db.transaction() as session:
        account_id, _ = save_account(
            session,
            AccountDraft(
                name="星辰科技",
                code="C-001",
                value_tier=ValueTier.VIP,
                emails=[EmailRecord("info@xingchen.cn")],
                tags=["重点客户"],
            ),
        )
        for name in ("张三", "John Smith"):
            draft = get_contact(session, people[name]).draft
            draft.account_id = account_id
            save_contact(session, draft)
    return account_id


@pytest.fixture
def form(qtbot, db, bus, stack):
    widget = AccountForm(db, bus, stack)
    qtbot.addWidget(widget)
    widget.resize(800, 900)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def stored(db, account_id):
    with db.reading() as session:
        return get_account(session, account_id)


def click_save(qtbot, form):
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)


def test_load_shows_the_account_and_its_contact_count(form, account):
    form.load(account)
    assert form.name.text() == "星辰科技"
    assert form.code.text() == "C-001"
    assert form.value_tier.value() is ValueTier.VIP
    assert form.loyalty_stage.value() is LoyaltyStage.PROSPECT
    assert [r.address.text() for r in form.emails.rows()] == ["info@xingchen.cn"]
    assert form.tags.tags() == ["重点客户"]
    assert form.contacts_label.text() == "2 contacts"
    assert form.heading.text() == "星辰科技"
    assert not form.is_dirty()


def test_edit_save_undo_redo(qtbot, db, form, account, stack):
    form.load(account)
    replace_text(qtbot, form.name, "星辰科技有限公司")
    form.loyalty_stage.setCurrentIndex(form.loyalty_stage.findData(LoyaltyStage.LOYAL))
    with qtbot.waitSignal(form.saved) as saved:
        click_save(qtbot, form)
    assert saved.args == [account]
    draft = stored(db, account).draft
    assert (draft.name, draft.loyalty_stage) == ("星辰科技有限公司", LoyaltyStage.LOYAL)
    assert stack.undoText() == "Edit 星辰科技有限公司"
    stack.undo()
    assert stored(db, account).draft.name == "星辰科技"
    assert form.name.text() == "星辰科技"
    assert form.loyalty_stage.value() is LoyaltyStage.PROSPECT
    stack.redo()
    assert form.name.text() == "星辰科技有限公司"


def test_a_name_is_required_and_shown_inline(qtbot, db, form, account, stack):
    form.load(account)
    replace_text(qtbot, form.name, "")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    error = form.errors.target("name")[1]
    assert error.isVisible()
    assert error.text() == "An account needs a name."
    assert form.name.hasFocus()
    assert stored(db, account).draft.name == "星辰科技"
    assert stack.count() == 0


def test_a_new_account_and_undoing_its_creation(qtbot, db, form, stack):
    form.load(None)
    assert form.heading.text() == "New account"
    assert form.contacts_label.text() == "Not saved yet"
    type_text(qtbot, form.name, "Acme Ltd")
    with qtbot.waitSignal(form.saved) as saved:
        click_save(qtbot, form)
    new_id = saved.args[0]
    assert stored(db, new_id).draft.name == "Acme Ltd"
    assert form.contacts_label.text() == "No contacts yet"
    stack.undo()
    assert stored(db, new_id).deleted
    assert form.banner.label.text() == "This account is in the recycle bin."
    stack.redo()
    assert not stored(db, new_id).deleted


def test_a_stale_edit_is_refused_with_a_banner(qtbot, db, form, account, stack):
    form.load(account)
    with db.transaction() as session:
        other = get_account(session, account).draft
        other.industry = "软件"
        save_account(session, other)
    replace_text(qtbot, form.code, "C-002")
    with qtbot.assertNotEmitted(form.saved):
        click_save(qtbot, form)
    assert form.banner.isVisible()
    assert "星辰科技 was changed elsewhere" in form.banner.label.text()
    assert (stored(db, account).draft.code, stored(db, account).draft.industry) == ("C-001", "软件")
    assert stack.count() == 0


def test_the_contact_count_follows_contacts_leaving(qtbot, db, bus, form, account, people):
    form.load(account)
    with db.transaction() as session:
        draft = get_contact(session, people["张三"]).draft
        draft.account_id = None
        _, changes = save_contact(session, draft)
    bus.publish(changes)
    assert form.contacts_label.text() == "1 contact"


def test_delete_accounts_command(qtbot, db, bus, account, stack):
    with qtbot.waitSignal(bus.changed):
        stack.push(DeleteAccountsCommand(db, bus, [account]))
    assert stack.undoText() == "Delete 星辰科技"
    with db.reading() as session:
        assert account_ids(session, AccountFilter(deleted=True)) == [account]
    stack.undo()
    with db.reading() as session:
        assert account_ids(session) == [account]
    # Deleting what is already deleted is not a step worth undoing.
    stack.push(DeleteAccountsCommand(db, bus, [account]))
    stack.push(DeleteAccountsCommand(db, bus, [account]))
    assert stack.count() == 1
