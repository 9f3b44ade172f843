"""A month's targets saved at once: set, replaced, removed, and broadcast to open screens."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crmdesk.core.errors import KnownError
from crmdesk.services import targets
from crmdesk.services.accounts import AccountDraft, save_account
from crmdesk.services.changes import changes_in
from crmdesk.store.db import Database
from crmdesk.views.shell import writes

D = Decimal


def test_a_month_is_saved_at_once_and_reaches_the_broadcast(db: Database) -> None:
    with db.transaction() as session:
        save_account(session, AccountDraft(name="锐新电气", owner="Li"))
        targets.set_targets(session, [
            targets.TargetDraft("Li", "2026-06", "calls_made", D(10), D(1)),
            targets.TargetDraft("Li", "2026-06", "visits_made", D(4), D(1)),
        ])  # fmt: skip
    written = writes.transact(
        db,
        lambda s: targets.save_month(s, "2026-06", {
            ("Li", "revenue_won"): (D(85000), D(3)),
            ("Li", "calls_made"): (D(12), D(1)),
            ("Li", "visits_made"): None,
        }),
    )  # fmt: skip
    assert len(written.changes.targets) == 3  # the new, the changed and the removed target
    with db.reading() as session:
        grid = targets.month_grid(session, "2026-06")
    assert grid.owners == ("Li",)
    assert dict(grid.cells) == {
        ("Li", "revenue_won"): (D(85000), D(3)),
        ("Li", "calls_made"): (D(12), D(1)),
    }


def test_a_negative_target_writes_nothing(db: Database) -> None:
    with pytest.raises(KnownError), db.transaction() as session:
        targets.save_month(session, "2026-06", {
            ("Li", "calls_made"): (D(3), D(1)),
            ("Wang", "calls_made"): (D(-1), D(1)),
        })  # fmt: skip
    with db.reading() as session:
        assert targets.month_grid(session, "2026-06").cells == {}
        assert changes_in(session).is_empty
