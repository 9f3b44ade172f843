"""Settings sections: defaults for what a file lacks, round trips, one transaction with the rest."""

from __future__ import annotations

import dataclasses
from typing import ClassVar

from crmdesk.services import settings
from crmdesk.store.db import Database


@dataclasses.dataclass(frozen=True)
class Company:
    KEY: ClassVar[str] = "test.company"
    name: str = ""
    tax_id: str = ""
    banks: tuple[str, ...] = ()


def test_a_section_never_saved_reads_as_its_defaults(db: Database) -> None:
    with db.reading() as session:
        assert settings.load(session, Company) == Company()


def test_a_saved_section_reads_back_in_a_new_session(db: Database) -> None:
    with db.transaction() as session:
        settings.save(session, Company(name="上海云杉贸易有限公司", tax_id="91310000MA1FL0"))
    with db.reading() as session:
        assert settings.load(session, Company).name == "上海云杉贸易有限公司"
        assert settings.load(session, Company).tax_id == "91310000MA1FL0"


def test_fields_the_file_lacks_take_defaults_and_unknown_ones_are_ignored(db: Database) -> None:
    with db.transaction() as session:
        settings.write_value(session, Company.KEY, {"name": "Acme", "retired_field": 3})
    with db.reading() as session:
        assert settings.load(session, Company) == Company(name="Acme")


def test_saving_twice_replaces_the_section(db: Database) -> None:
    with db.transaction() as session:
        settings.save(session, Company(name="Old"))
    with db.transaction() as session:
        settings.save(session, Company(name="New"))
    with db.reading() as session:
        assert settings.load(session, Company).name == "New"
