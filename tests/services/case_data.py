"""Shared by the service tests: a VIP and an ordinary account, on the Beijing desk."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from crmdesk.models.enums import ValueTier
from crmdesk.services import service_levels
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.service_levels import ServiceLevels

BJ = ZoneInfo("Asia/Shanghai")


def bj(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=BJ)


def desk(db, **levels) -> dict[str, object]:
    """Two accounts and the service levels (Beijing, China's holidays); name -> id."""
    with db.transaction() as session:
        service_levels.save(session, ServiceLevels(zone="Asia/Shanghai", country="CN", **levels))
        vip, _ = save_account(session, AccountDraft(name="华东机械", value_tier=ValueTier.VIP))
        plain, _ = save_account(session, AccountDraft(name="Acme Ltd"))
    return {"vip": vip, "plain": plain}
