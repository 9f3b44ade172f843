"""`crmdesk forecast --by month|quarter`: the weighted forecast, per period and in total."""

from __future__ import annotations

import argparse
from typing import Any

from crmdesk.analytics import forecast as fc
from crmdesk.cli.opportunities import emit
from crmdesk.store.db import Database


def register(verbs: Any) -> None:
    cmd = verbs.add_parser(
        "forecast", help="open pipeline, weighted forecast and won amounts per period"
    )
    cmd.add_argument("--by", choices=[p.value for p in fc.Period], default="month")
    cmd.add_argument("--owner")
    cmd.add_argument("--json", action="store_true", help="JSON lines: each period, then total")
    cmd.set_defaults(handler=_forecast)


def _object(p: fc.PeriodFigures, label: str | None = None) -> dict[str, Any]:
    return {"period": label if label is not None else p.period, "count": p.count,
            "amount": p.amount, "weighted": p.weighted, "won": p.won}  # fmt: skip


def _forecast(db: Database, args: argparse.Namespace) -> int:
    with db.reading() as session:
        result = fc.forecast(session, fc.Period(args.by), owner=args.owner)
    rows = [_object(p) for p in result.periods]
    if result.undated.count:
        rows.append(_object(result.undated, "undated"))
    rows.append(_object(result.total, "total"))
    for row in rows:
        if args.json:
            emit(row)
        else:
            print(f"{row['period']:10} {row['count']:6} {row['amount']:>16} "
                  f"{row['weighted']:>16} {row['won']:>16}")  # fmt: skip
    return 0
