"""Tools > Settings > Service: an edited rule and the band edges reach the data file; a bad
value is refused and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox

from crmdesk.models.enums import CasePriority, ValueTier
from crmdesk.services import service_levels, surveys
from crmdesk.views.service.settings_page import RESOLUTION, RESPONSE, ServiceLevelsPage
from crmdesk.views.shell.settings_dialog import SettingsDialog


def _box(page: ServiceLevelsPage, row: int, column: int) -> QDoubleSpinBox:
    box = page.rules.cellWidget(row, column)
    assert isinstance(box, QDoubleSpinBox)
    return box


def test_an_edited_rule_and_the_bands_are_saved(qtbot, db):
    dialog = SettingsDialog(db, [ServiceLevelsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert isinstance(page, ServiceLevelsPage) and page.rules.rowCount() == 12
    _box(page, 0, RESPONSE).setValue(0.25)  # VIP urgent
    page.managers.setText("王芳 = 李经理; Tom = Ann")
    page.band_low.setValue(0.9)
    dialog.accept()
    with db.reading() as session:
        levels = service_levels.load(session)
        assert levels.rule(ValueTier.VIP, CasePriority.URGENT).response_hours == 0.25
        assert levels.manager_of("王芳") == "李经理" and levels.manager_of("Tom") == "Ann"
        assert surveys.load_bands(session).low == 0.9


def test_a_response_slower_than_the_resolution_is_refused(qtbot, db, monkeypatch):
    from crmdesk.views.shell import errors

    shown = []
    monkeypatch.setattr(errors, "report", lambda parent, error: shown.append(error))
    dialog = SettingsDialog(db, [ServiceLevelsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    _box(page, 0, RESPONSE).setValue(50)
    _box(page, 0, RESOLUTION).setValue(4)
    dialog.accept()
    assert len(shown) == 1  # shown once; the dialog stays open
    with db.reading() as session:
        assert service_levels.load(session) == service_levels.ServiceLevels()


def test_the_survey_choice_and_message_are_saved_and_a_bad_field_refused(qtbot, db, monkeypatch):
    from crmdesk.services import survey_sending
    from crmdesk.services.survey_sending import AfterClose
    from crmdesk.views.shell import errors

    dialog = SettingsDialog(db, [ServiceLevelsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert isinstance(page, ServiceLevelsPage)
    assert page.after_close.currentData() == "ask"  # the default
    assert page.subject_zh.text().startswith("服务满意度回访")
    page.after_close.setCurrentIndex(page.after_close.findData("always"))
    page.subject_en.setText("Your case {{ case_number }}")
    dialog.accept()
    with db.reading() as session:
        message = survey_sending.load_message(session)
        assert message.after() is AfterClose.ALWAYS
        assert message.subject == "Your case {{ case_number }}"
    shown = []
    monkeypatch.setattr(errors, "report", lambda parent, error: shown.append(error))
    dialog = SettingsDialog(db, [ServiceLevelsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.after_close.currentData() == "always"
    page.after_close.setCurrentIndex(page.after_close.findData("never"))
    page.text_en.setPlainText("Dear {{ nobody }}")
    dialog.accept()
    assert len(shown) == 1
    with db.reading() as session:
        assert survey_sending.load_message(session).after() is AfterClose.ALWAYS
