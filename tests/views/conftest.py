"""Fixtures the screens' tests share."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from crmdesk.app import install_translations


@pytest.fixture
def chinese(qapp, monkeypatch):
    """The application in Simplified Chinese as a user's start would set it (CRMDESK_LANG,
    translators, locale), undone after the test."""
    monkeypatch.setenv("CRMDESK_LANG", "zh_CN")
    before = set(qapp.findChildren(QTranslator))
    locale = QLocale()
    install_translations(qapp)
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QApplication.removeTranslator(translator)
    QLocale.setDefault(locale)
