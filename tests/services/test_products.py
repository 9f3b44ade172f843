"""The product catalogue: unique codes, the rules a product meets, inactive not deleted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.services import products
from crmdesk.services.products import ProductDraft
from crmdesk.store.db import Database


def test_catalogue_keeps_codes_unique_and_cost_exact(db: Database) -> None:
    with db.transaction() as session:
        pid, _ = products.save_product(session, ProductDraft(
            "A-1", "扫描仪", "台", Decimal("999.99"), Decimal(13), Decimal("612.3456")))
        with pytest.raises(KnownError):
            products.save_product(session, ProductDraft("a-1", "Other"))
        with pytest.raises(KnownError):
            products.save_product(session, ProductDraft("B-1", "Bad", tax_rate=Decimal(130)))
        with pytest.raises(KnownError):
            products.save_product(session, ProductDraft("", "No code"))
        products.save_product(session, ProductDraft("B-2", "Cable", price=Decimal("3.5")))
        products.set_active(session, [pid], False)
    with db.reading() as session:
        rows = products.products(session)
        active = products.products(session, active_only=True)
        found = products.products(session, search="扫描")
    assert [r.code for r in rows] == ["A-1", "B-2"] and [r.code for r in active] == ["B-2"]
    assert found[0].cost == Decimal("612.3456") and found[0].unit == "台"
