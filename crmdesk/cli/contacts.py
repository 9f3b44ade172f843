"""`crmdesk contacts list|show`: people, searched the way the window's search box searches."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli import output
from crmdesk.cli.records import add_list_and_show, limited, pages
from crmdesk.core.errors import KnownError
from crmdesk.models import Contact
from crmdesk.services import contacts
from crmdesk.services.contact_points import format_address
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id


def register(verbs: Any) -> None:
    parser = add_list_and_show(verbs, "contacts", _list, _show)
    actions = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    personal = actions.add_parser(
        "export-personal", help="everything held about one contact, as one JSON file"
    )
    personal.add_argument("id", help="the id (or its first or last 6+ hex digits)")
    personal.add_argument("--output", "-o", metavar="FILE.json", required=True)
    personal.add_argument("--json", action="store_true")
    personal.set_defaults(handler=_export_personal)
    erase = actions.add_parser(
        "erase", help="erase one contact for good, their values in the change log included"
    )
    erase.add_argument("id", help="the id (or its first or last 6+ hex digits)")
    erase.add_argument("--yes", action="store_true", help="really erase: this cannot be undone")
    erase.add_argument("--json", action="store_true")
    erase.set_defaults(handler=_erase)


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


def _export_personal(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.personal_data import export_personal_data

    with db.reading() as session:
        result = export_personal_data(
            session, resolve_id(session, Contact, args.id), args.output
        )
    if args.json:
        output.print_json({**output.to_jsonable(result), "path": str(result.path)})
    else:
        print(f"wrote {result.rows} rows and {result.log_entries} change-log entries to "
              f"{result.path}")
    return 0


def _erase(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.personal_data import erase_contact

    if not args.yes:
        raise KnownError(
            "Erasing a contact cannot be undone.",
            "Add --yes to erase it; export-personal first keeps a copy for them.",
        )
    with db.transaction() as session:
        result = erase_contact(session, resolve_id(session, Contact, args.id))
    with db.engine.connect() as conn:  # the erased values leave the WAL for the main file
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    facts = {k: v for k, v in output.to_jsonable(result).items() if k != "changes"}
    output.show_facts(facts, args.json)
    return 0
