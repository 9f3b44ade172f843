"""Service figures against four cases worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus
from crmdesk.models.sales import Order
from crmdesk.services import cases, surveys
from crmdesk.services.cases import CaseDraft
from crmdesk.services.service_figures import MonthCount, service_figures
from crmdesk.services.surveys import Answer, SurveyDraft
from tests.services.case_data import bj, desk


@pytest.fixture
def worked(db):
    accounts = desk(db)
    monday = bj(2026, 3, 2, 9)
    with db.transaction() as session:
        for account in accounts.values():
            session.add(Order(account_id=account, ordered_on=dt.date(2026, 1, 5)))
        a = cases.save_case(session, CaseDraft(subject="A", account_id=accounts["plain"]),
                            now=monday)  # fmt: skip
        cases.move_case(session, a, CaseStatus.RESOLVED, bj(2026, 3, 2, 11), resolution="ok")
        b = cases.save_case(session, CaseDraft(
            subject="B", kind=CaseKind.COMPLAINT, priority=CasePriority.HIGH,
            account_id=accounts["vip"], satisfaction=3), now=monday)  # fmt: skip
        cases.move_case(session, b, CaseStatus.IN_PROGRESS, bj(2026, 3, 2, 10))
        cases.move_case(session, b, CaseStatus.RESOLVED, bj(2026, 3, 3, 9), resolution="ok")
        cases.move_case(session, b, CaseStatus.CLOSED, bj(2026, 3, 3, 10))
        c = cases.save_case(session, CaseDraft(subject="C", account_id=accounts["plain"]),
                            now=monday)  # fmt: skip
        cases.move_case(session, c, CaseStatus.IN_PROGRESS, bj(2026, 3, 2, 10))
        cases.move_case(session, c, CaseStatus.RESOLVED, bj(2026, 3, 2, 13), resolution="ok")
        cases.move_case(session, c, CaseStatus.REOPENED, bj(2026, 3, 2, 14))
        cases.move_case(session, c, CaseStatus.RESOLVED, bj(2026, 3, 2, 15))
        cases.save_case(session, CaseDraft(subject="D"), now=bj(2026, 4, 1, 9))
        hand = (Answer("Product", 5, 4, 2), Answer("Service", 4, 5, 1), Answer("Price", 3, 3, 1))
        surveys.save_survey(session, SurveyDraft(dt.date(2026, 3, 4), hand, case_id=b))
    return db


def test_the_figures_match_the_hand_worked_cases(worked):
    with worked.reading() as session:
        f = service_figures(session)
    assert f.months == (MonthCount("2026-03", 3, 1), MonthCount("2026-04", 1, 0))
    assert (f.opened, f.resolved) == (4, 3)
    assert f.first_contact_rate == pytest.approx(1 / 3)  # only A went straight from new
    assert f.average_hours == pytest.approx((2 + 24 + 6) / 3)
    assert f.p90_hours == pytest.approx(24)  # the 3rd shortest of 3
    assert f.within_target == {"vip": 0.0, "ordinary": 1.0}  # B took 24 h of its 8
    assert f.complaints_per_100 == pytest.approx(50)  # 1 complaint, 2 buying customers
    assert f.reopen_rate == pytest.approx(1 / 3)
    assert f.satisfaction_c == pytest.approx(0.9625) and f.surveys_after_closing == 1
    assert f.satisfaction_score == pytest.approx(3)


def test_a_period_narrows_every_figure(worked):
    with worked.reading() as session:
        april = service_figures(session, dt.date(2026, 4, 1), dt.date(2026, 4, 30))
        nothing = service_figures(session, dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert april.opened == 1 and april.resolved == 0 and april.average_hours is None
    assert april.months == (MonthCount("2026-04", 1, 0),)
    assert nothing.opened == 0 and nothing.p90_hours is None and nothing.satisfaction_c is None
