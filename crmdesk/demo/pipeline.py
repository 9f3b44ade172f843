"""The pipeline: six stages and about size/10 opportunities with lines and stage history;
won ones become orders of their account."""

from __future__ import annotations

import bisect
import random
from typing import Any

from crmdesk.demo import vocabulary as vocab
from crmdesk.demo.accounts import AccountPlan
from crmdesk.demo.clock import day_text
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import cumulative, pick
from crmdesk.demo.rows import OpportunityRow, StageRow
from crmdesk.demo.sales import net

OPEN_STAGES = 4  # Qualification … Negotiation; then Won (4) and Lost (5)
WON, LOST = 4, 5
_STAGE_CUM = cumulative((25, 20, 15, 10, 18, 12))

Opportunities = dict[str, list[tuple[str, int, int]]]  # contact -> (id, first day, last day)


def plan_stages() -> list[dict[str, Any]]:
    return [
        {"name": name, "prob": prob, "won": won, "lost": lost, "id": ""}
        for name, prob, won, lost in vocab.STAGES
    ]


def write_stages(ctx: DemoContext, stages: list[dict[str, Any]]) -> None:
    rows = ctx.loader.rows("pipeline_stages")
    for position, stage in enumerate(stages):
        stage["id"] = ctx.ids()
        rows.append(
            StageRow(
                stage["id"],
                stage["name"],
                position,
                stage["prob"] * 10_000,
                int(stage["won"]),
                int(stage["lost"]),
            )
        )


def plan_opportunities(
    ctx: DemoContext, accounts: list[AccountPlan], products: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Opportunities of accounts that bought in the last year (or prospects), by weight."""
    r = ctx.rng("opportunities")
    candidates = [a for a in accounts if not a.orders or a.orders[-1][0] > ctx.today - 365]
    candidates = candidates or accounts
    cum = cumulative([a.weight**0.5 for a in candidates])
    by_category: dict[str, list[dict[str, Any]]] = {}
    for p in products:
        by_category.setdefault(p["category"], []).append(p)
    opportunities = []
    for _ in range(max(1, ctx.size // 10)):
        account = pick(r.random, candidates, cum)
        opp = _opportunity(ctx, r, account, by_category)
        opportunities.append(opp)
        if opp["stage"] == WON and opp["closed_on"] is not None:
            lines = [(p["index"], q, d) for _pos, p, q, d in opp["lines"]]
            won = [opp["closed_on"], "", lines, opp["amount"]]
            account.won.append(won)
            opp["won"] = won  # its id is filled in when the opportunity is written
    return opportunities


def _opportunity(
    ctx: DemoContext,
    r: random.Random,
    account: AccountPlan,
    by_category: dict[str, list[dict[str, Any]]],
) -> dict[str, Any]:
    stage = bisect.bisect(_STAGE_CUM, r.random() * _STAGE_CUM[-1])
    if not account.orders and stage == WON:
        stage = 2  # a prospect's first win would be an order; keep it in the funnel
    topic_cn, topic_en, categories = r.choice(vocab.OPP_TOPICS)
    lines = _lines(r, account, by_category, categories)
    amount = sum(net(q * p["price"], d) for _pos, p, q, d in lines)
    created = ctx.today - r.randint(5, 360)
    steps, closed_on = _steps(ctx, r, stage, created)
    if closed_on is None:
        expected = ctx.today + r.randint(-20, 150)
    else:
        expected = closed_on + r.randint(-10, 20)
    return {
        "id": "",
        "account": account,
        "stage": stage,
        "topic": (topic_cn, topic_en),
        "lines": lines,
        "amount": amount,
        "created": created,
        "steps": steps,
        "closed_on": closed_on,
        "expected": expected,
    }


def _lines(
    r: random.Random,
    account: AccountPlan,
    by_category: dict[str, list[dict[str, Any]]],
    categories: tuple[str, ...],
) -> list[tuple[int, dict[str, Any], int, int]]:
    """(position, product, quantity, discount %): quantities grow with the account's weight."""
    lines = []
    for position in range(r.choice((1, 1, 2, 2, 3, 4))):
        product = r.choice(by_category[r.choice(categories)])
        unit_price = product["price"]
        scale = max(1, int(account.weight**0.5 * 3))
        quantity = max(1, int(r.lognormvariate(0, 0.6) * scale * 40_000_000 / unit_price))
        quantity = min(quantity, 5000)
        discount = r.choice((0, 0, 0, 5, 5, 10, 15))
        lines.append((position, product, quantity, discount))
    return lines


def _steps(
    ctx: DemoContext, r: random.Random, stage: int, created: int
) -> tuple[list[tuple[int, int]], int | None]:
    """The (stage, day) history up to the current stage, and the day it closed (won or lost)."""
    steps = [(0, created)]
    last_open = stage if stage < OPEN_STAGES else (WON if stage == WON else r.randint(0, 3))
    day = created
    for s in range(1, last_open + 1):
        day = min(ctx.today, day + r.randint(4, 35))
        steps.append((s, day))
    if stage == LOST:
        day = min(ctx.today, day + r.randint(3, 40))
        steps.append((LOST, day))
        return steps, day
    if stage == WON:
        return steps, steps[-1][1]
    return steps, None


def write_opportunities(
    ctx: DemoContext, opportunities: list[dict[str, Any]], stages: list[dict[str, Any]]
) -> Opportunities:
    """Opportunities with lines and stage history; which contact talked about which, when."""
    r = ctx.rng("opportunity-rows")
    load = ctx.loader
    by_contact: Opportunities = {}
    opportunities.sort(key=lambda o: (o["created"], o["account"].index))
    for n, opp in enumerate(opportunities):
        contact = _write_opportunity(ctx, r, opp, stages)
        if contact is not None:
            end = opp["closed_on"] if opp["closed_on"] is not None else ctx.today + 60
            by_contact.setdefault(contact, []).append((opp["id"], opp["created"], end))
        if "won" in opp:
            opp["won"][1] = opp["id"]
        if n % 64 == 0:
            load.maybe_flush()
    return by_contact


def _write_opportunity(
    ctx: DemoContext, r: random.Random, opp: dict[str, Any], stages: list[dict[str, Any]]
) -> str | None:
    """The opportunity's rows; its contact (the decision maker if known) or None."""
    load, new_id, clock = ctx.loader, ctx.ids, ctx.clock
    account: AccountPlan = opp["account"]
    cn = account.chinese
    opp["id"] = oid = new_id()
    contact = account.decision_maker or (
        r.choice(account.contacts)[0] if account.contacts else None
    )
    stage, closed = opp["stage"], opp["closed_on"]
    topic = opp["topic"][0] if cn else opp["topic"][1]
    source = r.choice(vocab.SOURCES_CN if cn else vocab.SOURCES_EN)
    lost_reason = r.choice(vocab.LOST_CN if cn else vocab.LOST_EN) if stage == LOST else ""
    load.rows("opportunities").append(
        OpportunityRow(
            id=oid,
            name=f"{account.short}{topic}" if cn else f"{account.short} – {topic}",
            account_id=account.id,
            contact_id=contact,
            stage_id=stages[stage]["id"],
            amount=opp["amount"],
            currency="CNY",
            probability=None,  # the stage's
            expected_close=day_text(opp["expected"]),
            closed_on=day_text(closed) if closed is not None else None,
            lost_reason=lost_reason,
            source=source,
            owner=account.owner,
            notes="",
        )
    )
    lines = load.rows("opportunity_lines")
    for position, product, quantity, discount in opp["lines"]:
        lines.append(
            (
                new_id(), oid, product["id"], position, product["name"], float(quantity),
                product["price"], discount * 10_000, product["tax"] * 10_000,
            )
        )  # fmt: skip
    changes = load.rows("stage_changes")
    previous = None
    steps = opp["steps"]
    for k, (s, day) in enumerate(steps):
        at = clock.utc_minutes(account.city.zone, day, 9 * 60 + r.randint(0, 480))
        last = k == len(steps) - 1
        estimate = opp["amount"] if last else int(opp["amount"] * (0.7 + 0.6 * r.random()))
        changes.append((new_id(), oid, previous, stages[s]["id"], clock.text(at), estimate))
        previous = stages[s]["id"]
    return contact
