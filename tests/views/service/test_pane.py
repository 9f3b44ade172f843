"""The Service pane on a real file: the list filters, a VIP complaint stands out, the editor
walks the workflow and suggests solutions, escalation fires on a controlled clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from crmdesk.models import ServiceCase
from crmdesk.models.enums import CaseStatus
from crmdesk.services import cases, solutions
from crmdesk.services.cases import CaseDraft
from crmdesk.services.solutions import SolutionDraft
from crmdesk.store.db import Database
from crmdesk.views.service.pane import ServicePane
from crmdesk.views.service.table import OVERDUE_TEXT, VIP_COMPLAINT_TINT
from crmdesk.views.shell.bus import DataBus
from tests.services.case_data import bj, build_worked


def _pane(qtbot, db: Database, now=None) -> ServicePane:
    pane = ServicePane(db, DataBus(), QUndoStack(), now=now or (lambda: bj(2026, 3, 2, 10)))
    qtbot.addWidget(pane)
    pane.resize(1366, 700)
    pane.show()
    qtbot.waitExposed(pane)
    qtbot.waitUntil(lambda: not pane.model.is_loading, timeout=10_000)
    return pane


def _subjects(pane: ServicePane) -> list[str]:
    return [pane.model.record_at(r).subject for r in range(pane.model.rowCount())]


def test_the_list_filters_and_a_vip_complaint_stands_out(qtbot, db):
    build_worked(db)
    pane = _pane(qtbot, db)
    assert _subjects(pane) == ["D", "C", "B", "A"]
    row_b = _subjects(pane).index("B")
    background = pane.model.index(row_b, 2).data(Qt.ItemDataRole.BackgroundRole)
    assert background.color() == VIP_COMPLAINT_TINT
    assert pane.model.index(row_b, 0).data() == "★ VIP"
    assert pane.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane.status.setCurrentIndex(pane.status.findData("closed"))
    assert _subjects(pane) == ["B"]
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane.status.setCurrentIndex(0)
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane.overdue.setChecked(True)
    assert _subjects(pane) == ["D"]  # the clock says now; D is long past its targets
    foreground = pane.model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole)
    assert foreground.color() == OVERDUE_TEXT
    assert pane.count.text() == "1 case(s)"


def test_the_editor_saves_walks_the_workflow_and_undo_takes_it_back(qtbot, db):
    pane = _pane(qtbot, db)
    editor = pane.open_case(None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.subject, "Scanner does not start")
    editor.owner.setText("王芳")
    editor.save()
    with db.reading() as session:
        (case_id,) = cases.case_ids(session)
        assert cases.get_case(session, case_id).status is CaseStatus.ASSIGNED
    editor = pane.open_case(case_id)
    qtbot.addWidget(editor)
    assert set(editor.step_buttons) == {CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED}
    editor.resolution.setPlainText("Replaced the power supply")
    qtbot.mouseClick(editor.step_buttons[CaseStatus.RESOLVED], Qt.MouseButton.LeftButton)
    with db.reading() as session:
        assert cases.get_case(session, case_id).status is CaseStatus.RESOLVED
    assert set(editor.step_buttons) == {CaseStatus.CLOSED, CaseStatus.REOPENED}
    assert editor.publish.isEnabled()
    pane._undo.undo()
    with db.reading() as session:
        assert cases.get_case(session, case_id).status is CaseStatus.ASSIGNED


def test_notes_and_attachments_in_the_editor(qtbot, db, tmp_path):
    pane = _pane(qtbot, db)
    assert pane.folder is not None and pane.folder.name == "crm-files"
    editor = pane.open_case(None)
    qtbot.addWidget(editor)
    editor.subject.setText("Broken hinge")
    qtbot.keyClicks(editor.note_text, "Called, photo asked for")
    editor.note_minutes.setValue(12)
    qtbot.keyClick(editor.note_text, Qt.Key.Key_Return)
    photo = tmp_path / "hinge.jpg"
    photo.write_bytes(b"jpeg")
    editor.attach(photo)
    assert editor.notes.count() == 1 and "Called, photo asked for" in editor.notes.item(0).text()
    assert editor.attachments.count() == 1
    url = editor.attachment_url(editor.attachments.item(0))
    assert url is not None and url.isLocalFile()
    assert Path(url.toLocalFile()).read_bytes() == b"jpeg"
    with db.reading() as session:
        assert cases.get_case(session, editor.saved_id).draft.minutes_spent == 12


def test_the_editor_suggests_solutions_as_the_subject_is_typed(qtbot, db):
    with db.transaction() as session:
        solutions.save_solution(session, SolutionDraft(
            title="打印机经常卡纸", problem="卡纸", fix="更换进纸辊"))  # fmt: skip
    pane = _pane(qtbot, db)
    editor = pane.open_case(None)
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor.subject, "dayinji")  # the pinyin of 打印机, typed
    qtbot.waitUntil(lambda: editor.suggested.count() == 1, timeout=3000)
    editor._on_suggestion_activated(editor.suggested.item(0))
    assert "更换进纸辊" in editor.resolution.toPlainText()


def test_escalation_fires_on_the_controlled_clock(qtbot, db):
    with db.transaction() as session:
        cases.save_case(session, CaseDraft(subject="Line stopped", owner="王芳"),
                        now=bj(2026, 3, 2, 9))  # fmt: skip
    moment = {"now": bj(2026, 3, 2, 10)}
    pane = _pane(qtbot, db, now=lambda: moment["now"])
    assert pane.check_escalations() == []
    assert not pane.escalated.isVisibleTo(pane)
    moment["now"] = bj(2026, 3, 20, 9)  # far past the resolution target
    with qtbot.waitSignal(pane.notices, timeout=3000) as blocker:
        pane.check_escalations()
    (notice,) = blocker.args[0]
    assert "王芳" in pane.notice_text(notice)
    assert pane.escalated.isVisibleTo(pane) and "Line stopped" in pane.escalated.text()


def test_solutions_and_figures_tabs_show_the_data(qtbot, db):
    build_worked(db)
    with db.transaction() as session:
        solutions.save_solution(session, SolutionDraft(title="Router drops VPN",
                                                       fix="Upgrade firmware"))  # fmt: skip
    pane = _pane(qtbot, db)
    pane.tabs.setCurrentWidget(pane.solutions_tab)
    pane.solution_search.setText("firmware")
    pane.search_solutions()
    assert pane.solution_list.count() == 1
    assert "Upgrade firmware" in pane.solution_text.toPlainText()
    pane.figures.today = dt.date(2026, 4, 30)
    pane.tabs.setCurrentWidget(pane.figures)
    assert pane.figures.figures is not None and pane.figures.figures.resolved == 3
    assert len(pane.figures.volume.series()) == 1 and len(pane.figures.targets.series()) == 1
    pane.surveys.today = dt.date(2026, 4, 30)
    pane.tabs.setCurrentWidget(pane.surveys)
    assert pane.surveys.table.rowCount() == 3 and "0.963" in pane.surveys.overall.text()


def _select(qtbot, pane: ServicePane, subject: str) -> None:
    row = _subjects(pane).index(subject)
    pane.table.selectRow(row)
    pane.table.setFocus()
    qtbot.waitUntil(pane.table.hasFocus)


def _deleted(db: Database, case_id) -> bool:
    with db.reading() as session:
        return session.get(ServiceCase, case_id).deleted_at is not None


def test_delete_moves_cases_to_the_bin_and_undo_or_restore_brings_them_back(qtbot, db):
    made = build_worked(db)
    pane = _pane(qtbot, db)
    number_b = _number(db, made["b"])
    _select(qtbot, pane, "B")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        qtbot.keyClick(pane.table, Qt.Key.Key_Delete)
    assert _deleted(db, made["b"])
    assert _subjects(pane) == ["D", "C", "A"]
    assert pane._undo.undoText() == "Delete case " + number_b
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane._undo.undo()
    assert not _deleted(db, made["b"])
    assert _subjects(pane) == ["D", "C", "B", "A"]
    _select(qtbot, pane, "A")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        qtbot.mouseClick(pane.delete_button, Qt.MouseButton.LeftButton)
    assert _deleted(db, made["a"])
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane.bin.setChecked(True)
    assert _subjects(pane) == ["A"]
    assert pane.restore_button.isVisible() and not pane.delete_button.isVisible()
    assert not pane.delete_selected()  # nothing is deleted twice from the bin
    _select(qtbot, pane, "A")
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        qtbot.mouseClick(pane.restore_button, Qt.MouseButton.LeftButton)
    assert not _deleted(db, made["a"])
    assert _subjects(pane) == []
    with qtbot.waitSignal(pane.model.keys_loaded, timeout=10_000):
        pane.bin.setChecked(False)
    assert _subjects(pane) == ["D", "C", "B", "A"]
    assert pane._undo.undoText() == "Restore 1 case(s)"


def _number(db: Database, case_id) -> str:
    with db.reading() as session:
        return cases.get_case(session, case_id).number


def test_publishing_a_resolved_case_asks_for_cause_and_products_once(qtbot, db):
    with db.transaction() as session:
        case_id = cases.save_case(session, CaseDraft(
            subject="打印机卡纸", description="每天卡纸三次", owner="王芳"),
            now=bj(2026, 3, 2, 9))  # fmt: skip
        cases.move_case(session, case_id, CaseStatus.RESOLVED, bj(2026, 3, 2, 11),
                        resolution="更换进纸辊")  # fmt: skip
    pane = _pane(qtbot, db)
    editor = pane.open_case(case_id)
    qtbot.addWidget(editor)
    assert editor.publish.isEnabled() and editor.publish.text() == "Publish as solution…"
    dialog = editor.solution_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert (dialog.title.text(), dialog.problem.toPlainText(), dialog.fix.toPlainText()) == (
        "打印机卡纸", "每天卡纸三次", "更换进纸辊")  # fmt: skip
    dialog.cause.setPlainText("进纸辊磨损")
    qtbot.keyClicks(dialog.products, "LP-200")
    assert editor.store_solution(dialog.draft())
    with db.reading() as session:
        (found,) = solutions.search(session, "kazhi")  # 卡纸, in pinyin
    assert (found.cause, found.products, found.case_id) == ("进纸辊磨损", "LP-200", case_id)
    assert editor.publish.text() == "Edit the solution…"
    again = editor.solution_dialog()  # the published one, to edit: not a second solution
    assert again is not None and again.cause.toPlainText() == "进纸辊磨损"
    qtbot.addWidget(again)
    again.products.setText("LP-200, LP-300")
    assert editor.store_solution(again.draft())
    with db.reading() as session:
        (only,) = solutions.search(session, "")
    assert only.id == found.id and only.products == "LP-200, LP-300"
    pane._undo.undo()
    with db.reading() as session:
        assert solutions.search(session, "")[0].products == "LP-200"


def test_a_wide_window_widens_the_subject_and_account_not_an_empty_margin(qtbot, db):
    from crmdesk.views.service.table import ACCOUNT_COLUMN, SUBJECT_COLUMN

    build_worked(db)
    pane = _pane(qtbot, db)
    header = pane.table.horizontalHeader()
    hinted = {c: pane.model.columns[c].width * pane.table.fontMetrics().averageCharWidth() + 16
              for c in (SUBJECT_COLUMN, ACCOUNT_COLUMN)}  # fmt: skip
    for width in (1366, 1920):
        pane.resize(width, 700)
        qtbot.waitUntil(lambda w=width: pane.width() == w)
        qtbot.wait(20)
        sections = sum(header.sectionSize(c) for c in range(header.count()))
        assert abs(sections - pane.table.viewport().width()) <= 2  # filled, nothing scrolls
        assert not pane.table.horizontalScrollBar().isVisible()
        if width == 1920:
            for column, hint in hinted.items():
                assert header.sectionSize(column) > hint + 100
    assert header.sectionSize(SUBJECT_COLUMN) == header.sectionSize(ACCOUNT_COLUMN)


def test_the_escalated_line_counts_what_it_does_not_name(qtbot, db):
    with db.transaction() as session:
        for n in range(6):
            cases.save_case(session, CaseDraft(subject=f"Line {n} stopped"),
                            now=bj(2026, 3, 2, 9))  # fmt: skip
    pane = _pane(qtbot, db, now=lambda: bj(2026, 3, 20, 9))
    pane.check_escalations()  # (the first ran at start: nothing twice)
    text = pane.escalated.text()
    assert text.startswith("6 escalated: ") and text.endswith(" and 2 more")
    assert text.count("stopped") == 4
