"""Alembic environment: runs on the engine the Database hands over (never a config file URL).

On SQLite, foreign keys are switched off while the migrations run, as SQLite's own procedure
for rebuilding a table asks: with them on, batch mode's DROP of the old table checked every
child row of every dropped row (a 0001 file with 112k events took over 30 minutes in 0004).
The keys are checked once before the commit instead, and switched on again after."""

from alembic import context
from sqlalchemy import text

from crmdesk.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as connection:
        if sqlite:  # outside a transaction, or SQLite ignores it
            connection.exec_driver_sql("PRAGMA foreign_keys = OFF")
            connection.commit()  # SQLAlchemy's autobegun one; SQLite began none for a pragma
        try:
            with connection.begin():
                context.configure(
                    connection=connection, target_metadata=target_metadata, render_as_batch=True
                )
                with context.begin_transaction():
                    context.run_migrations()
                if sqlite and connection.execute(text("PRAGMA foreign_key_check")).first():
                    raise RuntimeError("the migrated file breaks a foreign key; nothing changed")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys = ON")
                connection.commit()


run_migrations_online()
