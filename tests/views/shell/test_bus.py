"""The data bus: a write's changes reach every listener; an empty change reaches none."""

from __future__ import annotations

import uuid

from crmdesk.services.changes import Changes
from crmdesk.views.shell.bus import DataBus


def test_changes_are_broadcast_and_empty_ones_are_not(qtbot):
    bus = DataBus()
    heard = []
    bus.changed.connect(heard.append)
    bus.publish(Changes())
    change = Changes(contacts=frozenset({uuid.uuid4()}))
    bus.publish(change)
    assert heard == [change]
