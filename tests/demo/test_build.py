"""Demo data: proportions, reproducibility, believable bilingual content, consistent standing,
searchability, and all-or-nothing loading."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from crmdesk.core.errors import KnownError
from crmdesk.demo import build as demo
from crmdesk.demo import targets as demo_targets
from crmdesk.demo.build import DemoSummary, build_demo
from crmdesk.demo.loader import Loader
from crmdesk.models import Account, CalendarEvent, Contact, Opportunity, Order
from crmdesk.models.enums import (
    CaseKind,
    CasePriority,
    CaseStatus,
    LifecyclePhase,
    LoyaltyStage,
    ValueTier,
)
from crmdesk.models.names import COMPOUND_FAMILY_NAMES, is_cjk_name, name_sort_key
from crmdesk.services.duplicates import Reason, find_duplicates
from crmdesk.services.normalize import normalize_email, phone_e164
from crmdesk.store import fulltext
from crmdesk.store.db import Database

TODAY = dt.date(2025, 3, 12)
SIZE = 2000

# Every table the demo fills, in the order parents come before children.
TABLES = (
    "tags",
    "pipeline_stages",
    "products",
    "accounts",
    "contacts",
    "phones",
    "emails",
    "addresses",
    "account_tags",
    "contact_tags",
    "opportunities",
    "opportunity_lines",
    "stage_changes",
    "orders",
    "order_lines",
    "service_cases",
    "solutions",
    "satisfaction_surveys",
    "survey_items",
    "activities",
    "calendar_events",
    "event_reminders",
    "event_contacts",
    "leads",
    "segments",
    "campaigns",
    "campaign_members",
    "campaign_responses",
    "opt_outs",
    "outbox_messages",
    "call_lists",
    "call_list_entries",
    "call_attempts",
    "monthly_targets",
)


def open_db(path: Path) -> Database:
    return Database.open(path)


def dump(db: Database, tables: tuple[str, ...] = TABLES) -> dict[str, list[tuple]]:
    """Every stored value of every demo table, as SQLite holds it, in insertion order."""
    with db.engine.connect() as conn:
        return {t: conn.exec_driver_sql(f"SELECT * FROM {t} ORDER BY rowid").all() for t in tables}


def schema(db: Database) -> list[tuple]:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
        ).all()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, DemoSummary]]:
    """One demo of SIZE contacts, shared by the read-only tests below."""
    database = open_db(tmp_path_factory.mktemp("demo") / "demo.db")
    summary = build_demo(database, SIZE, seed=7, today=TODAY)
    yield database, summary
    database.dispose()


@pytest.fixture
def demo_db(tmp_path: Path) -> Iterator[Database]:
    database = open_db(tmp_path / "demo.db")
    yield database
    database.dispose()


def revenue_by_account(db: Database) -> dict[str, int]:
    """Integer cents of kept orders (not cancelled or returned) per account id, 0 for none."""
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT a.id, COALESCE(SUM(CASE WHEN o.status NOT IN ('cancelled', 'returned')"
            " THEN o.amount END), 0) FROM accounts a LEFT JOIN orders o ON o.account_id = a.id"
            " GROUP BY a.id"
        ).all()
    return dict(rows)


# -------------------------------------------------------------------------------------------------
# Sizes and proportions
# -------------------------------------------------------------------------------------------------


def test_counts_are_proportionate_to_the_size_and_match_the_summary(built) -> None:
    db, summary = built
    counts = {t: len(rows) for t, rows in dump(db).items()}
    assert summary.rows() == counts
    assert summary.reference_date == TODAY
    assert counts["contacts"] == SIZE
    assert counts["accounts"] == SIZE // 5
    assert counts["opportunities"] == SIZE // 10
    assert counts["service_cases"] == SIZE // 10
    assert counts["pipeline_stages"] == 6
    assert 35 <= counts["products"] <= 45
    assert 4 * SIZE <= counts["activities"] <= 6.5 * SIZE
    assert 0.8 * SIZE <= counts["calendar_events"] <= 1.4 * SIZE
    assert counts["phones"] >= SIZE and counts["emails"] >= 0.9 * SIZE
    assert counts["orders"] > counts["accounts"] * 3
    assert counts["order_lines"] > counts["orders"]
    assert counts["opportunity_lines"] >= counts["opportunities"]
    assert counts["stage_changes"] >= counts["opportunities"]
    assert counts["survey_items"] >= 4 * counts["satisfaction_surveys"] > 0


def test_a_small_demo_scales_down(demo_db: Database) -> None:
    summary = build_demo(demo_db, 12, today=TODAY)
    assert (summary.contacts, summary.accounts) == (12, 2)
    assert summary.opportunities == summary.service_cases == 1


def test_history_never_runs_past_a_weekend_reference_date(demo_db: Database) -> None:
    sunday = dt.date(2025, 3, 16)
    build_demo(demo_db, 400, today=sunday)
    with demo_db.engine.connect() as conn:
        last_order = conn.exec_driver_sql("SELECT MAX(ordered_on) FROM orders").scalar()
        cases = conn.exec_driver_sql("SELECT opened_at, resolved_at FROM service_cases").all()
    assert last_order <= str(sunday)
    assert all(opened < str(sunday + dt.timedelta(days=1)) for opened, _ in cases)
    assert all(resolved is None or resolved >= opened for opened, resolved in cases)


def test_most_contacts_work_at_an_account(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        linked = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM contacts WHERE account_id IS NOT NULL"
        ).scalar()
    assert 0.8 * SIZE <= linked <= 0.9 * SIZE


# -------------------------------------------------------------------------------------------------
# Reproducibility
# -------------------------------------------------------------------------------------------------


def test_the_same_seed_size_and_date_give_identical_rows_ids_included(tmp_path: Path) -> None:
    first, second, other = (open_db(tmp_path / f"{n}.db") for n in ("a", "b", "c"))
    try:
        build_demo(first, 300, seed=11, today=TODAY)
        build_demo(second, 300, seed=11, today=TODAY)
        build_demo(other, 300, seed=12, today=TODAY)
        rows = dump(first)
        assert rows == dump(second)
        different = dump(other)
        assert rows["contacts"] != different["contacts"]
        assert rows["orders"] != different["orders"]
        with first.engine.connect() as a, other.engine.connect() as c:
            ids = {i for (i,) in a.exec_driver_sql("SELECT id FROM contacts")}
            assert ids.isdisjoint(i for (i,) in c.exec_driver_sql("SELECT id FROM contacts"))
    finally:
        for database in (first, second, other):
            database.dispose()


def test_ids_are_time_ordered_uuid7_in_insertion_order(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        for table in ("contacts", "activities", "orders", "order_lines"):
            ids = [r[0] for r in conn.exec_driver_sql(f"SELECT id FROM {table} ORDER BY rowid")]
            assert ids == sorted(ids)
            parsed = uuid.UUID(ids[0])
            assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
        created = conn.exec_driver_sql("SELECT MIN(created_at), MAX(created_at) FROM contacts")
        low, high = created.one()
    # The load instant: when the reference date began anywhere (00:00 at UTC+14).
    assert low.startswith("2025-03-11 10:00") and high.startswith("2025-03-11 10:00")


def test_the_storage_forms_are_what_the_column_types_write(tmp_path: Path) -> None:
    """The fast path writes storage forms itself; SQLAlchemy's typed insert() must agree."""
    fast, typed = open_db(tmp_path / "fast.db"), open_db(tmp_path / "typed.db")
    try:
        build_demo(fast, 150, seed=3, today=TODAY)
        demo.build(typed, 150, 3, TODAY, None, None, typed=True)
        assert dump(fast) == dump(typed)
    finally:
        fast.dispose()
        typed.dispose()


def test_the_orm_reads_the_rows_back(built) -> None:
    db, _ = built
    with db.reading() as session:
        contact = session.scalars(
            select(Contact).where(Contact.account_id.is_not(None)).limit(1)
        ).one()
        assert isinstance(contact.id, uuid.UUID)
        assert contact.created_at.tzinfo is not None
        assert contact.account is not None and contact.phones
        order = session.scalars(select(Order).limit(1)).one()
        assert order.amount == sum(line.amount for line in order.lines)
        assert all(line.tax_rate in (6, 13) for line in order.lines)
        opportunity = session.scalars(select(Opportunity).limit(1)).one()
        assert opportunity.stage_history[-1].to_stage_id == opportunity.stage_id
        event = session.scalars(select(CalendarEvent).where(CalendarEvent.rrule != "")).first()
        assert event is not None and event.exdates and isinstance(event.attendees, list)


# -------------------------------------------------------------------------------------------------
# Believable, bilingual content
# -------------------------------------------------------------------------------------------------


def test_chinese_and_western_names_both_present_and_display_right(built) -> None:
    db, _ = built
    with db.reading() as session:
        contacts = session.scalars(select(Contact)).all()
        chinese = [c for c in contacts if c.is_chinese_name]
        western = [c for c in contacts if not c.is_chinese_name]
        assert 0.6 * SIZE <= len(chinese) <= 0.8 * SIZE
        assert len(western) >= 0.2 * SIZE
        for c in chinese:
            assert c.display_name == c.family_name + c.given_name
            assert " " not in c.display_name and 1 <= len(c.given_name) <= 2
            assert c.sort_key == name_sort_key(c.family_name, c.given_name)
        for c in western:
            assert c.display_name == f"{c.given_name} {c.family_name}"
            assert not is_cjk_name(c.display_name)
        families = Counter(c.family_name for c in chinese)
        assert {"王", "李", "张", "刘", "陈"} <= {f for f, _ in families.most_common(8)}
        assert any(f in COMPOUND_FAMILY_NAMES for f in families)
        # Titles in the person's language at Chinese and at Western accounts.
        assert any(c.title == "采购经理" for c in chinese)
        assert any(c.department == "Procurement" for c in western)


def test_phones_and_emails_are_normalised_as_the_services_would(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        phones = conn.exec_driver_sql("SELECT number, e164 FROM phones").all()
        emails = conn.exec_driver_sql("SELECT address, normalized FROM emails").all()
        chinese_mobiles = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM phones WHERE kind = 'mobile' AND e164 LIKE '+861%'"
        ).scalar()
    assert all(phone_e164(number) == e164 != "" for number, e164 in phones)
    shared = len(phones) - len({e164 for _, e164 in phones})
    assert shared == SIZE // demo.DUPLICATE_SHARE  # only the planted second entries
    assert all(normalize_email(address) == normalized for address, normalized in emails)
    assert len({a for a, _ in emails}) == len(emails)
    assert chinese_mobiles > SIZE / 2
    assert any(a.startswith("zhang.") for a, _ in emails)


def test_addresses_have_their_parts_in_china_and_abroad(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT street, city, region, postal_code, country FROM addresses"
        ).all()
    countries = Counter(r[4] for r in rows)
    assert countries["中国"] > len(rows) / 2
    assert {"United States", "United Kingdom", "Germany"} <= set(countries)
    for street, city, region, postal, country in rows:
        assert street and city and region and postal
        if country == "中国":
            assert len(postal) == 6 and postal.isdigit() and street.endswith("号")


def test_accounts_span_industries_owners_tags_and_codes(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        accounts = conn.exec_driver_sql("SELECT code, industry, owner, kind FROM accounts").all()
        tags = dict(
            conn.exec_driver_sql(
                "SELECT t.name, COUNT(*) FROM tags t JOIN account_tags l ON l.tag_id = t.id"
                " GROUP BY t.name"
            ).all()
        )
    assert len({code for code, *_ in accounts}) == len(accounts)
    assert all(code.startswith("C") and len(code) == 7 for code, *_ in accounts)
    assert len({industry for _, industry, _, _ in accounts if industry}) >= 7
    assert len({owner for _, _, owner, _ in accounts}) == 6
    assert {kind for *_, kind in accounts} == {"organisation", "individual"}
    assert {"重点客户", "华东", "Overseas"} <= set(tags)


def test_activities_cover_a_year_and_the_calendar_this_month_and_next(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        first, last, kinds = conn.exec_driver_sql(
            "SELECT MIN(occurred_at), MAX(occurred_at), COUNT(DISTINCT kind) FROM activities"
        ).one()
        events = conn.exec_driver_sql(
            "SELECT COALESCE(start_date, substr(starts_at, 1, 10)), all_day, rrule, exdates"
            " FROM calendar_events"
        ).all()
        reminders = conn.exec_driver_sql("SELECT COUNT(*) FROM event_reminders").scalar()
    assert first[:10] <= str(TODAY - dt.timedelta(days=360))
    assert str(TODAY + dt.timedelta(days=14)) <= last[:10] <= str(TODAY + dt.timedelta(days=23))
    assert kinds >= 6
    starts = [row[0] for row in events]
    assert min(starts) >= "2025-02-28" and max(starts) <= "2025-04-30"  # UTC of local dates
    assert sum(1 for s in starts if s.startswith("2025-03")) > len(starts) / 3
    assert any(all_day for _, all_day, _, _ in events)
    recurring = [(rule, ex) for _, _, rule, ex in events if rule]
    assert recurring and all("FREQ=WEEKLY" in rule and ex != "[]" for rule, ex in recurring)
    assert reminders > 0


def test_each_event_links_its_contact_and_some_a_colleague_too(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        unlinked = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM calendar_events e WHERE e.contact_id IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM event_contacts l WHERE l.event_id = e.id"
            " AND l.contact_id = e.contact_id)"
        ).scalar()
        pairs = conn.exec_driver_sql(
            "SELECT e.kind, c.account_id = e.account_id FROM event_contacts l"
            " JOIN calendar_events e ON e.id = l.event_id JOIN contacts c ON c.id = l.contact_id"
            " WHERE l.contact_id != e.contact_id"
        ).all()
    assert unlinked == 0
    assert len(pairs) > SIZE / 20
    assert {kind for kind, _ in pairs} == {"meeting", "visit"}
    assert all(same for _, same in pairs)  # a colleague at the same account


def test_pipeline_stages_and_opportunities(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        stages = conn.exec_driver_sql(
            "SELECT name, probability, is_won, is_lost FROM pipeline_stages ORDER BY position"
        ).all()
        per_stage = dict(
            conn.exec_driver_sql(
                "SELECT s.name, COUNT(*) FROM opportunities o"
                " JOIN pipeline_stages s ON s.id = o.stage_id GROUP BY s.name"
            ).all()
        )
        won_orders = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM orders WHERE opportunity_id IS NOT NULL"
        ).scalar()
    assert [(n, p // 10_000, w, lost) for n, p, w, lost in stages] == [
        ("Qualification", 10, 0, 0),
        ("Needs analysis", 20, 0, 0),
        ("Proposal", 50, 0, 0),
        ("Negotiation", 75, 0, 0),
        ("Won", 100, 1, 0),
        ("Lost", 0, 0, 1),
    ]
    assert set(per_stage) == {n for n, *_ in stages}
    assert won_orders == per_stage["Won"]


def test_products_have_categories_in_both_languages_and_segments_find_their_buyers(
    built,
) -> None:
    from crmdesk.services import products, segments
    from crmdesk.services.segments import Group, Rule

    db, _ = built
    with db.reading() as session:
        rows = products.products(session)
        used = products.categories(session)
        scanners = [r.code for r in rows if r.category == "条码扫描 / Barcode scanners"]
        buyers = segments.count(session, Group("all", (
            Rule("bought", {"category": "条码扫描 / Barcode scanners"}),)), TODAY)  # fmt: skip
    assert all(r.category for r in rows)
    assert len(used) == 9 and "软件 / Software" in used
    for category in used:
        chinese, english = category.split(" / ")
        assert is_cjk_name(chinese) and english.isascii(), category
    assert scanners == ["P1011", "P1012", "P1013"]
    assert 0 < buyers < SIZE


def test_service_cases_of_every_kind_priority_and_status(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        cases = conn.exec_driver_sql(
            "SELECT kind, priority, status, satisfaction, resolved_at FROM service_cases"
        ).all()
        items = conn.exec_driver_sql("SELECT expected, perceived FROM survey_items").all()
    assert {c[0] for c in cases} == set(CaseKind)
    assert {c[1] for c in cases} == set(CasePriority)
    assert {c[2] for c in cases} == set(CaseStatus)
    for _, _, status, satisfaction, resolved_at in cases:
        done = status in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
        assert (resolved_at is not None) == done
        assert satisfaction is None or (done and 1 <= satisfaction <= 5)
    assert any(satisfaction for *_, satisfaction, _ in cases)
    assert all(1 <= e <= 5 and 1 <= p <= 5 for e, p in items)


# -------------------------------------------------------------------------------------------------
# Value, loyalty and lifecycle agree with the order history
# -------------------------------------------------------------------------------------------------


def test_the_top_fifth_of_accounts_bring_most_of_the_revenue(built) -> None:
    db, _ = built
    revenue = sorted(revenue_by_account(db).values(), reverse=True)
    top = round(len(revenue) * 0.2)
    share = sum(revenue[:top]) / sum(revenue)
    assert 0.6 <= share <= 0.9


def test_value_tiers_follow_the_revenue_ranking(built) -> None:
    db, _ = built
    revenue = revenue_by_account(db)
    with db.engine.connect() as conn:
        tiers = dict(conn.exec_driver_sql("SELECT id, value_tier FROM accounts").all())
    by_tier: dict[str, list[int]] = defaultdict(list)
    for account_id, tier in tiers.items():
        by_tier[tier].append(revenue[account_id])
    assert min(by_tier[ValueTier.VIP]) >= max(by_tier[ValueTier.IMPORTANT])
    assert min(by_tier[ValueTier.IMPORTANT]) >= max(by_tier[ValueTier.ORDINARY])
    top = len(by_tier[ValueTier.VIP]) + len(by_tier[ValueTier.IMPORTANT])
    assert top == round(len(tiers) * 0.2)


def test_loyalty_and_lifecycle_follow_purchase_years_and_recency(built) -> None:
    db, _ = built
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT a.loyalty_stage, a.lifecycle_phase, MIN(o.ordered_on), MAX(o.ordered_on)"
            " FROM accounts a LEFT JOIN orders o ON o.account_id = a.id GROUP BY a.id"
        ).all()
    seen = Counter()
    for loyalty, lifecycle, first, last in rows:
        seen[loyalty] += 1
        seen[lifecycle] += 1
        if first is None:
            assert (loyalty, lifecycle) == (LoyaltyStage.PROSPECT, LifecyclePhase.ACQUISITION)
            continue
        tenure = (TODAY - dt.date.fromisoformat(first)).days
        recency = (TODAY - dt.date.fromisoformat(last)).days
        assert loyalty != LoyaltyStage.PROSPECT
        assert (loyalty == LoyaltyStage.NEW) == (tenure < 365.25)
        if loyalty == LoyaltyStage.LOYAL:
            assert tenure >= 2.5 * 365
        assert (lifecycle == LifecyclePhase.LOST) == (recency > 365)
        if lifecycle in (LifecyclePhase.GROWTH, LifecyclePhase.RETENTION):
            assert recency <= 180
    assert all(seen[stage] for stage in LoyaltyStage)
    assert all(seen[phase] for phase in LifecyclePhase)


# -------------------------------------------------------------------------------------------------
# Search, refusal, cancel, progress
# -------------------------------------------------------------------------------------------------


def test_full_text_search_finds_a_zhang_by_pinyin(built) -> None:
    db, _ = built
    with db.reading() as session:
        zhang = session.scalars(
            select(Contact).where(Contact.family_name == "张").order_by(Contact.id).limit(1)
        ).one()
        full = zhang.sort_key.replace(" ", "")  # e.g. zhangwei
        initials = "z" + "".join(s[0] for s in zhang.sort_key.split()[1:])
        for query in (full, f"zhang {zhang.given_name}", initials):
            match = fulltext.match_expression(query)
            refs = set(
                session.execute(
                    text(fulltext.matching_ids_sql(fulltext.CONTACT)), {"match": match}
                ).scalars()
            )
            assert zhang.id.hex in refs, query
        account = session.scalars(select(Account).where(Account.kind == "organisation")).first()
        assert account is not None
        match = fulltext.match_expression(account.name)
        refs = set(
            session.execute(
                text(fulltext.matching_ids_sql(fulltext.ACCOUNT)), {"match": match}
            ).scalars()
        )
        assert account.id.hex in refs


def test_a_database_with_customers_is_refused(built) -> None:
    db, _ = built
    before = dump(db, ("contacts", "accounts"))
    with pytest.raises(KnownError, match="empty database"):
        build_demo(db, 10, today=TODAY)
    assert dump(db, ("contacts", "accounts")) == before


def test_cancelling_leaves_the_database_as_it_was(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shape = schema(demo_db)
    started = []
    start_bulk_load = Loader._start_bulk_load

    def spy(loader: Loader) -> None:
        start_bulk_load(loader)
        started.append(len(loader.indexes))

    monkeypatch.setattr(Loader, "_start_bulk_load", spy)
    # Cancel once rows are written and the indexes dropped.
    with pytest.raises(KnownError, match="cancelled"):
        build_demo(demo_db, 1500, today=TODAY, cancelled=lambda: bool(started))
    assert started and started[0] > 10
    assert all(not rows for rows in dump(demo_db).values())
    assert schema(demo_db) == shape
    # And the database still takes a demo afterwards.
    assert build_demo(demo_db, 50, today=TODAY).contacts == 50


def test_progress_rises_to_its_total(demo_db: Database) -> None:
    reports: list[tuple[int, int]] = []
    build_demo(
        demo_db, 500, today=TODAY, progress=lambda done, total: reports.append((done, total))
    )
    assert len(reports) >= 3
    dones = [done for done, _ in reports]
    assert dones == sorted(dones)
    assert all(0 <= done <= total for done, total in reports)
    assert reports[-1][0] == reports[-1][1]


def test_a_size_below_one_is_refused(demo_db: Database) -> None:
    with pytest.raises(KnownError):
        build_demo(demo_db, 0)


def test_one_contact_in_200_is_a_pinyin_copy_the_duplicate_scan_finds(built) -> None:
    database, _summary = built
    with database.reading() as session:
        groups = find_duplicates(session)
    planted = [g for g in groups if {Reason.PHONE, Reason.NAME} <= set(g.reasons)]
    assert len(planted) >= SIZE // 200
    names = [m.name for m in planted[0].members]
    assert any(n.isascii() for n in names) and any(not n.isascii() for n in names)


def test_leads_some_converted_into_the_demo_deals(built) -> None:
    db, summary = built
    with db.engine.connect() as conn:
        statuses = dict(
            conn.exec_driver_sql("SELECT status, COUNT(*) FROM leads GROUP BY status").all()
        )
        dangling = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM leads l LEFT JOIN opportunities o"
            " ON o.id = l.converted_opportunity_id"
            " WHERE l.converted_opportunity_id IS NOT NULL AND o.id IS NULL"
        ).scalar()
        overridden = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM opportunities WHERE probability IS NOT NULL"
        ).scalar()
    assert summary.leads == sum(statuses.values()) > 0
    assert set(statuses) <= {"new", "contacted", "qualified", "disqualified"}
    assert statuses.get("qualified", 0) > 0 and dangling == 0
    assert overridden == 0  # the demo's deals count with their stage's probability


def test_a_demo_beyond_the_documented_maximum_is_refused_before_any_work(db):
    from crmdesk.core.errors import KnownError
    from crmdesk.demo.build import MAX_DEMO_SIZE, build_demo

    with pytest.raises(KnownError, match="at most"):
        build_demo(db, MAX_DEMO_SIZE + 1)


def test_every_account_manager_has_targets_for_twelve_months_about_half_met(built) -> None:
    from crmdesk.analytics.targets import month_label, months_back, scorecards
    from crmdesk.services import today

    db, _ = built
    months = months_back(month_label(TODAY), 12)
    with db.reading() as session:
        cards = scorecards(session, months, list(demo_targets.WEIGHTS))
        owners = set(today.owners(session))
    assert owners <= {c.owner for c in cards}  # service colleagues too (cases, calls)
    assert {c.month for c in cards} == set(months)
    past = [i for c in cards if c.month != months[-1] for i in c.indicators]
    assert 0.25 <= sum(i.met for i in past) / len(past) <= 0.75
    assert all(i.weight == demo_targets.WEIGHTS[i.indicator] for i in past)
