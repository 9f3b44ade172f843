"""The domain model: SQLAlchemy 2 typed ORM entities. Importing this package registers them all."""

from crmdesk.models.activities import Activity, CalendarEvent, EventReminder
from crmdesk.models.base import Base, Entity, new_id, utcnow
from crmdesk.models.campaigns import (
    CallAttempt,
    CallList,
    CallListEntry,
    Campaign,
    CampaignMember,
    CampaignResponse,
    OptOut,
    OutboxMessage,
    Segment,
)
from crmdesk.models.changelog import ChangeLogEntry
from crmdesk.models.customers import Account, Address, Contact, Email, Phone, Tag
from crmdesk.models.leads import Lead, Quote, QuoteLine
from crmdesk.models.sales import (
    Opportunity,
    OpportunityContact,
    OpportunityLine,
    Order,
    OrderLine,
    PipelineStage,
    Product,
    StageChange,
)
from crmdesk.models.service import (
    CaseAttachment,
    CaseNote,
    SatisfactionSurvey,
    ServiceCase,
    Solution,
    SurveyItem,
    SurveyTemplate,
    SurveyTemplateItem,
)
from crmdesk.models.settings import Setting
from crmdesk.models.targets import MonthlyTarget

__all__ = [
    "Account",
    "Activity",
    "Address",
    "Base",
    "CalendarEvent",
    "CallAttempt",
    "CallList",
    "CallListEntry",
    "Campaign",
    "CampaignMember",
    "CampaignResponse",
    "CaseAttachment",
    "CaseNote",
    "ChangeLogEntry",
    "Contact",
    "Email",
    "Entity",
    "EventReminder",
    "Lead",
    "MonthlyTarget",
    "Opportunity",
    "OpportunityContact",
    "OpportunityLine",
    "OptOut",
    "Order",
    "OrderLine",
    "OutboxMessage",
    "Phone",
    "PipelineStage",
    "Product",
    "Quote",
    "QuoteLine",
    "SatisfactionSurvey",
    "Segment",
    "ServiceCase",
    "Setting",
    "Solution",
    "StageChange",
    "SurveyItem",
    "SurveyTemplate",
    "SurveyTemplateItem",
    "Tag",
    "new_id",
    "utcnow",
]
