"""`crmdesk outbox list|send|retry`: the e-mail outbox. SMTP settings come from the data file's
settings or CRMDESK_SMTP_HOST/PORT/USER/STARTTLS; the password from the keyring or
CRMDESK_SMTP_PASSWORD."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

from crmdesk.cli import output
from crmdesk.models.enums import OutboxStatus
from crmdesk.services import outbox
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    noun = verbs.add_parser("outbox", help="the e-mail outbox: list, send, retry")
    sub = noun.add_subparsers(dest="action", metavar="ACTION", required=True,
                              parser_class=type(noun))  # fmt: skip
    lst = sub.add_parser("list", help="messages, newest first, with their status")
    lst.add_argument("--status", choices=[s.value for s in OutboxStatus])
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)
    send = sub.add_parser("send", help="send what is queued (each message once)")
    send.add_argument("--limit", type=int)
    send.add_argument("--json", action="store_true")
    send.set_defaults(handler=_send)
    retry = sub.add_parser("retry", help="put failed messages back in the queue")
    retry.add_argument("ids", nargs="*", help="message ids (default: every failed one)")
    retry.add_argument("--json", action="store_true")
    retry.set_defaults(handler=_retry)


def _list(db: Database, args: argparse.Namespace) -> int:
    status = OutboxStatus(args.status) if args.status else None
    with db.reading() as session:
        rows = outbox.outbox_rows(session, status)
    for row in rows:
        if args.json:
            output.print_json(row)
        else:
            print("\t".join([row.id.hex, row.status.value, row.to_address, row.subject,
                             str(row.attempts), row.server_reply]))  # fmt: skip
    return 0


def _send(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        value = outbox.smtp_settings(session)
    if not value.host:
        raise outbox.SmtpNotSet()
    found = outbox.send_pending(db, value, outbox.smtp_password(value), limit=args.limit)
    output.show_facts({"sent": found.sent, "failed": found.failed, "waiting": found.waiting,
                       "offline": found.offline}, args.json)  # fmt: skip
    return 0


def _retry(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        ids = [uuid.UUID(i) for i in args.ids] if args.ids else None
        count = outbox.retry(session, ids)
    output.show_facts({"queued": count}, args.json)
    return 0
