"""The product catalogue's cost price (margin on a quote or a deal's lines).

Revision ID: 0008_pipeline_more
Revises: 0010_insights
Create Date: 2026-12-02 04:35:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_pipeline_more"
down_revision: str | Sequence[str] | None = "0010_insights"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cost", sa.BigInteger(), nullable=False, server_default="0")
        )


def downgrade() -> None:
    with op.batch_alter_table("products", schema=None) as batch_op:
        batch_op.drop_column("cost")
