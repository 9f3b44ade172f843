"""The command line: the same use cases as the window, for scripts and for people at a terminal.

`crmdesk` with no verb opens the window (see __main__.py); every verb here is plain Python and
never imports Qt.
"""

from __future__ import annotations

import argparse
import base64
import dataclasses
import datetime as dt
import json
import sys
import uuid
from collections.abc import Callable, Sequence
from decimal import Decimal
from enum import Enum
from typing import Any

from crmdesk import __version__
from crmdesk.core.errors import KnownError
from crmdesk.core.ids import resolve_id
from crmdesk.models import Account, Contact
from crmdesk.services import accounts, contacts
from crmdesk.services.contact_points import format_address
from crmdesk.store.db import Database, default_database_path

Handler = Callable[[Database, argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crmdesk", description="A desktop CRM. With no command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    db_help = f"database file or SQLAlchemy URL (default: {default_database_path()})"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    # --db is also accepted after the verb: `crmdesk contacts list --db x.sqlite3`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    verbs = parser.add_subparsers(dest="verb", metavar="COMMAND", parser_class=_parser_with(common))

    demo = verbs.add_parser("demo", help="fill an empty database with reproducible demo data")
    demo.add_argument("--size", type=int, default=2000, help="number of contacts (default 2000)")
    demo.add_argument("--seed", type=int, default=7)
    demo.set_defaults(handler=_demo)

    info = verbs.add_parser("info", help="where the database is and what it holds")
    info.add_argument("--json", action="store_true")
    info.set_defaults(handler=_info)

    for noun, lister, shower in (
        ("contacts", _contacts_list, _contacts_show),
        ("accounts", _accounts_list, _accounts_show),
    ):
        sub = verbs.add_parser(noun, help=f"list or show {noun}").add_subparsers(
            dest="action", metavar="ACTION", required=True, parser_class=_parser_with(common)
        )
        lst = sub.add_parser("list", help=f"list {noun}, optionally searched")
        lst.add_argument("--search", "-s", default="", help="name, pinyin, initials, phone, email…")
        lst.add_argument("--tag")
        lst.add_argument("--city")
        lst.add_argument("--owner")
        lst.add_argument("--deleted", action="store_true", help="list the recycle bin")
        lst.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
        lst.add_argument("--json", action="store_true", help="JSON lines, one object a record")
        lst.set_defaults(handler=lister)
        show = sub.add_parser("show", help="one record in full")
        show.add_argument("id", help="the id (or its first or last 6+ hex digits)")
        show.add_argument("--json", action="store_true")
        show.set_defaults(handler=shower)

    from crmdesk.cli.transfer import add_transfer_verbs  # import, export, duplicates

    add_transfer_verbs(verbs, _parser_with(common))
    from crmdesk.cli import forecast, leads, opportunities

    for noun in (opportunities, leads, forecast):
        noun.register(verbs)
    return parser


def _parser_with(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """A parser class whose every sub-parser inherits the common options."""

    class Parser(argparse.ArgumentParser):
        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(**kwargs)

    return Parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run a parsed verb; a KnownError becomes one clear line on stderr and exit status 1."""
    try:
        db = Database.open(args.db)
    except KnownError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    try:
        return args.handler(db, args)
    except KnownError as exc:
        print(f"crmdesk: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `crmdesk contacts list | head`
        return 0
    finally:
        db.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.verb is None:
        build_parser().print_help()
        return 2
    return run(args)


def to_jsonable(value: Any) -> Any:
    """Plain JSON for dataclasses, UUIDs, dates, Decimals and bytes (photos as base64)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _print_json(value: Any) -> None:
    print(json.dumps(to_jsonable(value), ensure_ascii=False))


def _demo(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.demo.build import build_demo

    def progress(done: int, total: int) -> None:
        print(f"\r{done * 100 // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)

    summary = build_demo(db, args.size, seed=args.seed, progress=progress)
    print(file=sys.stderr)
    _print_json(summary)
    return 0


def _info(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        facts = {
            "database": db.url.render_as_string(hide_password=True),
            "contacts": contacts.count_contacts(session),
            "accounts": accounts.count_accounts(session),
            "recycle_bin": contacts.count_contacts(session, contacts.ContactFilter(deleted=True)),
        }
    if args.json:
        _print_json(facts)
    else:
        for key, value in facts.items():
            print(f"{key:12} {value}")
    return 0


def _limited(ids: list[uuid.UUID], limit: int) -> list[uuid.UUID]:
    return ids[:limit] if limit > 0 else ids


def _print_rows(rows: Sequence[Any], as_json: bool, columns: Sequence[str]) -> None:
    for row in rows:
        if as_json:
            _print_json(row)
        else:
            values = [str(getattr(row, c) or "") for c in columns]
            print("\t".join([row.id.hex, *values]))


def _contacts_list(db: Database, args: argparse.Namespace) -> int:
    flt = contacts.ContactFilter(
        search=args.search, tag=args.tag, city=args.city, owner=args.owner, deleted=args.deleted
    )
    with db.reading() as session:
        ids = _limited(contacts.contact_ids(session, flt), args.limit)
        for start in range(0, len(ids), 500):
            rows = contacts.contact_rows(session, ids[start : start + 500])
            _print_rows(rows, args.json, ("name", "account", "phone", "email", "city"))
    return 0


def _contacts_show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        detail = contacts.get_contact(session, resolve_id(session, Contact, args.id))
    if args.json:
        _print_json(detail)
        return 0
    draft = detail.draft
    print(detail.display_name)
    for label, value in (
        ("id", draft.id),
        ("account", detail.account_name),
        ("title", draft.title),
        ("department", draft.department),
        ("birthday", draft.birthday),
        ("tags", ", ".join(detail.tags)),
        ("notes", draft.notes),
    ):
        if value:
            print(f"  {label:10} {value}")
    for phone in draft.phones:
        print(f"  {'phone':10} {phone.number} ({phone.kind})")
    for email in draft.emails:
        print(f"  {'email':10} {email.address} ({email.kind})")
    for address in draft.addresses:
        print(f"  {'address':10} {format_address(address)} ({address.kind})")
    return 0


def _accounts_list(db: Database, args: argparse.Namespace) -> int:
    flt = accounts.AccountFilter(
        search=args.search, tag=args.tag, city=args.city, owner=args.owner, deleted=args.deleted
    )
    with db.reading() as session:
        ids = _limited(accounts.account_ids(session, flt), args.limit)
        for start in range(0, len(ids), 500):
            rows = accounts.account_rows(session, ids[start : start + 500])
            _print_rows(rows, args.json, ("name", "industry", "value_tier", "city", "contacts"))
    return 0


def _accounts_show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        detail = accounts.get_account(session, resolve_id(session, Account, args.id))
    _print_json(detail)
    return 0
