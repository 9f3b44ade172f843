"""The solutions base: published from a resolved case, found by Chinese, pinyin and English."""

from __future__ import annotations

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.models.enums import CaseStatus
from crmdesk.services import cases, solutions
from crmdesk.services.cases import CaseDraft
from crmdesk.services.solutions import SolutionDraft


def _resolved_case(db, subject="打印机经常卡纸", resolution="更换进纸辊后恢复正常"):
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject=subject, description=subject))
        cases.move_case(session, case_id, CaseStatus.RESOLVED, resolution=resolution)
    return case_id


@pytest.fixture
def base(db):
    with db.transaction() as session:
        solutions.publish_case(session, _resolved_case(db), cause="进纸辊磨损",
                               products="激光打印机 LP-200")  # fmt: skip
        solutions.save_solution(session, SolutionDraft(
            title="Router drops the VPN every hour", problem="The VPN tunnel closes.",
            cause="Old firmware", fix="Upgrade the router firmware to 3.2", products="RT-9"))
        solutions.save_solution(session, SolutionDraft(
            title="发票抬头错误", problem="客户收到的发票抬头写错", fix="作废后重开发票"))
    return db


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("卡纸", "打印机经常卡纸"),
        ("打印机", "打印机经常卡纸"),
        ("dayinji", "打印机经常卡纸"),  # pinyin of 打印机
        ("kazhi", "打印机经常卡纸"),
        ("进纸辊", "打印机经常卡纸"),  # the cause
        ("firmware", "Router drops the VPN every hour"),
        ("vpn rout", "Router drops the VPN every hour"),
        ("fapiao", "发票抬头错误"),
    ],
)
def test_a_solution_is_found_by_chinese_pinyin_and_english(base, query, title):
    with base.reading() as session:
        found = solutions.search(session, query)
    assert [s.title for s in found] == [title]


def test_the_subject_being_typed_suggests_the_closest_solution(base):
    with base.reading() as session:
        assert solutions.suggestions(session, "打印机又卡纸了")[0].title == "打印机经常卡纸"
        assert solutions.suggestions(session, "VPN keeps dropping")[0].title.startswith("Router")
        assert solutions.suggestions(session, "   ") == []


def test_an_open_case_cannot_be_published(db):
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="Screen flickers"))
    with pytest.raises(KnownError), db.transaction() as session:
        solutions.publish_case(session, case_id)


def test_an_edited_solution_is_found_by_its_new_words_and_a_deleted_one_not(base):
    with base.transaction() as session:
        sid = solutions.search(session, "fapiao")[0].id
        solutions.save_solution(session, SolutionDraft(title="退款流程", fix="财务审批后原路退回",
                                                       id=sid))  # fmt: skip
    with base.reading() as session:
        assert solutions.search(session, "fapiao") == []
        assert [s.id for s in solutions.search(session, "tuikuan")] == [sid]
    with base.transaction() as session:
        solutions.delete_solution(session, sid)
    with base.reading() as session:
        assert solutions.search(session, "tuikuan") == []


def test_a_rebuilt_index_still_finds_solutions(base):
    from crmdesk.store import fulltext

    with base.engine.begin() as conn:
        fulltext.rebuild(conn)
    with base.reading() as session:
        assert [s.title for s in solutions.search(session, "dayinji")] == ["打印机经常卡纸"]


def test_solutions_do_not_answer_a_contact_search(base, people):
    from sqlalchemy import select

    from crmdesk.models.customers import Contact
    from crmdesk.services.search import search_condition
    from crmdesk.store import fulltext

    with base.reading() as session:
        found = session.scalars(
            select(Contact.id).where(search_condition(Contact.id, fulltext.CONTACT, "卡纸"))
        ).all()
    assert found == []
