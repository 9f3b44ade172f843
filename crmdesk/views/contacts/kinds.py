"""Contacts and accounts described for the list-and-form pane (see views/records/entity.py)."""

from __future__ import annotations

from crmdesk.models.enums import ValueTier
from crmdesk.services import accounts, contacts
from crmdesk.services.accounts import AccountFilter, AccountSummary
from crmdesk.services.contacts import ContactFilter, ContactSummary
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.contacts.contact_form import ContactForm
from crmdesk.views.contacts.tables import (
    AccountTableModel,
    ContactTableModel,
    format_industry,
    grouped,
)
from crmdesk.views.records.entity import RecordKind, RecordWords, SummaryLines
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo import DeleteAccountsCommand, DeleteContactsCommand
from crmdesk.views.shell.vocabulary import enum_text


def _counted(pairs: tuple[tuple[str, int], ...], word: object = str) -> str:
    """ "VIP 12 · Ordinary 40": values with their counts, in the order given."""
    return " · ".join(f"{word(value)} {grouped(n)}" for value, n in pairs)  # type: ignore[operator]


def _tier(value: str) -> str:
    return enum_text(ValueTier(value)) if value in ValueTier._value2member_map_ else value


def _contact_count(n: int, deleted: bool) -> str:
    if deleted:
        text = (
            _tr("1 contact in the recycle bin") if n == 1 else _tr("%1 contacts in the recycle bin")
        )
    else:
        text = _tr("1 contact") if n == 1 else _tr("%1 contacts")
    return text.replace("%1", grouped(n))


def _account_count(n: int, deleted: bool) -> str:
    if deleted:
        text = (
            _tr("1 account in the recycle bin") if n == 1 else _tr("%1 accounts in the recycle bin")
        )
    else:
        text = _tr("1 account") if n == 1 else _tr("%1 accounts")
    return text.replace("%1", grouped(n))


def _purge_contacts_question(n: int) -> str:
    if n == 1:
        return _tr(
            "Delete 1 contact for good, with their phones, emails and addresses? "
            "This cannot be undone."
        )
    return _tr(
        "Delete %n contacts for good, with their phones, emails and addresses? "
        "This cannot be undone.",
        "",
        n,
    )


def _purge_accounts_question(n: int) -> str:
    if n == 1:
        return _tr(
            "Delete 1 account for good, with its phones, emails and addresses? Its contacts "
            "stay, without an account. This cannot be undone."
        )
    return _tr(
        "Delete %n accounts for good, with their phones, emails and addresses? Their "
        "contacts stay, without an account. This cannot be undone.",
        "",
        n,
    )


def describe_contacts(found: ContactSummary) -> SummaryLines:
    lines = [
        (_tr("Contacts"), grouped(found.count)),
        (_tr("With a phone"), grouped(found.with_phone)),
        (_tr("With an email"), grouped(found.with_email)),
    ]
    if found.tiers:
        lines.append((_tr("Account tiers"), _counted(found.tiers, _tier)))
    if found.cities:
        lines.append((_tr("Cities"), _counted(found.cities)))
    if found.owners:
        lines.append((_tr("Owners"), _counted(found.owners)))
    return lines


def describe_accounts(found: AccountSummary) -> SummaryLines:
    lines = [
        (_tr("Accounts"), grouped(found.count)),
        (_tr("Their contacts"), grouped(found.contacts)),
    ]
    if found.tiers:
        lines.append((_tr("Tiers"), _counted(found.tiers, _tier)))
    if found.industries:
        lines.append((_tr("Industries"), _counted(found.industries, format_industry)))
    if found.cities:
        lines.append((_tr("Cities"), _counted(found.cities)))
    return lines


CONTACT_KIND = RecordKind(
    name="contacts",
    table=ContactTableModel,
    keys=contacts.contact_ids,
    filter_type=ContactFilter,
    form=ContactForm,
    delete_command=DeleteContactsCommand,
    purge=contacts.purge_contacts,
    timeline_link="contact_id",
    summary=contacts.contact_summary,
    describe=describe_contacts,
    words=RecordWords(
        tab=lambda: _tr("Contacts"),
        count=_contact_count,
        placeholder=lambda: _tr(
            "Select a contact to see and edit it here, or press New to add one."
        ),
        purge_question=_purge_contacts_question,
        purged=lambda n: (
            _tr("1 contact deleted for good.")
            if n == 1
            else _tr("%n contacts deleted for good.", "", n)
        ),
    ),
    first_field="family_name",
)

ACCOUNT_KIND = RecordKind(
    name="accounts",
    table=AccountTableModel,
    keys=accounts.account_ids,
    filter_type=AccountFilter,
    form=AccountForm,
    delete_command=DeleteAccountsCommand,
    purge=accounts.purge_accounts,
    timeline_link="account_id",
    summary=accounts.account_summary,
    describe=describe_accounts,
    words=RecordWords(
        tab=lambda: _tr("Accounts"),
        count=_account_count,
        placeholder=lambda: _tr(
            "Select an account to see and edit it here, or press New to add one."
        ),
        purge_question=_purge_accounts_question,
        purged=lambda n: (
            _tr("1 account deleted for good.")
            if n == 1
            else _tr("%n accounts deleted for good.", "", n)
        ),
    ),
    first_field="name",
)

KINDS = (CONTACT_KIND, ACCOUNT_KIND)  # in the order of the pane's tabs

__all__ = ["ACCOUNT_KIND", "CONTACT_KIND", "KINDS", "describe_accounts", "describe_contacts"]
