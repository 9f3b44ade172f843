"""Shared by the service tests: a VIP and an ordinary account, on the Beijing desk."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, ValueTier
from crmdesk.models.sales import Order
from crmdesk.services import cases, service_levels, surveys
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.cases import CaseDraft
from crmdesk.services.service_levels import ServiceLevels
from crmdesk.services.surveys import Answer, SurveyDraft

BJ = ZoneInfo("Asia/Shanghai")


def bj(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BJ)


def desk(db, **levels) -> dict[str, object]:
    """Two accounts and the service levels (Beijing, China's holidays); name -> id."""
    with db.transaction() as session:
        service_levels.save(session, ServiceLevels(zone="Asia/Shanghai", country="CN", **levels))
        vip, _ = save_account(session, AccountDraft(name="华东机械", value_tier=ValueTier.VIP))
        plain, _ = save_account(session, AccountDraft(name="Acme Ltd"))
    return {"vip": vip, "plain": plain}


def build_worked(db) -> dict[str, object]:
    """Four cases worked out by hand (see tests/services/test_service_figures.py)."""
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
    return {**accounts, "a": a, "b": b, "c": c}
