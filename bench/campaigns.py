"""Segments and the outbox over the demo data set, offscreen: prints one JSON object.

- count_ms: a segment (VIP or loyal accounts' contacts in two cities who prefer e-mail, or
  anyone tagged, with no order for 90 days) counted with segments.count — target < 200 ms;
- queue_ms: 10,000 e-mails rendered from a template with each contact's fields and queued
  (outbox.queue, one multi-row INSERT a chunk) — target < 5 s.
Medians of --repeat runs. Builds the demo (--size contacts) in a temporary file unless --db
names one built before.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import delete, select

from crmdesk.models import Contact, Email, OutboxMessage
from crmdesk.services import outbox, segments
from crmdesk.services.outbox import Template
from crmdesk.services.segments import Group, Rule
from crmdesk.store.db import Database

COUNT_TARGET_MS, QUEUE_TARGET_S = 200.0, 5.0
TREE = Group("any", (
    Group("all", (Rule("tier", ["vip", "important"]), Rule("city", ["上海", "北京"]),
                  Rule("channel", "email"))),
    Group("all", (Rule("tag", "重点客户"), Rule("no_order_days", 90))),
))  # fmt: skip
TEMPLATE = Template("{{ name }}，春季新品", "{{ name }}您好：\n{{ company }}的春季优惠已开始。",
                    "<p>{{ name }}您好</p>")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--messages", type=int, default=10_000)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="crmdesk-bench-")
    path = Path(args.db) if args.db else Path(folder) / "demo.sqlite3"
    built_s = None
    if not args.db:
        from crmdesk.demo.build import build_demo

        started = time.perf_counter()
        db = Database.open(path)
        build_demo(db, args.size, seed=26)
        db.dispose()
        built_s = round(time.perf_counter() - started, 1)
    db = Database.open(path)
    counts, found = [], 0
    for _ in range(args.repeat):
        with db.reading() as session:
            started = time.perf_counter()
            found = segments.count(session, TREE)
            counts.append((time.perf_counter() - started) * 1000)
    with db.reading() as session:
        ids = list(session.scalars(
            select(Contact.id).where(Contact.deleted_at.is_(None),
                                     Contact.id.in_(select(Email.contact_id)))
            .limit(args.messages)
        ))  # fmt: skip
    queues = []
    for _ in range(max(1, args.repeat // 2)):
        started = time.perf_counter()
        with db.transaction() as session:
            queued = outbox.queue(session, ids, TEMPLATE, sender="news@seller.cn")
        queues.append(time.perf_counter() - started)
        with db.transaction() as session:
            session.execute(delete(OutboxMessage))
    db.dispose()
    count_ms, queue_s = statistics.median(counts), statistics.median(queues)
    print(json.dumps({
        "contacts": args.size if not args.db else None, "built_s": built_s,
        "segment_count": found, "count_ms": round(count_ms, 1),
        "count_target_ms": COUNT_TARGET_MS, "messages": queued, "queue_s": round(queue_s, 2),
        "queue_target_s": QUEUE_TARGET_S,
        "ok": count_ms < COUNT_TARGET_MS and queue_s < QUEUE_TARGET_S,
    }))  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
