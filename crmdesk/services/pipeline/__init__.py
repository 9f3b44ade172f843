"""The sales pipeline: stages, opportunities and their lines, moves between stages, closing.

One module a job — `money` (line totals), `stages`, `queries` (keys, rows, board columns),
`editing` (a deal's draft, read and saved), `moves` (stage moves, closing, the order) — and
this index of their public names, so callers write `pipeline.save_opportunity(...)`.
"""

from crmdesk.services.pipeline.editing import (
    OpportunityDetail,
    OpportunityDraft,
    StageStep,
    delete_opportunities,
    get_opportunity,
    save_opportunity,
    stage_history,
)
from crmdesk.services.pipeline.money import (
    CENT,
    HUNDRED,
    ZERO_TOTALS,
    LineDraft,
    LineTotals,
    cents,
    line_totals,
    sum_totals,
)
from crmdesk.services.pipeline.moves import (
    LOST_REASONS,
    WON_REASONS,
    close_opportunity,
    create_order_from,
    move_to_stage,
)
from crmdesk.services.pipeline.queries import (
    BoardColumn,
    ColumnFigures,
    OpportunityFilter,
    OpportunityRow,
    OpportunitySort,
    Status,
    board_columns,
    column_figures,
    column_ids,
    effective_probability,
    opportunity_ids,
    opportunity_rows,
    owners,
)
from crmdesk.services.pipeline.stages import (
    DEFAULT_STAGES,
    StageRow,
    add_stage,
    adjacent_stage,
    delete_stage,
    ensure_default_stages,
    reorder_stages,
    stages,
    update_stage,
)

__all__ = [
    "CENT", "DEFAULT_STAGES", "HUNDRED", "LOST_REASONS", "WON_REASONS", "ZERO_TOTALS",
    "BoardColumn", "ColumnFigures", "LineDraft", "LineTotals", "OpportunityDetail",
    "OpportunityDraft", "OpportunityFilter", "OpportunityRow", "OpportunitySort", "StageRow",
    "StageStep", "Status",
    "add_stage", "adjacent_stage", "board_columns", "cents", "close_opportunity",
    "column_figures", "column_ids", "create_order_from", "delete_opportunities", "delete_stage",
    "effective_probability", "ensure_default_stages", "get_opportunity", "line_totals",
    "move_to_stage", "opportunity_ids", "opportunity_rows", "owners", "reorder_stages",
    "save_opportunity", "stage_history", "stages", "sum_totals", "update_stage",
]  # fmt: skip
