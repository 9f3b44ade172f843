"""Reaching customers: six saved segments, four campaigns (one finished, two running, one draft)
with their members, touches, responses and the orders they brought, an e-mail outbox in every
state, opt-outs, and a call list worked half way through.

It runs last, once every customer row is written: the segments are evaluated in SQL over the
demo's own contacts (services/segments.py compiles them), members get their channel as
services/campaigns.py gives it when a campaign starts (opt-outs and reachability respected),
and "bought" responses are the demo's real orders that followed within the attribution window.
Rows go through the loader like every other generator's; nothing is change-logged.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.demo.clock import day_text
from crmdesk.demo.context import DemoContext
from crmdesk.demo.draws import DemoRandom, cumulative, pick
from crmdesk.models import Account, Address, Contact, Email, Order
from crmdesk.models.campaigns import ALL_CHANNELS
from crmdesk.models.enums import (
    ActivityKind,
    CallEntryStatus,
    CallOutcome,
    CampaignStatus,
    Channel,
    MemberStatus,
    OutboxStatus,
    ResponseKind,
    ResponseSource,
)
from crmdesk.models.names import display_name
from crmdesk.services import segments
from crmdesk.services.campaigns import COUNTED_ORDERS, _place, _reachable
from crmdesk.services.outbox import fill
from crmdesk.services.touches import KIND_OF
from crmdesk.store.db import json_column_text

ZONE = "Asia/Shanghai"
MAIL_DOMAIN = "crmdesk.invalid"
OPT_OUT_SHARE = 0.04  # of the segments' contacts, before the campaigns started
_OPT_OUTS = (
    (ALL_CHANNELS, "客户来电要求不再接收推广", "Asked on the phone to receive no marketing"),
    (Channel.EMAIL.value, "邮件退订链接", "Unsubscribe link in an e-mail"),
    (Channel.WECHAT.value, "微信回复“退订”", "Replied STOP on WeChat"),
    (Channel.SMS.value, "短信回复 TD", "Replied STOP to a text message"),
)
_FAILURES = (
    "550 5.1.1 <{to}>: Recipient address rejected: User unknown in virtual mailbox table",
    "552 5.2.2 <{to}>: Mailbox full",
    "554 5.7.1 <{to}>: Relay access denied",
)
_CALL_OUTCOMES = list(CallOutcome)
_CALL_CUM = cumulative((45, 25, 8, 4, 18))  # reached, no answer, busy, wrong number, callback


class SegmentRow(NamedTuple):
    id: str
    name: str
    description: str
    criteria: str
    criteria_version: int


class CampaignRow(NamedTuple):
    id: str
    name: str
    goal: str
    starts_on: str
    ends_on: str
    budget: int
    currency: str
    segment_id: str
    channels: str
    subject: str
    body_text: str
    body_html: str
    script: str
    attribution_days: int
    status: str
    started_at: str | None
    owner: str


class MemberRow(NamedTuple):
    id: str
    campaign_id: str
    contact_id: str
    account_id: str | None
    channel: str
    status: str
    left_out_reason: str | None
    added_later: int
    added_at: str
    removed_at: str | None
    reached_at: str | None


class ResponseRow(NamedTuple):
    id: str
    campaign_id: str
    member_id: str
    kind: str
    source: str
    responded_at: str
    order_id: str | None
    opportunity_id: str | None
    amount: int
    note: str


class OptOutRow(NamedTuple):
    id: str
    contact_id: str
    channel: str
    opted_out_on: str
    source: str


class OutboxRow(NamedTuple):
    id: str
    campaign_id: str
    member_id: str
    contact_id: str
    to_address: str
    to_name: str
    subject: str
    body_text: str
    body_html: str
    message_id: str
    status: str
    attempts: int
    queued_at: str
    last_attempt_at: str | None
    sent_at: str | None
    server_reply: str


class CallListRow(NamedTuple):
    id: str
    name: str
    campaign_id: str | None
    segment_id: str | None
    script: str
    max_tries: int
    retry_minutes: int


class EntryRow(NamedTuple):
    id: str
    call_list_id: str
    contact_id: str
    member_id: str | None
    owner: str
    position: int
    status: str
    tries: int
    next_call_at: str | None
    last_outcome: str | None


class AttemptRow(NamedTuple):
    id: str
    entry_id: str
    caller: str
    outcome: str
    called_at: str
    activity_id: str | None
    task_id: str | None
    note: str


# Written in this order, parents first (build.TABLES appends them after the other tables).
ROWS: tuple[tuple[str, Any], ...] = (
    ("segments", SegmentRow), ("campaigns", CampaignRow), ("campaign_members", MemberRow),
    ("campaign_responses", ResponseRow), ("opt_outs", OptOutRow),
    ("outbox_messages", OutboxRow), ("call_lists", CallListRow),
    ("call_list_entries", EntryRow), ("call_attempts", AttemptRow),
)  # fmt: skip


def _segments(year: int) -> tuple[tuple[str, str, str, dict[str, Any]], ...]:
    """(key, name, description, criteria) of the saved segments, as the builder stores them."""

    def tree(match: str, *rules: tuple[str, Any]) -> dict[str, Any]:
        return {"version": segments.CRITERIA_VERSION, "match": match,
                "rules": [{"field": f, "value": v} for f, v in rules]}  # fmt: skip

    fair = f"展会{year - 1}"
    return (
        ("vip", "VIP 客户决策人", "VIP 客户中标记为决策人的联系人",
         tree("all", ("tier", "vip"), ("tag", "决策人"))),
        ("news", "Newsletter readers (e-mail)", "Tagged Newsletter and prefer e-mail",
         tree("all", ("tag", "Newsletter"), ("channel", "email"))),
        ("lapsed", "半年未下单的重点客户决策人", "VIP 与重要客户的决策人，180 天内没有订单",
         tree("all", ("tier", ["vip", "important"]), ("no_order_days", 180),
              ("tag", "决策人"))),
        ("fair", f"{fair} 来访者", f"在{fair}留下名片的联系人", tree("all", ("tag", fair))),
        ("open", "Open deals or open cases", "Anyone with an open opportunity or service case",
         tree("any", ("open_opportunity", True), ("open_case", True))),
        ("birthdays", "30 天内过生日", "生日在今后 30 天内的联系人",
         tree("all", ("birthday_within", 30))),
    )  # fmt: skip


@dataclass(frozen=True)
class _Plan:
    """A campaign as the demo plans it; days count from the reference date (negative: past)."""

    segment: str
    name: str
    goal: str
    channels: tuple[Channel, ...]
    starts: int
    ends: int
    budget: int  # yuan
    attribution: int
    status: CampaignStatus
    owner: str
    subject: str = ""
    body: str = ""
    script: str = ""


def _plans(year: int) -> tuple[_Plan, ...]:
    return (
        _Plan("vip", "VIP 客户春季答谢", "答谢 VIP 客户，带动二季度复购",
              (Channel.WECHAT, Channel.EMAIL, Channel.PHONE, Channel.SMS, Channel.LETTER),
              -60, -20, 30_000, 30, CampaignStatus.FINISHED, "王芳",
              "{{ name }}，感谢您一年来的支持",
              "{{ name }}您好：\n感谢{{ company }}一直以来的信任。答谢期间订购任意设备可享九折，"
              "并免费延长一年保修。如有需要，请随时联系{{ owner }}。",
              "您好，我是{{ owner }}。感谢{{ company }}的支持，想向您介绍我们的春季答谢优惠……"),
        _Plan("news", "Spring newsletter", "Bring newsletter readers back to the web shop",
              (Channel.EMAIL,), -12, 18, 2_000, 30, CampaignStatus.RUNNING, "Emma Clarke",
              "{{ given_name }}, what's new this spring",
              "Dear {{ name }},\n\nOur spring range is here: new handheld scanners, label "
              "printers and a trade-in offer for {{ company }}.\n\nBest regards,\n{{ owner }}"),
        _Plan("lapsed", "重点客户唤醒回访", "电话回访半年未下单的重点客户，了解原因并约见",
              (Channel.PHONE,), -8, 22, 8_000, 45, CampaignStatus.RUNNING, "李强",
              script="您好，我是{{ owner }}。{{ company }}有一段时间没有下单了，"
              "想了解一下设备的使用情况，以及最近有没有新的需求？"),
        _Plan("fair", f"Trade fair {year} follow-up", f"Follow up the {year - 1} fair visitors",
              (Channel.EMAIL, Channel.WECHAT), 7, 37, 5_000, 30, CampaignStatus.DRAFT,
              "Thomas Becker", "{{ given_name }}, see you at the fair",
              "Dear {{ name }},\n\nThank you for visiting our stand last year. We would be "
              "glad to welcome {{ company }} again."),
    )  # fmt: skip


@dataclass(slots=True)
class _Member:
    id: str
    contact: uuid.UUID
    account: uuid.UUID | None
    channel: Channel
    included: bool
    owner: str
    reason: str | None = None  # why a member was left out
    reached: int | None = None  # UTC minutes


def write_campaigns(ctx: DemoContext) -> None:
    """Everything the Campaigns pane shows; the customer rows must be written already."""
    ctx.loader.flush(everything=True)
    session = Session(ctx.loader.conn)
    r = ctx.rng("campaigns")
    segment_ids: dict[str, str] = {}
    chosen: dict[str, list[uuid.UUID]] = {}
    for key, name, description, criteria in _segments(ctx.year):
        segment_ids[key] = ctx.ids()
        stored = json_column_text(criteria)
        ctx.loader.rows("segments").append(
            SegmentRow(segment_ids[key], name, description, stored, segments.CRITERIA_VERSION)
        )
        chosen[key] = _evaluate(session, segments.from_json(criteria), ctx.ref)
    plans = _plans(ctx.year)
    everyone = [c for p in plans for c in chosen[p.segment]]
    out = _opt_outs(ctx, r, everyone, min(p.starts for p in plans))
    # Ids newest first for the first campaign, so the pane opens on the finished one with results.
    campaign_ids = [ctx.ids() for _ in plans][::-1]
    for plan, campaign_id in zip(plans, campaign_ids, strict=True):
        _campaign(ctx, r, session, plan, campaign_id, (segment_ids[plan.segment],
                  chosen[plan.segment]), out)  # fmt: skip
    session.close()


def _evaluate(session: Session, tree: segments.Group, today: dt.date) -> list[uuid.UUID]:
    """A segment's contacts in name order (ids break ties, so the demo is reproducible)."""
    stmt = (
        select(Contact.id)
        .where(Contact.deleted_at.is_(None), segments.condition(tree, today))
        .order_by(Contact.sort_key, Contact.id)
    )
    return list(session.scalars(stmt))


def _opt_outs(
    ctx: DemoContext, r: DemoRandom, contacts: Sequence[uuid.UUID], first_start: int
) -> dict[uuid.UUID, set[str]]:
    """A few of the segments' contacts asked for no marketing (on one channel or all) before
    the first campaign started."""
    out: dict[uuid.UUID, set[str]] = {}
    rows = ctx.loader.rows("opt_outs")
    for contact in dict.fromkeys(contacts):
        if r.random() >= OPT_OUT_SHARE:
            continue
        channel, source_cn, source_en = r.choice(_OPT_OUTS)
        day = ctx.today + first_start - r.randint(5, 400)
        out[contact] = {channel}
        source = source_cn if r.random() < 0.6 else source_en
        rows.append(OptOutRow(ctx.ids(), contact.hex, channel, day_text(day), source))
    return out


def _minutes(ctx: DemoContext, day: int, minute: int) -> int:
    return ctx.clock.utc_minutes(ZONE, day, minute)


def _campaign(
    ctx: DemoContext, r: DemoRandom, session: Session, plan: _Plan, campaign_id: str,
    segment: tuple[str, list[uuid.UUID]], out: dict[uuid.UUID, set[str]],
) -> None:  # fmt: skip
    """The campaign's row; once started, its members frozen from the segment (its id and
    contacts) and their touches, responses, messages and calls."""
    segment_id, contacts = segment
    started = plan.status is not CampaignStatus.DRAFT
    start = _minutes(ctx, ctx.today + plan.starts, 9 * 60 + 30)
    ctx.loader.rows("campaigns").append(
        CampaignRow(
            id=campaign_id, name=plan.name, goal=plan.goal,
            starts_on=day_text(ctx.today + plan.starts), ends_on=day_text(ctx.today + plan.ends),
            budget=plan.budget * 100, currency="CNY", segment_id=segment_id,
            channels=json_column_text([c.value for c in plan.channels]), subject=plan.subject,
            body_text=plan.body, body_html="", script=plan.script,
            attribution_days=plan.attribution, status=plan.status.value,
            started_at=ctx.clock.text(start) if started else None, owner=plan.owner,
        )
    )  # fmt: skip
    if not started:
        return
    members = _members(ctx, session, campaign_id, plan, contacts, out, start)
    ended = min(ctx.today, ctx.today + plan.ends) * 1440
    emailed = [m for m in members if m.included and m.channel is Channel.EMAIL]
    _outbox(ctx, r, session, campaign_id, plan, emailed, start, ended)
    if plan.channels == (Channel.PHONE,):
        _call_list(ctx, r, campaign_id, plan, members, start)
    else:
        _touches(ctx, r, plan, members, start, ended)
    _responses(ctx, r, (campaign_id, plan.name), members, ended, out)
    _bought(ctx, session, campaign_id, plan, members)
    for member in members:
        ctx.loader.rows("campaign_members").append(
            MemberRow(
                member.id, campaign_id, member.contact.hex,
                member.account.hex if member.account else None, member.channel.value,
                (MemberStatus.INCLUDED if member.included else MemberStatus.LEFT_OUT).value,
                member.reason, 0, ctx.clock.text(start), None,
                ctx.clock.text(member.reached) if member.reached is not None else None,
            )
        )  # fmt: skip
    ctx.loader.maybe_flush()


def _members(
    ctx: DemoContext, session: Session, campaign_id: str, plan: _Plan,
    contacts: list[uuid.UUID], out: dict[uuid.UUID, set[str]], start: int,
) -> list[_Member]:  # fmt: skip
    """Each contact's channel as starting the campaign gives it, or why they were left out."""
    reach = _reachable(session, contacts)
    about: dict[uuid.UUID, tuple[Any, ...]] = {}
    for start_at in range(0, len(contacts), 500):
        chunk = contacts[start_at : start_at + 500]
        for cid, channel, account, owner in session.execute(
            select(Contact.id, Contact.preferred_channel, Contact.account_id, Contact.owner)
            .where(Contact.id.in_(chunk))
        ):  # fmt: skip
            about[cid] = (Channel(channel) if channel else None, account, owner)
    members = []
    for cid in contacts:
        preferred, account, owner = about[cid]
        channel, reason = _place(preferred, plan.channels, reach[cid], out.get(cid, set()))
        channel = channel or plan.channels[0]
        members.append(_Member(ctx.ids(), cid, account, channel, reason is None, owner,
                               reason.value if reason else None))  # fmt: skip
    return members


def _outbox(
    ctx: DemoContext, r: DemoRandom, session: Session, campaign_id: str, plan: _Plan,
    members: list[_Member], start: int, ended: int,
) -> None:  # fmt: skip
    """One message per e-mail member: sent for most (the member reached), a few refused with
    the server's reply, one or two cancelled; a running campaign's newest still queued."""
    rows = ctx.loader.rows("outbox_messages")
    recipients = _recipients(session, members, dt.date.fromordinal(start // 1440))
    running = plan.status is CampaignStatus.RUNNING
    for n, (member, address, fields) in enumerate(recipients):
        queued = start + n // 40  # queued in one go, sent at about forty a minute
        roll = r.random()
        tried: int | None = queued
        sent: int | None = queued
        status, attempts, reply = OutboxStatus.SENT, 1, ""
        if running and n >= len(recipients) * 0.93:
            status, attempts, tried, sent = OutboxStatus.QUEUED, 0, None, None
        elif roll < 0.025:
            status, attempts, sent = OutboxStatus.FAILED, r.randint(1, 3), None
            reply = r.choice(_FAILURES).format(to=address)
        elif roll < 0.035:
            status, attempts, tried, sent = OutboxStatus.CANCELLED, 0, None, None
        if sent is not None:
            member.reached = min(sent, ended)
        message_id = ctx.ids()
        rows.append(
            OutboxRow(
                message_id, campaign_id, member.id, member.contact.hex, address,
                fields["name"], fill(plan.subject, fields), fill(plan.body, fields), "",
                f"<{message_id}@{MAIL_DOMAIN}>", status.value, attempts, ctx.clock.text(queued),
                ctx.clock.text(tried) if tried is not None else None,
                ctx.clock.text(sent) if sent is not None else None, reply,
            )
        )  # fmt: skip


def _recipients(
    session: Session, members: list[_Member], day: dt.date
) -> list[tuple[_Member, str, dict[str, str]]]:
    """Each member with an e-mail address (their primary one) and the template's fields, as
    services/outbox.py fills them; a few set queries per chunk, as the load has no indexes."""
    found = []
    for start in range(0, len(members), 500):
        chunk = members[start : start + 500]
        ids = [m.contact for m in chunk]
        emails: dict[uuid.UUID | None, str] = {}
        for cid, mailbox in session.execute(
            select(Email.contact_id, Email.address).where(Email.contact_id.in_(ids))
            .order_by(Email.is_primary, Email.position.desc())
        ):  # fmt: skip
            emails[cid] = mailbox  # the last one kept: the primary, else the first
        cities: dict[uuid.UUID | None, str] = dict(session.execute(
            select(Address.contact_id, Address.city).where(Address.contact_id.in_(ids))
            .order_by(Address.is_primary, Address.position.desc())
        ).all())  # fmt: skip
        people = {row[0]: row[1:] for row in session.execute(
            select(Contact.id, Contact.family_name, Contact.given_name, Contact.middle_name,
                   Contact.title, Contact.organization, Contact.owner, Account.name)
            .outerjoin(Account, Account.id == Contact.account_id).where(Contact.id.in_(ids))
        )}  # fmt: skip
        for member in chunk:
            address = emails.get(member.contact)
            if not address:
                continue
            family, given, middle, title, org, owner, account = people[member.contact]
            fields = {
                "name": display_name(family, given, middle), "family_name": family,
                "given_name": given, "title": title, "company": account or org,
                "city": cities.get(member.contact) or "", "email": address, "owner": owner,
                "today": day.isoformat(),
            }  # fmt: skip
            found.append((member, address, fields))
    return found


def _touch(
    ctx: DemoContext, plan: _Plan, member: _Member, at: int, kind: str, outcome: str
) -> str:
    """An activity of the contact, as marking a touch done or logging a call writes it."""
    activity_id = ctx.ids()
    ctx.loader.rows("activities").append(
        (activity_id, member.contact.hex, member.account.hex if member.account else None, None,
         None, kind, ctx.clock.text(at), None, plan.name, "", outcome, member.owner)
    )  # fmt: skip
    return activity_id


def _touches(
    ctx: DemoContext, r: DemoRandom, plan: _Plan, members: list[_Member], start: int, ended: int
) -> None:
    """WeChat, SMS, phone and post members the owners have reached (marked done), the rest
    still to do in a running campaign."""
    share = 0.85 if plan.status is CampaignStatus.FINISHED else 0.55
    for member in members:
        if not member.included or member.channel is Channel.EMAIL or r.random() >= share:
            continue
        at = min(start + r.randint(10, max(11, (ended - start) // 2)), ended - 60)
        member.reached = at
        _touch(ctx, plan, member, at, KIND_OF[member.channel].value, member.channel.value)


def _responses(
    ctx: DemoContext, r: DemoRandom, campaign: tuple[str, str], members: list[_Member],
    ended: int, out: dict[uuid.UUID, set[str]],
) -> None:  # fmt: skip
    """Answers recorded by hand from the reached members; an unsubscribe is an opt-out of
    all marketing (so later campaigns leave them out)."""
    campaign_id, name = campaign
    rows = ctx.loader.rows("campaign_responses")
    for member in members:
        if member.reached is None:
            continue
        roll = r.random()
        if roll < 0.12:
            kind = ResponseKind.INTERESTED
        elif roll < 0.17:
            kind = ResponseKind.NOT_INTERESTED
        elif roll < 0.18 and member.channel is Channel.EMAIL:
            kind = ResponseKind.UNSUBSCRIBED
        else:
            continue
        at = min(member.reached + r.randint(30, 4 * 1440), ended - 30)
        rows.append(ResponseRow(ctx.ids(), campaign_id, member.id, kind.value,
                                ResponseSource.MANUAL.value, ctx.clock.text(at), None, None, 0,
                                ""))  # fmt: skip
        if kind is ResponseKind.UNSUBSCRIBED and ALL_CHANNELS not in out.get(member.contact, ()):
            out.setdefault(member.contact, set()).add(ALL_CHANNELS)
            day = day_text(at // 1440)
            ctx.loader.rows("opt_outs").append(
                OptOutRow(ctx.ids(), member.contact.hex, ALL_CHANNELS, day, f"campaign: {name}")
            )


def _bought(
    ctx: DemoContext, session: Session, campaign_id: str, plan: _Plan, members: list[_Member]
) -> None:
    """The demo's orders a member's account placed within the attribution window after the
    start, each a "bought" response with its amount (as attribute_responses records them)."""
    member_of: dict[uuid.UUID, _Member] = {}
    for member in members:
        if member.included and member.account is not None:
            member_of.setdefault(member.account, member)
    first = ctx.today + plan.starts
    last = min(first + plan.attribution, ctx.today)
    accounts = list(member_of)
    rows = ctx.loader.rows("campaign_responses")
    for start_at in range(0, len(accounts), 500):
        stmt = (
            select(Order.id, Order.account_id, Order.ordered_on, Order.__table__.c.amount)
            .where(Order.account_id.in_(accounts[start_at : start_at + 500]),
                   Order.status.in_(COUNTED_ORDERS),
                   Order.ordered_on >= dt.date.fromordinal(first),
                   Order.ordered_on <= dt.date.fromordinal(last))
            .order_by(Order.ordered_on, Order.id)
        )  # fmt: skip
        for order_id, account_id, day, amount in session.execute(stmt):
            at = ctx.clock.utc_minutes(ZONE, day.toordinal(), 12 * 60)
            cents = int(amount * 100)
            rows.append(ResponseRow(ctx.ids(), campaign_id, member_of[account_id].id,
                                    ResponseKind.BOUGHT.value, ResponseSource.ORDER.value,
                                    ctx.clock.text(at), order_id.hex, None, cents, ""))  # fmt: skip


def _call_list(
    ctx: DemoContext, r: DemoRandom, campaign_id: str, plan: _Plan, members: list[_Member],
    start: int,
) -> None:  # fmt: skip
    """The campaign's call list, about two thirds worked: each call logged as an activity,
    no answers coming back after two hours (three tries), callbacks booked for the next days."""
    list_id = ctx.ids()
    ctx.loader.rows("call_lists").append(
        CallListRow(list_id, f"{plan.name} · 电话", campaign_id, None, plan.script, 3, 120)
    )
    entries, attempts = ctx.loader.rows("call_list_entries"), ctx.loader.rows("call_attempts")
    included = [m for m in members if m.included]
    days = max(1, -plan.starts)
    for position, member in enumerate(included):
        entry_id = ctx.ids()
        status, tries, due, last = CallEntryStatus.PENDING, 0, None, None
        if position < len(included) * 0.65:
            at = _minutes(ctx, ctx.today + plan.starts + position * days // len(included),
                          9 * 60 + r.randint(0, 480))  # fmt: skip
            while True:
                outcome = pick(r.random, _CALL_OUTCOMES, _CALL_CUM)
                tries += 1
                activity = _touch(ctx, plan, member, at, ActivityKind.CALL.value, outcome.value)
                attempts.append(AttemptRow(ctx.ids(), entry_id, member.owner, outcome.value,
                                           ctx.clock.text(at), activity, None, ""))  # fmt: skip
                last = outcome.value
                status, due = _after_call(ctx, r, outcome, tries, at)
                if outcome in (CallOutcome.REACHED, CallOutcome.CALLBACK):
                    member.reached = at
                if outcome is CallOutcome.CALLBACK:
                    _call_response(ctx, campaign_id, member, at)
                if status is not CallEntryStatus.PENDING or due is None or due >= ctx.today * 1440:
                    break
                at = due
        next_call = ctx.clock.text(due) if due is not None else None
        entries.append(EntryRow(entry_id, list_id, member.contact.hex, member.id, member.owner,
                                position, status.value, tries, next_call, last))  # fmt: skip


def _call_response(ctx: DemoContext, campaign_id: str, member: _Member, at: int) -> None:
    """A callback agreed on the phone: the member is interested (source: the call)."""
    ctx.loader.rows("campaign_responses").append(
        ResponseRow(ctx.ids(), campaign_id, member.id, ResponseKind.INTERESTED.value,
                    ResponseSource.CALL.value, ctx.clock.text(at), None, None, 0, "")
    )  # fmt: skip


def _after_call(
    ctx: DemoContext, r: DemoRandom, outcome: CallOutcome, tries: int, at: int
) -> tuple[CallEntryStatus, int | None]:
    """Where an entry goes after a call (services/call_lists.py's rules) and when it is due."""
    if outcome is CallOutcome.REACHED:
        return CallEntryStatus.DONE, None
    if outcome is CallOutcome.WRONG_NUMBER or tries >= 3:
        return CallEntryStatus.GIVEN_UP, None
    if outcome is CallOutcome.CALLBACK:
        return CallEntryStatus.CALLBACK, _minutes(ctx, ctx.today + r.randint(0, 3), 10 * 60)
    return CallEntryStatus.PENDING, at + 120
