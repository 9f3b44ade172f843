"""The user's words for the domain's vocabularies (crmdesk.models.enums).

Each enum's words sit in a translation context of their own, named after the enum, so a
translator can word PhoneKind "Mobile" (a phone's kind) apart from Channel "Mobile" (how a
contact likes to be reached), and ActivityKind "Email" (a mail sent) apart from Channel's.
Members of different enums with the same value are equal strings, so the table is keyed by the
enum first and its member second; it is built once, and each word is translated when asked
for, so it follows the translator installed at the time.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from PySide6.QtCore import QCoreApplication

from crmdesk.core.texts import translatable
from crmdesk.models.enums import (
    AccountKind,
    ActivityKind,
    AddressKind,
    CallEntryStatus,
    CallOutcome,
    CampaignStatus,
    CaseKind,
    CasePriority,
    CaseStatus,
    ChangeAction,
    Channel,
    ContactRole,
    EmailKind,
    EventKind,
    EventStatus,
    Industry,
    LeadStatus,
    LeftOutReason,
    LifecyclePhase,
    LoyaltyStage,
    MemberStatus,
    OrderStatus,
    OutboxStatus,
    PhoneKind,
    QuoteStatus,
    ResponseKind,
    ResponseSource,
    ValueTier,
)

# enum -> member -> English word; translatable (lupdate: QT_TRANSLATE_NOOP) files each word
# under its enum's context.
WORDS: Mapping[type[StrEnum], Mapping[StrEnum, str]] = {
    PhoneKind: {
        PhoneKind.MOBILE: translatable("PhoneKind", "Mobile"),
        PhoneKind.WORK: translatable("PhoneKind", "Work"),
        PhoneKind.HOME: translatable("PhoneKind", "Home"),
        PhoneKind.FAX: translatable("PhoneKind", "Fax"),
        PhoneKind.PAGER: translatable("PhoneKind", "Pager"),
        PhoneKind.OTHER: translatable("PhoneKind", "Other"),
    },
    EmailKind: {
        EmailKind.WORK: translatable("EmailKind", "Work"),
        EmailKind.HOME: translatable("EmailKind", "Home"),
        EmailKind.OTHER: translatable("EmailKind", "Other"),
    },
    AddressKind: {
        AddressKind.WORK: translatable("AddressKind", "Work"),
        AddressKind.HOME: translatable("AddressKind", "Home"),
        AddressKind.POSTAL: translatable("AddressKind", "Postal"),
        AddressKind.OTHER: translatable("AddressKind", "Other"),
    },
    Channel: {
        Channel.PHONE: translatable("Channel", "Phone"),
        Channel.MOBILE: translatable("Channel", "Mobile"),
        Channel.EMAIL: translatable("Channel", "Email"),
        Channel.WECHAT: translatable("Channel", "WeChat"),
        Channel.SMS: translatable("Channel", "SMS"),
        Channel.VISIT: translatable("Channel", "Visit"),
        Channel.LETTER: translatable("Channel", "Letter"),
    },
    ValueTier: {
        ValueTier.VIP: translatable("ValueTier", "VIP"),
        ValueTier.IMPORTANT: translatable("ValueTier", "Important"),
        ValueTier.ORDINARY: translatable("ValueTier", "Ordinary"),
    },
    LoyaltyStage: {
        LoyaltyStage.PROSPECT: translatable("LoyaltyStage", "Prospect"),
        LoyaltyStage.NEW: translatable("LoyaltyStage", "New customer"),
        LoyaltyStage.REGULAR: translatable("LoyaltyStage", "Regular"),
        LoyaltyStage.LONG_STANDING: translatable("LoyaltyStage", "Long-standing"),
        LoyaltyStage.LOYAL: translatable("LoyaltyStage", "Loyal"),
    },
    LifecyclePhase: {
        LifecyclePhase.ACQUISITION: translatable("LifecyclePhase", "Acquisition"),
        LifecyclePhase.GROWTH: translatable("LifecyclePhase", "Growth"),
        LifecyclePhase.RETENTION: translatable("LifecyclePhase", "Retention"),
        LifecyclePhase.DECLINE: translatable("LifecyclePhase", "Decline"),
        LifecyclePhase.LOST: translatable("LifecyclePhase", "Lost"),
    },
    AccountKind: {
        AccountKind.ORGANISATION: translatable("AccountKind", "Organisation"),
        AccountKind.INDIVIDUAL: translatable("AccountKind", "Individual"),
    },
    ActivityKind: {
        ActivityKind.CALL: translatable("ActivityKind", "Call"),
        ActivityKind.VISIT: translatable("ActivityKind", "Visit"),
        ActivityKind.MEETING: translatable("ActivityKind", "Meeting"),
        ActivityKind.EMAIL: translatable("ActivityKind", "Email"),
        ActivityKind.MESSAGE: translatable("ActivityKind", "Message"),
        ActivityKind.NOTE: translatable("ActivityKind", "Note"),
        ActivityKind.TASK: translatable("ActivityKind", "Task"),
    },
    EventKind: {
        EventKind.VISIT: translatable("EventKind", "Visit"),
        EventKind.CALL: translatable("EventKind", "Call"),
        EventKind.MEETING: translatable("EventKind", "Meeting"),
        EventKind.TASK: translatable("EventKind", "Task"),
        EventKind.OTHER: translatable("EventKind", "Other"),
    },
    EventStatus: {
        EventStatus.TENTATIVE: translatable("EventStatus", "Tentative"),
        EventStatus.CONFIRMED: translatable("EventStatus", "Planned"),
        EventStatus.CANCELLED: translatable("EventStatus", "Cancelled"),
        EventStatus.DONE: translatable("EventStatus", "Done"),
    },
    CaseKind: {
        CaseKind.INQUIRY: translatable("CaseKind", "Inquiry"),
        CaseKind.COMPLAINT: translatable("CaseKind", "Complaint"),
        CaseKind.REPAIR: translatable("CaseKind", "Repair"),
        CaseKind.SUGGESTION: translatable("CaseKind", "Suggestion"),
    },
    CasePriority: {
        CasePriority.LOW: translatable("CasePriority", "Low"),
        CasePriority.NORMAL: translatable("CasePriority", "Normal"),
        CasePriority.HIGH: translatable("CasePriority", "High"),
        CasePriority.URGENT: translatable("CasePriority", "Urgent"),
    },
    CaseStatus: {
        CaseStatus.NEW: translatable("CaseStatus", "New"),
        CaseStatus.ASSIGNED: translatable("CaseStatus", "Assigned"),
        CaseStatus.IN_PROGRESS: translatable("CaseStatus", "In progress"),
        CaseStatus.RESOLVED: translatable("CaseStatus", "Resolved"),
        CaseStatus.CLOSED: translatable("CaseStatus", "Closed"),
        CaseStatus.REOPENED: translatable("CaseStatus", "Reopened"),
    },
    OrderStatus: {
        OrderStatus.OPEN: translatable("OrderStatus", "Open"),
        OrderStatus.PAID: translatable("OrderStatus", "Paid"),
        OrderStatus.SHIPPED: translatable("OrderStatus", "Shipped"),
        OrderStatus.CANCELLED: translatable("OrderStatus", "Cancelled"),
        OrderStatus.RETURNED: translatable("OrderStatus", "Returned"),
    },
    LeadStatus: {
        LeadStatus.NEW: translatable("LeadStatus", "New"),
        LeadStatus.CONTACTED: translatable("LeadStatus", "Contacted"),
        LeadStatus.QUALIFIED: translatable("LeadStatus", "Qualified"),
        LeadStatus.DISQUALIFIED: translatable("LeadStatus", "Disqualified"),
    },
    ContactRole: {
        ContactRole.DECISION_MAKER: translatable("ContactRole", "Decision maker"),
        ContactRole.INFLUENCER: translatable("ContactRole", "Influencer"),
        ContactRole.USER: translatable("ContactRole", "User"),
    },
    QuoteStatus: {
        QuoteStatus.DRAFT: translatable("QuoteStatus", "Draft"),
        QuoteStatus.SENT: translatable("QuoteStatus", "Sent"),
        QuoteStatus.ACCEPTED: translatable("QuoteStatus", "Accepted"),
        QuoteStatus.REJECTED: translatable("QuoteStatus", "Rejected"),
        QuoteStatus.SUPERSEDED: translatable("QuoteStatus", "Superseded"),
    },
    Industry: {
        Industry.MANUFACTURING: translatable("Industry", "Manufacturing"),
        Industry.RETAIL: translatable("Industry", "Retail"),
        Industry.IT: translatable("Industry", "IT and software"),
        Industry.HEALTHCARE: translatable("Industry", "Healthcare"),
        Industry.FINANCE: translatable("Industry", "Finance"),
        Industry.EDUCATION: translatable("Industry", "Education"),
        Industry.LOGISTICS: translatable("Industry", "Logistics"),
        Industry.ENERGY: translatable("Industry", "Energy"),
        Industry.CONSTRUCTION: translatable("Industry", "Construction"),
        Industry.AGRICULTURE: translatable("Industry", "Agriculture"),
        Industry.HOSPITALITY: translatable("Industry", "Hospitality"),
        Industry.MEDIA: translatable("Industry", "Media"),
        Industry.TELECOM: translatable("Industry", "Telecommunications"),
        Industry.PUBLIC_SECTOR: translatable("Industry", "Public sector"),
        Industry.PROFESSIONAL_SERVICES: translatable("Industry", "Professional services"),
        Industry.OTHER: translatable("Industry", "Other industry"),
    },
    ChangeAction: {
        ChangeAction.INSERT: translatable("ChangeAction", "Created"),
        ChangeAction.UPDATE: translatable("ChangeAction", "Edited"),
        ChangeAction.DELETE: translatable("ChangeAction", "Deleted"),
        ChangeAction.RESTORE: translatable("ChangeAction", "Restored"),
        ChangeAction.MERGE: translatable("ChangeAction", "Merged"),
        ChangeAction.UNMERGE: translatable("ChangeAction", "Unmerged"),
        ChangeAction.REVERT: translatable("ChangeAction", "Taken back"),
        ChangeAction.NOTE: translatable("ChangeAction", "Note"),
    },
    CampaignStatus: {
        CampaignStatus.DRAFT: translatable("CampaignStatus", "Draft"),
        CampaignStatus.RUNNING: translatable("CampaignStatus", "Running"),
        CampaignStatus.FINISHED: translatable("CampaignStatus", "Finished"),
    },
    MemberStatus: {
        MemberStatus.INCLUDED: translatable("MemberStatus", "Included"),
        MemberStatus.LEFT_OUT: translatable("MemberStatus", "Left out"),
        MemberStatus.REMOVED: translatable("MemberStatus", "Removed"),
    },
    LeftOutReason: {
        LeftOutReason.OPTED_OUT: translatable("LeftOutReason", "Opted out"),
        LeftOutReason.NO_ADDRESS: translatable("LeftOutReason", "Nothing to reach them by"),
        LeftOutReason.NO_CHANNEL: translatable("LeftOutReason", "No channel of this campaign"),
    },
    ResponseKind: {
        ResponseKind.NO_RESPONSE: translatable("ResponseKind", "No response"),
        ResponseKind.INTERESTED: translatable("ResponseKind", "Interested"),
        ResponseKind.NOT_INTERESTED: translatable("ResponseKind", "Not interested"),
        ResponseKind.BOUGHT: translatable("ResponseKind", "Bought"),
        ResponseKind.UNSUBSCRIBED: translatable("ResponseKind", "Unsubscribed"),
    },
    ResponseSource: {
        ResponseSource.MANUAL: translatable("ResponseSource", "By hand"),
        ResponseSource.CALL: translatable("ResponseSource", "From a call"),
        ResponseSource.ORDER: translatable("ResponseSource", "From an order"),
        ResponseSource.OPPORTUNITY: translatable("ResponseSource", "From an opportunity"),
    },
    OutboxStatus: {
        OutboxStatus.QUEUED: translatable("OutboxStatus", "Queued"),
        OutboxStatus.SENDING: translatable("OutboxStatus", "Sending"),
        OutboxStatus.SENT: translatable("OutboxStatus", "Sent"),
        OutboxStatus.FAILED: translatable("OutboxStatus", "Failed"),
        OutboxStatus.CANCELLED: translatable("OutboxStatus", "Cancelled"),
    },
    CallOutcome: {
        CallOutcome.REACHED: translatable("CallOutcome", "Reached"),
        CallOutcome.NO_ANSWER: translatable("CallOutcome", "No answer"),
        CallOutcome.BUSY: translatable("CallOutcome", "Busy"),
        CallOutcome.WRONG_NUMBER: translatable("CallOutcome", "Wrong number"),
        CallOutcome.CALLBACK: translatable("CallOutcome", "Call back"),
    },
    CallEntryStatus: {
        CallEntryStatus.PENDING: translatable("CallEntryStatus", "To call"),
        CallEntryStatus.CALLBACK: translatable("CallEntryStatus", "Callback booked"),
        CallEntryStatus.DONE: translatable("CallEntryStatus", "Done"),
        CallEntryStatus.GIVEN_UP: translatable("CallEntryStatus", "Given up"),
    },
}


def enum_text(value: StrEnum) -> str:
    """The user's word for a vocabulary value: PhoneKind.MOBILE -> "Mobile", translated in the
    context "PhoneKind". A value of no known vocabulary shows as its value, capitalised."""
    kind = type(value)
    word = WORDS.get(kind, {}).get(value)
    if word is None:
        return str(value).replace("_", " ").capitalize()
    return QCoreApplication.translate(kind.__name__, word)


def value_text(vocabulary: type[StrEnum], value: str | None) -> str:
    """A stored value of a vocabulary ("wechat") as the user's word; "" for none, and a value
    the vocabulary does not know as it is."""
    if not value:
        return ""
    try:
        return enum_text(vocabulary(value))
    except ValueError:
        return value


__all__ = ["WORDS", "enum_text", "value_text"]
