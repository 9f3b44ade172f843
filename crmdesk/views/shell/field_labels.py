"""The fields of contacts and accounts in the user's words: one table for the windows that
name fields (the duplicates review labels its rows with them, the history lists what an edit
changed)."""

from __future__ import annotations

from crmdesk.views.shell.i18n import _tr


def field_labels() -> dict[str, str]:
    """Column (or list) name -> label, in the order a record shows them."""
    return {
        "family_name": _tr("Family name"),
        "given_name": _tr("Given name"),
        "middle_name": _tr("Middle name"),
        "prefix": _tr("Prefix"),
        "suffix": _tr("Suffix"),
        "nickname": _tr("Nickname"),
        "phonetic_family_name": _tr("Phonetic family name"),
        "phonetic_given_name": _tr("Phonetic given name"),
        "account_id": _tr("Account"),
        "organization": _tr("Organization"),
        "title": _tr("Title"),
        "department": _tr("Department"),
        "birthday": _tr("Birthday"),
        "preferred_channel": _tr("Preferred channel"),
        "wechat": _tr("WeChat"),
        "website": _tr("Website"),
        "owner": _tr("Owner"),
        "photo": _tr("Photo"),
        "notes": _tr("Notes"),
        "phones": _tr("Phones"),
        "emails": _tr("Emails"),
        "addresses": _tr("Addresses"),
        "tags": _tr("Tags"),
        "name": _tr("Name"),
        "code": _tr("Code"),
        "tax_id": _tr("Tax ID"),
        "industry": _tr("Industry"),
        "value_tier": _tr("Value tier"),
        "loyalty_stage": _tr("Loyalty stage"),
        "lifecycle_phase": _tr("Lifecycle phase"),
        "source": _tr("Source"),
        "sort_key": _tr("Sort key"),
    }
