"""Which column of a contact or order table feeds which record field, and the records built from
the rows. Works on any Table (interop/table.py; tabular.py reads the files into one).

Choices worth knowing:
- One ColumnMapping type serves contacts and orders; its JSON form is a flat object
  `{"given_name": "First Name", "phones": [{"value": "Phone 1 - Value", "label":
  "Phone 1 - Label"}], "ignore": [...]}`, so the CLI can take it and the GUI can edit it.
- Nothing the user typed is lost: a contact column the mapping does not name, and a mapped value
  the record has no place for (a birthday without a year, an IM other than WeChat), ends up as a
  `Header: value` line in the notes. Columns an exporter fills by itself (Outlook's e-mail
  display name, `Priority: Normal`, `0/0/00` birthdays) are ignored or read as empty.
- Dates: day-first or month-first is decided per column from values that can only be read one
  way (13/01/…); with no such value `/` means month/day (US, Outlook) and `.` or `-` day/month.
- Amounts: decimal comma or point is decided per column the same way (`1.234,50` vs `1,234.50`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from dateutil import parser as dateparser

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.records import (
    AddressRecord,
    ContactRecord,
    EmailRecord,
    OrderLineRecord,
    OrderRecord,
    PhoneRecord,
)
from crmdesk.interop.table import Cell, Table, cell_text
from crmdesk.interop.vcard import compose_name
from crmdesk.models.enums import AddressKind, EmailKind, PhoneKind
from crmdesk.models.names import split_full_name

__all__ = [
    "AddressColumns",
    "ColumnMapping",
    "RowProblem",
    "ValueColumns",
    "column_role",
    "column_roles",
    "contacts_from_table",
    "google_contact_rows",
    "guess_contact_mapping",
    "guess_order_mapping",
    "orders_from_table",
    "with_column_role",
]

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
_KINDS: dict[str, tuple[str, ...]] = {
    "phones": tuple(PhoneKind), "emails": tuple(EmailKind), "websites": (), "ims": ()}
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
            if key in CONTACT_FIELDS or key in ORDER_FIELDS:
                mapping.fields[key] = _header(value, key)
            elif key in _KINDS:
                setattr(mapping, key, [_value_columns(v, key) for v in _list(value, key)])
            elif key == "addresses":
                mapping.addresses = [_address_columns(v) for v in _list(value, key)]
            elif key in ("tags", "ignore"):
                setattr(mapping, key, [_header(v, key) for v in _list(value, key)])
            else:
                known = ", ".join((*CONTACT_FIELDS, *ORDER_FIELDS, *_KINDS, "addresses", "tags",
                                   "ignore"))
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
# Guessing the mapping from the header
# =============================================================================================

def _norm(header: str) -> str:
    """`E-mail 2` and `手机号码（必填）` compare as `email` and `手机号码`."""
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", header.lower())
    text = re.sub(r"[\W_]+", "", text)
    return text.rstrip("0123456789") or text


def _words(*pairs: tuple[str, str]) -> dict[str, str]:
    return {_norm(w): target for words, target in pairs for w in words.split("|")}


# Targets: a contact field, "tags", "website", "wechat", "phone:<kind>", "email:<kind>",
# "addr:<kind>:<part>".
_GOOGLE = {h.lower(): t for h, t in (
    ("First Name", "given_name"), ("Middle Name", "middle_name"), ("Last Name", "family_name"),
    ("Phonetic First Name", "phonetic_given_name"), ("Phonetic Last Name", "phonetic_family_name"),
    ("Name Prefix", "prefix"), ("Name Suffix", "suffix"), ("Nickname", "nickname"),
    ("File As", "formatted_name"), ("Organization Name", "organization"),
    ("Organization Title", "title"), ("Organization Department", "department"),
    ("Birthday", "birthday"), ("Notes", "notes"), ("Photo", "photo_uri"), ("Labels", "tags"),
    ("Name", "formatted_name"), ("Given Name", "given_name"), ("Additional Name", "middle_name"),
    ("Family Name", "family_name"), ("Given Name Yomi", "phonetic_given_name"),
    ("Family Name Yomi", "phonetic_family_name"), ("Group Membership", "tags"),
    # Outlook
    ("Suffix", "suffix"), ("Company", "organization"), ("Department", "department"),
    ("Job Title", "title"), ("Given Yomi", "phonetic_given_name"),
    ("Surname Yomi", "phonetic_family_name"), ("Categories", "tags"), ("Web Page", "website"),
    ("Personal Web Page", "website"), ("Assistant's Phone", "phone:other"),
    ("Business Fax", "phone:fax"), ("Business Phone", "phone:work"),
    ("Business Phone 2", "phone:work"), ("Callback", "phone:other"), ("Car Phone", "phone:other"),
    ("Company Main Phone", "phone:work"), ("Home Fax", "phone:fax"), ("Home Phone", "phone:home"),
    ("Home Phone 2", "phone:home"), ("ISDN", "phone:other"), ("Mobile Phone", "phone:mobile"),
    ("Other Fax", "phone:fax"), ("Other Phone", "phone:other"), ("Pager", "phone:pager"),
    ("Primary Phone", "phone:primary"), ("Radio Phone", "phone:other"),
    ("TTY/TDD Phone", "phone:other"), ("Telex", "phone:other"),
    ("E-mail Address", "email:other"), ("E-mail 2 Address", "email:other"),
    ("E-mail 3 Address", "email:other"))}
for _kind, _word in (("work", "Business"), ("home", "Home"), ("other", "Other")):
    _GOOGLE.update({f"{_word} {h}".lower(): f"addr:{_kind}:{p}" for h, p in (
        ("Street", "street"), ("Street 2", "street"), ("Street 3", "street"), ("City", "city"),
        ("State", "region"), ("Postal Code", "postal_code"), ("Country/Region", "country"),
        ("Country", "country"), ("Address PO Box", "po_box"))})

# Columns exporters fill by themselves: ignored, and values that mean "nothing".
_DERIVED = {"e-mail type", "e-mail 2 type", "e-mail 3 type", "e-mail display name",
            "e-mail 2 display name", "e-mail 3 display name"}
_PLACEHOLDERS = {"sensitivity": {"normal"}, "priority": {"normal"}, "private": {"false"},
                 "gender": {"unspecified"}}
_EMPTY_DATES = {"0/0/00", "0/0/0000", "00/00/00", "00/00/0000", "0000-00-00", "0.0.00"}

_GENERIC = _words(
    ("name|full name|display name|contact name|contact|contact person|姓名|名字|全名|联系人|"
     "联系人姓名|客户姓名|称呼", "formatted_name"),
    ("last name|surname|family name|姓|姓氏", "family_name"),
    ("first name|given name|forename|名", "given_name"),
    ("middle name|additional name", "middle_name"),
    ("prefix|name prefix|salutation", "prefix"), ("suffix|name suffix", "suffix"),
    ("nickname|nick|昵称|别名", "nickname"),
    ("company|company name|organization|organisation|organization name|org|employer|account|"
     "account name|公司|公司名称|单位|单位名称|工作单位|企业|企业名称|机构|所属公司|客户名称|"
     "客户单位", "organization"),
    ("department|dept|部门|科室", "department"),
    ("job title|title|position|role|job|职位|职务|头衔|岗位", "title"),
    ("birthday|birth date|date of birth|dob|生日|出生日期|出生年月", "birthday"),
    ("notes|note|remark|remarks|comment|comments|memo|description|备注|说明|附注|描述", "notes"),
    ("wechat|weixin|wechat id|微信|微信号", "wechat"),
    ("tags|tag|labels|label|categories|category|groups|group|标签|分组|分类|类别|客户分类", "tags"),
    ("website|web|url|homepage|web page|site|网站|网址|主页", "website"),
    ("phone|phone number|tel|telephone|电话|电话号码|联系电话|联系方式|座机|固话", "phone:other"),
    ("mobile|mobile phone|mobile number|cell|cell phone|手机|手机号|手机号码|移动电话",
     "phone:mobile"),
    ("work phone|office phone|business phone|办公电话|公司电话|单位电话|工作电话", "phone:work"),
    ("home phone|家庭电话|住宅电话", "phone:home"), ("fax|fax number|传真", "phone:fax"),
    ("email|e-mail|email address|mail|邮箱|电子邮箱|电子邮件|邮件|邮箱地址", "email:other"),
    ("work email|business email|工作邮箱|公司邮箱", "email:work"),
    ("personal email|home email|个人邮箱", "email:home"),
    ("address|street|street address|地址|详细地址|通讯地址|联系地址|街道", "addr::street"),
    ("work address|business address|office address|company address|公司地址|办公地址|单位地址",
     "addr:work:street"),
    ("home address|家庭地址|住址", "addr:home:street"),
    ("city|town|城市|市|district|区|区县", "addr::city"),
    ("state|province|region|省|省份|地区", "addr::region"),
    ("zip|zip code|postcode|postal code|邮编|邮政编码", "addr::postal_code"),
    ("country|country/region|国家|国家地区", "addr::country"))

_NUMBERED = re.compile(r"^(E-mail|Phone|Address|Website|IM|Organization) (\d+) - (.+)$", re.I)
_ADDRESS_SUFFIXES = {"formatted": "formatted", "street": "street", "city": "city",
                     "po box": "po_box", "region": "region", "postal code": "postal_code",
                     "country": "country", "extended address": "extended"}


def guess_contact_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The mapping a person would choose for a Google (current or legacy), Outlook, generic
    English or Chinese contact header; columns it cannot place are left out (read into notes)."""
    mapping = ColumnMapping()
    numbered: dict[tuple[str, int], dict[str, str]] = {}
    addresses: dict[str, AddressColumns] = {}
    lower = {h.strip().lower() for h in headers}
    for header in headers:
        key = header.strip().lower()
        match = _NUMBERED.match(header.strip())
        if key == "title" and "job title" in lower:  # Outlook's Title is Mr./Ms.
            target = "prefix"
        elif match:
            numbered.setdefault((match[1].lower(), int(match[2])), {})[match[3].lower()] = header
            continue
        elif key in _DERIVED or (key == "initials" and "job title" in lower):  # Outlook's
            mapping.ignore.append(header)
            continue
        else:
            target = _GOOGLE.get(key) or _GENERIC.get(_norm(header), "")
        _place(mapping, addresses, header, target)
    for (group, n), columns in sorted(numbered.items(), key=lambda i: (i[0][1], i[0][0])):
        _place_numbered(mapping, group, n, columns)
    mapping.addresses += addresses.values()
    return mapping


def _place(mapping: ColumnMapping, addresses: dict[str, AddressColumns], header: str,
           target: str) -> None:
    kind = target.partition(":")[2]
    if target.startswith("phone:"):
        primary = kind == "primary"
        mapping.phones.append(ValueColumns(header, kind="other" if primary else kind,
                                           primary=primary))
    elif target.startswith("email:"):
        mapping.emails.append(ValueColumns(header, kind=kind))
    elif target.startswith("addr:"):
        kind, part = kind.split(":")
        if not kind:  # a generic part joins the first address, or starts one
            kind = next(iter(addresses), "other")
        address = addresses.setdefault(kind, AddressColumns(kind=kind))
        address.parts.setdefault(part, []).append(header)
    elif target == "website":
        mapping.websites.append(ValueColumns(header))
    elif target == "tags":
        mapping.tags.append(header)
    elif target and target not in mapping.fields:
        mapping.fields[target] = header


def _place_numbered(mapping: ColumnMapping, group: str, n: int, cols: dict[str, str]) -> None:
    """Google's `Phone 1 - Label`/`- Type`, `- Value` and the like."""
    label = cols.get("label") or cols.get("type", "")
    if group == "organization":
        for suffix, name in (("name", "organization"), ("title", "title"),
                             ("department", "department")):
            if n == 1 and suffix in cols and name not in mapping.fields:
                mapping.fields[name] = cols[suffix]
        if n == 1 and "type" in cols:
            mapping.ignore.append(cols["type"])
    elif group == "address":
        parts = {p: [cols[s]] for s, p in _ADDRESS_SUFFIXES.items() if s in cols}
        if parts:
            mapping.addresses.append(AddressColumns(parts, label=label))
    elif "value" in cols:
        target = {"e-mail": mapping.emails, "phone": mapping.phones, "website": mapping.websites,
                  "im": mapping.ims}[group]
        target.append(ValueColumns(cols["value"], label=label, service=cols.get("service", "")))


_ORDER_WORDS = _words(
    ("order no|order number|order id|order|order num|invoice|invoice no|invoice number|"
     "invoice id|sales order|订单号|订单编号|单号|单据号|单据编号|销售单号|发票号|发票号码|"
     "合同号|订单", "number"),
    ("customer|customer name|client|client name|buyer|account|account name|company|客户|"
     "客户名称|客户名|客户姓名|购买方|购货单位|买方|购买人|姓名", "customer_name"),
    ("customer code|customer id|customer no|customer number|client id|client code|account id|"
     "account number|客户编号|客户代码|客户编码|客户号|客户id", "customer_code"),
    ("email|customer email|e-mail|email address|邮箱|客户邮箱|电子邮箱", "customer_email"),
    ("date|order date|ordered on|invoice date|sale date|sales date|日期|订单日期|下单日期|销售日期|"
     "单据日期|开票日期|交易日期|下单时间|订购日期", "ordered_on"),
    ("total|order total|total amount|grand total|总金额|订单金额|合计|总计|价税合计|合计金额|"
     "订单总额", "amount"),
    ("line total|line amount|subtotal|小计|金额小计|行金额", "line_amount"),
    ("amount|sum|value|金额|销售额", "amount?"),
    ("currency|curr|ccy|币种|货币|币别", "currency"),
    ("product|product name|item|item name|goods|article|产品|产品名称|商品|商品名称|品名|货品|物料|"
     "物料名称|名称", "product"),
    ("quantity|qty|units|数量|件数", "quantity"),
    ("unit price|price|rate|单价|价格|售价", "unit_price"))


def guess_order_mapping(headers: Sequence[str]) -> ColumnMapping:
    """The order columns of a header, English or Chinese. A plain `amount`/`金额` column is the
    line's amount when the rows carry products (and no total column), else the order's."""
    fields: dict[str, str] = {}
    plain_amount = ""
    for header in headers:
        target = _ORDER_WORDS.get(_norm(header), "")
        if target == "amount?":
            plain_amount = plain_amount or header
        elif target and target not in fields:
            fields[target] = header
    if plain_amount:
        has_lines = any(k in fields for k in ("product", "quantity", "unit_price"))
        slot = "line_amount" if has_lines else "amount"
        if slot in fields:
            slot = "amount" if slot == "line_amount" else "line_amount"
        fields.setdefault(slot, plain_amount)
    return ColumnMapping(fields=fields)


# =============================================================================================
# Reading cells
# =============================================================================================

@functools.lru_cache(maxsize=1024)
def _placeholders(header: str) -> frozenset[str]:
    return frozenset(_PLACEHOLDERS.get(header.lower(), ()))


class _Texts:
    """A table's cells as text (trimmed; exporters' placeholders and empty dates read as ""),
    a whole column at a time when first asked for: asked cell by cell, a wide export's 100k rows
    took 3.5M calls (1.8 of its 3 s)."""

    def __init__(self, table: Table, index: dict[str, int]) -> None:
        self.rows = table.rows
        self.index = index
        self.columns: dict[str, list[str]] = {"": [""] * len(table.rows)}
        self._cells: list[tuple[Cell, ...]] | None = None

    def column(self, header: str) -> list[str]:
        texts = self.columns.get(header)
        if texts is None:
            texts = self.columns[header] = self._read(header)
        return texts

    def _read(self, header: str) -> list[str]:
        if self._cells is None:  # the table turned into columns, in one go
            self._cells = list(itertools.zip_longest(*(r.values for r in self.rows),
                                                     fillvalue=""))
        position = self.index[header]
        cells = self._cells[position] if position < len(self._cells) else ("",) * len(self.rows)
        try:
            texts = list(map(str.strip, cells))
        except TypeError:  # an Excel sheet's numbers and dates
            texts = [cell_text(c) for c in cells]
        if not _EMPTY_DATES.isdisjoint(texts):
            texts = ["" if t in _EMPTY_DATES else t for t in texts]
        if placeholders := _placeholders(header):
            texts = ["" if t.lower() in placeholders else t for t in texts]
        return texts


class _Row:
    """A row's cells by header: as text (see _Texts) or as they are."""

    __slots__ = ("n", "row", "texts")

    def __init__(self, texts: _Texts, n: int) -> None:
        self.texts, self.n, self.row = texts, n, texts.rows[n]

    def cell(self, header: str) -> Cell:
        values = self.row.values
        position = self.texts.index[header]
        return values[position] if position < len(values) else ""

    def text(self, header: str) -> str:
        return self.texts.column(header)[self.n]


def _rows(table: Table, index: dict[str, int]) -> list[_Row]:
    texts = _Texts(table, index)
    return [_Row(texts, n) for n in range(len(table.rows))]


def _column_index(table: Table, mapping: ColumnMapping) -> dict[str, int]:
    index = {h: i for i, h in enumerate(table.headers)}
    missing = [h for h in mapping.headers() if h not in index]
    if missing:
        raise ImportFailed(
            translatable("Messages", "The column mapping names columns the file doesn't have: %1."),
            values=(", ".join(repr(h) for h in missing),),
            hint=translatable("Messages", "The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    return index


class _NoYear(ValueError):
    pass


_YMD = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?")
_AMBIGUOUS = re.compile(r"(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})(?:[ T].*)?")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


class _DateReader:
    """Reads one column's dates, day-first or month-first as the column's values show."""

    def __init__(self, cells: Iterable[str]) -> None:
        day = month = 0
        separator = ""
        for text in cells:
            match = _AMBIGUOUS.fullmatch(text)
            if match:
                separator = separator or match[2]
                day += int(match[1]) > 12
                month += int(match[3]) > 12
        self.dayfirst = day > month if day != month else separator in (".", "-")

    def __call__(self, cell: Cell) -> dt.date | None:
        """The date, None for an empty cell; ValueError saying why not, _NoYear without year."""
        if isinstance(cell, dt.datetime):
            return cell.date()
        if isinstance(cell, dt.date):
            return cell
        if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
            return self._serial(float(cell), cell_text(cell))
        text = cell_text(cell)
        if not text or text in _EMPTY_DATES:
            return None
        if re.fullmatch(r"--\d\d-?\d\d", text):
            raise _NoYear(Text(translatable("Import", "%1 has no year"), repr(text)))
        if match := _YMD.fullmatch(text):
            return _date(text, int(match[1]), int(match[2]), int(match[3]))
        if match := _AMBIGUOUS.fullmatch(text):
            a, b, year = int(match[1]), int(match[3]), int(match[4])
            if len(match[4]) == 2:
                year += 2000 if year <= dt.date.today().year % 100 else 1900
            day, month = (a, b) if self.dayfirst else (b, a)
            order = (
                translatable("Import", "day/month/year")
                if self.dayfirst
                else translatable("Import", "month/day/year")
            )
            return _date(text, year, month, day, order)
        if re.fullmatch(r"\d{8}", text):
            return _date(text, int(text[:4]), int(text[4:6]), int(text[6:]))
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            return self._serial(float(text), text)
        return self._words(text)

    @staticmethod
    def _serial(number: float, text: str) -> dt.date:
        """An Excel date number (days since 1899-12-30), as a cell not formatted as date has."""
        if not 1 <= number < 2958466:
            raise ValueError(Text(translatable("Import", "%1 is not a date"), repr(text)))
        return _EXCEL_EPOCH + dt.timedelta(days=int(number))

    def _words(self, text: str) -> dt.date:
        """`March 1, 2024`, `1 Mar 2024`: dateutil, but only when the text names all three parts
        (parsing with two different defaults gives the same date)."""
        try:
            one = dateparser.parse(text, dayfirst=self.dayfirst, default=dt.datetime(2001, 1, 1))
            two = dateparser.parse(text, dayfirst=self.dayfirst, default=dt.datetime(2002, 2, 2))
        except (ValueError, OverflowError) as exc:
            raise ValueError(Text(translatable("Import", "%1 is not a date"), repr(text))) from exc
        if one != two:
            if one.year != two.year and (one.month, one.day) == (two.month, two.day):
                raise _NoYear(Text(translatable("Import", "%1 has no year"), repr(text)))
            raise ValueError(Text(translatable("Import", "%1 is not a whole date"), repr(text)))
        return one.date()


def _date(text: str, year: int, month: int, day: int, order: str = "") -> dt.date:
    """The date, or ValueError naming the text (and the column's day order, when it had to
    be worked out)."""
    try:
        return dt.date(year, month, day)
    except ValueError as exc:
        if order:
            why = Text(
                translatable("Import", "%1 is not a date (this column writes %2)"),
                repr(text),
                Text(order),
            )
        else:
            why = Text(translatable("Import", "%1 is not a date"), repr(text))
        raise ValueError(why) from exc


_CURRENCIES = (
    ("HK$", "HKD"), ("US$", "USD"), ("RMB", "CNY"), ("CNY", "CNY"), ("USD", "USD"),
    ("EUR", "EUR"), ("GBP", "GBP"), ("HKD", "HKD"), ("JPY", "JPY"), ("人民币", "CNY"),
    ("美元", "USD"), ("欧元", "EUR"), ("英镑", "GBP"), ("港币", "HKD"), ("港元", "HKD"),
    ("日元", "JPY"), ("元", "CNY"), ("¥", "CNY"), ("￥", "CNY"), ("$", "USD"), ("€", "EUR"),
    ("£", "GBP"), ("円", "JPY"))
_CURRENCY_RE = re.compile("|".join(re.escape(t) for t, _ in _CURRENCIES), re.I)
_CURRENCY_CODES = {t.upper(): c for t, c in _CURRENCIES}
_NUMBER = re.compile(r"([+-])?\s*(\()?\s*(\d[\d.,'\s]*\d|\d)\s*(\))?\s*(-)?\s*(万|亿)?\s*"
                     r"[^\W\d_]{0,6}\.?")


def currency_code(text: str) -> str:
    """ISO code for `¥`, `RMB`, `人民币`, `usd` …; other text upper-cased as it is."""
    text = text.strip()
    return _CURRENCY_CODES.get(text.upper(), text.upper())


class _NumberReader:
    """Reads one column's numbers, with a decimal comma if the column's values show one."""

    def __init__(self, cells: Iterable[str]) -> None:
        comma = point = 0
        for text in cells:
            comma += bool(re.search(r",\d{1,2}\D*$|\.\d{3},|\d\.\d{3}\.\d{3}", text))
            point += bool(re.search(r"\.\d{1,2}\D*$|,\d{3}\.|\d,\d{3},\d{3}", text))
        self.comma_decimal = comma > point

    def __call__(self, cell: Cell) -> tuple[Decimal | None, str]:
        """(number, currency code written with it); (None, "") for empty; ValueError if not one."""
        if isinstance(cell, int | Decimal) and not isinstance(cell, bool):
            return Decimal(cell), ""
        if isinstance(cell, float):
            return Decimal(repr(round(cell, 9))).normalize() + 0, ""
        text = cell_text(cell)
        if not text:
            return None, ""
        found = _CURRENCY_RE.search(text)
        currency = _CURRENCY_CODES[found[0].upper()] if found else ""
        bare = _CURRENCY_RE.sub(" ", text).strip()
        match = _NUMBER.fullmatch(bare)
        if not match:
            raise ValueError(Text(translatable("Import", "%1 is not a number"), repr(text)))
        sign, open_paren, digits, close_paren, trailing, scale = match.groups()
        value = Decimal(self._plain(re.sub(r"['\s]", "", digits)))
        if scale:
            value *= 10_000 if scale == "万" else 100_000_000
        if sign == "-" or trailing or (open_paren and close_paren):
            value = -value
        return value, currency

    def _plain(self, digits: str) -> str:
        """`1.234,50` -> `1234.50`: with both marks the last is the decimal one; a mark used
        twice groups thousands; one mark before exactly three digits is what the column says."""
        if "," in digits and "." in digits:
            decimal = "," if digits.rfind(",") > digits.rfind(".") else "."
        elif "," in digits or "." in digits:
            mark = "," if "," in digits else "."
            after = len(digits) - digits.rfind(mark) - 1
            if digits.count(mark) > 1:
                decimal = ""
            elif after == 3:
                decimal = "," if self.comma_decimal else "."
                decimal = mark if mark == decimal else ""
            else:
                decimal = mark
        else:
            decimal = ""
        group = {",": ".", ".": ","}.get(decimal, ",.")
        for mark in group:
            digits = digits.replace(mark, "")
        try:
            return str(Decimal(digits.replace(",", ".")))
        except InvalidOperation as exc:
            raise ValueError(
                Text(translatable("Import", "%1 is not a number"), repr(digits))
            ) from exc


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
    index = _column_index(table, mapping)
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
    texts = _Texts(table, index)
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


def _read_fields(texts: _Texts, m: ColumnMapping, records: list[ContactRecord],
                 notes: list[list[str]]) -> None:
    """The single-valued fields; a birthday that is not a date goes to the notes."""
    for name, header in m.fields.items():
        if name in CONTACT_FIELDS and name not in ("birthday", "notes"):
            for rec, text in zip(records, texts.column(header), strict=True):
                if text:
                    setattr(rec, name, text)
    if header := m.fields.get("birthday", ""):
        column = texts.column(header)
        dates = _DateReader(column)
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


def _read_values(texts: _Texts, m: ColumnMapping, records: list[ContactRecord],
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


def _typed_values(texts: _Texts, vc: ValueColumns,
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


def _read_addresses(texts: _Texts, addresses: list[AddressColumns],
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


# =============================================================================================
# Orders
# =============================================================================================

_LINE_FIELDS = ("product", "quantity", "unit_price", "line_amount")


class _RowError(ValueError):
    pass


def orders_from_table(table: Table, mapping: ColumnMapping,
                      ) -> tuple[list[OrderRecord], list[RowProblem]]:
    """Orders in file order; rows sharing an order number are one order with a line each. A
    row without customer, with a date or number that can't be read, or contradicting its
    order's earlier rows is a RowProblem."""
    index = _column_index(table, mapping)
    f = mapping.fields
    if not any(f.get(k) for k in ("customer_name", "customer_code", "customer_email")):
        raise ImportFailed(
            translatable("Messages", "No column of the file could be read as the customer."),
            hint=translatable("Messages", "Give a column mapping. The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    if not any(f.get(k) for k in ("amount", "product", "line_amount", "unit_price")):
        raise ImportFailed(
            translatable(
                "Messages", "No column of the file could be read as an amount or a product."
            ),
            hint=translatable("Messages", "The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    rows = _rows(table, index)
    dates = _DateReader(r.text(f.get("ordered_on", "")) for r in rows)
    numbers = {k: _NumberReader(r.text(f.get(k, "")) for r in rows)
               for k in ("amount", "quantity", "unit_price", "line_amount")}
    orders: list[OrderRecord] = []
    by_number: dict[str, OrderRecord] = {}
    problems: list[RowProblem] = []
    for row in rows:
        try:
            order, line = _order_row(row, f, dates, numbers)
            if order.number in by_number:
                _join(by_number[order.number], order, line)
                continue
            orders.append(order)
            if order.number:
                by_number[order.number] = order
            order.lines += [line] if line else []
        except _RowError as exc:
            problems.append(RowProblem(row.row.line, exc.args[0]))  # a Text: translatable
    for order in orders:
        if order.amount is None and order.lines and all(
                _line_total(li) is not None for li in order.lines):
            order.amount = sum((_line_total(li) or Decimal(0) for li in order.lines), Decimal(0))
    return orders, problems


def _order_row(row: _Row, f: dict[str, str], dates: _DateReader,
               numbers: dict[str, _NumberReader]) -> tuple[OrderRecord, OrderLineRecord | None]:
    order = OrderRecord(customer_name=row.text(f.get("customer_name", "")),
                        customer_code=row.text(f.get("customer_code", "")),
                        customer_email=row.text(f.get("customer_email", "")),
                        number=row.text(f.get("number", "")), source_line=row.row.line)
    if not (order.customer_name or order.customer_code or order.customer_email):
        raise _RowError(translatable("Import", "no customer"))
    try:
        order.ordered_on = dates(row.cell(f["ordered_on"])) if "ordered_on" in f else None
    except ValueError as exc:
        raise _RowError(
            Text(translatable("Import", "%1: %2"), f["ordered_on"], exc.args[0])
        ) from exc
    values: dict[str, Decimal | None] = {}
    currencies = []
    for key in ("amount", "quantity", "unit_price", "line_amount"):
        try:
            values[key], currency = numbers[key](row.cell(f[key])) if key in f else (None, "")
        except ValueError as exc:
            raise _RowError(Text(translatable("Import", "%1: %2"), f[key], exc.args[0])) from exc
        currencies.append(currency)
    order.amount = values["amount"]
    written = row.text(f.get("currency", ""))
    order.currency = currency_code(written) if written else next(
        (c for c in currencies if c), "")
    line = None
    if any(row.text(f.get(k, "")) for k in _LINE_FIELDS):
        quantity = values["quantity"]
        line = OrderLineRecord(product=row.text(f.get("product", "")),
                               quantity=Decimal(1) if quantity is None else quantity,
                               unit_price=values["unit_price"], amount=values["line_amount"])
    return order, line


def _join(order: OrderRecord, row: OrderRecord, line: OrderLineRecord | None) -> None:
    """Another row of an order already seen: it adds a line and must not contradict."""
    for name, label in (
        ("customer_name", translatable("Import", "customer")),
        ("customer_code", translatable("Import", "customer code")),
        ("customer_email", translatable("Import", "customer e-mail")),
        ("ordered_on", translatable("Import", "date")),
        ("currency", translatable("Import", "currency")),
        ("amount", translatable("Import", "total")),
    ):
        mine, theirs = getattr(order, name), getattr(row, name)
        if mine not in (None, "") and theirs not in (None, "") and mine != theirs:
            raise _RowError(
                Text(
                    translatable("Import", "order %1 has %2 %3 on line %4, this row says %5"),
                    order.number,
                    Text(label),
                    mine,
                    order.source_line,
                    theirs,
                )
            )
    for name in ("customer_name", "customer_code", "customer_email", "ordered_on", "currency",
                 "amount"):
        if getattr(order, name) in (None, ""):
            setattr(order, name, getattr(row, name))
    if line:
        order.lines.append(line)


def _line_total(line: OrderLineRecord) -> Decimal | None:
    if line.amount is not None:
        return line.amount
    return line.quantity * line.unit_price if line.unit_price is not None else None


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
