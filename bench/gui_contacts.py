"""The Contacts pane over 100,000 contacts, offscreen: prints one JSON object.

- first_page_s: seconds from launching the process to the first painted page of the contacts
  table (ContactsPane in a QMainWindow, shown; keys loaded and the table's viewport painted);
- search: for ~30 queries (Chinese names, pinyin, initials, Latin names, phone fragments, e-mail
  prefixes taken from the data), milliseconds from applying the search to the first page shown
  (keys loaded + first page fetched and painted), p50/p95/max, next to the same statement (the
  key query, captured from the engine) and the bare FTS5 lookup run with the sqlite3 module in
  the same process, with the per-query ratios; also the key query's own time in its worker
  thread against the raw statement (what the service and the thread hand-off add);
- window: milliseconds to show a 100-row window at the end and at random positions: scrollTo +
  the page fetch (p50/p95/max), and, for reference, the same jumps painted (a 900-pixel window,
  and a viewport 100 rows tall: Qt's own drawing of 800 cells included);
- peak_rss_mb: the GUI process's own peak resident memory (bench/_memory.py).

Without --db, builds the demo data set (crmdesk.demo.build.build_demo) in a temporary file
first. Each measurement runs in a fresh process (--repeat times, 3 by default); the headline
figures are the medians of the runs, since a shared machine's load moves single runs a lot.
"""

from __future__ import annotations

import time

STARTED = time.monotonic()

import argparse  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import sqlite3  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from _memory import peak_rss_mb  # noqa: E402

TARGETS = {
    "first_page_s": 1.5,
    "search_p95_ms": 50.0,
    "search_ratio_p95": 3.0,
    "window_max_ms": 20.0,
    "peak_rss_mb": 400.0,
}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values: list[float], digits: int = 1) -> dict[str, float]:
    return {
        "p50": round(percentile(values, 50), digits),
        "p95": round(percentile(values, 95), digits),
        "max": round(max(values), digits) if values else float("nan"),
    }


def queries_from(path: Path, n: int = 30, seed: int = 11) -> list[tuple[str, str]]:
    """(kind, text) search queries a user would type, taken from random contacts in the file."""
    from crmdesk.models.names import has_cjk, pinyin_search_terms

    rng = random.Random(seed)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        people = con.execute(
            "SELECT family_name, given_name FROM contacts WHERE deleted_at IS NULL"
            " ORDER BY random() LIMIT 400"
        ).fetchall()
        numbers = [
            r[0]
            for r in con.execute(
                "SELECT number FROM phones WHERE contact_id IS NOT NULL ORDER BY random() LIMIT 60"
            )
        ]
        emails = [
            r[0]
            for r in con.execute(
                "SELECT address FROM emails WHERE contact_id IS NOT NULL ORDER BY random() LIMIT 60"
            )
        ]
    finally:
        con.close()
    chinese = [(f, g) for f, g in people if has_cjk(f + g) and g]
    latin = [(f, g) for f, g in people if not has_cjk(f + g) and f]
    found: dict[str, str] = {}

    def add(kind: str, text: str) -> None:
        if text and text not in found and len([k for k in found.values() if k == kind]) < n // 6:
            found[text] = kind

    for family, given in chinese:
        add("chinese", family + given)
        terms = pinyin_search_terms(family + given)
        if terms:
            add("pinyin", terms[0])
            add("initials", terms[1])
    for family, given in latin:
        add("latin", f"{given} {family}".lower() if rng.random() < 0.5 else family.lower())
    for number in numbers:
        digits = "".join(c for c in number if c.isdigit())
        if len(digits) >= 8:
            start = rng.randrange(2, len(digits) - 5)
            add("phone", digits[start : start + rng.choice((4, 5, 7))])
    for address in emails:
        local = address.split("@")[0]
        add("email", local[: max(4, len(local) - 2)])
    return [(kind, text) for text, kind in found.items()]


def measure(path: Path, page_size: int | None = None) -> dict[str, object]:
    import gc

    gc.disable()  # as crmdesk.app.run_app starts, until the first paint (settle_garbage_collection)
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QAbstractItemView, QApplication, QMainWindow
    from sqlalchemy import event

    from crmdesk.store import fulltext
    from crmdesk.store.db import Database
    from crmdesk.views.contacts.pane import ContactsPane
    from crmdesk.views.shell.bus import DataBus

    app = QApplication.instance() or QApplication([])  # noqa: F841 - it must live
    db = Database.open(path)
    window = QMainWindow()
    bus, undo_stack = DataBus(window), QUndoStack(window)
    pane = ContactsPane(db, bus, undo_stack, window)
    window.setCentralWidget(pane)
    window.resize(1280, 900)
    model, view = pane.model, pane.table
    if page_size:
        model.page_size = page_size

    first_paint: list[float] = []
    painted = QEventLoop()

    def record() -> None:
        first_paint.append(time.monotonic())
        painted.quit()

    class PaintWatch(QObject):
        def eventFilter(self, watched: QObject, ev: QEvent) -> bool:
            if ev.type() == QEvent.Type.Paint and model.rowCount() and not first_paint:
                # Recorded as soon as this paint (which fetches the first page) has finished.
                QTimer.singleShot(0, record)
            return False

    watch = PaintWatch()
    view.viewport().installEventFilter(watch)
    QTimer.singleShot(60_000, painted.quit)
    window.show()
    painted.exec()
    from crmdesk.app import settle_garbage_collection

    settle_garbage_collection()
    view.viewport().removeEventFilter(watch)
    assert first_paint and model.is_cached(0), "the first page was not painted"
    first_page_in_process = first_paint[0] - STARTED
    contacts = model.rowCount()

    def wait_keys() -> None:
        done = QEventLoop()
        model.keys_loaded.connect(done.quit)
        QTimer.singleShot(30_000, done.quit)
        done.exec()
        model.keys_loaded.disconnect(done.quit)

    # Wait for the facets (filter choices) so they don't compete with the searches.
    facets = QEventLoop()
    pane.facets_loaded.connect(facets.quit)
    QTimer.singleShot(10_000, facets.quit)
    facets.exec()

    # -- search as you type ---------------------------------------------------------------------
    captured: dict[str, tuple[str, tuple]] = {}

    def capture(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if "search_fts MATCH" in statement and "ORDER BY" in statement:
            captured["last"] = (statement, tuple(parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    fts_sql = fulltext.matching_ids_sql(fulltext.CONTACT).replace(":match", "?")
    searches: list[dict[str, object]] = []
    for kind, text in queries_from(path):
        started = time.perf_counter()
        pane.search(text)
        wait_keys()
        view.viewport().repaint()
        gui_ms = (time.perf_counter() - started) * 1000
        statement, parameters = captured.pop("last", ("", ()))
        match = fulltext.match_expression(text)
        t = time.perf_counter()
        raw.execute(fts_sql, (match,)).fetchall()
        fts_ms = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        rows = raw.execute(statement, parameters).fetchall() if statement else []
        key_sql_ms = (time.perf_counter() - t) * 1000
        searches.append(
            {
                "kind": kind,
                "query": text,
                "rows": model.rowCount(),
                "ms": round(gui_ms, 1),
                "key_query_ms": round(model.last_query_seconds * 1000, 1),
                "raw_fts_ms": round(fts_ms, 1),
                "raw_key_sql_ms": round(key_sql_ms, 1),
                "raw_rows": len(rows),
            }
        )
    event.remove(db.engine, "before_cursor_execute", capture)
    raw.close()
    pane.clear_search()
    wait_keys()

    # -- any 100-row window -----------------------------------------------------------------------
    # window: scrollTo + the page fetch for 100 rows (one query per jump);
    # window_paint: the same with a viewport 100 rows tall really painted (Qt's own drawing of
    # 800 cells included); screen: a jump in the 900-pixel window, painted.
    rng = random.Random(5)
    positions = [contacts - 100] + [rng.randrange(0, contacts - 100) for _ in range(60)]

    def jump(row: int, paint: bool) -> float:
        started = time.perf_counter()
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        if paint:
            view.viewport().repaint()
            shown = (view.rowAt(0), view.rowAt(view.viewport().height() - 2))
        else:
            model.record_at(row)  # what the first cell painted asks for: the page fetch
            model.record_at(row + 99)
            shown = (row, row + 99)
        elapsed = (time.perf_counter() - started) * 1000
        assert all(r >= 0 and model.is_cached(r) for r in shown), f"rows {shown} not fetched"
        return elapsed

    screen_rows = view.viewport().height() // view.verticalHeader().defaultSectionSize()
    fetches = model.fetches
    window_ms = []
    for row in positions:
        model.invalidate()
        window_ms.append(jump(row, paint=False))
    fetches_per_window = (model.fetches - fetches) / len(positions)
    screen_ms = []
    for row in positions:
        model.invalidate()
        screen_ms.append(jump(row, paint=True))
    row_height = view.verticalHeader().defaultSectionSize()
    header = view.horizontalHeader().height()
    window.resize(1280, 900 + 100 * row_height - view.viewport().height() + header)
    QCoreApplication.processEvents()
    shown_rows = view.viewport().height() // row_height
    window_paint_ms = []
    for row in positions:
        model.invalidate()
        window_paint_ms.append(jump(row, paint=True))

    search_ms = [float(s["ms"]) for s in searches]
    ratio_fts = [float(s["ms"]) / max(float(s["raw_fts_ms"]), 0.01) for s in searches]
    ratio_sql = [float(s["ms"]) / max(float(s["raw_key_sql_ms"]), 0.01) for s in searches]
    ratio_worker = [
        float(s["key_query_ms"]) / max(float(s["raw_key_sql_ms"]), 0.01) for s in searches
    ]
    result: dict[str, object] = {
        "contacts": contacts,
        "first_page_in_process_s": round(first_page_in_process, 3),
        "first_page_painted_at": first_paint[0],
        "search_ms": summary(search_ms),
        "search_raw_fts_ms": summary([float(s["raw_fts_ms"]) for s in searches]),
        "search_raw_key_sql_ms": summary([float(s["raw_key_sql_ms"]) for s in searches]),
        "search_ratio_to_raw_fts": summary(ratio_fts),
        "search_ratio_to_raw_key_sql": summary(ratio_sql),
        "search_key_query_ms": summary([float(s["key_query_ms"]) for s in searches]),
        "search_key_query_ratio_to_raw_key_sql": summary(ratio_worker),
        "search_queries": searches,
        "window_ms": summary(window_ms, 2),
        "window_end_ms": round(window_ms[0], 2),
        "window_queries_per_jump": round(fetches_per_window, 2),
        "screen_rows": screen_rows,
        "screen_jump_painted_ms": summary(screen_ms, 2),
        "window_paint_rows": shown_rows,
        "window_painted_ms": summary(window_paint_ms, 2),
        "page_size": model.page_size,
        "cached_pages": len(model.cached_pages),
        "peak_rss_mb": peak_rss_mb(),
    }
    window.close()
    db.dispose()
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="measure this database instead of a new demo")
    parser.add_argument("-n", "--contacts", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs (medians are reported)")
    parser.add_argument("--page-size", type=int, help="rows per page query (default: the model's)")
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.measure:
        print(json.dumps(measure(args.db, args.page_size), ensure_ascii=False))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        build_seconds = None
        if path is None:
            from crmdesk.demo.build import build_demo
            from crmdesk.store.db import Database

            path = Path(tmp) / "demo.sqlite3"
            started = time.perf_counter()
            db = Database.open(path)
            build_demo(db, args.contacts, seed=7)
            db.dispose()
            build_seconds = round(time.perf_counter() - started, 1)
        runs = []
        for _ in range(args.repeat):
            launched = time.monotonic()
            done = subprocess.run(
                [sys.executable, __file__, "--db", str(path), "--measure"]
                + (["--page-size", str(args.page_size)] if args.page_size else []),
                capture_output=True,
                text=True,
                check=False,
            )
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                return done.returncode
            run = json.loads(done.stdout.strip().splitlines()[-1])
            run["first_page_s"] = round(run.pop("first_page_painted_at") - launched, 3)
            runs.append(run)
    headline = {
        "first_page_s": [r["first_page_s"] for r in runs],
        "search_p50_ms": [r["search_ms"]["p50"] for r in runs],
        "search_p95_ms": [r["search_ms"]["p95"] for r in runs],
        "search_ratio_p95": [r["search_ratio_to_raw_key_sql"]["p95"] for r in runs],
        "search_key_query_ratio_p95": [
            r["search_key_query_ratio_to_raw_key_sql"]["p95"] for r in runs
        ],
        "window_p95_ms": [r["window_ms"]["p95"] for r in runs],
        "window_max_ms": [r["window_ms"]["max"] for r in runs],
        "peak_rss_mb": [r["peak_rss_mb"] for r in runs],
    }
    medians = {k: round(statistics.median(v), 3) for k, v in headline.items()}
    result = {
        "contacts": runs[0]["contacts"],
        "runs": len(runs),
        "median_of_runs": medians,
        "targets_met": {k: medians[k] <= v for k, v in TARGETS.items()},
        "targets": TARGETS,
        "load_average": os.getloadavg(),
        "last_run": runs[-1],
    }
    if build_seconds is not None:
        result["build_seconds"] = build_seconds
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
