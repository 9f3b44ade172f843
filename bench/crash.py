"""Many SIGKILLs at random moments of an import, a merge, a batch edit and an export of a larger
database (see tests/store/crash_cases.py); prints one JSON object with, per operation, the
kills, how many found it finished, all there or not there at all, and the problems (none
expected).

    python bench/crash.py [--contacts N] [--imported N] [--kills N]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.store import crash_cases


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--contacts", type=int, default=5000)
    parser.add_argument("--imported", type=int, default=20000)
    parser.add_argument("--kills", type=int, default=30, help="per operation")
    parser.add_argument("--seed", type=int, default=27)
    parser.add_argument("--only", choices=crash_cases.KINDS, help="one operation")
    args = parser.parse_args()
    report: dict[str, object] = {"contacts": args.contacts, "imported": args.imported}
    bad = 0
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        base = crash_cases.prepare(folder, args.contacts, args.imported)
        for kind in [args.only] if args.only else crash_cases.KINDS:
            size = 200 if kind == "merge" else args.imported
            trials = crash_cases.kills(kind, base, folder, size, args.kills, args.seed)
            problems = [p for t in trials for p in t.problems]
            bad += len(problems)
            report[kind] = {
                "kills": len(trials),
                "finished_before_kill": sum(t.finished for t in trials),
                "states": dict(Counter(t.state for t in trials)),
                "problems": problems[:5],
                "problem_count": len(problems),
            }
    print(json.dumps(report, indent=1))
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
