"""Contact imports: previewed, then done in one transaction through the logged bulk writer."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from crmdesk.core.errors import ImportFailed, StaleRecordError
from crmdesk.core.gc_pause import without_gc
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    PhoneRecord,
)
from crmdesk.models import (
    Account,
    Address,
    Base,
    Contact,
    Email,
    Phone,
    Tag,
)
from crmdesk.models.customers import contact_tags
from crmdesk.models.enums import ChangeAction
from crmdesk.models.names import (
    contact_sort_key,
    display_name,
    text_sort_key,
)
from crmdesk.services.changes import Changes
from crmdesk.services.contact_points import ADDRESS_PARTS
from crmdesk.services.contacts import SCALAR_FIELDS
from crmdesk.services.importing import common
from crmdesk.services.importing.common import (
    PREVIEW_ROWS,
    QUERY_CHUNK,
    Cancelled,
    Progress,
    check_cancelled,
    clean,
    failing_at,
    in_chunks,
    note_import,
    plan_for,
)
from crmdesk.services.importing.files import ContactBatch, Rejection, mapping_json
from crmdesk.services.importing.plan import (
    ContactPlan,
    Fate,
    Target,
    plan_contacts,
    shown_name,
)
from crmdesk.services.importing.results import ImportPreview, ImportResult, PreviewRow, RowAction
from crmdesk.services.normalize import normalize_email
from crmdesk.store import fulltext
from crmdesk.store.bulk import BulkWriter
from crmdesk.store.db import refresh_stale_statistics


def _contact_text(
    contact: Mapping[str, Any],
    account_name: str,
    phones: list[dict[str, Any]],
    emails: list[dict[str, Any]],
    addresses: list[dict[str, Any]],
    tags: list[str],
) -> str:
    """The full-text body of a new contact from the values being inserted (fulltext composes
    it, without reading back what was just written)."""
    points = fulltext.points_text(
        [p["number"] for p in phones],
        [e["address"] for e in emails],
        [[a[k] for k in fulltext.ADDRESS_TEXT] for a in addresses],
        tags,
    )
    return fulltext.contact_body(contact, account_name, points)


_NO_DETAILS = dict.fromkeys(fulltext.ACCOUNT_DETAILS, "")


def _account_text(name: str) -> str:
    """A new account's text (it has no code, industry, notes, phones … yet)."""
    return fulltext.account_body({"name": name, **_NO_DETAILS}, [])


def _shown_name(rec: ContactRecord) -> str:
    return (
        display_name(rec.family_name, rec.given_name, rec.middle_name)
        or rec.organization
        or rec.formatted_name
    )


def _preview_row(fate: Fate) -> PreviewRow:
    rec = fate.record or ContactRecord()
    return PreviewRow(
        line=fate.line,
        name=_shown_name(rec),
        organization=rec.organization,
        phone=rec.phones[0].number if rec.phones else "",
        email=rec.emails[0].address if rec.emails else "",
        city=next((a.city for a in rec.addresses if a.city), ""),
        action=fate.action,
        target=fate.target.name if fate.target and fate.action is not RowAction.NEW else "",
        reason=fate.reason,
    )


@without_gc
def preview_contacts(
    session: Session,
    batch: ContactBatch,
    *,
    rows: int = PREVIEW_ROWS,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ImportPreview:
    """What importing the batch will do: counts, the first rows as they will land, rejections.
    `progress(done, total)` hears how far the matching is; `cancelled()` stops it
    (ImportCancelled, nothing kept)."""
    plan: ContactPlan = plan_for(
        session, batch, plan_contacts, progress=progress, cancelled=cancelled
    )
    counts = {action: 0 for action in RowAction}
    for fate in plan.fates:
        counts[fate.action] += 1
    return ImportPreview(
        source=batch.source,
        filename=batch.filename,
        total=len(plan.fates),
        new=counts[RowAction.NEW],
        updated=counts[RowAction.UPDATE],
        duplicate=counts[RowAction.DUPLICATE],
        rejected=counts[RowAction.REJECTED],
        accounts_to_create=len(plan.new_accounts),
        rows=tuple(_preview_row(f) for f in plan.fates[:rows]),
        rejections=tuple(Rejection(f.line, f.reason) for f in plan.rejected),
        possible_duplicates=tuple(plan.possible),
        new_accounts=tuple(plan.new_accounts.values()),
        headers=tuple(batch.headers),
        mapping=mapping_json(batch.mapping),
        left_out=tuple(plan.left_out),
    )


@without_gc
def import_contacts(
    session: Session,
    batch: ContactBatch,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    allow_rejected: bool = False,
) -> ImportResult:
    """Create and update exactly what `preview_contacts` shows, in the caller's transaction.

    Raises ImportFailed naming the first rejected line (unless `allow_rejected`), ImportCancelled
    when `cancelled()` turns true, and ImportFailed naming the line of any row that fails; in every
    case the caller's transaction rolls back and nothing of the file is left behind."""
    plan: ContactPlan = plan_for(session, batch, plan_contacts, take=True, cancelled=cancelled)
    rejected = plan.rejected
    if rejected and not allow_rejected:
        raise ImportFailed(
            rejected[0].reason,
            line=rejected[0].line,
            hint=translatable(
                "Messages",
                "Nothing was imported (%1 row(s) cannot become contacts). "
                "Correct the file, or import without the rejected rows.",
            ),
            hint_values=(len(rejected),),
        )
    total, done = len(plan.fates), len(rejected)
    report = progress or (lambda _done, _total: None)
    report(done, total)
    check_cancelled(cancelled)
    created = [t for t in plan.targets if t.existing is None]
    merged = [t for t in plan.targets if t.existing is not None and _changes_anything(t)]
    new_ids: list[uuid.UUID] = []
    with BulkWriter.for_session(session, background=True) as writer:
        accounts = _create_accounts(writer, plan)
        tag_ids = _tag_ids(writer, {t for target in plan.targets for t in target.record.tags})
        chunks = list(in_chunks(created, common.CHUNK))
        for n, chunk in enumerate(chunks, 1):
            check_cancelled(cancelled)
            new_ids += _insert_contacts(
                writer, plan, chunk, accounts, tag_ids, final=n == len(chunks)
            )
            done += sum(t.rows for t in chunk)
            report(done, total)
        for chunk in in_chunks(merged, QUERY_CHUNK):
            check_cancelled(cancelled)
            _merge_contacts(writer, plan, chunk, accounts, tag_ids)
            done += sum(t.rows for t in chunk)
            report(done, total)
    check_cancelled(cancelled)
    session.expire_all()  # rows were written beside the ORM: nothing loaded may be stale
    if new_ids:
        refresh_stale_statistics(session.connection(), _CONTACT_TABLES)
    report(total, total)
    counts = {action: 0 for action in RowAction}
    for fate in plan.fates:
        counts[fate.action] += 1
    linked = {accounts[t.account_key][0] for t in plan.targets if t.account_key}
    if created or merged:  # a step to take back, named by its file and counts
        counted = [("created", "contacts", len(created)), ("edited", "contacts", len(merged))]
        note_import(session, batch, [*counted, ("created", "accounts", len(plan.new_accounts))])
    return ImportResult(
        new=counts[RowAction.NEW],
        updated=counts[RowAction.UPDATE],
        duplicate=counts[RowAction.DUPLICATE],
        rejected=counts[RowAction.REJECTED],
        accounts_created=len(plan.new_accounts),
        changes=Changes(
            contacts=frozenset(new_ids) | frozenset(t.existing for t in merged if t.existing),
            accounts=frozenset(linked),
        ),
    )


# what an import writes to, so whose statistics it may have made stale (the change log's shape
# stays alike)
_CONTACT_TABLES = [
    t.name
    for t in (
        Contact.__table__,
        Phone.__table__,
        Email.__table__,
        Address.__table__,
        Account.__table__,
        Tag.__table__,
        contact_tags,
    )
]


def _changes_anything(target: Target) -> bool:
    rec = target.record
    added = rec.phones or rec.emails or rec.addresses or rec.tags
    return bool(target.changed or added or target.account_key)


def _create_accounts(writer: BulkWriter, plan: ContactPlan) -> dict[str, tuple[uuid.UUID, str]]:
    """(id, name) of every account the plan links to, creating the missing ones (once a name)."""
    accounts = dict(plan.accounts)
    failing = functools.partial(
        failing_at, 0, translatable("Messages", "the new accounts could not be created")
    )
    with failing():
        for key, name in plan.new_accounts.items():
            name = name.strip()
            account_id = writer.add(Account, {"name": name, "sort_key": text_sort_key(name)})
            accounts[key] = (account_id, name)
            writer.document(fulltext.ACCOUNT, account_id, _account_text(name))
    writer.flush(failing)
    return accounts


def _tag_ids(writer: BulkWriter, names: set[str]) -> dict[str, uuid.UUID]:
    """Ids of the named tags, creating the missing ones (names kept as written)."""
    ids: dict[str, uuid.UUID] = {}
    for chunk in in_chunks(sorted(names), QUERY_CHUNK):
        found = writer.connection().execute(select(Tag.name, Tag.id).where(Tag.name.in_(chunk)))
        ids.update(found.all())
    failing = functools.partial(
        failing_at, 0, translatable("Messages", "the new tags could not be created")
    )
    with failing():
        for name in sorted(names - ids.keys()):
            tag_id = writer.add(Tag, {"name": name})
            ids[name] = tag_id
    writer.flush(failing)
    return ids


def _insert_contacts(
    writer: BulkWriter,
    plan: ContactPlan,
    targets: Sequence[Target],
    accounts: dict[str, tuple[uuid.UUID, str]],
    tag_ids: dict[str, uuid.UUID],
    *,
    final: bool,
) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    tagged: list[tuple[uuid.UUID, list[str]]] = []
    for target in targets:
        with failing_at(target.first_line):
            rec = target.record
            values = {f: clean(getattr(rec, f)) for f in SCALAR_FIELDS}
            values["formatted_name"] = shown_name(values)
            account_id, account_name = accounts.get(target.account_key, (None, ""))
            values.update(
                photo=rec.photo,
                website=rec.websites[0].strip() if rec.websites else "",
                account_id=account_id,
                sort_key=contact_sort_key(
                    values["family_name"], values["given_name"], values["organization"]
                ),
            )
            cid = writer.add(Contact, values)
            ids.append(cid)
            numbers, mails, places = [], [], []
            for i, phone in enumerate(rec.phones):
                numbers.append(_phone_values(plan, phone) | {"contact_id": cid, "position": i})
                writer.add(Phone, numbers[-1])
            for i, email in enumerate(rec.emails):
                mails.append(_email_values(email) | {"contact_id": cid, "position": i})
                writer.add(Email, mails[-1])
            for i, address in enumerate(rec.addresses):
                places.append(_address_values(address) | {"contact_id": cid, "position": i})
                writer.add(Address, places[-1])
            for name in rec.tags:
                writer.link(contact_tags, {"contact_id": cid, "tag_id": tag_ids[name]})
            if rec.tags:
                tagged.append((cid, [str(tag_ids[name]) for name in rec.tags]))
            body = _contact_text(values, account_name, numbers, mails, places, rec.tags)
            writer.document(fulltext.CONTACT, cid, body)
    # The ORM logs a new contact's tags as a change of its `tags`: no tag ids, then these.
    for cid, tag_list in tagged:
        writer.log(ChangeAction.UPDATE, "contacts", cid, "tags", [], sorted(tag_list))
    last = targets[-1].first_line
    what = translatable("Messages", "the rows from line %1 to %2 could not be saved")
    writer.flush_rows(
        targets[0].first_line,
        lambda line: failing_at(line, Text(what, line, last)),
        final=final,
    )
    return ids


def _phone_values(plan: ContactPlan, phone: PhoneRecord) -> dict[str, Any]:
    number = phone.number.strip()
    return {
        "number": number,
        "kind": phone.kind,
        "is_primary": phone.primary,
        "e164": plan.phones.e164(number),
    }


def _email_values(email: EmailRecord) -> dict[str, Any]:
    return {
        "address": email.address.strip(),
        "kind": email.kind,
        "is_primary": email.primary,
        "normalized": normalize_email(email.address),
    }


def _address_values(address: AddressRecord) -> dict[str, Any]:
    parts = {part: getattr(address, part).strip() for part in ADDRESS_PARTS}
    return {**parts, "kind": address.kind, "is_primary": address.primary}


def _merge_contacts(
    writer: BulkWriter,
    plan: ContactPlan,
    targets: Sequence[Target],
    accounts: dict[str, tuple[uuid.UUID, str]],
    tag_ids: dict[str, uuid.UUID],
) -> None:
    """Merge additions into existing contacts: fill their empty fields (a stale-checked UPDATE,
    logged field by field as the ORM logs an edit), add phones, e-mails, addresses and tags after
    theirs, and re-index them."""
    for target in targets:
        cid, rec, current, filled = target.existing, target.record, target.current, target.changed
        assert cid is not None and current is not None
        assert target.next_position is not None and target.tag_ids is not None
        with failing_at(target.first_line):
            changed: dict[str, Any] = {}
            for name in filled & set(SCALAR_FIELDS):
                changed[name] = clean(getattr(rec, name))
            if "website" in filled:
                changed["website"] = rec.websites[0].strip()
            if "photo" in filled:
                changed["photo"] = rec.photo
            if filled & {"family_name", "given_name", "organization"}:
                merged = {**current, **changed}
                changed["sort_key"] = contact_sort_key(
                    merged["family_name"], merged["given_name"], merged["organization"]
                )
            if target.account_key and current["account_id"] is None:
                changed["account_id"] = accounts[target.account_key][0]
            changed = {k: v for k, v in changed.items() if v != current.get(k)}
            # a photo is only ever filled: it had none
            if not writer.update(Contact, cid, target.version, changed, current):
                raise StaleRecordError(
                    translatable(
                        "Messages", "%1 was changed elsewhere while the file was being imported."
                    ),
                    translatable("Messages", "Import the file again."),
                    values=(target.name,),
                )
            added_points: tuple[tuple[str, type[Base], list[dict[str, Any]]], ...] = (
                ("phones", Phone, [_phone_values(plan, p) for p in rec.phones]),
                ("emails", Email, [_email_values(e) for e in rec.emails]),
                ("addresses", Address, [_address_values(a) for a in rec.addresses]),
            )
            for kind, model, rows in added_points:
                position = target.next_position[kind]
                for offset, values in enumerate(rows):
                    where = {"contact_id": cid, "position": position + offset, "is_primary": False}
                    writer.add(model, values | where)
            if rec.tags:
                added = [str(tag_ids[name]) for name in rec.tags]
                for tag_id in added:
                    writer.link(contact_tags, {"contact_id": cid, "tag_id": uuid.UUID(tag_id)})
                writer.log(
                    ChangeAction.UPDATE,
                    "contacts",
                    cid,
                    "tags",
                    sorted(target.tag_ids),
                    sorted(target.tag_ids + added),
                )
    first = targets[0].first_line
    with failing_at(first, translatable("Messages", "the merged contacts could not be saved")):
        writer.flush()
        merged_ids = [t.existing for t in targets if t.existing]
        fulltext.reindex(writer.connection(), fulltext.CONTACT, merged_ids)
