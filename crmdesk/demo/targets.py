"""Monthly targets of every account manager over the last 12 months, so the Today page's
targets, the scorecards and the manager's team view have something to show.

An owner's target on an indicator is their own monthly mean over the 11 whole months before
the reference month (read back from the rows just loaded, `analytics.targets.actuals`) times an
ambition drawn between 0.8 and 1.3 per month, rounded: about half the past targets are met,
and the current month, under way, mostly not yet. An indicator an owner never reached gets no
target. Weights: revenue 3, new customers and visits 2, calls and cases closed 1.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from sqlalchemy.orm import Session

from crmdesk.analytics.targets import INDICATORS, actuals, month_label, months_back
from crmdesk.demo.context import DemoContext
from crmdesk.demo.rows import Id

WEIGHTS = {"revenue_won": 3, "new_customers": 2, "visits_made": 2, "calls_made": 1,
           "cases_closed": 1}  # fmt: skip
MONTHS = 12


class TargetRow(NamedTuple):
    id: Id
    owner: str
    month: str
    indicator: str
    target: int  # Money(scale=2): cents
    weight: int


def write_targets(ctx: DemoContext, session: Session) -> None:
    """The targets, from what the loaded rows show (call after they are flushed)."""
    last = month_label(ctx.ref)
    months = months_back(last, MONTHS)
    reached = {key: actuals(session, key, months[0], last) for key in INDICATORS}
    owners = sorted({owner for values in reached.values() for owner, _m in values} - {""})
    r = ctx.rng("targets")
    rows = ctx.loader.rows("monthly_targets")
    for owner in owners:
        for key, spec in INDICATORS.items():
            whole = [reached[key].get((owner, m), Decimal(0)) for m in months[:-1]]
            mean = sum(whole, Decimal(0)) / len(whole)
            if mean <= 0:
                continue
            step = Decimal(1000) if spec.is_money else Decimal(1)
            for month in months:
                ambition = Decimal(str(round(0.8 + 0.5 * r.random(), 2)))
                target = max(step, (mean * ambition / step).quantize(Decimal(1)) * step)
                rows.append(TargetRow(ctx.ids(), owner, month, key, int(target * 100),
                                      WEIGHTS[key] * 100))  # fmt: skip
