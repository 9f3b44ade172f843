"""RFM scores against hand-worked examples: ties, quintile edges, one customer, no history."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal

from crmdesk.analytics import rfm
from crmdesk.analytics.rfm import Segment
from crmdesk.store.db import Database
from tests.insights_data import AS_OF, customers, rfm_example


def _by_name(result: rfm.Rfm) -> dict[str, rfm.RfmRow]:
    return {row.name: row for row in result.rows}


def test_hand_worked_scores_ties_share_the_lowest_rank(db: Database) -> None:
    rfm_example(db)
    with db.reading() as session:
        result = rfm.rfm(session, AS_OF)
    rows = _by_name(result)
    # R by last order, oldest first: C 1, D 2, A and B tied at 3, E 5 (n = 5, score = rank)
    # F smallest first: B, D, E tied at rank 1 -> 1; C rank 4 -> 1 + 15 // 5 = 4; A rank 5 -> 5
    # M smallest first: E 1, B 2, A and D tied at 3, C 5
    assert {n: r.cell for n, r in rows.items()} == {
        "A": "353",
        "B": "312",
        "C": "145",
        "D": "213",
        "E": "511",
    }
    assert {n: r.segment for n, r in rows.items()} == {
        "A": Segment.LOYAL,
        "B": Segment.POTENTIAL_LOYALIST,
        "C": Segment.CANT_LOSE,
        "D": Segment.HIBERNATING,
        "E": Segment.NEW,
    }
    assert (rows["A"].recency_days, rows["A"].frequency, rows["A"].monetary) == (
        10,
        3,
        Decimal("300.00"),
    )
    assert rows["C"].recency_days == 211 and rows["D"].recency_days == 121
    # the cancelled order and the one after the scoring date are not counted
    assert (rows["E"].recency_days, rows["E"].frequency, rows["E"].monetary) == (
        1,
        1,
        Decimal("10.00"),
    )
    assert [name for _, name in result.without_orders] == ["F", "G"]
    assert next(r.name for r in result.rows) == "E"  # best cell first


def test_frequency_ties_across_quintile_edges(db: Database) -> None:
    counts = [1, 1, 1, 2, 2, 3, 4, 4, 4, 5]
    customers(db, {f"c{i}": [("2026-01-01", "1")] * k for i, k in enumerate(counts)})
    with db.reading() as session:
        f = {r.name: r.f for r in rfm.rfm(session, AS_OF).rows}
    # RANK(): 1 1 1 4 4 6 7 7 7 10 -> 1 + floor(5 (rank-1) / 10)
    assert [f[f"c{i}"] for i in range(10)] == [1, 1, 1, 2, 2, 3, 4, 4, 4, 5]


def test_score_boundaries_of_ten_and_seven(db: Database) -> None:
    ids10 = customers(db, {f"t{k:02d}": [("2026-01-01", str(k))] for k in range(1, 11)})
    with db.reading() as session:
        m = {r.name: r.m for r in rfm.rfm(session, AS_OF).rows}
    assert [m[f"t{k:02d}"] for k in range(1, 11)] == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
    assert len(ids10) == 10


def test_score_boundaries_of_seven(db: Database) -> None:
    customers(db, {f"u{k}": [("2026-01-01", str(k))] for k in range(1, 8)})
    with db.reading() as session:
        m = {r.name: r.m for r in rfm.rfm(session, AS_OF).rows}
    # 1 + floor(5 (k-1) / 7) for k = 1..7
    assert [m[f"u{k}"] for k in range(1, 8)] == [1, 1, 2, 3, 3, 4, 5]


def test_one_customer_scores_111(db: Database) -> None:
    customers(db, {"only": [("2026-06-29", "5")]})
    with db.reading() as session:
        result = rfm.rfm(session, AS_OF)
    assert [(r.cell, r.segment) for r in result.rows] == [("111", Segment.LOST)]


def test_empty_history_lists_everyone_apart(db: Database) -> None:
    customers(db, {"x": [], "y": []})
    with db.reading() as session:
        result = rfm.rfm(session, AS_OF)
    assert result.rows == () and len(result.without_orders) == 2
    assert result.cells() == [] and sum(result.segments().values()) == 0


def test_cells_and_segment_figures(db: Database) -> None:
    rfm_example(db)
    with db.reading() as session:
        result = rfm.rfm(session, dt.date(2026, 6, 30))
    cells = {c.cell: (c.customers, c.revenue) for c in result.cells()}
    assert cells["145"] == (1, Decimal("2000.00"))
    assert sum(result.segments().values()) == 5


def test_every_cell_has_one_segment_and_sql_agrees(db: Database) -> None:
    from sqlalchemy import literal, select

    cells = list(itertools.product(range(1, 6), repeat=3))
    with db.reading() as session:
        for r, f, m in cells:
            sql = session.scalar(select(rfm._segment_sql(literal(r), literal(f), literal(m))))
            assert sql == rfm.segment_of(r, f, m).value, (r, f, m)
    named = {rfm.segment_of(*c) for c in cells}
    assert named == set(Segment)
