"""Demo service cases: the newest are being handled, older ones mostly closed."""

from __future__ import annotations

from crmdesk.demo.draws import DemoRandom
from crmdesk.demo.service import _status, _subject
from crmdesk.models.enums import CaseKind, CaseStatus

DONE = {CaseStatus.RESOLVED, CaseStatus.CLOSED}


def test_the_three_newest_cases_are_new_assigned_and_in_progress() -> None:
    r = DemoRandom(1)
    assert [_status(r, n, 200) for n in range(3)] == [
        CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS,
    ]  # fmt: skip


def test_statuses_by_age() -> None:
    r = DemoRandom(1)
    fresh = {_status(r, 10, 1) for _ in range(300)}
    old = [_status(r, 10, 100) for _ in range(1000)]
    assert not fresh & DONE
    assert CaseStatus.NEW not in old and sum(s in DONE for s in old) > 900


def test_subjects_name_the_device_in_the_case_s_language() -> None:
    r = DemoRandom(2)
    english = {_subject(r, CaseKind.REPAIR, False) for _ in range(200)}
    chinese = {_subject(r, CaseKind.REPAIR, True) for _ in range(200)}
    assert all(s[0].isupper() and s.isascii() for s in english)
    assert any("扫描枪" in s for s in chinese) and not any("{d}" in s for s in chinese)
