"""Reproducible, believable bilingual demo data, loaded fast.

`build_demo(db, size)` fills an empty database with `size` contacts and everything around them:
about size/5 accounts (70% Chinese, 30% American, British and German), three years of orders with
a Pareto skew, a year of activities, this month's and next month's calendar, a pipeline,
products, service cases and satisfaction surveys, and saved segments with campaigns, an
outbox and a call list over them. Each domain has its generator module here;
the vocabulary is package data (crmdesk/demo/data/). Value tier, loyalty stage and lifecycle
phase of each account follow analytics' rules over the order history generated for it, so
analyses agree with them.

Reproducible: every random choice comes from `random.Random` streams seeded with (seed, section),
Faker pools are seeded the same way, and the ids are UUIDv7 built from a seeded stream: the same
seed, size and reference date give the same rows, ids included. The ids' timestamps (and every
row's created_at/updated_at) are the load instant, the first moment the reference date has begun
anywhere on earth (00:00 at UTC+14), plus a counter, so the ids are time-ordered in insertion order
and sort before anything a user creates afterwards.

Fast: rows are produced as tuples already in SQLite's storage form and written through
store/bulk.py, parents before children, in chunks, with the secondary indexes dropped for the
load (see loader.py); then the full-text index is rebuilt.

Choices: pipeline stage names and industries are stored in English (one vocabulary the UI
translates); free text (titles, subjects, notes, sources) is in the language of the person or
account; product names carry both languages. All prices and orders are in CNY, so revenue can be
ranked; revenue counts orders that were not cancelled or returned. EXDATEs are ISO 8601 UTC start
times of the skipped occurrences. One contact in 200 is a second entry of a Chinese-named one
(pinyin name, same phone), the way a phone's address book and business cards meet in a CRM.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, fields

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import translatable
from crmdesk.demo import (
    accounts,
    activities,
    campaigns,
    contacts,
    events,
    leads,
    pipeline,
    rows,
    sales,
    service,
    targets,
)
from crmdesk.demo.context import DemoContext
from crmdesk.demo.duplicates import DUPLICATE_SHARE, plant_duplicates
from crmdesk.demo.loader import Loader, Progress
from crmdesk.models import (
    Account,
    Activity,
    Address,
    Base,
    CalendarEvent,
    Contact,
    Email,
    EventReminder,
    Lead,
    MonthlyTarget,
    Opportunity,
    OpportunityLine,
    Order,
    OrderLine,
    Phone,
    PipelineStage,
    Product,
    SatisfactionSurvey,
    ServiceCase,
    Solution,
    StageChange,
    SurveyItem,
    Tag,
)
from crmdesk.models.activities import event_contacts
from crmdesk.models.customers import account_tags, contact_tags
from crmdesk.services.calendar import fill_missing_spans
from crmdesk.store import fulltext
from crmdesk.store.db import Database, refresh_statistics

__all__ = ["DUPLICATE_SHARE", "DemoSummary", "build_demo"]


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote: the reference date it was built around and the rows per table."""

    reference_date: dt.date
    tags: int
    pipeline_stages: int
    products: int
    accounts: int
    contacts: int
    phones: int
    emails: int
    addresses: int
    account_tags: int
    contact_tags: int
    opportunities: int
    opportunity_lines: int
    stage_changes: int
    orders: int
    order_lines: int
    service_cases: int
    satisfaction_surveys: int
    survey_items: int
    activities: int
    calendar_events: int
    event_reminders: int
    event_contacts: int = 0
    leads: int = 0
    solutions: int = 0
    segments: int = 0
    campaigns: int = 0
    campaign_members: int = 0
    campaign_responses: int = 0
    opt_outs: int = 0
    outbox_messages: int = 0
    call_lists: int = 0
    call_list_entries: int = 0
    call_attempts: int = 0
    monthly_targets: int = 0

    def rows(self) -> dict[str, int]:
        """Rows written per table, by table name."""
        return {k: v for k, v in vars(self).items() if k != "reference_date"}


# Every table the demo fills and the row it takes, parents before children (the write order).
TABLES = (
    (Tag.__table__, rows.TagRow),
    (PipelineStage.__table__, rows.StageRow),
    (Product.__table__, rows.ProductRow),
    (Account.__table__, rows.AccountRow),
    (Contact.__table__, rows.ContactRow),
    (Phone.__table__, rows.PhoneRow),
    (Email.__table__, rows.EmailRow),
    (Address.__table__, rows.AddressRow),
    (account_tags, rows.AccountTagRow),
    (contact_tags, rows.ContactTagRow),
    (Opportunity.__table__, rows.OpportunityRow),
    (OpportunityLine.__table__, rows.OpportunityLineRow),
    (StageChange.__table__, rows.StageChangeRow),
    (Lead.__table__, leads.LeadRow),
    (Order.__table__, rows.OrderRow),
    (OrderLine.__table__, rows.OrderLineRow),
    (ServiceCase.__table__, rows.ServiceCaseRow),
    (Solution.__table__, rows.SolutionRow),
    (SatisfactionSurvey.__table__, rows.SurveyRow),
    (SurveyItem.__table__, rows.SurveyItemRow),
    (Activity.__table__, rows.ActivityRow),
    (CalendarEvent.__table__, rows.EventRow),
    (EventReminder.__table__, rows.ReminderRow),
    *((Base.metadata.tables[name], row) for name, row in campaigns.ROWS),
    (event_contacts, rows.EventContactRow),
    (MonthlyTarget.__table__, targets.TargetRow),
)
_CUSTOMER_TABLES = (Contact, Account, Product, PipelineStage, Opportunity, Order)

MAX_DEMO_SIZE = 1_000_000
"""The most demo contacts: ten times the largest book we measure; more only exhausts memory."""


@without_gc
def build_demo(
    db: Database,
    size: int,
    seed: int = 7,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an empty database with `size` demo contacts and their world, in one transaction.

    `today` is the reference date the history is built around (default: today); the same
    seed, size and reference date give identical data. Raises KnownError when the database
    already holds customers, or when `cancelled()` turns true (nothing is left behind then).
    """
    return build(
        db,
        size,
        seed,
        today or dt.date.today(),
        progress,
        cancelled,
        typed=db.engine.dialect.name != "sqlite",
    )


def build(
    db: Database,
    size: int,
    seed: int,
    today: dt.date,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    *,
    typed: bool,
) -> DemoSummary:
    """`build_demo`, with the write path chosen: `typed` takes SQLAlchemy's insert() (the
    portable path other databases use) instead of the storage-form bulk writer."""
    if size < 1:
        raise KnownError("The demo needs at least one contact.", "Give a size of 1 or more.")
    if size > MAX_DEMO_SIZE:
        raise KnownError(
            translatable("Messages", "The demo holds at most %1 contacts."),
            translatable("Messages", "Give a smaller size."),
            values=(f"{MAX_DEMO_SIZE:,}",),
        )
    with db.engine.connect() as conn, conn.begin():
        _refuse_non_empty(conn)
        cache_size = None if typed else conn.exec_driver_sql("PRAGMA cache_size").scalar()
        try:
            if cache_size is not None:
                # Room for the indexes being built; the connection's own setting comes back after.
                conn.exec_driver_sql("PRAGMA cache_size = -262144")
            loaded = [table.name for table, _row in TABLES]
            loader = Loader(conn, typed, progress, cancelled, loaded)
            counts = generate(DemoContext(size, seed, today, loader))
            loader.finish()
            plant_duplicates(conn, seed, size)
            fulltext.rebuild(conn, loader.indexing)
            fill_missing_spans(Session(conn))  # the calendar's window index, past the ORM hook
            refresh_statistics(conn)
            loader.report_done()
        finally:
            if cache_size is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
    return DemoSummary(reference_date=today, **counts)


def generate(ctx: DemoContext) -> dict[str, int]:
    """Plan the world (accounts, orders, pipeline, standing), then write it table by table;
    the rows written per table."""
    plans = accounts.plan_accounts(ctx)
    products = sales.plan_products()
    sales.plan_orders(ctx, plans)
    stages = pipeline.plan_stages()
    opportunities = pipeline.plan_opportunities(ctx, plans, products)
    sales.draw_order_lines(ctx, plans)
    accounts.assign_tiers(plans)
    ctx.loader.expected = expected_rows(ctx, plans)

    for table, row in TABLES:
        ctx.loader.open(table, row._fields)
    accounts.write_tags(ctx)
    pipeline.write_stages(ctx, stages)
    sales.write_products(ctx, products)
    ctx.loader.flush()  # begins the transaction, so the bulk load may drop the indexes now
    accounts.write_accounts(ctx, plans)
    people = contacts.write_contacts(ctx, plans)
    opp_by_contact = pipeline.write_opportunities(ctx, opportunities, stages)
    leads.write_leads(ctx, opportunities)
    sales.write_orders(ctx, plans, products)
    cases = service.write_cases(ctx, plans, people)
    activities.write_activities(ctx, people, opp_by_contact, cases)
    events.write_events(ctx, people)
    campaigns.write_campaigns(ctx)
    ctx.loader.flush(everything=True)
    targets.write_targets(ctx, Session(ctx.loader.conn))  # read from the rows just written
    ctx.loader.flush(everything=True)
    counts = ctx.loader.counts()
    return {f.name: counts[f.name] for f in fields(DemoSummary) if f.name in counts}


def expected_rows(ctx: DemoContext, plans: list[accounts.AccountPlan]) -> int:
    """About how many rows the load writes: per contact its points, tags, activities and
    events (~12.3); per account its points and tags (~3.5); per order its lines (~3.4)."""
    orders = sum(len(a.orders) + len(a.won) for a in plans)
    return int(ctx.size * 12.3 + len(plans) * 3.5 + orders * 3.4) + 1


def _refuse_non_empty(conn: Connection) -> None:
    for model in _CUSTOMER_TABLES:
        if conn.execute(select(func.count()).select_from(model.__table__)).scalar():
            raise KnownError(
                "This database already holds data; demo data only fills an empty database.",
                "Create the demo in a new database file.",
            )
