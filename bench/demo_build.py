"""Build a demo database of --size contacts in a temporary file; print JSON with the time taken,
the rows written per table, the revenue share of the top fifth of accounts and peak memory."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from _memory import peak_rss_mb

from crmdesk.demo.build import build_demo
from crmdesk.store.db import Database


def top_fifth_revenue_share(path: Path) -> float:
    """Share of kept-order revenue (not cancelled or returned) of the top 20% of accounts."""
    with sqlite3.connect(path) as conn:
        revenue = sorted(
            (
                r
                for (r,) in conn.execute(
                    "SELECT COALESCE(SUM(CASE WHEN o.status NOT IN ('cancelled', 'returned')"
                    " THEN o.amount END), 0) FROM accounts a"
                    " LEFT JOIN orders o ON o.account_id = a.id GROUP BY a.id"
                )
            ),
            reverse=True,
        )
    total = sum(revenue)
    return round(sum(revenue[: round(len(revenue) * 0.2)]) / total, 4) if total else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        db = Database.open(path)
        started, cpu = time.perf_counter(), time.process_time()
        summary = build_demo(db, args.size, seed=args.seed, today=args.today)
        seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu
        db.dispose()
        rows = summary.rows()
        result = {
            "size": args.size,
            "seconds": round(seconds, 2),
            "cpu_seconds": round(cpu_seconds, 2),
            "rows": rows,
            "total_rows": sum(rows.values()),
            "top_fifth_revenue_share": top_fifth_revenue_share(path),
            "database_mb": round(path.stat().st_size / 2**20, 1),
            "peak_rss_mb": peak_rss_mb(),
        }
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
