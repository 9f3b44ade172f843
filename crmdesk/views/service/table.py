"""The case list: the keyed table model over the cases service, paged like the contacts list.
A complaint from a VIP customer is tinted and starred; an overdue case is written in red."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from crmdesk.core.texts import translatable
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus
from crmdesk.services.cases import CaseFilter, CaseRow, CaseSort, case_ids, case_rows
from crmdesk.store.db import Database
from crmdesk.views.records.keyed_table_model import Column, Index, KeyedTableModel
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.vocabulary import enum_text

VIP_COMPLAINT_TINT = QColor(255, 236, 179)  # amber: a VIP's complaint stands out everywhere
OVERDUE_TEXT = QColor("#c62828")
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)


def _when(value: dt.datetime) -> str:
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def vip_marker(vip_complaint: bool) -> str:
    """The "★ VIP" marker of a VIP customer's complaint (the case list's first column, Today)."""
    return translated("CaseTableModel", "★ VIP") if vip_complaint else ""


def _enum(value: CaseKind | CasePriority | CaseStatus) -> str:
    return enum_text(value)


SUBJECT_COLUMN, ACCOUNT_COLUMN, OPENED_COLUMN = 2, 6, 8


class CaseTableModel(KeyedTableModel[CaseFilter, CaseSort, CaseRow]):
    """Cases filtered and sorted in SQL; rows a page at a time."""

    columns = (
        Column(translatable("CaseTableModel", "!"), "vip_complaint", formatter=vip_marker,
               width=6),
        Column(translatable("CaseTableModel", "Number"), "number", CaseSort.NUMBER,
               width=15),  # CS2026-00016: digits are wider than the average character
        Column(translatable("CaseTableModel", "Subject"), "subject", CaseSort.SUBJECT,
               width=26),
        Column(translatable("CaseTableModel", "Kind"), "kind", formatter=_enum, width=11),
        Column(translatable("CaseTableModel", "Priority"), "priority", CaseSort.PRIORITY,
               formatter=_enum, width=8),
        Column(translatable("CaseTableModel", "Status"), "status", CaseSort.STATUS,
               formatter=_enum, width=10),
        Column(translatable("CaseTableModel", "Account"), "account", CaseSort.ACCOUNT,
               width=20),
        Column(translatable("CaseTableModel", "Owner"), "owner", CaseSort.OWNER, width=13),
        Column(translatable("CaseTableModel", "Opened"), "opened_at", CaseSort.OPENED,
               formatter=_when, width=18),
        Column(translatable("CaseTableModel", "Due"), "due_at", CaseSort.DUE,
               formatter=_when, width=18),
    )  # fmt: skip
    watches = ("cases", "accounts", "contacts")  # a row names its account and contact
    # (the list opens newest first)

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        flt: CaseFilter | None = None,
        parent: QObject | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(db, bus, case_ids, case_rows, flt or CaseFilter(), parent=parent,
                         load=False)  # fmt: skip
        self._sort_column, self._descending = OPENED_COLUMN, True  # newest first
        if load:
            self.refresh()

    def data(self, index: Index, role: int = int(Qt.ItemDataRole.DisplayRole)) -> object:
        if role in (_BACKGROUND, _FOREGROUND) and index.isValid():
            record = self.record_at(index.row())
            if record is None:
                return None
            if role == _BACKGROUND:
                return QBrush(VIP_COMPLAINT_TINT) if record.vip_complaint else None
            return QBrush(OVERDUE_TEXT) if record.overdue else None
        return super().data(index, role)
