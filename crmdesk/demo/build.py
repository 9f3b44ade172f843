"""Reproducible, believable bilingual demo data, loaded fast.

`build_demo(db, size)` fills an empty database with `size` contacts and everything around them:
about size/5 accounts (70% Chinese, 30% American, British and German), three years of orders with
a Pareto skew, a year of activities, this month's and next month's calendar, a pipeline,
products, service cases and satisfaction surveys. Value tier, loyalty stage and lifecycle phase
of each account are derived from the order history generated for it, so analyses agree with them.

Reproducible: every random choice comes from `random.Random` streams seeded with (seed, section),
Faker pools are seeded the same way, and the ids are UUIDv7 built from a seeded stream: the same
seed, size and reference date give the same rows, ids included. The ids' timestamps (and every
row's created_at/updated_at) are the load instant, the first moment the reference date has begun
anywhere on earth (00:00 at UTC+14), plus a counter, so the ids are time-ordered in insertion order
and sort before anything a user creates afterwards.

Fast: the rows are produced as tuples already in SQLite's storage form (hex ids, ISO text times,
integer minor units) and written with executemany through the transaction's connection, parents
before children, in chunks; the secondary indexes of the loaded tables are dropped for the load
and re-created from their stored SQL afterwards (all inside the one transaction, so a rollback
restores them), then the full-text index is rebuilt. SQLAlchemy's typed `insert()` would spend
most of the load in per-value bind processing; a test checks that the storage forms are exactly
what the column types store, and other backends than SQLite take that typed path.

Demo data is a bulk load, not user edits: nothing is written to the change log.

Choices: pipeline stage names and industries are stored in English (one vocabulary the UI
translates); free text (titles, subjects, notes, sources) is in the language of the person or
account; product names carry both languages. All prices and orders are in CNY, so revenue can be
ranked; revenue counts orders that were not cancelled or returned. The top 5% of accounts by
revenue are VIP and the next 15% important; loyalty follows the years of buying (new < 1 year,
loyal: 2.5+ years and orders in each of the last three), lifecycle the recency and trend of
orders (lost: none for a year). EXDATEs are ISO 8601 UTC start times of the skipped occurrences.
One contact in 200 is a second entry of a Chinese-named one (pinyin name, same phone), the way
a phone's address book and business cards meet in a CRM, so the duplicate review has work.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import random
import uuid
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text, update
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import translatable
from crmdesk.models import (
    Account,
    Activity,
    Address,
    CalendarEvent,
    Contact,
    Email,
    EventReminder,
    Opportunity,
    OpportunityLine,
    Order,
    OrderLine,
    Phone,
    PipelineStage,
    Product,
    SatisfactionSurvey,
    ServiceCase,
    StageChange,
    SurveyItem,
    Tag,
)
from crmdesk.models.customers import account_tags, contact_tags
from crmdesk.models.enums import (
    AccountKind,
    ActivityKind,
    CaseKind,
    CasePriority,
    CaseStatus,
    Channel,
    EventKind,
    EventStatus,
    LifecyclePhase,
    LoyaltyStage,
    OrderStatus,
    ValueTier,
)
from crmdesk.models.names import name_sort_key, pinyin_syllables, text_sort_key
from crmdesk.services.calendar import fill_missing_spans
from crmdesk.store import fulltext
from crmdesk.store.db import Database, json_column_text, refresh_statistics

Progress = Callable[[int, int], None]

# =================================================================================================
# Public API
# =================================================================================================


@dataclass(frozen=True)
class DemoSummary:
    """What `build_demo` wrote: the reference date it was built around and the rows per table."""

    reference_date: dt.date
    tags: int
    pipeline_stages: int
    products: int
    accounts: int
    contacts: int
    phones: int
    emails: int
    addresses: int
    account_tags: int
    contact_tags: int
    opportunities: int
    opportunity_lines: int
    stage_changes: int
    orders: int
    order_lines: int
    service_cases: int
    satisfaction_surveys: int
    survey_items: int
    activities: int
    calendar_events: int
    event_reminders: int

    def rows(self) -> dict[str, int]:
        """Rows written per table, by table name."""
        return {k: v for k, v in vars(self).items() if k != "reference_date"}


@without_gc
def build_demo(
    db: Database,
    size: int,
    seed: int = 7,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    *,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an empty database with `size` demo contacts and their world, in one transaction.

    `today` is the reference date the history is built around (default: today); the same
    seed, size and reference date give identical data. Raises KnownError when the database
    already holds customers, or when `cancelled()` turns true (nothing is left behind then).
    """
    return _build(
        db,
        size,
        seed,
        today or dt.date.today(),
        progress,
        cancelled,
        typed=db.engine.dialect.name != "sqlite",
    )


def _build(
    db: Database,
    size: int,
    seed: int,
    today: dt.date,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    *,
    typed: bool,
) -> DemoSummary:
    if size < 1:
        raise KnownError("The demo needs at least one contact.", "Give a size of 1 or more.")
    with db.engine.connect() as conn, conn.begin():
        _refuse_non_empty(conn)
        cache_size = None if typed else conn.exec_driver_sql("PRAGMA cache_size").scalar()
        try:
            if cache_size is not None:
                # Room for the indexes being built; the connection's own setting comes back after.
                conn.exec_driver_sql("PRAGMA cache_size = -262144")
            loader = _Loader(conn, typed, progress, cancelled)
            counts = _Generator(size, seed, today).run(loader)
            loader.finish()
            _plant_duplicates(conn, seed, size)
            fulltext.rebuild(conn, loader.indexing)
            fill_missing_spans(Session(conn))  # the calendar's window index, past the ORM hook
            refresh_statistics(conn)
            loader.report_done()
        finally:
            if cache_size is not None:
                conn.exec_driver_sql(f"PRAGMA cache_size = {int(cache_size)}")
    return DemoSummary(reference_date=today, **counts)


DUPLICATE_SHARE = 200  # one contact in this many is entered a second time


def _plant_duplicates(conn: Connection, seed: int, size: int) -> None:
    """Real address books hold people twice: the phone's copy in pinyin beside the business card
    in Han characters. About one contact in 200 becomes such a copy of another (its name the
    other's pinyin, its first phone the other's number), so Tools > Find Duplicates has work;
    the copy keeps its own e-mail, activities and orders, which a merge then brings together."""
    wanted = size // DUPLICATE_SHARE
    if not wanted:
        return
    first_phones: dict[uuid.UUID, Any] = {}
    for row in conn.execute(
        select(
            Contact.id, Contact.family_name, Contact.given_name, Phone.id, Phone.number, Phone.e164
        )
        .join(Phone, Phone.contact_id == Contact.id)
        .order_by(Contact.id, Phone.position.desc())
    ):
        first_phones[row[0]] = row  # the lowest position comes last and stays
    rows = list(first_phones.values())
    han = [r for r in rows if pinyin_syllables(r.family_name) and pinyin_syllables(r.given_name)]
    rng = random.Random(f"{seed}:duplicates")
    originals = rng.sample(han, min(wanted, len(han) // 2))
    taken = {r[0] for r in originals}
    copies = rng.sample([r for r in rows if r[0] not in taken], len(originals))
    for original, copy in zip(originals, copies, strict=True):
        family = "".join(pinyin_syllables(original.family_name)).capitalize()
        given = "".join(pinyin_syllables(original.given_name)).capitalize()
        conn.execute(
            update(Contact)
            .where(Contact.id == copy[0])
            .values(
                family_name=family,
                given_name=given,
                middle_name="",
                sort_key=name_sort_key(family, given),
                updated_at=Contact.updated_at,  # as loaded: the demo's history, not now
            )
        )
        conn.execute(
            update(Phone)
            .where(Phone.id == copy[3])
            .values(number=original.number, e164=original.e164, updated_at=Phone.updated_at)
        )


_CUSTOMER_TABLES = (Contact, Account, Product, PipelineStage, Opportunity, Order)


def _refuse_non_empty(conn: Connection) -> None:
    for model in _CUSTOMER_TABLES:
        if conn.execute(select(func.count()).select_from(model.__table__)).scalar():
            raise KnownError(
                "This database already holds data; demo data only fills an empty database.",
                "Create the demo in a new database file.",
            )


# =================================================================================================
# Writing: rows in storage form, buffered per table, flushed parents first
# =================================================================================================

_COMMON = ("created_at", "updated_at", "deleted_at", "version")
_FLUSH_ROWS = 20_000


class _Sink:
    """The buffered rows of one table and the INSERT that writes them.

    Rows are tuples of the named columns; for entity tables the loader appends the common
    columns (created_at/updated_at from the id's timestamp, no deleted_at, version 1) and the
    storage form of every remaining column's default."""

    def __init__(self, table: Table, columns: Sequence[str], dialect: Dialect) -> None:
        self.table = table
        names = set(table.columns.keys())
        unknown = [c for c in columns if c not in names]
        if unknown:
            raise ValueError(f"{table.name} has no column(s) {unknown}")
        self.entity = "id" in names and set(_COMMON) <= names
        rest = [c for c in table.columns if c.key not in columns]
        if self.entity:
            rest = [c for c in rest if c.key not in _COMMON]
        defaults = []
        for column in rest:
            default = column.default
            if default is not None and default.is_scalar:
                value = default.arg
            elif default is not None and default.is_callable:
                value = default.arg(None)  # type: ignore[operator]
            elif column.nullable:
                value = None
            else:
                raise ValueError(f"{table.name}.{column.key} needs a value in the demo")
            processor = column.type._cached_bind_processor(dialect)
            defaults.append(processor(value) if processor and value is not None else value)
        self.defaults = tuple(defaults)
        self.columns = (
            *columns,
            *(_COMMON if self.entity else ()),
            *(c.key for c in rest),
        )
        quote = dialect.identifier_preparer.quote
        self.sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in self.columns)}) "
            f"VALUES ({', '.join('?' * len(self.columns))})"
        )
        self.rows: list[tuple[Any, ...]] = []
        self.written = 0


_STAMPS: dict[int, str] = {}


def _stamp(ms: int) -> str:
    """Storage form (naive UTC text) of a Unix time in milliseconds."""
    text_ = _STAMPS.get(ms)
    if text_ is None:
        moment = dt.datetime(1970, 1, 1) + dt.timedelta(milliseconds=ms)
        text_ = _STAMPS[ms] = moment.strftime("%Y-%m-%d %H:%M:%S.%f")
    return text_


class _Loader:
    def __init__(
        self,
        conn: Connection,
        typed: bool,
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        self.conn = conn
        self.typed = typed
        self.dialect = conn.dialect
        self.progress = progress or (lambda _done, _total: None)
        self.cancelled = cancelled or (lambda: False)
        self.sinks: dict[str, _Sink] = {}
        self.expected = 1  # rows, estimated once the plan is made
        self.indexes: list[str] = []
        self.started = False

    def sink(self, table: Table, columns: Sequence[str]) -> list[tuple[Any, ...]]:
        """The buffer to append `table`'s rows to; tables are flushed in the order first asked."""
        if table.name not in self.sinks:
            self.sinks[table.name] = _Sink(table, columns, self.dialect)
        return self.sinks[table.name].rows

    def check(self) -> None:
        if self.cancelled():
            raise KnownError(
                translatable("Messages", "Creating the demo data was cancelled; nothing was saved.")
            )

    def maybe_flush(self) -> None:
        if sum(len(s.rows) for s in self.sinks.values()) >= _FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        self.check()
        for sink in self.sinks.values():
            if sink.rows:
                self._write(sink)
        if not self.started:
            self._start_bulk_load()
        self.progress(min(self.written, self.expected), self.total)

    @property
    def written(self) -> int:
        return sum(s.written for s in self.sinks.values())

    def _write(self, sink: _Sink) -> None:
        rows = sink.rows
        if sink.entity:
            tail = (None, 1, *sink.defaults)
            stamps: dict[str, str] = {}
            full = []
            for row in rows:
                prefix = row[0][:12]
                stamp = stamps.get(prefix)
                if stamp is None:
                    stamp = stamps[prefix] = _stamp(int(prefix, 16))
                full.append((*row, stamp, stamp, *tail))
        else:
            full = [(*row, *sink.defaults) for row in rows]
        if self.typed:
            self._write_typed(sink, full)
        else:
            self.conn.exec_driver_sql(sink.sql, full)
        sink.written += len(rows)
        rows.clear()

    def _write_typed(self, sink: _Sink, rows: list[tuple[Any, ...]]) -> None:
        """The portable path: storage forms back to Python values, then SQLAlchemy's insert()."""
        from sqlalchemy.dialects import sqlite

        storage = sqlite.dialect()
        readers = []
        for name in sink.columns:
            column = sink.table.columns[name]
            readers.append(column.type._cached_result_processor(storage, None))
        records = [
            {
                name: (read(value) if read and value is not None else value)
                for name, read, value in zip(sink.columns, readers, row, strict=True)
            }
            for row in rows
        ]
        self.conn.execute(insert(sink.table), records)

    def _start_bulk_load(self) -> None:
        """Drop the loaded tables' secondary indexes; they are rebuilt from their SQL at the end.

        Only once the first rows are written: pysqlite begins the transaction at the first
        INSERT, and DDL before it would commit on its own."""
        self.started = True
        if self.typed:
            return
        dbapi = self.conn.connection.dbapi_connection
        if not getattr(dbapi, "in_transaction", False):
            raise RuntimeError("the demo load must run inside a transaction")
        tables = list(_LOADED_TABLES)
        found = self.conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
                " AND tbl_name IN (" + ", ".join(f"'{t}'" for t in tables) + ") ORDER BY name"
            )
        ).all()
        quote = self.dialect.identifier_preparer.quote
        for name, sql in found:
            self.conn.exec_driver_sql(f"DROP INDEX {quote(name)}")
            self.indexes.append(sql)

    # Progress is counted in rows; re-creating the indexes and the full-text index are given
    # the weight in rows that their share of the time (at 100,000 contacts) is worth.
    @property
    def total(self) -> int:
        return self.expected + self._index_weight + self._full_text_weight

    @property
    def _index_weight(self) -> int:
        return self.expected // 5

    @property
    def _full_text_weight(self) -> int:
        return self.expected * 2 // 3

    def finish(self) -> None:
        """Write what is left and re-create the indexes dropped for the load."""
        self.flush()
        self.check()
        for sql in self.indexes:
            self.conn.exec_driver_sql(sql)
        self.indexes.clear()
        self.progress(self.expected + self._index_weight, self.total)

    def indexing(self, done: int, total: int) -> None:
        """Progress of the full-text index; cancelling stops it."""
        self.check()
        share = self._full_text_weight * done // max(total, 1)
        self.progress(self.expected + self._index_weight + share, self.total)

    def report_done(self) -> None:
        self.progress(self.total, self.total)

    def counts(self) -> dict[str, int]:
        return {name: sink.written for name, sink in self.sinks.items()}


_LOADED_TABLES = tuple(
    m.__table__.name if hasattr(m, "__table__") else m.name
    for m in (
        Tag,
        PipelineStage,
        Product,
        Account,
        Contact,
        Phone,
        Email,
        Address,
        account_tags,
        contact_tags,
        Opportunity,
        OpportunityLine,
        StageChange,
        Order,
        OrderLine,
        ServiceCase,
        SatisfactionSurvey,
        SurveyItem,
        Activity,
        CalendarEvent,
        EventReminder,
    )
)


class _Ids:
    """UUIDv7 ids in storage form (32 hex digits): 48-bit milliseconds from the load instant,
    version 7, a 12-bit counter as rand_a (RFC 9562's fixed-length counter, moving the
    millisecond on every 4096 ids), variant 10 and 62 bits from a seeded stream."""

    def __init__(self, rng: random.Random, first_ms: int) -> None:
        self._bits = rng.getrandbits
        self._first_ms = first_ms
        self._n = 0

    def __call__(self) -> str:
        n = self._n
        self._n = n + 1
        return "%012x7%03x%016x" % (  # noqa: UP031 - the fastest formatting here
            self._first_ms + (n >> 12),
            n & 0xFFF,
            self._bits(62) | 0x8000000000000000,
        )


# =================================================================================================
# Time: ordinal days, local working hours, UTC storage text
# =================================================================================================

_DAY_TEXT: dict[int, str] = {}


def _day(ordinal: int) -> str:
    """Storage form of a date given as its proleptic ordinal."""
    value = _DAY_TEXT.get(ordinal)
    if value is None:
        value = _DAY_TEXT[ordinal] = dt.date.fromordinal(ordinal).isoformat()
    return value


def _weekday(ordinal: int) -> int:
    return (ordinal + 6) % 7  # Monday 0, like date.weekday()


def _workday(ordinal: int) -> int:
    """The nearest weekday: Saturday moves back to Friday, Sunday on to Monday."""
    wd = _weekday(ordinal)
    return ordinal - 1 if wd == 5 else ordinal + 1 if wd == 6 else ordinal


def _workday_before(ordinal: int) -> int:
    """The weekday on or before: a weekend moves back to Friday (history never moves ahead)."""
    wd = _weekday(ordinal)
    return ordinal - (wd - 4) if wd > 4 else ordinal


class _Clock:
    """Local wall-clock times in a zone turned into UTC storage text, offsets cached per day."""

    def __init__(self) -> None:
        self._offsets: dict[tuple[str, int], int] = {}

    def offset(self, zone: str, ordinal: int) -> int:
        key = (zone, ordinal)
        minutes = self._offsets.get(key)
        if minutes is None:
            day = dt.date.fromordinal(ordinal)
            moment = dt.datetime(day.year, day.month, day.day, 12, tzinfo=zoneinfo.ZoneInfo(zone))
            delta = moment.utcoffset() or dt.timedelta(0)
            minutes = self._offsets[key] = int(delta.total_seconds() // 60)
        return minutes

    def utc_minutes(self, zone: str, ordinal: int, minute_of_day: int) -> int:
        """A local time as UTC minutes counted like date ordinals (day = minutes // 1440)."""
        return ordinal * 1440 + minute_of_day - self.offset(zone, ordinal)

    @staticmethod
    def text(utc_minutes: int) -> str:
        ordinal, minute = divmod(utc_minutes, 1440)
        return f"{_day(ordinal)} {minute // 60:02d}:{minute % 60:02d}:00.000000"

    @staticmethod
    def iso(utc_minutes: int) -> str:
        """ISO 8601 in UTC, as EXDATE lists are kept."""
        ordinal, minute = divmod(utc_minutes, 1440)
        return f"{_day(ordinal)}T{minute // 60:02d}:{minute % 60:02d}:00+00:00"

    def local(self, zone: str, ordinal: int, minute_of_day: int) -> str:
        return self.text(self.utc_minutes(zone, ordinal, minute_of_day))


# =================================================================================================
# Vocabulary: data tables, one row a line, cells separated by "|"
# =================================================================================================


def _table(text_: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.split("|")]
        for line in text_.strip().splitlines()
        if line.strip()
    ]


def _lines(text_: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text_.strip().splitlines() if line.strip())


def _words(cell: str) -> tuple[str, ...]:
    """A cell listing several values, separated by commas."""
    return tuple(word.strip() for word in cell.split(","))


# Family names with their approximate share (per mille) in China, two-character ones (复姓) a few
# times their real share so that a demo shows some; no polyphonic surnames whose everyday reading
# differs from the surname reading (曾 zeng/ceng, 单 shan/dan …).
_SURNAMES = """
    李71 王71 张67 刘54 陈45 杨31 黄22 赵22 吴20 周19 徐13 孙13 马12 朱11 胡11 郭11 何10 林10
    高10 罗9 郑9 梁8 谢7 宋6 唐6 许6 韩6 冯6 邓6 曹5 彭5 肖5 田5 董5 袁4 潘4 于4 蒋4 蔡4 余4
    杜4 叶4 程4 苏4 魏4 吕3 丁3 任3 沈3 姚3 卢3 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石2 廖2 贾2
    夏2 韦2 付2 方2 白2 邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶1 黎1 贺1
    顾1 毛1 郝1 龚1 邵1 万1 钱1 严1 武1 戴1 莫1 孔1 向1 汤1 欧阳3 司马1 上官1 诸葛0.5 东方0.5
    皇甫0.5
"""
_MALE_CHARS = "伟强磊军勇杰涛明超辉刚平鹏华飞斌宇浩凯健俊帆毅峰建国志文博晨轩睿然子昊天宏亮成波林海东鑫洋振宁翔旭阳瑞嘉晖彬兵松坤锋辰泽铭哲皓"  # noqa: E501
_FEMALE_CHARS = "芳娜敏静丽艳娟霞秀燕玲婷雪琳颖欣怡佳悦雨晶倩萍红梅莉兰洁慧琪瑶璐丹薇晓思梦诗馨彤月妍蕾露雯菲舒婉清"  # noqa: E501


@dataclass(frozen=True)
class _City:
    name: str
    region: str  # province, state, county or Land
    postal: str  # leading digits of the postal code (UK: the districts, space-separated)
    area: str  # dialling code without the trunk 0
    zone: str
    country: str
    districts: tuple[str, ...] = ()
    streets: tuple[str, ...] = ()
    tag: str = ""  # the region tag (华东 …) of a Chinese city
    weight: float = 1.0


# city | province | postal code start | area code | region tag | weight | districts | streets
_CHINA = tuple(
    _City(
        name,
        province,
        postal,
        area,
        "Asia/Shanghai",
        "中国",
        tuple(districts.split()),
        tuple(streets.split()),
        tag,
        float(weight),
    )
    for name, province, postal, area, tag, weight, districts, streets in _table("""
    北京 | 北京市 | 100 | 10  | 华北 | 15 | 朝阳区 海淀区 东城区 西城区 丰台区 | 建国路 中关村大街 东三环中路 学院路 金融大街 酒仙桥路
    上海 | 上海市 | 200 | 21  | 华东 | 16 | 浦东新区 徐汇区 静安区 黄浦区 长宁区 闵行区 | 世纪大道 南京西路 淮海中路 漕溪北路 延安西路 张江路
    深圳 | 广东省 | 518 | 755 | 华南 | 12 | 南山区 福田区 罗湖区 宝安区 龙岗区 | 深南大道 科技园路 福华路 宝安大道 高新南一道
    广州 | 广东省 | 510 | 20  | 华南 | 9  | 天河区 越秀区 海珠区 番禺区 黄埔区 | 天河路 中山大道 环市东路 珠江东路 科学大道
    杭州 | 浙江省 | 310 | 571 | 华东 | 9  | 西湖区 滨江区 余杭区 上城区 拱墅区 | 文三路 江南大道 文一西路 莫干山路 钱江路
    成都 | 四川省 | 610 | 28  | 西南 | 7  | 高新区 武侯区 锦江区 青羊区 成华区 | 天府大道 人民南路 蜀都大道 科华北路 府城大道
    南京 | 江苏省 | 210 | 25  | 华东 | 6  | 鼓楼区 玄武区 建邺区 江宁区 | 中山路 汉中路 江东中路 珠江路 龙眠大道
    苏州 | 江苏省 | 215 | 512 | 华东 | 6  | 工业园区 姑苏区 吴中区 高新区 | 星湖街 干将路 苏州大道 狮山路
    武汉 | 湖北省 | 430 | 27  | 华中 | 5  | 武昌区 洪山区 江汉区 东湖高新区 | 中南路 珞喻路 解放大道 光谷大道
    重庆 | 重庆市 | 400 | 23  | 西南 | 4  | 渝中区 江北区 渝北区 九龙坡区 | 民族路 建新北路 金开大道 科园一路
    天津 | 天津市 | 300 | 22  | 华北 | 4  | 和平区 南开区 滨海新区 河西区 | 南京路 卫津路 友谊路 黄海路
    西安 | 陕西省 | 710 | 29  | 西北 | 3  | 雁塔区 碑林区 未央区 | 高新路 长安北路 科技路 唐延路
    """)  # noqa: E501
)

# country | city | region | postal code start | area code | zone | country name | weight
_WESTERN_CITIES = _table("""
    us | New York          | NY                 | 100 | 212 | America/New_York    | United States  | 5
    us | Boston            | MA                 | 021 | 617 | America/New_York    | United States  | 2
    us | Chicago           | IL                 | 606 | 312 | America/Chicago     | United States  | 3
    us | Austin            | TX                 | 787 | 512 | America/Chicago     | United States  | 2
    us | San Francisco     | CA                 | 941 | 415 | America/Los_Angeles | United States  | 3
    us | Los Angeles       | CA                 | 900 | 213 | America/Los_Angeles | United States  | 3
    us | Seattle           | WA                 | 981 | 206 | America/Los_Angeles | United States  | 2
    uk | London            | Greater London     | EC1 EC2 EC3 EC4 W1 WC1 WC2 SE1 E14 N1 | 20 | Europe/London | United Kingdom | 6
    uk | Manchester        | Greater Manchester | M1 M2 M3 M4 M15 | 161 | Europe/London     | United Kingdom | 2
    uk | Birmingham        | West Midlands      | B1 B2 B3 B4 B5  | 121 | Europe/London     | United Kingdom | 2
    uk | Edinburgh         | Scotland           | EH1 EH2 EH3 EH8 | 131 | Europe/London     | United Kingdom | 1
    de | Berlin            | Berlin             | 10  | 30  | Europe/Berlin       | Germany        | 4
    de | München           | Bayern             | 80  | 89  | Europe/Berlin       | Germany        | 3
    de | Hamburg           | Hamburg            | 20  | 40  | Europe/Berlin       | Germany        | 3
    de | Frankfurt am Main | Hessen             | 60  | 69  | Europe/Berlin       | Germany        | 2
    de | Stuttgart         | Baden-Württemberg  | 70  | 711 | Europe/Berlin       | Germany        | 2
""")  # noqa: E501
_WESTERN = {
    key: tuple(
        _City(name, region, postal, area, zone, country, weight=float(weight))
        for code, name, region, postal, area, zone, country, weight in _WESTERN_CITIES
        if code == key
    )
    for key in ("us", "uk", "de")
}
_WESTERN_WEIGHTS = {"us": 45, "uk": 25, "de": 30}
_FAKER_LOCALE = {"us": "en_US", "uk": "en_GB", "de": "de_DE"}
_US_STREETS = _words(
    "Main Street, Oak Avenue, Maple Street, Park Avenue, Washington Street, Market Street, "
    "Lake Street, Broadway, Cedar Lane, Madison Avenue, Elm Street, Pine Street, Lincoln Avenue, "
    "Spring Street, Commerce Drive, Harbor Boulevard"
)
_UK_STREETS = _words(
    "High Street, Station Road, Church Lane, Victoria Road, Mill Lane, King Street, Queen's Road, "
    "Park Road, London Road, Bridge Street, The Green, Albert Road, Castle Street, Market Place, "
    "New Road, York Road"
)

# Industries are stored in English, one vocabulary the UI can translate; the words that go into
# company names come in each language. industry | weight | Chinese | English | German words
_INDUSTRIES = {
    industry: (float(weight), _words(cn), _words(en), _words(de))
    for industry, weight, cn, en, de in _table("""
    Manufacturing | 25 | 精密机械, 重工, 电子, 新材料, 汽车零部件, 模具, 电气设备 | Precision, Industries, Engineering, Components, Manufacturing | Maschinenbau, Präzisionstechnik, Industrietechnik, Antriebstechnik
    Retail        | 15 | 商贸, 百货, 超市连锁, 电子商务, 便利店, 家居 | Retail, Stores, Trading, Outlets | Handel, Warenhaus, Einzelhandel
    IT            | 14 | 信息技术, 软件, 网络科技, 数据科技, 智能科技, 云计算 | Software, Systems, Technologies, Data | Software, IT-Systeme, Datentechnik
    Healthcare    | 10 | 医疗器械, 生物科技, 医药, 健康管理 | Medical, Health, Life Sciences | Medizintechnik, Pharma, Gesundheit
    Finance       | 7  | 投资, 资产管理, 融资租赁, 商业保理 | Capital, Financial, Partners | Finanz, Kapital, Vermögen
    Education     | 6  | 教育科技, 职业培训, 文化传播 | Learning, Education, Academy | Bildung, Akademie
    Logistics     | 15 | 物流, 供应链管理, 国际货运代理, 仓储, 快运 | Logistics, Freight, Supply Chain, Distribution | Logistik, Spedition, Lagertechnik
    Energy        | 8  | 新能源, 电力设备, 光伏科技, 储能技术 | Energy, Power, Solar | Energie, Solartechnik, Netztechnik
    """)  # noqa: E501
}
_BRAND_CHARS = "华瑞恒达信德宏盛鑫源泰安康誉博睿创新远卓汇通联腾科力天中金嘉和美佳优凯益隆昌丰荣星光明正海云智数锐航晟立邦诚鼎峻"  # noqa: E501
_CN_SUFFIX_NAMES = ("有限公司", "股份有限公司", "集团有限公司")
_CN_SUFFIX_CUM = (70, 90, 100)
_WEST_SUFFIXES = {
    "us": ("Inc.", "LLC", "Corp.", "Group"),
    "uk": ("Ltd", "Limited", "PLC", "Group Ltd"),
    "de": ("GmbH", "AG", "GmbH & Co. KG", "KG"),
}
_TLD = {"us": ".com", "uk": ".co.uk", "de": ".de"}

# The six account managers and the support team.
_OWNERS_CN = ("王芳", "李强", "张伟", "陈静")
_OWNERS_WEST = ("Emma Clarke", "Thomas Becker")
_SUPPORT_CN = ("周杰", "孙丽")
_SUPPORT_WEST = ("Daniel Hughes",)

# name | colour; {year} is last year (the trade fair where contacts were met)
_TAGS = _table("""
    重点客户 | #d9534f
    渠道 | #5bc0de
    Partner | #5cb85c
    华东 | #f0ad4e
    华南 | #e8a33d
    华北 | #d69a2d
    华中 | #c98f26
    西南 | #bb831f
    西北 | #ad7718
    Overseas | #337ab7
    决策人 | #8e44ad
    技术对接 | #16a085
    Newsletter | #7f8c8d
    展会{year} | #e67e22
    老朋友 | #c0392b
""")


def _titles(text_: str) -> tuple[tuple[str, str, bool, bool, float], ...]:
    """title | department | flags (decides: a decision maker, technical) | weight"""
    return tuple(
        (title, department, "decides" in flags, "technical" in flags, float(weight))
        for title, department, flags, weight in _table(text_)
    )


_TITLES_CN = _titles("""
    董事长 | 董事会 | decides | 2
    总经理 | 总经办 | decides | 5
    副总经理 | 总经办 | decides | 4
    销售总监 | 销售部 | | 4
    销售经理 | 销售部 | | 6
    采购经理 | 采购部 | decides | 10
    采购专员 | 采购部 | | 9
    财务总监 | 财务部 | decides | 3
    财务经理 | 财务部 | | 4
    会计 | 财务部 | | 4
    技术总监 | 技术部 | decides technical | 4
    IT经理 | 信息部 | technical | 7
    系统工程师 | 信息部 | technical | 6
    项目经理 | 项目部 | technical | 6
    市场经理 | 市场部 | | 4
    行政主管 | 行政部 | | 4
    运营经理 | 运营部 | | 5
    研发工程师 | 研发部 | technical | 4
    人力资源经理 | 人力资源部 | | 2
    仓储主管 | 物流部 | | 5
""")
_TITLES_EN = _titles("""
    CEO | Management | decides | 2
    Managing Director | Management | decides | 4
    COO | Management | decides | 2
    Sales Director | Sales | | 4
    Account Manager | Sales | | 5
    Head of Procurement | Procurement | decides | 8
    Purchasing Manager | Procurement | | 8
    Buyer | Procurement | | 6
    CFO | Finance | decides | 3
    Finance Manager | Finance | | 4
    Accountant | Finance | | 3
    CTO | IT | decides technical | 3
    IT Manager | IT | technical | 7
    Systems Engineer | IT | technical | 5
    Project Manager | Projects | technical | 6
    Marketing Manager | Marketing | | 4
    Office Manager | Administration | | 3
    Operations Manager | Operations | | 5
    R&D Engineer | R&D | technical | 3
    Warehouse Supervisor | Logistics | | 4
""")

_NOTES_CN = _lines("""
    喜欢喝茶，周三下午方便拜访。
    决策人，关注售后响应速度。
    {year}年展会上认识。
    对价格比较敏感，需提前申请折扣。
    技术背景，喜欢看参数对比。
    微信沟通更及时，电话常在开会。
    每年三月制定采购预算。
    老客户推荐，关系不错。
""")
_NOTES_EN = _lines("""
    Prefers calls in the morning.
    Decision maker for IT purchases.
    Met at the {year} trade fair.
    Price-sensitive; ask for discount approval early.
    Technical background, likes detailed spec sheets.
    Best reached by email.
    Budget is set every March.
    Referred by an existing customer.
""")
_ACCOUNT_NOTES_CN = _lines("""
    年度框架协议客户，每季度对账。
    付款周期60天，需提前开票。
    总部统一采购，分公司执行。
    {year}年起合作。
    对交付时间要求高。
""")
_ACCOUNT_NOTES_EN = _lines("""
    Framework agreement; quarterly reconciliation.
    Payment terms 60 days; invoice early.
    Central purchasing at head office.
    Customer since {year}.
    Strict about delivery dates.
""")
_SOURCES_CN = _words("展会, 官网咨询, 老客户推荐, 电话营销, 渠道伙伴, 招投标")
_SOURCES_EN = _words("Trade fair, Website, Referral, Cold call, Partner, LinkedIn")

# code | name (both languages: one catalogue for both) | unit | price in yuan | VAT % | category
_PRODUCTS = tuple(
    (code, name, unit, int(price), int(tax), category)
    for code, name, unit, price, tax, category in _table("""
    P1001 | 手持数据采集终端 PDA-X5 / Handheld computer PDA-X5 | 台 | 4800 | 13 | mobile
    P1002 | 手持数据采集终端 PDA-X7 Pro / Handheld computer PDA-X7 Pro | 台 | 7200 | 13 | mobile
    P1003 | 工业平板电脑 T10 / Rugged tablet T10 | 台 | 6800 | 13 | mobile
    P1004 | 工业平板电脑 T12 Pro / Rugged tablet T12 Pro | 台 | 9600 | 13 | mobile
    P1011 | 有线条码扫描枪 S200 / Corded barcode scanner S200 | 把 | 380 | 13 | scan
    P1012 | 无线条码扫描枪 S300 / Cordless barcode scanner S300 | 把 | 680 | 13 | scan
    P1013 | 固定式扫描器 F500 / Fixed-mount scanner F500 | 台 | 3200 | 13 | scan
    P1021 | 桌面标签打印机 L200 / Desktop label printer L200 | 台 | 1600 | 13 | print
    P1022 | 工业标签打印机 L600 / Industrial label printer L600 | 台 | 5800 | 13 | print
    P1023 | 便携式蓝牙打印机 M30 / Mobile printer M30 | 台 | 1200 | 13 | print
    P1031 | 超高频RFID读写器 R800 / UHF RFID reader R800 | 台 | 4200 | 13 | rfid
    P1032 | RFID手持读写器 R300 / Handheld RFID reader R300 | 台 | 5500 | 13 | rfid
    P1033 | RFID天线 A9 / RFID antenna A9 | 个 | 650 | 13 | rfid
    P1041 | POS收银终端 C1 / POS terminal C1 | 台 | 3900 | 13 | pos
    P1042 | 自助收银机 K5 / Self-checkout kiosk K5 | 台 | 16800 | 13 | pos
    P1051 | 机架式服务器 SR650 / Rack server SR650 | 台 | 38000 | 13 | infra
    P1052 | 24口网络交换机 / 24-port network switch | 台 | 4500 | 13 | infra
    P1053 | 无线接入点 AP6 / Wireless access point AP6 | 台 | 1350 | 13 | infra
    P2001 | 热敏标签 100×150mm / Thermal labels 100×150 mm | 卷 | 38 | 13 | supplies
    P2002 | 碳带 110mm×300m / Ribbon 110 mm × 300 m | 卷 | 45 | 13 | supplies
    P2003 | 超高频RFID标签（千枚）/ UHF RFID tags (1,000) | 箱 | 480 | 13 | supplies
    P2004 | 腕带标签 / Wristband labels | 盒 | 220 | 13 | supplies
    P2005 | PDA锂电池 / PDA battery pack | 块 | 260 | 13 | supplies
    P2006 | 四联充电座 / 4-slot charging cradle | 个 | 1100 | 13 | supplies
    P2007 | 扫描枪支架 / Scanner stand | 个 | 120 | 13 | supplies
    P3001 | 仓储管理系统 WMS 标准版 / WMS Standard licence | 套 | 68000 | 13 | software
    P3002 | 仓储管理系统 WMS 企业版 / WMS Enterprise licence | 套 | 168000 | 13 | software
    P3003 | 固定资产管理系统 / Asset tracking software | 套 | 45000 | 13 | software
    P3004 | 移动设备管理 MDM（台/年）/ MDM subscription (device-year) | 台 | 120 | 6 | software
    P3005 | 条码标签设计软件 / Label design software | 套 | 2800 | 13 | software
    P3006 | 零售POS软件 / Retail POS software | 套 | 6500 | 13 | software
    P4001 | 实施服务 / Implementation services | 人天 | 2200 | 6 | services
    P4002 | 现场培训 / On-site training | 天 | 3000 | 6 | services
    P4003 | 年度维保服务 标准 / Annual maintenance Standard | 年 | 8000 | 6 | services
    P4004 | 年度维保服务 金牌 / Annual maintenance Gold | 年 | 18000 | 6 | services
    P4005 | 设备维修 / Device repair | 次 | 450 | 6 | services
    P4006 | 定制开发 / Custom development | 人天 | 2800 | 6 | services
    P4007 | 系统集成咨询 / Integration consulting | 人天 | 3500 | 6 | services
    P4008 | 云托管服务 / Cloud hosting | 年 | 24000 | 6 | services
    P4009 | 延长保修（每台）/ Extended warranty (per device) | 台 | 300 | 6 | services
    """)
)
# Which product categories each industry buys most (others weigh 0.3; "" for individuals).
_INDUSTRY_CATEGORIES = {
    "Manufacturing": {"mobile": 3, "scan": 3, "print": 4, "rfid": 4, "supplies": 4, "software": 2},
    "Retail": {"pos": 6, "scan": 4, "print": 3, "supplies": 4, "software": 2, "mobile": 2},
    "IT": {"infra": 6, "software": 4, "services": 4, "mobile": 2},
    "Healthcare": {"mobile": 4, "print": 3, "supplies": 4, "software": 3, "scan": 2},
    "Finance": {"infra": 5, "software": 4, "services": 4, "scan": 1},
    "Education": {"mobile": 4, "infra": 3, "software": 3, "services": 2, "rfid": 2},
    "Logistics": {"mobile": 5, "scan": 4, "print": 4, "rfid": 3, "supplies": 5, "software": 3},
    "Energy": {"mobile": 4, "rfid": 4, "infra": 2, "services": 3, "supplies": 2},
    "": {"mobile": 2, "scan": 3, "print": 3, "supplies": 4, "pos": 1},
}

# Pipeline stages, stored in English (the UI translates): name, probability %, won, lost.
_STAGES = (
    ("Lead", 10, False, False),
    ("Qualified", 25, False, False),
    ("Proposal", 50, False, False),
    ("Negotiation", 75, False, False),
    ("Won", 100, True, False),
    ("Lost", 0, False, True),
)
_OPEN_STAGES = 4
# opportunity topic in Chinese | in English | product categories it sells
_OPP_TOPICS = tuple(
    (cn, en, _words(categories))
    for cn, en, categories in _table("""
    仓储条码化项目 | Warehouse barcoding | mobile, scan, print, software
    RFID资产盘点项目 | RFID asset tracking | rfid, software, services
    门店收银升级 | POS upgrade | pos, scan, software
    移动终端更新 | Mobile device refresh | mobile, supplies
    WMS系统实施 | WMS rollout | software, services, mobile
    标签打印集成 | Label printing integration | print, supplies, services
    年度耗材采购 | Annual consumables | supplies
    维保续约 | Maintenance renewal | services
    机房网络改造 | Network upgrade | infra, services
    """)
)
_LOST_CN = _words("价格过高, 选择了竞争对手, 预算取消, 项目延期, 需求不匹配")
_LOST_EN = _words(
    "Price too high, Went with a competitor, Budget cut, Project postponed, Requirements not met"
)

# What activities talk about, in each language.
_TOPICS_CN = _words(
    "报价, 交货期, 付款进度, 年度采购计划, 新产品试用, "
    "售后问题, 续约事宜, 发票信息, 实施方案, 培训安排"
)
_TOPICS_EN = _words(
    "the quote, delivery dates, payment status, the annual purchasing plan, a product trial, "
    "an after-sales issue, the renewal, invoice details, the implementation plan, training"
)
_DOCS_CN = _words("报价单, 合同草案, 产品资料, 技术方案, 发票, 对账单, 培训资料")
_DOCS_EN = _words(
    "the quote, the draft contract, product brochures, the technical proposal, the invoice, "
    "the statement, training material"
)
_FEEDBACK_CN = _words("对交付速度满意, 希望价格再优惠, 关注售后响应, 计划扩大采购, 对新产品感兴趣")
_FEEDBACK_EN = _words(
    "happy with delivery times, asking for a better price, worried about support, "
    "planning to buy more, interested in the new models"
)
_OUTCOMES_CN = (*_words("达成初步意向, 需进一步跟进, 客户暂无需求, 已约下次拜访, 已发送报价"), "")
_OUTCOMES_EN = (
    *_words("Agreed next steps, Follow-up needed, No current need, Next visit booked, Quote sent"),
    "",
)
_BODIES_CN = _lines("""
    客户{feedback}，下周再电话确认。
    与客户讨论了{topic}，对方{feedback}。
    客户提到{topic}，已记录并转给同事跟进。
""")
_BODIES_EN = _lines("""
    The customer is {feedback}; will call again next week.
    Discussed {topic}; the customer is {feedback}.
    They raised {topic}; passed on to a colleague.
""")

# Service: the devices cases are about, subjects per kind, resolutions, survey questions.
_CASE_DEVICES_CN = _words("手持终端, 扫描枪, 标签打印机, RFID读写器, 平板电脑, 收银终端")
_CASE_DEVICES_EN = _words("handheld, scanner, label printer, RFID reader, tablet, POS terminal")
_CASE_SUBJECT_ROWS = _table("""
    inquiry | 咨询{d}使用方法 | How to set up the {d}
    inquiry | 询问{d}价格 | Price of the {d}
    inquiry | 发票开具咨询 | Question about an invoice
    inquiry | 询问交货时间 | When will the order arrive?
    complaint | {d}交付延迟 | {d} delivered late
    complaint | 售后响应太慢 | Support too slow
    complaint | 发票金额有误 | Wrong invoice amount
    complaint | {d}质量问题 | {d} quality issue
    repair | {d}无法开机 | {d} does not start
    repair | {d}扫描不灵敏 | {d} reads poorly
    repair | {d}电池续航下降 | {d} battery drains fast
    repair | {d}屏幕损坏 | {d} screen broken
    suggestion | 建议增加批量导入功能 | Please add bulk import
    suggestion | 建议提供更多语言界面 | Offer the app in more languages
    suggestion | 希望延长保修期 | Longer warranty wanted
""")
_CASE_SUBJECTS = {
    kind: (
        tuple(cn for k, cn, _en in _CASE_SUBJECT_ROWS if k == kind),
        tuple(en for k, _cn, en in _CASE_SUBJECT_ROWS if k == kind),
    )
    for kind in CaseKind
}
_RESOLUTIONS_CN = _words(
    "远程指导客户完成设置, 更换备件后恢复正常, 已补发货物并致歉, 已重新开具发票, 已转产品部门评估"
)
_RESOLUTIONS_EN = _lines("""
    Walked the customer through the set-up remotely
    Replaced the part; working again
    Shipped the missing goods and apologised
    Reissued the invoice
    Passed to product management
""")
_SURVEY_ITEMS = tuple(
    (cn, en)
    for cn, en in _table("""
    产品质量 | Product quality
    交付及时性 | On-time delivery
    服务响应速度 | Response time
    技术支持能力 | Technical support
    价格合理性 | Value for money
    沟通顺畅 | Communication
    """)
)
_SURVEY_COMMENTS_CN = _words(
    "整体满意，希望保持。, 响应可以再快一些。, 价格偏高。, 技术支持很专业。"
)
_SURVEY_COMMENTS_EN = _lines("""
    Happy overall.
    Response could be faster.
    A bit expensive.
    Very competent support.
""")


def _weighted(spec: str) -> tuple[list[str], list[float]]:
    """('李71 王71 …') -> (['李', '王', …], cumulative weights)."""
    names, cum, total = [], [], 0.0
    for item in spec.split():
        cut = next(i for i, c in enumerate(item) if c.isdigit())
        names.append(item[:cut])
        total += float(item[cut:])
        cum.append(total)
    return names, cum


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


def _pick(rnd: Callable[[], float], items: Sequence[Any], cum: Sequence[float]) -> Any:
    return items[bisect.bisect(cum, rnd() * cum[-1])]


# =================================================================================================
# Pools: Faker output gathered once, pinyin of the characters used
# =================================================================================================


@dataclass(frozen=True)
class _Pools:
    male: dict[str, tuple[str, ...]]
    female: dict[str, tuple[str, ...]]
    last: dict[str, tuple[str, ...]]
    streets_de: tuple[str, ...]
    english_names: tuple[str, ...]


@functools.lru_cache(maxsize=4)
def _pools(seed: int) -> _Pools:
    from faker import Faker

    male, female, last = {}, {}, {}
    streets_de: tuple[str, ...] = ()
    for country, locale in _FAKER_LOCALE.items():
        fake = Faker(locale)
        fake.seed_instance(seed)
        male[country] = tuple(fake.first_name_male() for _ in range(300))
        female[country] = tuple(fake.first_name_female() for _ in range(300))
        last[country] = tuple(fake.last_name() for _ in range(600))
        if country == "de":
            streets_de = tuple(fake.street_name() for _ in range(250))
    english = tuple(dict.fromkeys(male["us"][:80] + female["us"][:80]))
    return _Pools(male, female, last, streets_de, english)


@functools.lru_cache(maxsize=4096)
def _pinyin(text_: str) -> str:
    return "".join(pinyin_syllables(text_))


_GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"}
)


@functools.lru_cache(maxsize=8192)
def _ascii(text_: str) -> str:
    """Lower-case ASCII letters of a Latin name, as mailbox names write them (Müller -> mueller)."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text_.translate(_GERMAN_LETTERS).lower())
    return "".join(c for c in decomposed if "a" <= c <= "z")


# =================================================================================================
# Generation
# =================================================================================================


class _Random(random.Random):
    """`random.Random` with `choice` and `randint` drawn from one `random()` call: the library's
    exact-uniform versions cost ten times as much, and the demo makes millions of draws."""

    def choice(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))


@dataclass(slots=True)
class _AccountPlan:
    index: int
    chinese: bool
    country: str  # "cn", "us", "uk", "de"
    city: _City
    kind: AccountKind
    industry: str
    owner: str
    weight: float
    name: str = ""
    short: str = ""
    domain: str = ""
    person: tuple[str, str, bool] | None = None  # an individual's (family, given, female)
    id: str = ""
    orders: list[tuple[int, int]] = field(default_factory=list)  # (ordinal, target cents)
    # won opportunities, each [closed on, opportunity id, lines, amount in cents]
    won: list[list[Any]] = field(default_factory=list)
    revenue: int = 0
    tier: ValueTier = ValueTier.ORDINARY
    contacts: list[tuple[str, str]] = field(default_factory=list)  # (contact id, language)
    decision_maker: str = ""
    street: tuple[str, str, str] = ("", "", "")  # street, extended, postal code
    tags: list[str] = field(default_factory=list)


_HISTORY_DAYS = 3 * 365
_PARETO_SIGMA = 1.45


class _Generator:
    def __init__(self, size: int, seed: int, today: dt.date) -> None:
        self.size = size
        self.seed = seed
        self.today = today.toordinal()
        self.ref = today
        self.history_start = self.today - _HISTORY_DAYS
        self.clock = _Clock()
        self.pools = _pools(seed)
        load = dt.datetime.combine(today, dt.time(0), dt.timezone(dt.timedelta(hours=14)))
        self.ids = _Ids(self.rng("ids"), int(load.timestamp() * 1000))
        self.emails_used: set[str] = set()
        self.phones_used: set[str] = set()
        self.cn_surnames, self.cn_surname_cum = _weighted(_SURNAMES)
        self.year = today.year
        self.prices = [p[3] * 10_000 for p in _PRODUCTS]  # Money(scale=4) units

    def rng(self, section: str) -> _Random:
        return _Random(f"crmdesk-demo:{self.seed}:{section}")

    # ---------------------------------------------------------------------------------------------
    def run(self, loader: _Loader) -> dict[str, int]:
        self.loader = loader
        accounts = self.plan_accounts()
        products = self.plan_products()
        self.plan_orders(accounts)
        stages = self.plan_opportunity_stages()
        opportunities = self.plan_opportunities(accounts, products)
        self.derive_account_standing(accounts)
        loader.expected = self.expected_rows(accounts)

        self.write_reference_data(stages, products)
        self.write_accounts(accounts)
        people = self.write_contacts(accounts)
        opp_by_contact = self.write_opportunities(opportunities, stages, products)
        self.write_orders(accounts, products)
        cases = self.write_cases(accounts, people)
        self.write_activities(people, opp_by_contact, cases)
        self.write_events(people)
        loader.flush()
        counts = loader.counts()
        return {f.name: counts[f.name] for f in fields(DemoSummary) if f.name in counts}

    def expected_rows(self, accounts: list[_AccountPlan]) -> int:
        """About how many rows the load writes: per contact its points, tags, activities and
        events (~12.3); per account its points and tags (~3.5); per order its lines (~3.4)."""
        orders = sum(len(a.orders) + len(a.won) for a in accounts)
        return int(self.size * 12.3 + len(accounts) * 3.5 + orders * 3.4) + 1

    # ---------------------------------------------------------------------------------------------
    # Accounts: who they are, how big, what they bought
    # ---------------------------------------------------------------------------------------------
    def plan_accounts(self) -> list[_AccountPlan]:
        r = self.rng("accounts")
        rnd = r.random
        n = max(1, round(self.size / 5))
        industries = list(_INDUSTRIES)
        industry_cum = _cumulative([v[0] for v in _INDUSTRIES.values()])
        cn_cum = _cumulative([c.weight for c in _CHINA])
        west_keys = list(_WESTERN_WEIGHTS)
        west_cum = _cumulative(_WESTERN_WEIGHTS.values())
        west_city_cum = {k: _cumulative([c.weight for c in v]) for k, v in _WESTERN.items()}
        names_used: set[str] = set()
        plans = []
        for index in range(n):
            chinese = rnd() < 0.7
            if chinese:
                country = "cn"
                city = _pick(rnd, _CHINA, cn_cum)
                owner = r.choice(_OWNERS_CN) if rnd() < 0.93 else r.choice(_OWNERS_WEST)
            else:
                country = _pick(rnd, west_keys, west_cum)
                city = _pick(rnd, _WESTERN[country], west_city_cum[country])
                owner = r.choice(_OWNERS_WEST) if rnd() < 0.85 else r.choice(_OWNERS_CN)
            individual = rnd() < 0.08
            weight = r.lognormvariate(0, _PARETO_SIGMA) * (0.15 if individual else 1.0)
            plan = _AccountPlan(
                index=index,
                chinese=chinese,
                country=country,
                city=city,
                kind=AccountKind.INDIVIDUAL if individual else AccountKind.ORGANISATION,
                industry="" if individual else _pick(rnd, industries, industry_cum),
                owner=owner,
                weight=weight,
            )
            if individual:
                female = rnd() < 0.5
                if chinese:
                    family, given = self.chinese_name(r, female)
                    plan.name = family + given
                else:
                    family, given = self.western_name(r, country, female)
                    plan.name = f"{given} {family}"
                plan.person = (family, given, female)
                plan.short = plan.name
            else:
                self.company_name(r, plan, names_used)
            plans.append(plan)
        return plans

    def company_name(self, r: random.Random, plan: _AccountPlan, used: set[str]) -> None:
        """A unique company name in the account's language, its short form and web domain."""
        _weight, cn_words, en_words, de_words = _INDUSTRIES[plan.industry]
        for attempt in itertools.count():
            if plan.chinese:
                brand = r.choice(_BRAND_CHARS) + r.choice(_BRAND_CHARS)
                if brand[0] == brand[1]:
                    continue
                word = r.choice(cn_words)
                suffix = _pick(r.random, _CN_SUFFIX_NAMES, _CN_SUFFIX_CUM)
                name = f"{plan.city.name}{brand}{word}{suffix}"
                short = brand + word
                slugs = (
                    _pinyin(brand),
                    _pinyin(brand) + "".join(s[0] for s in pinyin_syllables(word)),
                    _pinyin(plan.city.name) + _pinyin(brand),
                )
                tld = r.choice((".com.cn", ".com", ".cn"))
            else:
                country = plan.country
                last = self.pools.last[country]
                words = de_words if country == "de" else en_words
                family = r.choice(last)
                if r.random() < 0.25:
                    other = r.choice(last)
                    if other == family:
                        continue
                    short = f"{family} & {other}"
                    slugs = (_ascii(family) + _ascii(other), _ascii(family) + "-" + _ascii(other))
                else:
                    word = r.choice(words)
                    short = f"{family} {word}"
                    slugs = (_ascii(family) + _ascii(word), _ascii(family) + "-" + _ascii(word))
                name = f"{short} {r.choice(_WEST_SUFFIXES[country])}"
                tld = _TLD[country]
            if attempt > 100:  # a huge demo may run out of names: number them
                name = f"{name} {plan.index + 1}"
                slugs = (*slugs, f"{slugs[0]}{plan.index + 1}")
            if name in used:
                continue
            domain = next((f"{slug}{tld}" for slug in slugs if f"{slug}{tld}" not in used), None)
            if domain is None:
                continue
            used.add(name)
            used.add(domain)
            plan.name, plan.short, plan.domain = name, short, domain
            return

    def plan_products(self) -> list[dict[str, Any]]:
        products = []
        for index, (code, name, unit, price, tax, category) in enumerate(_PRODUCTS):
            products.append(
                {
                    "index": index,
                    "id": "",
                    "code": code,
                    "name": name,
                    "unit": unit,
                    "price": price * 10_000,  # Money(scale=4)
                    "tax": tax,
                    "category": category,
                }
            )
        return products

    def plan_orders(self, accounts: list[_AccountPlan]) -> None:
        """Each customer buys at a rate and ticket size that grow with its weight (lognormal),
        from a start to an end (churned, fading or still buying), with a trend."""
        r = self.rng("order-plan")
        rnd = r.random
        today, start0 = self.today, self.history_start
        for plan in accounts:
            if rnd() < 0.1:
                continue  # a prospect: no orders yet
            w = plan.weight
            # 40% were customers before the history begins, the rest joined during it.
            start = start0 + r.randint(0, 90) if rnd() < 0.4 else r.randint(start0, today - 10)
            fate = rnd()
            if fate < 0.14 and today - 365 - start > 60:
                end = r.randint(start + 30, today - 366)  # churned
            elif fate < 0.28 and today - 150 - start > 30:
                end = r.randint(max(start + 1, today - 365), today - 150)  # fading
            else:
                end = today
            rate = min(40.0, max(0.8, 2.6 * w**0.45))  # orders a year
            ticket = 9000 * w**0.55
            growth = r.lognormvariate(0, 0.25)
            orders = plan.orders
            day = start
            while day <= end:
                years = (day - start0) / 365 - 1.5
                amount = ticket * growth**years * r.lognormvariate(0, 0.45)
                orders.append((_workday_before(day), max(5_000, int(amount * 100))))
                day += max(3, int(r.expovariate(rate / 365)))

    # ---------------------------------------------------------------------------------------------
    # Pipeline
    # ---------------------------------------------------------------------------------------------
    def plan_opportunity_stages(self) -> list[dict[str, Any]]:
        return [
            {"name": name, "prob": prob, "won": won, "lost": lost, "id": ""}
            for name, prob, won, lost in _STAGES
        ]

    def plan_opportunities(
        self, accounts: list[_AccountPlan], products: list[dict[str, Any]]
    ) -> list[dict[str, Any]]:
        r = self.rng("opportunities")
        rnd = r.random
        n = max(1, self.size // 10)
        candidates = [a for a in accounts if not a.orders or a.orders[-1][0] > self.today - 365]
        candidates = candidates or accounts
        cum = _cumulative([a.weight**0.5 for a in candidates])
        by_category: dict[str, list[dict[str, Any]]] = {}
        for p in products:
            by_category.setdefault(p["category"], []).append(p)
        stage_cum = _cumulative((25, 20, 15, 10, 18, 12))
        opportunities = []
        for _ in range(n):
            account = _pick(rnd, candidates, cum)
            stage = bisect.bisect(stage_cum, rnd() * stage_cum[-1])
            if not account.orders and stage == 4:
                stage = 2  # a prospect's first win would be an order; keep it in the funnel
            topic_cn, topic_en, categories = r.choice(_OPP_TOPICS)
            lines = []
            for position in range(r.choice((1, 1, 2, 2, 3, 4))):
                product = r.choice(by_category[r.choice(categories)])
                unit_price = product["price"]
                scale = max(1, int(account.weight**0.5 * 3))
                quantity = max(1, int(r.lognormvariate(0, 0.6) * scale * 40_000_000 / unit_price))
                quantity = min(quantity, 5000)
                discount = r.choice((0, 0, 0, 5, 5, 10, 15))
                lines.append((position, product, quantity, discount))
            amount = sum(_net(q * p["price"], d) for _pos, p, q, d in lines)
            created = self.today - r.randint(5, 360)
            steps = [(0, created)]
            last_open = stage if stage < _OPEN_STAGES else (4 if stage == 4 else r.randint(0, 3))
            day = created
            for s in range(1, last_open + 1):
                day = min(self.today, day + r.randint(4, 35))
                steps.append((s, day))
            closed_on = None
            if stage == 5:
                day = min(self.today, day + r.randint(3, 40))
                steps.append((5, day))
                closed_on = day
            elif stage == 4:
                closed_on = steps[-1][1]
            if closed_on is None:
                expected = self.today + r.randint(-20, 150)
            else:
                expected = closed_on + r.randint(-10, 20)
            opp = {
                "id": "",
                "account": account,
                "stage": stage,
                "topic": (topic_cn, topic_en),
                "lines": lines,
                "amount": amount,
                "created": created,
                "steps": steps,
                "closed_on": closed_on,
                "expected": expected,
            }
            opportunities.append(opp)
            if stage == 4 and closed_on is not None:
                won = [closed_on, "", [(p["index"], q, d) for _pos, p, q, d in lines], amount]
                account.won.append(won)
                opp["won"] = won  # its id is filled in when the opportunity is written
        return opportunities

    # ---------------------------------------------------------------------------------------------
    # Standing: tier from revenue rank, loyalty from years of buying, lifecycle from recency
    # ---------------------------------------------------------------------------------------------
    def derive_account_standing(self, accounts: list[_AccountPlan]) -> None:
        """Value tiers from the revenue ranking. Revenue is only known once the order lines and
        statuses exist, so they are drawn here (with their own stream) and kept for writing;
        cancelled and returned orders bring no revenue."""
        r = self.rng("order-lines")
        rnd = r.random
        self._lines_by_account: dict[int, list[tuple[list[tuple[int, int, int]], str]]] = {}
        catalogue = self._catalogue()
        today = self.today
        for plan in accounts:
            choose = catalogue[plan.industry]
            drawn = []
            revenue = 0
            for ordered_on, target in plan.orders:
                lines = choose(r, target)
                status = _order_status(rnd, today - ordered_on)
                drawn.append((lines, status))
                if status not in _NO_REVENUE:
                    revenue += sum(_net(q * self.prices[i], d) for i, q, d in lines)
            self._lines_by_account[plan.index] = drawn
            plan.revenue = revenue + sum(won[3] for won in plan.won)
        ranked = sorted(accounts, key=lambda a: (-a.revenue, a.index))
        top = max(1, round(len(accounts) * 0.2))
        vip = max(1, round(len(accounts) * 0.05))
        for rank, plan in enumerate(ranked):
            if plan.revenue <= 0:
                plan.tier = ValueTier.ORDINARY
            elif rank < vip:
                plan.tier = ValueTier.VIP
            elif rank < top:
                plan.tier = ValueTier.IMPORTANT
            else:
                plan.tier = ValueTier.ORDINARY

    def _catalogue(self) -> dict[str, Callable[[random.Random, int], list[tuple[int, int, int]]]]:
        """Per industry: a function drawing order lines (product index, quantity, discount %)
        that add up to about a target amount in cents."""
        prices = self.prices
        order = sorted(range(len(_PRODUCTS)), key=lambda i: prices[i])
        sorted_prices = [prices[i] for i in order]
        result = {}
        for industry, preferences in _INDUSTRY_CATEGORIES.items():
            weights = [preferences.get(_PRODUCTS[i][5], 0.3) for i in order]
            cum = _cumulative(weights)

            def draw(
                r: random.Random,
                target: int,
                cum: list[float] = cum,
            ) -> list[tuple[int, int, int]]:
                rnd = r.random
                count = 1 if target < 300_000 else r.choice((1, 2, 2, 3, 3, 4))
                lines = []
                for _ in range(count):
                    share = target * 100 // count  # cents -> Money(scale=4) units
                    share = int(share * (0.6 + 0.8 * rnd()))
                    m = max(1, bisect.bisect_right(sorted_prices, share))
                    k = bisect.bisect(cum, rnd() * cum[m - 1], 0, m)
                    k = min(k, m - 1)
                    product = order[k]
                    quantity = max(1, min(20_000, round(share / prices[product])))
                    discount = 0 if rnd() < 0.7 else r.choice((3, 5, 8, 10, 15))
                    lines.append((product, quantity, discount))
                return lines

            result[industry] = draw
        return result

    # ---------------------------------------------------------------------------------------------
    # Names, phones, e-mails
    # ---------------------------------------------------------------------------------------------
    def chinese_name(self, r: random.Random, female: bool) -> tuple[str, str]:
        rnd = r.random
        family = _pick(rnd, self.cn_surnames, self.cn_surname_cum)
        chars = _FEMALE_CHARS if female else _MALE_CHARS
        given = r.choice(chars) if rnd() < 0.22 else r.choice(chars) + r.choice(chars)
        return family, given

    def western_name(self, r: random.Random, country: str, female: bool) -> tuple[str, str]:
        pool = self.pools.female[country] if female else self.pools.male[country]
        return r.choice(self.pools.last[country]), r.choice(pool)

    def unique_email(self, local: str, domain: str, r: random.Random) -> str:
        address = f"{local}@{domain}"
        while address in self.emails_used:
            address = f"{local}{r.randint(2, 999)}@{domain}"
        self.emails_used.add(address)
        return address

    def cn_mobile(self, r: random.Random) -> tuple[str, str]:
        """(as written, E.164) of a mainland mobile number."""
        while True:
            prefix = r.choice(("13", "13", "15", "18", "17", "19"))
            rest = f"{prefix}{r.randint(0, 9)}{r.randint(0, 99_999_999):08d}"
            e164 = "+86" + rest
            if e164 not in self.phones_used:
                break
        self.phones_used.add(e164)
        roll = r.random()
        if roll < 0.35:
            return rest, e164
        if roll < 0.7:
            return f"{rest[:3]} {rest[3:7]} {rest[7:]}", e164
        return f"+86 {rest[:3]} {rest[3:7]} {rest[7:]}", e164

    def cn_landline(self, r: random.Random, city: _City) -> tuple[str, str]:
        digits = 8
        while True:
            local = f"{r.randint(2, 8)}{r.randint(0, 10 ** (digits - 1) - 1):0{digits - 1}d}"
            e164 = f"+86{city.area}{local}"
            if e164 not in self.phones_used:
                break
        self.phones_used.add(e164)
        return f"0{city.area}-{local[:4]} {local[4:]}", e164

    def west_phone(
        self, r: random.Random, country: str, city: _City, mobile: bool
    ) -> tuple[str, str]:
        while True:
            if country == "us":
                area = (
                    city.area
                    if not mobile or r.random() < 0.6
                    else r.choice(("646", "917", "650", "408", "312", "737"))
                )
                exchange, line = r.randint(201, 989), r.randint(0, 9999)
                written = f"+1 {area}-{exchange}-{line:04d}"
                e164 = f"+1{area}{exchange}{line:04d}"
            elif country == "uk":
                if mobile:
                    a, b = r.randint(7400, 7999), r.randint(0, 999_999)
                    written, e164 = f"+44 {a} {b:06d}", f"+44{a}{b:06d}"
                else:
                    digits = 10 - len(city.area)
                    b = r.randint(10 ** (digits - 1) * 2, 10**digits - 1)
                    s = str(b)
                    half = len(s) // 2
                    written = f"+44 {city.area} {s[:half]} {s[half:]}"
                    e164 = f"+44{city.area}{s}"
            else:
                if mobile:
                    a, b = (
                        r.choice(("151", "160", "170", "171", "172", "176")),
                        r.randint(10_000_000, 99_999_999),
                    )
                    written, e164 = f"+49 {a} {b}", f"+49{a}{b}"
                else:
                    digits = 11 - len(city.area) - 1
                    b = r.randint(10 ** (digits - 1) * 2, 10**digits - 1)
                    written, e164 = f"+49 {city.area} {b}", f"+49{city.area}{b}"
            if e164 not in self.phones_used:
                self.phones_used.add(e164)
                return written, e164

    def street(self, r: random.Random, plan_city: _City, country: str) -> tuple[str, str, str]:
        """(street, extended, postal code) of an address in a city."""
        if country == "cn":
            street = (
                f"{r.choice(plan_city.districts)}{r.choice(plan_city.streets)}{r.randint(1, 999)}号"
            )
            extended = ""
            roll = r.random()
            if roll < 0.45:
                extended = f"{r.choice('ABCDE')}座{r.randint(2, 32)}{r.randint(1, 20):02d}室"
            elif roll < 0.65:
                extended = f"{r.randint(1, 12)}号楼{r.randint(1, 6)}层"
            postal = f"{plan_city.postal}{r.randint(0, 999):03d}"
            return street, extended, postal
        if country == "us":
            street = f"{r.randint(10, 9800)} {r.choice(_US_STREETS)}"
            extended = f"Suite {r.randint(100, 2400)}" if r.random() < 0.4 else ""
            return street, extended, f"{plan_city.postal}{r.randint(1, 99):02d}"
        if country == "uk":
            street = f"{r.randint(1, 240)} {r.choice(_UK_STREETS)}"
            extended = f"Unit {r.randint(1, 40)}" if r.random() < 0.2 else ""
            district = r.choice(plan_city.postal.split())
            letters = "ABDEFGHJLNPQRSTUWXYZ"
            postal = f"{district} {r.randint(1, 9)}{r.choice(letters)}{r.choice(letters)}"
            return street, extended, postal
        street = f"{r.choice(self.pools.streets_de)} {r.randint(1, 180)}"
        return street, "", f"{plan_city.postal}{r.randint(100, 999)}"

    # ---------------------------------------------------------------------------------------------
    # Writing
    # ---------------------------------------------------------------------------------------------
    def write_reference_data(
        self, stages: list[dict[str, Any]], products: list[dict[str, Any]]
    ) -> None:
        load, new_id = self.loader, self.ids
        # Sinks are created in the order parents must be written before their children.
        tags = load.sink(Tag.__table__, ("id", "name", "color"))
        stage_rows = load.sink(
            PipelineStage.__table__, ("id", "name", "position", "probability", "is_won", "is_lost")
        )
        product_rows = load.sink(
            Product.__table__,
            ("id", "code", "name", "unit", "price", "currency", "tax_rate", "active"),
        )
        for name in (Account, Contact, Phone, Email, Address):
            load.sink(name.__table__, _COLUMNS[name.__table__.name])
        load.sink(account_tags, ("account_id", "tag_id"))
        load.sink(contact_tags, ("contact_id", "tag_id"))
        for model in (
            Opportunity,
            OpportunityLine,
            StageChange,
            Order,
            OrderLine,
            ServiceCase,
            SatisfactionSurvey,
            SurveyItem,
            Activity,
            CalendarEvent,
            EventReminder,
        ):
            load.sink(model.__table__, _COLUMNS[model.__table__.name])

        self.tag_ids: dict[str, str] = {}
        for name, color in _TAGS:
            name = name.format(year=self.year - 1)
            self.tag_ids[name] = tag_id = new_id()
            tags.append((tag_id, name, color))
        for position, stage in enumerate(stages):
            stage["id"] = new_id()
            stage_rows.append(
                (
                    stage["id"],
                    stage["name"],
                    position,
                    stage["prob"] * 10_000,
                    int(stage["won"]),
                    int(stage["lost"]),
                )
            )
        self.product_ids = []
        for p in products:
            p["id"] = new_id()
            self.product_ids.append(p["id"])
            product_rows.append(
                (p["id"], p["code"], p["name"], p["unit"], p["price"], "CNY", p["tax"] * 10_000, 1)
            )
        load.flush()  # begins the transaction, so the bulk load may drop the indexes now

    def write_accounts(self, accounts: list[_AccountPlan]) -> None:
        r = self.rng("account-rows")
        rnd = r.random
        load, new_id = self.loader, self.ids
        rows = load.sinks["accounts"].rows
        phones, emails, addresses = (load.sinks[t].rows for t in ("phones", "emails", "addresses"))
        links = load.sinks["account_tags"].rows
        tag = self.tag_ids
        for plan in accounts:
            plan.id = new_id()
        for plan in accounts:
            aid = plan.id
            cn = plan.chinese
            loyalty, lifecycle = self.standing(plan)
            notes = ""
            if rnd() < 0.25:
                first_year = (
                    dt.date.fromordinal(plan.orders[0][0]).year if plan.orders else (self.year)
                )
                notes = r.choice(_ACCOUNT_NOTES_CN if cn else _ACCOUNT_NOTES_EN).format(
                    year=first_year
                )
            source = r.choice(_SOURCES_CN if cn else _SOURCES_EN)
            website = f"www.{plan.domain}" if plan.domain else ""
            rows.append(
                (
                    aid,
                    plan.name,
                    text_sort_key(plan.name),
                    f"C{plan.index + 1:06d}",
                    plan.kind,
                    plan.industry,
                    plan.tier,
                    loyalty,
                    lifecycle,
                    source,
                    plan.owner,
                    website,
                    notes,
                )
            )
            # Contact points of the organisation itself.
            city = plan.city
            street, extended, postal = self.street(r, city, plan.country)
            plan.street = (street, extended, postal)
            if plan.kind is AccountKind.ORGANISATION:
                if plan.country == "cn":
                    number, e164 = self.cn_landline(r, city)
                else:
                    number, e164 = self.west_phone(r, plan.country, city, False)
                phones.append((new_id(), None, aid, 0, 1, "work", number, e164))
                if rnd() < 0.3:
                    if plan.country == "cn":
                        number, e164 = self.cn_landline(r, city)
                    else:
                        number, e164 = self.west_phone(r, plan.country, city, False)
                    phones.append((new_id(), None, aid, 1, 0, "fax", number, e164))
                if rnd() < 0.7:
                    mailbox = r.choice(("info", "sales", "contact", "service", "office"))
                    address = self.unique_email(mailbox, plan.domain, r)
                    emails.append((new_id(), None, aid, 0, 1, "work", address, address))
                addresses.append(
                    _address(new_id(), None, aid, "work", city, (street, extended, postal))
                )
            elif rnd() < 0.8:
                addresses.append(
                    _address(new_id(), None, aid, "home", city, (street, extended, postal))
                )
            # Tags: region, key account (by tier), channel partners.
            if cn and city.tag:
                plan.tags.append(tag[city.tag])
            elif not cn:
                plan.tags.append(tag["Overseas"])
            if plan.tier is not ValueTier.ORDINARY and rnd() < 0.8:
                plan.tags.append(tag["重点客户"])
            if plan.kind is AccountKind.ORGANISATION and rnd() < 0.08:
                plan.tags.append(tag["渠道" if cn else "Partner"])
            for tag_id in plan.tags:
                links.append((aid, tag_id))
            if plan.index % 64 == 0:
                load.maybe_flush()

    def standing(self, plan: _AccountPlan) -> tuple[LoyaltyStage, LifecyclePhase]:
        days = sorted([d for d, _ in plan.orders] + [won[0] for won in plan.won])
        if not days:
            return LoyaltyStage.PROSPECT, LifecyclePhase.ACQUISITION
        today = self.today
        first, last = days[0], days[-1]
        tenure = (today - first) / 365.25
        active_years = sum(
            1 for k in range(3) if any(today - 365 * (k + 1) < d <= today - 365 * k for d in days)
        )
        if tenure < 1:
            loyalty = LoyaltyStage.NEW
        elif tenure < 2 or active_years < 2:
            loyalty = LoyaltyStage.REGULAR
        elif tenure >= 2.5 and active_years == 3 and len(days) >= 8:
            loyalty = LoyaltyStage.LOYAL
        else:
            loyalty = LoyaltyStage.LONG_STANDING
        recency = today - last
        if recency > 365:
            lifecycle = LifecyclePhase.LOST
        elif today - first < 180:
            lifecycle = LifecyclePhase.ACQUISITION
        elif recency > 180:
            lifecycle = LifecyclePhase.DECLINE
        else:
            recent = sum(1 for d in days if d > today - 365)
            before = sum(1 for d in days if today - 730 < d <= today - 365)
            if before and recent >= before * 1.3:
                lifecycle = LifecyclePhase.GROWTH
            elif before and recent <= before * 0.6:
                lifecycle = LifecyclePhase.DECLINE
            elif not before:
                lifecycle = LifecyclePhase.GROWTH
            else:
                lifecycle = LifecyclePhase.RETENTION
        return loyalty, lifecycle

    def write_contacts(self, accounts: list[_AccountPlan]) -> list[_Person]:
        """Contacts with their phones, e-mails, addresses and tags; ~85% at an account."""
        r = self.rng("contacts")
        rnd = r.random
        load, new_id = self.loader, self.ids
        rows = load.sinks["contacts"].rows
        phones, emails, addresses = (load.sinks[t].rows for t in ("phones", "emails", "addresses"))
        links = load.sinks["contact_tags"].rows
        tag = self.tag_ids
        fair_tag = tag[f"展会{self.year - 1}"]

        # How many contacts each account gets: one each first, the rest by weight.
        linked = min(self.size, max(round(self.size * 0.85), 1))
        per_account = [0] * len(accounts)
        orgs = [a for a in accounts if a.kind is AccountKind.ORGANISATION]
        for plan in accounts:
            if plan.kind is AccountKind.INDIVIDUAL and linked > 0:
                per_account[plan.index] = 1
                linked -= 1
        for plan in orgs[:linked]:
            per_account[plan.index] += 1
        linked -= min(linked, len(orgs))
        if linked and orgs:
            cum = _cumulative([a.weight**0.35 for a in orgs])
            for _ in range(linked):
                per_account[_pick(rnd, orgs, cum).index] += 1
        slots: list[_AccountPlan | None] = []
        for plan in accounts:
            slots.extend([plan] * per_account[plan.index])
        slots.extend([None] * (self.size - len(slots)))

        birthday_base = self.today - 25 * 365
        people: list[_Person] = []
        cn_titles = _cumulative([t[4] for t in _TITLES_CN])
        en_titles = _cumulative([t[4] for t in _TITLES_EN])
        west_keys = list(_WESTERN_WEIGHTS)
        west_cum = _cumulative(_WESTERN_WEIGHTS.values())
        cn_city_cum = _cumulative([c.weight for c in _CHINA])
        english_names = self.pools.english_names
        for n, plan in enumerate(slots):
            cid = new_id()
            female = rnd() < 0.45
            # Language of the person and where they are.
            if plan is not None:
                country, city = plan.country, plan.city
                if plan.person is not None:
                    family, given, female = plan.person
                    chinese = plan.chinese
                else:
                    chinese = rnd() < (0.96 if plan.chinese else 0.08)
            else:
                chinese = rnd() < 0.7
                if chinese:
                    country, city = "cn", _pick(rnd, _CHINA, cn_city_cum)
                else:
                    country = _pick(rnd, west_keys, west_cum)
                    city = r.choice(_WESTERN[country])
            if plan is None or plan.person is None:
                if chinese:
                    family, given = self.chinese_name(r, female)
                else:
                    name_country = country if country != "cn" else r.choice(west_keys)
                    family, given = self.western_name(r, name_country, female)
            nickname = ""
            if chinese and rnd() < 0.12:
                nickname = r.choice(english_names)
            # Title and department.
            title = department = ""
            decision = technical = False
            if plan is not None and plan.person is None:
                title, department, decision, technical, _w = _pick(
                    rnd,
                    _TITLES_CN if plan.chinese else _TITLES_EN,
                    cn_titles if plan.chinese else en_titles,
                )
            elif plan is None and rnd() < 0.5:
                title, department, decision, technical, _w = _pick(
                    rnd, _TITLES_CN if chinese else _TITLES_EN, cn_titles if chinese else en_titles
                )
            prefix = "Dr." if not chinese and rnd() < 0.04 else ""
            # Reachability.
            if chinese:
                channel = _pick(rnd, _CN_CHANNELS, _CN_CHANNEL_CUM)
            else:
                channel = _pick(rnd, _EN_CHANNELS, _EN_CHANNEL_CUM)
            fam_py = _pinyin(family) if chinese else _ascii(family)
            giv_py = _pinyin(given) if chinese else _ascii(given)
            wechat = ""
            position = 0
            # Phones.
            if country == "cn":
                number, e164 = self.cn_mobile(r)
                phones.append((new_id(), cid, None, 0, 1, "mobile", number, e164))
                position = 1
                if chinese and rnd() < 0.75:
                    roll = rnd()
                    if roll < 0.3:
                        wechat = e164[3:]
                    elif roll < 0.55:
                        wechat = "wxid_" + "".join(r.choices(_WXID, k=14))
                    else:
                        wechat = f"{fam_py}{giv_py}{r.choice(('', '_', ''))}{r.randint(1, 9999)}"
                if plan is not None and plan.kind is AccountKind.ORGANISATION and rnd() < 0.5:
                    number, e164 = self.cn_landline(r, city)
                    phones.append((new_id(), cid, None, 1, 0, "work", number, e164))
                    position = 2
                if rnd() < 0.05:
                    number, e164 = self.cn_landline(r, city)
                    phones.append((new_id(), cid, None, position, 0, "home", number, e164))
            else:
                work_first = plan is not None and rnd() < 0.8
                if work_first:
                    number, e164 = self.west_phone(r, country, city, False)
                    phones.append((new_id(), cid, None, 0, 1, "work", number, e164))
                    position = 1
                if not work_first or rnd() < 0.6:
                    number, e164 = self.west_phone(r, country, city, True)
                    phones.append(
                        (new_id(), cid, None, position, int(position == 0), "mobile", number, e164)
                    )
                if chinese and rnd() < 0.4:
                    wechat = f"{fam_py}{giv_py}{r.randint(1, 999)}"
            # E-mails.
            position = 0
            if plan is not None and plan.domain and rnd() < 0.92:
                local = self.mailbox(r, chinese, fam_py, giv_py, given, nickname)
                address = self.unique_email(local, plan.domain, r)
                emails.append((new_id(), cid, None, 0, 1, "work", address, address))
                position = 1
            if position == 0 or rnd() < 0.15:
                if chinese and country == "cn" and rnd() < 0.45:
                    address = self.unique_email(
                        str(r.randint(10_000_000, 3_999_999_999)), "qq.com", r
                    )
                else:
                    domain = r.choice(_CN_MAIL if chinese and country == "cn" else _EN_MAIL)
                    address = self.unique_email(
                        f"{fam_py}{giv_py}{r.randint(1, 99)}" if chinese else f"{giv_py}.{fam_py}",
                        domain,
                        r,
                    )
                emails.append(
                    (new_id(), cid, None, position, int(position == 0), "home", address, address)
                )
            # Addresses.
            if plan is not None and plan.kind is AccountKind.ORGANISATION and rnd() < 0.7:
                street, extended, postal = plan.street
                addresses.append(
                    _address(new_id(), cid, None, "work", city, (street, extended, postal))
                )
            elif rnd() < 0.35:
                street, extended, postal = self.street(r, city, country)
                addresses.append(
                    _address(new_id(), cid, None, "home", city, (street, extended, postal))
                )
            # The rest of the card.
            birthday = _day(birthday_base - r.randint(0, 35 * 365)) if rnd() < 0.4 else None
            notes = ""
            if rnd() < 0.2:
                notes = r.choice(_NOTES_CN if chinese else _NOTES_EN).format(year=self.year - 1)
            owner = (
                plan.owner
                if plan is not None
                else r.choice(_OWNERS_CN if chinese else _OWNERS_WEST)
            )
            account_id = plan.id if plan is not None else None
            organization = plan.name if plan is not None and plan.person is None else ""
            rows.append(
                (
                    cid,
                    account_id,
                    family,
                    given,
                    "",
                    prefix,
                    "",
                    nickname,
                    "",
                    "",
                    name_sort_key(family, given),
                    organization,
                    title,
                    department,
                    birthday,
                    channel,
                    wechat,
                    "",
                    owner,
                    notes,
                )
            )
            if decision and rnd() < 0.7:
                links.append((cid, tag["决策人"]))
            elif technical and rnd() < 0.5:
                links.append((cid, tag["技术对接"]))
            roll = rnd()
            if roll < 0.12:
                links.append((cid, fair_tag))
            elif roll < 0.3:
                links.append((cid, tag["Newsletter"]))
            elif roll < 0.33:
                links.append((cid, tag["老朋友"]))
            language = "zh" if chinese else "en"
            zone = city.zone
            person = _Person(cid, language, zone, plan, owner, family, given)
            people.append(person)
            if plan is not None:
                plan.contacts.append((cid, language))
                if decision and not plan.decision_maker:
                    plan.decision_maker = cid
            if n % 256 == 0:
                load.maybe_flush()
        return people

    def mailbox(
        self, r: random.Random, chinese: bool, fam: str, giv: str, given: str, nickname: str
    ) -> str:
        """The part before the @ of a work address: zhang.san, san.zhang, zhangs, kevin.zhang …"""
        if chinese:
            if nickname:
                return f"{_ascii(nickname)}.{fam}"
            roll = r.random()
            if roll < 0.4:
                return f"{fam}.{giv}"
            if roll < 0.55:
                return f"{giv}.{fam}"
            if roll < 0.8:
                return f"{fam}{giv}"
            return fam + "".join(s[0] for s in pinyin_syllables(given))
        roll = r.random()
        if roll < 0.6:
            return f"{giv}.{fam}"
        if roll < 0.8:
            return f"{giv[:1]}{fam}"
        return f"{giv}{fam[:1]}"

    def write_opportunities(
        self,
        opportunities: list[dict[str, Any]],
        stages: list[dict[str, Any]],
        products: list[dict[str, Any]],
    ) -> dict[str, list[tuple[str, int, int]]]:
        """Opportunities with lines and stage history; won ones later become orders."""
        r = self.rng("opportunity-rows")
        rnd = r.random
        load, new_id, clock = self.loader, self.ids, self.clock
        rows, lines, changes = (
            load.sinks[t].rows for t in ("opportunities", "opportunity_lines", "stage_changes")
        )
        by_contact: dict[str, list[tuple[str, int, int]]] = {}
        opportunities.sort(key=lambda o: (o["created"], o["account"].index))
        for n, opp in enumerate(opportunities):
            account: _AccountPlan = opp["account"]
            cn = account.chinese
            opp["id"] = oid = new_id()
            contact = account.decision_maker or (
                r.choice(account.contacts)[0] if account.contacts else None
            )
            stage = opp["stage"]
            topic = opp["topic"][0] if cn else opp["topic"][1]
            name = f"{account.short}{topic}" if cn else f"{account.short} – {topic}"
            source = r.choice(_SOURCES_CN if cn else _SOURCES_EN)
            lost_reason = r.choice(_LOST_CN if cn else _LOST_EN) if stage == 5 else ""
            closed = opp["closed_on"]
            rows.append(
                (
                    oid,
                    name,
                    account.id,
                    contact,
                    stages[stage]["id"],
                    opp["amount"],
                    "CNY",
                    stages[stage]["prob"] * 10_000,
                    _day(opp["expected"]),
                    _day(closed) if closed is not None else None,
                    lost_reason,
                    source,
                    account.owner,
                    "",
                )
            )
            for position, product, quantity, discount in opp["lines"]:
                lines.append(
                    (
                        new_id(),
                        oid,
                        product["id"],
                        position,
                        product["name"],
                        float(quantity),
                        product["price"],
                        discount * 10_000,
                        product["tax"] * 10_000,
                    )
                )
            previous = None
            steps = opp["steps"]
            for k, (s, day) in enumerate(steps):
                at = clock.utc_minutes(account.city.zone, day, 9 * 60 + r.randint(0, 480))
                estimate = (
                    opp["amount"]
                    if k == len(steps) - 1
                    else int(opp["amount"] * (0.7 + 0.6 * rnd()))
                )
                changes.append((new_id(), oid, previous, stages[s]["id"], clock.text(at), estimate))
                previous = stages[s]["id"]
            if contact is not None:
                end = closed if closed is not None else self.today + 60
                by_contact.setdefault(contact, []).append((oid, opp["created"], end))
            if "won" in opp:
                opp["won"][1] = oid
            if n % 64 == 0:
                load.maybe_flush()
        return by_contact

    def write_orders(self, accounts: list[_AccountPlan], products: list[dict[str, Any]]) -> None:
        """Every order of the three years, in date order so numbers and ids follow the dates."""
        r = self.rng("order-rows")
        rnd = r.random
        load, new_id = self.loader, self.ids
        rows, line_rows = load.sinks["orders"].rows, load.sinks["order_lines"].rows
        names = [p["name"] for p in products]
        ids = self.product_ids
        taxes = [p["tax"] * 10_000 for p in products]
        prices = self.prices
        today = self.today
        everything = []
        for plan in accounts:
            for (day, _target), (lines, status) in zip(
                plan.orders, self._lines_by_account[plan.index], strict=True
            ):
                everything.append((day, plan.index, lines, "", status))
            for day, oid, lines, _amount in plan.won:
                status = OrderStatus.PAID if today - day >= 45 else OrderStatus.SHIPPED
                everything.append((day, plan.index, lines, oid, status))
        everything.sort(key=lambda o: (o[0], o[1]))
        by_index = {a.index: a for a in accounts}
        sequence: dict[int, int] = {}
        for n, (day, index, lines, opportunity, status) in enumerate(everything):
            plan = by_index[index]
            year = dt.date.fromordinal(day).year
            sequence[year] = seq = sequence.get(year, 0) + 1
            order_id = new_id()
            contact = None
            if plan.contacts:
                contact = (
                    plan.decision_maker
                    if plan.decision_maker and rnd() < 0.5
                    else (r.choice(plan.contacts)[0])
                )
            amount = 0
            for position, (product, quantity, discount) in enumerate(lines):
                net = _net(quantity * prices[product], discount)
                amount += net
                line_rows.append(
                    (
                        new_id(),
                        order_id,
                        ids[product],
                        position,
                        names[product],
                        float(quantity),
                        prices[product],
                        discount * 10_000,
                        taxes[product],
                        net,
                    )
                )
            rows.append(
                (
                    order_id,
                    f"SO{year}-{seq:06d}",
                    plan.id,
                    contact,
                    opportunity or None,
                    _day(day),
                    amount,
                    "CNY",
                    status,
                    "",
                )
            )
            if n % 64 == 0:
                load.maybe_flush()

    def write_cases(self, accounts: list[_AccountPlan], people: list[_Person]) -> list[_Case]:
        """Service cases of every kind, priority and status; surveys for resolved ones."""
        r = self.rng("cases")
        rnd = r.random
        load, new_id, clock = self.loader, self.ids, self.clock
        rows = load.sinks["service_cases"].rows
        surveys, items = load.sinks["satisfaction_surveys"].rows, load.sinks["survey_items"].rows
        customers = [a for a in accounts if a.orders and a.contacts]
        n = max(1, self.size // 10)
        kinds = list(CaseKind)
        kind_cum = _cumulative((40, 20, 30, 10))
        priorities = list(CasePriority)
        priority_cum = _cumulative((20, 50, 22, 8))
        sla_hours = {
            CasePriority.LOW: 168,
            CasePriority.NORMAL: 72,
            CasePriority.HIGH: 24,
            CasePriority.URGENT: 4,
        }
        cum = _cumulative([a.weight**0.4 for a in customers]) if customers else []
        planned = []
        for _ in range(n):
            if customers and rnd() < 0.92:
                plan = _pick(rnd, customers, cum)
                contact, language = r.choice(plan.contacts)
                zone, owner_cn = plan.city.zone, plan.chinese
                account_id = plan.id
            else:
                person = r.choice(people)
                contact, language, zone = person.id, person.language, person.zone
                account_id = person.plan.id if person.plan is not None else None
                owner_cn = language == "zh"
            opened_day = self.today - int(r.triangular(0, 365, 0))
            opened = clock.utc_minutes(
                zone, _workday_before(opened_day), 8 * 60 + r.randint(0, 600)
            )
            planned.append((opened, contact, language, account_id, owner_cn))
        planned.sort()
        cases = []
        year_seq: dict[int, int] = {}
        for newest_first, (opened, contact, language, account_id, owner_cn) in zip(
            range(len(planned) - 1, -1, -1), planned, strict=True
        ):
            cn = language == "zh"
            kind = _pick(rnd, kinds, kind_cum)
            priority = _pick(rnd, priorities, priority_cum)
            age_days = self.today - opened // 1440
            if newest_first < len(_OPEN_CASE_STATES):
                status = _OPEN_CASE_STATES[newest_first]  # the newest ones are still being handled
            elif age_days < 3:
                status = r.choice((CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS))
            elif age_days < 20:
                status = r.choice(
                    (
                        CaseStatus.ASSIGNED,
                        CaseStatus.IN_PROGRESS,
                        CaseStatus.RESOLVED,
                        CaseStatus.RESOLVED,
                        CaseStatus.REOPENED,
                    )
                )
            else:
                status = _pick(
                    rnd,
                    (
                        CaseStatus.CLOSED,
                        CaseStatus.RESOLVED,
                        CaseStatus.REOPENED,
                        CaseStatus.IN_PROGRESS,
                    ),
                    (80, 94, 97, 100),
                )
            subjects_cn, subjects_en = _CASE_SUBJECTS[kind]
            device = r.randrange(len(_CASE_DEVICES_CN))
            subject = (
                r.choice(subjects_cn).format(d=_CASE_DEVICES_CN[device])
                if cn
                else _capitalized(r.choice(subjects_en).format(d=_CASE_DEVICES_EN[device]))
            )
            due = opened + sla_hours[priority] * 60
            resolved = resolution = satisfaction = None
            if status in (CaseStatus.RESOLVED, CaseStatus.CLOSED):
                took = int(sla_hours[priority] * 60 * r.lognormvariate(-0.3, 0.7))
                resolved = min(opened + max(20, took), self.today * 1440 - 60)
                resolution = r.choice(_RESOLUTIONS_CN if cn else _RESOLUTIONS_EN)
                if rnd() < 0.8:
                    late = resolved > due
                    mean = 4.3 - (1.2 if kind is CaseKind.COMPLAINT else 0) - (0.8 if late else 0)
                    satisfaction = max(1, min(5, round(r.gauss(mean, 0.8))))
            year = dt.date.fromordinal(opened // 1440).year
            year_seq[year] = seq = year_seq.get(year, 0) + 1
            support = _SUPPORT_CN if owner_cn else _SUPPORT_WEST
            owner = r.choice(support) if status is not CaseStatus.NEW else ""
            case_id = new_id()
            description = subject + ("。" if cn else ".")
            rows.append(
                (
                    case_id,
                    f"CS{year}-{seq:05d}",
                    kind,
                    priority,
                    status,
                    account_id,
                    contact,
                    subject,
                    description,
                    owner,
                    clock.text(opened),
                    clock.text(due),
                    clock.text(resolved) if resolved is not None else None,
                    resolution or "",
                    satisfaction,
                )
            )
            cases.append(_Case(case_id, contact, account_id, opened, subject, cn, owner))
            if satisfaction is not None and resolved is not None and rnd() < 0.6:
                self.survey(
                    r,
                    surveys,
                    items,
                    account_id,
                    contact,
                    case_id,
                    resolved // 1440 + r.randint(1, 3),
                    cn,
                    satisfaction,
                )
            if newest_first % 64 == 0:
                load.maybe_flush()
        # Yearly relationship surveys of some customers, not about a case.
        for plan in customers:
            if rnd() < 0.05:
                contact, language = r.choice(plan.contacts)
                self.survey(
                    r,
                    surveys,
                    items,
                    plan.id,
                    contact,
                    None,
                    self.today - r.randint(10, 300),
                    language == "zh",
                    None,
                )
        return cases

    def survey(
        self,
        r: random.Random,
        surveys: list[tuple[Any, ...]],
        items: list[tuple[Any, ...]],
        account_id: str | None,
        contact: str,
        case_id: str | None,
        day: int,
        cn: bool,
        satisfaction: int | None,
    ) -> None:
        survey_id = self.ids()
        comment = (
            r.choice(_SURVEY_COMMENTS_CN if cn else _SURVEY_COMMENTS_EN)
            if (r.random() < 0.4)
            else ""
        )
        surveys.append(
            (survey_id, account_id, contact, case_id, _day(min(day, self.today)), comment)
        )
        mood = (satisfaction - 3.5) if satisfaction is not None else r.gauss(0.3, 0.7)
        count = r.randint(4, len(_SURVEY_ITEMS))
        for position, (zh, en) in enumerate(_SURVEY_ITEMS[:count]):
            expected = max(1, min(5, round(r.gauss(4.2, 0.6))))
            perceived = max(1, min(5, round(expected - 0.4 + mood + r.gauss(0, 0.7))))
            items.append((self.ids(), survey_id, position, zh if cn else en, expected, perceived))

    def write_activities(
        self,
        people: list[_Person],
        opp_by_contact: dict[str, list[tuple[str, int, int]]],
        cases: list[_Case],
    ) -> None:
        """About five touchpoints per contact over the last year and the next three weeks."""
        r = self.rng("activities")
        rnd, randint, choice = r.random, r.randint, r.choice
        load, new_id, clock = self.loader, self.ids, self.clock
        rows = load.sinks["activities"].rows
        today = self.today
        kinds = _ACTIVITY_KINDS
        counts = (1, 2, 2, 3, 3, 4, 4, 4, 5, 5, 6, 6, 7, 8, 10)  # mean 4.7
        texts = {"zh": _activity_texts(True), "en": _activity_texts(False)}
        for n, person in enumerate(people):
            plan = person.plan
            account_id = plan.id if plan is not None else None
            short = plan.short if plan is not None else ""
            boost = (
                1.4
                if plan is not None and plan.tier is not ValueTier.ORDINARY
                else (0.7 if plan is None else 1.0)
            )
            count = max(1, round(choice(counts) * boost))
            t = texts[person.language]
            opps = opp_by_contact.get(person.id, ())
            zone = person.zone
            for _ in range(count):
                kind, duration_range = _pick(rnd, kinds, _ACTIVITY_KIND_CUM)
                day = today - randint(0, 365) if rnd() < 0.93 else today + randint(1, 21)
                if kind in _WEEKDAY_KINDS or rnd() < 0.9:
                    day = _workday(day)
                minute = 8 * 60 + 30 + randint(0, 114) * 5
                at = clock.local(zone, day, minute)
                subjects = t[kind]
                subject = choice(subjects)
                if "{short}" in subject:
                    subject = subject.replace("{short}", short or person.display)
                body = choice(t["body"]) if rnd() < 0.3 else ""
                outcome = choice(t["outcome"]) if kind in _OUTCOME_KINDS and day <= today else ""
                duration = randint(*duration_range) if duration_range else None
                opportunity = None
                for oid, start, end in opps:
                    if start <= day <= end and rnd() < 0.6:
                        opportunity = oid
                        break
                rows.append(
                    (
                        new_id(),
                        person.id,
                        account_id,
                        opportunity,
                        None,
                        kind,
                        at,
                        duration,
                        subject,
                        body,
                        outcome,
                        person.owner,
                    )
                )
            if n % 256 == 0:
                load.maybe_flush()
        # One logged touchpoint per service case.
        for case in cases:
            kind = ActivityKind.CALL if rnd() < 0.6 else ActivityKind.EMAIL
            subject = f"受理：{case.subject}" if case.cn else f"Logged: {case.subject}"
            rows.append(
                (
                    new_id(),
                    case.contact,
                    case.account_id,
                    None,
                    case.id,
                    kind,
                    clock.text(case.opened + randint(0, 30)),
                    10 if kind == "call" else None,
                    subject,
                    "",
                    "",
                    case.owner,
                )
            )
        load.maybe_flush()

    def write_events(self, people: list[_Person]) -> None:
        """About one calendar entry per contact in this month and the next."""
        r = self.rng("events")
        rnd, randint, choice = r.random, r.randint, r.choice
        load, new_id, clock = self.loader, self.ids, self.clock
        rows, reminders = load.sinks["calendar_events"].rows, load.sinks["event_reminders"].rows
        first = self.ref.replace(day=1)
        after_next = (first + dt.timedelta(days=62)).replace(day=1)
        start, stop = first.toordinal(), after_next.toordinal() - 1
        today = self.today
        counts = (0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3)
        texts = {"zh": _event_texts(True), "en": _event_texts(False)}
        empty = "[]"
        for n, person in enumerate(people):
            plan = person.plan
            t = texts[person.language]
            zone = person.zone
            for _ in range(choice(counts)):
                kind = _pick(rnd, _EVENT_KINDS, _EVENT_KIND_CUM)
                day = _workday(randint(start, stop))
                day = min(max(day, start), stop)
                short = plan.short if plan is not None else person.display
                title = choice(t[kind]).replace("{short}", short).replace("{name}", person.display)
                event_id = new_id()
                all_day = (kind == EventKind.TASK and rnd() < 0.6) or kind == EventKind.OTHER
                recurring = (
                    not all_day and kind in (EventKind.MEETING, EventKind.CALL) and (rnd() < 0.04)
                )
                if day < today:
                    status = EventStatus.DONE if rnd() < 0.85 else EventStatus.CANCELLED
                else:
                    status = EventStatus.CONFIRMED if rnd() < 0.8 else EventStatus.TENTATIVE
                rrule = ""
                exdates = empty
                if all_day:
                    length = randint(2, 3) if kind == EventKind.OTHER else 1
                    starts = ends = None
                    start_date, end_date = _day(day), _day(day + length)
                    location = t["fair"] if kind == EventKind.OTHER else ""
                else:
                    minute = (9 * 60 if kind != EventKind.CALL else 8 * 60 + 30) + randint(
                        0, 32
                    ) * 15
                    if kind == EventKind.VISIT:
                        length = randint(4, 8) * 15
                    elif kind == EventKind.MEETING:
                        length = randint(2, 6) * 15
                    elif kind == EventKind.CALL:
                        length = choice((15, 30))
                    else:
                        length = 30
                    begin = clock.utc_minutes(zone, day, minute)
                    starts, ends = clock.text(begin), clock.text(begin + length)
                    start_date = end_date = None
                    if kind == EventKind.VISIT and plan is not None and plan.street[0]:
                        location = f"{plan.city.name} {plan.street[0]}"
                    elif kind == EventKind.MEETING:
                        location = choice(t["rooms"])
                    else:
                        location = ""
                    if recurring:
                        weekday = _BYDAY[_weekday(day)]
                        occurrences = randint(6, 10)
                        rrule = f"FREQ=WEEKLY;BYDAY={weekday};COUNT={occurrences}"
                        skipped = day + 7 * randint(1, occurrences - 2)
                        exdates = json_column_text(
                            [clock.iso(clock.utc_minutes(zone, skipped, minute))]
                        )
                        status = EventStatus.CONFIRMED
                attendees = empty
                if kind == EventKind.MEETING:
                    attendees = json_column_text(
                        [
                            {"name": person.display, "role": "REQ-PARTICIPANT"},
                            {"name": person.owner, "role": "CHAIR"},
                        ]
                    )
                rows.append(
                    (
                        event_id,
                        person.id,
                        plan.id if plan is not None else None,
                        None,
                        None,
                        f"{event_id}@crmdesk",
                        title,
                        "",
                        location,
                        kind,
                        status,
                        int(all_day),
                        starts,
                        ends,
                        start_date,
                        end_date,
                        zone,
                        rrule,
                        exdates,
                        empty,
                        None,
                        "",
                        attendees,
                        person.owner,
                    )
                )
                if day >= today and rnd() < 0.3:
                    before = 1440 if all_day else choice((10, 15, 15, 30, 60))
                    reminders.append((new_id(), event_id, before, "display"))
                    if rnd() < 0.15:
                        reminders.append((new_id(), event_id, 1440, "email"))
            if n % 256 == 0:
                load.maybe_flush()
        # Each account manager's weekly team meeting, with one week skipped.
        for owner in (*_OWNERS_CN, *_OWNERS_WEST):
            cn = owner in _OWNERS_CN
            zone = "Asia/Shanghai" if cn else "Europe/London"
            day = start + (7 - _weekday(start)) % 7
            minute = 9 * 60 if cn else 10 * 60
            begin = clock.utc_minutes(zone, day, minute)
            event_id = new_id()
            skipped = clock.iso(clock.utc_minutes(zone, day + 14, minute))
            rows.append(
                (
                    event_id,
                    None,
                    None,
                    None,
                    None,
                    f"{event_id}@crmdesk",
                    "销售周例会" if cn else "Weekly pipeline review",
                    "",
                    "会议室A" if cn else "Teams",
                    EventKind.MEETING,
                    EventStatus.CONFIRMED,
                    0,
                    clock.text(begin),
                    clock.text(begin + 60),
                    None,
                    None,
                    zone,
                    "FREQ=WEEKLY;BYDAY=MO;COUNT=9",
                    json_column_text([skipped]),
                    empty,
                    None,
                    "",
                    empty,
                    owner,
                )
            )
            reminders.append((new_id(), event_id, 15, "display"))
        load.maybe_flush()


# =================================================================================================
# Small helpers of the generator
# =================================================================================================


_OPEN_CASE_STATES = (CaseStatus.NEW, CaseStatus.ASSIGNED, CaseStatus.IN_PROGRESS)


def _capitalized(text_: str) -> str:
    return text_[:1].upper() + text_[1:]


_NO_REVENUE = frozenset({OrderStatus.CANCELLED, OrderStatus.RETURNED})


def _order_status(rnd: Callable[[], float], age: int) -> OrderStatus:
    """Recent orders are still open or on their way; a few older ones were cancelled or returned."""
    roll = rnd()
    if age < 14:
        return OrderStatus.OPEN if roll < 0.6 else OrderStatus.PAID
    if roll < 0.025:
        return OrderStatus.CANCELLED
    if roll < 0.04:
        return OrderStatus.RETURNED
    if age < 45:
        return OrderStatus.SHIPPED if roll < 0.5 else OrderStatus.PAID
    return OrderStatus.PAID


def _net(gross: int, discount: int) -> int:
    """Cents of a line: price (1/10,000 yuan) × quantity less the discount %, rounded."""
    return (gross * (100 - discount) + 5_000) // 10_000


def _address(
    id_: str,
    contact: str | None,
    account: str | None,
    kind: str,
    city: _City,
    where: tuple[str, str, str],
) -> tuple[Any, ...]:
    """An addresses row (primary, first) in a city: street, extended part and postal code."""
    street, extended, postal = where
    return (
        id_,
        contact,
        account,
        0,
        1,
        kind,
        street,
        extended,
        "",
        city.name,
        city.region,
        postal,
        city.country,
        "",
    )


@dataclass(slots=True)
class _Person:
    id: str
    language: str
    zone: str
    plan: _AccountPlan | None
    owner: str
    family: str
    given: str

    @property
    def display(self) -> str:
        return (
            f"{self.family}{self.given}"
            if self.language == "zh"
            else (f"{self.given} {self.family}")
        )


@dataclass(slots=True)
class _Case:
    id: str
    contact: str
    account_id: str | None
    opened: int
    subject: str
    cn: bool
    owner: str


def _fields(names: str) -> tuple[str, ...]:
    return tuple(names.split())


# The columns each row tuple holds, in order (the loader adds the common ones and defaults).
_COLUMNS = {
    "accounts": _fields(
        "id name sort_key code kind industry value_tier loyalty_stage lifecycle_phase "
        "source owner website notes"
    ),
    "contacts": _fields(
        "id account_id family_name given_name middle_name prefix suffix nickname "
        "phonetic_family_name phonetic_given_name sort_key organization title "
        "department birthday preferred_channel wechat website owner notes"
    ),
    "phones": _fields("id contact_id account_id position is_primary kind number e164"),
    "emails": _fields("id contact_id account_id position is_primary kind address normalized"),
    "addresses": _fields(
        "id contact_id account_id position is_primary kind street extended po_box city "
        "region postal_code country label"
    ),
    "opportunities": _fields(
        "id name account_id contact_id stage_id amount currency probability "
        "expected_close closed_on lost_reason source owner notes"
    ),
    "opportunity_lines": _fields(
        "id opportunity_id product_id position description quantity unit_price discount tax_rate"
    ),
    "stage_changes": _fields("id opportunity_id from_stage_id to_stage_id changed_at amount"),
    "orders": _fields(
        "id number account_id contact_id opportunity_id ordered_on amount currency status notes"
    ),
    "order_lines": _fields(
        "id order_id product_id position description quantity unit_price discount tax_rate amount"
    ),
    "service_cases": _fields(
        "id number kind priority status account_id contact_id subject description owner "
        "opened_at due_at resolved_at resolution satisfaction"
    ),
    "satisfaction_surveys": _fields("id account_id contact_id case_id surveyed_on comment"),
    "survey_items": _fields("id survey_id position item expected perceived"),
    "activities": _fields(
        "id contact_id account_id opportunity_id case_id kind occurred_at "
        "duration_minutes subject body outcome owner"
    ),
    "calendar_events": _fields(
        "id contact_id account_id opportunity_id case_id uid title description location "
        "kind status all_day starts_at ends_at start_date end_date time_zone rrule "
        "exdates rdates series_id recurrence_id attendees owner"
    ),
    "event_reminders": _fields("id event_id minutes_before action"),
}

_CN_CHANNELS = (
    Channel.WECHAT,
    Channel.MOBILE,
    Channel.PHONE,
    Channel.EMAIL,
    Channel.VISIT,
    Channel.SMS,
    None,
)
_CN_CHANNEL_CUM = _cumulative((45, 18, 10, 12, 5, 3, 7))
_EN_CHANNELS = (
    Channel.EMAIL,
    Channel.PHONE,
    Channel.MOBILE,
    Channel.VISIT,
    Channel.LETTER,
    Channel.SMS,
    None,
)
_EN_CHANNEL_CUM = _cumulative((50, 18, 15, 5, 2, 2, 8))
_CN_MAIL = ("163.com", "126.com", "sina.com", "foxmail.com", "outlook.com")
_EN_MAIL = ("gmail.com", "outlook.com", "yahoo.com", "icloud.com", "gmx.de", "btinternet.com")
_WXID = "abcdefghijklmnopqrstuvwxyz0123456789"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")

# (kind, duration range in minutes) with weights.
_ACTIVITY_KINDS = (
    (ActivityKind.CALL, (3, 35)),
    (ActivityKind.EMAIL, None),
    (ActivityKind.VISIT, (45, 180)),
    (ActivityKind.MEETING, (30, 120)),
    (ActivityKind.NOTE, None),
    (ActivityKind.MESSAGE, None),
    (ActivityKind.TASK, None),
)
_ACTIVITY_KIND_CUM = _cumulative((30, 25, 12, 13, 10, 7, 3))
_WEEKDAY_KINDS = frozenset({ActivityKind.VISIT, ActivityKind.MEETING})
_OUTCOME_KINDS = frozenset({ActivityKind.CALL, ActivityKind.VISIT, ActivityKind.MEETING})
_EVENT_KINDS = (EventKind.VISIT, EventKind.CALL, EventKind.MEETING, EventKind.TASK, EventKind.OTHER)
_EVENT_KIND_CUM = _cumulative((25, 25, 30, 15, 5))


def _activity_texts(cn: bool) -> dict[Any, Any]:
    """Every subject, body and outcome an activity may carry, formatted once."""
    topics, docs, feedback = (
        (_TOPICS_CN, _DOCS_CN, _FEEDBACK_CN) if cn else (_TOPICS_EN, _DOCS_EN, _FEEDBACK_EN)
    )
    if cn:
        subjects = {
            ActivityKind.CALL: [f"电话沟通{t}" for t in topics]
            + [f"电话回访：{t}" for t in topics],
            ActivityKind.VISIT: ["拜访{short}"] * 4 + [f"上门拜访：{t}" for t in topics],
            ActivityKind.MEETING: [f"{t}沟通会" for t in topics]
            + ["季度业务回顾", "方案评审会", "商务谈判"],
            ActivityKind.EMAIL: [f"发送{d}" for d in docs] + [f"回复：{d}" for d in docs],
            ActivityKind.MESSAGE: [f"微信沟通{t}" for t in topics] + [f"微信发送{d}" for d in docs],
            ActivityKind.NOTE: [f"客户反馈：{f}" for f in feedback]
            + [f"备忘：{t}" for t in topics],
            ActivityKind.TASK: [f"准备{d}" for d in docs] + [f"跟进{t}" for t in topics],
        }
        bodies = [
            b.format(topic=t, feedback=f) for b in _BODIES_CN for t in topics[:4] for f in feedback
        ]
        outcomes = list(_OUTCOMES_CN)
    else:
        subjects = {
            ActivityKind.CALL: [f"Call about {t}" for t in topics]
            + [f"Follow-up call: {t}" for t in topics],
            ActivityKind.VISIT: ["Visit to {short}"] * 4 + [f"On-site visit: {t}" for t in topics],
            ActivityKind.MEETING: [f"Meeting on {t}" for t in topics]
            + ["Quarterly business review", "Solution review", "Commercial negotiation"],
            ActivityKind.EMAIL: [f"Sent {d}" for d in docs] + [f"Re: {d}" for d in docs],
            ActivityKind.MESSAGE: [f"Message about {t}" for t in topics],
            ActivityKind.NOTE: [f"Feedback: {f}" for f in feedback]
            + [f"Memo: {t}" for t in topics],
            ActivityKind.TASK: [f"Prepare {d}" for d in docs]
            + [f"Follow up on {t}" for t in topics],
        }
        bodies = [
            b.format(topic=t, feedback=f) for b in _BODIES_EN for t in topics[:4] for f in feedback
        ]
        outcomes = list(_OUTCOMES_EN)
    return {**subjects, "body": bodies, "outcome": outcomes}


def _event_texts(cn: bool) -> dict[Any, Any]:
    if cn:
        return {
            EventKind.VISIT: ["拜访{short}", "上门演示：{short}", "现场调研：{short}"],
            EventKind.CALL: ["电话回访{name}", "与{name}电话确认订单", "电话沟通续约"],
            EventKind.MEETING: [
                "方案评审会（{short}）",
                "季度业务回顾：{short}",
                "项目启动会",
                "每周项目例会（{short}）",
            ],
            EventKind.TASK: ["准备{short}报价单", "寄送样机给{name}", "整理{short}合同"],
            EventKind.OTHER: ["行业展会", "客户答谢会", "技术交流会"],
            "rooms": ["会议室A", "会议室B", "腾讯会议", "客户现场"],
            "fair": "国家会展中心",
        }
    return {
        EventKind.VISIT: ["Visit {short}", "On-site demo at {short}", "Site survey: {short}"],
        EventKind.CALL: ["Call {name}", "Confirm the order with {name}", "Renewal call"],
        EventKind.MEETING: [
            "Solution review ({short})",
            "Quarterly review: {short}",
            "Project kick-off",
            "Weekly project check-in ({short})",
        ],
        EventKind.TASK: [
            "Prepare the quote for {short}",
            "Ship demo unit to {name}",
            "Contract paperwork for {short}",
        ],
        EventKind.OTHER: ["Trade fair", "Customer appreciation day", "Tech day"],
        "rooms": ["Meeting room 1", "Teams", "Zoom", "Customer site"],
        "fair": "Exhibition centre",
    }
