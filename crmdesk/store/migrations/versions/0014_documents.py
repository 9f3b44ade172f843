"""Documents: the account's taxpayer identification number, which contracts print for the buyer.

Revision ID: 0014_documents
Revises: 0006_settings
Create Date: 2026-12-02 04:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014_documents"
down_revision: str | Sequence[str] | None = "0006_settings"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("tax_id", sa.String(length=60), nullable=False,
                                   server_default=""))  # fmt: skip


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("tax_id")
