"""The e-mail outbox: messages rendered from a template and queued in the database, sent through
the user's SMTP server when it can be reached, each exactly once.

A message is marked `sending` (committed) before it goes to the server and `sent` (committed)
only after the server accepted its DATA, one message at a time: a crash in between leaves at
most that one message `sending`, and the next run sends it again with the same Message-ID, so
the receiving side can tell it is the same message. A server that cannot be reached leaves
everything queued; a recipient the server refuses (5xx) leaves that message failed with the
server's reply, to be retried or cancelled; a temporary refusal (4xx) keeps it queued.

This module takes a `Database` for sending (one short transaction per step, by design) and a
`Session` for everything else, like every service.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import os
import re
import smtplib
import ssl
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import ClassVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    Activity,
    Address,
    Campaign,
    CampaignMember,
    Contact,
    Email,
    OutboxMessage,
)
from crmdesk.models.base import new_id, utcnow
from crmdesk.models.campaigns import ALL_CHANNELS
from crmdesk.models.changelog import ChangeLogEntry, batch_columns
from crmdesk.models.enums import ActivityKind, ChangeAction, Channel, MemberStatus, OutboxStatus
from crmdesk.models.names import display_name
from crmdesk.services import settings
from crmdesk.services.campaigns import opted_out
from crmdesk.services.changes import Changes, report
from crmdesk.store.bulk import BulkWriter
from crmdesk.store.db import Database

KEYRING_SERVICE = "crmdesk-smtp"
SECURITY = ("starttls", "ssl", "none")
FIELD = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")
FIELDS = ("name", "family_name", "given_name", "title", "company", "city", "email", "owner",
          "today")  # fmt: skip
CHUNK = 500


@dataclass(frozen=True)
class SmtpSettings:
    """The user's outgoing mail server (the password is in the keyring, never here)."""

    KEY: ClassVar[str] = "smtp"
    host: str = ""
    port: int = 587
    security: str = "starttls"  # "starttls", "ssl" or "none"
    user: str = ""
    from_address: str = ""
    from_name: str = ""
    timeout: int = 20


@dataclass(frozen=True)
class Template:
    subject: str
    text: str
    html: str = ""


@dataclass(frozen=True)
class OutboxRow:
    id: uuid.UUID
    to_address: str
    to_name: str
    subject: str
    status: OutboxStatus
    attempts: int
    queued_at: dt.datetime
    sent_at: dt.datetime | None
    server_reply: str
    message_id: str


@dataclass(frozen=True)
class SendReport:
    sent: int
    failed: int
    waiting: int  # still queued (offline, or a temporary refusal)
    offline: str = ""  # why the server could not be reached ("" when it could)


class SmtpNotSet(KnownError):
    def __init__(self) -> None:
        super().__init__(
            translatable("Messages", "No outgoing mail server is set."),
            translatable("Messages", "Set one in Tools > Settings > E-mail, or CRMDESK_SMTP_HOST."),
        )


# -- settings and the password -------------------------------------------------------------------


def smtp_settings(session: Session, env: Mapping[str, str] | None = None) -> SmtpSettings:
    """The stored settings, with CRMDESK_SMTP_HOST/PORT/USER/STARTTLS from the environment
    taking precedence (what scripts and the command line set)."""
    found = settings.load(session, SmtpSettings)
    environ = os.environ if env is None else env
    if environ.get("CRMDESK_SMTP_HOST"):
        found = replace(found, host=environ["CRMDESK_SMTP_HOST"])
    if environ.get("CRMDESK_SMTP_PORT"):
        try:
            found = replace(found, port=int(environ["CRMDESK_SMTP_PORT"]))
        except ValueError:
            raise KnownError(
                translatable("Messages", "CRMDESK_SMTP_PORT is not a port number: %1."),
                values=(environ["CRMDESK_SMTP_PORT"],),
            ) from None
    if environ.get("CRMDESK_SMTP_USER"):
        found = replace(found, user=environ["CRMDESK_SMTP_USER"])
    if environ.get("CRMDESK_SMTP_STARTTLS"):
        on = environ["CRMDESK_SMTP_STARTTLS"].strip().lower() in ("1", "yes", "true", "on")
        found = replace(found, security="starttls" if on else "none")
    return found


def save_smtp_settings(session: Session, value: SmtpSettings) -> None:
    if value.security not in SECURITY:
        raise KnownError(translatable("Messages", "Unknown connection security: %1."),
                         values=(value.security,))  # fmt: skip
    if not 0 < value.port < 65536:
        raise KnownError(translatable("Messages", "%1 is not a port number."), values=(value.port,))
    settings.save(session, value)


def _keyring_user(value: SmtpSettings) -> str:
    return f"{value.user}@{value.host}"


def smtp_password(value: SmtpSettings, env: Mapping[str, str] | None = None) -> str:
    """CRMDESK_SMTP_PASSWORD, else the system keyring's entry for this server and user."""
    environ = os.environ if env is None else env
    if environ.get("CRMDESK_SMTP_PASSWORD"):
        return environ["CRMDESK_SMTP_PASSWORD"]
    if not value.user:
        return ""
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_user(value)) or ""
    except KeyringError as error:
        raise KnownError(translatable("Messages", "The system keyring cannot be read: %1."),
                         values=(str(error),)) from error  # fmt: skip


def store_password(value: SmtpSettings, password: str) -> None:
    """Keep the password in the system keyring (an empty one removes the entry)."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, _keyring_user(value), password)
        else:
            with contextlib.suppress(PasswordDeleteError):
                keyring.delete_password(KEYRING_SERVICE, _keyring_user(value))
    except KeyringError as error:
        raise KnownError(translatable("Messages", "The system keyring cannot store it: %1."),
                         values=(str(error),)) from error  # fmt: skip


# -- templates and queueing ----------------------------------------------------------------------


def check_template(template: Template) -> None:
    """Refuse a field the contacts do not have, before anything is queued."""
    for part in (template.subject, template.text, template.html):
        for name in FIELD.findall(part):
            if name not in FIELDS:
                raise KnownError(translatable("Messages", "Unknown field in the message: %1."),
                                 values=(name,))  # fmt: skip


def fill(text: str, values: Mapping[str, str], *, as_html: bool = False) -> str:
    """`{{ name }}` and the other fields replaced by the contact's values."""

    def value(match: re.Match[str]) -> str:
        found = values.get(match.group(1), "")
        return html.escape(found) if as_html else found

    return FIELD.sub(value, text)


@dataclass(frozen=True)
class _Recipient:
    contact_id: uuid.UUID
    address: str
    fields: dict[str, str]


def _recipients(session: Session, ids: Sequence[uuid.UUID], today: dt.date) -> list[_Recipient]:
    """Each contact with an e-mail address and the template fields (primary address first)."""
    email = (
        select(Email.address).where(Email.contact_id == Contact.id, Email.deleted_at.is_(None))
        .order_by(Email.is_primary.desc(), Email.position).limit(1)
        .correlate(Contact).scalar_subquery()
    )  # fmt: skip
    city = (
        select(Address.city).where(Address.contact_id == Contact.id, Address.deleted_at.is_(None))
        .order_by(Address.is_primary.desc(), Address.position).limit(1)
        .correlate(Contact).scalar_subquery()
    )  # fmt: skip
    found: dict[uuid.UUID, _Recipient] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = (
            select(Contact.id, Contact.family_name, Contact.given_name, Contact.middle_name,
                   Contact.formatted_name, Contact.title, Contact.organization, Contact.owner,
                   Account.name, email, city)
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Contact.id.in_(ids[start : start + CHUNK]), Contact.deleted_at.is_(None))
        )  # fmt: skip
        for cid, family, given, middle, shown, title, org, owner, account, addr, town in (
            session.execute(stmt)
        ):
            if not addr:
                continue
            fields = {
                "name": shown or display_name(family, given, middle), "family_name": family,
                "given_name": given, "title": title, "company": account or org,
                "city": town or "", "email": addr, "owner": owner, "today": today.isoformat(),
            }  # fmt: skip
            found[cid] = _Recipient(cid, addr, fields)
    return [found[i] for i in ids if i in found]


def _domain(sender: str) -> str:
    return sender.rpartition("@")[2] or "crmdesk.invalid"


def queue(
    session: Session, contact_ids: Sequence[uuid.UUID], template: Template, *,
    sender: str = "", campaign_id: uuid.UUID | None = None,
    members: Mapping[uuid.UUID, uuid.UUID] | None = None, now: dt.datetime | None = None,
) -> int:  # fmt: skip
    """One message per contact with an e-mail address (opted out of e-mail: none), each with
    its own fields filled and its own Message-ID. One multi-row INSERT per chunk."""
    check_template(template)
    at = now or utcnow()
    out = opted_out(session, list(contact_ids))
    wanted = [c for c in contact_ids if not out.get(c, set()) & {ALL_CHANNELS, Channel.EMAIL.value}]
    domain = _domain(sender)
    keys: list[uuid.UUID] = []
    # Change-logged like any write (so a start or a queueing is undone with its messages),
    # in multi-row statements.
    with BulkWriter(session.connection(), log=batch_columns(session), indexing=False) as rows:
        for r in _recipients(session, wanted, at.date()):
            key = new_id()
            keys.append(key)
            rows.add(OutboxMessage, {
                "id": key, "campaign_id": campaign_id,
                "member_id": (members or {}).get(r.contact_id),
                "contact_id": r.contact_id, "to_address": r.address, "to_name": r.fields["name"],
                "subject": fill(template.subject, r.fields),
                "body_text": fill(template.text, r.fields),
                "body_html": fill(template.html, r.fields, as_html=True) if template.html else "",
                "message_id": f"<{key.hex}@{domain}>", "status": OutboxStatus.QUEUED,
                "attempts": 0, "queued_at": at, "server_reply": "",
            })  # fmt: skip
    report(session, Changes(outbox=keys))
    return len(keys)


def gone_out(session: Session, batch_id: uuid.UUID) -> int:
    """How many of the messages a write queued (its change-log batch) the server has taken
    or is taking: a write whose e-mails have gone out cannot be taken back."""
    queued = select(ChangeLogEntry.entity_id).where(
        ChangeLogEntry.batch_id == batch_id, ChangeLogEntry.entity == OutboxMessage.__tablename__,
        ChangeLogEntry.action == ChangeAction.INSERT,
    )  # fmt: skip
    return session.scalar(
        select(func.count(OutboxMessage.id)).where(
            OutboxMessage.id.in_(queued),
            OutboxMessage.status.in_((OutboxStatus.SENT, OutboxStatus.SENDING)),
        )
    ) or 0


def queue_campaign(session: Session, campaign_id: uuid.UUID, sender: str = "") -> int:
    """The campaign's message to each included member whose channel is e-mail and who has no
    message yet (so queueing twice adds only members added since)."""
    campaign = session.get(Campaign, campaign_id)
    if campaign is None:
        raise KnownError(translatable("Messages", "That campaign no longer exists."))
    already = select(OutboxMessage.member_id).where(OutboxMessage.campaign_id == campaign_id,
                                                    OutboxMessage.member_id.is_not(None),
                                                    OutboxMessage.deleted_at.is_(None))
    pending = dict(
        session.execute(
            select(CampaignMember.contact_id, CampaignMember.id).where(
                CampaignMember.campaign_id == campaign_id,
                CampaignMember.status == MemberStatus.INCLUDED,
                CampaignMember.channel == Channel.EMAIL,
                CampaignMember.id.not_in(already),
            )
        ).all()
    )
    template = Template(campaign.subject, campaign.body_text, campaign.body_html)
    return queue(session, list(pending), template, sender=sender, campaign_id=campaign_id,
                 members=pending)  # fmt: skip


# -- the list, retry and cancel ------------------------------------------------------------------


def outbox_rows(
    session: Session, status: OutboxStatus | None = None, limit: int = 5000
) -> list[OutboxRow]:
    stmt = select(OutboxMessage).where(OutboxMessage.deleted_at.is_(None))
    if status is not None:
        stmt = stmt.where(OutboxMessage.status == status)
    stmt = stmt.order_by(OutboxMessage.queued_at.desc(), OutboxMessage.id).limit(limit)
    return [
        OutboxRow(m.id, m.to_address, m.to_name, m.subject, OutboxStatus(m.status), m.attempts,
                  m.queued_at, m.sent_at, m.server_reply, m.message_id)
        for m in session.scalars(stmt)
    ]  # fmt: skip


def counts(session: Session) -> dict[OutboxStatus, int]:
    stmt = (
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.deleted_at.is_(None))
        .group_by(OutboxMessage.status)
    )
    return {OutboxStatus(s): n for s, n in session.execute(stmt)}


def retry(session: Session, ids: Sequence[uuid.UUID] | None = None) -> int:
    """Failed (or cancelled) messages back to the queue; all failed ones when no ids are given."""
    stmt = select(OutboxMessage).where(
        OutboxMessage.status.in_((OutboxStatus.FAILED, OutboxStatus.CANCELLED))
    )
    if ids is not None:
        stmt = stmt.where(OutboxMessage.id.in_(ids))
    else:
        stmt = stmt.where(OutboxMessage.status == OutboxStatus.FAILED)
    rows = list(session.scalars(stmt))
    for row in rows:
        row.status = OutboxStatus.QUEUED
    session.flush()
    return len(rows)


def cancel(session: Session, ids: Sequence[uuid.UUID]) -> int:
    """Queued or failed messages are not to be sent (a sent one cannot be taken back)."""
    rows = list(session.scalars(select(OutboxMessage).where(
        OutboxMessage.id.in_(ids),
        OutboxMessage.status.in_((OutboxStatus.QUEUED, OutboxStatus.FAILED)),
    )))  # fmt: skip
    for row in rows:
        row.status = OutboxStatus.CANCELLED
    session.flush()
    return len(rows)


# -- sending -------------------------------------------------------------------------------------


def build_message(row: OutboxMessage, value: SmtpSettings) -> EmailMessage:
    message = EmailMessage()
    message["From"] = formataddr((value.from_name, value.from_address or value.user))
    message["To"] = formataddr((row.to_name, row.to_address))
    message["Subject"] = row.subject
    message["Date"] = format_datetime(row.queued_at)
    message["Message-ID"] = row.message_id
    message.set_content(row.body_text or "")
    if row.body_html:
        message.add_alternative(row.body_html, subtype="html")
    return message


Connect = Callable[[SmtpSettings, str], smtplib.SMTP]


def connect(value: SmtpSettings, password: str) -> smtplib.SMTP:
    """An open, logged-in connection (STARTTLS or SSL as set)."""
    if not value.host:
        raise SmtpNotSet()
    context = ssl.create_default_context()
    server: smtplib.SMTP
    if value.security == "ssl":
        server = smtplib.SMTP_SSL(value.host, value.port, timeout=value.timeout, context=context)
    else:
        server = smtplib.SMTP(value.host, value.port, timeout=value.timeout)
        if value.security == "starttls":
            server.starttls(context=context)
    if value.user and password:
        server.login(value.user, password)
    return server


def _reply(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return f"{code} {words}".strip()


def _next(db: Database, after: dt.datetime | None) -> uuid.UUID | None:
    """Claim the next message: mark it `sending` and commit before it goes out. A message
    left `sending` by a crash comes first, so it is the one re-sent."""
    with db.transaction() as session:
        stmt = (
            select(OutboxMessage)
            .where(OutboxMessage.status.in_((OutboxStatus.SENDING, OutboxStatus.QUEUED)),
                   OutboxMessage.deleted_at.is_(None))
            .order_by(OutboxMessage.status != OutboxStatus.SENDING, OutboxMessage.queued_at,
                      OutboxMessage.id)
        )  # fmt: skip
        if after is not None:  # messages tried in this run and put back are not tried again
            stmt = stmt.where(
                (OutboxMessage.last_attempt_at.is_(None)) | (OutboxMessage.last_attempt_at < after)
            )
        row = session.scalars(stmt.limit(1)).first()
        if row is None:
            return None
        row.status, row.last_attempt_at = OutboxStatus.SENDING, utcnow()
        row.attempts += 1
        return row.id


def _finish(db: Database, message_id: uuid.UUID, status: OutboxStatus, reply: str) -> None:
    with db.transaction() as session:
        row = session.get(OutboxMessage, message_id)
        if row is None:
            return
        row.status, row.server_reply = status, reply
        if status == OutboxStatus.SENT:
            row.sent_at = utcnow()
            _touch(session, row)


def _touch(session: Session, row: OutboxMessage) -> None:
    """A sent message reaches its member and is logged as an e-mail activity of the contact."""
    if row.member_id is not None:
        member = session.get(CampaignMember, row.member_id)
        if member is not None and member.reached_at is None:
            member.reached_at = row.sent_at
    if row.contact_id is not None:
        account = session.scalar(select(Contact.account_id).where(Contact.id == row.contact_id))
        session.add(Activity(kind=ActivityKind.EMAIL, occurred_at=row.sent_at or utcnow(),
                             subject=row.subject, contact_id=row.contact_id, account_id=account,
                             outcome=row.server_reply[:300]))  # fmt: skip


def _refused(code: int, text: bytes | str) -> tuple[OutboxStatus, str]:
    """4xx: try again later (queued); 5xx: failed, with the server's words."""
    return (OutboxStatus.QUEUED if 400 <= code < 500 else OutboxStatus.FAILED), _reply(code, text)


def _send_one(
    server: smtplib.SMTP, row: OutboxMessage, value: SmtpSettings
) -> tuple[OutboxStatus, str]:
    """MAIL, RCPT, DATA; the status the message ends in and the server's reply."""
    message = build_message(row, value)
    server.ehlo_or_helo_if_needed()
    code, text = server.mail(value.from_address or value.user)
    if code != 250:
        server.rset()
        return _refused(code, text)
    code, text = server.rcpt(row.to_address)
    if code not in (250, 251):
        server.rset()
        return _refused(code, text)
    code, text = server.data(message.as_bytes())
    if code != 250:
        return _refused(code, text)
    return OutboxStatus.SENT, _reply(code, text)


def send_pending(
    db: Database, value: SmtpSettings, password: str = "", *, limit: int | None = None,
    connector: Connect = connect, stop: Callable[[], bool] | None = None,
) -> SendReport:  # fmt: skip
    """Send what is queued, one message at a time, until the queue is empty, the server goes
    away or `limit` messages were tried."""
    started = utcnow()
    try:
        server = connector(value, password)
    except (OSError, smtplib.SMTPException) as error:
        return SendReport(0, 0, _waiting(db), offline=str(error) or type(error).__name__)
    sent = failed = tried = 0
    offline = ""
    try:
        while limit is None or tried < limit:
            if stop is not None and stop():
                break
            message_id = _next(db, started)
            if message_id is None:
                break
            tried += 1
            with db.reading() as session:
                row = session.get(OutboxMessage, message_id)
                assert row is not None
                session.expunge(row)
            try:
                status, reply = _send_one(server, row, value)
            except (OSError, smtplib.SMTPServerDisconnected) as error:
                _finish(db, message_id, OutboxStatus.QUEUED, str(error))
                offline = str(error) or type(error).__name__
                break
            except smtplib.SMTPException as error:
                status, reply = OutboxStatus.QUEUED, str(error)
            _finish(db, message_id, status, reply)
            sent += status == OutboxStatus.SENT
            failed += status == OutboxStatus.FAILED
    finally:
        try:
            server.quit()
        except (OSError, smtplib.SMTPException):
            server.close()
    return SendReport(sent, failed, _waiting(db), offline)


def _waiting(db: Database) -> int:
    with db.reading() as session:
        stmt = select(func.count(OutboxMessage.id)).where(
            OutboxMessage.status.in_((OutboxStatus.QUEUED, OutboxStatus.SENDING))
        )
        return session.scalar(stmt) or 0
