"""The mapping step's model: the role of one column, and changing it without losing the rest."""

from __future__ import annotations

from crmdesk.interop.column_mapping import (
    IGNORE_ROLE,
    NOTES_ROLE,
    PART_ROLE,
    column_role,
    column_roles,
    with_column_role,
)
from crmdesk.interop.contact_columns import contacts_from_table
from crmdesk.interop.mapping_guess import guess_contact_mapping
from crmdesk.interop.tabular import read_table

CSV = (
    "Name,Phone 1 - Type,Phone 1 - Value,E-mail 1 - Value,Company,Hobby,City\n"
    "张三,Mobile,138 0013 8000,zs@example.cn,星辰科技,老客户,北京\n"
).encode()


def test_roles_of_a_google_header_and_of_columns_it_does_not_know():
    table = read_table(CSV, "contacts.csv")
    mapping = guess_contact_mapping(table.headers)
    assert column_role(mapping, "Phone 1 - Value").startswith("phones:")
    assert column_role(mapping, "Phone 1 - Type") == PART_ROLE
    assert column_role(mapping, "E-mail 1 - Value").startswith("emails:")
    assert column_role(mapping, "Company") == "field:organization"
    assert column_role(mapping, "Hobby") == NOTES_ROLE
    every = column_roles("contacts")
    assert all(column_role(mapping, h) in [*every, PART_ROLE] for h in table.headers)


def test_a_changed_role_moves_the_value_and_keeps_the_rest_of_the_mapping():
    table = read_table(CSV, "contacts.csv")
    mapping = guess_contact_mapping(table.headers)
    mapping = with_column_role(mapping, "Hobby", "field:title")
    mapping = with_column_role(mapping, "City", "addresses:work:city")
    mapping = with_column_role(mapping, "Company", IGNORE_ROLE)
    [record], problems = contacts_from_table(table, mapping)
    assert not problems
    assert record.title == "老客户"
    assert [(a.city, a.kind) for a in record.addresses] == [("北京", "work")]
    assert record.organization == "" and "星辰科技" not in record.notes
    assert [p.number for p in record.phones] == ["138 0013 8000"]  # untouched roles still read
    assert column_role(mapping, "Hobby") == "field:title"


def test_giving_a_phone_column_a_new_role_takes_its_label_column_along():
    table = read_table(CSV, "contacts.csv")
    mapping = with_column_role(guess_contact_mapping(table.headers), "Phone 1 - Value", "tags")
    assert column_role(mapping, "Phone 1 - Type") == NOTES_ROLE
    [record], _ = contacts_from_table(table, mapping)
    assert record.phones == [] and "138 0013 8000" in record.tags
