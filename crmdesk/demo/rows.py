"""The rows the demo writes, one named tuple per table, fields in the order they are written.

Values are in SQLite's storage form (hex ids, ISO text dates and UTC times, integer minor
units, 0/1 flags). The loader adds each entity's common columns (created_at, updated_at,
deleted_at, version) and the storage form of every column default not named here. Wide rows
are built by keyword; the narrow ones written by the hundred thousand (phones, lines,
activities …) are plain tuples in their class's field order, which is cheaper to build.
"""

from __future__ import annotations

from typing import Any, NamedTuple

Id = str
OptionalId = str | None


class TagRow(NamedTuple):
    id: Id
    name: str
    color: str


class StageRow(NamedTuple):
    id: Id
    name: str
    position: int
    probability: int
    is_won: int
    is_lost: int


class ProductRow(NamedTuple):
    id: Id
    code: str
    name: str
    category: str
    unit: str
    price: int
    currency: str
    tax_rate: int
    active: int


class AccountRow(NamedTuple):
    id: Id
    name: str
    sort_key: str
    code: str
    kind: str
    industry: str
    value_tier: str
    loyalty_stage: str
    lifecycle_phase: str
    source: str
    owner: str
    website: str
    notes: str


class ContactRow(NamedTuple):
    id: Id
    account_id: OptionalId
    family_name: str
    given_name: str
    middle_name: str
    prefix: str
    suffix: str
    nickname: str
    phonetic_family_name: str
    phonetic_given_name: str
    sort_key: str
    organization: str
    title: str
    department: str
    birthday: str | None
    preferred_channel: str | None
    wechat: str
    website: str
    owner: str
    notes: str


class PhoneRow(NamedTuple):
    id: Id
    contact_id: OptionalId
    account_id: OptionalId
    position: int
    is_primary: int
    kind: str
    number: str
    e164: str


class EmailRow(NamedTuple):
    id: Id
    contact_id: OptionalId
    account_id: OptionalId
    position: int
    is_primary: int
    kind: str
    address: str
    normalized: str


class AddressRow(NamedTuple):
    id: Id
    contact_id: OptionalId
    account_id: OptionalId
    position: int
    is_primary: int
    kind: str
    street: str
    extended: str
    po_box: str
    city: str
    region: str
    postal_code: str
    country: str
    label: str


class AccountTagRow(NamedTuple):
    account_id: Id
    tag_id: Id


class ContactTagRow(NamedTuple):
    contact_id: Id
    tag_id: Id


class OpportunityRow(NamedTuple):
    id: Id
    name: str
    account_id: Id
    contact_id: OptionalId
    stage_id: Id
    amount: int
    currency: str
    probability: int | None
    expected_close: str
    closed_on: str | None
    lost_reason: str
    source: str
    owner: str
    notes: str


class OpportunityLineRow(NamedTuple):
    id: Id
    opportunity_id: Id
    product_id: Id
    position: int
    description: str
    quantity: float
    unit_price: int
    discount: int
    tax_rate: int


class StageChangeRow(NamedTuple):
    id: Id
    opportunity_id: Id
    from_stage_id: OptionalId
    to_stage_id: Id
    changed_at: str
    amount: int


class OrderRow(NamedTuple):
    id: Id
    number: str
    account_id: Id
    contact_id: OptionalId
    opportunity_id: OptionalId
    ordered_on: str
    amount: int
    currency: str
    status: str
    notes: str


class OrderLineRow(NamedTuple):
    id: Id
    order_id: Id
    product_id: Id
    position: int
    description: str
    quantity: float
    unit_price: int
    discount: int
    tax_rate: int
    amount: int


class ServiceCaseRow(NamedTuple):
    id: Id
    number: str
    kind: str
    priority: str
    status: str
    account_id: OptionalId
    contact_id: Id
    subject: str
    description: str
    owner: str
    opened_at: str
    due_at: str
    resolved_at: str | None
    resolution: str
    satisfaction: int | None
    channel: str = "phone"
    tier: str = "ordinary"
    response_due_at: str | None = None
    responded_at: str | None = None
    closed_at: str | None = None
    minutes_spent: int = 0
    first_contact: bool = False
    reopen_count: int = 0


class SolutionRow(NamedTuple):
    id: Id
    case_id: OptionalId
    title: str
    problem: str
    cause: str
    fix: str
    products: str
    published_at: str


class SurveyRow(NamedTuple):
    id: Id
    account_id: OptionalId
    contact_id: Id
    case_id: OptionalId
    surveyed_on: str
    comment: str


class SurveyItemRow(NamedTuple):
    id: Id
    survey_id: Id
    position: int
    item: str
    expected: int
    perceived: int


class ActivityRow(NamedTuple):
    id: Id
    contact_id: OptionalId
    account_id: OptionalId
    opportunity_id: OptionalId
    case_id: OptionalId
    kind: str
    occurred_at: str
    duration_minutes: int | None
    subject: str
    body: str
    outcome: str
    owner: str


class EventRow(NamedTuple):
    id: Id
    contact_id: OptionalId
    account_id: OptionalId
    opportunity_id: OptionalId
    case_id: OptionalId
    uid: str
    title: str
    description: str
    location: str
    kind: str
    status: str
    all_day: int
    starts_at: str | None
    ends_at: str | None
    start_date: str | None
    end_date: str | None
    time_zone: str
    rrule: str
    exdates: str
    rdates: str
    series_id: OptionalId
    recurrence_id: str
    attendees: str
    owner: str


class EventContactRow(NamedTuple):
    event_id: Id
    contact_id: Id


class ReminderRow(NamedTuple):
    id: Id
    event_id: Id
    minutes_before: int
    action: str


Row = tuple[Any, ...]
