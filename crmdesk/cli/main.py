"""The command line: the same use cases as the window, for scripts and for people at a terminal.

`crmdesk` with no verb opens the window (see __main__.py). Each noun module registers its verbs
here and never imports this module back; no verb imports Qt.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from crmdesk import __version__
from crmdesk.cli import (
    accounts,
    analyze,
    cases,
    contacts,
    demo,
    documents,
    events,
    forecast,
    leads,
    opportunities,
    output,
    templates,
    transfer,
)
from crmdesk.core.errors import KnownError
from crmdesk.store.db import Database, default_database_path

NOUNS = (
    demo, contacts, accounts, transfer, documents, templates, events, opportunities, leads,
    forecast, cases, analyze,
)  # fmt: skip


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
    for noun in NOUNS:
        noun.register(verbs)
    return parser


def _parser_with(common: argparse.ArgumentParser) -> type[argparse.ArgumentParser]:
    """A parser class whose every sub-parser inherits the common options.

    Noun modules nest further actions with `parser_class=type(their_parser)`."""

    class Parser(argparse.ArgumentParser):
        def __init__(self, **kwargs: Any) -> None:
            kwargs.setdefault("parents", [common])
            super().__init__(**kwargs)

    return Parser


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(args: argparse.Namespace) -> int:
    """Run a parsed verb; a KnownError becomes one clear line on stderr and exit status 1."""
    default_target = getattr(args, "default_target", default_database_path)
    try:
        db = Database.open(args.db if args.db is not None else default_target())
    except KnownError as exc:
        return output.fail(exc)
    try:
        return int(args.handler(db, args))
    except KnownError as exc:
        return output.fail(exc)
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
