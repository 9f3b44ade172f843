"""What a day is beyond its date: a public holiday, a make-up working day, its lunar date.

Holidays come from the `holidays` package for a country (China's make-up working days, the
weekends worked to bridge a holiday, are its `weekend_workdays`); lunar dates and solar terms
from `lunar_python`. Years are read once and kept. The calendar shades these days and the
service levels count working hours around them, so the rule lives here, below both.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays
from lunar_python import Solar


class DayMarks:
    """Holidays, make-up working days and (when `lunar`) lunar texts for one country."""

    def __init__(self, country: str, *, lunar: bool = False, language: str = "") -> None:
        self.country = country
        self.lunar = lunar
        self.language = language
        self._years: dict[int, holidays.HolidayBase | None] = {}

    def _year(self, year: int) -> holidays.HolidayBase | None:
        if year not in self._years:
            try:
                found = holidays.country_holidays(self.country, years=year)
                if self.language in getattr(found, "supported_languages", ()):
                    found = holidays.country_holidays(
                        self.country, years=year, language=self.language
                    )
                self._years[year] = found
            except (NotImplementedError, KeyError, AttributeError):
                self._years[year] = None
        return self._years[year]

    def holiday(self, day: dt.date) -> str:
        """The holiday's name on `day` ("" for none)."""
        found = self._year(day.year)
        return (found.get(day) or "") if found is not None else ""

    def is_makeup_workday(self, day: dt.date) -> bool:
        """A weekend day worked to bridge a holiday (调休上班)."""
        found = self._year(day.year)
        return found is not None and day in getattr(found, "weekend_workdays", ())

    def is_day_off(self, day: dt.date) -> bool:
        """A holiday, or a weekend that is not worked."""
        if self.holiday(day):
            return True
        return day.isoweekday() >= 6 and not self.is_makeup_workday(day)

    def lunar_text(self, day: dt.date) -> str:
        """The solar term of the day, else its lunar day (the month's name on its first day);
        "" unless lunar texts were asked for."""
        return lunar_text(day) if self.lunar else ""


@lru_cache(maxsize=1024)
def lunar_text(day: dt.date) -> str:
    """清明 on a solar term; 正月 on the first of a lunar month; else 初二, 十五, 廿三…"""
    lunar = Solar.fromYmd(day.year, day.month, day.day).getLunar()
    term = lunar.getJieQi()
    if term:
        return str(term)
    if lunar.getDay() == 1:
        return f"{lunar.getMonthInChinese()}月"
    return str(lunar.getDayInChinese())


__all__ = ["DayMarks", "lunar_text"]
