"""The fixed vocabularies of the domain, as plain string enums.

Plain Python (no SQLAlchemy) so that interop records, services and views share the same words;
the values are what the database stores, so never rename a value without a migration.
"""

from enum import StrEnum


class ValueTier(StrEnum):
    """Customer value tier, the levels of the customer pyramid."""

    VIP = "vip"
    IMPORTANT = "important"
    ORDINARY = "ordinary"


class LoyaltyStage(StrEnum):
    PROSPECT = "prospect"
    NEW = "new"
    REGULAR = "regular"
    LONG_STANDING = "long_standing"
    LOYAL = "loyal"


class LifecyclePhase(StrEnum):
    ACQUISITION = "acquisition"
    GROWTH = "growth"
    RETENTION = "retention"
    DECLINE = "decline"
    LOST = "lost"


class AccountKind(StrEnum):
    ORGANISATION = "organisation"
    INDIVIDUAL = "individual"


class PhoneKind(StrEnum):
    MOBILE = "mobile"
    WORK = "work"
    HOME = "home"
    FAX = "fax"
    PAGER = "pager"
    OTHER = "other"


class EmailKind(StrEnum):
    WORK = "work"
    HOME = "home"
    OTHER = "other"


class AddressKind(StrEnum):
    WORK = "work"
    HOME = "home"
    POSTAL = "postal"
    OTHER = "other"


class Channel(StrEnum):
    """How a contact prefers to be reached."""

    PHONE = "phone"
    MOBILE = "mobile"
    EMAIL = "email"
    WECHAT = "wechat"
    SMS = "sms"
    VISIT = "visit"
    LETTER = "letter"


class ActivityKind(StrEnum):
    CALL = "call"
    VISIT = "visit"
    MEETING = "meeting"
    EMAIL = "email"
    MESSAGE = "message"
    NOTE = "note"
    TASK = "task"


class EventKind(StrEnum):
    VISIT = "visit"
    CALL = "call"
    MEETING = "meeting"
    TASK = "task"
    OTHER = "other"


class EventStatus(StrEnum):
    TENTATIVE = "tentative"
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    DONE = "done"


class CaseKind(StrEnum):
    INQUIRY = "inquiry"
    COMPLAINT = "complaint"
    REPAIR = "repair"
    SUGGESTION = "suggestion"


class CasePriority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class CaseStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    RESOLVED = "resolved"
    CLOSED = "closed"
    REOPENED = "reopened"


class OrderStatus(StrEnum):
    OPEN = "open"
    PAID = "paid"
    SHIPPED = "shipped"
    CANCELLED = "cancelled"
    RETURNED = "returned"


class ChangeAction(StrEnum):
    """What a change-log row records."""

    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
    RESTORE = "restore"
    MERGE = "merge"
    UNMERGE = "unmerge"
    REVERT = "revert"  # this batch takes back the batch named by entity_id
    NOTE = "note"  # what the batch was, in a few facts (an import: its file and counts)


class Industry(StrEnum):
    """An account's industry, stored as a stable code (the screen shows the translated word).

    Older files hold English free text ("Manufacturing"); `industry_code` reads those as codes.
    """

    MANUFACTURING = "manufacturing"
    RETAIL = "retail"
    IT = "it"
    HEALTHCARE = "healthcare"
    FINANCE = "finance"
    EDUCATION = "education"
    LOGISTICS = "logistics"
    ENERGY = "energy"
    CONSTRUCTION = "construction"
    AGRICULTURE = "agriculture"
    HOSPITALITY = "hospitality"
    MEDIA = "media"
    TELECOM = "telecom"
    PUBLIC_SECTOR = "public_sector"
    PROFESSIONAL_SERVICES = "professional_services"
    OTHER = "other"


def industry_code(value: str) -> Industry | None:
    """The code a stored industry means: a code itself, or the English word older files hold
    ("Manufacturing", "Public sector"); None for other free text."""
    key = value.strip().lower().replace(" ", "_").replace("-", "_")
    return Industry._value2member_map_.get(key)  # type: ignore[return-value]


class LeadStatus(StrEnum):
    """Where a lead stands: new → contacted → qualified (converted) or disqualified."""

    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    DISQUALIFIED = "disqualified"


class ContactRole(StrEnum):
    """What a person is to a deal: who decides, who sways the decision, who will use it."""

    DECISION_MAKER = "decision_maker"
    INFLUENCER = "influencer"
    USER = "user"


class QuoteStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    SUPERSEDED = "superseded"


class CampaignStatus(StrEnum):
    DRAFT = "draft"
    RUNNING = "running"
    FINISHED = "finished"


class MemberStatus(StrEnum):
    """A campaign member: in the send, left out when it started (with a reason), or removed."""

    INCLUDED = "included"
    LEFT_OUT = "left_out"
    REMOVED = "removed"


class LeftOutReason(StrEnum):
    OPTED_OUT = "opted_out"  # of this channel, or of all marketing
    NO_ADDRESS = "no_address"  # nothing to reach them by on the channel
    NO_CHANNEL = "no_channel"  # their preferred channel is not one the campaign uses


class ResponseKind(StrEnum):
    NO_RESPONSE = "no_response"
    INTERESTED = "interested"
    NOT_INTERESTED = "not_interested"
    BOUGHT = "bought"
    UNSUBSCRIBED = "unsubscribed"


class ResponseSource(StrEnum):
    MANUAL = "manual"
    CALL = "call"
    ORDER = "order"
    OPPORTUNITY = "opportunity"


class OutboxStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"  # handed to the server; not yet confirmed
    SENT = "sent"
    FAILED = "failed"
    CANCELLED = "cancelled"


class CallOutcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"
    BUSY = "busy"
    WRONG_NUMBER = "wrong_number"
    CALLBACK = "callback"


class CallEntryStatus(StrEnum):
    PENDING = "pending"  # to call (again, once next_call_at has passed)
    CALLBACK = "callback"  # a callback is booked
    DONE = "done"
    GIVEN_UP = "given_up"  # no answer N times, or a wrong number
