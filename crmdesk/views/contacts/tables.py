"""The contacts and accounts tables: KeyedTableModels over the contact and account services."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, QObject

from crmdesk.models.enums import LoyaltyStage, ValueTier, industry_code
from crmdesk.services.accounts import AccountFilter, AccountSort, account_ids, account_rows
from crmdesk.services.contacts import ContactFilter, ContactSort, contact_ids, contact_rows
from crmdesk.store.db import Database
from crmdesk.views.records.keyed_table_model import RIGHT, Column, KeyedTableModel
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.formatting import grouped, local_datetime_text
from crmdesk.views.shell.vocabulary import enum_text


def format_vocabulary(value: str) -> str:
    """A stored tier or loyalty value ("vip") as the user's word ("VIP", translated)."""
    for vocabulary in (ValueTier, LoyaltyStage):
        if value in vocabulary._value2member_map_:
            return enum_text(vocabulary(value))
    return value


def format_count(value: int) -> str:
    return QLocale().toString(value)


def format_industry(value: str) -> str:
    """A stored industry (a code, or older English free text) as the user's word; other free
    text as it was typed."""
    code = industry_code(value)
    return enum_text(code) if code is not None else value


class ContactTableModel(KeyedTableModel):
    """Contacts, sorted and filtered in SQL; account edits change the Account column."""

    columns = (
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "Name"), "name", ContactSort.NAME, width=16),
        Column(
            QT_TRANSLATE_NOOP("ContactTableModel", "Account"),
            "account",
            ContactSort.ACCOUNT,
            width=22,
        ),
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "Title"), "title", ContactSort.TITLE),
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "Phone"), "phone", width=16),
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "Email"), "email", width=24),
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "City"), "city", ContactSort.CITY, width=10),
        Column(QT_TRANSLATE_NOOP("ContactTableModel", "Owner"), "owner", ContactSort.OWNER),
        Column(
            QT_TRANSLATE_NOOP("ContactTableModel", "Updated"),
            "updated_at",
            ContactSort.UPDATED,
            formatter=local_datetime_text,
            width=16,
        ),
    )
    watches = ("contacts", "accounts")

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        flt: ContactFilter | None = None,
        parent: QObject | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(
            db,
            bus,
            contact_ids,
            contact_rows,
            flt or ContactFilter(),
            parent=parent,
            load=load,
        )


class AccountTableModel(KeyedTableModel):
    """Accounts, sorted and filtered in SQL; contact edits change the Contacts count."""

    columns = (
        Column(QT_TRANSLATE_NOOP("AccountTableModel", "Name"), "name", AccountSort.NAME, width=24),
        Column(
            QT_TRANSLATE_NOOP("AccountTableModel", "Industry"),
            "industry",
            AccountSort.INDUSTRY,
            formatter=format_industry,
        ),
        Column(
            QT_TRANSLATE_NOOP("AccountTableModel", "Tier"),
            "value_tier",
            AccountSort.TIER,
            formatter=format_vocabulary,
            width=10,
        ),
        Column(
            QT_TRANSLATE_NOOP("AccountTableModel", "Loyalty"),
            "loyalty_stage",
            AccountSort.LOYALTY,
            formatter=format_vocabulary,
        ),
        Column(QT_TRANSLATE_NOOP("AccountTableModel", "City"), "city", width=10),
        Column(
            QT_TRANSLATE_NOOP("AccountTableModel", "Contacts"),
            "contacts",
            alignment=RIGHT,
            formatter=format_count,
            width=8,
        ),
        Column(QT_TRANSLATE_NOOP("AccountTableModel", "Owner"), "owner", AccountSort.OWNER),
        Column(
            QT_TRANSLATE_NOOP("AccountTableModel", "Updated"),
            "updated_at",
            AccountSort.UPDATED,
            formatter=local_datetime_text,
            width=16,
        ),
    )
    watches = ("accounts", "contacts")

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        flt: AccountFilter | None = None,
        parent: QObject | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(
            db,
            bus,
            account_ids,
            account_rows,
            flt or AccountFilter(),
            parent=parent,
            load=load,
        )


__all__ = [
    "AccountTableModel",
    "ContactTableModel",
    "format_industry",
    "format_vocabulary",
    "grouped",
]
