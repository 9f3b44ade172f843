"""Personal data of one contact: all of it in one JSON file, and erased for good, the change log
and the database file included."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text

from crmdesk.core.errors import RecordNotFound
from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account, Contact, Email, Order, Phone
from crmdesk.models.changelog import ChangeLogEntry
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.contacts import ContactDraft, get_contact, save_contact
from crmdesk.services.personal_data import erase_contact, export_personal_data

NAME = "Zyxwvut"
PHONE = "139 8765 4321"


@pytest.fixture
def person(db):
    """A contact with parts, an edit in the log, an order of their account, and a neighbour."""
    import datetime as dt
    from decimal import Decimal

    with db.transaction() as session:
        account, _ = save_account(session, AccountDraft(name="Acme Erasure"))
        cid, _ = save_contact(session, ContactDraft(
            family_name=NAME, given_name="Quintus", account_id=account,
            phones=[PhoneRecord(PHONE)], emails=[EmailRecord("zyx@example.com")],
            addresses=[AddressRecord(city="Hangzhou", street="Secret Lane 7")],
            tags=["gdpr"], notes="likes tea"))  # fmt: skip
        other, _ = save_contact(session, ContactDraft(family_name="Other", given_name="Olga"))
        session.add(Order(account_id=account, contact_id=cid, ordered_on=dt.date(2024, 1, 2),
                          amount=Decimal("12.50"), number="SO-9"))  # fmt: skip
    with db.transaction() as session:
        draft = get_contact(session, cid).draft
        draft.notes = "likes green tea"
        save_contact(session, draft)
    return cid, other


def test_everything_held_about_a_contact_is_in_one_json_file(db, person, tmp_path):
    cid, _ = person
    with db.reading() as session:
        result = export_personal_data(session, cid, tmp_path / "me.json")
    data = json.loads(result.path.read_text(encoding="utf-8"))
    assert data["contact"]["family_name"] == NAME and data["contact"]["notes"] == "likes green tea"
    assert [p["number"] for p in data["related"]["phones"]] == [PHONE]
    assert [e["address"] for e in data["related"]["emails"]] == ["zyx@example.com"]
    assert data["related"]["addresses"][0]["street"] == "Secret Lane 7"
    assert [o["number"] for o in data["related"]["orders"]] == ["SO-9"]
    assert "contact_tags" in data["related"]
    olds = [e["old"] for e in data["change_log"] if e["field"] == "notes"]
    assert "likes tea" in olds  # the history of their values too
    assert result.log_entries == len(data["change_log"]) > 3


def test_an_erased_contact_leaves_no_value_in_the_tables_the_log_or_the_file(db, person):
    cid, other = person
    with db.transaction() as session:
        erased = erase_contact(session, cid)
    assert erased.rows_unlinked == 1 and erased.log_entries_removed > 3
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        dumped = "\n".join(conn.connection.iterdump())
    for value in (NAME, "8765", "zyx@example.com", "Secret Lane", "likes green tea"):
        assert value not in dumped  # no table, log entry or index holds it
    with db.reading() as session:
        assert session.get(Contact, cid) is None
        assert session.scalar(select(func.count()).select_from(Phone)) == 0
        assert session.scalar(select(func.count()).select_from(Email)) == 0
        order = session.scalars(select(Order)).one()
        assert order.contact_id is None and order.amount == 12.5  # the account's sale stays
        assert session.get(Contact, other) is not None and session.scalars(select(Account)).one()
        logged = session.scalars(select(ChangeLogEntry.entity_id)).all()
        assert cid not in logged
    raw = db.url.database
    with open(raw, "rb") as file:  # secure_delete: freed pages cleared
        assert NAME.encode() not in file.read()


def test_erasing_an_unknown_contact_is_a_clear_error(db):
    import uuid

    with pytest.raises(RecordNotFound), db.transaction() as session:
        erase_contact(session, uuid.uuid4())
    with db.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
