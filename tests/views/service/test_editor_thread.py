"""The case editor's thread in the user's language: the workflow's steps in the status words,
an escalation in the catalogue's sentence (both stored in English), people's notes as written."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from crmdesk.models.enums import CaseStatus
from crmdesk.services import cases, escalation
from crmdesk.services.cases import CaseDraft
from crmdesk.views.service.editor import CaseEditor
from crmdesk.views.shell.bus import DataBus
from tests.services.case_data import bj


def _thread(qtbot, db) -> list[str]:
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(subject="Line stopped", owner="王芳"),
                                  now=bj(2026, 3, 2, 9))  # fmt: skip
        cases.add_note(session, case_id, "Called back", now=bj(2026, 3, 2, 9, 30))
        cases.move_case(session, case_id, CaseStatus.IN_PROGRESS, bj(2026, 3, 2, 10))
        (_notice,) = escalation.escalate_due(session, bj(2026, 3, 20, 9))
    undo = QUndoStack()
    editor = CaseEditor(db, DataBus(), undo, None, case_id)
    editor._test_undo = undo
    qtbot.addWidget(editor)
    return [editor.notes.item(i).text() for i in range(editor.notes.count())]


def test_the_thread_in_english(qtbot, db):
    thread = _thread(qtbot, db)
    assert [t.split("] ", 1)[1] for t in thread] == [
        "New → Assigned", "Called back", "Assigned → In progress",
        "CS2026-00001 Line stopped is past its resolution target.",
    ]  # fmt: skip


def test_the_thread_in_chinese(qtbot, db, chinese):
    thread = _thread(qtbot, db)
    assert [t.split("] ", 1)[1] for t in thread] == [
        "新建 → 已分派", "Called back", "已分派 → 处理中",
        "CS2026-00001 Line stopped 已超过解决时限。",
    ]  # fmt: skip
    with db.reading() as session:  # stored in English, for the command line and the log
        (case_id,) = cases.case_ids(session)
        bodies = [n.body for n in cases.get_case(session, case_id).notes]
    assert bodies[0] == "new -> assigned" and bodies[-1].endswith("resolution target.")
