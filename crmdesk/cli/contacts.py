"""`crmdesk contacts list|show`: people, searched the way the window's search box searches."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli import output
from crmdesk.cli.records import add_list_and_show, limited, pages
from crmdesk.models import Contact
from crmdesk.services import contacts
from crmdesk.services.contact_points import format_address
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id


def register(verbs: Any) -> None:
    add_list_and_show(verbs, "contacts", _list, _show)


def _list(db: Database, args: argparse.Namespace) -> int:
    flt = contacts.ContactFilter(
        search=args.search, tag=args.tag, city=args.city, owner=args.owner, deleted=args.deleted
    )
    with db.reading() as session:
        for page in pages(limited(contacts.contact_ids(session, flt), args.limit)):
            rows = contacts.contact_rows(session, page)
            output.print_rows(rows, args.json, ("name", "account", "phone", "email", "city"))
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        detail = contacts.get_contact(session, resolve_id(session, Contact, args.id))
    if args.json:
        output.print_json(detail)
        return 0
    draft = detail.draft
    fields: list[tuple[str, Any]] = [
        ("id", draft.id),
        ("account", detail.account_name),
        ("title", draft.title),
        ("department", draft.department),
        ("birthday", draft.birthday),
        ("tags", ", ".join(detail.tags)),
        ("notes", draft.notes),
    ]
    fields += [("phone", f"{p.number} ({p.kind})") for p in draft.phones]
    fields += [("email", f"{e.address} ({e.kind})") for e in draft.emails]
    fields += [("address", f"{format_address(a)} ({a.kind})") for a in draft.addresses]
    output.show(detail.display_name, fields)
    return 0
