"""The pipeline over 50,000 opportunities and 5,000 leads, offscreen: prints one JSON object.

- board_ms: the board's model ready (stages, every column's keys and header figures, and the
  first page of cards of each column), through BoardModel as the pane builds it;
- forecast_ms: the monthly weighted forecast (analytics.forecast.forecast) with won amounts;
- raw_ms: the same figures from bare SQL with the sqlite3 module in the same process (the
  per-stage keys, counts, sums and weighted sums; the per-month open and won aggregates);
- ratio: (board_ms + forecast_ms) / raw_ms. Targets: the two together under 300 ms and within
  5x the raw SQL. Medians of --repeat runs (5 by default).

Builds its data set (50k deals over the default stages with stage history, 5k leads) in a
temporary file unless --db names one built before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from crmdesk.models import Lead, Opportunity, StageChange
from crmdesk.models.base import new_id
from crmdesk.services import pipeline
from crmdesk.store.db import Database

TARGET_MS = 300.0
TARGET_RATIO = 5.0
OWNERS = ("王伟", "李娜", "张敏", "刘洋", "陈静", "Anna Weber", "James Brown", "杨帆")


def build(path: Path, deals: int, leads: int) -> None:
    db = Database.open(path)
    r = random.Random(22)
    today = dt.date.today()
    with db.transaction() as session:
        pipeline.ensure_default_stages(session)
        stages = pipeline.stages(session)
        opps, changes = [], []
        for n in range(deals):
            stage = r.choices(stages, weights=(25, 20, 15, 10, 18, 12))[0]
            created = dt.datetime.now(dt.UTC) - dt.timedelta(days=r.randint(5, 400))
            close = today + dt.timedelta(days=r.randint(-60, 270))
            oid = new_id()
            opps.append({
                "id": oid, "name": f"Deal {n}", "stage_id": stage.id,
                "amount": Decimal(r.randint(5, 2000) * 500),
                "probability": Decimal(r.choice((30, 40, 60))) if r.random() < 0.1 else None,
                "expected_close": close, "closed_on": None if stage.is_open else close,
                "owner": r.choice(OWNERS), "created_at": created, "updated_at": created,
            })  # fmt: skip
            changes.append({"id": new_id(), "opportunity_id": oid, "from_stage_id": None,
                            "to_stage_id": stages[0].id, "changed_at": created,
                            "amount": Decimal(0)})  # fmt: skip
            if stage.id != stages[0].id:
                changes.append({"id": new_id(), "opportunity_id": oid,
                                "from_stage_id": stages[0].id, "to_stage_id": stage.id,
                                "changed_at": created + dt.timedelta(days=r.randint(1, 40)),
                                "amount": Decimal(0)})  # fmt: skip
        session.execute(insert(Opportunity), opps)
        session.execute(insert(StageChange), changes)
        session.execute(
            insert(Lead),
            [{"id": new_id(), "company": f"公司{n}", "family_name": "王", "given_name": "芳",
              "source": r.choice(("展会", "官网", "转介绍", "Web")), "owner": r.choice(OWNERS)}
             for n in range(leads)],
        )  # fmt: skip
    with db.engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    db.dispose()


RAW_BOARD = (
    "SELECT o.stage_id, o.id FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id"
    " WHERE o.deleted_at IS NULL ORDER BY o.stage_id, o.expected_close, o.id",
    "SELECT o.stage_id, COUNT(*), SUM(o.amount), SUM(o.amount * COALESCE(o.probability,"
    " s.probability)) FROM opportunities o JOIN pipeline_stages s ON s.id = o.stage_id"
    " WHERE o.deleted_at IS NULL GROUP BY o.stage_id",
)
RAW_FORECAST = (
    "SELECT substr(o.expected_close, 1, 7), COUNT(*), SUM(o.amount), SUM(o.amount *"
    " COALESCE(o.probability, s.probability)) FROM opportunities o JOIN pipeline_stages s"
    " ON s.id = o.stage_id WHERE o.deleted_at IS NULL AND NOT s.is_won AND NOT s.is_lost"
    " GROUP BY 1",
    "SELECT substr(o.closed_on, 1, 7), COUNT(*), SUM(o.amount) FROM opportunities o"
    " JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.deleted_at IS NULL AND s.is_won"
    " AND o.closed_on IS NOT NULL GROUP BY 1",
)


def run_once(path: Path) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from crmdesk.analytics import forecast as fc
    from crmdesk.views.pipeline.board_model import BoardModel

    _app = QApplication.instance() or QApplication([])
    db = Database.open(path)
    start = time.perf_counter()
    board = BoardModel(db, None)
    for column in board.columns:
        column.card(0)
    board_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    with db.reading() as session:
        fc.forecast(session, fc.Period.MONTH)
    forecast_ms = (time.perf_counter() - start) * 1000
    raw = sqlite3.connect(path)
    start = time.perf_counter()
    for statement in (*RAW_BOARD, *RAW_FORECAST):
        raw.execute(statement).fetchall()
    raw_ms = (time.perf_counter() - start) * 1000
    raw.close()
    db.dispose()
    cards = sum(c.rowCount() for c in board.columns)
    fetched = sum(c.fetches for c in board.columns)
    return {"board_ms": board_ms, "forecast_ms": forecast_ms, "raw_ms": raw_ms,
            "cards": cards, "pages_fetched": fetched}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--deals", type=int, default=50_000)
    parser.add_argument("--leads", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = args.db
    if path is None or not path.exists():
        path = path or Path(tempfile.mkdtemp()) / "pipeline.sqlite3"
        started = time.perf_counter()
        build(path, args.deals, args.leads)
        print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    runs = [run_once(path) for _ in range(args.repeat)]
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    total = med["board_ms"] + med["forecast_ms"]
    result = {
        "deals": args.deals, "leads": args.leads, "cards_on_board": int(med["cards"]),
        "pages_fetched": int(med["pages_fetched"]),
        "board_ms": round(med["board_ms"], 1), "forecast_ms": round(med["forecast_ms"], 1),
        "board_and_forecast_ms": round(total, 1), "raw_sql_ms": round(med["raw_ms"], 1),
        "ratio": round(total / med["raw_ms"], 2),
        "targets": {"board_and_forecast_ms": TARGET_MS, "ratio": TARGET_RATIO},
        "ok": total < TARGET_MS and total / med["raw_ms"] <= TARGET_RATIO,
    }  # fmt: skip
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
