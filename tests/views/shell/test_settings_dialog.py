"""Tools > Settings: values typed into a tab are in the data file after OK, and not after Cancel."""

from __future__ import annotations

from crmdesk.services import settings
from crmdesk.services.company import CompanyProfile
from crmdesk.views.shell.settings_dialog import CompanyPage, SettingsDialog


def test_ok_saves_our_company_into_the_data_file(qtbot, db):
    dialog = SettingsDialog(db, [CompanyPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    page.name.setText("  上海云杉贸易有限公司 ")
    page.address.setPlainText("上海市浦东新区世纪大道100号")
    page.tax_id.setText("91310115MA1K4XYZ0P")
    dialog.accept()
    with db.reading() as session:
        profile = settings.load(session, CompanyProfile)
    assert profile.name == "上海云杉贸易有限公司"
    assert profile.address == "上海市浦东新区世纪大道100号"
    assert profile.tax_id == "91310115MA1K4XYZ0P"
    again = SettingsDialog(db, [CompanyPage])
    qtbot.addWidget(again)
    assert again.pages[0].name.text() == "上海云杉贸易有限公司"


def test_cancel_writes_nothing(qtbot, db):
    dialog = SettingsDialog(db, [CompanyPage])
    qtbot.addWidget(dialog)
    dialog.pages[0].name.setText("Acme")
    dialog.reject()
    with db.reading() as session:
        assert settings.load(session, CompanyProfile).name == ""
