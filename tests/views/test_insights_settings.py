"""Tools > Settings > Insights: the terms typed are what the figures read after OK."""

from __future__ import annotations

from crmdesk.services import insights
from crmdesk.views.insights.settings_page import InsightsSettingsPage
from crmdesk.views.shell.settings_dialog import SettingsDialog


def test_ok_saves_the_insight_terms(qtbot, db):
    dialog = SettingsDialog(db, [InsightsSettingsPage])
    qtbot.addWidget(dialog)
    page = dialog.pages[0]
    assert page.platinum.value() == 1.0 and page.indicators["calls_made"].isChecked()
    page.platinum.setValue(2.0)
    page.churn.setValue(3.0)
    page.indicators["cases_closed"].setChecked(False)
    dialog.accept()
    with db.reading() as session:
        conf = insights.load_settings(session)
    assert (conf.platinum_share, conf.churn_factor) == (2.0, 3.0)
    assert "cases_closed" not in conf.indicators and "calls_made" in conf.indicators
