"""`crmdesk events list|show|export`, and the calendar half of `crmdesk import`.

`list` prints occurrences (series expanded for the window only), in start order: a timed one's
start and end in ISO 8601 with the laptop's UTC offset, an all-day one's as dates (the end
exclusive, as iCalendar has it). A date given to --from/--to means midnight in the laptop's zone.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from crmdesk.cli import output
from crmdesk.cli.output import print_json
from crmdesk.core.clock import local_zone
from crmdesk.core.errors import KnownError
from crmdesk.models import Account, CalendarEvent
from crmdesk.services.calendar import (
    EventOccurrence,
    LinkedContact,
    contacts_of_events,
    occurrences_between,
)
from crmdesk.store.db import Database
from crmdesk.store.ids import resolve_id

DEFAULT_DAYS = 7  # `events list` without --to: a week from --from (today)


def register(verbs: Any) -> None:
    noun = verbs.add_parser("events", help="list, show or export calendar events")
    sub = noun.add_subparsers(
        dest="action", metavar="ACTION", required=True, parser_class=type(noun)
    )
    lst = sub.add_parser("list", help="the occurrences overlapping a window, in start order")
    _window_arguments(lst)
    lst.add_argument("--owner", help="only this owner's events")
    lst.add_argument("--account", metavar="ID", help="only events of this account")
    lst.add_argument("--json", action="store_true", help="JSON lines, one object an occurrence")
    lst.set_defaults(handler=_list)
    show = sub.add_parser("show", help="one event (a series, or one moved occurrence) in full")
    show.add_argument("id", help="the id (or its first or last 6+ hex digits)")
    show.add_argument("--json", action="store_true", help="one JSON object")
    show.set_defaults(handler=_show)
    add_export_parser(sub, "export")


def add_export_parser(parent: Any, name: str) -> None:
    """`crmdesk events export` and `crmdesk export events`: the same verb under both nouns."""
    exp = parent.add_parser(name, help="write events to an iCalendar (.ics) file")
    exp.add_argument("--output", "-o", metavar="FILE", required=True)
    _window_arguments(exp, default="every event")
    exp.add_argument("--json", action="store_true", help="one JSON object: the file and count")
    exp.set_defaults(handler=_export)


def _window_arguments(parser: argparse.ArgumentParser, default: str = "") -> None:
    when = "DATE or DATETIME (a date: midnight in the laptop's zone)"
    parser.add_argument(
        "--from", dest="start", metavar="WHEN", help=f"{when}; default {default or 'today'}"
    )
    parser.add_argument(
        "--to", dest="end", metavar="WHEN",
        help=f"{when}; default {default or f'{DEFAULT_DAYS} days after --from'}",
    )  # fmt: skip


def parse_when(text: str, zone: ZoneInfo, option: str) -> dt.datetime:
    """A --from/--to value as an aware datetime: a date is that day's midnight in `zone`, a
    date and time without an offset is read in `zone`."""
    value = text.strip()
    try:
        if len(value) == 10:
            day = dt.date.fromisoformat(value)
            return dt.datetime.combine(day, dt.time(), tzinfo=zone)
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise KnownError(
            f"{option} {text}: not a date (YYYY-MM-DD) or a date and time "
            "(YYYY-MM-DDTHH:MM, optionally with an offset)."
        ) from exc
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)


def window(args: argparse.Namespace, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    """The window [start, end) the options give, today for a week when none is given."""
    if args.start:
        start = parse_when(args.start, zone, "--from")
    else:
        start = dt.datetime.combine(dt.datetime.now(zone).date(), dt.time(), tzinfo=zone)
    end = parse_when(args.end, zone, "--to") if args.end else start + dt.timedelta(DEFAULT_DAYS)
    if end <= start:
        raise KnownError(f"--to {args.end} is not after --from {args.start or 'today'}.")
    return start, end


def occurrence_object(
    one: EventOccurrence, zone: ZoneInfo, contacts: list[LinkedContact] | None = None
) -> dict[str, Any]:
    """What `events list --json` prints for one occurrence (`contacts`: the ones it is about,
    the one it is filed under first)."""
    return {
        "id": one.event_id,
        "series_id": one.series_id,
        "recurrence_id": one.recurrence_id,
        "uid": one.uid,
        "title": one.title,
        "start": _shown(one.start, zone),
        "end": _shown(one.end, zone),
        "all_day": one.all_day,
        "time_zone": one.time_zone,
        "kind": one.kind.value,
        "status": one.status.value,
        "owner": one.owner,
        "location": one.location,
        "account": one.account,
        "account_id": one.account_id,
        "contact_id": one.contact_id,
        "contacts": [_contact_object(c) for c in contacts or ()],
    }


def _contact_object(contact: LinkedContact) -> dict[str, Any]:
    return {"id": contact.id, "name": contact.name}


def _shown(value: dt.datetime | dt.date, zone: ZoneInfo) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(zone).isoformat()
    return value.isoformat()


def _list(db: Database, args: argparse.Namespace) -> int:
    zone = local_zone()
    start, end = window(args, zone)
    with db.reading() as session:
        account_id = resolve_id(session, Account, args.account) if args.account else None
        found = occurrences_between(
            session, start, end, owner=args.owner or None, account_id=account_id
        )
        people = contacts_of_events(session, [one.event_id for one in found])
    for one in found:
        shown = occurrence_object(one, zone, people.get(one.event_id))
        if args.json:
            print_json(shown)
        else:
            fields = (shown["start"], shown["end"], one.kind.value, one.title, one.account,
                      one.owner)  # fmt: skip
            print("\t".join([one.event_id.hex, *(str(f) for f in fields)]))
    if not args.json:
        output.note(f"{len(found)} occurrence(s)")
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    zone = local_zone()
    with db.reading() as session:
        row = session.get(CalendarEvent, resolve_id(session, CalendarEvent, args.id))
        if row is None or row.deleted_at is not None:
            raise KnownError(f"No event with id {args.id}.")
        account = session.get(Account, row.account_id) if row.account_id else None
        shown = event_object(row, account.name if account else "", zone)
        people = contacts_of_events(session, [row.id]).get(row.id, [])
        shown["contacts"] = [_contact_object(c) for c in people]
    if args.json:
        print_json(shown)
        return 0
    title = shown.pop("title") or "(untitled)"
    shown["contacts"] = ", ".join(c["name"] for c in shown["contacts"])
    output.show(title, [(k, v) for k, v in shown.items() if k != "attendees"])
    return 0


def event_object(row: CalendarEvent, account: str, zone: ZoneInfo) -> dict[str, Any]:
    """What `events show` prints: the stored event, its times as `list` shows them."""
    start: dt.datetime | dt.date | None = row.start_date if row.all_day else row.starts_at
    end: dt.datetime | dt.date | None = row.end_date if row.all_day else row.ends_at
    return {
        "id": row.id,
        "uid": row.uid,
        "title": row.title,
        "kind": str(row.kind),
        "status": str(row.status),
        "all_day": row.all_day,
        "start": _shown(start, zone) if start is not None else None,
        "end": _shown(end, zone) if end is not None else None,
        "time_zone": row.time_zone,
        "rrule": row.rrule,
        "exdates": list(row.exdates),
        "rdates": list(row.rdates),
        "series_id": row.series_id,
        "recurrence_id": row.recurrence_id,
        "sequence": row.sequence,
        "location": row.location,
        "description": row.description,
        "owner": row.owner,
        "account": account,
        "account_id": row.account_id,
        "contact_id": row.contact_id,
        "opportunity_id": row.opportunity_id,
        "case_id": row.case_id,
        "reminders": sorted((r.minutes_before for r in row.reminders), reverse=True),
        "attendees": [dict(a) for a in row.attendees],
    }


def _export(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.export.atomic import write_atomically
    from crmdesk.interop.ics import write_calendar
    from crmdesk.services.calendar_export import events_for_export

    zone = local_zone()
    ranged = bool(args.start or args.end)
    start, end = window(args, zone) if ranged else (None, None)
    with db.reading() as session:
        records = events_for_export(session, start=start, end=end, everything=not ranged)
    path = write_atomically(args.output, write_calendar(records, Path(args.output).stem))
    if args.json:
        print_json({"path": str(path), "events": len(records)})
    else:
        print(f"wrote {len(records)} event(s) to {path}")
    return 0


# --- `crmdesk import FILE.ics` ----------------------------------------------------------------


def import_events(db: Database, args: argparse.Namespace, data: bytes) -> int:
    """The calendar file's preview (plan: new, updated, unchanged, problems by line), then its
    import in the same transaction unless --dry-run."""
    from crmdesk.interop.ics import read_calendar
    from crmdesk.services.calendar_import import import_calendar, plan_calendar_import

    calendar = read_calendar(data, Path(args.file).name)
    with db.reading() if args.dry_run else db.transaction() as session:
        plan = plan_calendar_import(session, calendar)
        preview = {
            "filename": Path(args.file).name,
            "source": "icalendar",
            "total": len(plan.items),
            **plan.counts,
            "problem_lines": [{"line": p.line, "reason": str(p.message)} for p in plan.problems],
        }
        if args.json:
            print_json({"preview": preview})
        else:
            _print_preview(preview)
        if args.dry_run:
            return 0
        result = import_calendar(session, calendar)
    counts = result.plan.counts
    if args.json:
        print_json({"result": counts})
    else:
        print("imported: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


def _print_preview(preview: dict[str, Any]) -> None:
    print(f"{preview['filename']} (iCalendar): {preview['total']} event(s)")
    for key in ("new", "update", "unchanged", "problems"):
        print(f"  {key:12} {preview[key]}")
    for problem in preview["problem_lines"]:
        print(f"  line {problem['line']}: {problem['reason']}")


__all__ = ["import_events", "occurrence_object", "parse_when", "register"]
