"""Bad input, tried by machine: the real files of ../shared/interop truncated, bit-flipped,
filled with NULs, huge lines, other encodings, repeated headers, many columns. Every importer
either imports or refuses with one short KnownError, in bounded time, leaving nothing half
written. A few cases each here (bench/fuzz.py runs many)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from tests.interop import fuzz_cases
from tests.interop.fuzz_cases import KINDS, hostile_files, row_counts

LIMIT_SECONDS = 20  # one case, on a loaded two-core machine; a hang never ends

FUZZ = settings(
    max_examples=12,
    deadline=None,  # timed below, with a limit for a slow machine rather than hypothesis's 200 ms
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                           HealthCheck.data_too_large],
    derandomize=True,
    database=None,
)  # fmt: skip


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_file_is_imported_or_refused_cleanly(db, kind):
    @FUZZ
    @given(case=hostile_files(kind))
    def one(case):
        mutation, name, data = case
        before = row_counts(db)
        outcome = fuzz_cases.strict_run(db, kind, name, data)
        assert outcome.seconds < LIMIT_SECONDS, (mutation, outcome)
        if outcome.ending == "refused":
            assert row_counts(db) == before, (mutation, outcome)  # nothing half written
            assert 0 < len(outcome.message) < 600 and "\n" not in outcome.message.strip()

    one()
