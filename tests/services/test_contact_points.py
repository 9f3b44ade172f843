"""Phones, emails and addresses: row errors by index, rows reused in order, extras retired,
addresses read in the order of their script."""

from __future__ import annotations

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Contact
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


def test_a_chinese_address_reads_postal_code_first_then_province_to_street():
    address = AddressRecord(
        street="天河区体育西路103号",
        extended="维多利广场A座",
        city="广州市",
        region="广东省",
        postal_code="510620",
        country="中国",
    )
    assert format_address(address) == "510620 广东省广州市天河区体育西路103号 维多利广场A座"


def test_a_western_address_keeps_its_order():
    address = AddressRecord(
        street="10 Downing Street", city="London", postal_code="SW1A 2AA", country="United Kingdom"
    )
    assert format_address(address) == "10 Downing Street, SW1A 2AA London, United Kingdom"


def test_a_chinese_address_abroad_names_its_country_first():
    address = AddressRecord(street="中山路1号", city="新加坡", country="新加坡")
    assert format_address(address) == "新加坡新加坡中山路1号"
