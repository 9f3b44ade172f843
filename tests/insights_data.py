"""Small hand-worked customer histories for the insights tests (analytics, CLI, views)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from decimal import Decimal

from crmdesk.models import Account, Order
from crmdesk.models.enums import OrderStatus
from crmdesk.store.db import Database

AS_OF = dt.date(2026, 6, 30)

Spec = tuple[str, str] | tuple[str, str, OrderStatus]


def customers(
    db: Database, histories: dict[str, Iterable[Spec]], owner: str = "Li"
) -> dict[str, uuid.UUID]:
    """One account per name with the given orders (ISO day, amount[, status]); name -> id."""
    ids = {}
    with db.transaction() as session:
        for name, orders in histories.items():
            account = Account(name=name, sort_key=name.lower(), owner=owner)
            session.add(account)
            session.flush()
            ids[name] = account.id
            for spec in orders:
                status = spec[2] if len(spec) == 3 else OrderStatus.PAID
                session.add(
                    Order(
                        account_id=account.id,
                        ordered_on=dt.date.fromisoformat(spec[0]),
                        amount=Decimal(spec[1]),
                        status=status,
                    )
                )
    return ids


def rfm_example(db: Database) -> dict[str, uuid.UUID]:
    """Five buyers and two without a counted order, scored on AS_OF (worked in test_rfm)."""
    return customers(
        db,
        {
            "A": [("2026-06-20", "100"), ("2026-05-01", "100"), ("2026-01-10", "100")],
            "B": [("2026-06-20", "50")],
            "C": [("2025-12-01", "1000"), ("2025-11-01", "1000")],
            "D": [("2026-03-01", "300")],
            "E": [
                ("2026-06-29", "10"),
                ("2026-06-30", "9999", OrderStatus.CANCELLED),
                ("2026-07-05", "5000"),
            ],
            "F": [],
            "G": [("2026-06-01", "700", OrderStatus.RETURNED)],
        },
    )
