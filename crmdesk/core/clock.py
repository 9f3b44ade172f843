"""The laptop's clock and zone: the one place that asks the system what time and zone it is."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal


def local_zone_name() -> str:
    """The IANA name of the laptop's zone (TZ wins, as on the command line), else "UTC"."""
    wanted = os.environ.get("TZ", "").lstrip(":")
    if wanted:
        try:
            ZoneInfo(wanted)
            return wanted
        except (ZoneInfoNotFoundError, ValueError):
            pass
    try:
        return tzlocal.get_localzone_name() or "UTC"
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return "UTC"


def local_zone() -> ZoneInfo:
    return ZoneInfo(local_zone_name())


def now() -> dt.datetime:
    """Now, aware, in UTC."""
    return dt.datetime.now(dt.UTC)
