"""Duplicate scan over a large database: prints {contacts, seconds, groups, peak_rss_mb, …} as JSON.

Without --db it builds a database of N synthetic contacts (Chinese and Western names, phones,
emails, accounts, birthdays) with Core inserts, about 5% of them planted duplicates written
differently (张三 / Zhang San, '138 0013 8000' / '+86 13800138000', e-mail case, Jon / John),
then runs the scan in a fresh process so the peak RSS is the scan's own.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _memory import peak_rss_mb
from faker.providers.person.en_US import Provider as EnglishNames
from sqlalchemy import insert

from crmdesk.models import Account, Contact, Email, Phone, new_id
from crmdesk.models.names import name_sort_key, pinyin_syllables
from crmdesk.store.db import Database

FAMILY_ZH = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
GIVEN_ZH = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红玉梅林文辉鹏飞宇浩然子涵欣怡梓轩思雨俊博嘉诗琪晨阳佳瑞雪振海春晓东亮云龙凤慧婷倩颖琳"  # noqa: E501
FIRST_EN = list(EnglishNames.first_names)
LAST_EN = list(EnglishNames.last_names)
DOMAINS = ("example.com", "example.cn", "mail.example.org", "corp.example.net")


def _person(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.6:
        given = "".join(rng.choice(GIVEN_ZH) for _ in range(rng.choice((1, 2, 2))))
        return rng.choice(FAMILY_ZH), given
    return rng.choice(LAST_EN), rng.choice(FIRST_EN)


def _latin(family: str, given: str) -> tuple[str, str]:
    """张三 -> ('Zhang', 'San'): how the same person is often typed a second time."""
    syllables = ["".join(pinyin_syllables(part)).capitalize() for part in (family, given)]
    return syllables[0], syllables[1]


def _misspell(name: str, rng: random.Random) -> str:
    if len(name) < 4:
        return name
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :] if rng.random() < 0.5 else name[:i] + name[i] + name[i:]


def build(path: Path, n: int, seed: int = 7) -> list[tuple[str, str]]:
    """N contacts, ~5% of them planted duplicates of others; returns the planted (a, b) pairs."""
    rng = random.Random(seed)
    db = Database.open(path)
    accounts = [
        {"id": new_id(), "name": f"客户公司 {i}", "sort_key": f"ke hu {i}"} for i in range(n // 20)
    ]
    contacts, phones, emails, planted = [], [], [], []
    base_n = n - n // 20
    for _ in range(base_n):
        family, given = _person(rng)
        cid = new_id()
        account = rng.choice(accounts)["id"] if rng.random() < 0.7 else None
        birthday = dt.date(1950 + rng.randrange(50), rng.randrange(1, 13), rng.randrange(1, 29))
        contacts.append(
            {
                "id": cid,
                "family_name": family,
                "given_name": given,
                "sort_key": name_sort_key(family, given),
                "account_id": account,
                "birthday": birthday if rng.random() < 0.3 else None,
            }
        )
        digits = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
        phones.append({"id": new_id(), "contact_id": cid, "number": digits, "e164": f"+86{digits}"})
        if rng.random() < 0.6:
            local = f"{rng.choice(FIRST_EN).lower()}.{rng.randrange(10**6)}"
            address = f"{local}@{rng.choice(DOMAINS)}"
            emails.append(
                {"id": new_id(), "contact_id": cid, "address": address, "normalized": address}
            )
    originals = list(zip(contacts, phones, strict=True))
    for original, phone in rng.sample(originals, n - base_n):
        family, given = original["family_name"], original["given_name"]
        if "\u4e00" <= family[0] <= "\u9fff" and rng.random() < 0.6:
            family, given = _latin(family, given)
        elif rng.random() < 0.5:
            given = _misspell(given, rng)
        cid = new_id()
        contacts.append(
            {
                "id": cid,
                "family_name": family,
                "given_name": given,
                "sort_key": name_sort_key(family, given),
                "account_id": original["account_id"],
                "birthday": original["birthday"],
            }
        )
        planted.append((str(original["id"]), str(cid)))
        if rng.random() < 0.7:  # same number, written another way
            d = phone["number"]
            number = f"+86 {d[:3]} {d[3:7]} {d[7:]}"
            phones.append(
                {"id": new_id(), "contact_id": cid, "number": number, "e164": phone["e164"]}
            )
        else:  # a copy whose only tie is its e-mail, or its name at the account
            same = (
                [e for e in emails if e["contact_id"] == original["id"]][:1]
                if rng.random() < 0.02
                else []
            )
            for e in same:
                emails.append(
                    {"id": new_id(), "contact_id": cid, "address": e["address"].upper(),
                     "normalized": e["normalized"]}
                )  # fmt: skip
    with db.transaction() as s:
        for model, rows in (
            (Account, accounts),
            (Contact, contacts),
            (Phone, phones),
            (Email, emails),
        ):
            for start in range(0, len(rows), 5000):
                s.execute(insert(model), rows[start : start + 5000])
    with db.engine.connect() as conn:  # the scan reads the file, not a 100k-row WAL
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    return planted


def scan(path: Path, planted_file: Path | None) -> dict[str, object]:
    from crmdesk.services.duplicates import find_duplicates

    db = Database.open(path)
    with db.reading() as s:
        pinyin_syllables("张三")  # the pinyin dictionaries loaded: the baseline before the scan
        baseline_mb = peak_rss_mb()
        started = time.perf_counter()
        groups = find_duplicates(s)
        seconds = time.perf_counter() - started
        from sqlalchemy import func, select

        contacts = s.scalar(select(func.count(Contact.id)).where(Contact.deleted_at.is_(None)))
    db.dispose()
    result: dict[str, object] = {
        "contacts": contacts,
        "seconds": round(seconds, 2),
        "groups": len(groups),
        "peak_rss_mb": peak_rss_mb(),
        "baseline_rss_mb": round(baseline_mb, 1),
    }
    if planted_file and planted_file.exists():
        planted = json.loads(planted_file.read_text())
        group_of = {str(cid): i for i, g in enumerate(groups) for cid in g.ids}
        found = sum(1 for a, b in planted if a in group_of and group_of.get(a) == group_of.get(b))
        result["planted"] = len(planted)
        result["planted_found"] = found
        result["largest_group"] = max((len(g.ids) for g in groups), default=0)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="scan this database instead of building one")
    parser.add_argument("-n", "--contacts", type=int, default=100_000)
    parser.add_argument("--planted", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.db is not None:
        print(json.dumps(scan(args.db, args.planted)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite3"
        started = time.perf_counter()
        planted = build(path, args.contacts)
        build_seconds = time.perf_counter() - started
        planted_file = Path(tmp) / "planted.json"
        planted_file.write_text(json.dumps(planted))
        done = subprocess.run(
            [sys.executable, __file__, "--db", str(path), "--planted", str(planted_file)],
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(done.stdout.strip().splitlines()[-1])
        result["build_seconds"] = round(build_seconds, 1)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
