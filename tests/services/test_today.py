"""The Today page of one account manager on a hand-made morning."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from lunar_python import Solar

from crmdesk.models import Account, CalendarEvent, Contact, Opportunity, ServiceCase
from crmdesk.models.enums import CaseStatus, Channel, EventKind, EventStatus
from crmdesk.services import insights, targets, today
from crmdesk.services.calendar import fill_missing_spans
from crmdesk.services.targets import TargetDraft
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers
from tests.pipeline_data import stage_ids

ZONE = ZoneInfo("Asia/Shanghai")
UTC = dt.UTC


def _local(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=ZONE).astimezone(UTC)


def _lunar(day: dt.date) -> str:
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    return f"{abs(lunar.getMonth()):02d}-{lunar.getDay():02d}"


def _morning(db: Database) -> dict[str, object]:
    stages = stage_ids(db)
    ids = customers(db, {
        "Quiet Co": [("2026-04-06", "1"), ("2026-04-16", "1"), ("2026-04-26", "1"),
                     ("2026-06-05", "1")],
    }, owner="Li")  # fmt: skip
    y = AS_OF - dt.timedelta(days=1)
    with db.transaction() as session:
        acme = Account(name="Acme", sort_key="acme", owner="Li")
        session.add(acme)
        session.flush()
        wei = Contact(family_name="张", given_name="伟", sort_key="zhang wei", owner="Li",
                      account_id=acme.id, preferred_channel=Channel.WECHAT,
                      birthday=dt.date(1980, 7, 3))  # fmt: skip
        far = Contact(family_name="Far", given_name="Away", owner="Li",
                      birthday=dt.date(1980, 7, 10))  # fmt: skip
        moon = Contact(family_name="月", given_name="明", owner="Li",
                       lunar_birthday=_lunar(AS_OF + dt.timedelta(days=2)))  # fmt: skip
        session.add_all([wei, far, moon])
        session.flush()

        def event(title: str, kind: EventKind, start: dt.datetime, **kw: object) -> None:
            session.add(CalendarEvent(title=title, kind=kind, starts_at=start,
                                      ends_at=start + dt.timedelta(minutes=30),
                                      time_zone="Asia/Shanghai", owner=kw.pop("owner", "Li"),
                                      **kw))  # fmt: skip

        event("Send the quote", EventKind.TASK, _local(AS_OF, 17), assigned_by="Wang",
              contact_id=wei.id, account_id=acme.id)  # fmt: skip
        event("Chase payment", EventKind.TASK, _local(y, 9), account_id=acme.id)
        event("Done already", EventKind.TASK, _local(y, 9), status=EventStatus.DONE)
        event("Not mine", EventKind.TASK, _local(AS_OF, 9), owner="Wang")
        event("Visit Acme", EventKind.VISIT, _local(AS_OF, 10), account_id=acme.id)
        event("Team meeting", EventKind.MEETING, _local(AS_OF, 11))
        event("Call tomorrow", EventKind.CALL, _local(AS_OF + dt.timedelta(days=1), 10))
        session.flush()
        fill_missing_spans(session)
        session.add_all([
            Opportunity(name="June deal", stage_id=stages["Proposal"], owner="Li",
                        amount=Decimal(5000), expected_close=dt.date(2026, 6, 15),
                        account_id=acme.id, contact_id=wei.id),
            Opportunity(name="July deal", stage_id=stages["Proposal"], owner="Li",
                        expected_close=dt.date(2026, 7, 1)),
            ServiceCase(number="C-1", subject="Broken pump", owner="Li", account_id=acme.id,
                        status=CaseStatus.IN_PROGRESS, opened_at=_local(y, 8),
                        due_at=_local(y, 18)),
            ServiceCase(number="C-2", subject="Fixed", owner="Li", status=CaseStatus.RESOLVED,
                        opened_at=_local(y, 8), due_at=_local(y, 18)),
            # past its response target, escalated, but not yet past its resolution target
            ServiceCase(number="C-3", subject="No answer yet", owner="Li", account_id=acme.id,
                        status=CaseStatus.NEW, opened_at=_local(y, 8), escalated=True,
                        escalated_at=_local(y, 12),
                        due_at=_local(AS_OF + dt.timedelta(days=3), 18)),
        ])  # fmt: skip
        found = {"acme": acme.id, "wei": wei.id}
        insights.store_scores(session, AS_OF)
        targets.set_targets(session, [TargetDraft("Li", "2026-06", "visits_made", Decimal(1),
                                                  Decimal(1))])  # fmt: skip
    return {**found, **ids}


def test_the_morning_of_li(db: Database) -> None:
    ids = _morning(db)
    with db.reading() as session:
        page = today.today_page(session, "Li", AS_OF, ZONE, now=_local(AS_OF, 8))
    assert [(t.title, t.note, t.channel, t.detail) for t in page.tasks] == [
        ("Send the quote", "Wang", "wechat", "Acme")]  # fmt: skip
    assert [t.title for t in page.overdue_tasks] == ["Chase payment"]
    assert [(a.title, a.channel, a.record) for a in page.appointments] == [
        ("Visit Acme", "wechat", "event")]  # fmt: skip
    assert [(b.title, b.when, b.note) for b in page.birthdays] == [
        ("月明", AS_OF + dt.timedelta(days=2), "lunar"),
        ("张伟", dt.date(2026, 7, 3), ""),
    ]
    assert [(d.title, d.record_id) for d in page.deals] == [("June deal", page.deals[0].record_id)]
    assert [c.title for c in page.overdue_cases] == ["C-1 Broken pump", "C-3 No answer yet"]
    assert [(c.title, c.record_id, c.note) for c in page.churn] == [
        ("Quiet Co", ids["Quiet Co"], "25")]  # fmt: skip
    assert page.targets is not None and page.targets.met == 0


def test_owners_by_accounts(db: Database) -> None:
    customers(db, {"a": [], "b": []}, owner="Li")
    customers(db, {"c": []}, owner="Wang")
    with db.reading() as session:
        assert today.owners(session) == ["Li", "Wang"]


def test_her_tasks_from_today_on_and_a_long_overdue_list_apart(db: Database) -> None:
    with db.transaction() as session:
        start = _local(AS_OF - dt.timedelta(days=200), 9)
        session.add_all([
            CalendarEvent(title=f"Old {k:03d}", kind=EventKind.TASK, owner="Li",
                          starts_at=start + dt.timedelta(days=k),
                          ends_at=start + dt.timedelta(days=k, minutes=30),
                          time_zone="Asia/Shanghai")
            for k in range(today.LIMIT * 2 + 1)
        ] + [
            CalendarEvent(title="Due today", kind=EventKind.TASK, owner="Li",
                          starts_at=_local(AS_OF, 17), ends_at=_local(AS_OF, 18),
                          time_zone="Asia/Shanghai"),
            CalendarEvent(title="Some day", kind=EventKind.TASK, owner="Li"),
            CalendarEvent(title="Next week", kind=EventKind.TASK, owner="Li",
                          starts_at=_local(AS_OF + dt.timedelta(days=7), 9),
                          ends_at=_local(AS_OF + dt.timedelta(days=7), 10),
                          time_zone="Asia/Shanghai", assigned_by="Wang"),
        ])  # fmt: skip
        session.flush()
        fill_missing_spans(session)
    with db.reading() as session:
        page = today.today_page(session, "Li", AS_OF, ZONE, now=_local(AS_OF, 8))
    # from today on, soonest first, undated last: tasks given to her, not only today's
    assert [(t.title, t.note) for t in page.tasks] == [
        ("Due today", ""), ("Next week", "Wang"), ("Some day", "")]  # fmt: skip
    assert len(page.overdue_tasks) == today.LIMIT
    assert page.overdue_tasks[0].title == "Old 000"  # oldest first


def test_birthdays_on_days_this_year_lacks(db: Database) -> None:
    """29 February in a common year is kept on the 28th; a lunar 30th in a 29-day month on
    its 29th (lunar 2026 month 5 has 29 days: its 29th is 13 July 2026)."""
    with db.transaction() as session:
        session.add_all([
            Contact(family_name="Leap", given_name="Day", owner="Li",
                    birthday=dt.date(1996, 2, 29)),
            Contact(family_name="月", given_name="末", owner="Li", lunar_birthday="05-30"),
        ])  # fmt: skip

    def birthdays(day: dt.date) -> list[tuple[str, dt.date | dt.datetime | None, str]]:
        with db.reading() as session:
            page = today.today_page(session, "Li", day, ZONE, now=_local(day, 8))
        return [(b.title, b.when, b.note) for b in page.birthdays]

    assert birthdays(dt.date(2027, 2, 25)) == [("Day Leap", dt.date(2027, 2, 28), "")]
    assert birthdays(dt.date(2028, 2, 25)) == [("Day Leap", dt.date(2028, 2, 29), "")]
    assert birthdays(dt.date(2026, 7, 10)) == [("月末", dt.date(2026, 7, 13), "lunar")]


def test_todays_occurrence_of_a_repeating_task_is_among_her_tasks(db: Database) -> None:
    week_ago = AS_OF - dt.timedelta(days=7)
    with db.transaction() as session:
        session.add_all([
            CalendarEvent(title="Daily report", kind=EventKind.TASK, owner="Li",
                          assigned_by="Wang", rrule="FREQ=DAILY;COUNT=30",
                          starts_at=_local(week_ago, 17), ends_at=_local(week_ago, 18),
                          time_zone="Asia/Shanghai"),
            CalendarEvent(title="Weekly call list", kind=EventKind.TASK, owner="Li",
                          rrule="FREQ=WEEKLY;COUNT=10",  # Wednesdays: not today (a Tuesday)
                          starts_at=_local(week_ago + dt.timedelta(days=1), 9),
                          ends_at=_local(week_ago + dt.timedelta(days=1), 10),
                          time_zone="Asia/Shanghai"),
            CalendarEvent(title="Later", kind=EventKind.TASK, owner="Li",
                          starts_at=_local(AS_OF + dt.timedelta(days=2), 9),
                          ends_at=_local(AS_OF + dt.timedelta(days=2), 10),
                          time_zone="Asia/Shanghai"),
        ])  # fmt: skip
        session.flush()
        fill_missing_spans(session)
    with db.reading() as session:
        page = today.today_page(session, "Li", AS_OF, ZONE, now=_local(AS_OF, 8))
    assert [(t.title, t.when, t.note) for t in page.tasks] == [
        ("Daily report", AS_OF, "Wang"), ("Later", AS_OF + dt.timedelta(days=2), "")]  # fmt: skip
    assert page.overdue_tasks == ()  # a series' past occurrences are not overdue one-offs


def test_a_visit_to_someone_without_a_channel_takes_the_accounts(db: Database) -> None:
    """As tasks, deals and cases do: the contact's own channel, else the account's."""
    with db.transaction() as session:
        acme = Account(name="Acme", sort_key="acme", owner="Li")
        session.add(acme)
        session.flush()
        quiet = Contact(family_name="Quiet", given_name="Q", owner="Li", account_id=acme.id,
                        sort_key="b")  # fmt: skip
        chatty = Contact(family_name="Chatty", given_name="C", owner="Li", account_id=acme.id,
                         sort_key="a", preferred_channel=Channel.WECHAT)  # fmt: skip
        session.add_all([quiet, chatty])
        session.flush()
        session.add(CalendarEvent(title="Visit Q", kind=EventKind.VISIT, owner="Li",
                                  starts_at=_local(AS_OF, 10), ends_at=_local(AS_OF, 11),
                                  time_zone="Asia/Shanghai", contact_id=quiet.id,
                                  account_id=acme.id))  # fmt: skip
        session.flush()
        fill_missing_spans(session)
    with db.reading() as session:
        page = today.today_page(session, "Li", AS_OF, ZONE, now=_local(AS_OF, 8))
    assert [(a.title, a.channel) for a in page.appointments] == [("Visit Q", "wechat")]


def _cases(db: Database, managers: dict[str, str]) -> None:
    """Open cases of a small desk, all opened yesterday: (owner, number, kind, tier, escalated,
    past its resolution target)."""
    from crmdesk.models.enums import CaseKind, ValueTier
    from crmdesk.services import service_levels

    y = AS_OF - dt.timedelta(days=1)
    made = [
        ("Li", "V-1", CaseKind.COMPLAINT, ValueTier.VIP, False, True),
        ("Li", "V-2", CaseKind.INQUIRY, ValueTier.VIP, False, True),
        ("Li", "V-3", CaseKind.COMPLAINT, ValueTier.ORDINARY, False, True),
        ("Wang Fang", "T-1", CaseKind.COMPLAINT, ValueTier.VIP, True, True),
        ("Wang Fang", "T-2", CaseKind.REPAIR, ValueTier.ORDINARY, False, True),
        ("Zhao Lei", "T-3", CaseKind.INQUIRY, ValueTier.ORDINARY, True, False),
        ("Sun", "T-4", CaseKind.INQUIRY, ValueTier.ORDINARY, True, True),  # not Li's team
    ]
    with db.transaction() as session:
        service_levels.save(session, service_levels.ServiceLevels(managers=dict(managers)))
        for k, (owner, number, kind, tier, escalated, late) in enumerate(made):
            due = _local(y, 10 + k) if late else _local(AS_OF + dt.timedelta(days=2), 18)
            session.add(ServiceCase(number=number, subject="Pump", owner=owner, kind=kind,
                                    tier=tier, status=CaseStatus.IN_PROGRESS,
                                    opened_at=_local(y, 8), due_at=due, escalated=escalated,
                                    escalated_at=_local(y, 12) if escalated else None))  # fmt: skip


TEAM = {"Wang Fang": "Li", "Zhao Lei": "Li", "Sun": "Qian"}


def _page_cases(db: Database, owner: str) -> list[tuple[str, bool, str]]:
    with db.reading() as session:
        page = today.today_page(session, owner, AS_OF, ZONE, now=_local(AS_OF, 8))
    return [(c.title, c.vip_complaint, c.owner) for c in page.overdue_cases]


def test_a_complaint_from_a_vip_customer_stands_out(db: Database) -> None:
    """The case list's rule: a complaint, from a customer who was VIP when it was opened."""
    _cases(db, {})
    mine = [(title, vip) for title, vip, _owner in _page_cases(db, "Li")]
    assert mine == [("V-1 Pump", True), ("V-2 Pump", False), ("V-3 Pump", False)]


def test_a_manager_sees_her_teams_escalated_cases(db: Database) -> None:
    """Li manages Wang Fang and Zhao Lei: their escalated cases are on her page, each with its
    owner; Wang Fang's late one not escalated yet is not, nor Sun's (another team)."""
    _cases(db, TEAM)
    assert [(t, o) for t, _vip, o in _page_cases(db, "Li") if o] == [
        ("T-1 Pump", "Wang Fang"), ("T-3 Pump", "Zhao Lei")]  # fmt: skip
    assert ("T-1 Pump", True, "Wang Fang") in _page_cases(db, "Li")  # still starred
    # a report sees her own cases only, not marked as anyone else's
    assert _page_cases(db, "Wang Fang") == [("T-1 Pump", True, ""), ("T-2 Pump", False, "")]
    assert _page_cases(db, "Zhao Lei") == [("T-3 Pump", False, "")]


def test_a_manager_with_no_cases_of_her_own_sees_exactly_the_teams(db: Database) -> None:
    _cases(db, {"Wang Fang": "Qian", "Zhao Lei": "Qian", "Qian": "Qian"})
    assert _page_cases(db, "Qian") == [("T-1 Pump", True, "Wang Fang"),
                                       ("T-3 Pump", False, "Zhao Lei")]  # fmt: skip


def test_her_own_escalated_case_is_listed_once(db: Database) -> None:
    """Named as her own manager, her own escalated case is still one line, not marked."""
    _cases(db, {"Li": "Li", "Wang Fang": "Li", "Zhao Lei": "Li"})
    with db.transaction() as session:
        session.add(ServiceCase(number="E-1", subject="Pump", owner="Li",
                                status=CaseStatus.NEW, opened_at=_local(AS_OF, 7),
                                escalated=True, due_at=_local(AS_OF, 9)))  # fmt: skip
    titles = [t for t, _vip, _o in _page_cases(db, "Li")]
    assert titles.count("E-1 Pump") == 1 and len(titles) == len(set(titles)) == 6
