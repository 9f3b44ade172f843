"""The list/show verbs contacts and accounts share: the same options, paged the same way."""

from __future__ import annotations

import argparse
import uuid
from typing import Any

PAGE = 500


def add_list_and_show(verbs: Any, noun: str, lister: Any, shower: Any) -> argparse.ArgumentParser:
    """`crmdesk NOUN list|show`: the parser for the noun, its two actions wired to handlers."""
    parser: argparse.ArgumentParser = verbs.add_parser(noun, help=f"list or show {noun}")
    actions = parser.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(parser)
    )
    lst = actions.add_parser("list", help=f"list {noun}, optionally searched")
    lst.add_argument("--search", "-s", default="", help="name, pinyin, initials, phone, email…")
    lst.add_argument("--tag")
    lst.add_argument("--city")
    lst.add_argument("--owner")
    lst.add_argument("--deleted", action="store_true", help="list the recycle bin")
    lst.add_argument("--limit", type=int, default=0, help="at most this many (0: all)")
    lst.add_argument("--json", action="store_true", help="JSON lines, one object a record")
    lst.set_defaults(handler=lister)
    show = actions.add_parser("show", help="one record in full")
    show.add_argument("id", help="the id (or its first or last 6+ hex digits)")
    show.add_argument("--json", action="store_true", help="one JSON object")
    show.set_defaults(handler=shower)
    return parser


def limited(ids: list[uuid.UUID], limit: int) -> list[uuid.UUID]:
    return ids[:limit] if limit > 0 else ids


def pages(ids: list[uuid.UUID]) -> list[list[uuid.UUID]]:
    """Ids in pages, so a long list streams instead of loading every row at once."""
    return [ids[start : start + PAGE] for start in range(0, len(ids), PAGE)]
