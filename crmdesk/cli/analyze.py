"""`crmdesk analyze rfm|pyramid|clv|churn|lifecycle|targets [--as-of DATE] [--json]`.

Each sub-verb is added by a registrar in `REGISTRARS`, a function given the `analyze`
sub-parsers; another module adds its own (`analyze_service.register`) by being listed here.
Figures are computed as of `--as-of` (default today); money is printed as exact strings.
"""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from crmdesk.analytics import churn, clv, pyramid, rfm, stages
from crmdesk.analytics.targets import INDICATORS as TARGET_INDICATORS
from crmdesk.cli import analyze_service, output
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.store.db import Database

Registrar = Callable[[Any], None]
INDICATOR_KEYS = tuple(TARGET_INDICATORS)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _verb(verbs: Any, name: str, help_text: str, handler: Callable[..., int]) -> Any:
    cmd = verbs.add_parser(name, help=help_text)
    cmd.add_argument(
        "--as-of",
        type=_day,
        default=None,
        metavar="DATE",
        help="the day the figures are taken on (default today)",
    )
    cmd.add_argument("--json", action="store_true", help="JSON lines")
    cmd.set_defaults(handler=handler)
    return cmd


def as_of(args: argparse.Namespace) -> dt.date:
    return args.as_of or dt.date.today()


def register_figures(analyze_verbs: Any) -> None:
    """The customer figures of issue #24."""
    cmd = _verb(analyze_verbs, "rfm", "recency, frequency and monetary scores per account", _rfm)
    cmd.add_argument("--store", action="store_true", help="also store the scores on the accounts")
    cmd.add_argument(
        "--cells", action="store_true", help="one line per RFM cell: its customers and revenue"
    )
    cmd = _verb(analyze_verbs, "pyramid", "the value pyramid and the 80/20 check", _pyramid)
    cmd.add_argument(
        "--since",
        type=_day,
        metavar="DATE",
        help="first day of the period (default: the configured months back)",
    )
    cmd.add_argument(
        "--apply", action="store_true", help="set the suggested value tiers on the accounts"
    )
    cmd.add_argument(
        "--by",
        choices=[m.value for m in pyramid.Measure],
        default=None,
        help="rank by revenue, or by margin (product costs, else the margin rate); "
        "default: the choice in Tools > Settings > Insights",
    )
    _verb(analyze_verbs, "clv", "historical and projected lifetime value per account", _clv)
    _verb(analyze_verbs, "churn", "accounts silent for longer than their usual interval", _churn)
    cmd = _verb(analyze_verbs, "lifecycle", "suggested loyalty stage and lifecycle phase", _stages)
    cmd.add_argument("--apply", action="store_true", help="set the suggestions on the accounts")
    cmd = _verb(analyze_verbs, "targets", "monthly targets against actuals", _targets)
    cmd.add_argument("--month", help="YYYY-MM (default: the month of --as-of)")
    cmd.add_argument("--owner", help="one owner's scorecard (default: the team)")
    cmd.add_argument("--trend", action="store_true", help="each owner's score over 12 months")
    cmd.add_argument(
        "--set",
        nargs="+",
        metavar="INDICATOR=TARGET[:WEIGHT]",
        help="set --owner's targets for the month first (weight 1 unless given), e.g. "
        f"calls_made=40:2; indicators: {', '.join(INDICATOR_KEYS)}",
    )


# crmdesk.cli.analyze_service.register (analyze service|satisfaction) joins this list
REGISTRARS: list[Registrar] = [register_figures, analyze_service.register]


def register(verbs: Any) -> None:
    cmd = verbs.add_parser("analyze", help="know your customers: RFM, pyramid, CLV, churn …")
    analyze_verbs = cmd.add_subparsers(
        dest="figure", metavar="FIGURE", required=True, parser_class=type(cmd)
    )
    for registrar in REGISTRARS:
        registrar(analyze_verbs)


def _rfm(db: Database, args: argparse.Namespace) -> int:
    day = as_of(args)
    if args.store:
        from crmdesk.services.insights import store_scores

        with db.transaction() as session:
            store_scores(session, day)
    with db.reading() as session:
        result = rfm.rfm(session, day)
    if args.cells:
        return _rfm_cells(result, args.json)
    for row in result.rows:
        obj = {
            "id": row.id,
            "name": row.name,
            "recency_days": row.recency_days,
            "frequency": row.frequency,
            "monetary": row.monetary,
            "r": row.r,
            "f": row.f,
            "m": row.m,
            "cell": row.cell,
            "segment": row.segment,
            "last_order": row.last_order,
            "owner": row.owner,
        }
        if args.json:
            output.print_json(obj)
        else:
            print(
                f"{row.id.hex}\t{row.cell}\t{row.segment}\t{row.recency_days}\t"
                f"{row.frequency}\t{row.monetary}\t{row.name}"
            )
    for aid, name in result.without_orders:
        if args.json:
            output.print_json(
                {
                    "id": aid,
                    "name": name,
                    "recency_days": None,
                    "frequency": 0,
                    "monetary": Decimal("0.00"),
                    "r": None,
                    "f": None,
                    "m": None,
                    "cell": None,
                    "segment": None,
                }
            )
        else:
            print(f"{aid.hex}\t-\tno orders\t\t0\t0.00\t{name}")
    return 0


def _rfm_cells(result: rfm.Rfm, as_json: bool) -> int:
    """Customers and revenue per cell, best cell first; those without orders last."""
    for cell in result.cells():
        segment = rfm.segment_of(*(int(digit) for digit in cell.cell))
        obj = {"cell": cell.cell, "segment": segment, "customers": cell.customers,
               "revenue": cell.revenue}  # fmt: skip
        if as_json:
            output.print_json(obj)
        else:
            print(f"{cell.cell}\t{segment}\t{cell.customers}\t{cell.revenue}")
    apart = len(result.without_orders)
    if as_json:
        output.print_json({"cell": None, "segment": None, "customers": apart,
                           "revenue": Decimal("0.00")})  # fmt: skip
    else:
        print(f"-\tno orders\t{apart}\t0.00")
    return 0


def _pyramid(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services import insights

    day = as_of(args)
    with db.reading() as session:
        since = args.since or insights.load_settings(session).pyramid_since(day)
        by = pyramid.Measure(args.by) if args.by else None  # None: the setting's measure
        p = insights.value_pyramid(session, day, since, by)
    if args.apply:  # the tiers just shown: same period, same measure
        with db.transaction() as session:
            chosen = insights.tier_changes(session, day, since, p.measure)
            changed = insights.apply_value_tiers(session, chosen)
        output.note(f"value tiers set on {len(changed.accounts)} accounts")
    facts: dict[str, Any] = {"as_of": day, "since": since, "buyers": p.buyers, "revenue": p.revenue}
    for t in p.tiers:
        facts[t.tier.value] = {
            "count": t.customers,
            "revenue": t.revenue,
            "threshold": t.threshold,
            "suggested": t.suggested,
        }
    facts["top20_share"] = round(p.top20_share, 4)
    facts["holds_80_20"] = p.holds_80_20
    facts["measure"] = p.measure.value
    if p.measure is pyramid.Measure.MARGIN:  # which revenue had a product cost, which the rate
        facts["costed_revenue"], facts["rated_revenue"] = p.costed_revenue, p.rated_revenue
    if args.json:
        output.print_json(facts)
        return 0
    print(f"{'tier':10} {'count':>8} {p.measure.value:>16} {'threshold':>14}  suggested")
    for t in p.tiers:
        print(
            f"{t.tier.value:10} {t.customers:8} {t.revenue!s:>16} "
            f"{t.threshold if t.threshold is not None else '-'!s:>14}  {t.suggested}"
        )
    print(
        f"top 20 % bring {p.top20_share:.1%} of {p.revenue} from {p.buyers} buyers "
        f"({'80/20 holds' if p.holds_80_20 else '80/20 does not hold'})"
    )
    if p.measure is pyramid.Measure.MARGIN:
        print(f"margin from product costs on {p.costed_revenue} of revenue, "
              f"from the margin rate on {p.rated_revenue}")  # fmt: skip
    return 0


def _clv(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.insights import load_settings

    with db.reading() as session:
        result = clv.clv(session, as_of(args), load_settings(session).clv_terms)
    if not args.json:
        print(result.formula)
    for row in result.rows:
        obj = {
            "id": row.id,
            "name": row.name,
            "revenue": row.revenue,
            "margin": row.margin,
            "yearly_margin": row.yearly_margin,
            "projected": row.projected,
            "costed_revenue": row.costed,
        }
        if args.json:
            output.print_json({**obj, "formula": result.formula})
        else:
            print(f"{row.id.hex}\t{row.revenue}\t{row.projected}\t{row.name}")
    return 0


def _churn(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.services.insights import load_settings

    with db.reading() as session:
        rows = churn.at_risk(session, as_of(args), load_settings(session).churn_factor)
    for row in rows:
        obj = {
            "id": row.id,
            "name": row.name,
            "owner": row.owner,
            "last_order": row.last_order,
            "days_silent": row.days_silent,
            "median_gap": round(row.median_gap, 1),
        }
        if args.json:
            output.print_json(obj)
        else:
            print(
                f"{row.id.hex}\t{row.last_order}\t{row.days_silent}\t{row.median_gap:.0f}\t"
                f"{row.owner}\t{row.name}"
            )
    return 0


def _stages(db: Database, args: argparse.Namespace) -> int:
    day = as_of(args)
    if args.apply:
        from crmdesk.services.insights import apply_stage_suggestions

        with db.transaction() as session:
            changed = apply_stage_suggestions(session, day)
        output.note(f"stages set on {len(changed.accounts)} accounts")
    with db.reading() as session:
        rows = stages.suggestions(session, day)
    for s in rows:
        obj = {
            "id": s.id,
            "name": s.name,
            "loyalty_stage": s.loyalty,
            "lifecycle_phase": s.lifecycle,
            "current_loyalty_stage": s.loyalty_now,
            "current_lifecycle_phase": s.lifecycle_now,
            "reason": str(s.reason),
        }
        if args.json:
            output.print_json(obj)
        else:
            print(f"{s.id.hex}\t{s.loyalty}\t{s.lifecycle}\t{s.name}\t{s.reason}")
    return 0


def _target_draft(owner: str, month: str, text: str) -> Any:
    """One INDICATOR=TARGET[:WEIGHT] of --set (the service checks the values)."""
    from crmdesk.services.targets import TargetDraft

    indicator, sep, values = text.partition("=")
    target, _, weight = values.partition(":")
    try:
        if not sep:
            raise InvalidOperation(text)
        return TargetDraft(owner, month, indicator.strip(), Decimal(target), Decimal(weight or 1))
    except InvalidOperation:
        raise KnownError(
            translatable("Messages", "%1 is not INDICATOR=TARGET[:WEIGHT]."), values=(text,)
        ) from None


def _targets(db: Database, args: argparse.Namespace) -> int:
    from crmdesk.analytics.targets import month_label, month_start
    from crmdesk.services import targets

    month = args.month or month_label(as_of(args))
    try:
        month_start(month)
    except ValueError:
        raise KnownError(
            translatable("Messages", "%1 is not a month (YYYY-MM)."), values=(month,)
        ) from None
    if args.set:
        if not args.owner:
            raise KnownError(translatable("Messages", "Say whose targets they are (--owner)."))
        drafts = [_target_draft(args.owner, month, text) for text in args.set]
        with db.transaction() as session:
            targets.set_targets(session, drafts)
        output.note(f"{len(drafts)} targets set for {args.owner.strip()} in {month}")
    with db.reading() as session:
        if args.trend:
            for owner, scores in targets.trend(session, month, args.owner).items():
                if args.json:
                    output.print_json({"owner": owner, "month": month, "scores": scores})
                else:
                    print(owner, " ".join("-" if s is None else f"{s:.0f}" for s in scores))
            return 0
        cards = (
            [c for c in [targets.scorecard(session, args.owner, month)] if c]
            if args.owner
            else targets.team(session, month)
        )
    for card in cards:
        obj = {
            "owner": card.owner,
            "month": card.month,
            "score": card.score,
            "met": card.met,
            "indicators": [
                {
                    "indicator": i.indicator,
                    "target": i.target,
                    "actual": i.actual,
                    "weight": i.weight,
                    "percent": i.percent,
                    "met": i.met,
                }
                for i in card.indicators
            ],
            "summary": str(card.summary()),
        }
        if args.json:
            output.print_json(obj)
        else:
            print(f"{card.owner}\t{card.month}\t{card.score}\t{card.summary()}")
    return 0
