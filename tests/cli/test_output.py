"""The shared output module and the shape every noun module follows."""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import subprocess
import sys

import crmdesk.cli
from crmdesk.cli import output
from crmdesk.cli.main import build_parser, main
from crmdesk.core.errors import KnownError


def leaf_parsers(parser: argparse.ArgumentParser, path=()):
    """Every parser that runs a verb (has no sub-commands of its own), with its command path."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield path, parser
        return
    for name, child in subs[0].choices.items():
        yield from leaf_parsers(child, (*path, name))


def test_every_verb_offers_json():
    leaves = dict(leaf_parsers(build_parser()))
    assert ("import",) in leaves and ("contacts", "show") in leaves and ("demo",) in leaves
    without = [
        " ".join(p) for p, parser in leaves.items() if "--json" not in parser._option_string_actions
    ]
    assert not without


def test_every_noun_module_registers_itself():
    skip = {"main", "output", "records"}
    nouns = [m.name for m in pkgutil.iter_modules(crmdesk.cli.__path__) if m.name not in skip]
    assert set(nouns) >= {"contacts", "accounts", "transfer", "demo"}
    for name in nouns:
        assert callable(importlib.import_module(f"crmdesk.cli.{name}").register), name


def test_a_known_error_is_one_line_on_stderr_and_status_1(capsys):
    assert output.fail(KnownError("The file is locked.")) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == "crmdesk: The file is locked.\n"


def test_accounts_show_reads_as_text_or_json(db, capsys):
    from crmdesk.services.accounts import AccountDraft, save_account

    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="Acme Trading", industry="Retail"))
    path = str(db.url.database)
    assert main(["--db", path, "accounts", "show", account_id.hex]) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[0] == "Acme Trading" and "Retail" in text
    assert main(["--db", path, "accounts", "show", account_id.hex, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["draft"]["name"] == "Acme Trading"


def test_demo_without_db_fills_the_demo_file_not_the_real_database(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", "demo", "--size", "5", "--json"],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["contacts"] == 5 and summary["database"].endswith("crmdesk-demo.sqlite3")
    folder = tmp_path / "data" / "crmdesk"
    assert (folder / "crmdesk-demo.sqlite3").exists()
    assert not (folder / "crmdesk.sqlite3").exists()
