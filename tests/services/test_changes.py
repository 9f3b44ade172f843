"""What a write changed, collected from the session's flushes (and what bulk writers report)."""

from __future__ import annotations

import uuid

import pytest

from crmdesk.interop.records import PhoneRecord
from crmdesk.models import Activity
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ActivityKind
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import Changes, changes_in, report
from crmdesk.services.contacts import ContactDraft, delete_contacts, get_contact, save_contact


def test_a_save_is_collected_by_kind_from_the_flush(db):
    with db.transaction() as s:
        cid, returned = save_contact(s, ContactDraft(family_name="张", given_name="三"))
        assert changes_in(s) == returned == Changes(contacts={cid})
    with db.transaction() as s:
        assert changes_in(s).is_empty  # a new transaction starts empty


def test_a_phone_changes_its_contact_and_a_move_changes_both_accounts(db):
    with db.transaction() as s:
        a, _ = save_account(s, AccountDraft(name="Acme"))
        b, _ = save_account(s, AccountDraft(name="Globex"))
        cid, _ = save_contact(s, ContactDraft(family_name="Smith", account_id=a))
    with db.transaction() as s:
        draft = get_contact(s, cid).draft
        draft.phones = [PhoneRecord("+44 20 7946 0000")]
        draft.account_id = b
        _, changes = save_contact(s, draft)
    assert changes.contacts == {cid}
    assert changes.accounts == {a, b}


def test_other_kinds_read_the_same_way_and_join(db):
    with db.transaction() as s:
        cid, _ = save_contact(s, ContactDraft(family_name="Smith"))
    with db.transaction() as s:
        activity = Activity(
            kind=ActivityKind.CALL, subject="Quote", contact_id=cid, occurred_at=utcnow()
        )
        s.add(activity)
        s.flush()
        changes = changes_in(s)
    assert changes.activities == {activity.id}
    assert changes.events == frozenset() and changes.ids("cases") == frozenset()
    joined = changes | Changes(contacts={cid})
    assert joined.kinds == {"activities", "contacts"}
    with pytest.raises(AttributeError):
        _ = changes.no_such_kind


def test_a_bulk_write_reports_its_changes_and_a_rollback_forgets_them(db):
    written = uuid.uuid4()
    with db.transaction() as s:
        report(s, Changes(orders={written}))
        assert changes_in(s).orders == {written}
    with pytest.raises(RuntimeError), db.transaction() as s:
        save_contact(s, ContactDraft(family_name="Gone"))
        raise RuntimeError("rolled back")
    with db.transaction() as s:
        assert changes_in(s).is_empty


def test_a_delete_reports_only_what_it_changed(db):
    with db.transaction() as s:
        cid, _ = save_contact(s, ContactDraft(family_name="Smith"))
        other, _ = save_contact(s, ContactDraft(family_name="Jones"))
    with db.transaction() as s:
        assert delete_contacts(s, [cid]).contacts == {cid}
    with db.transaction() as s:
        assert delete_contacts(s, [cid, other]).contacts == {other}  # cid was in the bin
