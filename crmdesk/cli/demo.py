"""`crmdesk demo` and `crmdesk info`: make a database to try, and say what a database holds."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from crmdesk.cli import output
from crmdesk.services import accounts, contacts
from crmdesk.store.db import DEMO_FILE_NAME, Database, demo_database_path


def register(verbs: Any) -> None:
    demo = verbs.add_parser(
        "demo", help=f"fill an empty database with demo data (default: {DEMO_FILE_NAME})"
    )
    demo.add_argument(
        "--size", type=_size, default=2000, help="contacts (default 2000, at most 1,000,000)"
    )
    demo.add_argument("--seed", type=int, default=7)
    demo.add_argument("--json", action="store_true", help="the summary as one JSON object")
    demo.set_defaults(handler=_demo, default_target=demo_database_path)

    info = verbs.add_parser("info", help="where the database is and what it holds")
    info.add_argument("--json", action="store_true", help="one JSON object")
    info.set_defaults(handler=_info)


def _size(text: str) -> int:
    """The size, refused by argparse before any file is opened when it is out of range."""
    from crmdesk.demo.build import MAX_DEMO_SIZE

    try:
        size = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text[:40]!r}") from None
    if not 1 <= size <= MAX_DEMO_SIZE:
        raise argparse.ArgumentTypeError(f"give 1 to {MAX_DEMO_SIZE:,} contacts, not {text[:40]}")
    return size


def _demo(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.demo.build import build_demo  # Faker loads only for this verb

    def progress(done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{done * 100 // max(total, 1):3d}%", end="", file=sys.stderr, flush=True)

    summary = build_demo(db, args.size, seed=args.seed, progress=progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    where = {"database": db.url.render_as_string(hide_password=True)}
    output.show_facts(where | output.to_jsonable(summary), args.json)
    return 0


def _info(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        facts = {
            "database": db.url.render_as_string(hide_password=True),
            "contacts": contacts.count_contacts(session),
            "accounts": accounts.count_accounts(session),
            "recycle_bin": contacts.count_contacts(session, contacts.ContactFilter(deleted=True)),
        }
    output.show_facts(facts, args.json)
    return 0
