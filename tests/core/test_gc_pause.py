"""The cycle collector pause used by bulk reads, plans, imports and scans."""

from __future__ import annotations

import gc
import threading

import pytest

from crmdesk.core.gc_pause import gc_paused, without_gc


@pytest.fixture(autouse=True)
def collector_enabled():
    gc.enable()
    yield
    gc.enable()


def test_collection_is_off_inside_and_back_on_after():
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_nested_and_overlapping_pauses_resume_only_when_the_last_ends():
    other_inside, release = threading.Event(), threading.Event()

    def other_thread():
        with gc_paused():
            other_inside.set()
            release.wait(5)

    worker = threading.Thread(target=other_thread)
    worker.start()
    other_inside.wait(5)
    with gc_paused():
        with gc_paused():
            pass
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread still pauses it
    release.set()
    worker.join(5)
    assert gc.isenabled()


def test_a_collector_disabled_before_stays_disabled():
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_a_failing_function_still_resumes_collection():
    @without_gc
    def failing() -> None:
        assert not gc.isenabled()
        raise ValueError("bad row")

    with pytest.raises(ValueError, match="bad row"):
        failing()
    assert gc.isenabled()
    assert failing.__name__ == "failing"
