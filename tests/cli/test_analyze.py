"""`crmdesk analyze …` run as a real process against a real file."""

from __future__ import annotations

import json
from decimal import Decimal

from crmdesk.cli import analyze
from crmdesk.services import targets
from crmdesk.services.targets import TargetDraft
from crmdesk.store.db import Database
from tests.cli.test_main import crmdesk
from tests.insights_data import rfm_example


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def test_rfm_json_lines_and_store(db: Database) -> None:
    rfm_example(db)
    path = str(db.url.database)
    rows = _lines(
        crmdesk("analyze", "rfm", "--as-of", "2026-06-30", "--json", "--store", "--db", path).stdout
    )
    a = next(r for r in rows if r["name"] == "A")
    assert {
        k: a[k] for k in ("recency_days", "frequency", "monetary", "r", "f", "m", "cell", "segment")
    } == {
        "recency_days": 10,
        "frequency": 3,
        "monetary": "300.00",
        "r": 3,
        "f": 5,
        "m": 3,
        "cell": "353",
        "segment": "loyal",
    }
    assert "id" in a
    apart = [r["name"] for r in rows if r["cell"] is None]
    assert apart == ["F", "G"] and len(rows) == 7
    listed = crmdesk("accounts", "show", a["id"], "--json", "--db", path)
    assert listed.returncode == 0


def test_pyramid_keys(db: Database) -> None:
    rfm_example(db)
    out = crmdesk(
        "analyze",
        "pyramid",
        "--as-of",
        "2026-06-30",
        "--since",
        "2025-07-01",
        "--json",
        "--db",
        str(db.url.database),
    ).stdout
    (facts,) = _lines(out)
    assert set(facts) >= {"platinum", "gold", "iron", "lead"}
    # five buyers: cut-offs 1, 1, 1 -> C platinum, nobody gold or iron, four lead
    assert facts["platinum"] == {
        "count": 1,
        "revenue": "2000.00",
        "threshold": "2000.00",
        "suggested": "vip",
    }
    assert facts["lead"]["count"] == 4 and facts["gold"]["threshold"] is None
    assert facts["measure"] == "revenue"  # nothing chosen in the settings: by revenue


def test_clv_churn_lifecycle_targets_run(db: Database) -> None:
    rfm_example(db)
    with db.transaction() as session:
        targets.set_targets(
            session, [TargetDraft("Li", "2026-06", "calls_made", Decimal(2), Decimal(1))]
        )
    path = str(db.url.database)
    for figure in ("clv", "churn", "lifecycle", "targets"):
        result = crmdesk("analyze", figure, "--as-of", "2026-06-30", "--json", "--db", path)
        assert result.returncode == 0, result.stderr
        rows = _lines(result.stdout)
        if figure == "clv":
            assert rows[0]["name"] == "C" and "CLV =" in rows[0]["formula"]
        if figure == "targets":
            assert rows[0]["summary"] == "0 of 1 met; the 1 missed weigh 100 %"
    bad = crmdesk("analyze", "targets", "--month", "2026-6x", "--db", path, check=False)
    assert bad.returncode == 1 and "not a month" in bad.stderr


def test_another_module_can_add_sub_verbs() -> None:
    import argparse

    def register(analyze_verbs: object) -> None:
        cmd = analyze_verbs.add_parser("example")  # type: ignore[attr-defined]
        cmd.set_defaults(handler=lambda db, args: 0)

    analyze.REGISTRARS.append(register)
    try:
        parser = argparse.ArgumentParser()
        analyze.register(parser.add_subparsers(dest="verb"))
        assert parser.parse_args(["analyze", "example"]).figure == "example"
    finally:
        analyze.REGISTRARS.remove(register)


def test_pyramid_by_margin_says_what_the_costs_covered(db: Database) -> None:
    from tests.analytics.test_margin import _buyers

    _buyers(db)
    out = crmdesk("analyze", "pyramid", "--as-of", "2026-06-30", "--since", "2026-01-01",
                  "--by", "margin", "--json", "--db", str(db.url.database)).stdout  # fmt: skip
    (facts,) = _lines(out)
    assert facts["measure"] == "margin"
    assert facts["platinum"]["revenue"] == "270.00"  # B's margin (the default rate is 30 %)
    assert (facts["costed_revenue"], facts["rated_revenue"]) == ("1200.00", "1500.00")


def test_pyramid_by_defaults_to_the_setting_and_apply_uses_what_is_shown(db: Database) -> None:
    """test_margin's buyers: A leads by revenue (1000), B by margin (270)."""
    from sqlalchemy import select

    from crmdesk.models import Account
    from crmdesk.models.enums import ValueTier
    from crmdesk.services import insights
    from tests.analytics.test_margin import _buyers

    _buyers(db)
    with db.transaction() as session:
        insights.save_settings(session, insights.InsightSettings(pyramid_by="margin"))
    base = ("analyze", "pyramid", "--as-of", "2026-06-30", "--since", "2026-01-01", "--json",
            "--db", str(db.url.database))  # fmt: skip

    def platinum(*extra: str) -> tuple[str, str]:
        (facts,) = _lines(crmdesk(*base, *extra).stdout)
        return facts["measure"], facts["platinum"]["threshold"]

    assert platinum() == ("margin", "270.00")  # the setting is the default
    assert platinum("--by", "revenue") == ("revenue", "1000.00")
    crmdesk(*base, "--by", "revenue", "--apply")  # by revenue though margin is the setting
    with db.reading() as session:
        vip = [a.name for a in session.scalars(select(Account)) if a.value_tier == ValueTier.VIP]
    assert vip == ["A"]


def test_rfm_cells_give_customers_and_revenue(db: Database) -> None:
    rfm_example(db)
    out = crmdesk("analyze", "rfm", "--cells", "--as-of", "2026-06-30", "--json",
                  "--db", str(db.url.database)).stdout  # fmt: skip
    cells = _lines(out)
    by_cell = {c["cell"]: c for c in cells}
    assert by_cell["145"] == {"cell": "145", "segment": "cant_lose", "customers": 1,
                              "revenue": "2000.00"}  # fmt: skip
    assert [c["cell"] for c in cells[:-1]] == sorted(by_cell.keys() - {None}, reverse=True)
    assert cells[-1] == {"cell": None, "segment": None, "customers": 2, "revenue": "0.00"}
    assert sum(c["customers"] for c in cells) == 7


def test_targets_are_set_from_the_command_line(db: Database) -> None:
    rfm_example(db)
    path = str(db.url.database)
    out = crmdesk("analyze", "targets", "--month", "2026-06", "--owner", "Li", "--set",
                  "calls_made=2:3", "revenue_won=1000", "--json", "--db", path)  # fmt: skip
    assert "2 targets set for Li in 2026-06" in out.stderr
    (card,) = _lines(out.stdout)
    assert [(i["indicator"], i["target"], i["weight"]) for i in card["indicators"]] == [
        ("revenue_won", "1000.00", "1.00"), ("calls_made", "2.00", "3.00")]  # fmt: skip
    again = crmdesk("analyze", "targets", "--month", "2026-06", "--owner", "Li", "--set",
                    "calls_made=5", "--json", "--db", path)  # fmt: skip
    (card,) = _lines(again.stdout)  # replaced, not added
    assert [(i["indicator"], i["target"]) for i in card["indicators"]] == [
        ("revenue_won", "1000.00"), ("calls_made", "5.00")]  # fmt: skip
    for bad, said in ((["--set", "calls_made"], "not INDICATOR=TARGET"),
                      (["--set", "naps=3"], "not an indicator"),
                      (["--owner", "", "--set", "calls_made=1"], "whose targets")):  # fmt: skip
        args = ["--owner", "Li", *bad] if "--owner" not in bad else bad
        result = crmdesk("analyze", "targets", "--month", "2026-06", *args, "--db", path,
                         check=False)  # fmt: skip
        assert result.returncode == 1 and said in result.stderr, result.stderr
