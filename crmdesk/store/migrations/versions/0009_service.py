"""The service desk: case workflow columns, notes, attachments, solutions, survey templates;
survey scores up to 10 for templates asked on 1-10.

Revision ID: 0009_service
Revises: 0011_campaigns
Create Date: 2026-12-02 04:14:03

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009_service"
down_revision: str | Sequence[str] | None = "0011_campaigns"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _entity_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
    ]


def _indexes(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in ("deleted_at", *columns):
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def _case_child(table: str, *columns: sa.Column[object]) -> None:
    op.create_table(
        table,
        sa.Column("case_id", sa.Uuid(), nullable=False),
        *columns,
        *_entity_columns(),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["service_cases.id"],
            name=op.f(f"fk_{table}_case_id_service_cases"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )
    _indexes(table, "case_id")


def upgrade() -> None:
    op.create_table(
        "survey_templates",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scale", sa.Integer(), nullable=False),
        *_entity_columns(),
        sa.CheckConstraint("scale IN (5, 10)", name=op.f("ck_survey_templates_scale")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_templates")),
    )
    _indexes("survey_templates")
    op.create_table(
        "survey_template_items",
        sa.Column("template_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("weight", sa.Double(), nullable=False),
        *_entity_columns(),
        sa.CheckConstraint("weight > 0", name=op.f("ck_survey_template_items_weight")),
        sa.ForeignKeyConstraint(
            ["template_id"],
            ["survey_templates.id"],
            name=op.f("fk_survey_template_items_template_id_survey_templates"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_template_items")),
    )
    _indexes("survey_template_items", "template_id")
    _case_child(
        "case_attachments",
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("stored_as", sa.String(length=400), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
    )
    _case_child(
        "case_notes",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )
    op.create_table(
        "solutions",
        sa.Column("case_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("problem", sa.Text(), nullable=False),
        sa.Column("cause", sa.Text(), nullable=False),
        sa.Column("fix", sa.Text(), nullable=False),
        sa.Column("products", sa.String(length=300), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=False),
        *_entity_columns(),
        sa.ForeignKeyConstraint(
            ["case_id"],
            ["service_cases.id"],
            name=op.f("fk_solutions_case_id_service_cases"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_solutions")),
    )
    _indexes("solutions", "case_id")

    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.add_column(sa.Column("template_id", sa.Uuid(), nullable=True))
        batch_op.add_column(sa.Column("scale", sa.Integer(), nullable=False, server_default="5"))
        batch_op.create_index(
            batch_op.f("ix_satisfaction_surveys_template_id"), ["template_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_satisfaction_surveys_template_id_survey_templates"),
            "survey_templates",
            ["template_id"],
            ["id"],
            ondelete="SET NULL",
        )

    with op.batch_alter_table("service_cases", schema=None) as batch_op:
        for name, kind, default in (
            ("channel", sa.String(length=20), "phone"),
            ("tier", sa.String(length=20), "ordinary"),
            ("minutes_spent", sa.Integer(), "0"),
            ("first_contact", sa.Boolean(), "0"),
            ("reopen_count", sa.Integer(), "0"),
            ("escalated", sa.Boolean(), "0"),
        ):
            batch_op.add_column(sa.Column(name, kind, nullable=False, server_default=default))
        for name in ("response_due_at", "responded_at", "closed_at", "escalated_at"):
            batch_op.add_column(sa.Column(name, sa.DateTime(), nullable=True))
        batch_op.drop_constraint(op.f("ck_service_cases_satisfaction"), type_="check")
        batch_op.create_check_constraint(
            "satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10"
        )
        batch_op.create_check_constraint("minutes_spent", "minutes_spent >= 0")
        for name in ("opened_at", "closed_at"):
            batch_op.create_index(batch_op.f(f"ix_service_cases_{name}"), [name], unique=False)

    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.add_column(sa.Column("weight", sa.Double(), nullable=False, server_default="1"))
        batch_op.drop_constraint(op.f("ck_survey_items_scores"), type_="check")
        batch_op.create_check_constraint(
            "scores", "expected BETWEEN 1 AND 10 AND perceived BETWEEN 1 AND 10"
        )


def downgrade() -> None:
    with op.batch_alter_table("survey_items", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_survey_items_scores"), type_="check")
        batch_op.create_check_constraint(
            "scores", "expected BETWEEN 1 AND 5 AND perceived BETWEEN 1 AND 5"
        )
        batch_op.drop_column("weight")
    with op.batch_alter_table("service_cases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_cases_closed_at"))
        batch_op.drop_index(batch_op.f("ix_service_cases_opened_at"))
        batch_op.drop_constraint(op.f("ck_service_cases_minutes_spent"), type_="check")
        batch_op.drop_constraint(op.f("ck_service_cases_satisfaction"), type_="check")
        batch_op.create_check_constraint(
            "satisfaction", "satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5"
        )
        for name in (
            "escalated_at", "closed_at", "responded_at", "response_due_at", "escalated",
            "reopen_count", "first_contact", "minutes_spent", "tier", "channel",
        ):  # fmt: skip
            batch_op.drop_column(name)
    with op.batch_alter_table("satisfaction_surveys", schema=None) as batch_op:
        batch_op.drop_constraint(
            "fk_satisfaction_surveys_template_id_survey_templates", type_="foreignkey"
        )
        batch_op.drop_index("ix_satisfaction_surveys_template_id")
        batch_op.drop_column("scale")
        batch_op.drop_column("template_id")
    for table in ("solutions", "case_notes", "case_attachments", "survey_template_items",
                  "survey_templates"):  # fmt: skip
        op.drop_table(table)
