"""Demo accounts: unique names and domains, tiers and standing by analytics' rules."""

from __future__ import annotations

import datetime as dt

from crmdesk.demo.accounts import AccountPlan, assign_tiers, plan_accounts, standing
from crmdesk.demo.context import DemoContext
from crmdesk.demo.vocabulary import CHINA
from crmdesk.models.enums import AccountKind, LifecyclePhase, LoyaltyStage, ValueTier

TODAY = dt.date(2025, 3, 12)


def context(size: int) -> DemoContext:
    return DemoContext(size, 7, TODAY, loader=None)  # type: ignore[arg-type]


def plan(index: int, revenue: int = 0, orders: tuple[int, ...] = ()) -> AccountPlan:
    p = AccountPlan(index, True, "cn", CHINA[0], AccountKind.ORGANISATION, "IT", "王芳", 1.0)
    p.revenue = revenue
    p.orders = [(TODAY.toordinal() - days, 100) for days in orders]
    return p


def test_names_and_domains_are_unique_and_in_the_account_s_language() -> None:
    plans = plan_accounts(context(5000))
    organisations = [p for p in plans if p.kind is AccountKind.ORGANISATION]
    assert len({p.name for p in plans}) == len(plans)
    assert len({p.domain for p in organisations}) == len(organisations)
    chinese = [p for p in organisations if p.chinese]
    assert all(p.name.startswith(p.city.name) and p.name.endswith("公司") for p in chinese)
    assert all(p.domain.isascii() for p in organisations)


def test_tiers_follow_the_revenue_ranking() -> None:
    plans = [plan(n, revenue=n * 100) for n in range(20)]
    assign_tiers(plans)
    assert plans[19].tier is ValueTier.VIP
    assert [p.tier for p in plans[16:19]] == [ValueTier.IMPORTANT] * 3
    assert plans[0].tier is ValueTier.ORDINARY


def test_standing_counts_orders_and_won_deals() -> None:
    assert standing(plan(0), TODAY) == (LoyaltyStage.PROSPECT, LifecyclePhase.ACQUISITION)
    assert standing(plan(0, orders=(400, 380)), TODAY) == (
        LoyaltyStage.REGULAR, LifecyclePhase.LOST,
    )  # fmt: skip
    won = plan(0, orders=(400, 380))
    won.won.append([TODAY.toordinal() - 10, "", [], 0])
    assert standing(won, TODAY)[1] is LifecyclePhase.DECLINE  # 1 this year against 2 before
