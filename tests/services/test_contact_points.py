"""Phones, emails and addresses: row errors by index, rows reused in order, extras retired."""

from __future__ import annotations

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Address, Contact
from crmdesk.models.enums import PhoneKind
from crmdesk.services.contact_points import (
    format_address,
    phone_records,
    point_errors,
    sync_points,
)


def test_point_errors_name_the_offending_rows():
    errors = point_errors(
        [PhoneRecord("138 0013 8000"), PhoneRecord("call me")],
        [EmailRecord("a@b.cn"), EmailRecord("nope")],
    )
    assert [e.field for e in errors] == ["phones.1", "emails.1"]


def test_sync_reuses_rows_in_order_and_retires_the_rest(db, people):
    with db.transaction() as session:
        contact = session.get(Contact, people["张三"])
        row_id = contact.phones[0].id
        sync_points(
            contact,
            [
                PhoneRecord(" +86 139 0000 0000 ", PhoneKind.WORK, True),
                PhoneRecord("010 1234 5678"),
            ],
            [],
            [AddressRecord(), AddressRecord(city="上海")],
        )
        session.flush()
        assert contact.phones[0].id == row_id  # an edit, not a delete and an insert
        assert [(p.number, p.position) for p in contact.phones] == [
            ("+86 139 0000 0000", 0),
            ("010 1234 5678", 1),
        ]
        assert contact.phones[0].e164 == "+8613900000000"
        assert all(e.deleted_at is not None for e in contact.emails)
        live = [a for a in contact.addresses if a.deleted_at is None]
        assert [a.city for a in live] == ["上海"]
        assert [r.number for r in phone_records(contact.phones)] == [
            "+86 139 0000 0000",
            "010 1234 5678",
        ]
        sync_points(contact, [], [], [])
        session.flush()
        assert phone_records(contact.phones) == []
        assert len(contact.phones) == 2  # retired rows stay for the change log and undo


def test_addresses_read_in_the_order_of_their_script():
    chinese = AddressRecord(street="朝阳路1号", city="北京", region="北京市")
    western = Address(street="1 High St", city="London", postal_code="N1 9GU", country="UK")
    western.extended = western.po_box = western.region = ""
    assert format_address(chinese) == "北京市北京朝阳路1号"
    assert format_address(western) == "1 High St, N1 9GU London, UK"
