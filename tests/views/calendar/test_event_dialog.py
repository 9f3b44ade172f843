"""The event dialog's contacts: several of the account's people ticked, saved through the pane
as one step, shown ticked again when the event is opened."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft, draft_of
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.timeline import timeline
from crmdesk.views.calendar.event_dialog import EventDialog
from tests.views.calendar.conftest import WAIT, make_pane, when_modal


def _account(db):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华信贸易"))
        people = {}
        for family, given in (("周", "敏"), ("王", "磊"), ("李", "娜")):
            people[family + given], _ = save_contact(session, ContactDraft(
                family_name=family, given_name=given, account_id=account_id))  # fmt: skip
    return account_id, people


def _click_box(qtbot, dialog: EventDialog, name: str) -> None:
    """Click the check box of the listed contact called `name`, as the user does."""
    listed = dialog.contacts
    item = next(listed.item(i) for i in range(listed.count())
                if listed.item(i).text().startswith(name))  # fmt: skip
    rect = listed.visualItemRect(item)
    before = item.checkState()
    qtbot.mouseClick(listed.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(rect.left() + 10, rect.center().y()))  # fmt: skip
    assert item.checkState() != before, name


def _ticked(dialog: EventDialog) -> list[str]:
    listed = dialog.contacts
    return [listed.item(i).text() for i in range(listed.count())
            if listed.item(i).checkState() == Qt.CheckState.Checked]  # fmt: skip


def test_ticking_two_of_the_accounts_contacts_links_both(qtbot, db, locale):
    account_id, people = _account(db)
    pane = make_pane(qtbot, db)
    seen: list[list[str]] = []

    def fill(dialog: EventDialog) -> None:
        dialog.title.setText("拜访华信")
        dialog.account.set_account(account_id, "华信贸易")
        seen.append([dialog.contacts.item(i).text() for i in range(dialog.contacts.count())])
        _click_box(qtbot, dialog, "王磊")
        _click_box(qtbot, dialog, "周敏")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal("EventDialog", fill)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        assert pane.new_event()
    assert seen == [["李娜", "王磊", "周敏"]]  # the account's people, by pinyin
    [one] = pane.model.occurrences
    with db.reading() as session:
        draft = draft_of(session, one.event_id)
        shown = {name: one.event_id in {i.id for i in timeline(session, contact_id=cid)}
                 for name, cid in people.items()}  # fmt: skip
    assert set(draft.contact_ids) == {people["王磊"], people["周敏"]}
    assert draft.contact_id == people["王磊"]  # the first ticked in the list's order
    assert shown == {"周敏": True, "王磊": True, "李娜": False}

    reopened: list[list[str]] = []

    def untick(dialog: EventDialog) -> None:
        reopened.append(_ticked(dialog))
        _click_box(qtbot, dialog, "王磊")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_modal("EventDialog", untick)
    with qtbot.waitSignal(pane.model.range_loaded, timeout=WAIT):
        assert pane.open_occurrence(one)
    assert reopened == [["王磊", "周敏"]]
    with db.reading() as session:
        assert draft_of(session, one.event_id).contact_ids == [people["周敏"]]
    pane._keep[1].undo()  # type: ignore[attr-defined]  # one step puts 王磊 back
    with db.reading() as session:
        assert set(draft_of(session, one.event_id).contact_ids) == {people["王磊"], people["周敏"]}


def test_an_account_without_contacts_shows_an_empty_list(qtbot, db, locale):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="空公司"))
    dialog = EventDialog(db, EventDraft(title="Call", account_id=account_id))
    qtbot.addWidget(dialog)
    assert dialog.contacts.count() == 0
    assert dialog.draft().contact_ids == [] and dialog.draft().contact_id is None

