"""What each row of a contact file will do: matched against the database and the earlier rows
of the file, and the contacts (new or existing) it lands in."""

from __future__ import annotations

import dataclasses
import operator
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import FieldError
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
)
from crmdesk.models import (
    Account,
    Address,
    Contact,
    Email,
    Phone,
    Tag,
)
from crmdesk.models.customers import contact_tags
from crmdesk.models.names import (
    compose_name,
    display_name,
    name_sort_key,
    split_full_name,
)
from crmdesk.services import duplicates
from crmdesk.services.contact_points import (
    ADDRESS_PARTS,
    address_length_errors,
    column_limits,
    length_errors,
    length_problem,
)
from crmdesk.services.contacts import SCALAR_FIELDS
from crmdesk.services.importing.common import (
    QUERY_CHUNK,
    Cancelled,
    Progress,
    check_cancelled,
    in_chunks,
    organisation_key,
    squash,
)
from crmdesk.services.importing.files import ContactBatch, Rejection
from crmdesk.services.importing.results import PossibleDuplicate, RowAction
from crmdesk.services.normalize import email_problem, normalize_email, phone_e164, phone_problem

_NAME_PARTS = ("family_name", "given_name", "middle_name", "prefix", "suffix")
# Fields a merge may fill when the contact has no value there yet (never overwritten).
_FILLABLE = tuple(f for f in SCALAR_FIELDS if f not in (*_NAME_PARTS, "formatted_name"))


@dataclass(slots=True, eq=False)
class Target:
    """A contact the import writes: an existing one it merges into, or one it creates.

    For a new contact `record` is the whole contact (its first row, later rows merged in); for
    an existing one it holds only what the import adds, and `filled` names the fields it sets.
    What a merge compares against (the key sets, the empty fields) is made on the first merge:
    most new contacts never have one, and 100k of them must stay small."""

    existing: uuid.UUID | None
    record: ContactRecord
    first_line: int
    known_name: str = ""  # an existing contact's display name
    rows: int = 0  # rows of the file that land in this contact
    phone_keys: set[str] | None = None
    email_keys: set[str] | None = None
    address_keys: set[tuple[str, ...]] | None = None
    tags: set[str] | None = None
    empty: set[str] | None = None  # fields (and "name", "website", "photo") with no value yet
    filled: set[str] | None = None
    has_account: bool = False
    account_key: str = ""  # normalised organisation to link to, when the contact has no account
    shared: bool = False  # `record` is the row's own (the caller's): copy before merging into it
    # An existing contact as read: its version, the values a merge may change, the positions
    # after its last phone/e-mail/address, and its tags' ids.
    version: int = 0
    current: dict[str, Any] | None = None
    next_position: dict[str, int] | None = None
    tag_ids: list[str] | None = None

    @property
    def name(self) -> str:
        if self.existing is not None:
            return self.known_name
        return f"{_shown(self.record)} (line {self.first_line})"

    @property
    def changed(self) -> set[str]:
        return self.filled or set()

    def _prepare_merge(self, phones: _PhoneKeys) -> None:
        if self.shared:
            r = self.record
            self.record = dataclasses.replace(
                r,
                phones=list(r.phones),
                emails=list(r.emails),
                addresses=list(r.addresses),
                tags=list(r.tags),
                websites=list(r.websites),
            )
            self.shared = False
        if self.empty is None:  # a new contact: compare with its first row from now on
            rec = self.record
            keys = _keys(rec, phones)
            self.phone_keys, self.email_keys = set(keys.phones), set(keys.emails)
            self.address_keys, self.tags = set(keys.addresses), set(rec.tags)
            self.empty = _empty_fields(rec, rec.websites, rec.photo is not None)
        if self.filled is None:
            self.filled = set()

    def brings(self, rec: ContactRecord, phones: _PhoneKeys) -> bool:
        """Merge what `rec` adds into this target; False when it adds nothing."""
        self._prepare_merge(phones)
        keys = _keys(rec, phones)
        assert self.phone_keys is not None and self.email_keys is not None
        assert self.address_keys is not None and self.tags is not None
        assert self.empty is not None and self.filled is not None
        added = False
        for phone, key in zip(rec.phones, keys.phones, strict=True):
            if key not in self.phone_keys:
                self.phone_keys.add(key)
                self.record.phones.append(dataclasses.replace(phone, primary=False))
                added = True
        for email, key in zip(rec.emails, keys.emails, strict=True):
            if key not in self.email_keys:
                self.email_keys.add(key)
                self.record.emails.append(dataclasses.replace(email, primary=False))
                added = True
        for address, address_key in zip(rec.addresses, keys.addresses, strict=True):
            if address_key not in self.address_keys:
                self.address_keys.add(address_key)
                self.record.addresses.append(dataclasses.replace(address, primary=False))
                added = True
        for tag in rec.tags:
            if tag not in self.tags:
                self.tags.add(tag)
                self.record.tags.append(tag)
                added = True
        if "name" in self.empty and (rec.family_name or rec.given_name):
            for part in _NAME_PARTS:
                setattr(self.record, part, getattr(rec, part))
            self.filled.update(_NAME_PARTS)
            self.empty.discard("name")
            added = True
        for name in _FILLABLE:
            value = getattr(rec, name)
            if name in self.empty and _has_value(value):
                setattr(self.record, name, value)
                self.filled.add(name)
                self.empty.discard(name)
                added = True
        if "website" in self.empty and rec.websites:
            self.record.websites = [rec.websites[0]]
            self.filled.add("website")
            self.empty.discard("website")
            added = True
        if "photo" in self.empty and rec.photo:
            self.record.photo, self.record.photo_mime = rec.photo, rec.photo_mime
            self.filled.update(("photo", "photo_mime"))
            self.empty.discard("photo")
            added = True
        return added


def _empty_fields(values: Any, websites: Any, has_photo: bool) -> set[str]:
    """The fields a merge may fill: those of `values` (a record or a row's dict) with no value."""
    get = values.get if isinstance(values, dict) else lambda f: getattr(values, f)
    empty = {f for f in _FILLABLE if not _has_value(get(f))}
    if not (get("family_name") or get("given_name")):
        empty.add("name")
    if not websites:
        empty.add("website")
    if not has_photo:
        empty.add("photo")
    return empty


def _has_value(value: Any) -> bool:
    return bool(value.strip()) if isinstance(value, str) else value is not None


@dataclass(slots=True)
class _Keys:
    """The comparable forms of a record's phones, e-mails and addresses (what a merge compares)."""

    phones: list[str]
    emails: list[str]
    addresses: list[tuple[str, ...]]


class _PhoneKeys:
    """E.164 form of each number (cached: phonenumbers is slow and lists repeat numbers)."""

    def __init__(self) -> None:
        self._cache: dict[str, str] = {}

    def e164(self, number: str) -> str:
        found = self._cache.get(number)
        if found is None:
            found = self._cache[number] = phone_e164(number)
        return found

    def key(self, number: str) -> str:
        """E.164 where the number is one, else its digits, else its text."""
        return self.e164(number) or re.sub(r"\D", "", number) or squash(number)


def _contacts_by_uid(session: Session, uids: set[str]) -> dict[str, uuid.UUID]:
    """The live contacts that came from cards with these UIDs (the oldest where two did)."""
    found: dict[str, uuid.UUID] = {}
    for chunk in in_chunks(sorted(uids), QUERY_CHUNK):
        for uid, cid in session.execute(
            select(Contact.uid, Contact.id)
            .where(Contact.uid.in_(chunk), Contact.deleted_at.is_(None))
            .order_by(Contact.created_at)
        ):
            found.setdefault(uid, cid)
    return found


def _strong_keys(rec: ContactRecord, phones: _PhoneKeys) -> list[str]:
    """What an in-file match may go by: "u:" the card's UID, "p:+86…" (E.164), "e:a@b.c",
    "n:name|organisation"."""
    keys = [f"u:{rec.uid}"] if rec.uid else []
    keys += [f"p:{e}" for p in rec.phones if (e := phones.e164(p.number))]
    keys += [f"e:{e}" for m in rec.emails if "@" in (e := normalize_email(m.address))]
    name = squash(display_name(rec.family_name, rec.given_name, rec.middle_name))
    org = organisation_key(rec.organization)
    if name and org:
        keys.append(f"n:{name}|{org}")
    return keys


def _keys(rec: ContactRecord, phones: _PhoneKeys) -> _Keys:
    return _Keys(
        [phones.key(p.number) for p in rec.phones],
        [normalize_email(e.address) for e in rec.emails],
        [_address_key(a) for a in rec.addresses],
    )


def _address_key(address: AddressRecord) -> tuple[str, ...]:
    return tuple(squash(getattr(address, part)) for part in ADDRESS_PARTS)


def prepare_record(
    rec: ContactRecord, set_aside: list[str] | None = None
) -> tuple[ContactRecord | None, str]:
    """The record as it will be stored (blank phones/e-mails/addresses dropped, text trimmed, a
    name made from the display name, e-mail or phone when it has none), or None and why it
    cannot be a contact: a value too long for its column, or nothing to name it by. A phone or
    e-mail the contact form would refuse is left out, and why goes to `set_aside`. A record
    already so is returned as it is (no copy)."""
    if too_long := _length_errors(rec):
        return None, too_long[0].message
    kept: list[str] = []  # values left out, kept in the notes: nothing the file said is lost
    phones = [
        p if p.number == (n := p.number.strip()) else dataclasses.replace(p, number=n)
        for p in rec.phones
        if p.number.strip() and _acceptable(p.number, phone_problem, set_aside, kept)
    ]
    emails = [
        e if e.address == (a := e.address.strip()) else dataclasses.replace(e, address=a)
        for e in rec.emails
        if e.address.strip() and _acceptable(e.address, email_problem, set_aside, kept)
    ]
    notes = "\n".join([rec.notes, *kept]) if rec.notes and kept else rec.notes or "\n".join(kept)
    addresses = [a for a in rec.addresses if not a.is_empty()]
    tags = list(dict.fromkeys(t.strip() for t in rec.tags if t.strip()))
    websites = [w.strip() for w in rec.websites if w.strip()]
    family, given = rec.family_name.strip(), rec.given_name.strip()
    organization = rec.organization.strip()
    if not (family or given):
        shown = rec.formatted_name.strip() or rec.nickname.strip()
        if shown in {e.address for e in emails} | {p.number for p in phones}:
            given = shown  # a card named by its e-mail or number: keep it whole
        elif shown and shown != organization:
            family, given = split_full_name(shown)
        elif not organization:
            if emails:
                given = emails[0].address
            elif phones:
                given = phones[0].number
            else:
                return None, translatable("Import", "no name, phone number or e-mail address")
    same = (
        (family, given, organization) == (rec.family_name, rec.given_name, rec.organization)
        and len(phones) == len(rec.phones)
        and all(a is b for a, b in zip(phones, rec.phones, strict=False))
        and len(emails) == len(rec.emails)
        and all(a is b for a, b in zip(emails, rec.emails, strict=False))
        and len(addresses) == len(rec.addresses)
        and tags == rec.tags
        and websites == rec.websites
        and not kept
    )
    if same:
        return rec, ""
    return (
        dataclasses.replace(
            rec,
            family_name=family,
            given_name=given,
            organization=organization,
            phones=phones,
            emails=emails,
            addresses=addresses,
            tags=tags,
            websites=websites,
            notes=notes,
        ),
        "",
    )


def shown_name(values: dict[str, Any]) -> str:
    """The formatted name a new contact keeps (`values` as inserted): the card's own, unless it
    is only its name's parts composed (or the company), when the contact shows its parts and
    the name follows an edit of them. The composed name is tried first: most rows are so."""
    shown = values["formatted_name"]
    family, given, middle = values["family_name"], values["given_name"], values["middle_name"]
    if not shown or shown == display_name(family, given, middle):
        return ""
    prefix, suffix = values["prefix"], values["suffix"]
    titled = " ".join(p for p in (prefix, display_name(family, given, middle), suffix) if p)
    parts = [family, given, middle, prefix, suffix]
    return "" if shown in (titled, values["organization"], compose_name(parts)) else shown


def _shown(rec: ContactRecord) -> str:
    return display_name(rec.family_name, rec.given_name, rec.middle_name) or rec.organization


def _acceptable(
    value: str,
    problem: Callable[[str], str | None],
    set_aside: list[str] | None,
    kept: list[str],
) -> bool:
    """Whether the form would take the phone or e-mail; if not, why goes to `set_aside` and
    the value, as a "Phone: …" or "E-mail: …" line for the notes, to `kept`."""
    found = problem(value) or (len(value) > _POINT_LIMIT and _too_long_point(value, problem))
    if found:
        value = value.strip()
        kept.append(f"{'Phone' if problem is phone_problem else 'E-mail'}: {value}")
        if set_aside is not None:
            reason = found if isinstance(found, Text) else Text(found)  # words the view translates
            set_aside.append(Text(translatable("Import", "“%1” was left out: %2"), value, reason))
    return not found


_POINT_LIMIT = min(column_limits(Phone)["number"], column_limits(Email)["address"])


def _too_long_point(value: str, problem: Callable[[str], str | None]) -> str | None:
    model, key = (Phone, "number") if problem is phone_problem else (Email, "address")
    return length_problem(model, key, value)


_RECORD_LIMITS = {
    k: n for k, n in column_limits(Contact).items() if k in ContactRecord.__dataclass_fields__
}
_CONTACT_TEXTS = operator.attrgetter(*_RECORD_LIMITS)
_SHORTEST = min(_RECORD_LIMITS.values())
_ADDRESS_LIMITS = {
    k: n for k, n in column_limits(Address).items() if k in AddressRecord.__dataclass_fields__
}
_ADDRESS_TEXTS = operator.attrgetter(*_ADDRESS_LIMITS)
_SHORTEST_ADDRESS_PART = min(_ADDRESS_LIMITS.values())


def _length_errors(rec: ContactRecord) -> list[FieldError]:
    """The record's values its columns cannot hold (the lengths checked all at once first:
    an import checks 100k records)."""
    errors: list[FieldError] = []
    if max(map(len, _CONTACT_TEXTS(rec))) > _SHORTEST:
        errors += length_errors(Contact, rec)
    if any(max(map(len, _ADDRESS_TEXTS(a))) > _SHORTEST_ADDRESS_PART for a in rec.addresses):
        errors += address_length_errors(rec.addresses)
    if rec.websites and (problem := length_problem(Contact, "website", rec.websites[0])):
        errors.append(FieldError("website", problem))
    return errors


@dataclass(slots=True)
class Fate:
    """What happens to one row of the file."""

    line: int
    record: ContactRecord | None
    action: RowAction
    target: Target | None = None
    reason: str = ""


@dataclass
class ContactPlan:
    fates: list[Fate]  # every row, in line order
    targets: list[Target]  # the contacts written, in the order the file first names them
    possible: list[PossibleDuplicate]
    accounts: dict[str, tuple[uuid.UUID, str]]  # organisation key -> existing account, name
    new_accounts: dict[str, str]  # organisation key -> name of the account to create
    phones: _PhoneKeys
    left_out: list[Rejection] = field(default_factory=list)  # values set aside, by line

    @property
    def rejected(self) -> list[Fate]:
        return [f for f in self.fates if f.action is RowAction.REJECTED]


MATCH_CHUNK = 5000  # records matched at a time: a record's match does not depend on the others


def _existing_matches(
    session: Session, records: list[ContactRecord], step: Callable[[int], None]
) -> list[Any]:
    """For each record, the existing contact it most likely duplicates, or None.

    Matched a few thousand at a time, so the candidates read for common names stay a few MB
    instead of half a GB for 100k rows; in the order of their names, so each chunk reads the
    contacts of its own names (in file order, every chunk read the 王伟s again: 2.3 s more)."""
    order = sorted(
        range(len(records)),
        key=lambda i: name_sort_key(records[i].family_name, records[i].given_name),
    )
    matches: list[Any] = [None] * len(records)
    for chunk in in_chunks(order, MATCH_CHUNK):
        found = duplicates.match_incoming(session, [records[i] for i in chunk])
        for i, match in zip(chunk, found, strict=True):
            matches[i] = match
        step(len(chunk))
    return matches


class _SamePerson:
    """Whether a row and an earlier row of the file that shares a phone, an e-mail or name and
    organisation with it are one person: scored exactly as `match_incoming` scores a row against
    a contact, so a shared switchboard number does not merge two colleagues."""

    def __init__(self) -> None:
        self._people: dict[int, Any] = {}

    def _person(self, rec: ContactRecord) -> Any:
        if id(rec) not in self._people:
            self._people[id(rec)] = duplicates.incoming_person(rec)
        return self._people[id(rec)]

    def __call__(self, rec: ContactRecord, earlier: ContactRecord) -> bool:
        score, reasons = duplicates.score_pair(self._person(rec), self._person(earlier))
        return score >= duplicates.POSSIBLE_MIN_SCORE and duplicates._is_strong(reasons)


def plan_contacts(
    session: Session,
    batch: ContactBatch,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ContactPlan:
    """What importing the batch does; `progress(done, total)` hears of it (matching against the
    database, then the rows against each other) and `cancelled()` stops it (ImportCancelled)."""
    total, done = 2 * len(batch.records), 0

    def step(rows: int) -> None:
        nonlocal done
        check_cancelled(cancelled)
        done += rows
        if progress is not None:
            progress(done, total)

    phones = _PhoneKeys()
    fates = [Fate(p.line, None, RowAction.REJECTED, reason=p.reason) for p in batch.problems]
    accepted: list[ContactRecord] = []
    left_out: list[Rejection] = []
    reasons: list[str] = []
    for rec in batch.records:
        prepared, reason = prepare_record(rec, reasons)
        if reasons:
            left_out += [Rejection(rec.source_line, r) for r in reasons]
            reasons.clear()
        if prepared is None:
            fates.append(Fate(rec.source_line, rec, RowAction.REJECTED, reason=reason))
        else:
            accepted.append(prepared)
    step(len(batch.records) - len(accepted))  # rejected: nothing to match
    matches = _existing_matches(session, accepted, step)
    by_uid = _contacts_by_uid(session, {r.uid for r in accepted if r.uid})
    strong = {m.contact_id for m in matches if m is not None and m.strong} | set(by_uid.values())
    existing = _existing_targets(session, strong, phones)
    same_person = _SamePerson()
    # strong key -> the (target, row) that had it: one pair, or a list of them when several do
    index: dict[str, Any] = {}
    targets: dict[int, Target] = {}
    possible = []
    for n, (rec, match) in enumerate(zip(accepted, matches, strict=True), 1):
        if n % MATCH_CHUNK == 0:
            step(MATCH_CHUNK)
        keys = _strong_keys(rec, phones)
        target = existing.get(by_uid[rec.uid]) if rec.uid in by_uid else None  # its card first
        if target is None and match is not None and match.strong:
            target = existing.get(match.contact_id)
        if target is None:
            earlier = {id(t): (t, r) for k in keys for t, r in _entries(index.get(k))}
            target = next((t for t, r in earlier.values() if same_person(rec, r)), None)
        if target is None:
            target = _new_target(rec)
            action = RowAction.NEW
            if match is not None:
                possible.append(
                    PossibleDuplicate(
                        rec.source_line, _shown(rec), match.contact_id, match.name, match.score
                    )
                )
        else:
            action = RowAction.UPDATE if target.brings(rec, phones) else RowAction.DUPLICATE
        target.rows += 1
        target.first_line = target.first_line or rec.source_line
        targets.setdefault(id(target), target)
        for key in keys:
            found = index.get(key)
            if found is None:
                index[key] = (target, rec)
            elif isinstance(found, list):
                found.append((target, rec))
            else:
                index[key] = [found, (target, rec)]
        fates.append(Fate(rec.source_line, rec, action, target))
    step(len(accepted) % MATCH_CHUNK + len(batch.records) - len(accepted))
    duplicates.forget_names()  # matching is done
    fates.sort(key=lambda f: f.line)
    accounts = _account_keys(session)
    new_accounts: dict[str, str] = {}
    for target in targets.values():
        if target.existing is not None and (
            target.has_account or "organization" not in target.changed
        ):
            continue
        key = organisation_key(target.record.organization)
        if key:
            target.account_key = key
            if key not in accounts:
                new_accounts.setdefault(key, target.record.organization)
    return ContactPlan(
        fates, list(targets.values()), possible, accounts, new_accounts, phones, left_out
    )


def _new_target(rec: ContactRecord) -> Target:
    return Target(existing=None, record=rec, first_line=rec.source_line, shared=True)


def _entries(found: Any) -> list[tuple[Target, ContactRecord]]:
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


_MERGED_COLUMNS = (*SCALAR_FIELDS, "website", "sort_key", "account_id")


def _existing_targets(
    session: Session, ids: set[uuid.UUID], phones: _PhoneKeys
) -> dict[uuid.UUID, Target]:
    """Merge targets for existing live contacts: what they hold now, read in batches."""
    targets: dict[uuid.UUID, Target] = {}
    columns = [getattr(Contact, f) for f in _MERGED_COLUMNS]
    for chunk in in_chunks(sorted(ids), QUERY_CHUNK):
        rows = session.execute(
            select(Contact.id, Contact.version, Contact.photo.is_not(None), *columns).where(
                Contact.id.in_(chunk), Contact.deleted_at.is_(None)
            )
        )
        held: dict[uuid.UUID, _Held] = {}
        for cid, version, has_photo, *values in rows:
            current = dict(zip(_MERGED_COLUMNS, values, strict=True))
            held[cid] = _Held(current=current, version=version, has_photo=has_photo)
        if held:
            _read_held(session, held, phones)
        targets.update((cid, h.target(cid)) for cid, h in held.items())
    return targets


@dataclass(slots=True)
class _Held:
    """What an existing contact holds now, as a merge compares against it."""

    current: dict[str, Any]
    version: int
    has_photo: bool
    phone_keys: set[str] = field(default_factory=set)
    email_keys: set[str] = field(default_factory=set)
    address_keys: set[tuple[str, ...]] = field(default_factory=set)
    tags: set[str] = field(default_factory=set)
    tag_ids: list[str] = field(default_factory=list)
    next_position: dict[str, int] = field(
        default_factory=lambda: {"phones": 0, "emails": 0, "addresses": 0}
    )

    def after(self, kind: str, position: int) -> None:
        self.next_position[kind] = max(self.next_position[kind], position + 1)

    def target(self, cid: uuid.UUID) -> Target:
        current = self.current
        name = display_name(current["family_name"], current["given_name"], current["middle_name"])
        return Target(
            existing=cid,
            record=ContactRecord(),
            first_line=0,
            known_name=name or current["organization"],
            phone_keys=self.phone_keys,
            email_keys=self.email_keys,
            address_keys=self.address_keys,
            tags=self.tags,
            empty=_empty_fields(current, current["website"], self.has_photo),
            filled=set(),
            has_account=current["account_id"] is not None,
            version=self.version,
            current=current,
            next_position=self.next_position,
            tag_ids=self.tag_ids,
        )


def _read_held(session: Session, held: dict[uuid.UUID, _Held], phones: _PhoneKeys) -> None:
    """The live phones, e-mails, addresses and tags of these contacts.

    Deleted rows are skipped in Python, not SQL: given `deleted_at IS NULL` SQLite picks the
    deleted_at index (every live row matches it) over the contact_id one."""
    live = list(held)
    for cid, deleted, number, e164, position in session.execute(
        select(Phone.contact_id, Phone.deleted_at, Phone.number, Phone.e164, Phone.position).where(
            Phone.contact_id.in_(live)
        )
    ):
        if deleted is None and cid is not None:
            held[cid].phone_keys.add(e164 or phones.key(number))
            held[cid].after("phones", position)
    for cid, deleted, normalized, position in session.execute(
        select(Email.contact_id, Email.deleted_at, Email.normalized, Email.position).where(
            Email.contact_id.in_(live)
        )
    ):
        if deleted is None and cid is not None:
            held[cid].email_keys.add(normalized)
            held[cid].after("emails", position)
    parts = [getattr(Address, p) for p in ADDRESS_PARTS]
    for cid, deleted, position, *values in session.execute(
        select(Address.contact_id, Address.deleted_at, Address.position, *parts).where(
            Address.contact_id.in_(live)
        )
    ):
        if deleted is None and cid is not None:
            held[cid].address_keys.add(tuple(squash(v or "") for v in values))
            held[cid].after("addresses", position)
    for cid, tag_id, name in session.execute(
        select(contact_tags.c.contact_id, Tag.id, Tag.name)
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .where(contact_tags.c.contact_id.in_(live))
    ):
        held[cid].tags.add(name)
        held[cid].tag_ids.append(str(tag_id))


def _account_keys(session: Session) -> dict[str, tuple[uuid.UUID, str]]:
    """Live accounts (id, name) by organisation key (the oldest wins where two share a name)."""
    found: dict[str, tuple[uuid.UUID, str]] = {}
    for account_id, name in session.execute(
        select(Account.id, Account.name)
        .where(Account.deleted_at.is_(None))
        .order_by(Account.created_at, Account.id)
    ):
        found.setdefault(organisation_key(name), (account_id, name))
    return found
