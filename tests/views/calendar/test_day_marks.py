"""Holidays, China's make-up working days and lunar dates, against published calendars."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt

from crmdesk.views.calendar.day_marks import DayMarks, country_of, lunar_text
from crmdesk.views.calendar.painting import HOLIDAY_TINT, WEEKEND_TINT
from tests.views.calendar.conftest import make_pane


def test_the_country_is_china_for_chinese_else_the_territory():
    assert country_of(QLocale("zh_CN")) == "CN"
    assert country_of(QLocale("de_DE")) == "DE"


def test_national_day_is_a_holiday_and_a_bridging_sunday_a_working_day():
    marks = DayMarks("CN", language="zh_CN")
    assert marks.holiday(dt.date(2026, 10, 1)) == "国庆节"
    assert marks.is_day_off(dt.date(2026, 10, 1))
    assert marks.is_makeup_workday(dt.date(2026, 9, 20))  # Sunday worked for National Day
    assert not marks.is_day_off(dt.date(2026, 9, 20))
    assert marks.is_day_off(dt.date(2026, 9, 27)) and not marks.holiday(dt.date(2026, 9, 29))


def test_lunar_dates_and_solar_terms_match_the_almanac():
    assert lunar_text(dt.date(2026, 2, 17)) == "正月"  # Spring Festival, 正月初一
    assert lunar_text(dt.date(2026, 2, 18)) == "雨水"
    assert lunar_text(dt.date(2026, 2, 19)) == "初三"
    assert lunar_text(dt.date(2026, 4, 5)) == "清明"
    assert lunar_text(dt.date(2026, 9, 25)) == "十五"  # Mid-Autumn, 八月十五
    assert DayMarks("CN").lunar_text(dt.date(2026, 4, 5)) == ""  # only in Chinese


def test_the_month_view_shades_national_day_and_not_the_worked_sunday(qtbot, db, locale):
    locale("zh_CN")
    pane = make_pane(qtbot, db, today=dt.date(2026, 9, 15))
    pane.grid.setFocus()
    qtbot.keyClick(pane.grid, Qt.Key.Key_4)
    assert pane.month.isVisible()
    image = pane.month.grab().toImage()

    def colour(day: dt.date):
        rect = pane.month.cell_rect(day)
        return image.pixelColor(int(rect.right()) - 4, int(rect.bottom()) - 4)

    assert colour(dt.date(2026, 10, 1)) == HOLIDAY_TINT
    assert colour(dt.date(2026, 9, 27)) == WEEKEND_TINT
    assert colour(dt.date(2026, 9, 20)) == pane.month.palette().base().color()  # worked
    assert colour(dt.date(2026, 9, 19)) == WEEKEND_TINT
    assert pane.month.days()[0] == dt.date(2026, 8, 31)
    assert pane.marks.lunar_text(dt.date(2026, 10, 6)) == "廿六"
