"""Contacts keep their card's formatted name (vCard FN) and UID.

Revision ID: 0002_vcard_identity
Revises: 0001_baseline

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_vcard_identity"
down_revision: str | Sequence[str] | None = "0001_baseline"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(
            sa.Column("formatted_name", sa.String(length=300), nullable=False, server_default="")
        )
        batch.add_column(sa.Column("uid", sa.String(length=300), nullable=False, server_default=""))
        batch.create_index("ix_contacts_uid", ["uid"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("contacts") as batch:
        batch.drop_index("ix_contacts_uid")
        batch.drop_column("uid")
        batch.drop_column("formatted_name")
