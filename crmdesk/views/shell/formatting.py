"""How stored values read on screen: times in the user's zone and locale, grouped counts,
money with its currency."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def local_datetime_text(when: dt.datetime, locale: QLocale | None = None) -> str:
    """A stored (UTC) moment in the user's time zone, in the locale's short format."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    local = when.astimezone()
    moment = QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )
    return (locale or QLocale()).toString(moment, QLocale.FormatType.ShortFormat)


def grouped(n: int) -> str:
    """A count with the locale's digit grouping (1,234), even in the bare C locale."""
    locale = QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    return locale.toString(n)


CURRENCY_SYMBOLS = {"CNY": "¥", "EUR": "€", "GBP": "£", "USD": "$", "JPY": "JP¥", "HKD": "HK$"}


def money_text(
    amount: Decimal | float, currency: str, locale: QLocale | None = None, decimals: int = 2
) -> str:
    """¥1,234.50 with the locale's grouping; an unknown currency keeps its code."""
    locale = locale or QLocale()
    locale.setNumberOptions(locale.numberOptions() & ~QLocale.NumberOption.OmitGroupSeparator)
    number = locale.toString(float(amount), "f", decimals)
    symbol = CURRENCY_SYMBOLS.get(currency)
    return f"{symbol}{number}" if symbol else f"{number} {currency}"
