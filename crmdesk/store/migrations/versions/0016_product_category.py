"""Products have a category (free text, indexed), which "bought a category" segments read;
an older file's products get none ("").

Revision ID: 0016_product_category
Revises: 0015_event_contacts

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016_product_category"
down_revision: str | Sequence[str] | None = "0015_event_contacts"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("category", sa.String(length=100), nullable=False,
                                   server_default=""))  # fmt: skip
        batch.create_index(batch.f("ix_products_category"), ["category"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.drop_index(batch.f("ix_products_category"))
        batch.drop_column("category")
