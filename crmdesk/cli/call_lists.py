"""`crmdesk calllist create|export`: call lists for the phone, as CSV for other tools."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.cli import output
from crmdesk.services import call_lists, campaigns, segments
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    noun = verbs.add_parser("calllist", help="call lists: create, export")
    sub = noun.add_subparsers(dest="action", metavar="ACTION", required=True,
                              parser_class=type(noun))  # fmt: skip
    create = sub.add_parser("create", help="a call list from a segment or a campaign")
    create.add_argument("name")
    source = create.add_mutually_exclusive_group(required=True)
    source.add_argument("--segment")
    source.add_argument("--campaign")
    create.add_argument("--caller", action="append", default=[], help="repeat for several")
    create.add_argument("--max-tries", type=int, default=3)
    create.add_argument("--retry-minutes", type=int, default=120)
    create.add_argument("--script", default="")
    create.add_argument("--json", action="store_true")
    create.set_defaults(handler=_create)
    export = sub.add_parser("export", help="the list as CSV")
    export.add_argument("name")
    export.add_argument("-o", "--output", required=True, metavar="FILE.csv")
    export.add_argument("--json", action="store_true")
    export.set_defaults(handler=_export)


def _create(db: Database, args: argparse.Namespace) -> int:
    with db.transaction() as session:
        segment_id = segments.get_segment(session, args.segment).id if args.segment else None
        campaign_id = campaigns.get_campaign(session, args.campaign).id if args.campaign else None
        list_id = call_lists.create_call_list(
            session, args.name, segment_id=segment_id, campaign_id=campaign_id,
            callers=args.caller, script=args.script, max_tries=args.max_tries,
            retry_minutes=args.retry_minutes,
        )  # fmt: skip
        entries = call_lists.get_call_list(session, list_id).entries
    if args.json:
        output.print_json({"id": list_id, "name": args.name, "entries": entries})
    else:
        output.note(f"{args.name}: {entries} contacts to call")
        print(list_id.hex)
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        written = call_lists.export_csv(session, args.name, args.output)
    if args.json:
        output.print_json({"rows": written, "path": args.output})
    else:
        output.note(f"{written} rows written to {args.output}")
    return 0
