"""Leads: about size/20 prospects from the account sources and a few campaigns; about a
quarter converted into the demo's accounts, contacts and opportunities, some disqualified."""

from __future__ import annotations

from typing import Any, NamedTuple

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.clock import Ids
from crmdesk.demo.context import DemoContext
from crmdesk.models.enums import LeadStatus

CAMPAIGNS_CN = ("春季展会", "行业峰会", "新品发布会", "线上研讨会", "老客户推荐计划")
CAMPAIGNS_EN = ("Spring trade fair", "Industry summit", "Product launch", "Webinar series")
DISQUALIFIED_CN = ("无预算", "非目标客户", "联系不上", "已选择其他供应商")
DISQUALIFIED_EN = ("No budget", "Not our market", "Unreachable", "Chose another supplier")
TITLES_CN = ("采购经理", "IT主管", "仓储经理", "总经理", "运营总监")
TITLES_EN = ("Purchasing manager", "IT lead", "Warehouse manager", "Managing director")
_STATUS_CUM = ((0.35, LeadStatus.NEW), (0.62, LeadStatus.CONTACTED),
               (0.80, LeadStatus.DISQUALIFIED), (1.0, LeadStatus.QUALIFIED))  # fmt: skip
CONVERTED_SHARE = 0.25


class LeadRow(NamedTuple):
    id: str
    family_name: str
    given_name: str
    company: str
    title: str
    phone: str
    email: str
    city: str
    source: str
    campaign: str
    status: str
    disqualified_reason: str
    owner: str
    estimated_amount: int
    notes: str
    converted_at: str | None
    converted_account_id: str | None
    converted_contact_id: str | None
    converted_opportunity_id: str | None


def write_leads(ctx: DemoContext, opportunities: list[dict[str, Any]]) -> None:
    """The leads' rows; converted ones point at opportunities already written."""
    r = ctx.rng("leads")
    rows = ctx.loader.rows("leads")
    convertible = [o for o in opportunities if o["id"]]
    r.shuffle(convertible)
    for n in range(max(1, ctx.size // 20)):
        opp = convertible.pop() if convertible and r.random() < CONVERTED_SHARE else None
        rows.append(_lead(ctx, r, ctx.ids, opp))
        if n % 256 == 0:
            ctx.loader.maybe_flush()


def _lead(ctx: DemoContext, r: Any, new_id: Ids, opp: dict[str, Any] | None) -> LeadRow:
    cn = opp["account"].chinese if opp else r.random() < 0.85
    family = r.choice(vocab.SURNAMES)[0] if cn else r.choice(("Smith", "Brown", "Miller", "Weber"))
    given = (
        "".join(r.choice(vocab.MALE_CHARS + vocab.FEMALE_CHARS) for _ in range(r.choice((1, 2))))
        if cn
        else r.choice(("Anna", "James", "Laura", "Peter", "Sophie"))
    )
    brand = r.choice(vocab.BRAND_CHARS) + r.choice(vocab.BRAND_CHARS)
    western = f"{family} {r.choice(('GmbH', 'Ltd', 'Inc'))}"
    company = opp["account"].name if opp else (
        f"{brand}{r.choice(vocab.CN_SUFFIX_NAMES)}" if cn else western
    )  # fmt: skip
    draw = r.random()
    status = LeadStatus.QUALIFIED if opp else next(s for p, s in _STATUS_CUM if draw <= p)
    if opp is None and status is LeadStatus.QUALIFIED:
        status = LeadStatus.CONTACTED  # qualified leads are the converted ones
    phone = f"1{r.choice('3589')}{r.randint(0, 9)}{r.randint(10_000_000, 99_999_999)}"
    converted_at = None
    if opp:
        converted_at = ctx.clock.text(ctx.clock.utc_minutes("Asia/Shanghai", opp["created"], 600))
    return LeadRow(
        id=new_id(),
        family_name=family,
        given_name=given,
        company=company,
        title=r.choice(TITLES_CN if cn else TITLES_EN),
        phone=phone if cn else "",
        email="" if cn else f"{given.lower()}.{family.lower()}@example.com",
        city="",
        source=r.choice(vocab.SOURCES_CN if cn else vocab.SOURCES_EN),
        campaign=r.choice(CAMPAIGNS_CN if cn else CAMPAIGNS_EN) if r.random() < 0.6 else "",
        status=status.value,
        disqualified_reason=(
            r.choice(DISQUALIFIED_CN if cn else DISQUALIFIED_EN)
            if status is LeadStatus.DISQUALIFIED
            else ""
        ),
        owner=opp["account"].owner
        if opp
        else r.choice(vocab.OWNERS_CN if cn else vocab.OWNERS_WEST),
        estimated_amount=(opp["amount"] if opp else r.randint(2, 80) * 10_000 * 100),
        notes="",
        converted_at=converted_at,
        converted_account_id=opp["account"].id if opp else None,
        converted_contact_id=(opp["account"].decision_maker or None) if opp else None,
        converted_opportunity_id=opp["id"] if opp else None,
    )
