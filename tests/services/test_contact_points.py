"""Addresses on one line: Chinese ones in Chinese order, Western ones in theirs."""

from __future__ import annotations

from crmdesk.interop.records import AddressRecord
from crmdesk.services.contact_points import format_address


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
