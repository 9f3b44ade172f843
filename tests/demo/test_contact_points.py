"""Demo phones, e-mails and addresses: unique, and normalised as the services would."""

from __future__ import annotations

import random

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.contact_points import ContactPoints
from crmdesk.demo.people import pools
from crmdesk.services.normalize import phone_e164


def test_numbers_are_unique_and_their_e164_is_what_normalising_gives() -> None:
    points, r = ContactPoints(pools(7)), random.Random(3)
    beijing = vocab.CHINA[0]
    drawn = [points.cn_mobile(r) for _ in range(300)]
    drawn += [points.cn_landline(r, beijing) for _ in range(300)]
    for country, cities in vocab.WESTERN.items():
        for mobile in (False, True):
            drawn += [points.west_phone(r, country, cities[0], mobile) for _ in range(100)]
    assert len({e164 for _written, e164 in drawn}) == len(drawn)
    assert all(phone_e164(written) == e164 for written, e164 in drawn)


def test_an_address_taken_gets_a_number_added() -> None:
    points, r = ContactPoints(pools(7)), random.Random(3)
    first = points.unique_email("info", "acme.com", r)
    second = points.unique_email("info", "acme.com", r)
    assert first == "info@acme.com" and second != first and second.endswith("@acme.com")


def test_streets_have_their_national_form() -> None:
    points, r = ContactPoints(pools(7)), random.Random(3)
    street, _extended, postal = points.street(r, vocab.CHINA[0], "cn")
    assert street.endswith("号") and len(postal) == 6 and postal.startswith(vocab.CHINA[0].postal)
    london = vocab.WESTERN["uk"][0]
    _street, _extended, postal = points.street(r, london, "uk")
    assert postal.split()[0] in london.postal.split()
