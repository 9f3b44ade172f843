"""The SQLite FTS5 index over contacts and accounts, and the query language typed into it.

SQLite's unicode61 tokenizer keeps a run of Han characters as one token, so the indexed text
spaces Han characters apart (a query for 朝阳 becomes the phrase "朝 阳") and adds pinyin and
initials for names (张三 is also indexed as zhangsan, zs, zhang, san). Phone numbers are indexed
as every digit suffix of length >= 3, so a prefix query finds any fragment of a number.
An underscore joins its neighbours into one token: an identifier such as the WeChat ID
wxid_zszjvfkueae1z6 is one word, so its random tail does not answer a search for the initials
zs. A caller-ID form of a number (+86 139…, 0086 139…) is also looked up without its country
code. `search_refs` maps a stable integer rowid to each entity's UUID so a row can be re-indexed
without scanning the index.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import re
import unicodedata
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import BindParameter, Connection, bindparam, event, select, text
from sqlalchemy.orm import Session, UOWTransaction

from crmdesk.models.customers import (
    Account,
    Address,
    Contact,
    Email,
    Phone,
    Tag,
    account_tags,
    contact_tags,
)
from crmdesk.models.names import _CJK, name_search_terms, pinyin_search_terms, pinyin_syllables
from crmdesk.models.service import Solution
from crmdesk.store.statements import insert_rows

CONTACT, ACCOUNT, SOLUTION = "contact", "account", "solution"
MIN_PHONE_FRAGMENT = 3
# The way the index's tokens are made; raise it when they change, and every file's index is
# rebuilt once on open (db.DERIVED_DATA records what a file follows). 2: underscores join.
TOKENS_VERSION = 2
_CHUNK = 500

DDL = (
    "CREATE TABLE IF NOT EXISTS search_refs ("
    " rowid INTEGER PRIMARY KEY, entity TEXT NOT NULL, ref CHAR(32) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    " body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
)
DROP = ("DROP TABLE IF EXISTS search_fts", "DROP TABLE IF EXISTS search_refs")

_SEPARATORS = re.compile(r"[^\w]+", re.UNICODE)


def spaced(text_: str) -> str:
    """Text as the tokenizer should see it: folded, Han characters one token each.

    The same as `_CJK.sub(" c ", names.fold(text_))`, in one `str.translate` pass (a rebuild
    spaces millions of characters). Underscores go, joining an identifier into one token."""
    decomposed = unicodedata.normalize("NFKD", text_.casefold())
    if decomposed.isascii():
        return decomposed.replace("_", "") if "_" in decomposed else decomposed
    return decomposed.translate(_SPACING)


class _SpacingTable(dict[int, int | str | None]):
    """What `spaced` turns each character into, worked out the first time it is met: combining
    marks go (as `names.fold` drops them), Han characters get a space either side."""

    def __missing__(self, code: int) -> int | str | None:
        char = chr(code)
        if unicodedata.combining(char) or char == "_":
            value: int | str | None = None
        elif _CJK.fullmatch(char):
            value = f" {char} "
        else:
            value = code
        self[code] = value
        return value


_SPACING = _SpacingTable()


def phone_fragments(number: str) -> list[str]:
    digits = re.sub(r"\D", "", number)
    return [digits[i:] for i in range(len(digits) - MIN_PHONE_FRAGMENT + 1)]


_NUMBER = re.compile(r"[\d+\-().]*\d[\d+\-().]*")


def match_expression(query: str) -> str | None:
    """FTS5 MATCH text for what a user typed: every word must match, the last token of each as
    a prefix; Han runs become phrases. None when nothing searchable was typed."""
    phrases = []
    for word in _words(query):
        if _NUMBER.fullmatch(word):
            phrases.append(_number_phrase(word))
            continue
        tokens = [t for tok in _SEPARATORS.split(spaced(word)) for t in tok.split() if t]
        if tokens:
            phrases.append('"' + " ".join(tokens) + '"*')
    return " AND ".join(phrases) or None


def _words(query: str) -> list[str]:
    """The words typed, a number written in groups after an international prefix
    ("+86 139 6022 8111") taken as one."""
    words: list[str] = []
    for word in query.split():
        if words and _NUMBER.fullmatch(word) and _international(words[-1]):
            words[-1] += word
        else:
            words.append(word)
    return words


def _international(word: str) -> bool:
    return bool(_NUMBER.fullmatch(word)) and word.startswith(("+", "00"))


# A number after 00 is read as a caller ID only when it is as long as one (0086 139…); a
# shorter one ("0013", "0001") is a fragment of a number, as the user typed it.
MIN_INTERNATIONAL_DIGITS = 8


def _number_phrase(word: str) -> str:
    """A number's digits as a prefix; a caller-ID form (+8613960228111, 008613960228111) also
    without its country code, as the number may be stored the way it is dialled at home."""
    digits = re.sub(r"\D", "", word)
    if word.startswith("+"):
        forms = [digits, _national_number(digits)]
    elif word.startswith("00") and len(digits) - 2 >= MIN_INTERNATIONAL_DIGITS:
        forms = [digits, digits[2:], _national_number(digits[2:])]  # "+86 139…" as indexed
    else:
        forms = [digits]
    phrases = [f'"{form}"*' for form in dict.fromkeys(forms) if form]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


def _national_number(digits: str) -> str:
    """The digits after a country calling code ("8613960228111" -> "13960228111"), "" when they
    start with none or too few follow. Calling codes are prefix-free: the first found is it."""
    codes = _calling_codes()
    for length in (1, 2, 3):
        if digits[:length] in codes:  # too short a rest would find every number
            rest = digits[length:]
            return rest if len(rest) >= MIN_PHONE_FRAGMENT else ""
    return ""


@functools.cache
def _calling_codes() -> frozenset[str]:
    from phonenumbers import COUNTRY_CODE_TO_REGION_CODE  # 40 ms; only a caller ID needs it

    return frozenset(str(code) for code in COUNTRY_CODE_TO_REGION_CODE)


def body(parts: Iterable[str]) -> str:
    """An entry's text: the parts spaced and joined. Spaced in one pass, the same as joining
    each part's spaced form: folding works character by character and a space never combines
    with its neighbours."""
    return spaced(" ".join(p for p in parts if p))


ADDRESS_TEXT = ("street", "city", "region", "postal_code", "country")  # what is indexed of one
# The contact columns an entry holds, in its order: the names, then the rest after the account's.
CONTACT_NAMES = (
    "family_name",
    "given_name",
    "middle_name",
    "nickname",
    "phonetic_family_name",
    "phonetic_given_name",
)
CONTACT_DETAILS = ("organization", "title", "department", "wechat", "notes")
ACCOUNT_DETAILS = ("code", "industry", "owner", "website", "notes")


def points_text(
    phones: Iterable[str],
    emails: Iterable[str],
    addresses: Iterable[Iterable[str]],
    tags: Iterable[str],
) -> list[str]:
    """The parts of an entry that come from a record's phones (each with its digit fragments),
    e-mails, addresses (ADDRESS_TEXT parts each) and tag names."""
    parts: list[str] = []
    for number in phones:
        parts += [number, *phone_fragments(number)]
    parts += emails
    for address in addresses:
        parts += address
    parts += tags
    return parts


def contact_body(contact: Mapping[str, Any], account_name: str, points: list[str]) -> str:
    """A contact's entry: its columns (CONTACT_NAMES, CONTACT_DETAILS), its account's name, the
    names' pinyin and initials, and `points_text` of its phones, e-mails, addresses and tags.
    The one composition of it, whether the values come from the database or from an import."""
    family, given = contact["family_name"], contact["given_name"]
    return body(
        [
            *(contact[k] for k in CONTACT_NAMES),
            account_name,
            *name_search_terms(family, given),
            *pinyin_search_terms(account_name),
            *(contact[k] for k in CONTACT_DETAILS),
            *points,
        ]
    )


def account_body(account: Mapping[str, Any], points: list[str]) -> str:
    """An account's entry: its name with pinyin, ACCOUNT_DETAILS and its `points_text`."""
    name = account["name"]
    return body([name, *pinyin_search_terms(name), *(account[k] for k in ACCOUNT_DETAILS), *points])


class _Points:
    """The phones, e-mails, addresses and tags of one owner, as read for its entry."""

    __slots__ = ("addresses", "emails", "phones", "tags")

    def __init__(self) -> None:
        self.phones: list[str] = []
        self.emails: list[str] = []
        self.addresses: list[tuple[str, ...]] = []
        self.tags: list[str] = []

    def text(self) -> list[str]:
        return points_text(self.phones, self.emails, self.addresses, self.tags)


def _contact_points(
    conn: Connection, owner_col: str, ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, _Points]:
    """Phones, emails, addresses and tags of the given owners, gathered per owner.

    Deleted points are skipped here rather than in SQL: given `deleted_at IS NULL`, SQLite
    (without statistics) picks the deleted_at index, which every live row matches, over the
    owner index, and reads every phone, email and address for each batch of owners."""
    points: dict[uuid.UUID, _Points] = defaultdict(_Points)
    ids_param: BindParameter[Any] = bindparam("ids", expanding=True)
    ph, em, ad = Phone.__table__, Email.__table__, Address.__table__
    for owner, deleted, number in conn.execute(
        select(ph.c[owner_col], ph.c.deleted_at, ph.c.number).where(ph.c[owner_col].in_(ids_param)),
        {"ids": ids},
    ):
        if deleted is None:
            points[owner].phones.append(number)
    for owner, deleted, address in conn.execute(
        select(em.c[owner_col], em.c.deleted_at, em.c.address).where(
            em.c[owner_col].in_(ids_param)
        ),
        {"ids": ids},
    ):
        if deleted is None:
            points[owner].emails.append(address)
    for owner, deleted, *parts in conn.execute(
        select(ad.c[owner_col], ad.c.deleted_at, *(ad.c[p] for p in ADDRESS_TEXT)).where(
            ad.c[owner_col].in_(ids_param)
        ),
        {"ids": ids},
    ):
        if deleted is None:
            points[owner].addresses.append(tuple(parts))
    link = contact_tags if owner_col == "contact_id" else account_tags
    tg = Tag.__table__
    for owner, name in conn.execute(
        select(link.c[owner_col], tg.c.name)
        .join(tg, tg.c.id == link.c.tag_id)
        .where(link.c[owner_col].in_(ids_param)),
        {"ids": ids},
    ):
        points[owner].tags.append(name)
    return points


def _contact_bodies(conn: Connection, ids: Sequence[uuid.UUID]) -> Iterator[tuple[uuid.UUID, str]]:
    c, a = Contact.__table__, Account.__table__
    points = _contact_points(conn, "contact_id", ids)
    columns = (*CONTACT_NAMES, *CONTACT_DETAILS)
    rows = conn.execute(
        select(c.c.id, a.c.name, *(c.c[k] for k in columns))
        .outerjoin(a, a.c.id == c.c.account_id)
        .where(c.c.id.in_(bindparam("ids", expanding=True))),
        {"ids": ids},
    )
    for cid, account_name, *values in rows:
        found = points.get(cid)
        contact = dict(zip(columns, values, strict=True))
        yield cid, contact_body(contact, account_name or "", found.text() if found else [])


def _account_bodies(conn: Connection, ids: Sequence[uuid.UUID]) -> Iterator[tuple[uuid.UUID, str]]:
    a = Account.__table__
    points = _contact_points(conn, "account_id", ids)
    columns = ("name", *ACCOUNT_DETAILS)
    rows = conn.execute(
        select(a.c.id, *(a.c[k] for k in columns)).where(
            a.c.id.in_(bindparam("ids", expanding=True))
        ),
        {"ids": ids},
    )
    for aid, *values in rows:
        found = points.get(aid)
        yield (
            aid,
            account_body(dict(zip(columns, values, strict=True)), found.text() if found else []),
        )


SOLUTION_TEXT = ("title", "problem", "cause", "fix", "products")
# A pinyin word is indexed from each Han character for this many syllables, so a typed word
# (dayinji for 打印机) is a prefix of one of them wherever it starts in the text.
PINYIN_WORD_SYLLABLES = 6
_HAN_RUN = re.compile(f"(?:{_CJK.pattern})+")


def han_pinyin_words(text_: str) -> list[str]:
    """For each Han character, the toneless pinyin of it and the characters after it (up to
    PINYIN_WORD_SYLLABLES), run together: what a pinyin search of running text matches."""
    words: list[str] = []
    for run in _HAN_RUN.findall(text_):
        syllables = pinyin_syllables(run)
        words += [
            "".join(syllables[i : i + PINYIN_WORD_SYLLABLES]) for i in range(len(syllables))
        ]
    return words


def solution_body(solution: Mapping[str, Any]) -> str:
    """A solution's entry: its texts, and the pinyin of its title and problem."""
    return body(
        [
            *(solution[k] for k in SOLUTION_TEXT),
            *han_pinyin_words(f"{solution['title']} {solution['problem']}"),
        ]
    )


def _solution_bodies(
    conn: Connection, ids: Sequence[uuid.UUID]
) -> Iterator[tuple[uuid.UUID, str]]:
    s = Solution.__table__
    rows = conn.execute(
        select(s.c.id, *(s.c[k] for k in SOLUTION_TEXT)).where(
            s.c.id.in_(bindparam("ids", expanding=True))
        ),
        {"ids": ids},
    )
    for sid, *values in rows:
        yield sid, solution_body(dict(zip(SOLUTION_TEXT, values, strict=True)))


_BODIES = {CONTACT: _contact_bodies, ACCOUNT: _account_bodies, SOLUTION: _solution_bodies}
_TABLES = ((CONTACT, Contact.__table__), (ACCOUNT, Account.__table__),
           (SOLUTION, Solution.__table__))  # fmt: skip


def _reindex_solutions(session: Session, _ctx: UOWTransaction) -> None:
    """Solutions written through the ORM are indexed in the same transaction (whoever writes
    them: the service, an undo)."""
    touched = {
        obj.id
        for obj in (*session.new, *session.dirty, *session.deleted)
        if isinstance(obj, Solution)
    }
    if touched:
        reindex(session.connection(), SOLUTION, touched)


event.listen(Session, "after_flush", _reindex_solutions)


def reindex(conn: Connection, entity: str, ids: Iterable[uuid.UUID]) -> None:
    """Bring the index up to date for these rows (inserted, edited or gone)."""
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        refs = [i.hex for i in chunk]
        old = conn.execute(
            text("SELECT rowid FROM search_refs WHERE ref IN :refs").bindparams(
                bindparam("refs", expanding=True)
            ),
            {"refs": refs},
        )
        old_rowids = [r for (r,) in old]
        if old_rowids:
            for stmt in (
                "DELETE FROM search_fts WHERE rowid IN :r",
                "DELETE FROM search_refs WHERE rowid IN :r",
            ):
                conn.execute(
                    text(stmt).bindparams(bindparam("r", expanding=True)), {"r": old_rowids}
                )
        add_entries(conn, ((entity, ref, text_) for ref, text_ in _BODIES[entity](conn, chunk)))


def add_entries(conn: Connection, entries: Iterable[tuple[str, uuid.UUID, str]]) -> None:
    """Index rows that have no entry yet: (entity, id, text) each.

    Entries are numbered here, after the highest in use (as SQLite would number them), so that
    many go in two multi-row statements instead of two statements an entry."""
    rowid = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM search_refs").scalar_one()
    refs, bodies = [], []
    for entity, ref, text_ in entries:
        rowid += 1
        refs.append((rowid, entity, ref.hex))
        bodies.append((rowid, text_))
    insert_rows(conn, "search_refs", ("rowid", "entity", "ref"), refs)
    insert_rows(conn, "search_fts", ("rowid", "body"), bodies)


# FTS5 settings while many entries go in one transaction, and FTS5's own defaults to return to.
# No automatic merging (segments are merged as later writes come, and a crisis merge still
# bounds their number) and an 8 MB buffer of pending terms: a 100k-row import indexes in half
# the time (1.8 vs 3.7 s), and queries right after it are as fast as before.
_BULK_SETTINGS = {"automerge": 0, "hashsize": 8 << 20}
_DEFAULT_SETTINGS = {"automerge": 4, "hashsize": 1 << 20}


@contextlib.contextmanager
def bulk_loading(conn: Connection) -> Iterator[None]:
    """Index many entries in the caller's transaction (settings back as they were after)."""
    before: dict[str, Any] = dict(
        conn.exec_driver_sql(
            "SELECT k, v FROM search_fts_config WHERE k IN ('automerge', 'hashsize')"
        ).all()
    )
    restored = {k: before.get(k, v) for k, v in _DEFAULT_SETTINGS.items()}
    _configure(conn, _BULK_SETTINGS)
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):  # the caller rolls back, the settings with it
            _configure(conn, restored)
        raise
    _configure(conn, restored)


def _configure(conn: Connection, settings: dict[str, int]) -> None:
    for name, value in settings.items():
        conn.exec_driver_sql(
            "INSERT INTO search_fts (search_fts, rank) VALUES (?, ?)", (name, value)
        )


def rebuild(conn: Connection, progress: Callable[[int, int], None] | None = None) -> None:
    """Re-create the whole index from the tables (after a bulk load or a migration).

    `progress(done, total)` hears of every chunk of contacts, accounts and solutions indexed
    (and may raise to stop)."""
    for stmt in (*DROP, *DDL):
        conn.execute(text(stmt))
    work = [
        (entity, [i for (i,) in conn.execute(select(table.c.id))])
        for entity, table in _TABLES
    ]
    total = sum(len(ids) for _, ids in work)
    done = 0
    for entity, ids in work:
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            add_entries(conn, ((entity, ref, text_) for ref, text_ in _BODIES[entity](conn, chunk)))
            done += len(chunk)
            if progress is not None:
                progress(done, total)


def matching_ids_sql(entity: str) -> str:
    """SQL giving the entity's matching UUID hex refs for a :match parameter."""
    return (
        "SELECT ref FROM search_refs WHERE entity = '" + entity + "' AND rowid IN "
        "(SELECT rowid FROM search_fts WHERE search_fts MATCH :match)"
    )


def ranked_refs(conn: Connection, entity: str, match: str, limit: int) -> list[uuid.UUID]:
    """The entity's ids matching an FTS5 expression, best match (bm25) first."""
    rows = conn.execute(
        text(
            "SELECT r.ref FROM search_fts f JOIN search_refs r ON r.rowid = f.rowid"
            " WHERE search_fts MATCH :match AND r.entity = :entity ORDER BY f.rank LIMIT :limit"
        ),
        {"match": match, "entity": entity, "limit": limit},
    )
    return [uuid.UUID(hex=ref) for (ref,) in rows]


MAX_SUGGESTION_TERMS = 24


def suggestion_expression(text_: str) -> str | None:
    """An FTS5 expression that finds entries sharing any word with `text_` (a subject being
    typed): each pair of neighbouring Han characters, each other word of 3+ letters as a
    prefix, joined by OR so the best-ranked share the most. None when there is nothing."""
    terms: list[str] = []
    for run in _HAN_RUN.findall(text_):
        chars = [spaced(c).strip() for c in run]
        if len(chars) == 1:
            terms.append(f'"{chars[0]}"')
        terms += [f'"{a} {b}"' for a, b in itertools.pairwise(chars)]
    for word in _SEPARATORS.split(spaced(_HAN_RUN.sub(" ", text_))):
        if len(word) >= 3:
            terms.append(f'"{word}"*')
    unique = list(dict.fromkeys(terms))[:MAX_SUGGESTION_TERMS]
    return " OR ".join(unique) or None
