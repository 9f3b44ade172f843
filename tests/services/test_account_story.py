"""An account's story against hand-counted data: revenue windows and statuses, open pipeline
first, open cases only, what is coming up (series at their next occurrence), details."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crmdesk.models import (
    CalendarEvent,
    Contact,
    Opportunity,
    Order,
    OrderLine,
    PipelineStage,
    Product,
    ServiceCase,
)
from crmdesk.models.enums import CaseStatus, EventKind, EventStatus, OrderStatus
from crmdesk.services.account_story import (
    Revenue,
    account_story,
    event_detail,
    next_occurrence,
    order_detail,
    year_before,
)
from crmdesk.services.accounts import AccountDraft, save_account

NOW = dt.datetime(2026, 6, 15, 10, 0, tzinfo=dt.UTC)
TODAY = NOW.date()


def days_ago(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


@pytest.fixture
def story_db(db):
    """星辰科技 with two contacts (and one deleted), orders in and out of the 12-month window,
    cancelled and returned orders, a euro order, and another account's order."""
    with db.transaction() as session:
        acme, _ = save_account(session, AccountDraft(name="北京星辰科技有限公司"))
        other, _ = save_account(session, AccountDraft(name="Other Ltd"))
        li = Contact(family_name="李", given_name="雷", title="采购经理", account_id=acme)
        han = Contact(family_name="韩", given_name="梅梅", account_id=acme, sort_key="han")
        gone = Contact(family_name="王", given_name="五", account_id=acme, deleted_at=NOW)
        stranger = Contact(family_name="Smith", given_name="John", account_id=other)
        li.sort_key = "li lei"
        session.add_all([li, han, gone, stranger])
        session.flush()
        orders = [
            ("A-1", days_ago(60), "100.00", OrderStatus.PAID, acme, "CNY"),
            ("A-2", days_ago(180), "50.50", OrderStatus.SHIPPED, acme, "CNY"),
            ("A-3", days_ago(5), "10.00", OrderStatus.OPEN, acme, "CNY"),
            ("A-4", TODAY - dt.timedelta(days=396), "1000.00", OrderStatus.PAID, acme, "CNY"),
            ("A-5", days_ago(30), "999.00", OrderStatus.CANCELLED, acme, "CNY"),
            ("A-6", days_ago(90), "77.00", OrderStatus.RETURNED, acme, "CNY"),
            ("A-7", days_ago(20), "20.00", OrderStatus.PAID, acme, "EUR"),
            ("B-1", days_ago(10), "5000.00", OrderStatus.PAID, other, "CNY"),
        ]
        for number, day, amount, status, account, currency in orders:
            session.add(
                Order(
                    number=number,
                    ordered_on=day,
                    amount=Decimal(amount),
                    status=status,
                    account_id=account,
                    currency=currency,
                )
            )
        lead = PipelineStage(name="Lead", position=0)
        won = PipelineStage(name="Won", position=9, is_won=True)
        session.add_all([lead, won])
        session.flush()
        session.add_all(
            [
                Opportunity(
                    name="closed deal",
                    account_id=acme,
                    stage_id=won.id,
                    amount=Decimal("300"),
                    closed_on=days_ago(40),
                ),
                Opportunity(
                    name="later deal",
                    account_id=acme,
                    stage_id=lead.id,
                    amount=Decimal("200"),
                    expected_close=TODAY + dt.timedelta(days=90),
                ),
                Opportunity(
                    name="soon deal",
                    account_id=acme,
                    stage_id=lead.id,
                    amount=Decimal("100"),
                    expected_close=TODAY + dt.timedelta(days=10),
                ),
                Opportunity(name="not ours", account_id=other, stage_id=lead.id),
            ]
        )
        for subject, status, account, contact in (
            ("printer broken", CaseStatus.IN_PROGRESS, acme, None),
            ("question", CaseStatus.NEW, None, li.id),  # filed under a contact of the account
            ("done already", CaseStatus.RESOLVED, acme, None),
            ("someone else's", CaseStatus.NEW, other, None),
        ):
            session.add(
                ServiceCase(
                    subject=subject,
                    status=status,
                    account_id=account,
                    contact_id=contact,
                    opened_at=NOW - dt.timedelta(days=3),
                )
            )
        hour = dt.timedelta(hours=1)
        session.add_all(
            [
                CalendarEvent(title="visit next week", kind=EventKind.VISIT, account_id=acme,
                              starts_at=NOW + 24 * 7 * hour, ends_at=NOW + 24 * 7 * hour + hour),
                CalendarEvent(title="call tomorrow", kind=EventKind.CALL, contact_id=han.id,
                              starts_at=NOW + 24 * hour),
                CalendarEvent(title="yesterday", account_id=acme, starts_at=NOW - 24 * hour),
                CalendarEvent(title="cancelled", account_id=acme, starts_at=NOW + 2 * hour,
                              status=EventStatus.CANCELLED),
                CalendarEvent(title="task in 3 days", kind=EventKind.TASK, account_id=acme,
                              all_day=True, start_date=TODAY + dt.timedelta(days=3),
                              end_date=TODAY + dt.timedelta(days=4)),
                # Weekly on Mondays since 1 June, 09:00 Shanghai; 15 June (today, at 01:00 UTC)
                # is over, 22 June is skipped: next is 29 June.
                CalendarEvent(title="weekly review", kind=EventKind.MEETING, account_id=acme,
                              starts_at=dt.datetime(2026, 6, 1, 1, 0, tzinfo=dt.UTC),
                              time_zone="Asia/Shanghai", rrule="FREQ=WEEKLY;COUNT=10",
                              exdates=["2026-06-22T01:00:00+00:00"]),
                CalendarEvent(title="other account", account_id=other, starts_at=NOW + hour),
            ]
        )  # fmt: skip
    return acme, other


def test_revenue_counts_12_months_and_all_time_without_cancelled_or_returned(db, story_db):
    acme, _ = story_db
    with db.reading() as session:
        story = account_story(session, acme, now=NOW)
    # CNY: 100.00 + 50.50 + 10.00 in the window; the order 13 months ago adds to all time only;
    # 999 cancelled and 77 returned count nowhere; the other account's 5000 is not ours.
    assert story.revenue == (
        Revenue("CNY", Decimal("160.50"), Decimal("1160.50")),
        Revenue("EUR", Decimal("20.00"), Decimal("20.00")),
    )
    assert all(isinstance(r.all_time, Decimal) for r in story.revenue)
    assert story.order_count == 7
    assert [o.number for o in story.orders] == ["A-3", "A-7", "A-5", "A-1", "A-6", "A-2", "A-4"]


def test_an_order_exactly_a_year_old_is_outside_the_window(db, story_db):
    acme, _ = story_db
    with db.transaction() as session:
        session.add(
            Order(number="A-8", ordered_on=year_before(TODAY), amount=Decimal(1), account_id=acme)
        )
    with db.reading() as session:
        cny = account_story(session, acme, now=NOW).revenue[0]
    assert (cny.last_12_months, cny.all_time) == (Decimal("160.50"), Decimal("1161.50"))
    assert year_before(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)


def test_contacts_opportunities_and_open_cases(db, story_db):
    acme, _ = story_db
    with db.reading() as session:
        story = account_story(session, acme, now=NOW)
    assert [c.name for c in story.contacts] == ["韩梅梅", "李雷"]
    assert story.contacts[1].title == "采购经理"
    assert [(o.name, o.stage) for o in story.opportunities] == [
        ("soon deal", "Lead"),
        ("later deal", "Lead"),
        ("closed deal", "Won"),
    ]
    assert story.opportunities[2].close_date == days_ago(40)
    assert sorted(c.subject for c in story.cases) == ["printer broken", "question"]


def test_upcoming_events_soonest_first_with_a_series_at_its_next_occurrence(db, story_db):
    acme, _ = story_db
    with db.reading() as session:
        events = account_story(session, acme, now=NOW).events
    assert [e.title for e in events] == [
        "call tomorrow",
        "task in 3 days",
        "visit next week",
        "weekly review",
    ]
    series = events[-1]
    assert series.recurring and series.starts_at == dt.datetime(2026, 6, 29, 1, 0, tzinfo=dt.UTC)
    assert events[1].day == TODAY + dt.timedelta(days=3) and events[1].starts_at is None


def test_a_series_keeps_its_local_hour_across_daylight_saving():
    first = dt.datetime(2026, 3, 23, 9, 0, tzinfo=dt.UTC)  # 09:00 in London (GMT)
    after = next_occurrence(first, "FREQ=WEEKLY", "Europe/London", [], first + dt.timedelta(1))
    assert after == dt.datetime(2026, 3, 30, 8, 0, tzinfo=dt.UTC)  # 09:00 BST


def test_order_and_event_details(db, story_db):
    acme, _ = story_db
    with db.transaction() as session:
        product = Product(code="P1", name="扫码枪")
        order = Order(number="A-9", ordered_on=TODAY, amount=Decimal("30"), account_id=acme)
        session.add_all([product, order])
        session.flush()
        session.add(
            OrderLine(order_id=order.id, product_id=product.id, quantity=Decimal(3),
                      unit_price=Decimal(10), amount=Decimal(30))
        )  # fmt: skip
        event = CalendarEvent(title="会议", attendees=[{"name": "李雷"}], starts_at=NOW)
        session.add(event)
        session.flush()
        order_id, event_id = order.id, event.id
    with db.reading() as session:
        detail = order_detail(session, order_id)
        shown = event_detail(session, event_id)
    assert detail.lines[0].description == "扫码枪" and detail.lines[0].amount == Decimal(30)
    assert shown.attendees == ("李雷",)


def test_a_vip_complaint_stands_out_in_the_story(db):
    from crmdesk.models.enums import CaseKind
    from crmdesk.services import cases
    from crmdesk.services.account_story import account_story
    from crmdesk.services.cases import CaseDraft
    from tests.services.case_data import desk

    accounts = desk(db)
    with db.transaction() as session:
        cases.save_case(session, CaseDraft(subject="漏油", kind=CaseKind.COMPLAINT,
                                           account_id=accounts["vip"]))  # fmt: skip
        cases.save_case(session, CaseDraft(subject="咨询", account_id=accounts["vip"]))
    with db.reading() as session:
        story = account_story(session, accounts["vip"])
    assert {(c.subject, c.vip_complaint) for c in story.cases} == {("漏油", True), ("咨询", False)}
