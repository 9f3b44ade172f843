"""Contacts and their points as stored: names shown by their script, one owner per point."""

from __future__ import annotations

import pytest
from sqlalchemy.exc import IntegrityError

from crmdesk.models import Contact, Phone


def test_a_contact_shows_its_name_in_the_order_of_its_script():
    chinese = Contact(family_name="欧阳", given_name="娜娜", middle_name="")
    western = Contact(family_name="Smith", given_name="John", middle_name="Paul")
    assert chinese.display_name == "欧阳娜娜" and chinese.is_chinese_name
    assert western.display_name == "John Paul Smith" and not western.is_chinese_name


def test_a_phone_belongs_to_exactly_one_owner(db, people):
    with pytest.raises(IntegrityError), db.transaction() as session:
        session.add(Phone(number="123"))  # neither a contact nor an account
    with db.transaction() as session:
        contact = session.get(Contact, people["John Smith"])
        contact.phones.append(Phone(number="+44 20 7946 0000"))
    with db.reading() as session:
        phones = session.get(Contact, people["John Smith"]).phones
        assert [p.number for p in phones] == ["+44 20 7946 0000"]
