"""The satisfaction survey asked for once a case is closed, exactly once per case.

The case's contact (or, without one, the account's first contact in the list's order) is asked
on the channel they prefer. E-mail (preferred, or no preference and an address on file) and
not opted out: the survey message is queued in the outbox (`outbox.queue`, which applies the
campaigns' opt-outs), its subject and text from the survey message setting (English, or Chinese
for a contact whose name is written in Han characters), the contact's fields and the case's
filled in. Otherwise a task for the case's owner, due the next working day, says whom to ask,
by which channel and at which number or address. A contact who opted out of every channel
(`ALL_CHANNELS`) is not asked at all.

Whatever was done is written to the case's thread as a note of kind SURVEY in the same
transaction: that note is what makes it once per case (closing, reopening and closing again
sends nothing more; undoing the step takes the note, the message and the task back together).
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core import clock
from crmdesk.core.errors import KnownError
from crmdesk.core.texts import Text, as_text, translatable
from crmdesk.models import Contact, OutboxMessage
from crmdesk.models.campaigns import ALL_CHANNELS
from crmdesk.models.enums import CaseStatus, Channel, EventKind, PhoneKind
from crmdesk.models.names import is_cjk_name
from crmdesk.models.service import CaseNote, ServiceCase
from crmdesk.services import outbox, service_levels, settings
from crmdesk.services.calendar import EventDraft, save_event
from crmdesk.services.campaigns import opted_out
from crmdesk.services.cases import NoteKind, add_note
from crmdesk.services.outbox import FIELD, FIELDS, Template

CONTEXT = "SurveySending"  # the translation context of the words this module writes
CASE_FIELDS = ("case_number", "case_subject", "case_owner")


class AfterClose(StrEnum):
    """What the case editor does when a case is closed."""

    ASK = "ask"
    ALWAYS = "always"
    NEVER = "never"


DEFAULT_SUBJECT = "How did we do? Your case {{ case_number }}"
DEFAULT_TEXT = (
    "Dear {{ name }},\n\n"
    "your case {{ case_number }} ({{ case_subject }}) is closed. Would you tell us how it "
    "went? For each of product, service, response time, staff, communication and price: "
    "what did you expect, and what did you get, from 1 (poor) to 5 (excellent)? "
    "A reply to this e-mail is all it takes.\n\n"
    "Thank you,\n{{ case_owner }}"
)
DEFAULT_SUBJECT_ZH = "服务满意度回访：工单 {{ case_number }}"
DEFAULT_TEXT_ZH = (
    "{{ name }}，您好：\n\n"
    "您的服务工单 {{ case_number }}（{{ case_subject }}）已经关闭。"
    "想请您花两分钟告诉我们这次服务怎么样：产品、服务、响应速度、人员、沟通、价格，"
    "每一项您原本期望几分、实际感受几分（1 分最差，5 分最好）？直接回复本邮件即可。\n\n"
    "谢谢！\n{{ case_owner }}"
)
# What a refusal says (one literal each, for the translation catalogue).
_NOT_FOUND = translatable("Messages", "The case was not found; it may have been deleted.")
_NOT_CLOSED = translatable("Messages", "Case %1 is not closed; its survey is sent once it is.")
_SENT_ALREADY = translatable("Messages", "The survey of case %1 was sent already: %2")
_NOBODY = translatable("Messages", "Case %1 has no contact to ask for a survey.")
_NOT_QUEUED = translatable("Messages", "The survey e-mail to %1 could not be queued.")
_EMPTY = translatable("Messages", "The survey e-mail needs a subject and a text in both languages.")
_UNKNOWN_CHOICE = translatable("Messages", "Unknown choice for the survey: %1.")
_UNKNOWN_FIELD = translatable("Messages", "Unknown field in the message: %1.")


@dataclass(frozen=True)
class SurveyMessage:
    """The Service settings of the survey: when to send it, and the e-mail in two languages."""

    KEY: ClassVar[str] = "survey_sending"
    after_close: str = AfterClose.ASK.value
    subject: str = DEFAULT_SUBJECT
    text: str = DEFAULT_TEXT
    subject_zh: str = DEFAULT_SUBJECT_ZH
    text_zh: str = DEFAULT_TEXT_ZH

    def after(self) -> AfterClose:
        """The stored choice (ask, when the file holds something this version does not know)."""
        try:
            return AfterClose(self.after_close)
        except ValueError:
            return AfterClose.ASK

    def template(self, chinese: bool) -> Template:
        if chinese:
            return Template(self.subject_zh, self.text_zh)
        return Template(self.subject, self.text)


def load_message(session: Session) -> SurveyMessage:
    return settings.load(session, SurveyMessage)


def save_message(session: Session, value: SurveyMessage) -> None:
    """Store the section; an unknown choice, an empty message or an unknown field is refused."""
    try:
        AfterClose(value.after_close)
    except ValueError:
        raise KnownError(_UNKNOWN_CHOICE, values=(value.after_close,)) from None
    for part in (value.subject, value.text, value.subject_zh, value.text_zh):
        if not part.strip():
            raise KnownError(_EMPTY)
        for name in FIELD.findall(part):
            if name not in FIELDS and name not in CASE_FIELDS:
                raise KnownError(_UNKNOWN_FIELD, values=(name,))
    settings.save(session, value)


# -- the plan ------------------------------------------------------------------------------------

# The channel's word in a task and a note (services cannot translate: the caller does).
CHANNEL_WORDS = {
    Channel.PHONE: translatable("SurveySending", "phone"),
    Channel.MOBILE: translatable("SurveySending", "mobile phone"),
    Channel.EMAIL: translatable("SurveySending", "e-mail"),
    Channel.WECHAT: translatable("SurveySending", "WeChat"),
    Channel.SMS: translatable("SurveySending", "SMS"),
    Channel.VISIT: translatable("SurveySending", "a visit"),
    Channel.LETTER: translatable("SurveySending", "post"),
}
_PREFERS_EMAIL = translatable("SurveySending", "prefers e-mail")
_EMAIL_ON_FILE = translatable("SurveySending", "no channel preferred; has an e-mail address")
_NO_OWNER = translatable("SurveySending", "nobody (the case has no owner)")
_TASK_NOTE = translatable("SurveySending", "Survey task for %1, due %2: ask %3 by %4 (%5, %6).")
_NOT_ASKED = translatable("SurveySending", "No survey: %1 %2.")
# The order a task's channel is looked for in when the preferred one cannot be used.
FALLBACK = (Channel.MOBILE, Channel.PHONE, Channel.WECHAT, Channel.SMS, Channel.LETTER,
            Channel.VISIT)  # fmt: skip


@dataclass(frozen=True)
class SurveyPlan:
    """How the survey of a closed case would be asked for. `channel` EMAIL: an e-mail to
    `reach`; another channel: a task for `owner` due on `due`; None: not asked (`why`)."""

    case_id: uuid.UUID
    number: str
    subject: str
    owner: str
    contact_id: uuid.UUID
    contact: str
    channel: Channel | None
    reach: str  # the e-mail address, number, WeChat id or address the channel uses ("": none)
    why: str  # why this channel, in a few words (a Text)
    due: dt.date
    chinese: bool  # the message in Chinese (the contact's name is written in Han characters)

    @property
    def by_email(self) -> bool:
        return self.channel is Channel.EMAIL


@dataclass(frozen=True)
class SurveySent:
    plan: SurveyPlan
    note_id: uuid.UUID
    message_id: uuid.UUID | None = None  # the queued e-mail
    task_id: uuid.UUID | None = None  # the owner's task
    note: str = ""  # what the thread now says


def _case(session: Session, case_id: uuid.UUID) -> ServiceCase:
    case = session.get(ServiceCase, case_id)
    if case is None or case.deleted_at is not None:
        raise KnownError(_NOT_FOUND)
    return case


def survey_note(session: Session, case_id: uuid.UUID) -> CaseNote | None:
    """The note that says the case's survey was sent (None: not yet)."""
    return session.scalars(
        select(CaseNote).where(CaseNote.case_id == case_id, CaseNote.kind == NoteKind.SURVEY,
                               CaseNote.deleted_at.is_(None))
        .order_by(CaseNote.written_at).limit(1)
    ).first()  # fmt: skip


def _contact(session: Session, case: ServiceCase) -> Contact | None:
    """The case's contact, else the account's first (in the contact list's order)."""
    if case.contact_id is not None:
        found = session.get(Contact, case.contact_id)
        if found is not None and found.deleted_at is None:
            return found
    if case.account_id is None:
        return None
    return session.scalars(
        select(Contact).where(Contact.account_id == case.account_id, Contact.deleted_at.is_(None))
        .order_by(Contact.sort_key, Contact.id).limit(1)
    ).first()  # fmt: skip


def _first(rows: list[object], attribute: str) -> str:
    live = [r for r in rows if getattr(r, "deleted_at", None) is None]
    live.sort(key=lambda r: (not getattr(r, "is_primary", False), getattr(r, "position", 0)))
    return str(getattr(live[0], attribute)) if live else ""


def _address_line(contact: Contact) -> str:
    live = sorted((a for a in contact.addresses if a.deleted_at is None and (a.street or a.city)),
                  key=lambda a: (not a.is_primary, a.position))  # fmt: skip
    if not live:
        return ""
    a = live[0]
    if is_cjk_name(a.city + a.street):  # 省市街道, written as one run
        return f"{a.region}{a.city}{a.street}"
    return ", ".join(p for p in (a.street, a.city, a.postal_code) if p)


def reach_of(contact: Contact) -> dict[Channel, str]:
    """What each channel would use for the contact (only channels it has something for)."""
    phones = [p for p in contact.phones if p.deleted_at is None]
    mobiles = [p for p in phones if p.kind == PhoneKind.MOBILE]
    found = {
        Channel.EMAIL: _first(list(contact.emails), "address"),
        Channel.MOBILE: _first(list(mobiles or phones), "number"),
        Channel.PHONE: _first(list(phones), "number"),
        Channel.SMS: _first(list(mobiles), "number"),
        Channel.WECHAT: contact.wechat.strip(),
        Channel.LETTER: _address_line(contact),
        Channel.VISIT: _address_line(contact),
    }
    return {channel: value for channel, value in found.items() if value}


def _choose(contact: Contact, out: set[str]) -> tuple[Channel | None, str]:
    """The channel and why: e-mail when preferred (or nothing is) and allowed and on file;
    else the preferred channel, else the first the contact can be reached by."""
    if ALL_CHANNELS in out:
        return None, translatable("SurveySending", "opted out of being contacted")
    reach = reach_of(contact)
    preferred = Channel(contact.preferred_channel) if contact.preferred_channel else None
    email_out = Channel.EMAIL.value in out
    if preferred in (Channel.EMAIL, None) and Channel.EMAIL in reach and not email_out:
        return Channel.EMAIL, (_PREFERS_EMAIL if preferred else _EMAIL_ON_FILE)
    if preferred is Channel.EMAIL:
        why = (translatable("SurveySending", "prefers e-mail but opted out of it") if email_out else
               translatable("SurveySending", "prefers e-mail but has no address"))  # fmt: skip
    elif preferred is not None:
        if preferred.value not in out:
            return preferred, translatable("SurveySending", "the preferred channel")
        why = translatable("SurveySending", "opted out of the preferred channel")
    else:
        why = translatable("SurveySending", "no channel preferred")
    allowed = [c for c in FALLBACK if c.value not in out]
    usable = [c for c in allowed if c in reach]
    if usable:
        return usable[0], why
    if allowed:
        return allowed[0], why
    return None, translatable("SurveySending", "opted out of every channel")


def plan_survey(session: Session, case_id: uuid.UUID, now: dt.datetime | None = None) -> SurveyPlan:
    """How the closed case's survey would go out; refused in one line for a case that is not
    closed, was surveyed already, or has nobody to ask."""
    case = _case(session, case_id)
    if case.status != CaseStatus.CLOSED:
        raise KnownError(_NOT_CLOSED, values=(case.number,))
    done = survey_note(session, case.id)
    if done is not None:
        raise KnownError(_SENT_ALREADY, values=(case.number, done.body))
    contact = _contact(session, case)
    if contact is None:
        raise KnownError(_NOBODY, values=(case.number,))
    channel, why = _choose(contact, opted_out(session, [contact.id]).get(contact.id, set()))
    levels = service_levels.load(session)
    today = service_levels.desk_today(levels, now or clock.now())
    return SurveyPlan(
        case.id, case.number, case.subject, case.owner, contact.id, contact.display_name,
        channel, reach_of(contact).get(channel, "") if channel else "", why,
        service_levels.next_working_day(levels, today), contact.is_chinese_name,
    )  # fmt: skip


# -- sending -------------------------------------------------------------------------------------

_BRACES = re.compile(r"\{\{|\}\}")


def _case_fields(text: str, plan: SurveyPlan) -> str:
    """The case's fields filled in (their values cannot start a field of their own)."""
    values = {"case_number": plan.number, "case_subject": plan.subject, "case_owner": plan.owner}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in values:
            return _BRACES.sub(lambda b: b[0][0] + " " + b[0][1], values[name])
        return match[0]

    return FIELD.sub(value, text)


Translate = Callable[[Text], str]


def send_survey(
    session: Session, case_id: uuid.UUID, *, now: dt.datetime | None = None,
    translate: Translate = str, sender: str | None = None,
) -> SurveySent:  # fmt: skip
    """Send the closed case's survey (an e-mail queued, or a task for its owner) and note it on
    the thread, in the caller's transaction. `translate` words the task and the note in the
    user's language (the command line: English)."""
    at = now or clock.now()
    plan = plan_survey(session, case_id, at)
    message_id = task_id = None
    channel = plan.channel
    if channel is Channel.EMAIL:
        chosen = load_message(session).template(plan.chinese)
        template = Template(_case_fields(chosen.subject, plan), _case_fields(chosen.text, plan))
        if sender is None:
            sender = outbox.smtp_settings(session).from_address
        before = set(session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.contact_id == plan.contact_id)))  # fmt: skip
        if outbox.queue(session, [plan.contact_id], template, sender=sender, now=at) != 1:
            raise KnownError(_NOT_QUEUED, values=(plan.contact,))
        message_id = next(iter(set(session.scalars(select(OutboxMessage.id).where(
            OutboxMessage.contact_id == plan.contact_id))) - before))  # fmt: skip
        subject = session.scalar(select(OutboxMessage.subject).where(
            OutboxMessage.id == message_id)) or ""  # fmt: skip
        note = Text(translatable("SurveySending", "Survey e-mailed to %1 <%2> (%3): %4"),
                    plan.contact, plan.reach, as_text(plan.why), subject)  # fmt: skip
    elif channel is not None:
        word = as_text(CHANNEL_WORDS[channel])
        title = Text(translatable("SurveySending", "Ask %1 for a satisfaction survey on case %2"),
                     plan.contact, plan.number)  # fmt: skip
        how = Text(translatable("SurveySending", "By %1: %2 (%3)."), word,
                   plan.reach or as_text(translatable("SurveySending", "no details on file")),
                   as_text(plan.why))  # fmt: skip
        case = _case(session, case_id)
        draft = EventDraft(
            title=translate(title), kind=EventKind.TASK, all_day=True, start_date=plan.due,
            end_date=plan.due + dt.timedelta(days=1), owner=plan.owner, description=translate(how),
            account_id=case.account_id, contact_id=plan.contact_id, case_id=case.id,
        )  # fmt: skip
        task_id, _ = save_event(session, draft)
        owner = plan.owner or as_text(_NO_OWNER)
        note = Text(_TASK_NOTE,
                    owner, plan.due.isoformat(), plan.contact, word,
                    plan.reach or as_text(translatable("SurveySending", "no details on file")),
                    as_text(plan.why))  # fmt: skip
    else:
        note = Text(_NOT_ASKED, plan.contact, as_text(plan.why))
    body = translate(note)
    note_id = add_note(session, case_id, body, kind=NoteKind.SURVEY, author=plan.owner, now=at)
    return SurveySent(plan, note_id, message_id, task_id, body)


def after_closing(session: Session) -> AfterClose:
    return load_message(session).after()


__all__ = [
    "CASE_FIELDS", "CHANNEL_WORDS", "AfterClose", "SurveyMessage", "SurveyPlan", "SurveySent",
    "after_closing", "load_message", "plan_survey", "reach_of", "save_message", "send_survey",
    "survey_note",
]  # fmt: skip
