"""Knowing the customers: the insight settings, scores written onto the account, suggestions
applied on confirmation.

The figures are `analytics/` (rfm, pyramid, clv, churn, stages); this takes their terms from
the settings section, stores the RFM scores with the day they were computed (recomputed on
demand or when older than `stale_days`), and writes suggested value tiers, loyalty stages and
lifecycle phases through the ORM so the change log and undo see them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Collection
from dataclasses import dataclass, field
from decimal import Decimal
from typing import ClassVar

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from crmdesk.analytics import churn
from crmdesk.analytics import rfm as rfm_rules
from crmdesk.analytics.clv import Clv, ClvTerms
from crmdesk.analytics.clv import clv as clv_figures
from crmdesk.analytics.pyramid import SUGGESTED, Measure, Pyramid, Shares, Tier, tiers_of
from crmdesk.analytics.pyramid import pyramid as pyramid_figures
from crmdesk.analytics.stages import suggestions
from crmdesk.analytics.targets import Scorecard
from crmdesk.models import Account
from crmdesk.models.enums import ValueTier
from crmdesk.services import settings
from crmdesk.services.changes import Changes, changes_in, report
from crmdesk.store.id_sets import in_id_set

INDICATORS = ("revenue_won", "new_customers", "visits_made", "calls_made", "cases_closed")


@dataclass(frozen=True)
class InsightSettings:
    """The terms of the customer figures, kept in the data file (Tools > Settings > Insights)."""

    KEY: ClassVar[str] = "insights"
    platinum_share: float = 1.0
    gold_share: float = 4.0
    iron_share: float = 15.0
    pyramid_months: int = 12  # the pyramid's period: the months up to the day it is taken
    pyramid_by: str = Measure.REVENUE.value  # customers ranked by revenue or by margin
    churn_factor: float = 2.0
    margin_rate: float = 30.0  # percent of revenue
    discount_rate: float = 10.0  # percent a year
    horizon_years: int = 5
    stale_days: int = 7  # stored scores older than this are recomputed
    indicators: list[str] = field(default_factory=lambda: list(INDICATORS))

    @property
    def shares(self) -> Shares:
        return Shares(self.platinum_share, self.gold_share, self.iron_share)

    @property
    def clv_terms(self) -> ClvTerms:
        return ClvTerms(self.margin_rate / 100, self.discount_rate / 100, self.horizon_years)

    @property
    def measure(self) -> Measure:
        """What the pyramid, its Pareto curve and the suggested tiers rank by (a value this
        version does not know, from a newer file, reads as revenue)."""
        try:
            return Measure(self.pyramid_by)
        except ValueError:
            return Measure.REVENUE

    def pyramid_since(self, until: dt.date) -> dt.date:
        months = until.year * 12 + until.month - 1 - self.pyramid_months
        return dt.date(months // 12, months % 12 + 1, 1) if self.pyramid_months > 0 else until


def load_settings(session: Session) -> InsightSettings:
    return settings.load(session, InsightSettings)


def save_settings(session: Session, value: InsightSettings) -> None:
    settings.save(session, value)


def value_pyramid(
    session: Session, as_of: dt.date, since: dt.date | None = None, by: Measure | None = None
) -> Pyramid:
    """The pyramid on the settings' terms: over the configured months (or from `since`), by
    the measure chosen in the settings (or `by`)."""
    conf = load_settings(session)
    return pyramid_figures(
        session, as_of, since or conf.pyramid_since(as_of), conf.shares, by or conf.measure,
        conf.margin_rate / 100,
    )  # fmt: skip


def value_tiers(
    session: Session, as_of: dt.date, since: dt.date | None = None, by: Measure | None = None
) -> dict[uuid.UUID, Tier]:
    """Each buyer's tier in `value_pyramid` (same terms)."""
    conf = load_settings(session)
    return tiers_of(
        session, as_of, since or conf.pyramid_since(as_of), conf.shares, by or conf.measure,
        conf.margin_rate / 100,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class StoredScores:
    as_of: dt.date | None  # the oldest stored date among scored accounts (None: never scored)
    scored: int


def stored_scores(session: Session) -> StoredScores:
    row = session.execute(
        select(func.min(Account.scores_as_of), func.count(Account.scores_as_of)).where(
            Account.deleted_at.is_(None)
        )
    ).one()
    return StoredScores(row[0], int(row[1]))


def scores_stale(session: Session, today: dt.date) -> bool:
    """True when some live account was never scored or its scores are older than allowed."""
    limit = today - dt.timedelta(days=load_settings(session).stale_days)
    unscored = session.scalar(
        select(func.count())
        .select_from(Account)
        .where(
            Account.deleted_at.is_(None),
            (Account.scores_as_of.is_(None)) | (Account.scores_as_of < limit),
        )
    )
    return bool(unscored)


def store_scores(session: Session, as_of: dt.date) -> int:
    """Write every live account's RFM scores as of `as_of` (cleared where it has no counted
    order), in set-based UPDATEs; returns how many accounts were scored. Scores are figures
    derived from the orders, like an index, so they are not put in the change log; the ids
    the first UPDATE touched (every live account) are reported as changed accounts, so open
    lists refresh."""
    s = rfm_rules.scored(as_of)
    touched = session.scalars(
        update(Account)
        .where(Account.deleted_at.is_(None))
        .values(rfm_r=None, rfm_f=None, rfm_m=None, rfm_cell="", rfm_segment="", scores_as_of=as_of)
        .returning(Account.id)
        .execution_options(synchronize_session=False)
    ).all()
    report(session, Changes(accounts=touched))
    result = session.execute(
        update(Account)
        .where(Account.id == s.c.account_id)
        .values(
            rfm_r=s.c.r,
            rfm_f=s.c.f,
            rfm_m=s.c.m,
            rfm_cell=func.printf("%d", s.c.cell),
            rfm_segment=s.c.segment,
        )
        .execution_options(synchronize_session=False)
    )
    medians, last = churn.intervals(as_of)
    session.execute(
        update(Account)
        .where(Account.id == last.c.account_id)
        .values(last_order_on=last.c.last)
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Account)
        .where(Account.id == medians.c.account_id)
        .values(usual_gap_days=medians.c.median)
        .execution_options(synchronize_session=False)
    )
    session.expire_all()
    return int(getattr(result, "rowcount", 0) or 0)


def ensure_scores(session: Session, today: dt.date) -> bool:
    """Recompute the stored scores when stale; True when it did."""
    if scores_stale(session, today):
        store_scores(session, today)
        return True
    return False


@dataclass(frozen=True, slots=True)
class TierChange:
    id: uuid.UUID
    name: str
    now: ValueTier
    suggested: ValueTier


def tier_changes(
    session: Session,
    as_of: dt.date,
    since: dt.date | None = None,
    by: Measure | None = None,
) -> list[TierChange]:
    """Accounts whose value tier the pyramid would change (non-buyers become ordinary): the
    pyramid over the configured period (or from `since`), by the chosen measure (or `by`)."""
    tiers = value_tiers(session, as_of, since, by)
    changes = []
    for aid, name, now in session.execute(
        select(Account.id, Account.name, Account.value_tier)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.sort_key, Account.id)
    ):
        tier = tiers.get(aid)
        wanted = SUGGESTED[tier] if tier is not None else ValueTier.ORDINARY
        if wanted != now:
            changes.append(TierChange(aid, name, ValueTier(now), wanted))
    return changes


def apply_value_tiers(session: Session, chosen: Collection[TierChange]) -> Changes:
    """Set the confirmed suggestions, through the ORM (logged, undoable)."""
    by_id = {c.id: c.suggested for c in chosen}
    for account in _accounts(session, by_id):
        account.value_tier = by_id[account.id]
    session.flush()
    return changes_in(session)


def stage_changes(session: Session, as_of: dt.date) -> list[uuid.UUID]:
    """Accounts whose suggested loyalty stage or lifecycle phase differs from theirs."""
    return [s.id for s in suggestions(session, as_of) if s.changes]


def apply_stage_suggestions(
    session: Session, as_of: dt.date, ids: Collection[uuid.UUID] | None = None
) -> Changes:
    """Set the suggested loyalty stage and lifecycle phase of the given accounts (all when
    None) where they differ."""
    wanted = {s.id: s for s in suggestions(session, as_of) if s.changes}
    if ids is not None:
        wanted = {k: v for k, v in wanted.items() if k in set(ids)}
    for account in _accounts(session, wanted):
        account.loyalty_stage = wanted[account.id].loyalty
        account.lifecycle_phase = wanted[account.id].lifecycle
    session.flush()
    return changes_in(session)


def _accounts(session: Session, ids: Collection[uuid.UUID]) -> list[Account]:
    if not ids:
        return []
    return list(session.scalars(select(Account).where(in_id_set(Account.id, ids))))


@dataclass(frozen=True)
class Overview:
    """Everything the Insights pane draws, read in one go off the GUI thread."""

    as_of: dt.date
    rfm: rfm_rules.Rfm
    pyramid: Pyramid
    tier_ids: dict[Tier, frozenset[uuid.UUID]]
    clv: Clv
    churn: list[churn.ChurnRow]
    stages: dict[str, dict[str, frozenset[uuid.UUID]]]  # "loyalty"/"lifecycle" -> value -> ids
    team: list[Scorecard]
    trend_months: tuple[str, ...] = ()  # the 12 months up to as_of's, oldest first
    trend: dict[str, list[Decimal | None]] = field(default_factory=dict)  # owner -> scores


def overview(session: Session, as_of: dt.date) -> Overview:
    from crmdesk.analytics.targets import month_label, months_back, scorecards, trend

    conf = load_settings(session)
    tiers = value_tiers(session, as_of)
    by_tier: dict[Tier, set[uuid.UUID]] = {t: set() for t in Tier}
    for aid, tier in tiers.items():
        by_tier[tier].add(aid)
    stage_ids: dict[str, dict[str, set[uuid.UUID]]] = {"loyalty": {}, "lifecycle": {}}
    for s in suggestions(session, as_of):
        stage_ids["loyalty"].setdefault(s.loyalty.value, set()).add(s.id)
        stage_ids["lifecycle"].setdefault(s.lifecycle.value, set()).add(s.id)
    return Overview(
        as_of=as_of,
        rfm=rfm_rules.rfm(session, as_of),
        pyramid=value_pyramid(session, as_of),
        tier_ids={t: frozenset(ids) for t, ids in by_tier.items()},
        clv=clv_figures(session, as_of, conf.clv_terms),
        churn=churn.at_risk(session, as_of, conf.churn_factor, limit=500),
        stages={k: {v: frozenset(i) for v, i in d.items()} for k, d in stage_ids.items()},
        team=scorecards(session, [month_label(as_of)], conf.indicators),
        trend_months=tuple(months_back(month_label(as_of), 12)),
        trend=trend(session, month_label(as_of), conf.indicators),
    )
