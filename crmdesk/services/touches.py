"""What crmdesk cannot send itself offline (SMS, WeChat, a phone call, a letter): the file or
text the user needs, and the touch logged as an activity once the user marks it done.

The SMS gateway file is a CSV of E.164 numbers and each member's message filled in; the
copy-ready texts are one per member, to paste into WeChat or read out on the phone.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import RecordNotFound
from crmdesk.core.texts import translatable
from crmdesk.export.atomic import write_atomically
from crmdesk.interop.tabular import neutralise
from crmdesk.models import Account, Activity, Campaign, CampaignMember, Contact, Phone
from crmdesk.models.base import utcnow
from crmdesk.models.enums import ActivityKind, Channel, MemberStatus
from crmdesk.models.names import display_name
from crmdesk.services.normalize import phone_e164
from crmdesk.services.outbox import fill

KIND_OF = {
    Channel.SMS: ActivityKind.MESSAGE, Channel.WECHAT: ActivityKind.MESSAGE,
    Channel.PHONE: ActivityKind.CALL, Channel.MOBILE: ActivityKind.CALL,
    Channel.LETTER: ActivityKind.NOTE, Channel.VISIT: ActivityKind.VISIT,
    Channel.EMAIL: ActivityKind.EMAIL,
}  # fmt: skip


@dataclass(frozen=True)
class Touch:
    """One member's ready message on a channel."""

    member_id: uuid.UUID
    contact_id: uuid.UUID
    name: str
    number: str  # E.164 ("" when the contact has no usable phone)
    wechat: str
    text: str
    done: bool


def touches(session: Session, campaign_id: uuid.UUID, channel: Channel) -> list[Touch]:
    """The campaign's message filled for each included member on `channel`."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise RecordNotFound(translatable("Messages", "That campaign no longer exists."))
    phone = (
        select(Phone.number).where(Phone.contact_id == Contact.id, Phone.deleted_at.is_(None))
        .order_by(Phone.is_primary.desc(), Phone.position).limit(1)
        .correlate(Contact).scalar_subquery()
    )  # fmt: skip
    stmt = (
        select(CampaignMember.id, CampaignMember.reached_at, Contact.id, Contact.family_name,
               Contact.given_name, Contact.middle_name, Contact.formatted_name, Contact.title,
               Contact.organization, Contact.owner, Contact.wechat, Account.name, phone)
        .join(Contact, Contact.id == CampaignMember.contact_id)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(CampaignMember.campaign_id == campaign_id,
               CampaignMember.status == MemberStatus.INCLUDED,
               CampaignMember.channel == channel)
        .order_by(Contact.sort_key)
    )  # fmt: skip
    text = campaign.body_text or campaign.script
    found = []
    for (
        mid,
        reached,
        cid,
        family,
        given,
        middle,
        shown,
        title,
        org,
        owner,
        wechat,
        account,
        number,
    ) in session.execute(stmt):
        name = shown or display_name(family, given, middle)
        fields = {"name": name, "family_name": family, "given_name": given, "title": title,
                  "company": account or org, "owner": owner, "city": "", "email": "",
                  "today": dt.date.today().isoformat()}  # fmt: skip
        found.append(Touch(mid, cid, name, phone_e164(number or ""), wechat, fill(text, fields),
                           reached is not None))  # fmt: skip
    return found


def post_members(session: Session, campaign_id: uuid.UUID) -> list[uuid.UUID]:
    """The contacts a campaign reaches by post (its included members on the letter channel),
    in name order: what its labels, envelopes and letters are printed for."""
    stmt = (
        select(CampaignMember.contact_id)
        .join(Contact, Contact.id == CampaignMember.contact_id)
        .where(CampaignMember.campaign_id == campaign_id,
               CampaignMember.status == MemberStatus.INCLUDED,
               CampaignMember.channel == Channel.LETTER, Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key, Contact.id)
    )  # fmt: skip
    return list(session.scalars(stmt))


def sms_gateway_csv(session: Session, campaign_id: uuid.UUID, path: str | Path) -> tuple[int, int]:
    """Write `number,message` rows for the SMS members; (rows written, members skipped for
    want of a usable number)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["number", "name", "message"])
    written = skipped = 0
    for touch in touches(session, campaign_id, Channel.SMS):
        if not touch.number:
            skipped += 1
            continue
        writer.writerow([touch.number, neutralise(touch.name), neutralise(touch.text)])
        written += 1
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
    return written, skipped


def copy_text(session: Session, campaign_id: uuid.UUID, channel: Channel) -> str:
    """Every member's message, one block each, to paste where it is sent from."""
    blocks = []
    for touch in touches(session, campaign_id, channel):
        head = " · ".join(x for x in (touch.name, touch.number, touch.wechat) if x)
        blocks.append(f"{head}\n{touch.text}")
    return "\n\n".join(blocks)


def mark_done(
    session: Session, member_id: uuid.UUID, owner: str = "", when: dt.datetime | None = None
) -> uuid.UUID | None:
    """The user sent it (or called, or posted it): the member is reached and the touch is an
    activity of the contact (None: it was marked before, nothing more is logged)."""
    member = session.get(CampaignMember, member_id)
    if member is None:
        raise RecordNotFound(translatable("Messages", "That campaign member no longer exists."))
    campaign = session.get(Campaign, member.campaign_id)
    at = when or utcnow()
    if member.reached_at is not None:
        return None
    member.reached_at = at
    channel = Channel(member.channel) if member.channel else Channel.PHONE
    activity = Activity(
        kind=KIND_OF[channel], occurred_at=at, subject=campaign.name if campaign else "",
        body=campaign.body_text if campaign else "", outcome=channel.value, owner=owner,
        contact_id=member.contact_id, account_id=member.account_id,
    )  # fmt: skip
    session.add(activity)
    session.flush()
    return activity.id
