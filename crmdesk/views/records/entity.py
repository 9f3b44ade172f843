"""What a list-and-form pane needs to know about one kind of record, in one place.

A `RecordKind` ties together the table (its columns, key query and row query live in a
KeyedTableModel subclass), the filter type, the form, the service writes the recycle bin uses,
the timeline link, the summary shown when nothing is selected, and the words for all of it.
The contacts pane is a tab per kind; calendar, opportunity and case panes describe their
records the same way and reuse the machinery instead of branching on the kind.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.records.keyed_table_model import Column, KeyedTableModel
from crmdesk.views.records.record_form import RecordForm
from crmdesk.views.shell.bus import DataBus

Write = Callable[[Session, Sequence[uuid.UUID]], Changes]
SummaryLines = list[tuple[str, str]]  # (caption, text): what the summary side shows


@dataclass(frozen=True)
class RecordWords:
    """A kind's words, as functions: they are translated when shown, in the current language."""

    tab: Callable[[], str]  # "Contacts"
    count: Callable[[int, bool], str]  # (n, in the bin) -> "3 contacts"
    placeholder: Callable[[], str]  # what the empty right side says
    purge_question: Callable[[int], str]  # asked before n records are deleted for good
    purged: Callable[[int], str]  # said after


@dataclass(frozen=True)
class RecordKind:
    """One kind of record a list-and-form pane shows (see the module docstring)."""

    name: str  # a stable key: object names, settings
    table: type[KeyedTableModel]  # columns, key query and row query
    keys: Callable[[Session, Any], list[uuid.UUID]]  # the key query, default order
    filter_type: Callable[..., Any]  # the service's filter dataclass, built from the pane's boxes
    form: Callable[[Database, DataBus, QUndoStack, QWidget], RecordForm]
    delete_command: Callable[[Database, DataBus, Sequence[uuid.UUID]], QUndoCommand]
    purge: Write  # out of the recycle bin for good (undo.restore_command brings records back)
    timeline_link: str  # the keyword TimelineView.show_for takes the record's id as
    summary: Callable[[Session, Any], Any]  # counts over the filter, read in a worker thread
    describe: Callable[[Any], SummaryLines]  # those counts in words, on the GUI thread
    words: RecordWords
    first_field: str  # the form's attribute that gets focus on New

    @property
    def columns(self) -> Sequence[Column]:
        return self.table.columns


__all__ = ["RecordKind", "RecordWords", "SummaryLines", "Write"]
