"""Logging activities: the people present (a link table to contacts) and the follow-up task.

Revision ID: 0003_activity_people
Revises: 0002_vcard_identity

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003_activity_people'
down_revision: str | Sequence[str] | None = '0002_vcard_identity'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('activity_participants',
    sa.Column('activity_id', sa.Uuid(), nullable=False),
    sa.Column('contact_id', sa.Uuid(), nullable=False),
    sa.ForeignKeyConstraint(['activity_id'], ['activities.id'], name=op.f('fk_activity_participants_activity_id_activities'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], name=op.f('fk_activity_participants_contact_id_contacts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('activity_id', 'contact_id', name=op.f('pk_activity_participants'))
    )
    with op.batch_alter_table('activity_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_activity_participants_contact_id'), ['contact_id'], unique=False)
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.add_column(sa.Column('follow_up_id', sa.Uuid(), nullable=True))
        batch_op.create_foreign_key(batch_op.f('fk_activities_follow_up_id_calendar_events'), 'calendar_events', ['follow_up_id'], ['id'], ondelete='SET NULL')


def downgrade() -> None:
    with op.batch_alter_table('activities', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_activities_follow_up_id_calendar_events'), type_='foreignkey')
        batch_op.drop_column('follow_up_id')
    with op.batch_alter_table('activity_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_activity_participants_contact_id'))
    op.drop_table('activity_participants')
