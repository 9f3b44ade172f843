"""`crmdesk accounts list|show`: the companies contacts work for."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli import output
from crmdesk.cli.records import add_list_and_show, limited, pages
from crmdesk.models import Account
from crmdesk.services import accounts
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id


def register(verbs: Any) -> None:
    add_list_and_show(verbs, "accounts", _list, _show)


def _list(db: Database, args: argparse.Namespace) -> int:
    flt = accounts.AccountFilter(
        search=args.search, tag=args.tag, city=args.city, owner=args.owner, deleted=args.deleted
    )
    with db.reading() as session:
        for page in pages(limited(accounts.account_ids(session, flt), args.limit)):
            rows = accounts.account_rows(session, page)
            output.print_rows(
                rows, args.json, ("name", "industry", "value_tier", "city", "contacts")
            )
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        detail = accounts.get_account(session, resolve_id(session, Account, args.id))
    if args.json:
        output.print_json(detail)
        return 0
    plain = output.to_jsonable(detail)
    fields = {**plain.pop("draft"), **plain}
    title = str(fields.pop("name", ""))
    output.show(title, [(k, _plain(v)) for k, v in fields.items()])
    return 0


def _plain(value: Any) -> Any:
    """Nested values (lists of phones, addresses) in one readable line."""
    if isinstance(value, list):
        return "; ".join(str(_plain(v)) for v in value)
    if isinstance(value, dict):  # a phone, e-mail or address: its values, not its flags
        return ", ".join(f"{v}" for v in value.values() if v not in (None, "", True, False))
    return value
