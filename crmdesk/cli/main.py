"""The command line: the same use cases as the window, for scripts and for people at a terminal.

`crmdesk` with no verb opens the window (see __main__.py). Each noun module registers its verbs
here and never imports this module back; no verb imports Qt.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy.exc import DBAPIError

from crmdesk import __version__
from crmdesk.cli import (
    accounts,
    analyze,
    backup,
    call_lists,
    campaigns,
    cases,
    contacts,
    demo,
    documents,
    encryption,
    events,
    forecast,
    leads,
    opportunities,
    outbox,
    output,
    segments,
    templates,
    transfer,
)
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.store.db import Database, database_url, default_database_path
from crmdesk.store.encryption import PassphraseNeeded
from crmdesk.store.health import storage_error

NOUNS = (
    demo, contacts, accounts, transfer, documents, templates, events, opportunities, leads,
    forecast, analyze, backup, encryption, segments, campaigns, outbox, call_lists, cases,
)
# how long a verb waits for another crmdesk's write before it gives up (an import of 100k rows
# takes about half a minute)
WRITE_WAIT = 600.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="crmdesk", description="A desktop CRM. With no command, opens the window."
    )
    parser.add_argument("--version", action="version", version=f"crmdesk {__version__}")
    db_help = f"database file or SQLAlchemy URL (default: {default_database_path()})"
    create_help = "make an empty or zero-byte file a new crmdesk database"
    wait_help = f"seconds to wait for another crmdesk writing the file (default {WRITE_WAIT:g})"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    parser.add_argument("--create", action="store_true", help=create_help)
    parser.add_argument("--wait", type=float, metavar="SECONDS", default=WRITE_WAIT, help=wait_help)
    parser.add_argument(
        "--passphrase-stdin", action="store_true", help=encryption.PASSPHRASE_STDIN_HELP
    )
    # --db is also accepted after the verb: `crmdesk contacts list --db x.sqlite3`.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
    common.add_argument(
        "--create", action="store_true", default=argparse.SUPPRESS, help=create_help
    )
    common.add_argument(
        "--wait", type=float, metavar="SECONDS", default=argparse.SUPPRESS, help=wait_help
    )
    common.add_argument(
        "--passphrase-stdin", action="store_true", default=argparse.SUPPRESS,
        help=encryption.PASSPHRASE_STDIN_HELP,
    )  # fmt: skip
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
    """Run a parsed verb; a KnownError becomes one clear line on stderr and exit status 1.

    A verb that repairs, replaces or decrypts a file (`check`, `backup restore`, `decrypt`) gets
    the target, not an opened database (a damaged or encrypted file cannot be opened)."""
    default_target = getattr(args, "default_target", default_database_path)
    target = args.db if args.db is not None else default_target()
    if getattr(args, "takes_target", False):
        return _guarded(lambda: int(_on_target(target, args)), target)
    try:
        db = _open(target, args)
    except KnownError as exc:
        return output.fail(exc)
    except (DBAPIError, sqlite3.Error) as exc:
        return output.fail(storage_error(exc, target) or _unreadable(target, exc))
    db.write_wait = args.wait
    db.on_wait = lambda words: output.note(f"crmdesk: {words}")
    try:
        return _guarded(lambda: int(args.handler(db, args)), target)
    finally:
        db.dispose()


def _on_target(target: Any, args: argparse.Namespace) -> int:
    if args.verb != "decrypt" and (url := database_url(target)).database:
        encryption.unlock_target(Path(url.database), args)
    return int(args.handler(target, args))


def _open(target: Any, args: argparse.Namespace) -> Database:
    """The database, asking for the passphrase when the file is encrypted."""
    try:
        return Database.open(target, create=args.create, program=f"crmdesk {args.verb}")
    except PassphraseNeeded:
        path = Path(str(database_url(target).database))
        if (passphrase := encryption.passphrase_to_open(path, args)) is None:
            raise
        return Database.open(
            target, create=args.create, program=f"crmdesk {args.verb}", passphrase=passphrase
        )


def _guarded(work: Callable[[], int], target: object) -> int:
    try:
        return work()
    except KnownError as exc:
        return output.fail(exc)
    except BrokenPipeError:  # `crmdesk contacts list | head`
        return 0
    except (DBAPIError, sqlite3.Error) as exc:  # never SQL nor its values on the terminal
        return output.fail(storage_error(exc, target) or _unreadable(target, exc))


def _unreadable(target: object, exc: BaseException) -> KnownError:
    orig = getattr(exc, "orig", exc)
    return KnownError(
        translatable("Messages", "%1: the database failed (%2)."),
        translatable("Messages", "Run crmdesk check on it."),
        values=(target, type(orig).__name__),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = parse(argv)
    if args.verb is None:
        build_parser().print_help()
        return 2
    return run(args)
