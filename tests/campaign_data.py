"""A small hand-worked customer base for the segment, campaign, outbox and call-list tests.

Accounts: Alpha (VIP, loyal, 北京), Beta (important, new, 上海), Gamma (ordinary, prospect).
People (preferred channel): 张伟 at Alpha (e-mail, tag 重点, born 1980-06-12),
李娜 at Alpha (e-mail, opted out of e-mail), 王芳 at Beta (e-mail), Tom Baker at Beta (SMS),
Ann Lee at Gamma (phone), Bob Post at Gamma (letter, no e-mail).
Orders: Alpha bought P-100 on 2026-05-01; Beta bought P-200 on 2025-01-10.
Alpha has an open deal; Beta a won one; Gamma an open service case.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from crmdesk.interop.records import AddressRecord, EmailRecord, PhoneRecord
from crmdesk.models import Account, Opportunity, Order, OrderLine, Product, ServiceCase
from crmdesk.models.enums import Channel, LoyaltyStage, OrderStatus, PhoneKind, ValueTier
from crmdesk.services import pipeline
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.store.db import Database

TODAY = dt.date(2026, 6, 1)
UTC = dt.UTC


def _contact(session, account, family, given, channel, email="", phone="", city="", **kw):
    draft = ContactDraft(
        family_name=family,
        given_name=given,
        account_id=account,
        preferred_channel=channel,
        emails=[EmailRecord(email)] if email else [],
        phones=[PhoneRecord(phone, PhoneKind.MOBILE)] if phone else [],
        addresses=[AddressRecord(city=city, street="1 Road", postal_code="100000")] if city else [],
        **kw,
    )
    contact_id, _ = save_contact(session, draft)
    return contact_id


def build_customers(db: Database) -> dict[str, uuid.UUID]:
    ids: dict[str, uuid.UUID] = {}
    with db.transaction() as s:
        pipeline.ensure_default_stages(s)
        stages = {st.name: st.id for st in pipeline.stages(s)}
        for key, tier, stage in (
            ("Alpha", ValueTier.VIP, LoyaltyStage.LOYAL),
            ("Beta", ValueTier.IMPORTANT, LoyaltyStage.NEW),
            ("Gamma", ValueTier.ORDINARY, LoyaltyStage.PROSPECT),
        ):
            account = Account(name=f"{key} Ltd", value_tier=tier, loyalty_stage=stage, owner="Li")
            s.add(account)
            s.flush()
            ids[key] = account.id
        ids["zhang"] = _contact(
            s,
            ids["Alpha"],
            "张",
            "伟",
            Channel.EMAIL,
            "zhang.wei@alpha.cn",
            "13800138000",
            "北京",
            tags=["重点"],
            birthday=dt.date(1980, 6, 12),
            owner="Li",
            title="经理",
        )
        ids["li"] = _contact(
            s,
            ids["Alpha"],
            "李",
            "娜",
            Channel.EMAIL,
            "li.na@alpha.cn",
            "13900139000",
            "北京",
            owner="Li",
        )
        ids["wang"] = _contact(
            s,
            ids["Beta"],
            "王",
            "芳",
            Channel.EMAIL,
            "wang.fang@beta.cn",
            "",
            "上海",
            owner="Wang",
        )
        ids["tom"] = _contact(
            s, ids["Beta"], "Baker", "Tom", Channel.SMS, "", "139 1234 5678", "上海", owner="Wang"
        )
        ids["ann"] = _contact(
            s,
            ids["Gamma"],
            "Lee",
            "Ann",
            Channel.PHONE,
            "ann@gamma.com",
            "010 6552 9988",
            "London",
            owner="Li",
        )
        ids["bob"] = _contact(s, ids["Gamma"], "Post", "Bob", Channel.LETTER, "", "", "London")
        p100 = Product(code="P-100", name="Pump", price=Decimal(100))
        p200 = Product(code="P-200", name="Valve", price=Decimal(200))
        s.add_all([p100, p200])
        s.flush()
        for account, product, day, amount in (
            ("Alpha", p100, dt.date(2026, 5, 1), Decimal(1000)),
            ("Beta", p200, dt.date(2025, 1, 10), Decimal(2000)),
        ):
            order = Order(account_id=ids[account], ordered_on=day, amount=amount)
            order.lines.append(OrderLine(product_id=product.id, amount=amount))
            s.add(order)
        s.add(Opportunity(name="Open deal", account_id=ids["Alpha"], stage_id=stages["Proposal"]))
        s.add(Opportunity(name="Won deal", account_id=ids["Beta"], stage_id=stages["Won"]))
        s.add(
            ServiceCase(
                account_id=ids["Gamma"],
                subject="Broken",
                opened_at=dt.datetime(2026, 5, 2, tzinfo=UTC),
            )
        )
    return ids


def build_category_buyers(db: Database) -> dict[str, uuid.UUID]:
    """Four customers, each an account with one contact: 早 bought a scanner (category 扫描)
    before 2026-03-01, 晚 one after, 阀 only a valve (category 阀门) after, 退 a scanner after
    but that order was cancelled."""
    found: dict[str, uuid.UUID] = {}
    with db.transaction() as s:
        scanner = Product(code="S-1", name="Scanner", category="扫描")
        valve = Product(code="V-1", name="Valve", category="阀门")
        s.add_all([scanner, valve])
        for key, product, day, status in (
            ("早", scanner, dt.date(2026, 2, 27), OrderStatus.PAID),
            ("晚", scanner, dt.date(2026, 3, 1), OrderStatus.SHIPPED),
            ("阀", valve, dt.date(2026, 4, 2), OrderStatus.PAID),
            ("退", scanner, dt.date(2026, 4, 2), OrderStatus.CANCELLED),
        ):
            account = Account(name=f"{key} Co")
            s.add(account)
            s.flush()
            found[key], _ = save_contact(s, ContactDraft(family_name=key, given_name="先生",
                                                         account_id=account.id))  # fmt: skip
            order = Order(account_id=account.id, ordered_on=day, status=status)
            order.lines.append(OrderLine(product_id=product.id))
            s.add(order)
    return found

