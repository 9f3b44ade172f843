"""Import a 100k-row Google Contacts CSV into a 100k-contact database, with duplicate detection.

Prints {rows, seconds_read, seconds_preview, seconds_import, seconds_total, peak_rss_mb, new,
updated, duplicate, …} as JSON. Targets: seconds_total (read + preview + import) under 20 s,
peak memory under 500 MB.

The database is the demo data set (services.demo.build_demo). The CSV, written with the Google
CSV writer, has ~90% new people and ~10% rows that are contacts already in the database, found
by their phone or e-mail: half of them exactly as stored (duplicates), half with a new e-mail
address (updates). The measured run is a fresh process, so the peak RSS is the import's own.

The host's speed drifts (±25% within an hour on a shared 2-core machine), so the run is also
given as a ratio, `total_to_baseline`: seconds_total over the floor of any Python + SQLite
importer measured just before and after it (`baseline`), comparable between runs where the
seconds are not.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _memory import peak_rss_mb
from faker.providers.person.en_US import Provider as EnglishNames
from sqlalchemy import func, select

from crmdesk.interop.records import AddressRecord, ContactRecord, EmailRecord, PhoneRecord
from crmdesk.interop.tabular import write_contacts_csv
from crmdesk.models import Account, Contact, Email, Phone
from crmdesk.models.enums import EmailKind, PhoneKind
from crmdesk.store.db import Database

FAMILY_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN_ZH = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅林文辉鹏飞宇浩然子涵欣怡梓轩思雨俊博嘉诗琪晨阳佳瑞雪振海春晓东亮云龙凤慧婷倩颖琳"  # noqa: E501
FIRST_EN = list(EnglishNames.first_names)
LAST_EN = list(EnglishNames.last_names)
CITIES = ("北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "London", "Berlin")
TRADES = ("科技", "贸易", "物流", "电子", "医药", "建材", "食品", "Trading", "Systems", "Foods")


def build_database(path: Path, contacts: int) -> float:
    from crmdesk.demo.build import build_demo

    started = time.perf_counter()
    db = Database.open(path)
    build_demo(db, contacts, seed=7)
    db.dispose()
    return time.perf_counter() - started


def _existing(path: Path, how_many: int, rng: random.Random) -> list[ContactRecord]:
    """Contacts already in the database, as a file would carry them (name, a phone, an e-mail)."""
    db = Database.open(path)
    with db.reading() as session:
        ids = list(session.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))))
        chosen = rng.sample(ids, min(how_many, len(ids)))
        rows = {}
        for start in range(0, len(chosen), 500):
            chunk = chosen[start : start + 500]
            for cid, family, given, org in session.execute(
                select(
                    Contact.id, Contact.family_name, Contact.given_name, Contact.organization
                ).where(Contact.id.in_(chunk))
            ):
                rows[cid] = ContactRecord(family_name=family, given_name=given, organization=org)
            for cid, number, kind in session.execute(
                select(Phone.contact_id, Phone.number, Phone.kind).where(
                    Phone.contact_id.in_(chunk), Phone.deleted_at.is_(None)
                )
            ):
                rows[cid].phones.append(PhoneRecord(number, PhoneKind(kind)))
            for cid, address, kind in session.execute(
                select(Email.contact_id, Email.address, Email.kind).where(
                    Email.contact_id.in_(chunk), Email.deleted_at.is_(None)
                )
            ):
                rows[cid].emails.append(EmailRecord(address, EmailKind(kind)))
    db.dispose()
    return [r for r in rows.values() if r.phones or r.emails]


def _companies(path: Path, rng: random.Random, count: int = 3000) -> list[str]:
    """Organisations the file's people work at: a third of them accounts already in the
    database (written in another case and spacing now and then), the rest new."""
    db = Database.open(path)
    with db.reading() as session:
        known = list(session.scalars(select(Account.name).where(Account.deleted_at.is_(None))))
    db.dispose()
    names = rng.sample(known, min(len(known), count // 3))
    names = [n.upper() if rng.random() < 0.1 else n for n in names]
    while len(names) < count:
        if rng.random() < 0.6:
            names.append(
                f"{rng.choice(CITIES[:8])}{rng.choice(GIVEN_ZH)}{rng.choice(GIVEN_ZH)}"
                f"{rng.choice(TRADES[:7])}有限公司"
            )
        else:
            names.append(f"{rng.choice(LAST_EN)} & {rng.choice(LAST_EN)} {rng.choice(TRADES[7:])}")
    return names


def _new_person(i: int, rng: random.Random, companies: list[str]) -> ContactRecord:
    if rng.random() < 0.6:
        family = rng.choice(FAMILY_ZH)
        given = "".join(rng.choice(GIVEN_ZH) for _ in range(rng.choice((1, 2, 2))))
    else:
        family, given = rng.choice(LAST_EN), rng.choice(FIRST_EN)
    rec = ContactRecord(
        family_name=family,
        given_name=given,
        organization=rng.choice(companies) if rng.random() < 0.7 else "",
        title=rng.choice(("", "经理", "Sales Manager", "总监", "Engineer")),
        phones=[PhoneRecord(f"1{rng.choice('3456789')}9{i:08d}", PhoneKind.MOBILE)],
        addresses=[AddressRecord(city=rng.choice(CITIES), street=f"{rng.randrange(1, 999)} 号")],
        tags=["bench"] if rng.random() < 0.2 else [],
    )
    if rng.random() < 0.7:
        rec.emails.append(EmailRecord(f"bench.{i}@example.net", EmailKind.WORK))
    return rec


def write_csv(db_path: Path, csv_path: Path, rows: int, seed: int = 11) -> None:
    rng = random.Random(seed)
    existing = _existing(db_path, rows // 10, rng)
    for n, rec in enumerate(existing):
        if n % 2:  # the same person with a new address: an update
            rec.emails.append(EmailRecord(f"second.{n}@example.org", EmailKind.HOME))
    companies = _companies(db_path, rng)
    records = [_new_person(i, rng, companies) for i in range(rows - len(existing))] + existing
    rng.shuffle(records)
    csv_path.write_bytes(write_contacts_csv(records))


def baseline(csv_path: Path, folder: Path) -> float:
    """Seconds to parse the file with csv.reader and insert its rows with executemany into a
    table of as many TEXT columns (no index) in a new SQLite file, committed."""
    started = time.perf_counter()
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    width = max(len(r) for r in rows)
    path = folder / "baseline.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(width))})")
    conn.executemany(
        f"INSERT INTO t VALUES ({', '.join('?' * width)})",
        (r + [""] * (width - len(r)) for r in rows[1:]),
    )
    conn.commit()
    conn.close()
    seconds = time.perf_counter() - started
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return seconds


def measure(db_path: Path, csv_path: Path) -> dict[str, object]:
    from crmdesk.services.importing import import_contacts, preview_contacts, read_contact_file

    db = Database.open(db_path)
    with db.reading() as session:
        before = session.scalar(select(func.count(Contact.id)))
    started = time.perf_counter()
    batch = read_contact_file(csv_path)
    read = time.perf_counter()
    with db.transaction() as session:
        preview = preview_contacts(session, batch)
        previewed = time.perf_counter()
        result = import_contacts(session, batch)
        imported = time.perf_counter()
    committed = time.perf_counter()
    with db.reading() as session:
        after = session.scalar(select(func.count(Contact.id)))
    db.dispose()
    return {
        "rows": preview.total,
        "seconds_read": round(read - started, 2),
        "seconds_preview": round(previewed - read, 2),
        "seconds_import": round(committed - previewed, 2),
        "seconds_total": round(committed - started, 2),
        "seconds_commit": round(committed - imported, 2),
        "peak_rss_mb": peak_rss_mb(),
        "new": result.new,
        "updated": result.updated,
        "duplicate": result.duplicate,
        "rejected": result.rejected,
        "accounts_created": result.accounts_created,
        "contacts_before": before,
        "contacts_after": after,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-n", "--rows", type=int, default=100_000, help="rows in the CSV")
    parser.add_argument("--contacts", type=int, default=100_000, help="contacts in the database")
    parser.add_argument("--measure", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument(
        "--keep", type=Path, help="keep the database and CSV in this folder (reused if there)"
    )
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        base, csv_path = folder / "base.sqlite3", folder / "contacts.csv"
        build_seconds = None
        if not base.exists():
            build_seconds = build_database(base, args.contacts)
        if not csv_path.exists():
            write_csv(base, csv_path, args.rows)
        db_path = folder / "bench.sqlite3"
        for suffix in ("-wal", "-shm"):  # a log left by an earlier run would replay on the copy
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(base, db_path)  # the measured run imports into a copy
        floor = baseline(csv_path, folder)
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(db_path), str(csv_path)],
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            print(done.stderr, file=sys.stderr)
            return done.returncode
        floor = (floor + baseline(csv_path, folder)) / 2
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["seconds_baseline"] = round(floor, 2)
        result["total_to_baseline"] = round(result["seconds_total"] / floor, 1)
        if build_seconds is not None:
            result["build_seconds"] = round(build_seconds, 1)
        result["csv_mb"] = round(csv_path.stat().st_size / 2**20, 1)
        print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
