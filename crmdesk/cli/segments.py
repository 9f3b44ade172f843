"""`crmdesk segments list|show|count|save`: saved segments for scripts and terminals."""

from __future__ import annotations

import argparse
import json
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.services import segments
from crmdesk.services.segments import SegmentDraft
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    noun = verbs.add_parser("segments", help="saved segments: list, show, count, save")
    sub = noun.add_subparsers(dest="action", metavar="ACTION", required=True,
                              parser_class=type(noun))  # fmt: skip
    lst = sub.add_parser("list", help="every saved segment and how many contacts it selects")
    lst.add_argument("--json", action="store_true")
    lst.set_defaults(handler=_list)
    for name, handler, text in (("show", _show, "a segment's criteria"),
                                ("count", _count, "how many contacts a segment selects")):
        verb = sub.add_parser(name, help=text)
        verb.add_argument("name")
        verb.add_argument("--json", action="store_true")
        verb.set_defaults(handler=handler)
    save = sub.add_parser("save", help="save a segment from a JSON criteria tree")
    save.add_argument("name")
    example = '{"match": "all", "rules": [{"field": "tier", "value": "vip"}]}'
    save.add_argument("--criteria", required=True, help=f"a JSON tree, e.g. '{example}'")
    save.add_argument("--description", default="")
    save.add_argument("--json", action="store_true")
    save.set_defaults(handler=_save)


def _list(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        for info in segments.list_segments(session):
            found = segments.count(session, info.criteria)
            if args.json:
                output.print_json({"id": info.id, "name": info.name, "count": found,
                                   "description": info.description})  # fmt: skip
            else:
                print("\t".join([info.id.hex, info.name, str(found)]))
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        info = segments.get_segment(session, args.name)
    tree = segments.to_json(info.criteria)
    if args.json:
        output.print_json({"id": info.id, "name": info.name, "description": info.description,
                           "criteria": tree})  # fmt: skip
    else:
        output.show(info.name, [("id", info.id.hex), ("description", info.description),
                                ("criteria", json.dumps(tree, ensure_ascii=False))])  # fmt: skip
    return 0


def _count(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        info = segments.get_segment(session, args.name)
        found = segments.count(session, info.criteria)
    if args.json:
        output.show_facts({"name": info.name, "count": found}, True)
    else:
        print(found)
    return 0


def _save(db: Database, args: argparse.Namespace) -> int:
    try:
        data = json.loads(args.criteria)
    except json.JSONDecodeError as error:
        raise KnownError(translatable("Messages", "The criteria are not JSON: %1."),
                         values=(error.msg,)) from None  # fmt: skip
    tree = segments.from_json(data)
    with db.transaction() as session:
        existing = {s.name: s.id for s in segments.list_segments(session)}
        segment_id = segments.save_segment(
            session, SegmentDraft(args.name, tree, args.description, existing.get(args.name))
        )
        found = segments.count(session, tree)
    if args.json:
        output.print_json({"id": segment_id, "name": args.name, "count": found})
    else:
        output.note(f"saved {args.name}: {found} contacts")
        print(segment_id.hex)
    return 0
