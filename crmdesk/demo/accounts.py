"""Accounts: who they are (70 % Chinese, the rest American, British and German), how much they
weigh (a lognormal Pareto skew), their names, contact points, tags and standing."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from dataclasses import dataclass, field
from typing import Any

from crmdesk.analytics.lifecycle import lifecycle_phase
from crmdesk.analytics.loyalty import loyalty_stage
from crmdesk.analytics.value_tiers import value_tiers
from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.contact_points import address_row
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.demo.people import ascii_letters, chinese_name, pinyin, western_name
from crmdesk.demo.rows import AccountRow, TagRow
from crmdesk.demo.vocabulary import City
from crmdesk.models.enums import AccountKind, LifecyclePhase, LoyaltyStage, ValueTier
from crmdesk.models.names import pinyin_syllables, text_sort_key

PARETO_SIGMA = 1.45


@dataclass(slots=True)
class AccountPlan:
    """An account as planned before it is written, and what later generators need of it."""

    index: int
    chinese: bool
    country: str  # "cn", "us", "uk", "de"
    city: City
    kind: AccountKind
    industry: str
    owner: str
    weight: float
    name: str = ""
    short: str = ""
    domain: str = ""
    person: tuple[str, str, bool] | None = None  # an individual's (family, given, female)
    id: str = ""
    orders: list[tuple[int, int]] = field(default_factory=list)  # (ordinal, target cents)
    # each order's lines (product index, quantity, discount %) and status, drawn with revenue
    order_lines: list[tuple[list[tuple[int, int, int]], str]] = field(default_factory=list)
    # won opportunities, each [closed on, opportunity id, lines, amount in cents]
    won: list[list[Any]] = field(default_factory=list)
    revenue: int = 0
    tier: ValueTier = ValueTier.ORDINARY
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (contact id, language)
    decision_maker: str = ""
    street: tuple[str, str, str] = ("", "", "")  # street, extended, postal code
    tags: list[str] = field(default_factory=list)


def plan_accounts(ctx: DemoContext) -> list[AccountPlan]:
    """About size/5 accounts, each with a country, city, owner, kind, industry and weight."""
    r = ctx.rng("accounts")
    names_used: set[str] = set()
    draw = _AccountDraw(r)
    plans = []
    for index in range(max(1, round(ctx.size / 5))):
        plan = draw.plan(index)
        if plan.kind is AccountKind.INDIVIDUAL:
            _individual(ctx, r, plan)
        else:
            company_name(ctx, r, plan, names_used)
        plans.append(plan)
    return plans


class _AccountDraw:
    """Where an account is, who looks after it, whether it is a person and how much it buys."""

    def __init__(self, r: DemoRandom) -> None:
        self.r = r
        self.industries = list(vocab.INDUSTRIES)
        self.industry_cum = cumulative([v[0] for v in vocab.INDUSTRIES.values()])
        self.cn_cum = cumulative([c.weight for c in vocab.CHINA])
        self.west_keys = list(vocab.WESTERN_WEIGHTS)
        self.west_cum = cumulative(list(vocab.WESTERN_WEIGHTS.values()))
        self.west_city_cum = {
            k: cumulative([c.weight for c in v]) for k, v in vocab.WESTERN.items()
        }

    def plan(self, index: int) -> AccountPlan:
        r = self.r
        rnd = r.random
        chinese = rnd() < 0.7
        if chinese:
            country = "cn"
            city = pick(rnd, vocab.CHINA, self.cn_cum)
            owner = r.choice(vocab.OWNERS_CN) if rnd() < 0.93 else r.choice(vocab.OWNERS_WEST)
        else:
            country = pick(rnd, self.west_keys, self.west_cum)
            city = pick(rnd, vocab.WESTERN[country], self.west_city_cum[country])
            owner = r.choice(vocab.OWNERS_WEST) if rnd() < 0.85 else r.choice(vocab.OWNERS_CN)
        individual = rnd() < 0.08
        weight = r.lognormvariate(0, PARETO_SIGMA) * (0.15 if individual else 1.0)
        return AccountPlan(
            index=index,
            chinese=chinese,
            country=country,
            city=city,
            kind=AccountKind.INDIVIDUAL if individual else AccountKind.ORGANISATION,
            industry="" if individual else pick(rnd, self.industries, self.industry_cum),
            owner=owner,
            weight=weight,
        )


def _individual(ctx: DemoContext, r: DemoRandom, plan: AccountPlan) -> None:
    """A private customer: the account is named after the person."""
    female = r.random() < 0.5
    if plan.chinese:
        family, given = chinese_name(r, female)
        plan.name = family + given
    else:
        family, given = western_name(ctx.pools, r, plan.country, female)
        plan.name = f"{given} {family}"
    plan.person = (family, given, female)
    plan.short = plan.name


def company_name(ctx: DemoContext, r: random.Random, plan: AccountPlan, used: set[str]) -> None:
    """A unique company name in the account's language, its short form and web domain."""
    for attempt in itertools.count():
        drawn = _chinese_company(r, plan) if plan.chinese else _western_company(ctx, r, plan)
        if drawn is None:
            continue
        name, short, slugs, tld = drawn
        if attempt > 100:  # a huge demo may run out of names: number them
            name = f"{name} {plan.index + 1}"
            slugs = (*slugs, f"{slugs[0]}{plan.index + 1}")
        if name in used:
            continue
        domain = next((f"{slug}{tld}" for slug in slugs if f"{slug}{tld}" not in used), None)
        if domain is None:
            continue
        used.add(name)
        used.add(domain)
        plan.name, plan.short, plan.domain = name, short, domain
        return


_Company = tuple[str, str, tuple[str, ...], str]  # name, short name, domain slugs, TLD


def _chinese_company(r: random.Random, plan: AccountPlan) -> _Company | None:
    """北京瑞恒信息技术有限公司: city, a two-character brand, the trade, the legal form."""
    _weight, cn_words, _en, _de = vocab.INDUSTRIES[plan.industry]
    brand = r.choice(vocab.BRAND_CHARS) + r.choice(vocab.BRAND_CHARS)
    if brand[0] == brand[1]:
        return None
    word = r.choice(cn_words)
    suffix = pick(r.random, vocab.CN_SUFFIX_NAMES, vocab.CN_SUFFIX_CUM)
    slugs = (
        pinyin(brand),
        pinyin(brand) + "".join(s[0] for s in pinyin_syllables(word)),
        pinyin(plan.city.name) + pinyin(brand),
    )
    tld = r.choice((".com.cn", ".com", ".cn"))
    return f"{plan.city.name}{brand}{word}{suffix}", brand + word, slugs, tld


def _western_company(ctx: DemoContext, r: random.Random, plan: AccountPlan) -> _Company | None:
    """Becker & Hughes Ltd, Müller Logistik GmbH: founders' names or a name and a trade."""
    _weight, _cn, en_words, de_words = vocab.INDUSTRIES[plan.industry]
    country = plan.country
    last = ctx.pools.last[country]
    family = r.choice(last)
    if r.random() < 0.25:
        other = r.choice(last)
        if other == family:
            return None
        short = f"{family} & {other}"
        slugs = (
            ascii_letters(family) + ascii_letters(other),
            ascii_letters(family) + "-" + ascii_letters(other),
        )
    else:
        word = r.choice(de_words if country == "de" else en_words)
        short = f"{family} {word}"
        slugs = (
            ascii_letters(family) + ascii_letters(word),
            ascii_letters(family) + "-" + ascii_letters(word),
        )
    name = f"{short} {r.choice(vocab.WEST_SUFFIXES[country])}"
    return name, short, slugs, vocab.TLD[country]


def assign_tiers(accounts: list[AccountPlan]) -> None:
    """Value tiers from the revenue ranking (analytics' rule)."""
    for plan, tier in zip(accounts, value_tiers([a.revenue for a in accounts]), strict=True):
        plan.tier = tier


def standing(plan: AccountPlan, today: dt.date) -> tuple[LoyaltyStage, LifecyclePhase]:
    """Loyalty and lifecycle from the account's orders and won deals (analytics' rules)."""
    days = [dt.date.fromordinal(d) for d, _ in plan.orders]
    days += [dt.date.fromordinal(won[0]) for won in plan.won]
    return loyalty_stage(days, today), lifecycle_phase(days, today)


def write_tags(ctx: DemoContext) -> None:
    """The tag vocabulary; accounts and contacts are tagged with these ids."""
    rows = ctx.loader.rows("tags")
    for name, color in vocab.TAGS:
        name = name.format(year=ctx.year - 1)
        ctx.tag_ids[name] = tag_id = ctx.ids()
        rows.append(TagRow(tag_id, name, color))


def write_accounts(ctx: DemoContext, accounts: list[AccountPlan]) -> None:
    """The accounts with their own phones, e-mails, addresses and tags."""
    r = ctx.rng("account-rows")
    load = ctx.loader
    for plan in accounts:
        plan.id = ctx.ids()
    rows, links = load.rows("accounts"), load.rows("account_tags")
    for plan in accounts:
        rows.append(_account_row(ctx, r, plan))
        _account_points(ctx, r, plan)
        _tag_account(ctx, r, plan)
        links.extend((plan.id, tag_id) for tag_id in plan.tags)
        if plan.index % 64 == 0:
            load.maybe_flush()


def _account_row(ctx: DemoContext, r: random.Random, plan: AccountPlan) -> AccountRow:
    cn = plan.chinese
    loyalty, lifecycle = standing(plan, ctx.ref)
    notes = ""
    if r.random() < 0.25:
        first_year = dt.date.fromordinal(plan.orders[0][0]).year if plan.orders else ctx.year
        notes = r.choice(vocab.ACCOUNT_NOTES_CN if cn else vocab.ACCOUNT_NOTES_EN)
        notes = notes.format(year=first_year)
    return AccountRow(
        id=plan.id,
        name=plan.name,
        sort_key=text_sort_key(plan.name),
        code=f"C{plan.index + 1:06d}",
        kind=plan.kind,
        industry=plan.industry,
        value_tier=plan.tier,
        loyalty_stage=loyalty,
        lifecycle_phase=lifecycle,
        source=r.choice(vocab.SOURCES_CN if cn else vocab.SOURCES_EN),
        owner=plan.owner,
        website=f"www.{plan.domain}" if plan.domain else "",
        notes=notes,
    )


def _account_points(ctx: DemoContext, r: random.Random, plan: AccountPlan) -> None:
    """An organisation's switchboard, fax, general mailbox and office; a person's home."""
    load, new_id, points = ctx.loader, ctx.ids, ctx.points
    phones, emails, addresses = (load.rows(t) for t in ("phones", "emails", "addresses"))
    aid, city = plan.id, plan.city
    plan.street = points.street(r, city, plan.country)
    if plan.kind is AccountKind.ORGANISATION:
        number, e164 = points.landline(r, plan.country, city)
        phones.append((new_id(), None, aid, 0, 1, "work", number, e164))
        if r.random() < 0.3:
            number, e164 = points.landline(r, plan.country, city)
            phones.append((new_id(), None, aid, 1, 0, "fax", number, e164))
        if r.random() < 0.7:
            mailbox = r.choice(("info", "sales", "contact", "service", "office"))
            address = points.unique_email(mailbox, plan.domain, r)
            emails.append((new_id(), None, aid, 0, 1, "work", address, address))
        addresses.append(address_row(new_id(), None, aid, "work", city, plan.street))
    elif r.random() < 0.8:
        addresses.append(address_row(new_id(), None, aid, "home", city, plan.street))


def _tag_account(ctx: DemoContext, r: random.Random, plan: AccountPlan) -> None:
    """Tags: the region (or overseas), key account (by tier), channel partners."""
    tag = ctx.tag_ids
    if plan.chinese and plan.city.tag:
        plan.tags.append(tag[plan.city.tag])
    elif not plan.chinese:
        plan.tags.append(tag["Overseas"])
    if plan.tier is not ValueTier.ORDINARY and r.random() < 0.8:
        plan.tags.append(tag["重点客户"])
    if plan.kind is AccountKind.ORGANISATION and r.random() < 0.08:
        plan.tags.append(tag["渠道" if plan.chinese else "Partner"])
