"""Escalation fires when a target has passed (by the grace hours), and only once."""

from __future__ import annotations

import datetime as dt

from crmdesk.models.enums import CasePriority, CaseStatus
from crmdesk.services import cases, escalation
from crmdesk.services.cases import CaseDraft
from tests.services.case_data import bj, desk


def test_a_case_escalates_just_after_its_target_and_once(db):
    accounts = desk(db, managers={"王芳": "李经理"})
    opened = bj(2026, 3, 2, 9)  # Monday; ordinary high: response 4 h, resolution 18 h
    with db.transaction() as session:
        case_id = cases.save_case(
            session, CaseDraft(subject="Line stopped", priority=CasePriority.HIGH,
                               account_id=accounts["plain"], owner="王芳"), now=opened)  # fmt: skip
    with db.reading() as session:
        due = cases.get_case(session, case_id).due_at
    assert due == bj(2026, 3, 3, 18)
    with db.transaction() as session:
        assert escalation.escalate_due(session, due) == []  # at the target, not past it
    with db.transaction() as session:
        (notice,) = escalation.escalate_due(session, due + dt.timedelta(minutes=1))
    assert notice.missed == escalation.RESOLUTION
    assert notice.recipients == ("王芳", "李经理")
    assert notice.number in notice.text
    with db.transaction() as session:
        assert escalation.escalate_due(session, due + dt.timedelta(hours=5)) == []
        case = cases.get_case(session, case_id)
        assert case.escalated and case.notes[-1].kind == "escalation"
        assert escalation.escalated_open(session)[0][0] == case_id


def test_an_unanswered_case_escalates_on_its_response_target_after_the_grace(db):
    desk(db, escalate_after_hours=2, notify_manager=False)
    opened = bj(2026, 3, 2, 9)  # ordinary normal: response 8 working hours -> 17:00
    with db.transaction() as session:
        cases.save_case(session, CaseDraft(subject="Question"), now=opened)
    with db.transaction() as session:
        assert escalation.escalate_due(session, bj(2026, 3, 2, 18, 59)) == []
        (notice,) = escalation.escalate_due(session, bj(2026, 3, 2, 19, 1))
    assert notice.missed == escalation.RESPONSE and notice.recipients == ()


def test_a_resolved_or_answered_case_does_not_escalate(db):
    desk(db)
    opened = bj(2026, 3, 2, 9)
    with db.transaction() as session:
        answered = cases.save_case(session, CaseDraft(subject="Answered"), now=opened)
        cases.add_note(session, answered, "Called", now=bj(2026, 3, 2, 10))
        done = cases.save_case(session, CaseDraft(subject="Done"), now=opened)
        cases.move_case(session, done, CaseStatus.RESOLVED, resolution="ok", now=opened)
    with db.transaction() as session:
        assert escalation.escalate_due(session, bj(2026, 3, 2, 20)) == []


def test_a_reopened_case_gets_a_fresh_target_and_escalates_again(db):
    desk(db)
    opened = bj(2026, 3, 2, 9)  # Monday; ordinary normal: resolution 36 working hours
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="Pump leaks", owner="Li"),
                                  now=opened)  # fmt: skip
        (first,) = escalation.escalate_due(session, bj(2026, 3, 20, 9))
        cases.move_case(session, case_id, CaseStatus.RESOLVED, bj(2026, 3, 20, 10),
                        resolution="Seal replaced")  # fmt: skip
        # reopened Monday 23 March 9:00: 36 working hours (9 a day) -> Thursday 26th 18:00
        cases.move_case(session, case_id, CaseStatus.REOPENED, bj(2026, 3, 23, 9))
        case = cases.get_case(session, case_id)
        assert not case.escalated and case.due_at == bj(2026, 3, 26, 18)
        assert escalation.escalate_due(session, bj(2026, 3, 26, 18)) == []  # not yet
        (again,) = escalation.escalate_due(session, bj(2026, 3, 26, 18, 1))
    assert first.case_id == again.case_id == case_id and again.missed == escalation.RESOLUTION


def test_a_case_escalated_for_its_response_escalates_again_for_its_resolution(db):
    desk(db)
    opened = bj(2026, 3, 2, 9)  # ordinary normal: response 8 h -> 17:00, resolution 36 h
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="Question"), now=opened)
        (response,) = escalation.escalate_due(session, bj(2026, 3, 2, 17, 1))
        cases.add_note(session, case_id, "Called back", now=bj(2026, 3, 2, 17, 30))
        assert escalation.escalate_due(session, bj(2026, 3, 5, 18)) == []  # at the target
        (resolution,) = escalation.escalate_due(session, bj(2026, 3, 5, 18, 1))
        assert escalation.escalate_due(session, bj(2026, 3, 9, 9)) == []  # once each
    assert (response.missed, resolution.missed) == (escalation.RESPONSE, escalation.RESOLUTION)
    assert resolution.case_id == case_id
