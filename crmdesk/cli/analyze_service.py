"""`crmdesk analyze service|satisfaction`: the service desk's figures and satisfaction c = b / a,
registered under the `analyze` noun (crmdesk/cli/analyze.py gathers its sub-verbs)."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from typing import Any

from crmdesk.cli import output
from crmdesk.core.errors import KnownError
from crmdesk.services import service_figures, surveys
from crmdesk.store.db import Database


def register(analyze_verbs: Any) -> None:
    """Add `service` and `satisfaction` to the `analyze` noun's sub-parsers."""
    for name, handler, text in (
        ("service", _service, "service figures: cases opened/closed, resolution times, targets"),
        ("satisfaction", _satisfaction, "satisfaction c = b / a per item and overall, banded"),
    ):
        verb = analyze_verbs.add_parser(name, help=text)
        verb.add_argument("--from", dest="start", metavar="YYYY-MM-DD")
        verb.add_argument("--to", dest="end", metavar="YYYY-MM-DD")
        verb.add_argument("--json", action="store_true")
        verb.set_defaults(handler=handler)


def _day(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise KnownError("%1 is not a date (YYYY-MM-DD).", values=(text,)) from None


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None or math.isnan(value) else round(value, digits)


def _service(db: Database, args: argparse.Namespace) -> int:
    start, end = _day(args.start), _day(args.end)
    with db.reading() as session:
        f = service_figures.service_figures(session, start, end)
    facts: dict[str, Any] = {
        "from": f.start, "to": f.end, "opened": f.opened, "resolved": f.resolved,
        "first_contact_rate": _round(f.first_contact_rate),
        "average_hours_to_resolve": _round(f.average_hours, 2),
        "p90_hours_to_resolve": _round(f.p90_hours, 2),
        "within_target": {k: _round(v) for k, v in f.within_target.items()},
        "complaints_per_100_customers": _round(f.complaints_per_100, 2),
        "reopen_rate": _round(f.reopen_rate),
        "satisfaction_c_after_closing": _round(f.satisfaction_c),
        "satisfaction_score_after_closing": _round(f.satisfaction_score, 2),
        "surveys_after_closing": f.surveys_after_closing,
        "months": [{"month": m.month, "opened": m.opened, "closed": m.closed} for m in f.months],
    }  # fmt: skip
    if args.json:
        output.print_json(facts)
        return 0
    months = facts.pop("months")
    output.show_facts(facts, False)
    for m in months:
        print(f"  {m['month']}  opened {m['opened']:>6}  closed {m['closed']:>6}")
    return 0


def _satisfaction(db: Database, args: argparse.Namespace) -> int:
    start, end = _day(args.start), _day(args.end)
    with db.reading() as session:
        score = surveys.report(session, start, end)
    if score is None:
        raise KnownError("No surveys were answered in that period.")
    rows = [
        {"item": i.item, "expected": _round(i.expected, 3), "perceived": _round(i.perceived, 3),
         "c": _round(i.c), "band": i.band.value, "answers": i.answers}
        for i in score.items
    ]  # fmt: skip
    overall = {"item": "overall", "expected": _round(score.expected, 3),
               "perceived": _round(score.perceived, 3), "c": _round(score.c),
               "band": score.band.value, "surveys": score.surveys}  # fmt: skip
    if args.json:
        for row in rows:
            output.print_json(row)
        output.print_json(overall)
        return 0
    for row in rows:
        print(f"{output.pad(str(row['item']), 20)} expected {row['expected']:.2f}  perceived "
              f"{row['perceived']:.2f}  c {row['c']:.3f}  {row['band']}")  # fmt: skip
    print(f"{'overall':<20} expected {score.expected:.2f}  perceived {score.perceived:.2f}  "
          f"c {score.c:.3f}  {overall['band']}  ({score.surveys} surveys)")
    return 0
