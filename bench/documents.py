"""Documents: 10,000 mailing labels, 100 contracts, and a 100k-row customer report against pandas.

Each measurement runs in a child process of its own, so its peak memory is its own. The report
is written from generated rows with the customers report's columns (the database query is
measured elsewhere); pandas gets the same rows as a DataFrame and writes them with the
openpyxl engine. Flat memory: our writer's peak at 20k and at 100k rows should be about the
same. Prints one JSON object.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench._memory import peak_rss_mb

LABELS = 10_000
ROWS = 100_000
CONTRACTS = 100


def customer_rows(count: int):
    tiers, stages = ("VIP", "Important", "Ordinary"), ("Prospect", "New customer", "Loyal")
    start = dt.date(2024, 1, 1)
    for i in range(count):
        name = f"广州第{i}贸易有限公司" if i % 2 else f"Customer {i} Ltd"
        yield (name, f"C{i:06d}", "Manufacturing", tiers[i % 3], stages[i % 3], f"Owner {i % 40}",
               i % 7, i % 13, Decimal(i % 9973) + Decimal("0.45"),
               start + dt.timedelta(days=i % 700))  # fmt: skip


def run_labels() -> dict[str, float]:
    from crmdesk.export.address_block import Recipient
    from crmdesk.export.label_stock import find_stock
    from crmdesk.export.labels import write_labels

    people = [
        Recipient(f"张{i}", street=f"天河区体育西路{i}号", city="广州市", region="广东省",
                  postal_code="510620", company="广州明华科技有限公司")
        if i % 2 else
        Recipient(f"Jane Smith {i}", street=f"{i} Amphitheatre Parkway", city="Mountain View",
                  region="CA", postal_code="94043", country="United States")
        for i in range(LABELS)
    ]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        result = write_labels(Path(folder) / "labels.pdf", find_stock("Avery L7160"), people)
        seconds = time.perf_counter() - began
        size = result.path.stat().st_size
    return {"labels": LABELS, "pages": result.pages, "seconds": round(seconds, 2),
            "mb": round(size / 1e6, 1), "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def run_report(rows: int) -> dict[str, float]:
    from crmdesk.export.xlsx_report import Column, Report, write_report
    from crmdesk.interop.tabular import neutralise

    columns = (
        Column("Customer"), Column("Code"), Column("Industry"), Column("Tier"),
        Column("Loyalty stage"), Column("Owner"), Column("Contacts", "integer", total=True),
        Column("Orders", "integer", total=True), Column("Revenue", "money", total=True, bar=True),
        Column("Last order", "date"),
    )  # fmt: skip
    report = Report("Customers", "Customers", "All dates", columns, customer_rows(rows),
                    expected_rows=rows)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        result = write_report(Path(folder) / "r.xlsx", report, neutralise=neutralise)
        seconds = time.perf_counter() - began
    return {"rows": result.rows, "seconds": round(seconds, 2), "mb": round(result.size / 1e6, 1),
            "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def run_pandas(rows: int) -> dict[str, float]:
    import pandas as pd

    headings = ["Customer", "Code", "Industry", "Tier", "Loyalty stage", "Owner", "Contacts",
                "Orders", "Revenue", "Last order"]  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()  # the frame is part of pandas' way: it is timed too
        frame = pd.DataFrame(
            ((*r[:8], float(r[8]), r[9]) for r in customer_rows(rows)), columns=headings
        )
        frame.to_excel(Path(folder) / "p.xlsx", index=False, engine="openpyxl")
        seconds = time.perf_counter() - began
    return {"rows": rows, "seconds": round(seconds, 2), "peak_rss_mb": peak_rss_mb()}


def _deals(folder: Path, count: int) -> tuple[object, list[object]]:
    """A database with our company and `count` deals of three lines each, at Chinese buyers."""
    from crmdesk.interop.records import AddressRecord
    from crmdesk.services import pipeline, settings
    from crmdesk.services.accounts import AccountDraft, save_account
    from crmdesk.services.company import CompanyProfile
    from crmdesk.services.pipeline import LineDraft, OpportunityDraft
    from crmdesk.store.db import Database

    db = Database.open(folder / "bench.sqlite3")
    ids = []
    with db.transaction() as session:
        settings.save(session, CompanyProfile(name="上海云帆科技有限公司", address="上海市浦东新区",
                                              postal_code="200120", tax_id="91310115MA1K3YF001"))
        pipeline.ensure_default_stages(session)
        stage = pipeline.stages(session)[0].id
        for i in range(count):
            account, _ = save_account(session, AccountDraft(
                name=f"广州第{i}贸易有限公司", tax_id=f"914401{i:06d}",
                addresses=[AddressRecord(street=f"体育西路{i}号", city="广州市", region="广东省")]))
            opp, _ = pipeline.save_opportunity(session, OpportunityDraft(
                name=f"项目 {i}", stage_id=stage, account_id=account, owner="李娜",
                lines=[LineDraft(f"产品 {n}", Decimal(n + 1), Decimal("1999.90"), Decimal(5),
                                 Decimal(13), "台") for n in range(3)]))
            ids.append(opp)
    return db, ids  # fmt: skip


def run_contracts(count: int) -> dict[str, float]:
    from crmdesk.services.contracts import generate

    with tempfile.TemporaryDirectory() as work:
        db, ids = _deals(Path(work), count)
        with db.reading() as session:
            began = time.perf_counter()
            written = generate(session, ids, "contract", Path(work) / "out")
            seconds = time.perf_counter() - began
            began = time.perf_counter()
            pdfs = generate(session, ids[:10], "contract", Path(work) / "pdf", fmt="pdf")
            pdf_seconds = time.perf_counter() - began
        db.dispose()
    return {"contracts": len(written), "seconds": round(seconds, 2),
            "pdf_10_seconds": round(pdf_seconds, 2), "pdfs": len(pdfs),
            "peak_rss_mb": peak_rss_mb()}  # fmt: skip


def child(part: str, rows: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, part, str(rows)], capture_output=True,
                          text=True, check=True)  # fmt: skip
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    if len(sys.argv) == 3:
        part, rows = sys.argv[1], int(sys.argv[2])
        runner = {"labels": lambda: run_labels(), "report": lambda: run_report(rows),
                  "pandas": lambda: run_pandas(rows),
                  "contracts": lambda: run_contracts(rows)}[part]  # fmt: skip
        print(json.dumps(runner()))
        return
    labels = child("labels", 0)
    contracts = child("contracts", CONTRACTS)
    small = child("report", ROWS // 5)
    ours = child("report", ROWS)
    pandas = child("pandas", ROWS)
    print(json.dumps({
        "labels_10k": labels,
        "labels_under_3s": labels["seconds"] < 3,
        "contracts_100": contracts,
        "contracts_under_15s": contracts["seconds"] < 15,
        "report_20k": small,
        "report_100k": ours,
        "pandas_to_excel_100k": pandas,
        "report_vs_pandas_time": round(ours["seconds"] / pandas["seconds"], 2),
        "report_memory_growth_20k_to_100k_mb": round(ours["peak_rss_mb"] - small["peak_rss_mb"], 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
