"""The records files are read into: an address with only spaces is empty, lists are not shared."""

from __future__ import annotations

from crmdesk.interop.records import AddressRecord, ContactRecord, OrderLineRecord, PhoneRecord
from crmdesk.models.enums import AddressKind, PhoneKind


def test_an_address_of_spaces_is_empty_and_one_part_is_not():
    assert AddressRecord().is_empty()
    assert AddressRecord(street="  ", city="\t", kind=AddressKind.HOME).is_empty()
    assert not AddressRecord(postal_code="100000").is_empty()
    assert not AddressRecord(label="Room 5").is_empty()


def test_defaults_are_fresh_for_each_record():
    first, second = ContactRecord(), ContactRecord()
    first.phones.append(PhoneRecord("1"))
    assert second.phones == [] and PhoneRecord("1").kind is PhoneKind.OTHER
    assert OrderLineRecord().quantity == 1
