"""The calendar's day marks: the rule (crmdesk.analytics.day_marks) for the user's country."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from crmdesk.analytics.day_marks import DayMarks, lunar_text


def country_of(locale: QLocale) -> str:
    """The two-letter country whose holidays the calendar shades: China for Chinese, else
    the locale's territory."""
    if locale.language() == QLocale.Language.Chinese:
        return "CN"
    return QLocale.territoryToCode(locale.territory())


__all__ = ["DayMarks", "country_of", "lunar_text"]
