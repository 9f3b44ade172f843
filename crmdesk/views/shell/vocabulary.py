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

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from crmdesk.models.enums import (
    AccountKind,
    ActivityKind,
    AddressKind,
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
    LifecyclePhase,
    LoyaltyStage,
    OrderStatus,
    PhoneKind,
    QuoteStatus,
    ValueTier,
)

# enum -> member -> English word; QT_TRANSLATE_NOOP files each word under its enum's context.
WORDS: Mapping[type[StrEnum], Mapping[StrEnum, str]] = {
    PhoneKind: {
        PhoneKind.MOBILE: QT_TRANSLATE_NOOP("PhoneKind", "Mobile"),
        PhoneKind.WORK: QT_TRANSLATE_NOOP("PhoneKind", "Work"),
        PhoneKind.HOME: QT_TRANSLATE_NOOP("PhoneKind", "Home"),
        PhoneKind.FAX: QT_TRANSLATE_NOOP("PhoneKind", "Fax"),
        PhoneKind.PAGER: QT_TRANSLATE_NOOP("PhoneKind", "Pager"),
        PhoneKind.OTHER: QT_TRANSLATE_NOOP("PhoneKind", "Other"),
    },
    EmailKind: {
        EmailKind.WORK: QT_TRANSLATE_NOOP("EmailKind", "Work"),
        EmailKind.HOME: QT_TRANSLATE_NOOP("EmailKind", "Home"),
        EmailKind.OTHER: QT_TRANSLATE_NOOP("EmailKind", "Other"),
    },
    AddressKind: {
        AddressKind.WORK: QT_TRANSLATE_NOOP("AddressKind", "Work"),
        AddressKind.HOME: QT_TRANSLATE_NOOP("AddressKind", "Home"),
        AddressKind.POSTAL: QT_TRANSLATE_NOOP("AddressKind", "Postal"),
        AddressKind.OTHER: QT_TRANSLATE_NOOP("AddressKind", "Other"),
    },
    Channel: {
        Channel.PHONE: QT_TRANSLATE_NOOP("Channel", "Phone"),
        Channel.MOBILE: QT_TRANSLATE_NOOP("Channel", "Mobile"),
        Channel.EMAIL: QT_TRANSLATE_NOOP("Channel", "Email"),
        Channel.WECHAT: QT_TRANSLATE_NOOP("Channel", "WeChat"),
        Channel.SMS: QT_TRANSLATE_NOOP("Channel", "SMS"),
        Channel.VISIT: QT_TRANSLATE_NOOP("Channel", "Visit"),
        Channel.LETTER: QT_TRANSLATE_NOOP("Channel", "Letter"),
    },
    ValueTier: {
        ValueTier.VIP: QT_TRANSLATE_NOOP("ValueTier", "VIP"),
        ValueTier.IMPORTANT: QT_TRANSLATE_NOOP("ValueTier", "Important"),
        ValueTier.ORDINARY: QT_TRANSLATE_NOOP("ValueTier", "Ordinary"),
    },
    LoyaltyStage: {
        LoyaltyStage.PROSPECT: QT_TRANSLATE_NOOP("LoyaltyStage", "Prospect"),
        LoyaltyStage.NEW: QT_TRANSLATE_NOOP("LoyaltyStage", "New customer"),
        LoyaltyStage.REGULAR: QT_TRANSLATE_NOOP("LoyaltyStage", "Regular"),
        LoyaltyStage.LONG_STANDING: QT_TRANSLATE_NOOP("LoyaltyStage", "Long-standing"),
        LoyaltyStage.LOYAL: QT_TRANSLATE_NOOP("LoyaltyStage", "Loyal"),
    },
    LifecyclePhase: {
        LifecyclePhase.ACQUISITION: QT_TRANSLATE_NOOP("LifecyclePhase", "Acquisition"),
        LifecyclePhase.GROWTH: QT_TRANSLATE_NOOP("LifecyclePhase", "Growth"),
        LifecyclePhase.RETENTION: QT_TRANSLATE_NOOP("LifecyclePhase", "Retention"),
        LifecyclePhase.DECLINE: QT_TRANSLATE_NOOP("LifecyclePhase", "Decline"),
        LifecyclePhase.LOST: QT_TRANSLATE_NOOP("LifecyclePhase", "Lost"),
    },
    AccountKind: {
        AccountKind.ORGANISATION: QT_TRANSLATE_NOOP("AccountKind", "Organisation"),
        AccountKind.INDIVIDUAL: QT_TRANSLATE_NOOP("AccountKind", "Individual"),
    },
    ActivityKind: {
        ActivityKind.CALL: QT_TRANSLATE_NOOP("ActivityKind", "Call"),
        ActivityKind.VISIT: QT_TRANSLATE_NOOP("ActivityKind", "Visit"),
        ActivityKind.MEETING: QT_TRANSLATE_NOOP("ActivityKind", "Meeting"),
        ActivityKind.EMAIL: QT_TRANSLATE_NOOP("ActivityKind", "Email"),
        ActivityKind.MESSAGE: QT_TRANSLATE_NOOP("ActivityKind", "Message"),
        ActivityKind.NOTE: QT_TRANSLATE_NOOP("ActivityKind", "Note"),
        ActivityKind.TASK: QT_TRANSLATE_NOOP("ActivityKind", "Task"),
    },
    EventKind: {
        EventKind.VISIT: QT_TRANSLATE_NOOP("EventKind", "Visit"),
        EventKind.CALL: QT_TRANSLATE_NOOP("EventKind", "Call"),
        EventKind.MEETING: QT_TRANSLATE_NOOP("EventKind", "Meeting"),
        EventKind.TASK: QT_TRANSLATE_NOOP("EventKind", "Task"),
        EventKind.OTHER: QT_TRANSLATE_NOOP("EventKind", "Other"),
    },
    EventStatus: {
        EventStatus.TENTATIVE: QT_TRANSLATE_NOOP("EventStatus", "Tentative"),
        EventStatus.CONFIRMED: QT_TRANSLATE_NOOP("EventStatus", "Planned"),
        EventStatus.CANCELLED: QT_TRANSLATE_NOOP("EventStatus", "Cancelled"),
        EventStatus.DONE: QT_TRANSLATE_NOOP("EventStatus", "Done"),
    },
    CaseKind: {
        CaseKind.INQUIRY: QT_TRANSLATE_NOOP("CaseKind", "Inquiry"),
        CaseKind.COMPLAINT: QT_TRANSLATE_NOOP("CaseKind", "Complaint"),
        CaseKind.REPAIR: QT_TRANSLATE_NOOP("CaseKind", "Repair"),
        CaseKind.SUGGESTION: QT_TRANSLATE_NOOP("CaseKind", "Suggestion"),
    },
    CasePriority: {
        CasePriority.LOW: QT_TRANSLATE_NOOP("CasePriority", "Low"),
        CasePriority.NORMAL: QT_TRANSLATE_NOOP("CasePriority", "Normal"),
        CasePriority.HIGH: QT_TRANSLATE_NOOP("CasePriority", "High"),
        CasePriority.URGENT: QT_TRANSLATE_NOOP("CasePriority", "Urgent"),
    },
    CaseStatus: {
        CaseStatus.NEW: QT_TRANSLATE_NOOP("CaseStatus", "New"),
        CaseStatus.ASSIGNED: QT_TRANSLATE_NOOP("CaseStatus", "Assigned"),
        CaseStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("CaseStatus", "In progress"),
        CaseStatus.RESOLVED: QT_TRANSLATE_NOOP("CaseStatus", "Resolved"),
        CaseStatus.CLOSED: QT_TRANSLATE_NOOP("CaseStatus", "Closed"),
        CaseStatus.REOPENED: QT_TRANSLATE_NOOP("CaseStatus", "Reopened"),
    },
    OrderStatus: {
        OrderStatus.OPEN: QT_TRANSLATE_NOOP("OrderStatus", "Open"),
        OrderStatus.PAID: QT_TRANSLATE_NOOP("OrderStatus", "Paid"),
        OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("OrderStatus", "Shipped"),
        OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("OrderStatus", "Cancelled"),
        OrderStatus.RETURNED: QT_TRANSLATE_NOOP("OrderStatus", "Returned"),
    },
    LeadStatus: {
        LeadStatus.NEW: QT_TRANSLATE_NOOP("LeadStatus", "New"),
        LeadStatus.CONTACTED: QT_TRANSLATE_NOOP("LeadStatus", "Contacted"),
        LeadStatus.QUALIFIED: QT_TRANSLATE_NOOP("LeadStatus", "Qualified"),
        LeadStatus.DISQUALIFIED: QT_TRANSLATE_NOOP("LeadStatus", "Disqualified"),
    },
    ContactRole: {
        ContactRole.DECISION_MAKER: QT_TRANSLATE_NOOP("ContactRole", "Decision maker"),
        ContactRole.INFLUENCER: QT_TRANSLATE_NOOP("ContactRole", "Influencer"),
        ContactRole.USER: QT_TRANSLATE_NOOP("ContactRole", "User"),
    },
    QuoteStatus: {
        QuoteStatus.DRAFT: QT_TRANSLATE_NOOP("QuoteStatus", "Draft"),
        QuoteStatus.SENT: QT_TRANSLATE_NOOP("QuoteStatus", "Sent"),
        QuoteStatus.ACCEPTED: QT_TRANSLATE_NOOP("QuoteStatus", "Accepted"),
        QuoteStatus.REJECTED: QT_TRANSLATE_NOOP("QuoteStatus", "Rejected"),
        QuoteStatus.SUPERSEDED: QT_TRANSLATE_NOOP("QuoteStatus", "Superseded"),
    },
    Industry: {
        Industry.MANUFACTURING: QT_TRANSLATE_NOOP("Industry", "Manufacturing"),
        Industry.RETAIL: QT_TRANSLATE_NOOP("Industry", "Retail"),
        Industry.IT: QT_TRANSLATE_NOOP("Industry", "IT and software"),
        Industry.HEALTHCARE: QT_TRANSLATE_NOOP("Industry", "Healthcare"),
        Industry.FINANCE: QT_TRANSLATE_NOOP("Industry", "Finance"),
        Industry.EDUCATION: QT_TRANSLATE_NOOP("Industry", "Education"),
        Industry.LOGISTICS: QT_TRANSLATE_NOOP("Industry", "Logistics"),
        Industry.ENERGY: QT_TRANSLATE_NOOP("Industry", "Energy"),
        Industry.CONSTRUCTION: QT_TRANSLATE_NOOP("Industry", "Construction"),
        Industry.AGRICULTURE: QT_TRANSLATE_NOOP("Industry", "Agriculture"),
        Industry.HOSPITALITY: QT_TRANSLATE_NOOP("Industry", "Hospitality"),
        Industry.MEDIA: QT_TRANSLATE_NOOP("Industry", "Media"),
        Industry.TELECOM: QT_TRANSLATE_NOOP("Industry", "Telecommunications"),
        Industry.PUBLIC_SECTOR: QT_TRANSLATE_NOOP("Industry", "Public sector"),
        Industry.PROFESSIONAL_SERVICES: QT_TRANSLATE_NOOP("Industry", "Professional services"),
        Industry.OTHER: QT_TRANSLATE_NOOP("Industry", "Other industry"),
    },
    ChangeAction: {
        ChangeAction.INSERT: QT_TRANSLATE_NOOP("ChangeAction", "Created"),
        ChangeAction.UPDATE: QT_TRANSLATE_NOOP("ChangeAction", "Edited"),
        ChangeAction.DELETE: QT_TRANSLATE_NOOP("ChangeAction", "Deleted"),
        ChangeAction.RESTORE: QT_TRANSLATE_NOOP("ChangeAction", "Restored"),
        ChangeAction.MERGE: QT_TRANSLATE_NOOP("ChangeAction", "Merged"),
        ChangeAction.UNMERGE: QT_TRANSLATE_NOOP("ChangeAction", "Unmerged"),
        ChangeAction.REVERT: QT_TRANSLATE_NOOP("ChangeAction", "Taken back"),
        ChangeAction.NOTE: QT_TRANSLATE_NOOP("ChangeAction", "Note"),
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
