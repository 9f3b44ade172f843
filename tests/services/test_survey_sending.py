"""The survey of a closed case, sent once: an e-mail through the outbox (delivered by a real
SMTP server on localhost) for a contact who prefers e-mail, a task for the owner otherwise,
nothing but a note for a contact opted out of everything; the survey message setting."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.interop.records import EmailRecord
from crmdesk.models import CalendarEvent, CaseNote, OutboxMessage
from crmdesk.models.enums import CaseStatus, Channel, EventKind, OutboxStatus
from crmdesk.services import cases, outbox, survey_sending
from crmdesk.services.cases import NoteKind
from crmdesk.services.contacts import ContactDraft, save_contact
from crmdesk.services.outbox import SmtpSettings
from crmdesk.services.survey_sending import AfterClose, SurveyMessage
from tests.services.survey_data import CLOSED_AT, NEXT_WORKING_DAY, closed_case, desk_and_people
from tests.smtp_server import Received, Server, free_port

LATER = CLOSED_AT + dt.timedelta(minutes=5)


@pytest.fixture
def server():
    srv = Server(free_port(), Received())
    yield srv
    srv.stop()


def _send(db, case_id, **kwargs):
    with db.transaction() as session:
        return survey_sending.send_survey(session, case_id, now=LATER, **kwargs)


def _notes(db, case_id):
    with db.reading() as session:
        return [n.body for n in cases.get_case(session, case_id).notes if n.kind == "survey"]


def _messages(db) -> list[dict]:
    with db.reading() as session:
        return [{c: getattr(m, c) for c in ("id", "status", "to_address", "to_name", "subject",
                                             "body_text")}
                for m in session.query(OutboxMessage).all()]  # fmt: skip


def _body(message) -> str:
    part = next(p for p in message.walk() if p.get_content_type() == "text/plain")
    return part.get_payload(decode=True).decode()


def test_email_preferred_queues_exactly_one_message_with_the_fields_filled(db, server):
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["zhang"], account_id=ids["vip"], subject="泵漏水")
    sent = _send(db, case_id, sender="service@seller.cn")
    assert sent.plan.channel is Channel.EMAIL and sent.task_id is None
    with db.reading() as session:
        number = cases.get_case(session, case_id).number
        assert session.query(CalendarEvent).count() == 0
    (row,) = _messages(db)
    assert row["id"] == sent.message_id and row["status"] == OutboxStatus.QUEUED
    assert row["to_address"] == "zhang.wei@alpha.cn" and row["to_name"] == "张伟"
    assert row["subject"] == f"服务满意度回访：工单 {number}"  # a Chinese name: Chinese message
    assert row["body_text"].startswith("张伟，您好：")
    assert f"您的服务工单 {number}（泵漏水）已经关闭" in row["body_text"]
    assert row["body_text"].endswith("谢谢！\nLi") and "{{" not in row["body_text"]
    assert _notes(db, case_id) == [f"Survey e-mailed to 张伟 <zhang.wei@alpha.cn> (prefers "
                                   f"e-mail): 服务满意度回访：工单 {number}"]  # fmt: skip
    server.start()
    report = outbox.send_pending(db, SmtpSettings(host="127.0.0.1", port=server.port,
                                                  security="none", timeout=5,
                                                  from_address="service@seller.cn"))  # fmt: skip
    assert (report.sent, report.failed) == (1, 0)
    (got,) = server.received.messages
    assert f"{number}（泵漏水）" in _body(got)


def test_a_western_name_gets_the_english_message_from_the_setting(db):
    ids = desk_and_people(db)
    with db.transaction() as session:
        survey_sending.save_message(session, dataclasses.replace(
            SurveyMessage(), subject="Case {{ case_number }}: {{ given_name }}?",
            text="Hello {{ name }} of {{ company }}, about {{ case_subject }}."))  # fmt: skip
    with db.transaction() as session:
        joe, _ = save_contact(session, ContactDraft(
            family_name="Bloggs", given_name="Joe", account_id=ids["plain"],
            emails=[EmailRecord("joe@acme.com")]))  # no channel preferred, an address on file
    case_id = closed_case(db, joe, subject="Noise {{ name }}")
    _send(db, case_id)
    with db.reading() as session:
        number = cases.get_case(session, case_id).number
    (row,) = _messages(db)
    assert row["subject"] == f"Case {number}: Joe?"
    # a field written in the case's subject is not filled as one
    assert row["body_text"] == "Hello Joe Bloggs of Acme Ltd, about Noise { { name } }."


def test_phone_preferred_gives_the_owner_a_task_due_the_next_working_day(db):
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["tom"], account_id=ids["plain"], owner="Wang")
    sent = _send(db, case_id)
    assert sent.plan.channel is Channel.PHONE and sent.message_id is None
    with db.reading() as session:
        assert session.query(OutboxMessage).count() == 0
        task = session.get(CalendarEvent, sent.task_id)
        number = cases.get_case(session, case_id).number
        assert task is not None
        assert task.kind == EventKind.TASK and task.owner == "Wang"
        assert task.title == f"Ask Tom Baker for a satisfaction survey on case {number}"
        assert task.start_date == NEXT_WORKING_DAY and task.all_day
        assert task.case_id == case_id and task.contact_id == ids["tom"]
        assert task.description == "By phone: +44 20 7946 0018 (the preferred channel)."
    assert _notes(db, case_id) == [
        "Survey task for Wang, due 2026-05-06: ask Tom Baker by phone (+44 20 7946 0018, "
        "the preferred channel)."
    ]


def test_post_preferred_names_the_address(db):
    ids = desk_and_people(db)
    sent = _send(db, closed_case(db, ids["wang"]))
    assert sent.plan.channel is Channel.LETTER
    assert "ask 王芳 by post (上海市上海南京西路 1号" in sent.note


def test_opted_out_of_email_gets_no_email_but_a_call_task_on_their_mobile(db):
    """李娜 prefers e-mail but opted out of it: the survey is service, not marketing, yet she
    asked not to be e-mailed, so the owner is asked to phone her instead."""
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["li"])
    sent = _send(db, case_id)
    with db.reading() as session:
        assert session.query(OutboxMessage).count() == 0
        task = session.get(CalendarEvent, sent.task_id)
        assert task is not None and task.description == (
            "By mobile phone: 139 1234 5678 (prefers e-mail but opted out of it).")


def test_opted_out_of_everything_gets_nothing_but_the_note(db):
    """Ann Lee opted out of every channel: no e-mail and no task; the note says why, and it
    settles the case's survey."""
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["ann"])
    sent = _send(db, case_id)
    assert sent.plan.channel is None and sent.task_id is None and sent.message_id is None
    with db.reading() as session:
        assert session.query(OutboxMessage).count() == 0
        assert session.query(CalendarEvent).count() == 0
    assert _notes(db, case_id) == ["No survey: Ann Lee opted out of being contacted."]


def test_the_account_s_first_contact_when_the_case_names_nobody(db):
    ids = desk_and_people(db)
    case_id = closed_case(db, None, account_id=ids["vip"])
    with db.reading() as session:
        plan = survey_sending.plan_survey(session, case_id, LATER)
    assert (plan.contact, plan.channel, plan.reach) == ("张伟", Channel.EMAIL, "zhang.wei@alpha.cn")


def test_closing_reopening_and_closing_again_sends_once(db):
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["zhang"])
    _send(db, case_id)
    with db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.REOPENED, LATER)
        cases.move_case(session, case_id, CaseStatus.RESOLVED, LATER)
        cases.move_case(session, case_id, CaseStatus.CLOSED, LATER)
    with pytest.raises(KnownError, match="was sent already"):
        _send(db, case_id)
    with db.reading() as session:
        assert session.query(OutboxMessage).count() == 1
        assert session.query(CaseNote).filter_by(kind=NoteKind.SURVEY).count() == 1


def test_an_open_case_or_one_without_anybody_is_refused_and_nothing_is_written(db):
    ids = desk_and_people(db)
    case_id = closed_case(db, ids["zhang"])
    with db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.REOPENED, LATER)
    with pytest.raises(KnownError, match="is not closed"):
        _send(db, case_id)
    nobody = closed_case(db, None)
    with pytest.raises(KnownError, match="no contact"):
        _send(db, nobody)
    with db.reading() as session:
        assert session.query(OutboxMessage).count() == 0
        assert session.query(CaseNote).filter_by(kind=NoteKind.SURVEY).count() == 0


def test_the_setting_keeps_its_choice_and_refuses_unknown_fields(db):
    with db.reading() as session:
        assert survey_sending.after_closing(session) is AfterClose.ASK
    with db.transaction() as session:
        survey_sending.save_message(session, SurveyMessage(after_close="never"))
    with db.reading() as session:
        assert survey_sending.after_closing(session) is AfterClose.NEVER
    for bad in (SurveyMessage(after_close="sometimes"), SurveyMessage(text="Hi {{ nmae }}"),
                SurveyMessage(subject_zh=" ")):  # fmt: skip
        with pytest.raises(KnownError), db.transaction() as session:
            survey_sending.save_message(session, bad)
    with db.reading() as session:
        assert survey_sending.after_closing(session) is AfterClose.NEVER
