"""The contacts and accounts tables: tiers in the user's words, sorting and what they watch."""

from __future__ import annotations

from crmdesk.views.contacts.tables import (
    AccountTableModel,
    ContactTableModel,
    format_vocabulary,
)


def test_vocabulary_values_read_as_words_and_others_as_given(qapp):
    assert format_vocabulary("vip") == "VIP"
    assert format_vocabulary("something else") == "something else"


def test_each_table_sorts_by_its_first_sortable_column_and_watches_its_kinds(qtbot, db):
    contacts = ContactTableModel(db, None, load=False)
    accounts = AccountTableModel(db, None, load=False)
    assert (contacts.sort_column(), accounts.sort_column()) == (0, 0)
    assert [c.attribute for c in contacts.columns][:2] == ["name", "account"]
    assert {"contacts", "accounts"} <= set(contacts.watches) and "contacts" in accounts.watches
