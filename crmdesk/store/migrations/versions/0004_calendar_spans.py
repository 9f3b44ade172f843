"""Calendar: each event's UTC span (for range queries by index) and its iCalendar SEQUENCE.

Revision ID: 0004_calendar_spans
Revises: 0003_activity_people

"""
import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_calendar_spans"
down_revision: str | Sequence[str] | None = "0003_activity_people"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_DAY_SLACK = dt.timedelta(hours=14)
_LONG = dt.timedelta(days=8)


def upgrade() -> None:
    # A file whose version was set back (or a branch's earlier numbering) may already have
    # the columns: add only what is missing.
    inspector = sa.inspect(op.get_bind())
    have = {c["name"] for c in inspector.get_columns("calendar_events")}
    indexes = {i["name"] for i in inspector.get_indexes("calendar_events")}
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        if "sequence" not in have:
            batch_op.add_column(
                sa.Column("sequence", sa.Integer(), nullable=False, server_default="0")
            )
        if "span_start" not in have:
            batch_op.add_column(sa.Column("span_start", sa.DateTime(), nullable=True))
        if "span_end" not in have:
            batch_op.add_column(sa.Column("span_end", sa.DateTime(), nullable=True))
        if "long_span" not in have:
            batch_op.add_column(
                sa.Column("long_span", sa.Boolean(), nullable=False, server_default=sa.false())
            )
        if "ix_calendar_events_span" not in indexes:
            batch_op.create_index("ix_calendar_events_span", ["long_span", "span_start"])
        if "ix_calendar_events_span_end" not in indexes:
            batch_op.create_index("ix_calendar_events_span_end", ["long_span", "span_end"])
        if "ix_calendar_events_moved" not in indexes:
            batch_op.create_index(
                "ix_calendar_events_moved", ["recurrence_id"],
                sqlite_where=sa.text("recurrence_id != ''"),
                postgresql_where=sa.text("recurrence_id != ''"),
            )
    _fill_spans()


def _fill_spans() -> None:
    """Spans of the events already there; a series is open-ended until next saved (correct,
    just expanded for every window), as its last occurrence needs the recurrence rules."""
    events = sa.table(
        "calendar_events",
        sa.column("id", sa.Uuid()), sa.column("starts_at", sa.DateTime()),
        sa.column("ends_at", sa.DateTime()), sa.column("start_date", sa.Date()),
        sa.column("end_date", sa.Date()), sa.column("rrule", sa.String()),
        sa.column("rdates", sa.JSON()), sa.column("span_start", sa.DateTime()),
        sa.column("span_end", sa.DateTime()), sa.column("long_span", sa.Boolean()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(events.c.id, events.c.starts_at, events.c.ends_at, events.c.start_date,
                  events.c.end_date, events.c.rrule, events.c.rdates)
    ).all()
    updates = [_span(row) for row in rows]
    if updates:
        connection.execute(
            events.update().where(events.c.id == sa.bindparam("row_id")).values(
                span_start=sa.bindparam("start"), span_end=sa.bindparam("end"),
                long_span=sa.bindparam("long"),
            ),
            updates,
        )


def _span(row: sa.Row) -> dict:
    if row.starts_at is not None:
        start, end = row.starts_at, row.ends_at or row.starts_at
    elif row.start_date is not None:
        start = dt.datetime.combine(row.start_date, dt.time()) - _DAY_SLACK
        end = dt.datetime.combine(row.end_date or row.start_date, dt.time()) + _DAY_SLACK
    else:
        start = end = None
    repeating = bool(row.rrule) or bool(row.rdates)
    long = repeating or (start is not None and end - start > _LONG)
    return {"row_id": row.id, "start": start, "end": None if repeating else end, "long": long}


def downgrade() -> None:
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.drop_index("ix_calendar_events_moved")
        batch_op.drop_index("ix_calendar_events_span_end")
        batch_op.drop_index("ix_calendar_events_span")
        batch_op.drop_column("long_span")
        batch_op.drop_column("span_end")
        batch_op.drop_column("span_start")
        batch_op.drop_column("sequence")
