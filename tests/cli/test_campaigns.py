"""`crmdesk segments|campaign|outbox|calllist`, run as real processes against a real file and a
real SMTP server on localhost."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

from tests.campaign_data import build_customers
from tests.smtp_server import Received, Server, free_port

TREE = '{"match": "all", "rules": [{"field": "owner", "value": ["Li", "Wang"]}]}'


def run(*args: str, env: dict[str, str] | None = None, check: bool = True):
    result = subprocess.run(
        [sys.executable, "-m", "crmdesk", *args], capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", **(env or {})},
    )  # fmt: skip
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_segments_campaign_outbox_and_calllist_from_the_command_line(db, tmp_path):
    build_customers(db)
    path = str(db.url.database)
    run("segments", "save", "Mine", "--criteria", TREE, "--db", path)
    listed = [
        json.loads(x)
        for x in run("segments", "list", "--json", "--db", path).stdout.split("\n")
        if x
    ]
    assert [(s["name"], s["count"]) for s in listed] == [("Mine", 5)]
    assert run("segments", "count", "Mine", "--db", path).stdout.strip() == "5"
    shown = json.loads(run("segments", "show", "Mine", "--json", "--db", path).stdout)
    assert shown["criteria"]["rules"] == [{"field": "owner", "value": ["Li", "Wang"]}]
    run("campaign", "create", "June", "--segment", "Mine", "--channel", "email", "--channel",
        "sms", "--budget", "300", "--subject", "Hi {{ given_name }}", "--body", "Hello",
        "--db", path)  # fmt: skip
    started = json.loads(run("campaign", "start", "June", "--json", "--db", path).stdout)
    assert started == {"name": "June", "included": 5, "left_out": 0, "queued": 4}
    port = free_port()
    smtp = {"CRMDESK_SMTP_HOST": "127.0.0.1", "CRMDESK_SMTP_PORT": str(port),
            "CRMDESK_SMTP_STARTTLS": "no"}  # fmt: skip
    offline = json.loads(run("outbox", "send", "--json", "--db", path, env=smtp).stdout)
    assert offline["sent"] == 0 and offline["waiting"] == 4 and offline["offline"]
    received = Received(refuse={"ann@gamma.com"})
    server = Server(port, received)
    server.start()
    try:
        sent = json.loads(run("outbox", "send", "--json", "--db", path, env=smtp).stdout)
        assert (sent["sent"], sent["failed"], sent["waiting"]) == (3, 1, 0)
        failed = [json.loads(x) for x in run("outbox", "list", "--status", "failed", "--json",
                                             "--db", path).stdout.split("\n") if x]  # fmt: skip
        assert failed[0]["server_reply"].startswith("550")
        assert json.loads(run("outbox", "retry", "--json", "--db", path).stdout) == {"queued": 1}
    finally:
        server.stop()
    assert len(received.messages) == 3 and all("ann@" not in m["To"] for m in received.messages)
    status = json.loads(run("campaign", "status", "June", "--json", "--db", path).stdout)
    assert status["total"]["reached"] == 3 and status["total"]["members"] == 5
    run("calllist", "create", "Ring", "--campaign", "June", "--caller", "Li", "--db", path)
    run("calllist", "export", "Ring", "-o", str(tmp_path / "ring.csv"), "--db", path)
    rows = list(csv.DictReader((tmp_path / "ring.csv").open(encoding="utf-8-sig")))
    assert len(rows) == 5 and {r["owner"] for r in rows} == {"Li"}
    missing = run("segments", "count", "Nobody", "--db", path, check=False)
    assert missing.returncode == 1 and missing.stderr.startswith("crmdesk: No segment named")
