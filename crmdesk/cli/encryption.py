"""`crmdesk encrypt` and `crmdesk decrypt`: a copy of the database encrypted with SQLCipher, and
an encrypted file back to a plain one. The passphrase is asked for (never an argument, so it
stays out of the shell's history) and never written anywhere."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.store import encryption
from crmdesk.store.db import Database

PASSPHRASE_STDIN_HELP = "read an encrypted database's passphrase from the first line of stdin"


def passphrase_to_open(path: Path, args: argparse.Namespace) -> str | None:
    """The passphrase for an encrypted database: from stdin when asked, the system keyring
    when the user kept it there, or asked at the terminal; None when there is no way to ask."""
    if getattr(args, "passphrase_stdin", False):
        return sys.stdin.readline().rstrip("\r\n")
    if (kept := encryption.remembered(path)) is not None:
        return kept
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {path.name}: ")
    return None


def unlock_target(path: Path, args: argparse.Namespace) -> None:
    """For the verbs that take the file itself (check, backup restore): an encrypted file is
    unlocked first, so its checks and copies read it as it is."""
    if not (path.is_file() and encryption.looks_encrypted(path)):
        return
    passphrase = passphrase_to_open(path, args)
    if passphrase is None:
        raise encryption.needs_passphrase(path)
    encryption.connect(path, passphrase).close()  # a wrong one is refused here
    encryption.unlock(passphrase)


def register(verbs: Any) -> None:
    enc = verbs.add_parser("encrypt", help="write an encrypted (SQLCipher) copy of the database")
    enc.add_argument("--to", metavar="FILE", required=True, help="the encrypted copy (new file)")
    enc.add_argument("--remember", action="store_true",
                     help="keep the passphrase in the system keyring for the copy")  # fmt: skip
    enc.add_argument("--json", action="store_true", help="the result as one JSON object")
    enc.set_defaults(handler=_encrypt)
    dec = verbs.add_parser("decrypt", help="write a plain copy of an encrypted database")
    dec.add_argument("file", help="the encrypted database")
    dec.add_argument("--to", metavar="FILE", required=True, help="the plain copy (new file)")
    dec.add_argument("--json", action="store_true", help="the result as one JSON object")
    dec.set_defaults(handler=_decrypt, takes_target=True)  # the encrypted file is args.file


def _passphrase(args: argparse.Namespace, confirm: bool) -> str:
    if args.passphrase_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("The passphrase again: ") != first:
        raise KnownError("The two passphrases differ; nothing was written.")
    return first


def _encrypt(db: Database, args: argparse.Namespace) -> int:
    encryption.require()
    source = db.url.database
    if not source:
        raise KnownError("Only a database file can be encrypted.")
    passphrase = _passphrase(args, confirm=True)
    with db.engine.connect() as conn:  # everything into the main file before it is read
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    target = encryption.encrypt_copy(source, args.to, passphrase)
    if args.remember:
        encryption.remember(target, passphrase)
    output.show_facts({"encrypted_copy": str(target)}, args.json)
    if not args.json:
        output.note("keep the passphrase safe: it cannot be recovered")
    return 0


def _decrypt(_target: object, args: argparse.Namespace) -> int:
    target = encryption.decrypt_copy(args.file, args.to, _passphrase(args, confirm=False))
    output.show_facts({"plain_copy": str(target)}, args.json)
    return 0
