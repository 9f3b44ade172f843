"""The contact records built from a table's rows through a ColumnMapping, and contacts written
back as Google Contacts CSV.

Nothing the user typed is lost: a contact column the mapping does not name, and a mapped value
the record has no place for (a birthday without a year, an IM other than WeChat), ends up as a
`Header: value` line in the notes.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import translatable
from crmdesk.interop.cells import ColumnTexts, DateReader, column_index
from crmdesk.interop.column_mapping import (
    CONTACT_FIELDS,
    AddressColumns,
    ColumnMapping,
    RowProblem,
    ValueColumns,
)
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    PhoneRecord,
)
from crmdesk.interop.table import Cell, Table
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.models.names import compose_name, split_full_name

# =============================================================================================
# Contacts
# =============================================================================================

K = TypeVar("K")
_PHONE_WORDS: tuple[tuple[PhoneKind, tuple[str, ...]], ...] = (
    (PhoneKind.FAX, ("fax", "传真")), (PhoneKind.PAGER, ("pager", "寻呼")),
    (PhoneKind.MOBILE, ("mobile", "cell", "iphone", "手机", "移动")),
    (PhoneKind.WORK, ("work", "business", "office", "company", "工作", "单位", "公司", "办公")),
    (PhoneKind.HOME, ("home", "住宅", "家")))
_EMAIL_WORDS: tuple[tuple[EmailKind, tuple[str, ...]], ...] = (
    (EmailKind.WORK, ("work", "business", "office", "工作", "单位", "公司")),
    (EmailKind.HOME, ("home", "personal", "private", "个人", "家")))
_ADDRESS_WORDS: tuple[tuple[AddressKind, tuple[str, ...]], ...] = (
    (AddressKind.WORK, ("work", "business", "office", "工作", "单位", "公司", "办公")),
    (AddressKind.HOME, ("home", "住宅", "家")),
    (AddressKind.POSTAL, ("postal", "mailing", "邮寄", "通讯")))
_WECHAT = {"wechat", "weixin", "微信"}


def _kind(columns: ValueColumns | AddressColumns, label: str,
          words: tuple[tuple[K, tuple[str, ...]], ...], convert: Callable[[str], K],
          default: K) -> K:
    if columns.kind:
        return convert(columns.kind)
    return _labelled_kind(label, words, default) if label else default


@functools.lru_cache(maxsize=1024)
def _labelled_kind(label: str, words: tuple[tuple[K, tuple[str, ...]], ...], default: K) -> K:
    """The kind a label's words name (a file repeats a few labels on every row)."""
    label = label.lower()
    return next((kind for kind, ws in words if any(w in label for w in ws)), default)


def _multi(text: str) -> list[str]:
    """Google's `a ::: b` holds several values in one cell."""
    if ":::" not in text:
        return [text] if text else []
    return [v for v in (p.strip() for p in text.split(":::")) if v]


def _label(text: str) -> tuple[str, bool]:
    """(label, primary) from Google's `* Mobile`."""
    return (text[1:].strip(), True) if text.startswith("*") else (text, False)


def _tags(text: str) -> list[str]:
    """Google's `* myContacts ::: Friends` (the system group dropped, `* ` removed); elsewhere
    tags are separated by `;`, `,` or `、`."""
    parts = text.split(":::") if ":::" in text else re.split(r"[;,；，、|]", text)
    tags = [p.strip().lstrip("*").strip() for p in parts]
    return [t for t in tags if t and t.replace(" ", "").lower() != "mycontacts"]


def contacts_from_table(table: Table, mapping: ColumnMapping,
                        ) -> tuple[list[ContactRecord], list[RowProblem]]:
    """One ContactRecord per row, with the row's line as source_line; a row with no name,
    company, phone, e-mail or WeChat is a RowProblem instead.

    The rows are read a column at a time: cell by cell, a wide export's 100k rows made 3.4M
    calls (3.4 s; 1.2 s a column at a time)."""
    index = column_index(table, mapping)
    identity = [mapping.fields.get(f) for f in (
        "formatted_name", "family_name", "given_name", "nickname", "organization", "wechat")]
    if not (any(identity) or mapping.phones or mapping.emails or mapping.ims):
        raise ImportFailed(
            translatable(
                "Messages", "None of the columns could be read as a name, company, phone or e-mail."
            ),
            hint=translatable("Messages", "Give a column mapping. The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    texts = ColumnTexts(table, index)
    records = [ContactRecord(source_line=r.line) for r in table.rows]
    notes = [[t] if t else [] for t in texts.column(mapping.fields.get("notes", ""))]
    _read_fields(texts, mapping, records, notes)
    _read_values(texts, mapping, records, notes)
    _read_addresses(texts, mapping.addresses, records)
    for name, label_header, value_header in _leftover_columns(table.headers,
                                                              set(mapping.headers())):
        labels = texts.column(label_header)
        for n, value in enumerate(texts.column(value_header)):
            if value:
                notes[n].append(f"{_label(labels[n])[0] or name}: {value}")
    kept: list[ContactRecord] = []
    problems: list[RowProblem] = []
    for rec, lines in zip(records, notes, strict=True):
        rec.notes = "\n".join(lines)
        if not (rec.formatted_name or rec.nickname or rec.organization or rec.phones
                or rec.emails or rec.wechat):
            reason = translatable("Import", "no name, company, phone or e-mail")
            problems.append(RowProblem(rec.source_line, reason))
            continue
        kept.append(rec)
    return kept, problems


def _read_fields(texts: ColumnTexts, m: ColumnMapping, records: list[ContactRecord],
                 notes: list[list[str]]) -> None:
    """The single-valued fields; a birthday that is not a date goes to the notes."""
    for name, header in m.fields.items():
        if name in CONTACT_FIELDS and name not in ("birthday", "notes"):
            for rec, text in zip(records, texts.column(header), strict=True):
                if text:
                    setattr(rec, name, text)
    if header := m.fields.get("birthday", ""):
        column = texts.column(header)
        dates = DateReader(column)
        position = texts.index[header]
        for n, text in enumerate(column):
            if text:
                try:
                    records[n].birthday = dates(texts.rows[n].values[position])
                except ValueError:
                    notes[n].append(f"{header}: {text}")
    for rec in records:
        names = [rec.family_name, rec.given_name, rec.middle_name, rec.prefix, rec.suffix]
        if not any(names[:3]) and rec.formatted_name:
            parts = split_full_name(rec.formatted_name, middle=True)
            rec.family_name, rec.given_name, rec.middle_name = parts[:3]
            names[:3] = parts[:3]
        rec.formatted_name = rec.formatted_name or compose_name(names)


def _read_values(texts: ColumnTexts, m: ColumnMapping, records: list[ContactRecord],
                 notes: list[list[str]]) -> None:
    """Phones, e-mails (with their kinds), websites, tags and IMs (WeChat has a field; the
    others go to the notes)."""
    for vc in m.phones:
        for n, phones in _typed_values(texts, vc, _PHONE_WORDS, PhoneKind.OTHER, PhoneRecord):
            records[n].phones += phones
    for vc in m.emails:
        for n, emails in _typed_values(texts, vc, _EMAIL_WORDS, EmailKind.OTHER, EmailRecord):
            records[n].emails += emails
    for rec in records:
        if len(rec.phones) > 1:
            rec.phones = _dedupe(rec.phones, lambda p: re.sub(r"[^\d+]", "", p.number) or p.number)
        if len(rec.emails) > 1:
            rec.emails = _dedupe(rec.emails, lambda e: e.address.lower())
    for vc in m.websites:
        for rec, value in zip(records, texts.column(vc.value), strict=True):
            if value:
                rec.websites = list(dict.fromkeys([*rec.websites, *_multi(value)]))
    for header in m.tags:
        for rec, value in zip(records, texts.column(header), strict=True):
            if value:
                rec.tags = list(dict.fromkeys([*rec.tags, *_tags(value)]))
    for vc in m.ims:
        columns = (texts.column(vc.value), texts.column(vc.service), texts.column(vc.label))
        for n, (value, service, label_text) in enumerate(zip(*columns, strict=True)):
            for item in _multi(value):
                if service.lower() in _WECHAT and not records[n].wechat:
                    records[n].wechat = item
                else:
                    notes[n].append(f"{service or _label(label_text)[0] or vc.value}: {item}")


R = TypeVar("R", PhoneRecord, EmailRecord)


def _typed_values(texts: ColumnTexts, vc: ValueColumns,
                  words: tuple[tuple[K, tuple[str, ...]], ...], default: K,
                  make: Callable[[str, K, bool], R]) -> Iterator[tuple[int, list[R]]]:
    """(row, records) for each row with a value in the column: its values (several in a cell),
    of the kind its label names, the first one primary if the label or the column says so."""
    kind_of = type(default)  # the kind's enum, for a kind the mapping names
    for n, (value, label_text) in enumerate(zip(texts.column(vc.value),
                                                 texts.column(vc.label), strict=True)):
        if values := _multi(value):
            label, primary = _label(label_text)
            kind = _kind(vc, label, words, kind_of, default)
            yield n, [make(v, kind, (primary or vc.primary) and i == 0)
                      for i, v in enumerate(values)]


def _read_addresses(texts: ColumnTexts, addresses: list[AddressColumns],
                    records: list[ContactRecord]) -> None:
    for ac in addresses:
        # each part's text for every row, its columns joined once (not part by part, row by row)
        parts = {p: _joined_columns([texts.column(h) for h in headers],
                                    "\n" if p in ("street", "extended", "formatted") else " ")
                 for p, headers in ac.parts.items()}
        if not parts:
            continue
        labels = texts.column(ac.label)
        kinds: dict[str, AddressKind] = {}
        rows = zip(*parts.values(), strict=True)
        for n, (rec, row) in enumerate(zip(records, rows, strict=True)):
            if not any(row):
                continue
            values = dict(zip(parts, row, strict=True))
            label, primary = _label(labels[n])
            if label not in kinds:
                kinds[label] = _kind(ac, label, _ADDRESS_WORDS, AddressKind, AddressKind.OTHER)
            formatted = values.pop("formatted", "")
            rec.addresses.append(AddressRecord(**values, label=formatted, kind=kinds[label],
                                               primary=primary or ac.primary))


def _dedupe(items: list[R], key: Callable[[R], str]) -> list[R]:
    """Outlook's Primary Phone repeats another column's number: one record, primary kept."""
    out: dict[str, R] = {}
    for item in items:
        seen = out.setdefault(key(item), item)
        if seen is not item:
            seen.primary = seen.primary or item.primary
            if seen.kind == "other":
                seen.kind = item.kind
    return list(out.values())


def _joined_columns(columns: list[list[str]], separator: str) -> list[str]:
    """Row by row, the columns' non-empty texts joined."""
    if len(columns) == 1:
        return columns[0]
    return [separator.join(t for t in texts if t) for texts in zip(*columns, strict=True)]


_PAIRED = re.compile(r"^(.+? \d+) - (Label|Type|Value)$", re.I)


def _leftover_columns(headers: Sequence[str], used: set[str]) -> list[tuple[str, str, str]]:
    """(name, label column, value column) of columns no field reads: Google's unread
    `Relation 1 - Type`/`- Value` pairs become one, other columns stand alone."""
    pairs: dict[str, dict[str, str]] = {}
    for header in headers:
        match = _PAIRED.match(header)
        if header not in used and match:
            pairs.setdefault(match[1], {})[match[2].lower()] = header
    out: list[tuple[str, str, str]] = []
    for header in headers:
        match = _PAIRED.match(header)
        pair = pairs.get(match[1], {}) if match else {}
        if header in used:
            continue
        if "value" in pair:
            if header == pair["value"]:
                out.append((re.sub(r" \d+$", "", match[1]) if match else header,
                            pair.get("label") or pair.get("type", ""), header))
            continue
        out.append((header, "", header))
    return out


# =============================================================================================
# Writing contacts as Google Contacts CSV
# =============================================================================================

_PHONE_LABELS = {PhoneKind.MOBILE: "Mobile", PhoneKind.WORK: "Work", PhoneKind.HOME: "Home",
                 PhoneKind.FAX: "Fax", PhoneKind.PAGER: "Pager", PhoneKind.OTHER: "Other"}
_EMAIL_LABELS = {EmailKind.WORK: "Work", EmailKind.HOME: "Home", EmailKind.OTHER: "Other"}
_ADDRESS_LABELS = {AddressKind.WORK: "Work", AddressKind.HOME: "Home",
                   AddressKind.POSTAL: "Postal", AddressKind.OTHER: "Other"}
_FIXED = ("First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
          "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
          "Organization Name", "Organization Title", "Organization Department", "Birthday",
          "Notes", "Photo", "Labels")
_ADDRESS_COLUMNS = ("Label", "Formatted", "Street", "City", "PO Box", "Region", "Postal Code",
                    "Country", "Extended Address")


def google_contact_rows(records: Sequence[ContactRecord]) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows of a Google Contacts (current) export: as many `Phone n` … columns as
    the record with the most needs, and the IM columns only when someone has a WeChat ID.
    `File As` carries a display name only where it is not the one the name parts give."""
    count = {n: max([1, *(len(getattr(r, n)) for r in records)])
             for n in ("emails", "phones", "addresses", "websites")}
    headers = list(_FIXED)
    headers += [f"E-mail {i} - {c}" for i in range(1, count["emails"] + 1) for c in ("Label",
                                                                                    "Value")]
    headers += [f"Phone {i} - {c}" for i in range(1, count["phones"] + 1) for c in ("Label",
                                                                                  "Value")]
    headers += [f"Address {i} - {c}" for i in range(1, count["addresses"] + 1)
                for c in _ADDRESS_COLUMNS]
    headers += [f"Website {i} - {c}" for i in range(1, count["websites"] + 1) for c in ("Label",
                                                                                      "Value")]
    wechat = any(r.wechat for r in records)
    if wechat:
        headers += ["IM 1 - Label", "IM 1 - Service", "IM 1 - Value"]
    rows = []
    for rec in records:
        names = [rec.family_name, rec.given_name, rec.middle_name, rec.prefix, rec.suffix]
        file_as = rec.formatted_name if rec.formatted_name != compose_name(names) else ""
        row: list[Cell] = [
            rec.given_name, rec.middle_name, rec.family_name, rec.phonetic_given_name, "",
            rec.phonetic_family_name, rec.prefix, rec.suffix, rec.nickname, file_as,
            rec.organization, rec.title, rec.department, rec.birthday or "", rec.notes,
            rec.photo_uri, " ::: ".join(["* myContacts", *rec.tags])]
        row += _labelled([(_EMAIL_LABELS[e.kind], e.primary, e.address) for e in rec.emails],
                         count["emails"])
        row += _labelled([(_PHONE_LABELS[p.kind], p.primary, p.number) for p in rec.phones],
                         count["phones"])
        blank = [AddressRecord()] * (count["addresses"] - len(rec.addresses))
        for a in [*rec.addresses, *blank]:
            label = "" if a.is_empty() else ("* " if a.primary else "") + _ADDRESS_LABELS[a.kind]
            row += [label, a.label, a.street, a.city, a.po_box, a.region, a.postal_code,
                    a.country, a.extended]
        row += _labelled([("", False, url) for url in rec.websites], count["websites"])
        if wechat:
            row += ["", "WeChat", rec.wechat] if rec.wechat else ["", "", ""]
        rows.append(row)
    return headers, rows


def _labelled(items: list[tuple[str, bool, str]], count: int) -> list[Cell]:
    out: list[Cell] = []
    for label, primary, value in items:
        out += [("* " if primary else "") + label, value]
    return out + [""] * (2 * count - len(out))
