"""The survey template dialog, opened from the Surveys view: items added, renamed, reweighed,
moved and removed, saved in place as one undo step; an item recorded surveys answer is not
removed, and the dialog says why."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDoubleSpinBox

from crmdesk.services import surveys
from crmdesk.services.surveys import Answer, SurveyDraft
from crmdesk.views.service.surveys_view import SurveysView
from crmdesk.views.service.template_dialog import NAME, WEIGHT, TemplateDialog
from crmdesk.views.shell.bus import DataBus


def _dialog(qtbot, db) -> tuple[TemplateDialog, QUndoStack]:
    undo = QUndoStack()
    view = SurveysView(db, DataBus(), undo)
    qtbot.addWidget(view)
    dialog = view.edit_templates()
    assert isinstance(dialog, TemplateDialog)
    dialog._test_view = view  # the view (the dialog's parent) lives as long as the test
    return dialog, undo


def _names(dialog: TemplateDialog) -> list[str]:
    return [dialog.items.item(r, NAME).text() for r in range(dialog.items.rowCount())]


def _weight(dialog: TemplateDialog, row: int) -> QDoubleSpinBox:
    box = dialog.items.cellWidget(row, WEIGHT)
    assert isinstance(box, QDoubleSpinBox)
    return box


def _stored(db):
    with db.reading() as session:
        (template,) = surveys.templates(session)
    return template


def test_items_are_added_renamed_moved_removed_and_saved_in_place(qtbot, db):
    dialog, undo = _dialog(qtbot, db)
    before = _stored(db)
    assert _names(dialog) == ["Product", "Service", "Response time", "Staff", "Communication",
                              "Price"]  # fmt: skip
    dialog.name.setText("After repair")
    dialog.scale.setCurrentIndex(dialog.scale.findData(10))
    dialog.items.item(1, NAME).setText("Service on site")  # renamed
    _weight(dialog, 5).setValue(2.5)  # Price weighs more
    dialog.items.setCurrentCell(5, NAME)
    dialog.move_item(-1)  # Price above Communication
    assert dialog.remove_item(3)  # Staff: never answered
    row = dialog.add_item()
    dialog.items.item(row, NAME).setText("Delivery")
    assert dialog.save()
    after = _stored(db)
    assert after.id == before.id and after.name == "After repair" and after.scale == 10
    assert after.items == (("Product", 1.0), ("Service on site", 1.0), ("Response time", 1.0),
                           ("Price", 2.5), ("Communication", 1.0), ("Delivery", 1.0))
    assert after.item_ids[:2] == before.item_ids[:2]  # the same items, edited in place
    assert undo.count() == 1
    undo.undo()
    assert _stored(db).items == before.items


def test_an_answered_item_is_not_removed_and_the_dialog_says_why(qtbot, db):
    with db.transaction() as session:
        tid = surveys.ensure_default_template(session)
        surveys.save_survey(session, SurveyDraft(
            dt.date(2026, 3, 2), (Answer("Product", 5, 4), Answer("Price", 3, 3)),
            template_id=tid))  # fmt: skip
    dialog, _undo = _dialog(qtbot, db)
    assert "1 survey" in dialog.recorded.text()
    assert not dialog.remove_item(0)  # Product is answered
    assert _names(dialog)[0] == "Product"
    assert dialog.notice.text().startswith("Product cannot be removed: 1 recorded survey")
    assert dialog.remove_item(1)  # Service is not
    assert dialog.notice.text() == ""
    # renaming the answered item keeps its answers with it
    dialog.items.item(0, NAME).setText("Product quality")
    assert dialog.save()
    with db.reading() as session:
        report = surveys.report(session)
    assert report is not None and [i.item for i in report.items] == ["Product quality", "Price"]
    assert "Service" not in [n for n, _ in _stored(db).items]


def test_a_new_template_is_added_beside_the_shipped_one(qtbot, db):
    dialog, _undo = _dialog(qtbot, db)
    dialog.new_template()
    dialog.name.setText("回访问卷")
    dialog.items.item(0, NAME).setText("上门速度")
    assert dialog.save()
    with db.reading() as session:
        found = {t.name: t.items for t in surveys.templates(session)}
    assert found["回访问卷"] == (("上门速度", 1.0),) and len(found) == 2
    assert dialog.current() is not None and dialog.current().name == "回访问卷"


def test_in_chinese_shipped_items_show_translated_and_stay_stored_in_english(qtbot, db, chinese):
    dialog, _undo = _dialog(qtbot, db)
    assert _names(dialog)[:2] == ["产品", "服务"] and dialog.name.text() == "售后满意度调查"
    dialog.items.item(1, NAME).setText("上门服务")  # renamed: stored as typed
    assert dialog.save()
    stored = _stored(db)
    assert stored.name == "After-sales survey"  # untouched: the English key, still translated
    assert [n for n, _ in stored.items][:3] == ["Product", "上门服务", "Response time"]
