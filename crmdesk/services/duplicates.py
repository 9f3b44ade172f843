"""Duplicate contacts: candidates over the whole database, and matches for incoming records.

Comparing every pair of 100k contacts is 5·10⁹ comparisons, so candidates come from *blocking*:
only contacts that share a normalised key are compared. The keys are

- the phone's E.164 form (138 0013 8000 and +86 13800138000 are one number),
- the normalised email address,
- a name key that makes 张三, "Zhang San", "San Zhang" and "zhangsan" equal (pinyin for Han
  names, folded Latin otherwise, family and given name in either order),
- a phonetic key for Latin spellings (Soundex of each name token, sorted), so "Jon Smith" meets
  "John Smith" and "Smyth" meets "Smith"; rapidfuzz then scores how close the names are.

A key shared by very many contacts (a switchboard number, 王伟) says little; such a block is split
by a second key instead of being compared all with all. Since a name alone never makes two
contacts duplicates (see the weights below), name blocks are split by organisation, account and
birthday whenever the threshold is above what a name alone can score.

Scores (0–100): same phone 40, same email 45, same name 40 (near-identical spelling 40, similar
30 or 15; clearly different names −30), same account or organisation 20, same birthday 20.
DUPLICATE_MIN_SCORE = 60 means: a shared phone or email plus a matching name, or the same name at
the same organisation or with the same birthday. Two people who only share a common name (40)
are not grouped; neither are two colleagues who only share a switchboard (40 + 20 − 30).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import uuid
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any, Protocol

from rapidfuzz.fuzz import ratio, token_sort_ratio
from sqlalchemy import ColumnElement, Row, String, and_, func, select, type_coerce
from sqlalchemy.orm import Session

from crmdesk.core.gc_pause import without_gc
from crmdesk.models import Account, Contact, Email, Phone
from crmdesk.models.names import (
    display_name,
    family_name_syllables,
    fold,
    has_cjk,
    name_sort_key,
    pinyin_syllables,
)
from crmdesk.models.names import split_full_name as _split_full_name
from crmdesk.services.normalize import normalize_email, phone_e164
from crmdesk.store.value_lists import bound, in_listed, listed, listed_text

PHONE_POINTS = 40
EMAIL_POINTS = 45
NAME_POINTS = 40  # same name key, or a spelling at least NEAR_NAME similar
NEAR_NAME, NEAR_NAME_POINTS = 92, 40
SIMILAR_NAME, SIMILAR_NAME_POINTS = 85, 30
RELATED_NAME, RELATED_NAME_POINTS = 70, 15
DIFFERENT_NAME, DIFFERENT_NAME_POINTS = 50, -30
ORGANIZATION_POINTS = 20
BIRTHDAY_POINTS = 20

DUPLICATE_MIN_SCORE = 60  # find_duplicates: worth a merge review
POSSIBLE_MIN_SCORE = 40  # match_incoming: at least "possibly the same person"
MAX_BLOCK = 100  # a key shared by more contacts than this is split by a second key
_CHUNK = 500


class Reason(StrEnum):
    PHONE = "same_phone"
    EMAIL = "same_email"
    NAME = "same_name"
    SIMILAR_NAME = "similar_name"
    ACCOUNT = "same_account"
    ORGANIZATION = "same_organization"
    BIRTHDAY = "same_birthday"


_STRONG_EVIDENCE = frozenset({Reason.PHONE, Reason.EMAIL})
_ORG_REASONS = frozenset({Reason.ACCOUNT, Reason.ORGANIZATION})
_NAME_REASONS = frozenset({Reason.NAME, Reason.SIMILAR_NAME})


@dataclass(frozen=True)
class DuplicateMember:
    id: uuid.UUID
    name: str
    organization: str


@dataclass(frozen=True)
class DuplicatePair:
    a: uuid.UUID
    b: uuid.UUID
    score: int
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class DuplicateGroup:
    """Contacts that look like one person: oldest first (the suggested survivor)."""

    members: tuple[DuplicateMember, ...]
    score: int  # the best pair's score
    reasons: tuple[Reason, ...]  # every reason any pair in the group has
    pairs: tuple[DuplicatePair, ...]  # the pairs that scored at least the threshold

    @property
    def ids(self) -> tuple[uuid.UUID, ...]:
        return tuple(m.id for m in self.members)


@dataclass(frozen=True)
class Match:
    """The existing contact an incoming record most likely duplicates."""

    index: int  # position of the record in the list given to match_incoming
    contact_id: uuid.UUID
    name: str
    score: int
    reasons: tuple[Reason, ...]
    strong: bool  # same phone, same email, or the same name at the same organisation


class IncomingContact(Protocol):
    """What match_incoming reads from a record (interop.records.ContactRecord has it all)."""

    family_name: str
    given_name: str
    phones: Sequence[Any]  # str or objects with .number
    emails: Sequence[Any]  # str or objects with .address


# --- keys -----------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\w]+")
_SOUNDEX = {c: d for d, cs in (("1", "bfpv"), ("2", "cgjkqsxz"), ("3", "dt"), ("4", "l"),
                               ("5", "mn"), ("6", "r")) for c in cs}  # fmt: skip


@lru_cache(maxsize=200_000)
def _part_tokens(part: str, family: bool = False) -> tuple[str, ...]:
    """One name part as comparable tokens: a Han part is one pinyin token (张 -> zhang, 小明 ->
    xiaoming, family name 曾 -> zeng), a Latin part its folded words (Mary-Ann -> mary, ann)."""
    if has_cjk(part):
        syllables = family_name_syllables(part) if family else pinyin_syllables(part)
        return ("".join(syllables),) if syllables else ()
    return tuple(w for w in _WORDS.split(fold(part)) if w and w != "_")


@lru_cache(maxsize=200_000)
def phonetic(token: str) -> str:
    """Soundex with C/K/Q folded together: jon, john -> J500; smith, smyth -> S530."""
    letters = [c for c in token if "a" <= c <= "z"]
    if not letters:
        return token
    first = "k" if letters[0] in "cq" else letters[0]
    out, prev = [], _SOUNDEX.get(letters[0], "")
    for c in letters[1:]:
        digit = _SOUNDEX.get(c, "")
        if digit and digit != prev:
            out.append(digit)
        if c not in "hw":
            prev = digit
    return (first.upper() + "".join(out) + "000")[:4]


@lru_cache(maxsize=100_000)
def _org_key(text: str) -> str:
    return "".join(w for w in _WORDS.split(fold(text)) if w)


def split_name(family: str, given: str, formatted: str = "") -> tuple[str, str]:
    """(family, given), splitting a single-field name: 张三 -> (张, 三), 'John Smith' -> (Smith,
    John); a structured Latin name stays as typed."""
    family, given = family.strip(), given.strip()
    if not family and not given and formatted.strip():
        return _split_full_name(formatted)
    if not family and has_cjk(given) and " " not in given:
        return _split_full_name(given)
    if not given and has_cjk(family) and " " not in family and len(family) > 1:
        return _split_full_name(family)
    return family, given


class _Person:
    """What two contacts are compared on."""

    __slots__ = ("account", "birthday", "emails", "keys", "orgs", "phones", "sound", "tokens")

    def __init__(
        self,
        family: str,
        given: str,
        organization: str = "",
        account_id: uuid.UUID | None = None,
        account_name: str = "",
        birthday: dt.date | None = None,
    ) -> None:
        self.tokens, self.keys, self.sound = _name_shape(family, given)
        org, account = _org_key(organization), _org_key(account_name)
        self.orgs: tuple[str, ...] = tuple(k for k in {org, account} if k)
        self.account = account_id
        self.birthday = birthday
        self.phones: frozenset[str] = _NONE
        self.emails: frozenset[str] = _NONE


_NONE: frozenset[str] = frozenset()


def forget_names() -> None:
    """Empty the caches of names' tokens, shapes and organisation keys: they pay within a
    matching run (a scan, an import's preview), where names repeat; kept after it they held
    ~20 MB for as long as the app ran, and the 100k-row import's peak with them."""
    for cached in (_part_tokens, phonetic, _org_key, _name_shape):
        cached.cache_clear()


# Imports and scans repeat names a lot. The cache stays small: common names stay in it, and on
# a 100k-row import 20k entries are as fast as 100k with 60 MB less held.
@lru_cache(maxsize=20_000)
def _name_shape(family: str, given: str) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """A name's tokens (family first), keys and sound; cached, as a scan or an import meets
    the same names (王伟, John Smith) over and over."""
    family, given = split_name(family, given)
    tokens = _part_tokens(family, family=True) + _part_tokens(given)
    if not tokens:
        return (), (), ""
    return tokens, _name_keys(tokens), "".join(sorted(phonetic(t) for t in tokens))


def _name_keys(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The name in any order ('sanzhang') and family-first without spaces ('zhangsan')."""
    in_order, any_order = "".join(tokens), "".join(sorted(tokens))
    return (in_order,) if in_order == any_order else (any_order, in_order)


def _name_points(a: _Person, b: _Person) -> tuple[int, Reason | None]:
    if not a.keys or not b.keys:
        return 0, None
    if not set(a.keys).isdisjoint(b.keys):
        return NAME_POINTS, Reason.NAME
    similarity = max(
        token_sort_ratio(" ".join(a.tokens), " ".join(b.tokens)),
        ratio("".join(a.tokens), "".join(b.tokens)),
    )
    if similarity >= NEAR_NAME:
        return NEAR_NAME_POINTS, Reason.SIMILAR_NAME
    if similarity >= SIMILAR_NAME:
        return SIMILAR_NAME_POINTS, Reason.SIMILAR_NAME
    if similarity >= RELATED_NAME:
        return RELATED_NAME_POINTS, Reason.SIMILAR_NAME
    if similarity < DIFFERENT_NAME:
        return DIFFERENT_NAME_POINTS, None
    return 0, None


def score_pair(a: _Person, b: _Person) -> tuple[int, tuple[Reason, ...]]:
    """0–100 and the reasons: see the module docstring for the weights."""
    score, reasons = 0, []
    if a.phones and not a.phones.isdisjoint(b.phones):
        score += PHONE_POINTS
        reasons.append(Reason.PHONE)
    if a.emails and not a.emails.isdisjoint(b.emails):
        score += EMAIL_POINTS
        reasons.append(Reason.EMAIL)
    points, reason = _name_points(a, b)
    score += points
    if reason:
        reasons.append(reason)
    if a.account is not None and a.account == b.account:
        score += ORGANIZATION_POINTS
        reasons.append(Reason.ACCOUNT)
    elif a.orgs and not set(a.orgs).isdisjoint(b.orgs):
        score += ORGANIZATION_POINTS
        reasons.append(Reason.ORGANIZATION)
    if a.birthday is not None and a.birthday == b.birthday:
        score += BIRTHDAY_POINTS
        reasons.append(Reason.BIRTHDAY)
    return max(0, min(100, score)), tuple(reasons)


def _is_strong(reasons: Iterable[Reason]) -> bool:
    found = set(reasons)
    if found & _STRONG_EVIDENCE:
        return True
    return bool(found & _NAME_REASONS) and bool(found & _ORG_REASONS)


def _secondary_keys(p: _Person) -> list[Hashable]:
    keys: list[Hashable] = [("o", o) for o in p.orgs]
    if p.account is not None:
        keys.append(("a", p.account))
    if p.birthday is not None:
        keys.append(("b", p.birthday))
    return keys


def _name_block_keys(p: _Person) -> list[Hashable]:
    # name keys are lower case, phonetic ones upper case: one dictionary holds both
    return [*p.keys, p.sound] if p.sound else list(p.keys)


# --- the whole-database scan ----------------------------------------------------------------


class _Pairs:
    """Candidate pairs from blocks, as i * n + j integers (i < j) to keep 100k contacts small."""

    def __init__(self, persons: list[_Person]) -> None:
        self.persons, self.n = persons, len(persons)
        self.codes: set[int] = set()

    def block(
        self,
        members: Iterable[int],
        refine: Callable[[_Person], list[Hashable]] | None = None,
        limit: int | None = None,
    ) -> None:
        """Pair up a block's members; split a block over `limit` by the `refine` keys (a part
        still over twice the limit is dropped: its key says nothing about identity)."""
        unique = sorted(set(members))
        if len(unique) < 2:
            return
        limit = MAX_BLOCK if limit is None else limit
        if len(unique) <= limit:
            n = self.n
            self.codes.update(i * n + j for i, j in itertools.combinations(unique, 2))
            return
        if refine is None:
            return
        sub: dict[Hashable, list[int]] = defaultdict(list)
        for i in unique:
            for key in refine(self.persons[i]):
                sub[key].append(i)
        for part in sub.values():
            self.block(part, None, 2 * limit)


def _report(progress: Callable[[int, int], None] | None, done: int) -> None:
    if progress is not None:
        progress(done, 100)


@without_gc
def find_duplicates(
    session: Session,
    min_score: int = DUPLICATE_MIN_SCORE,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[DuplicateGroup]:
    """Groups of live contacts that look like one person, best first.

    Reads only the columns it needs, with Core selects in chunks. `progress(done, 100)` is
    called as it goes; when `cancelled()` turns true it stops and returns [].
    """
    try:
        return _find_groups(session, min_score, progress, cancelled)
    finally:
        forget_names()


def _find_groups(
    session: Session,
    min_score: int,
    progress: Callable[[int, int], None] | None,
    cancelled: Callable[[], bool] | None,
) -> list[DuplicateGroup]:
    is_cancelled = cancelled or (lambda: False)
    ids: list[Any] = []  # keys as stored (no UUID objects for 100k rows); see _as_uuid
    persons: list[_Person] = []
    total = session.scalar(select(func.count(Contact.id)).where(Contact.deleted_at.is_(None))) or 0
    stmt = (
        select(
            _raw(Contact.id),
            Contact.family_name,
            Contact.given_name,
            Contact.organization,
            _raw(Contact.account_id),
            Account.name,
            _raw(Contact.birthday),
        )
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.deleted_at.is_(None))
        .order_by(Contact.id)
        .execution_options(yield_per=5000)
    )
    for partition in session.execute(stmt).partitions():
        for cid, family, given, org, account_id, account_name, birthday in partition:
            ids.append(cid)
            persons.append(_Person(family, given, org, account_id, account_name or "", birthday))
        _report(progress, 40 * len(ids) // max(total, 1))
        if is_cancelled():
            return []
    index = {cid: i for i, cid in enumerate(ids)}
    pairs = _Pairs(persons)

    for model, column, attr in ((Phone, Phone.e164, "phones"), (Email, Email.normalized, "emails")):
        shared = _shared_values(session, model, column)
        values: dict[int, set[str]] = defaultdict(set)
        for value, members in shared.items():
            idx = [index[c] for c in members if c in index]
            for i in idx:
                values[i].add(value)
            pairs.block(idx, _name_block_keys)
        for i, found in values.items():
            setattr(persons[i], attr, frozenset(found))
        _report(progress, 45 if attr == "phones" else 50)
        if is_cancelled():
            return []

    name_alone_may_do = min_score <= NAME_POINTS
    name_blocks: dict[Hashable, list[int]] = defaultdict(list)
    for i, p in enumerate(persons):
        for key in _name_block_keys(p):
            name_blocks[key].append(i)
    for members in name_blocks.values():
        if len(members) < 2:
            continue
        if name_alone_may_do:
            pairs.block(members, _secondary_keys)
        else:  # a name alone cannot reach min_score: only compare within org/account/birthday
            sub: dict[Hashable, list[int]] = defaultdict(list)
            for i in members:
                for key in _secondary_keys(persons[i]):
                    sub[key].append(i)
            for part in sub.values():
                pairs.block(part, None, 2 * MAX_BLOCK)
    del name_blocks
    _report(progress, 60)
    if is_cancelled():
        return []

    edges: list[tuple[int, int, int, tuple[Reason, ...]]] = []
    n, codes = len(persons), pairs.codes
    for done, code in enumerate(codes, 1):
        i, j = divmod(code, n)
        score, reasons = score_pair(persons[i], persons[j])
        if score >= min_score:
            edges.append((i, j, score, reasons))
        if done % 20000 == 0:
            _report(progress, 60 + 35 * done // len(codes))
            if is_cancelled():
                return []
    groups = _groups(session, ids, edges)
    _report(progress, 100)
    return groups


def _raw(column: Any) -> Any:
    """A column read as stored: equality is all the scan needs, and skipping the conversion to
    UUID and date objects saves a good part of its time and memory."""
    return type_coerce(column, String)


def _as_uuid(value: Any) -> uuid.UUID:
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def _shared_values(session: Session, model: Any, column: Any) -> dict[str, list[Any]]:
    """value -> live contacts, for phone/email values that two or more live contacts share."""
    live = (
        select(column.label("value"), _raw(model.contact_id).label("contact_id"))
        .join(Contact, Contact.id == model.contact_id)
        .where(model.deleted_at.is_(None), Contact.deleted_at.is_(None), column != "")
        .subquery()
    )
    shared = (
        select(live.c.value)
        .group_by(live.c.value)
        .having(func.count(func.distinct(live.c.contact_id)) > 1)
    )
    out: dict[str, list[Any]] = defaultdict(list)
    rows = session.execute(
        select(live.c.value, live.c.contact_id)
        .where(live.c.value.in_(shared))
        .execution_options(yield_per=5000)
    )
    for value, contact_id in rows:
        out[value].append(contact_id)
    return out


def _groups(
    session: Session, raw_ids: list[Any], edges: list[tuple[int, int, int, tuple[Reason, ...]]]
) -> list[DuplicateGroup]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _score, _reasons in edges:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    by_root: dict[int, list[tuple[int, int, int, tuple[Reason, ...]]]] = defaultdict(list)
    for edge in edges:
        by_root[root(edge[0])].append(edge)
    members = sorted({i for edge in edges for i in edge[:2]})
    ids = {i: _as_uuid(raw_ids[i]) for i in members}
    names = _member_names(session, list(ids.values()))
    groups = []
    for group_edges in by_root.values():
        idx = sorted({i for edge in group_edges for i in edge[:2]})
        reasons = {r for edge in group_edges for r in edge[3]}
        groups.append(
            DuplicateGroup(
                members=tuple(names[ids[i]] for i in idx),
                score=max(edge[2] for edge in group_edges),
                reasons=tuple(r for r in Reason if r in reasons),
                pairs=tuple(
                    DuplicatePair(ids[i], ids[j], score, reasons)
                    for i, j, score, reasons in sorted(group_edges)
                ),
            )
        )
    groups.sort(key=lambda g: (-g.score, g.members[0].name, g.members[0].id))
    return groups


def _member_names(session: Session, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, DuplicateMember]:
    out = {}
    for start in range(0, len(ids), _CHUNK):
        for cid, family, given, middle, org, account in session.execute(
            select(
                Contact.id,
                Contact.family_name,
                Contact.given_name,
                Contact.middle_name,
                Contact.organization,
                Account.name,
            )
            .outerjoin(Account, Account.id == Contact.account_id)
            .where(Contact.id.in_(ids[start : start + _CHUNK]))
        ):
            organization = org or account or ""
            out[cid] = DuplicateMember(
                cid, display_name(family, given, middle) or org, organization
            )
    return out


# --- incoming records -----------------------------------------------------------------------


def _numbers(values: Iterable[Any], attr: str) -> list[str]:
    return [v if isinstance(v, str) else getattr(v, attr, "") for v in values]


class _Incoming:
    """An incoming record as looked up: its phones, e-mails, the sort keys an existing contact
    with its name would have and the sort-key prefix of similarly spelt names. What it is scored
    on (`person()`) is worked out only if some contact turns out to be a candidate: on a
    typical import, a quarter of the rows."""

    __slots__ = ("emails", "family", "given", "phones", "prefix", "record", "sort_keys")

    def __init__(self, record: Any) -> None:
        self.record = record
        family, given = split_name(
            getattr(record, "family_name", ""),
            getattr(record, "given_name", ""),
            getattr(record, "formatted_name", ""),
        )
        self.family, self.given = family, given
        numbers = _numbers(getattr(record, "phones", ()), "number")
        self.phones = frozenset(e for e in map(phone_e164, numbers) if e)
        addresses = _numbers(getattr(record, "emails", ()), "address")
        self.emails = frozenset(e for e in map(normalize_email, addresses) if e)
        sort_keys = {name_sort_key(family, given), name_sort_key(given, family)}
        # the name written whole and split again ("Zhang San" in one field); a part with no
        # space or comma splits back into the two keys above, so only such parts are split
        if "," in family or "," in given or len(family.split()) > 1 or len(given.split()) > 1:
            for whole in (f"{family} {given}".strip(), f"{given} {family}".strip()):
                if " " in whole:
                    f2, g2 = _split_full_name(whole)
                    sort_keys |= {name_sort_key(f2, g2), name_sort_key(g2, f2)}
        self.sort_keys = sorted(k for k in sort_keys if k)
        self.prefix = _fuzzy_prefix(family, given)

    def person(self) -> _Person:
        record = self.record
        person = _Person(
            self.family,
            self.given,
            getattr(record, "organization", ""),
            None,
            "",
            getattr(record, "birthday", None),
        )
        person.phones, person.emails = self.phones, self.emails
        return person


def incoming_person(record: Any) -> _Person:
    """A record of a file (a ContactRecord), as it is scored against contacts."""
    return _Incoming(record).person()


def _chunks(values: Iterable[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    items = list(values)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Ids are read as stored (hex text, see _raw): a 100k-row import meets ~400k candidate rows, and
# making, hashing and sorting UUID objects for them cost ~1 s. Hex sorts as the UUIDs would.
_CONTACT_COLUMNS = (
    _raw(Contact.id).label("id"),
    Contact.family_name,
    Contact.given_name,
    Contact.middle_name,
    Contact.organization,
    _raw(Contact.account_id).label("account_id"),
    Account.name,
    Contact.birthday,
    Contact.sort_key,
)


def _contact_rows(
    session: Session, condition: ColumnElement[bool], values: str
) -> Sequence[Row[Any]]:
    """The live contacts meeting `condition`, which takes the JSON list `values` (_in_values)."""
    return session.execute(
        select(*_CONTACT_COLUMNS)
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.deleted_at.is_(None), condition),
        {"values": values},
    ).all()


# Values looked up a few thousand at a time, as one JSON list: the statement is compiled once;
# an IN list of bound values was rendered again for every run (0.75 s of a 100k-row preview).
_VALUES_CHUNK = 2000


def match_incoming(
    session: Session, candidates: Sequence[Any], min_score: int = POSSIBLE_MIN_SCORE
) -> list[Match | None]:
    """For each incoming record (aligned with `candidates`), the existing live contact it most
    likely duplicates, or None.

    A contact qualifies with a score of at least `min_score`, or by sharing a phone or an email
    whatever the names say (such a match is `strong`, as is the same name at the same
    organisation; its low score tells the importer the names differ). Lookups are batched: one
    query per few hundred phones, emails or names, never one per record."""
    people = [_Incoming(c) for c in candidates]
    by_phone: dict[str, set[str]] = defaultdict(set)  # value -> contact ids (hex)
    by_email: dict[str, set[str]] = defaultdict(set)
    for model, column, found, wanted in (
        (Phone, Phone.e164, by_phone, {v for p in people for v in p.phones}),
        (Email, Email.normalized, by_email, {v for p in people for v in p.emails}),
    ):
        statement = (
            select(column, _raw(model.contact_id))
            .join(Contact, Contact.id == model.contact_id)
            .where(in_listed(column), model.deleted_at.is_(None), Contact.deleted_at.is_(None))
        )
        for chunk in _chunks(wanted, _VALUES_CHUNK):
            for value, contact_id in session.execute(statement, {"values": bound(chunk)}):
                found[value].add(contact_id)

    rows: dict[str, Any] = {}
    by_sort_key: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks({k for p in people for k in p.sort_keys}, _VALUES_CHUNK):
        for row in _contact_rows(session, in_listed(Contact.sort_key), bound(chunk)):
            rows[row.id] = row
            by_sort_key[row.sort_key].add(row.id)
    # similar spellings, only for records nothing else has found a candidate for
    prefixes = sorted(
        {
            prefix
            for p in people
            if (prefix := p.prefix)
            and not any(v in by_phone for v in p.phones)
            and not any(v in by_email for v in p.emails)
            and not any(k in by_sort_key for k in p.sort_keys)
        }
    )
    # the prefixes as one JSON parameter: the statement is compiled once, not per chunk
    ranges = listed("prefixes")
    low = listed_text(ranges)
    by_prefix = (
        select(*_CONTACT_COLUMNS)
        .select_from(ranges)
        .join(Contact, and_(Contact.sort_key >= low, Contact.sort_key < low + "\uffff"))
        .outerjoin(Account, Account.id == Contact.account_id)
        .where(Contact.deleted_at.is_(None))
    )
    for chunk in _chunks(prefixes, 1000):
        for row in session.execute(by_prefix, {"prefixes": bound(chunk)}):
            rows[row.id] = row
            by_sort_key[row.sort_key].add(row.id)
    missing = {c for ids in (*by_phone.values(), *by_email.values()) for c in ids} - rows.keys()
    for chunk in _chunks(missing, _VALUES_CHUNK):
        for row in _contact_rows(session, in_listed(_raw(Contact.id)), bound(chunk)):
            rows[row.id] = row

    phones_of: dict[str, set[str]] = defaultdict(set)
    emails_of: dict[str, set[str]] = defaultdict(set)
    for value, ids in by_phone.items():
        for cid in ids:
            phones_of[cid].add(value)
    for value, ids in by_email.items():
        for cid in ids:
            emails_of[cid].add(value)
    existing: dict[str, _Person] = {}

    def contact(cid: str) -> _Person:
        """The contact as scored, worked out when it is first a candidate."""
        if (person := existing.get(cid)) is None:
            r = rows[cid]
            person = existing[cid] = _Person(
                r.family_name, r.given_name, r.organization, r.account_id, r.name or "", r.birthday
            )
            person.phones = frozenset(phones_of.get(cid, _NONE))
            person.emails = frozenset(emails_of.get(cid, _NONE))
        return person

    wanted_prefixes = set(prefixes)
    prefix_index: dict[str, list[str]] = defaultdict(list)
    for cid, r in rows.items():
        key = r.sort_key
        for at, char in enumerate(key):
            if char == " " and key[: at + 2] in wanted_prefixes:
                prefix_index[key[: at + 2]].append(cid)

    matches: list[Match | None] = []
    for index, incoming in enumerate(people):
        pool = set().union(
            *(by_phone.get(v, ()) for v in incoming.phones),
            *(by_email.get(v, ()) for v in incoming.emails),
            *(by_sort_key.get(k, ()) for k in incoming.sort_keys),
            prefix_index.get(incoming.prefix, ()),
        )
        if not pool:
            matches.append(None)
            continue
        person = incoming.person()
        best: tuple[int, bool, str, tuple[Reason, ...]] | None = None
        for cid in sorted(pool):  # oldest first: on a tie the older contact wins
            score, reasons = score_pair(person, contact(cid))
            strong = _is_strong(reasons)
            eligible = score >= min_score or not _STRONG_EVIDENCE.isdisjoint(reasons)
            if eligible and (best is None or (score, strong) > (best[0], best[1])):
                best = (score, strong, cid, reasons)
        if best is None:
            matches.append(None)
            continue
        score, strong, cid, reasons = best
        r = rows[cid]
        name = display_name(r.family_name, r.given_name, r.middle_name) or r.organization
        matches.append(Match(index, uuid.UUID(hex=cid), name, score, reasons, strong))
    return matches


def _fuzzy_prefix(family: str, given: str) -> str:
    """'smith j' for John Smith: the sort-key range where a differently spelt given name of the
    same family would be. Latin names only: Han names meet through their pinyin key."""
    if not family or not given or has_cjk(family + given):
        return ""
    key = name_sort_key(family, given)
    family_key = name_sort_key(family, "")
    if len(key) <= len(family_key) + 1:
        return ""
    return key[: len(family_key) + 2]
