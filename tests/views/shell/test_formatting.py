"""Stored UTC times read in the user's zone and locale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale

from crmdesk.views.shell.formatting import local_datetime_text


def test_a_utc_time_is_shown_in_local_time(qapp, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    import time

    time.tzset()
    try:
        when = dt.datetime(2024, 3, 1, 1, 30, tzinfo=dt.UTC)
        english = local_datetime_text(
            when, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
        )
        assert english == "01/03/2024 09:30"
        # a naive value is taken as UTC, as the database stores it
        assert local_datetime_text(when.replace(tzinfo=None), QLocale("en_GB")) == english
        chinese = local_datetime_text(when, QLocale("zh_CN"))
        assert "2024" in chinese and "9:30" in chinese
    finally:
        monkeypatch.undo()
        time.tzset()
