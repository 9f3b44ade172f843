"""Crash safety, proved: a crmdesk process SIGKILLed at random moments of an import, a merge,
a batch edit and an export leaves an intact file with all of the operation or none of it, and
no half export (bench/crash.py runs many more kills at large sizes)."""

from __future__ import annotations

import pytest

from tests.store import crash_cases

SIZE = 40  # rows imported, contacts merged


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash")
    return folder, crash_cases.prepare(folder, contacts=120, imported=400)


@pytest.mark.parametrize("kind", crash_cases.KINDS)
def test_a_kill_at_any_moment_leaves_all_or_nothing(prepared, kind):
    folder, base = prepared
    trials = crash_cases.kills(kind, base, folder, SIZE if kind == "merge" else 400, count=2,
                               seed=hash(kind) % 1000)  # fmt: skip
    assert [t.problems for t in trials] == [()] * 2, trials
