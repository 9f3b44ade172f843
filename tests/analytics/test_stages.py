"""Loyalty and lifecycle suggestions with their reasons."""

from __future__ import annotations

from crmdesk.analytics.stages import suggestions
from crmdesk.models.enums import LifecyclePhase, LoyaltyStage
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers


def test_suggestions_follow_the_rules_and_say_why(db: Database) -> None:
    customers(
        db,
        {
            "fresh": [("2026-06-01", "10")],
            "gone": [("2024-01-01", "10"), ("2024-06-01", "10")],
            "none": [],
        },
    )
    with db.reading() as session:
        got = {s.name: s for s in suggestions(session, AS_OF)}
    assert (got["fresh"].loyalty, got["fresh"].lifecycle) == (
        LoyaltyStage.NEW,
        LifecyclePhase.ACQUISITION,
    )
    assert got["gone"].lifecycle is LifecyclePhase.LOST
    assert got["gone"].loyalty is LoyaltyStage.REGULAR  # 2.5 years, but bought in one year only
    assert got["fresh"].reason == (
        "customer for 0.1 years; 1 purchases; last 29 days ago; "
        "1 in the last 365 days against 0 the year before"
    )
    assert got["none"].reason == "no purchase yet"
    assert got["none"].loyalty is LoyaltyStage.PROSPECT and not got["none"].changes
    assert got["fresh"].changes


def test_the_last_contact_counts_and_is_given_as_a_reason(db: Database) -> None:
    """An activity with one of the account's people keeps a year-quiet buyer in decline; a
    prospect entered long ago with no contact since is lost."""
    import datetime as dt

    from sqlalchemy import update

    from crmdesk.models import Account, Activity, Contact

    ids = customers(db, {"quiet": [("2025-01-10", "10")], "prospect": []})
    with db.transaction() as session:
        person = Contact(given_name="Wu", sort_key="wu", account_id=ids["quiet"])
        session.add(person)
        session.flush()
        when = dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC)
        session.add(Activity(contact_id=person.id, occurred_at=when))
        session.execute(
            update(Account)
            .where(Account.id == ids["prospect"])
            .values(created_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
        )
    with db.reading() as session:
        got = {s.name: s for s in suggestions(session, AS_OF)}
    assert got["quiet"].lifecycle is LifecyclePhase.DECLINE
    assert str(got["quiet"].reason).endswith("; last contact 29 days ago")
    assert got["prospect"].lifecycle is LifecyclePhase.LOST
