"""The contacts and accounts tables' words: times in the user's locale, tiers in their words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from crmdesk.views.contacts.tables import (
    AccountTableModel,
    ContactTableModel,
    format_timestamp,
    format_vocabulary,
)


def test_vocabulary_values_read_as_words_and_others_as_given(qapp):
    assert format_vocabulary("vip") == "VIP"
    assert format_vocabulary("something else") == "something else"


def test_a_timestamp_in_the_c_locale_is_iso(qapp):
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        when = dt.datetime(2024, 3, 1, 12, 0, tzinfo=dt.UTC)
        local = when.astimezone()
        assert format_timestamp(when) == local.strftime("%Y-%m-%d %H:%M")
        QLocale.setDefault(QLocale("en_GB"))
        assert format_timestamp(when) == local.strftime("%d/%m/%Y %H:%M")
    finally:
        QLocale.setDefault(before)


def test_each_table_sorts_by_its_first_sortable_column_and_watches_its_kinds(qtbot, db):
    contacts = ContactTableModel(db, None, load=False)
    accounts = AccountTableModel(db, None, load=False)
    assert (contacts.sort_column(), accounts.sort_column()) == (0, 0)
    assert [c.attribute for c in contacts.columns][:2] == ["name", "account"]
    assert {"contacts", "accounts"} <= set(contacts.watches) and "contacts" in accounts.watches
