"""An event links to several contacts: the event_contacts table, filled from each event's
one contact so an older file keeps its links.

Revision ID: 0015_event_contacts
Revises: 0009_service

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_event_contacts"
down_revision: str | Sequence[str] | None = "0009_service"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_contacts",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["calendar_events.id"],
            name=op.f("fk_event_contacts_event_id_calendar_events"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"], ["contacts.id"],
            name=op.f("fk_event_contacts_contact_id_contacts"), ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "contact_id", name=op.f("pk_event_contacts")),
    )  # fmt: skip
    with op.batch_alter_table("event_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_contacts_contact_id"), ["contact_id"], unique=False
        )
    op.execute(
        "INSERT INTO event_contacts (event_id, contact_id) "
        "SELECT e.id, e.contact_id FROM calendar_events AS e "
        "JOIN contacts AS c ON c.id = e.contact_id"
    )


def downgrade() -> None:
    with op.batch_alter_table("event_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_contacts_contact_id"))
    op.drop_table("event_contacts")
