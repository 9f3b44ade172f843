"""Closing a case in the editor sends its satisfaction survey as the Service setting says:
always (no question), ask (the question names the contact and the channel; answered here by
clicking its buttons), never; once per case, shown in the thread, one undo step."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from crmdesk.models import CalendarEvent, CaseNote, OutboxMessage
from crmdesk.models.enums import CaseStatus
from crmdesk.services import cases, survey_sending
from crmdesk.services.cases import CaseDraft
from crmdesk.services.survey_sending import SurveyMessage
from crmdesk.views.service.editor import CaseEditor
from crmdesk.views.shell.bus import DataBus
from tests.services.survey_data import CLOSED_AT, desk_and_people


def _resolved(db, ids, who, owner="Li"):
    """A resolved case of `who` at their account (the editor offers an account's people)."""
    account = ids["vip"] if who == "zhang" else ids["plain"]
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(
            subject="Pump leaks", account_id=account, contact_id=ids[who], owner=owner,
            resolution="Seal replaced"), now=CLOSED_AT)  # fmt: skip
        cases.move_case(session, case_id, CaseStatus.RESOLVED, CLOSED_AT)
    return case_id


def _setting(db, choice: str) -> None:
    with db.transaction() as session:
        survey_sending.save_message(session, SurveyMessage(after_close=choice))


def _editor(qtbot, db, case_id) -> CaseEditor:
    undo = QUndoStack()
    editor = CaseEditor(db, DataBus(), undo, None, case_id)
    editor._test_undo = undo  # kept alive with the editor
    qtbot.addWidget(editor)
    return editor


def _answer(qtbot, editor: CaseEditor, send: bool, asked: list[str]) -> None:
    """Click the question box's button once it is open; what it asked goes to `asked`."""

    def click() -> None:
        box = editor.survey_box
        if box is None or not box.isVisible():
            QTimer.singleShot(20, click)
            return
        asked.append(box.text())
        role = QMessageBox.ButtonRole.YesRole if send else QMessageBox.ButtonRole.NoRole
        button = next(b for b in box.buttons() if box.buttonRole(b) == role)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _close(qtbot, editor: CaseEditor) -> None:
    qtbot.mouseClick(editor.step_buttons[CaseStatus.CLOSED], Qt.MouseButton.LeftButton)


def _counts(db) -> tuple[int, int, int]:
    with db.reading() as session:
        return (session.query(OutboxMessage).filter_by(deleted_at=None).count(),
                session.query(CalendarEvent).filter_by(deleted_at=None).count(),
                session.query(CaseNote).filter_by(kind="survey", deleted_at=None).count(),
                )  # fmt: skip


def _thread(editor: CaseEditor) -> list[str]:
    return [editor.notes.item(i).text() for i in range(editor.notes.count())]


def test_always_sends_on_closing_without_a_question_and_undo_takes_it_back(qtbot, db):
    ids = desk_and_people(db)
    _setting(db, "always")
    editor = _editor(qtbot, db, _resolved(db, ids, "zhang"))
    _close(qtbot, editor)
    assert editor.survey_box is None
    assert _counts(db) == (1, 0, 1)
    assert any("[Survey] Survey e-mailed to 张伟 <zhang.wei@alpha.cn>" in t
               for t in _thread(editor))  # fmt: skip
    assert editor.survey_button is None  # sent: nothing more to offer
    undo = editor._test_undo
    assert undo.undoText().startswith("Send the satisfaction survey of case ")
    undo.undo()  # the survey only; the case stays closed
    assert _counts(db) == (0, 0, 0)
    with db.reading() as session:
        assert cases.get_case(session, editor.saved_id).status is CaseStatus.CLOSED
    editor.reload()
    assert editor.survey_button is not None  # taken back: it can be sent again


def test_ask_names_the_contact_and_channel_and_not_now_sends_nothing(qtbot, db):
    ids = desk_and_people(db)  # the setting's default is ask
    editor = _editor(qtbot, db, _resolved(db, ids, "tom", owner="Wang"))
    asked: list[str] = []
    _answer(qtbot, editor, False, asked)
    _close(qtbot, editor)
    assert len(asked) == 1
    assert "Ask Tom Baker for a satisfaction survey by phone (+44 20 7946 0018)?" in asked[0]
    assert re.search(r"Wang gets a task to do it, due \d{4}-\d\d-\d\d\.$", asked[0])
    assert _counts(db) == (0, 0, 0)
    # not now, but the editor still offers it; yes this time
    assert editor.survey_button is not None
    _answer(qtbot, editor, True, asked)
    qtbot.mouseClick(editor.survey_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 2 and _counts(db) == (0, 1, 1)
    assert any("[Survey] Survey task for Wang" in t for t in _thread(editor))


def test_ask_for_an_email_and_yes_queues_it(qtbot, db):
    ids = desk_and_people(db)
    editor = _editor(qtbot, db, _resolved(db, ids, "zhang"))
    asked: list[str] = []
    _answer(qtbot, editor, True, asked)
    _close(qtbot, editor)
    assert asked and asked[0].endswith("to 张伟 by e-mail (zhang.wei@alpha.cn)?")
    assert _counts(db) == (1, 0, 1)


def test_never_does_nothing_and_asks_nothing(qtbot, db):
    ids = desk_and_people(db)
    _setting(db, "never")
    editor = _editor(qtbot, db, _resolved(db, ids, "zhang"))
    asked: list[str] = []
    _answer(qtbot, editor, True, asked)  # would click a box if one opened
    _close(qtbot, editor)
    qtbot.wait(100)
    assert asked == [] and _counts(db) == (0, 0, 0)
    assert editor.survey_button is not None  # it can still be sent by hand


def test_closing_reopening_and_closing_again_sends_once(qtbot, db):
    ids = desk_and_people(db)
    _setting(db, "always")
    editor = _editor(qtbot, db, _resolved(db, ids, "zhang"))
    _close(qtbot, editor)
    qtbot.mouseClick(editor.step_buttons[CaseStatus.REOPENED], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.step_buttons[CaseStatus.RESOLVED], Qt.MouseButton.LeftButton)
    _setting(db, "ask")
    asked: list[str] = []
    _answer(qtbot, editor, True, asked)
    _close(qtbot, editor)
    qtbot.wait(100)
    assert asked == []  # surveyed already: not asked again
    assert _counts(db) == (1, 0, 1)


def test_in_chinese_the_question_the_task_and_the_note_are_worded_in_chinese(qtbot, db, chinese):
    ids = desk_and_people(db)
    editor = _editor(qtbot, db, _resolved(db, ids, "tom", owner="王芳"))
    asked: list[str] = []
    _answer(qtbot, editor, True, asked)
    _close(qtbot, editor)
    assert asked[0].startswith("工单 ")
    assert "是否通过电话（+44 20 7946 0018）请 Tom Baker" in asked[0]
    with db.reading() as session:
        (task,) = session.query(CalendarEvent).all()
        assert task.title.startswith("请 Tom Baker 填写工单 ")
    assert any("[回访] 已为 王芳 创建回访任务" in t and "首选渠道" in t for t in _thread(editor))


def test_a_survey_e_mail_that_has_gone_out_cannot_be_undone(qtbot, db, monkeypatch):
    from crmdesk.services import outbox
    from crmdesk.services.outbox import SmtpSettings
    from crmdesk.views.shell import errors
    from tests.smtp_server import Received, Server, free_port

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "report", lambda parent, error: shown.append(error))
    ids = desk_and_people(db)
    _setting(db, "always")
    editor = _editor(qtbot, db, _resolved(db, ids, "zhang"))
    _close(qtbot, editor)
    server = Server(free_port(), Received())
    server.start()
    try:
        settings = SmtpSettings(host="127.0.0.1", port=server.port, security="none", timeout=5,
                                from_address="service@seller.cn")  # fmt: skip
        assert outbox.send_pending(db, settings).sent == 1
    finally:
        server.stop()
    editor._test_undo.undo()
    assert len(shown) == 1 and "gone out already" in str(shown[0])
    assert _counts(db) == (1, 0, 1)  # the message and the note stay


def test_a_name_holding_a_place_marker_is_asked_about_as_written(qtbot, db):
    """The question is filled in one pass: a contact called "Tom %4" keeps the "%4"."""
    import dataclasses

    ids = desk_and_people(db)
    case_id = _resolved(db, ids, "tom")
    with db.transaction() as session:
        cases.move_case(session, case_id, CaseStatus.CLOSED, CLOSED_AT)
    editor = _editor(qtbot, db, case_id)
    plan = editor.survey_plan()
    assert plan is not None
    question = editor.survey_question(dataclasses.replace(plan, contact="Tom %4"))
    assert "Ask Tom %4 for a satisfaction survey" in question or "to Tom %4 by" in question
