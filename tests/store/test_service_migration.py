"""0009_service: an older file's cases keep their rows, and surveys may score up to 10."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from alembic import command
from sqlalchemy import create_engine

from crmdesk.store import db as dbm
from crmdesk.store.db import Database


def _before_service(path):
    engine = create_engine(f"sqlite:///{path}")
    config = dbm._alembic_config(engine)
    command.upgrade(config, "0014_documents")
    return engine, config


def test_an_older_case_keeps_its_row_and_scores_go_up_to_ten(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine, _ = _before_service(path)
    case_id, survey_id = uuid.uuid4().hex, uuid.uuid4().hex
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO service_cases (id, number, kind, priority, status, subject, description,"
            " owner, opened_at, resolution, satisfaction, created_at, updated_at, version)"
            " VALUES (?, 'CS1', 'complaint', 'high', 'new', '打印机卡纸', '', '', "
            "'2026-01-05 09:00:00', '', 5, '2026-01-05', '2026-01-05', 1)",
            (case_id,),
        )
        conn.execute(
            "INSERT INTO satisfaction_surveys (id, surveyed_on, comment, created_at, updated_at,"
            " version) VALUES (?, '2026-01-06', '', '2026-01-06', '2026-01-06', 1)",
            (survey_id,),
        )
        with pytest.raises(sqlite3.IntegrityError):  # before: 1-5 only
            conn.execute(
                "INSERT INTO survey_items (id, survey_id, position, item, expected, perceived,"
                " created_at, updated_at, version) VALUES (?, ?, 0, 'x', 8, 9, 'a', 'a', 1)",
                (uuid.uuid4().hex, survey_id),
            )
    engine.dispose()
    Database.open(path).dispose()
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT subject, channel, tier, minutes_spent, escalated, satisfaction"
            " FROM service_cases"
        ).fetchone()
        assert row == ("打印机卡纸", "phone", "ordinary", 0, 0, 5)
        conn.execute(
            "INSERT INTO survey_items (id, survey_id, position, item, expected, perceived,"
            " created_at, updated_at, version) VALUES (?, ?, 0, 'x', 8, 9, 'a', 'a', 1)",
            (uuid.uuid4().hex, survey_id),
        )
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO survey_items (id, survey_id, position, item, expected, perceived,"
                " created_at, updated_at, version) VALUES (?, ?, 1, 'x', 8, 11, 'a', 'a', 1)",
                (uuid.uuid4().hex, survey_id),
            )
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'service_cases'"
        )}
    assert {"ix_service_cases_status", "ix_service_cases_account_id"} <= indexes


def test_the_migration_goes_back(tmp_path):
    path = tmp_path / "new.sqlite3"
    Database.open(path).dispose()
    engine = create_engine(f"sqlite:///{path}")
    command.downgrade(dbm._alembic_config(engine), "0014_documents")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        columns = {r[1] for r in conn.execute("PRAGMA table_info(service_cases)")}
    assert "solutions" not in tables and "channel" not in columns
