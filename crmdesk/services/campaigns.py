"""Campaigns: a segment frozen into members when started, opt-outs respected, responses by hand,
from a call or from orders and deals that follow, and what it brought per channel.

Each member gets one channel when the campaign starts: their preferred channel if the campaign
uses it, else the first of the campaign's channels they can be reached on. A member opted out
of that channel (or of all marketing), or with nothing to reach them by, stays on the list as
left out, with the reason, so the user sees who was not sent to and why.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError, RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.export.xlsx_report import Chart, Column, Report, ReportResult, Summary, write_report
from crmdesk.interop.tabular import neutralise
from crmdesk.models import (
    Address,
    Campaign,
    CampaignMember,
    CampaignResponse,
    Contact,
    Email,
    Opportunity,
    OptOut,
    Order,
    Phone,
    Segment,
)
from crmdesk.models.base import utcnow
from crmdesk.models.campaigns import ALL_CHANNELS
from crmdesk.models.enums import (
    CampaignStatus,
    Channel,
    LeftOutReason,
    MemberStatus,
    OrderStatus,
    ResponseKind,
    ResponseSource,
)
from crmdesk.models.names import display_name
from crmdesk.services import segments

COUNTED_ORDERS = (OrderStatus.OPEN, OrderStatus.PAID, OrderStatus.SHIPPED)
RESPONDED = (
    ResponseKind.INTERESTED, ResponseKind.NOT_INTERESTED, ResponseKind.BOUGHT,
    ResponseKind.UNSUBSCRIBED,
)  # fmt: skip
Translate = Callable[[str], str]


@dataclass
class CampaignDraft:
    name: str
    goal: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    budget: Decimal = Decimal(0)
    segment_id: uuid.UUID | None = None
    channels: list[Channel] = field(default_factory=lambda: [Channel.EMAIL])
    subject: str = ""
    body_text: str = ""
    body_html: str = ""
    script: str = ""
    attribution_days: int = 30
    owner: str = ""
    id: uuid.UUID | None = None


@dataclass(frozen=True)
class CampaignInfo:
    id: uuid.UUID
    name: str
    goal: str
    status: CampaignStatus
    starts_on: dt.date | None
    ends_on: dt.date | None
    budget: Decimal
    currency: str
    segment: str
    channels: tuple[Channel, ...]
    subject: str
    body_text: str
    body_html: str
    script: str
    attribution_days: int
    started_at: dt.datetime | None


@dataclass(frozen=True)
class MemberRow:
    id: uuid.UUID
    contact_id: uuid.UUID
    name: str
    channel: Channel | None
    status: MemberStatus
    reason: LeftOutReason | None
    added_later: bool
    reached: bool
    response: ResponseKind | None


@dataclass(frozen=True)
class StartResult:
    included: int
    left_out: int


@dataclass(frozen=True)
class ChannelResult:
    channel: str
    members: int
    reached: int
    responded: int
    converted: int
    revenue: Decimal
    cost: Decimal

    @property
    def cost_per_response(self) -> Decimal | None:
        return (self.cost / self.responded).quantize(Decimal("0.01")) if self.responded else None

    @property
    def roi(self) -> Decimal | None:
        """(revenue − cost) / cost, as a fraction (0.5 is 50 %)."""
        if not self.cost:
            return None
        return ((self.revenue - self.cost) / self.cost).quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class CampaignResults:
    campaign: CampaignInfo
    channels: tuple[ChannelResult, ...]
    total: ChannelResult
    left_out: int


def _bad(text: str, *values: object) -> KnownError:
    return KnownError(text, values=values) if values else KnownError(text)


def _row(session: Session, name_or_id: str | uuid.UUID) -> Campaign:
    row = session.get(Campaign, name_or_id) if isinstance(name_or_id, uuid.UUID) else None
    if row is None:
        row = session.scalars(select(Campaign).where(Campaign.name == str(name_or_id))).first()
    if row is None or row.deleted_at is not None:
        raise RecordNotFound(
            translatable("Messages", "No campaign named %1."), values=(name_or_id,)
        )
    return row


def _info(session: Session, row: Campaign) -> CampaignInfo:
    segment = ""
    if row.segment_id is not None:
        found = session.get(Segment, row.segment_id)
        segment = found.name if found is not None else ""
    return CampaignInfo(
        row.id, row.name, row.goal, CampaignStatus(row.status), row.starts_on, row.ends_on,
        row.budget, row.currency, segment, tuple(Channel(c) for c in row.channels), row.subject,
        row.body_text, row.body_html, row.script, row.attribution_days, row.started_at,
    )  # fmt: skip


def get_campaign(session: Session, name_or_id: str | uuid.UUID) -> CampaignInfo:
    return _info(session, _row(session, name_or_id))


def list_campaigns(session: Session) -> list[CampaignInfo]:
    rows = session.scalars(
        select(Campaign)
        .where(Campaign.deleted_at.is_(None))
        .order_by(Campaign.created_at.desc(), Campaign.id.desc())  # newest first, ties too
    )
    return [_info(session, r) for r in rows]


def save_campaign(session: Session, draft: CampaignDraft) -> uuid.UUID:
    """Create or change a campaign (its segment and channels only before it starts)."""
    name = draft.name.strip()
    if not name:
        raise _bad(translatable("Messages", "A campaign needs a name."))
    if not draft.channels:
        raise _bad(translatable("Messages", "A campaign needs at least one channel."))
    if draft.budget < 0 or not 0 <= draft.attribution_days <= 3660:
        raise _bad(
            translatable("Messages", "The budget and attribution window cannot be negative.")
        )
    if draft.starts_on and draft.ends_on and draft.ends_on < draft.starts_on:
        raise _bad(translatable("Messages", "The campaign ends before it starts."))
    clash = session.scalars(select(Campaign).where(Campaign.name == name)).first()
    row = session.get(Campaign, draft.id) if draft.id else None
    if clash is not None and clash is not row:
        if clash.deleted_at is None:
            raise _bad(translatable("Messages", "There is already a campaign named %1."), name)
        session.delete(clash)  # one taken back (an undone creation) gives its name up
        session.flush()
    if row is None:
        row = Campaign(id=draft.id) if draft.id else Campaign()
        session.add(row)
    elif row.status != CampaignStatus.DRAFT and (
        row.segment_id != draft.segment_id
        or list(row.channels) != [c.value for c in draft.channels]
    ):
        raise _bad(translatable("Messages", "A started campaign keeps its segment and channels."))
    row.name, row.goal, row.owner = name, draft.goal.strip(), draft.owner
    row.starts_on, row.ends_on, row.budget = draft.starts_on, draft.ends_on, draft.budget
    row.segment_id, row.channels = draft.segment_id, [Channel(c).value for c in draft.channels]
    row.subject, row.body_text, row.body_html = draft.subject, draft.body_text, draft.body_html
    row.script, row.attribution_days = draft.script, draft.attribution_days
    session.flush()
    return row.id


# -- opt-outs ------------------------------------------------------------------------------------


def opt_out(
    session: Session, contact_id: uuid.UUID, channel: Channel | str = ALL_CHANNELS,
    on: dt.date | None = None, source: str = "",
) -> None:  # fmt: skip
    """Record that the contact wants no marketing on `channel` (or on any), with date and source."""
    key = Channel(channel).value if channel != ALL_CHANNELS else ALL_CHANNELS
    row = session.scalars(
        select(OptOut).where(OptOut.contact_id == contact_id, OptOut.channel == key)
    ).first()
    if row is None:
        row = OptOut(contact_id=contact_id, channel=key)
        session.add(row)
    row.opted_out_on, row.source, row.deleted_at = on or dt.date.today(), source, None
    session.flush()


def opt_in(session: Session, contact_id: uuid.UUID, channel: Channel | str = ALL_CHANNELS) -> None:
    key = Channel(channel).value if channel != ALL_CHANNELS else ALL_CHANNELS
    for row in session.scalars(
        select(OptOut).where(OptOut.contact_id == contact_id, OptOut.channel == key)
    ):
        session.delete(row)
    session.flush()


def opted_out(session: Session, contact_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, set[str]]:
    """Each contact's opted-out channels ("all" for every one)."""
    found: dict[uuid.UUID, set[str]] = {}
    for start in range(0, len(contact_ids), 500):
        for cid, channel in session.execute(
            select(OptOut.contact_id, OptOut.channel).where(
                OptOut.contact_id.in_(contact_ids[start : start + 500]), OptOut.deleted_at.is_(None)
            )
        ):
            found.setdefault(cid, set()).add(channel)
    return found


# -- starting: freezing the members ----------------------------------------------------------


def _reachable(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, set[Channel]]:
    """The channels each contact has something to be reached by (an e-mail, a phone …)."""
    reach: dict[uuid.UUID, set[Channel]] = {i: {Channel.VISIT} for i in ids}
    phone_like = {Channel.PHONE, Channel.MOBILE, Channel.SMS, Channel.WECHAT}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        found = (
            (Email.contact_id, Email.contact_id.in_(chunk) & Email.deleted_at.is_(None),
             {Channel.EMAIL}),
            (Phone.contact_id, Phone.contact_id.in_(chunk) & Phone.deleted_at.is_(None),
             phone_like),
            (Address.contact_id, Address.contact_id.in_(chunk) & Address.deleted_at.is_(None)
             & (Address.street != ""), {Channel.LETTER}),
            (Contact.id, Contact.id.in_(chunk) & (Contact.wechat != ""), {Channel.WECHAT}),
        )  # fmt: skip
        for column, where, adds in found:
            for cid in session.scalars(select(column).where(where)):
                if cid is not None:
                    reach[cid] |= adds
    return reach


def _place(
    preferred: Channel | None, channels: Sequence[Channel], reach: set[Channel], out: set[str]
) -> tuple[Channel | None, LeftOutReason | None]:
    """The member's channel, or why they are left out."""
    if preferred is not None and preferred in channels:
        chosen: Channel = preferred
    else:
        usable = [c for c in channels if c in reach]
        chosen = usable[0] if usable else channels[0]
    if ALL_CHANNELS in out or chosen.value in out:
        return chosen, LeftOutReason.OPTED_OUT
    if chosen not in reach:
        return chosen, LeftOutReason.NO_ADDRESS
    return chosen, None


def _new_member(
    session: Session, campaign: Campaign, contact_id: uuid.UUID, now: dt.datetime, later: bool
) -> CampaignMember:
    contact = session.get(Contact, contact_id)
    if contact is None or contact.deleted_at is not None:
        raise RecordNotFound(
            translatable("Messages", "No contact with id %1."), values=(contact_id,)
        )
    channels = [Channel(c) for c in campaign.channels]
    reach = _reachable(session, [contact_id])[contact_id]
    out = opted_out(session, [contact_id]).get(contact_id, set())
    channel, reason = _place(contact.preferred_channel, channels, reach, out)
    member = CampaignMember(
        campaign_id=campaign.id, contact_id=contact_id, account_id=contact.account_id,
        channel=channel, status=MemberStatus.LEFT_OUT if reason else MemberStatus.INCLUDED,
        left_out_reason=reason, added_later=later, added_at=now,
    )  # fmt: skip
    session.add(member)
    return member


def start_campaign(
    session: Session, name_or_id: str | uuid.UUID, now: dt.datetime | None = None
) -> StartResult:
    """Freeze the segment into the member list; a started campaign cannot start again."""
    campaign = _row(session, name_or_id)
    if campaign.status != CampaignStatus.DRAFT:
        raise _bad(translatable("Messages", "The campaign %1 has already started."), campaign.name)
    if campaign.segment_id is None:
        raise _bad(translatable("Messages", "Choose a segment before starting the campaign."))
    when = now or utcnow()
    tree = segments.get_segment(session, campaign.segment_id).criteria
    ids = segments.member_ids(session, tree, when.date())
    reach = _reachable(session, ids)
    out = opted_out(session, ids)
    channels = [Channel(c) for c in campaign.channels]
    preferred = _preferred_chunked(session, ids)
    accounts = _accounts_of(session, ids)
    included = left_out = 0
    for cid in ids:
        channel, reason = _place(preferred.get(cid), channels, reach[cid], out.get(cid, set()))
        session.add(
            CampaignMember(
                campaign_id=campaign.id, contact_id=cid, account_id=accounts.get(cid),
                channel=channel, status=MemberStatus.LEFT_OUT if reason else MemberStatus.INCLUDED,
                left_out_reason=reason, added_at=when,
            )
        )  # fmt: skip
        left_out += reason is not None
        included += reason is None
    campaign.status, campaign.started_at = CampaignStatus.RUNNING, when
    campaign.starts_on = campaign.starts_on or when.date()
    session.flush()
    return StartResult(included, left_out)


def _preferred_chunked(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, Channel]:
    found: dict[uuid.UUID, Channel] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Contact.id, Contact.preferred_channel).where(
                Contact.id.in_(ids[start : start + 500])
            )
        )
        found.update({cid: Channel(ch) for cid, ch in rows if ch})
    return found


def _accounts_of(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    found: dict[uuid.UUID, uuid.UUID] = {}
    for start in range(0, len(ids), 500):
        rows = session.execute(
            select(Contact.id, Contact.account_id).where(Contact.id.in_(ids[start : start + 500]))
        )
        found.update({cid: aid for cid, aid in rows if aid is not None})
    return found


def add_member(
    session: Session, name_or_id: str | uuid.UUID, contact_id: uuid.UUID,
    now: dt.datetime | None = None,
) -> uuid.UUID:  # fmt: skip
    """Add a contact to a started campaign (marked as added later; opt-outs still apply)."""
    campaign = _row(session, name_or_id)
    existing = session.scalars(
        select(CampaignMember).where(
            CampaignMember.campaign_id == campaign.id, CampaignMember.contact_id == contact_id
        )
    ).first()
    if existing is not None:
        if existing.status == MemberStatus.REMOVED:
            existing.status, existing.removed_at = MemberStatus.INCLUDED, None
            session.flush()
        return existing.id
    member = _new_member(session, campaign, contact_id, now or utcnow(), later=True)
    session.flush()
    return member.id


def remove_member(session: Session, member_id: uuid.UUID, now: dt.datetime | None = None) -> None:
    member = session.get(CampaignMember, member_id)
    if member is None:
        raise RecordNotFound(translatable("Messages", "That campaign member no longer exists."))
    member.status, member.removed_at = MemberStatus.REMOVED, now or utcnow()
    session.flush()


def mark_reached(session: Session, member_id: uuid.UUID, when: dt.datetime | None = None) -> None:
    member = session.get(CampaignMember, member_id)
    if member is not None and member.reached_at is None:
        member.reached_at = when or utcnow()
        session.flush()


def members(session: Session, name_or_id: str | uuid.UUID) -> list[MemberRow]:
    """Every member, included, left out (with why) and removed, in name order."""
    campaign = _row(session, name_or_id)
    latest = (
        select(CampaignResponse.kind)
        .where(CampaignResponse.member_id == CampaignMember.id)
        .order_by(CampaignResponse.responded_at.desc())
        .limit(1)
        .correlate(CampaignMember)
        .scalar_subquery()
    )
    stmt = (
        select(CampaignMember, Contact.family_name, Contact.given_name, Contact.middle_name,
               Contact.formatted_name, latest)
        .join(Contact, Contact.id == CampaignMember.contact_id)
        .where(CampaignMember.campaign_id == campaign.id)
        .order_by(Contact.sort_key)
    )  # fmt: skip
    rows = []
    for m, family, given, middle, shown, response in session.execute(stmt):
        rows.append(
            MemberRow(
                m.id, m.contact_id, shown or display_name(family, given, middle),
                Channel(m.channel) if m.channel else None, MemberStatus(m.status),
                LeftOutReason(m.left_out_reason) if m.left_out_reason else None, m.added_later,
                m.reached_at is not None, ResponseKind(response) if response else None,
            )
        )  # fmt: skip
    return rows


# -- responses -----------------------------------------------------------------------------------


def record_response(
    session: Session, member_id: uuid.UUID, kind: ResponseKind,
    source: ResponseSource = ResponseSource.MANUAL, note: str = "",
    when: dt.datetime | None = None, amount: Decimal = Decimal(0),
) -> uuid.UUID:  # fmt: skip
    """A member's answer; "unsubscribed" also records an opt-out of all marketing."""
    member = session.get(CampaignMember, member_id)
    if member is None:
        raise RecordNotFound(translatable("Messages", "That campaign member no longer exists."))
    at = when or utcnow()
    row = CampaignResponse(
        campaign_id=member.campaign_id, member_id=member.id, kind=kind, source=source,
        responded_at=at, note=note, amount=amount,
    )  # fmt: skip
    session.add(row)
    if kind == ResponseKind.UNSUBSCRIBED:
        name = session.scalar(select(Campaign.name).where(Campaign.id == member.campaign_id))
        opt_out(session, member.contact_id, ALL_CHANNELS, at.date(), f"campaign: {name}")
    session.flush()
    return row.id


def attribute_responses(
    session: Session, name_or_id: str | uuid.UUID, today: dt.date | None = None
) -> int:
    """Record "bought" for each order, and "interested" for each deal, that a member's account
    placed within the attribution window after the campaign started; each once."""
    campaign = _row(session, name_or_id)
    if campaign.started_at is None:
        return 0
    first = campaign.started_at.date()
    last = min(first + dt.timedelta(days=campaign.attribution_days), today or dt.date.today())
    included = (
        select(CampaignMember.id, CampaignMember.account_id, CampaignMember.contact_id)
        .where(CampaignMember.campaign_id == campaign.id,
               CampaignMember.status == MemberStatus.INCLUDED,
               CampaignMember.account_id.is_not(None))
        .order_by(CampaignMember.added_at, CampaignMember.id)
    )  # fmt: skip
    member_of: dict[uuid.UUID | None, uuid.UUID] = {}  # by account, and by contact
    for member_id, account_id, contact_id in session.execute(included):
        member_of.setdefault(account_id, member_id)
        member_of[contact_id] = member_id
    if not member_of:
        return 0
    added = _attribute_orders(session, campaign, member_of, first, last)
    added += _attribute_deals(session, campaign, member_of, first, last)
    session.flush()
    return added


def _attribute_orders(
    session: Session, campaign: Campaign, member_of: dict[uuid.UUID | None, uuid.UUID],
    first: dt.date, last: dt.date,
) -> int:  # fmt: skip
    taken = exists().where(CampaignResponse.order_id == Order.id)
    accounts = [k for k in member_of if k is not None]
    stmt = select(
        Order.id, Order.account_id, Order.contact_id, Order.ordered_on, Order.amount
    ).where(
        Order.account_id.in_(accounts), Order.deleted_at.is_(None),
        Order.status.in_(COUNTED_ORDERS), Order.ordered_on >= first, Order.ordered_on <= last,
        ~taken,
    )  # fmt: skip
    added = 0
    for order_id, account_id, contact_id, day, amount in session.execute(stmt):
        member_id = member_of.get(contact_id) or member_of.get(account_id)
        if member_id is None:
            continue
        session.add(
            CampaignResponse(
                campaign_id=campaign.id, member_id=member_id,
                kind=ResponseKind.BOUGHT, source=ResponseSource.ORDER, order_id=order_id,
                amount=amount, responded_at=dt.datetime.combine(day, dt.time(12), dt.UTC),
            )
        )  # fmt: skip
        added += 1
    return added


def _attribute_deals(
    session: Session, campaign: Campaign, member_of: dict[uuid.UUID | None, uuid.UUID],
    first: dt.date, last: dt.date,
) -> int:  # fmt: skip
    taken = exists().where(CampaignResponse.opportunity_id == Opportunity.id)
    start = dt.datetime.combine(first, dt.time(), dt.UTC)
    end = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(), dt.UTC)
    accounts = [k for k in member_of if k is not None]
    stmt = select(
        Opportunity.id, Opportunity.account_id, Opportunity.contact_id, Opportunity.created_at
    ).where(
        Opportunity.account_id.in_(accounts), Opportunity.deleted_at.is_(None),
        Opportunity.created_at >= start, Opportunity.created_at < end, ~taken,
    )  # fmt: skip
    added = 0
    for deal_id, account_id, contact_id, created in session.execute(stmt):
        member_id = member_of.get(contact_id) or member_of.get(account_id)
        if member_id is None:
            continue
        session.add(
            CampaignResponse(
                campaign_id=campaign.id, member_id=member_id,
                kind=ResponseKind.INTERESTED, source=ResponseSource.OPPORTUNITY,
                opportunity_id=deal_id, responded_at=created,
            )
        )  # fmt: skip
        added += 1
    return added


# -- results -------------------------------------------------------------------------------------


def results(session: Session, name_or_id: str | uuid.UUID) -> CampaignResults:
    """Reached, responded, converted and revenue per channel; the budget shared by members."""
    campaign = _row(session, name_or_id)
    responded = (
        select(CampaignResponse.member_id)
        .where(CampaignResponse.campaign_id == campaign.id, CampaignResponse.kind.in_(RESPONDED))
        .distinct()
    )
    bought = (
        select(CampaignResponse.member_id, func.sum(CampaignResponse.amount).label("revenue"))
        .where(CampaignResponse.campaign_id == campaign.id,
               CampaignResponse.kind == ResponseKind.BOUGHT)
        .group_by(CampaignResponse.member_id)
    )  # fmt: skip
    responders = set(session.scalars(responded))
    revenue_of = {mid: Decimal(v or 0) for mid, v in session.execute(bought)}
    per: dict[str, list[int | Decimal]] = {}
    left_out = 0
    for mid, member_channel, status, reached in session.execute(
        select(CampaignMember.id, CampaignMember.channel, CampaignMember.status,
               CampaignMember.reached_at)
        .where(CampaignMember.campaign_id == campaign.id)
    ):  # fmt: skip
        if status != MemberStatus.INCLUDED:
            left_out += status == MemberStatus.LEFT_OUT
            continue
        counts = per.setdefault(member_channel or "", [0, 0, 0, 0, Decimal(0)])
        counts[0] += 1
        counts[1] += reached is not None
        counts[2] += mid in responders
        counts[3] += mid in revenue_of
        counts[4] += revenue_of.get(mid, Decimal(0))
    total_members = sum(int(c[0]) for c in per.values())
    budget = campaign.budget
    channels = []
    for key in sorted(per):
        c = per[key]
        share = (budget * int(c[0]) / total_members).quantize(Decimal("0.01"))
        channels.append(ChannelResult(key, int(c[0]), int(c[1]), int(c[2]), int(c[3]),
                                      Decimal(c[4]), share))  # fmt: skip
    total = ChannelResult(
        "", total_members, sum(r.reached for r in channels),
        sum(r.responded for r in channels), sum(r.converted for r in channels),
        sum((r.revenue for r in channels), Decimal(0)), budget,
    )  # fmt: skip
    return CampaignResults(_info(session, campaign), tuple(channels), total, left_out)


def _english(text: str) -> str:
    return text


def campaign_report(
    session: Session, name_or_id: str | uuid.UUID, say: Translate = _english,
    word: Callable[[str], str] = _english,
) -> Report:  # fmt: skip
    """The results per channel and the member list, as a workbook for the report writer."""
    found = results(session, name_or_id)
    c = found.campaign
    columns = (
        Column(say(translatable("Reports", "Channel"))),
        Column(say(translatable("Reports", "Members")), "integer", total=True),
        Column(say(translatable("Reports", "Reached")), "integer", total=True),
        Column(say(translatable("Reports", "Responded")), "integer", total=True, bar=True),
        Column(say(translatable("Reports", "Converted")), "integer", total=True),
        Column(say(translatable("Reports", "Revenue")), "money", total=True, bar=True),
        Column(say(translatable("Reports", "Cost")), "money", total=True),
        Column(say(translatable("Reports", "Cost per response")), "money"),
        Column(say(translatable("Reports", "ROI")), "percent"),
    )
    rows = tuple(
        (word(r.channel), r.members, r.reached, r.responded, r.converted, r.revenue, r.cost,
         r.cost_per_response, float(r.roi) if r.roi is not None else None)
        for r in found.channels
    )  # fmt: skip
    member_columns = (
        Column(say(translatable("Reports", "Name"))),
        Column(say(translatable("Reports", "Channel"))),
        Column(say(translatable("Reports", "Status"))),
        Column(say(translatable("Reports", "Left out because"))),
        Column(say(translatable("Reports", "Response"))),
    )
    member_rows = [
        (m.name, word(m.channel or ""), word(m.status), word(m.reason or ""),
         word(m.response or ""))
        for m in members(session, c.id)
    ]  # fmt: skip
    summary = Summary(
        say(translatable("Reports", "Per channel")), columns, rows,
        Chart(say(translatable("Reports", "Responses per channel")), "bar"),
    )  # fmt: skip
    return Report(
        sheet=say(translatable("Reports", "Members")),
        title=c.name, filter_text=c.goal, columns=member_columns, rows=member_rows,
        total_label=say(translatable("Reports", "Total")), currency=c.currency, summary=summary,
        about=((say(translatable("Reports", "Segment")), c.segment),
               (say(translatable("Reports", "Budget")), f"{c.budget:.2f} {c.currency}")),
        expected_rows=len(member_rows),
    )  # fmt: skip


def write_campaign_report(
    session: Session, name_or_id: str | uuid.UUID, path: str | Path, say: Translate = _english,
    word: Callable[[str], str] = _english,
) -> ReportResult:  # fmt: skip
    return write_report(
        path, campaign_report(session, name_or_id, say, word), neutralise=neutralise
    )
