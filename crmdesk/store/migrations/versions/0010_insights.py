"""Insights: RFM scores on the account, lunar birthdays, who assigned a task, monthly targets.

Revision ID: 0010_insights
Revises: 0014_documents
Create Date: 2026-12-02 04:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_insights"
down_revision: str | Sequence[str] | None = "0014_documents"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("rfm_r", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rfm_f", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("rfm_m", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("rfm_cell", sa.String(length=3), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("rfm_segment", sa.String(length=30), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("scores_as_of", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("last_order_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("usual_gap_days", sa.Double(), nullable=True))
        batch_op.create_index(batch_op.f("ix_accounts_rfm_cell"), ["rfm_cell"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_accounts_rfm_segment"), ["rfm_segment"], unique=False
        )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("lunar_birthday", sa.String(length=5), nullable=False, server_default="")
        )
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("assigned_by", sa.String(length=100), nullable=False, server_default="")
        )
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.create_index(
            "ix_orders_figures",
            ["account_id", "deleted_at", "status", "ordered_on", "amount"],
            unique=False,
        )
    op.create_table(
        "monthly_targets",
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("indicator", sa.String(length=40), nullable=False),
        sa.Column("target", sa.BigInteger(), nullable=False),
        sa.Column("weight", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_monthly_targets")),
    )
    with op.batch_alter_table("monthly_targets", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_monthly_targets_deleted_at"), ["deleted_at"], unique=False
        )
        batch_op.create_index(
            "ix_monthly_targets_owner_month", ["owner", "month", "indicator"], unique=False
        )


def downgrade() -> None:
    op.drop_table("monthly_targets")
    with op.batch_alter_table("orders", schema=None) as batch_op:
        batch_op.drop_index("ix_orders_figures")
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.drop_column("assigned_by")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_column("lunar_birthday")
    with op.batch_alter_table("accounts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_accounts_rfm_segment"))
        batch_op.drop_index(batch_op.f("ix_accounts_rfm_cell"))
        for column in ("usual_gap_days", "last_order_on", "scores_as_of", "rfm_segment", "rfm_cell", "rfm_m", "rfm_f", "rfm_r"):
            batch_op.drop_column(column)
