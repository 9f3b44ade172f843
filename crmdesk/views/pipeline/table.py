"""The table view of the board's deals: the keyed table model over the pipeline service."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QObject

from crmdesk.core.texts import translatable
from crmdesk.services.pipeline import (
    OpportunityFilter,
    OpportunitySort,
    Status,
    opportunity_ids,
    opportunity_rows,
)
from crmdesk.store.db import Database
from crmdesk.views.records.keyed_table_model import RIGHT, Column, KeyedTableModel
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated

_STATUS = {
    Status.OPEN: translatable("OpportunityTableModel", "Open"),
    Status.WON: translatable("OpportunityTableModel", "Won"),
    Status.LOST: translatable("OpportunityTableModel", "Lost"),
}


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _percent(value: Decimal) -> str:
    return f"{value:.0f}%"


def _stage(value: str) -> str:
    return translated("Stages", value)


def _status(value: Status) -> str:
    return translated("OpportunityTableModel", _STATUS[value])


class OpportunityTableModel(KeyedTableModel):
    """Deals sorted and filtered in SQL, paged like the contacts table."""

    columns = (
        Column(translatable("OpportunityTableModel", "Name"), "name", OpportunitySort.NAME,
               width=24),
        Column(translatable("OpportunityTableModel", "Account"), "account",
               OpportunitySort.ACCOUNT, width=20),
        Column(translatable("OpportunityTableModel", "Stage"), "stage",
               OpportunitySort.STAGE, formatter=_stage, width=12),
        Column(translatable("OpportunityTableModel", "Status"), "status",
               formatter=_status, width=8),
        Column(translatable("OpportunityTableModel", "Amount"), "amount",
               OpportunitySort.AMOUNT, RIGHT, _money, width=12),
        Column(translatable("OpportunityTableModel", "Probability"), "probability",
               OpportunitySort.PROBABILITY, RIGHT, _percent, width=8),
        Column(translatable("OpportunityTableModel", "Close date"), "close_date",
               OpportunitySort.CLOSE, formatter=lambda d: d.isoformat(), width=10),
        Column(translatable("OpportunityTableModel", "Owner"), "owner",
               OpportunitySort.OWNER, width=10),
    )  # fmt: skip
    watches = ("opportunities", "accounts", "stages")

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        flt: OpportunityFilter | None = None,
        parent: QObject | None = None,
        *,
        load: bool = True,
    ) -> None:
        super().__init__(db, bus, opportunity_ids, opportunity_rows, flt or OpportunityFilter(),
                         parent=parent, load=load)  # fmt: skip
