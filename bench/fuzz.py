"""Many hostile variants of the shared interop files through every importer (see
tests/interop/fuzz_cases.py); prints one JSON object: cases, imports, refusals, refusals naming a
line, crashes, hangs and the slowest case per importer.

    python bench/fuzz.py [--cases N] [--seconds LIMIT]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hypothesis import HealthCheck, Phase, given, settings

from crmdesk.store.db import Database
from tests.interop import fuzz_cases


def fuzz(kind: str, cases: int, limit: float, db: Database) -> dict[str, object]:
    counts = {"cases": 0, "imported": 0, "refused": 0, "refused_with_line": 0, "crashes": 0,
              "hangs": 0, "partial_writes": 0, "slowest_s": 0.0}  # fmt: skip
    crashes: list[str] = []
    unlined: dict[str, str] = {}  # a refusal naming no line: its message, by mutation

    @settings(max_examples=cases, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(case=fuzz_cases.hostile_files(kind))
    def one(case: tuple[str, str, bytes]) -> None:
        mutation, name, data = case
        counts["cases"] += 1
        before = fuzz_cases.row_counts(db)
        try:
            run = fuzz_cases.strict_run if counts["cases"] % 2 else fuzz_cases.run
            outcome = run(db, kind, name, data)
        except Exception:
            counts["crashes"] += 1
            crashes.append(f"{mutation}: {traceback.format_exc(limit=3)}")
            return
        counts[outcome.ending] += 1
        counts["refused_with_line"] += outcome.ending == "refused" and bool(outcome.line)
        if outcome.ending == "refused" and not outcome.line:
            unlined.setdefault(mutation, outcome.message[:160])
        counts["hangs"] += outcome.seconds > limit
        counts["slowest_s"] = round(max(counts["slowest_s"], outcome.seconds), 2)
        if outcome.ending == "refused" and fuzz_cases.row_counts(db) != before:
            counts["partial_writes"] += 1

    one()
    return counts | {"first_crashes": crashes[:3], "refused_without_line": unlined}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=300, help="cases per importer")
    parser.add_argument("--seconds", type=float, default=10.0, help="a case longer is a hang")
    args = parser.parse_args()
    report = {}
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "fuzz.sqlite3")
        try:
            for kind in fuzz_cases.KINDS:
                report[kind] = fuzz(kind, args.cases, args.seconds, db)
        finally:
            db.dispose()
    print(json.dumps(report, ensure_ascii=False, indent=1))
    bad = sum(r["crashes"] + r["hangs"] + r["partial_writes"] for r in report.values())
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
