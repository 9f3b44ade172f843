"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from crmdesk.models.base import Base


def test_a_migrated_file_matches_the_models(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        differences = [
            d for d in compare_metadata(context, Base.metadata)
            if not (d[0] == "remove_table" and d[1].name.startswith(("search_", "alembic")))
        ]
    assert differences == []
