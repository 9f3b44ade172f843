"""The service desk over 200,000 cases, offscreen: prints one JSON object.

- figures_ms: every service figure (services/service_figures.py) over all 200k cases, and over
  the last 12 months; target under 2,000 ms each;
- list: the case list's keyed table model (views/service/table.py) as the pane builds it: the
  key query in its worker thread (newest first; overdue only; a search), the first page, and
  100-row pages fetched at random positions (p50/p95/max), as the contacts list is measured.
Medians of --repeat runs (3 by default). Builds its data set (200k cases over 5,000 accounts,
with 30k surveys of 4 items) in a temporary file unless --db names one built before.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import insert

from crmdesk.models import Account, SatisfactionSurvey, ServiceCase, SurveyItem
from crmdesk.models.base import new_id
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, Channel, ValueTier
from crmdesk.store.db import Database, refresh_statistics

TARGET_MS = 2000.0
OWNERS = ("王伟", "李娜", "张敏", "刘洋", "陈静", "Anna Weber", "James Brown", "杨帆")


def build(path: Path, cases: int, accounts: int, surveys: int) -> None:
    db = Database.open(path)
    r = random.Random(25)
    now = dt.datetime.now(dt.UTC)
    tiers = [ValueTier.VIP] * 5 + [ValueTier.IMPORTANT] * 15 + [ValueTier.ORDINARY] * 80
    with db.transaction() as session:
        account_rows = [{"id": new_id(), "name": f"客户 {n:05d}", "value_tier": r.choice(tiers)}
                        for n in range(accounts)]  # fmt: skip
        session.execute(insert(Account), account_rows)
        rows, done = [], []
        for n in range(cases):
            account = r.choice(account_rows)
            opened = now - dt.timedelta(minutes=r.randint(0, 3 * 365 * 1440))
            status = r.choices(list(CaseStatus), weights=(3, 4, 5, 15, 70, 3))[0]
            resolve = dt.timedelta(hours=r.lognormvariate(3, 1))
            done_now = status in (CaseStatus.RESOLVED, CaseStatus.CLOSED)
            resolved = opened + resolve if done_now else None
            case_id = new_id()
            rows.append({
                "id": case_id, "number": f"CS{opened.year}-{n:06d}",
                "kind": r.choice(list(CaseKind)), "priority": r.choice(list(CasePriority)),
                "status": status, "channel": r.choice(list(Channel)), "tier": account["value_tier"],
                "account_id": account["id"], "subject": f"Case {n} 打印机卡纸",
                "owner": r.choice(OWNERS), "opened_at": opened,
                "response_due_at": opened + dt.timedelta(hours=4),
                "responded_at": opened + dt.timedelta(hours=r.random() * 6),
                "due_at": opened + dt.timedelta(hours=36), "resolved_at": resolved,
                "closed_at": resolved + dt.timedelta(days=2)
                if resolved is not None and status is CaseStatus.CLOSED else None,
                "first_contact": r.random() < 0.2, "reopen_count": int(r.random() < 0.05),
                "satisfaction": r.randint(1, 5) if resolved is not None and r.random() < 0.5
                else None,
            })  # fmt: skip
            if resolved is not None:
                done.append((case_id, account["id"], resolved))
        session.execute(insert(ServiceCase), rows)
        survey_rows, item_rows = [], []
        for case_id, account_id, resolved in r.sample(done, min(surveys, len(done))):
            sid = new_id()
            survey_rows.append({"id": sid, "case_id": case_id, "account_id": account_id,
                                "surveyed_on": resolved.date(), "scale": 5})  # fmt: skip
            for position, item in enumerate(("Product", "Service", "Response time", "Price")):
                item_rows.append({"id": new_id(), "survey_id": sid, "position": position,
                                  "item": item, "expected": r.randint(3, 5),
                                  "perceived": r.randint(2, 5)})  # fmt: skip
        session.execute(insert(SatisfactionSurvey), survey_rows)
        session.execute(insert(SurveyItem), item_rows)
    with db.engine.begin() as conn:
        refresh_statistics(conn)
    db.dispose()


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 1)


def figures_once(db: Database) -> dict[str, float]:
    from crmdesk.services.service_figures import service_figures

    today = dt.date.today()
    out = {}
    for name, start in (("all", None), ("last_12_months", today - dt.timedelta(days=365))):
        began = time.perf_counter()
        with db.reading() as session:
            service_figures(session, start, today if start else None)
        out[name] = _ms(began)
    return out


def list_once(db: Database, app: object) -> dict[str, object]:
    from PySide6.QtCore import QEventLoop, QTimer

    from crmdesk.services.cases import CaseFilter
    from crmdesk.views.service.table import CaseTableModel

    def wait_keys(model: CaseTableModel, change: object) -> float:
        loop = QEventLoop()
        model.keys_loaded.connect(loop.quit)
        began = time.perf_counter()
        change()  # type: ignore[operator]
        QTimer.singleShot(30_000, loop.quit)
        loop.exec()
        model.keys_loaded.disconnect(loop.quit)
        return _ms(began)

    model = CaseTableModel(db, None, load=False)
    keys_ms = wait_keys(model, model.refresh)
    began = time.perf_counter()
    model.data(model.index(0, 2))
    first_page_ms = _ms(began)
    r = random.Random(3)
    jumps = []
    for _ in range(30):
        row = r.randrange(model.rowCount())
        began = time.perf_counter()
        for column in range(model.columnCount()):
            model.data(model.index(row, column))
        jumps.append(_ms(began))
    overdue_ms = wait_keys(model, lambda: model.set_filter(CaseFilter(overdue=True)))
    overdue_rows = model.rowCount()
    search_ms = wait_keys(model, lambda: model.set_filter(CaseFilter(search="Case 12345")))
    jumps.sort()
    return {
        "rows": 0, "keys_ms": keys_ms, "keys_worker_ms": round(model.last_query_seconds * 1000, 1),
        "first_page_ms": first_page_ms, "page_p50_ms": statistics.median(jumps),
        "page_p95_ms": jumps[int(len(jumps) * 0.95) - 1], "page_max_ms": jumps[-1],
        "overdue_keys_ms": overdue_ms, "overdue_rows": overdue_rows, "search_keys_ms": search_ms,
    }  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    parser.add_argument("--cases", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = args.db
    if path is None or not path.exists():
        path = path or Path(tempfile.mkdtemp()) / "service-bench.sqlite3"
        began = time.perf_counter()
        build(path, args.cases, 5000, 30_000)
        print(f"built {args.cases} cases in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    db = Database.open(path)
    runs = [figures_once(db) for _ in range(args.repeat)]
    lists = [list_once(db, app) for _ in range(args.repeat)]
    from sqlalchemy import func, select

    with db.reading() as session:
        count = session.scalar(select(func.count()).select_from(ServiceCase))
    figures = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    listing = {k: statistics.median(r[k] for r in lists)  # type: ignore[type-var]
               for k in lists[0]}  # fmt: skip
    listing["rows"] = count
    result = {
        "cases": count, "figures_ms": figures, "list": listing, "target_ms": TARGET_MS,
        "ok": all(v < TARGET_MS for v in figures.values()),
    }  # fmt: skip
    print(json.dumps(result))
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    db.dispose()
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
