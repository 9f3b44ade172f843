"""Which column of a contact or order table feeds which record field: the ColumnMapping, its JSON
form, and the column roles a mapping step shows and changes.

One ColumnMapping type serves contacts and orders; its JSON form is a flat object
`{"given_name": "First Name", "phones": [{"value": "Phone 1 - Value", "label":
"Phone 1 - Label"}], "ignore": [...]}`, so the CLI can take it and the GUI can edit it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from crmdesk.core.errors import ImportFailed
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind


@dataclass(frozen=True)
class RowProblem:
    """A row that could not become a record: its 1-based line (sheet row) and why."""

    line: int
    reason: str


# =============================================================================================
# The mapping
# =============================================================================================

CONTACT_FIELDS = (
    "formatted_name", "family_name", "given_name", "middle_name", "prefix", "suffix", "nickname",
    "phonetic_family_name", "phonetic_given_name", "organization", "department", "title",
    "birthday", "notes", "wechat", "photo_uri")
ORDER_FIELDS = (
    "number", "customer_name", "customer_code", "customer_email", "ordered_on", "amount",
    "currency", "product", "quantity", "unit_price", "line_amount")
# Leads and products are flat records: one column a field, numbers read per column.
LEAD_FIELDS = (
    "family_name", "given_name", "company", "title", "phone", "email", "city", "source",
    "campaign", "owner", "estimated_amount", "notes")
PRODUCT_FIELDS = (
    "code", "name", "category", "unit", "price", "tax_rate", "cost", "currency", "active")
FLAT_FIELDS = {"leads": LEAD_FIELDS, "products": PRODUCT_FIELDS}
_KINDS: dict[str, tuple[str, ...]] = {
    "phones": tuple(PhoneKind), "emails": tuple(EmailKind), "websites": (), "ims": ()}
_FLAT = tuple(dict.fromkeys((*LEAD_FIELDS, *PRODUCT_FIELDS)))
ADDRESS_PARTS = ("street", "extended", "po_box", "city", "region", "postal_code", "country",
                 "formatted")


@dataclass
class ValueColumns:
    """A phone, e-mail, website or IM column, with what says its kind: a `label` column (Google's
    `Phone 1 - Label`, whose `* ` marks the primary one) or a fixed `kind` (Outlook's
    `Mobile Phone`); `service` is an IM's service column."""

    value: str
    label: str = ""
    kind: str = ""
    primary: bool = False
    service: str = ""

    def headers(self) -> list[str]:
        return [h for h in (self.value, self.label, self.service) if h]


@dataclass
class AddressColumns:
    """One address: each part from one or more columns (Outlook's Street, Street 2, Street 3
    are joined by newlines), `formatted` for the preformatted label, kind as for ValueColumns."""

    parts: dict[str, list[str]] = field(default_factory=dict)
    label: str = ""
    kind: str = ""
    primary: bool = False

    def headers(self) -> list[str]:
        return [h for hs in self.parts.values() for h in hs] + ([self.label] if self.label else [])


@dataclass
class ColumnMapping:
    """Which source column feeds which record field (contacts or orders).

    `fields` maps a single-valued field (CONTACT_FIELDS, ORDER_FIELDS) to a header; repeated
    fields list their columns; `ignore` names columns deliberately not read (not even into notes).
    """

    fields: dict[str, str] = field(default_factory=dict)
    phones: list[ValueColumns] = field(default_factory=list)
    emails: list[ValueColumns] = field(default_factory=list)
    websites: list[ValueColumns] = field(default_factory=list)
    ims: list[ValueColumns] = field(default_factory=list)
    addresses: list[AddressColumns] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)

    def headers(self) -> list[str]:
        """Every column the mapping reads or ignores."""
        out = [*self.fields.values(), *self.tags, *self.ignore]
        for group in (self.phones, self.emails, self.websites, self.ims, self.addresses):
            out += [h for item in group for h in item.headers()]
        return list(dict.fromkeys(out))

    def to_json(self) -> dict[str, Any]:
        """The flat JSON object (see the module doc); from_json reads it back."""
        out: dict[str, Any] = dict(self.fields)
        for name in ("phones", "emails", "websites", "ims"):
            items = getattr(self, name)
            if items:
                out[name] = [{k: v for k, v in dataclasses.asdict(i).items() if v}
                             for i in items]
        if self.addresses:
            out["addresses"] = [_address_json(a) for a in self.addresses]
        if self.tags:
            out["tags"] = list(self.tags)
        if self.ignore:
            out["ignore"] = list(self.ignore)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | str) -> ColumnMapping:
        """A mapping from its JSON object (or text); ImportFailed saying what is wrong."""
        if isinstance(data, str):
            try:
                data = json.loads(data)
            except json.JSONDecodeError as exc:
                raise ImportFailed(f"The column mapping is not valid JSON: {exc}.") from exc
        if not isinstance(data, Mapping):
            raise ImportFailed("The column mapping must be a JSON object.")
        mapping = cls()
        for key, value in data.items():
            if key in CONTACT_FIELDS or key in ORDER_FIELDS or key in _FLAT:
                mapping.fields[key] = _header(value, key)
            elif key in _KINDS:
                setattr(mapping, key, [_value_columns(v, key) for v in _list(value, key)])
            elif key == "addresses":
                mapping.addresses = [_address_columns(v) for v in _list(value, key)]
            elif key in ("tags", "ignore"):
                setattr(mapping, key, [_header(v, key) for v in _list(value, key)])
            else:
                known = ", ".join(dict.fromkeys((*CONTACT_FIELDS, *ORDER_FIELDS, *_FLAT, *_KINDS,
                                                 "addresses", "tags", "ignore")))
                raise ImportFailed(f"The column mapping names an unknown field {key!r}.",
                                   hint=f"Known fields: {known}.")
        return mapping


def _address_json(a: AddressColumns) -> dict[str, Any]:
    out: dict[str, Any] = {k: v[0] if len(v) == 1 else list(v) for k, v in a.parts.items() if v}
    out.update({k: v for k, v in (("label", a.label), ("kind", a.kind), ("primary", a.primary))
                if v})
    return out


def _header(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value:
        raise ImportFailed(f"In the column mapping, {key!r} must name a column (a text).")
    return value


def _list(value: Any, key: str) -> list[Any]:
    if isinstance(value, str | Mapping):
        return [value]
    if not isinstance(value, list):
        raise ImportFailed(f"In the column mapping, {key!r} must be a list.")
    return value


def _value_columns(value: Any, key: str) -> ValueColumns:
    if isinstance(value, str):
        return ValueColumns(_header(value, key))
    if not isinstance(value, Mapping) or "value" not in value:
        raise ImportFailed(f"In the column mapping, each of {key!r} needs a \"value\" column.")
    extra = set(value) - {"value", "label", "kind", "primary", "service"}
    if extra:
        raise ImportFailed(f"In the column mapping, {key!r} has unknown keys: {sorted(extra)}.")
    kind = value.get("kind", "")
    if kind and kind not in _KINDS[key]:
        raise ImportFailed(f"In the column mapping, {kind!r} is not a kind of {key}.",
                           hint="Kinds: " + ", ".join(_KINDS[key]) + ".")
    return ValueColumns(
        _header(value["value"], key),
        label=_header(value["label"], key) if value.get("label") else "",
        kind=kind, primary=bool(value.get("primary", False)),
        service=_header(value["service"], key) if value.get("service") else "")


def _address_columns(value: Any) -> AddressColumns:
    if not isinstance(value, Mapping):
        raise ImportFailed("In the column mapping, each address must be an object.")
    out = AddressColumns()
    for key, item in value.items():
        if key in ADDRESS_PARTS:
            out.parts[key] = [_header(h, key) for h in _list(item, key)]
        elif key == "label":
            out.label = _header(item, key)
        elif key == "kind":
            if item not in tuple(AddressKind):
                raise ImportFailed(f"In the column mapping, {item!r} is not a kind of address.")
            out.kind = item
        elif key == "primary":
            out.primary = bool(item)
        else:
            raise ImportFailed(f"In the column mapping, an address has an unknown key {key!r}.",
                               hint="Keys: " + ", ".join((*ADDRESS_PARTS, "label", "kind")) + ".")
    return out



# =============================================================================================
# One column at a time: what a mapping step shows and changes
# =============================================================================================

NOTES_ROLE = ""  # a contact column no role claims is kept in the notes (orders: not read)
IGNORE_ROLE = "ignore"
PART_ROLE = "part"  # a label/service column of another column (Google's "Phone 1 - Label")
ADDRESS_KINDS = ("home", "work", "other")


def column_roles(kind: str) -> list[str]:
    """Every role a column can take: `field:<name>`, `phones:<kind>`, `emails:<kind>`,
    `websites`, `addresses:<kind>:<part>`, `tags`, `ignore`, or NOTES_ROLE."""
    if kind == "orders":
        return [NOTES_ROLE, *(f"field:{f}" for f in ORDER_FIELDS)]
    if kind in FLAT_FIELDS:
        return [NOTES_ROLE, *(f"field:{f}" for f in FLAT_FIELDS[kind])]
    parts = [p for p in ADDRESS_PARTS if p != "formatted"]
    return [
        NOTES_ROLE,
        IGNORE_ROLE,
        *(f"field:{f}" for f in CONTACT_FIELDS),
        *(f"phones:{k}" for k in PhoneKind),
        *(f"emails:{k}" for k in EmailKind),
        "websites",
        *(f"addresses:{k}:{p}" for k in ADDRESS_KINDS for p in parts),
        "tags",
    ]


def column_role(mapping: ColumnMapping, header: str) -> str:
    """The role `header` plays in `mapping` (see column_roles)."""
    for name, column in mapping.fields.items():
        if column == header:
            return f"field:{name}"
    for group in ("phones", "emails", "websites", "ims"):
        for item in getattr(mapping, group):
            if item.value == header:
                return group if group in ("websites", "ims") else f"{group}:{item.kind or 'other'}"
            if header in (item.label, item.service):
                return PART_ROLE
    for address in mapping.addresses:
        for part, columns in address.parts.items():
            if header in columns:
                return f"addresses:{address.kind or 'other'}:{part}"
        if header == address.label:
            return PART_ROLE
    if header in mapping.tags:
        return "tags"
    if header in mapping.ignore:
        return IGNORE_ROLE
    return NOTES_ROLE


def with_column_role(mapping: ColumnMapping, header: str, role: str) -> ColumnMapping:
    """A copy of `mapping` in which `header` plays `role` (and nothing else); the rest of the
    mapping, label columns included, is kept as it was."""
    out = _without_column(dataclasses.replace(mapping), header)
    group, _, rest = role.partition(":")
    if group == "field":
        out.fields[rest] = header
    elif group in ("phones", "emails"):
        getattr(out, group).append(ValueColumns(value=header, kind=rest))
    elif group in ("websites", "ims"):
        getattr(out, group).append(ValueColumns(value=header))
    elif group == "addresses":
        address_kind, _, part = rest.partition(":")
        address = next((a for a in out.addresses if (a.kind or "other") == address_kind), None)
        if address is None:
            address = AddressColumns(kind=address_kind)
            out.addresses.append(address)
        address.parts.setdefault(part, []).append(header)
    elif group == "tags":
        out.tags.append(header)
    elif group == IGNORE_ROLE:
        out.ignore.append(header)
    return out


def _without_column(mapping: ColumnMapping, header: str) -> ColumnMapping:
    """`mapping` with fresh containers and `header` removed from every role (a value column
    takes its label/service columns with it)."""
    mapping.fields = {k: v for k, v in mapping.fields.items() if v != header}
    for group in ("phones", "emails", "websites", "ims"):
        setattr(mapping, group, [
            dataclasses.replace(i) for i in getattr(mapping, group) if i.value != header])
    addresses = []
    for address in mapping.addresses:
        parts = {p: [c for c in cs if c != header] for p, cs in address.parts.items()}
        parts = {p: cs for p, cs in parts.items() if cs}
        if parts:
            addresses.append(dataclasses.replace(address, parts=parts))
    mapping.addresses = addresses
    mapping.tags = [t for t in mapping.tags if t != header]
    mapping.ignore = [t for t in mapping.ignore if t != header]
    return mapping
