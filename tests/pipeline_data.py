"""A small hand-worked pipeline for the service, analytics, CLI and view tests."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from crmdesk.services import pipeline
from crmdesk.services.pipeline import LineDraft, OpportunityDraft
from crmdesk.store.db import Database

UTC = dt.UTC


def stage_ids(db: Database) -> dict[str, uuid.UUID]:
    with db.transaction() as session:
        pipeline.ensure_default_stages(session)
        return {s.name: s.id for s in pipeline.stages(session)}


def build_pipeline(db: Database) -> dict[str, uuid.UUID]:
    """A: 10,000 Proposal (50 %) closing 2026-03-15, owner Li; B: 20,000 Negotiation overridden
    to 60 % closing 2026-03-31, owner Wang; C: 5,000 Qualification (10 %) closing 2026-04-10,
    owner Li; D: 8,000 won on 2026-02-20 (Wang); E: 3,000 lost on 2026-02-25 (Li)."""
    st = stage_ids(db)
    specs = {
        "A": ("Proposal", "10000", None, dt.date(2026, 3, 15), "Li"),
        "B": ("Negotiation", "20000", Decimal(60), dt.date(2026, 3, 31), "Wang"),
        "C": ("Qualification", "5000", None, dt.date(2026, 4, 10), "Li"),
        "D": ("Proposal", "8000", None, dt.date(2026, 2, 28), "Wang"),
        "E": ("Qualification", "3000", None, dt.date(2026, 2, 28), "Li"),
    }
    ids: dict[str, uuid.UUID] = {}
    with db.transaction() as session:
        for key, (stage, amount, prob, close, owner) in specs.items():
            ids[key], _ = pipeline.save_opportunity(
                session,
                OpportunityDraft(
                    name=f"Deal {key}",
                    stage_id=st[stage],
                    amount=Decimal(amount),
                    probability=prob,
                    expected_close=close,
                    owner=owner,
                ),
                when=dt.datetime(2026, 1, 10, 9, tzinfo=UTC),
            )
        pipeline.move_to_stage(
            session,
            ids["D"],
            st["Won"],
            reason="Price",
            when=dt.datetime(2026, 2, 20, 9, tzinfo=UTC),
        )
        pipeline.move_to_stage(
            session,
            ids["E"],
            st["Lost"],
            reason="No budget",
            when=dt.datetime(2026, 2, 25, 9, tzinfo=UTC),
        )
    return ids


SCANNER_LINE = LineDraft("Scanner", Decimal(3), Decimal("1234.56"), Decimal(5), Decimal(13))
