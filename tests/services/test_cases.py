"""Cases: numbering, due times from the service level, the workflow, notes, attachments."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import KnownError, ValidationError
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, ValueTier
from crmdesk.services import cases
from crmdesk.services.cases import CaseDraft, CaseFilter, CaseSort
from tests.services.case_data import bj, desk


def _new(db, now, **fields):
    with db.transaction() as session:
        return cases.save_case(session, CaseDraft(**fields), now=now)


def test_a_new_case_is_numbered_and_given_the_tiers_due_times(db):
    accounts = desk(db)
    friday = bj(2026, 3, 6, 16)
    first = _new(db, friday, subject="Printer jams", account_id=accounts["plain"],
                 priority=CasePriority.HIGH)  # fmt: skip
    second = _new(db, friday, subject="设备漏油", account_id=accounts["vip"],
                  priority=CasePriority.HIGH, kind=CaseKind.COMPLAINT)  # fmt: skip
    with db.reading() as session:
        one, two = cases.get_case(session, first), cases.get_case(session, second)
    assert (one.number, two.number) == ("CS2026-00001", "CS2026-00002")
    assert one.tier is ValueTier.ORDINARY and two.tier is ValueTier.VIP
    assert one.response_due_at == bj(2026, 3, 9, 11)  # 4 working hours over the weekend
    assert two.due_at == bj(2026, 3, 7, 0)  # VIP: 8 hours round the clock
    assert two.vip_complaint and not one.vip_complaint


def test_the_workflow_allows_its_steps_and_refuses_others(db):
    case_id = _new(db, bj(2026, 3, 2, 10), subject="Screen flickers", owner="王芳")
    with db.reading() as session:
        assert cases.get_case(session, case_id).status is CaseStatus.ASSIGNED  # has an owner
    with pytest.raises(KnownError), db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.CLOSED)
    with pytest.raises(KnownError), db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.RESOLVED)  # no resolution yet
    with db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.IN_PROGRESS, bj(2026, 3, 2, 11))
        cases.move_case(session, case_id, CaseStatus.RESOLVED, bj(2026, 3, 2, 15),
                        resolution="Replaced the cable")  # fmt: skip
        cases.move_case(session, case_id, CaseStatus.REOPENED, bj(2026, 3, 4, 9))
        cases.move_case(session, case_id, CaseStatus.RESOLVED, bj(2026, 3, 4, 12))
        cases.move_case(session, case_id, CaseStatus.CLOSED, bj(2026, 3, 5, 9))
    with db.reading() as session:
        case = cases.get_case(session, case_id)
    assert case.status is CaseStatus.CLOSED and case.reopen_count == 1
    assert case.resolved_at == bj(2026, 3, 4, 12) and case.closed_at == bj(2026, 3, 5, 9)
    assert case.responded_at == bj(2026, 3, 2, 10)  # assigning on opening answered it
    assert not case.first_contact
    assert [n.body for n in case.notes if n.kind == "status"][-1] == "resolved -> closed"


def test_resolved_straight_from_new_counts_as_first_contact(db):
    case_id = _new(db, bj(2026, 3, 2, 10), subject="How do I reset the password?")
    with db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.RESOLVED, resolution="Told on the phone")
    with db.reading() as session:
        assert cases.get_case(session, case_id).first_contact


def test_bad_drafts_are_refused_with_each_field_named(db):
    with pytest.raises(ValidationError) as caught, db.transaction() as session:
        cases.save_case(session, CaseDraft(subject=" ", minutes_spent=-5, satisfaction=11))
    assert {e.field for e in caught.value.errors} == {"subject", "minutes_spent", "satisfaction"}


def test_notes_add_time_and_answer_the_customer(db):
    case_id = _new(db, bj(2026, 3, 2, 10), subject="Invoice wrong")
    with db.transaction() as session:
        cases.add_note(session, case_id, "Called back", kind=cases.NoteKind.CALL, minutes=15,
                       now=bj(2026, 3, 2, 10, 30))  # fmt: skip
        cases.add_note(session, case_id, "Sent a new invoice", minutes=10)
    with db.reading() as session:
        case = cases.get_case(session, case_id)
    assert case.draft.minutes_spent == 25 and case.responded_at == bj(2026, 3, 2, 10, 30)
    assert [n.body for n in case.notes] == ["Called back", "Sent a new invoice"]


def test_an_attachment_is_copied_into_the_data_folder(db, tmp_path):
    case_id = _new(db, bj(2026, 3, 2, 10), subject="Broken part")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff jpeg")
    folder = cases.files_folder(tmp_path / "crm.sqlite3")
    with db.transaction() as session:
        cases.attach_file(session, case_id, photo, folder)
    photo.unlink()  # the copy stays
    with db.reading() as session:
        (attachment,) = cases.get_case(session, case_id).attachments
    copy = cases.attachment_path(folder, attachment.stored_as)
    assert copy.read_bytes() == b"\xff\xd8\xff jpeg" and folder.name == "crm-files"
    with pytest.raises(KnownError), db.transaction() as session:
        cases.attach_file(session, case_id, tmp_path / "missing.pdf", folder)


def test_the_list_filters_and_sorts_in_sql(db):
    accounts = desk(db)
    monday = bj(2026, 3, 2, 9)
    late = _new(db, monday, subject="Late one", priority=CasePriority.URGENT,
                account_id=accounts["plain"], owner="王芳")  # fmt: skip
    done = _new(db, monday, subject="Done one", kind=CaseKind.COMPLAINT,
                account_id=accounts["vip"])  # fmt: skip
    with db.transaction() as session:
        cases.move_case(session, done, CaseStatus.RESOLVED, resolution="ok")
    later = bj(2026, 3, 3, 9)
    with db.reading() as session:
        overdue = cases.case_ids(session, CaseFilter(overdue=True, at=later))
        by_owner = cases.case_ids(session, CaseFilter(owner="王芳"))
        complaints = cases.case_ids(session, CaseFilter(kind=CaseKind.COMPLAINT))
        vip = cases.case_ids(session, CaseFilter(account_id=accounts["vip"]))
        found = cases.case_ids(session, CaseFilter(search="华东"))
        by_priority = cases.case_ids(session, CaseFilter(), CaseSort.PRIORITY, False)
        rows = {r.id: r for r in cases.case_rows(session, [late, done], now=later)}
    assert overdue == [late] and by_owner == [late] and complaints == [done]
    assert vip == [done] and found == [done] and by_priority == [late, done]
    assert rows[late].overdue and not rows[done].overdue
    assert rows[done].vip_complaint and rows[done].account == "华东机械"
    with db.reading() as session:
        assert cases.find_case(session, rows[late].number) == late
        with pytest.raises(KnownError):
            cases.find_case(session, "CS1999-00001")


def test_deleted_cases_go_to_the_bin_and_leave_the_list(db):
    from crmdesk.models.service import ServiceCase
    from crmdesk.services import records

    case_id = _new(db, bj(2026, 3, 2, 10), subject="Duplicate")
    with db.transaction() as session:
        cases.delete_cases(session, [case_id])
    with db.reading() as session:
        assert cases.case_ids(session) == []
        assert cases.case_ids(session, CaseFilter(deleted=True)) == [case_id]
    with db.transaction() as session:
        assert cases.restore_cases(session, [case_id]).ids("cases") == {case_id}
    with db.reading() as session:
        assert cases.case_ids(session) == [case_id]
        assert cases.case_ids(session, CaseFilter(deleted=True)) == []
    with db.transaction() as session:
        cases.delete_cases(session, [case_id])
        records.restore_from_bin(session, ServiceCase, [case_id])
    with db.reading() as session:
        assert cases.case_ids(session) == [case_id]
