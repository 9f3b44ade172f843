"""Cases to the recycle bin and back, as undoable steps (the shared RecycleCommand, so an undo
takes exactly the cases this step moved)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from crmdesk.services import cases
from crmdesk.store.db import Database
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import _tr
from crmdesk.views.shell.undo import RecycleCommand

KIND = "cases"  # the change kind of the service_cases table


def _number(db: Database, case_id: uuid.UUID) -> str:
    with db.reading() as session:
        found = cases.case_rows(session, [case_id])
    return found[0].number if found else ""


def delete_command(db: Database, bus: DataBus, ids: Sequence[uuid.UUID]) -> RecycleCommand:
    """Move these cases to the recycle bin, as one step."""
    ids = list(dict.fromkeys(ids))
    number = _number(db, ids[0]) if len(ids) == 1 else ""
    if number:
        text = _tr("Delete case %1").replace("%1", number)
    else:
        text = _tr("Delete %n case(s)", None, len(ids))
    return RecycleCommand(db, bus, ids, cases.delete_cases, KIND, text)


def restore_command(db: Database, bus: DataBus, ids: Sequence[uuid.UUID]) -> RecycleCommand:
    """Bring these cases back from the recycle bin, as one step."""
    n = len(set(ids))
    return RecycleCommand(db, bus, ids, cases.restore_cases, KIND,
                          _tr("Restore %n case(s)", None, n))  # fmt: skip


__all__ = ["delete_command", "restore_command"]
