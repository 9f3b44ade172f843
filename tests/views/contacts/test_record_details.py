"""The details window of a calendar entry, as the timeline and the account story open it."""

from __future__ import annotations

import datetime as dt

from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.views.contacts.record_details import details_dialog

START = dt.datetime(2026, 3, 4, 2, tzinfo=dt.UTC)


def _event(db, *names: tuple[str, str]):
    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="华信贸易"))
        ids = [save_contact(session, ContactDraft(family_name=f, given_name=g,
                                                  account_id=account_id))[0]
               for f, g in names]  # fmt: skip
        event_id, _ = save_event(session, EventDraft(
            title="拜访华信", starts_at=START, ends_at=START + dt.timedelta(hours=1),
            account_id=account_id, contact_ids=ids))  # fmt: skip
    return event_id


def test_an_event_about_several_contacts_names_them_all(qtbot, db):
    dialog = details_dialog(db, "event", _event(db, ("周", "敏"), ("王", "磊")))
    qtbot.addWidget(dialog)
    assert dialog.values()["Contacts"] == "周敏, 王磊"
    assert "Contact" not in dialog.values()


def test_an_event_about_one_contact_says_contact(qtbot, db):
    dialog = details_dialog(db, "event", _event(db, ("周", "敏")))
    qtbot.addWidget(dialog)
    assert dialog.values()["Contact"] == "周敏"
