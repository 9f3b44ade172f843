"""Guessing a ColumnMapping from a table's header: the column names Google, Outlook, Excel users
and Chinese address books write. Columns an exporter fills by itself (Outlook's e-mail display
name) are ignored."""

from __future__ import annotations

import re
from collections.abc import Sequence

from crmdesk.interop.column_mapping import AddressColumns, ColumnMapping, ValueColumns

# =============================================================================================
# Guessing the mapping from the header
# =============================================================================================

def header_key(header: str) -> str:
    """`E-mail 2` and `手机号码（必填）` compare as `email` and `手机号码`."""
    text = re.sub(r"[(（\[【].*?[)）\]】]", "", header.lower())
    text = re.sub(r"[\W_]+", "", text)
    return text.rstrip("0123456789") or text


def header_words(*pairs: tuple[str, str]) -> dict[str, str]:
    return {header_key(w): target for words, target in pairs for w in words.split("|")}


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
for _where, _word in (("work", "Business"), ("home", "Home"), ("other", "Other")):
    _GOOGLE.update({f"{_word} {h}".lower(): f"addr:{_where}:{p}" for h, p in (
        ("Street", "street"), ("Street 2", "street"), ("Street 3", "street"), ("City", "city"),
        ("State", "region"), ("Postal Code", "postal_code"), ("Country/Region", "country"),
        ("Country", "country"), ("Address PO Box", "po_box"))})

# Columns exporters fill by themselves: ignored, and values that mean "nothing".
_DERIVED = {"e-mail type", "e-mail 2 type", "e-mail 3 type", "e-mail display name",
            "e-mail 2 display name", "e-mail 3 display name"}

_GENERIC = header_words(
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
            target = _GOOGLE.get(key) or _GENERIC.get(header_key(header), "")
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


_ORDER_WORDS = header_words(
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
        target = _ORDER_WORDS.get(header_key(header), "")
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
