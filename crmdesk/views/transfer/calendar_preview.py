"""The import wizard's calendar half: an iCalendar file (known by its content, as `crmdesk
import` knows it) read, previewed by UID and imported in one transaction.

The wizard's pages stay the same; this module words the plan for them (counts, the first
events and what happens to each, the lines read in part or skipped).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmdesk.core.clock import local_zone
from crmdesk.core.texts import fill
from crmdesk.interop.event_records import CalendarFile, EventRecord
from crmdesk.interop.ics import looks_like_icalendar, read_calendar
from crmdesk.interop.limits import read_import_bytes
from crmdesk.services.calendar_import import CalendarAction, CalendarImportResult, CalendarPlan
from crmdesk.views.shell.i18n import _tr, translated
from crmdesk.views.shell.vocabulary import enum_text

EVENTS = "events"
SHOWN_ROWS = 200  # the first events of the file in the preview table
_HEAD = 4096


def is_calendar(path: Path) -> bool:
    """True when the file's content is iCalendar, whatever its name (unreadable: False, the
    contact reader then says what is wrong with it)."""
    try:
        with open(path, "rb") as handle:
            return looks_like_icalendar(handle.read(_HEAD))
    except OSError:
        return False


def read_calendar_file(path: Path) -> CalendarFile:
    """The file's events and tasks, read within the import limits (a refusal names the line)."""
    return read_calendar(read_import_bytes(path), path.name)


def counts_text(plan: CalendarPlan) -> str:
    """ "<b>12</b> events in the file: <b>10</b> new, …" in the user's words."""
    new, updated = plan.count(CalendarAction.NEW), plan.count(CalendarAction.UPDATE)
    unchanged = plan.count(CalendarAction.UNCHANGED)
    parts = (
        _tr("<b>%n</b> event(s) in the file", None, len(plan.items)),
        _tr("<b>%n</b> new", None, new),
        _tr("<b>%n</b> update(s) an event with the same UID", None, updated),
        _tr("<b>%n</b> already here unchanged", None, unchanged),
        _tr("<b>%n</b> line(s) skipped or read in part", None, len(plan.problems)),
    )
    return fill(_tr("%1: %2, %3, %4, %5."), parts)


def headers() -> list[str]:
    title = _tr("Title", "of an event")  # not a person's job title
    return [_tr("Line"), title, _tr("Starts"), _tr("Kind"), _tr("What happens")]


def rows(plan: CalendarPlan) -> list[list[str]]:
    """The first events as they will land."""
    outcome = {
        CalendarAction.NEW: _tr("New"),
        CalendarAction.UPDATE: _tr("Updates the event with this UID"),
        CalendarAction.UNCHANGED: _tr("Already here, unchanged"),
    }
    return [
        [str(item.record.source_line), item.record.title or _tr("(untitled)"),
         _start_text(item.record), enum_text(item.record.kind), outcome[item.action]]
        for item in plan.items[:SHOWN_ROWS]
    ]  # fmt: skip


def _start_text(record: EventRecord) -> str:
    if record.all_day and record.start_date is not None:
        return record.start_date.isoformat()
    if record.starts_at is None:
        return ""
    shown: dt.datetime = record.starts_at.astimezone(local_zone())
    return f"{shown:%Y-%m-%d %H:%M}"


def problems(plan: CalendarPlan) -> list[tuple[int, str]]:
    """The lines read in part or skipped, each in the user's words."""
    return [(p.line, translated(("Import", "Messages"), p.message)) for p in plan.problems]


def problems_title() -> str:
    return _tr("Lines skipped or read in part")


def can_import(plan: CalendarPlan) -> bool:
    return plan.count(CalendarAction.NEW) + plan.count(CalendarAction.UPDATE) > 0


def result_text(result: CalendarImportResult) -> str:
    plan = result.plan
    new = _tr("%n new event(s)", None, plan.count(CalendarAction.NEW))
    updated = _tr("%n updated", None, plan.count(CalendarAction.UPDATE))
    return fill(_tr("Imported: %1, %2."), (new, updated))


__all__ = ["EVENTS", "can_import", "counts_text", "is_calendar", "read_calendar_file"]
