"""Flat records (leads, products) read from a table through a ColumnMapping: one column a
field, numbers read per column (interop/cells.py), the header guessed in English or Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from crmdesk.core.errors import ImportFailed
from crmdesk.core.texts import Text, translatable
from crmdesk.interop.cells import NumberReader, column_index, row_cells
from crmdesk.interop.column_mapping import FLAT_FIELDS, ColumnMapping, RowProblem
from crmdesk.interop.mapping_guess import header_key, header_words
from crmdesk.interop.table import Table

NUMBERS = {"leads": ("estimated_amount",), "products": ("price", "tax_rate", "cost")}
# what a row needs (any one of them)
NEEDS = {"leads": ("family_name", "given_name", "company"), "products": ("code",)}
_NO = {"0", "no", "n", "false", "inactive", "否", "停用", "无效", "下架"}

_WORDS = {
    "leads": header_words(
        ("last name|family name|surname|姓|姓氏", "family_name"),
        ("first name|given name|名|名字", "given_name"),
        (
            "company|organization|organisation|account|公司|单位|企业|公司名称|单位名称|企业名称",
            "company",
        ),
        ("title|job title|position|职位|职务|头衔", "title"),
        ("phone|mobile|telephone|tel|手机|电话|手机号|联系电话|手机号码", "phone"),
        ("email|e-mail|mail|email address|邮箱|电子邮件|电子邮箱", "email"),
        ("city|城市|所在城市", "city"),
        ("source|lead source|来源|线索来源|渠道", "source"),
        ("campaign|活动|营销活动|市场活动", "campaign"),
        ("owner|sales rep|salesperson|负责人|销售|业务员|归属", "owner"),
        ("amount|estimated amount|budget|value|预计金额|预算|金额", "estimated_amount"),
        ("notes|note|remarks|comment|备注|说明", "notes"),
        ("name|contact|contact name|姓名|联系人", "name?"),
    ),
    "products": header_words(
        (
            "code|sku|product code|item code|part number|编码|产品编码|货号|物料编码|商品编码|编号",
            "code",
        ),
        ("name|product|product name|item|description|名称|产品名称|品名|商品名称|产品", "name"),
        ("category|product category|group|product group|类别|分类|产品类别|产品分类|品类|类目",
         "category"),
        ("unit|uom|单位|计量单位", "unit"),
        ("price|unit price|list price|单价|价格|售价|销售价", "price"),
        ("tax|tax rate|vat|vat rate|税率|增值税率", "tax_rate"),
        ("cost|cost price|unit cost|成本|成本价|进价", "cost"),
        ("currency|币种|货币", "currency"),
        ("active|status|状态|启用|是否启用", "active"),
    ),
}


def guess_flat_mapping(kind: str, headers: Sequence[str]) -> ColumnMapping:
    """The columns of a lead or product table. A lone `name`/`姓名` column of leads is the
    person's whole name (Chinese names are written family name first)."""
    fields: dict[str, str] = {}
    for header in headers:
        target = _WORDS[kind].get(header_key(header), "")
        if target == "name?":
            if "family_name" not in fields and "given_name" not in fields:
                fields["family_name"] = header
        elif target and target not in fields:
            fields[target] = header
    return ColumnMapping(fields=fields)


@dataclass(frozen=True)
class FlatRecord:
    """One row as field -> text or Decimal (numbers), with its 1-based line in the file."""

    line: int
    values: dict[str, str | Decimal]

    def text(self, name: str) -> str:
        value = self.values.get(name, "")
        return value if isinstance(value, str) else str(value)

    def number(self, name: str) -> Decimal:
        value = self.values.get(name)
        return value if isinstance(value, Decimal) else Decimal(0)


def flat_from_table(
    kind: str, table: Table, mapping: ColumnMapping
) -> tuple[list[FlatRecord], list[RowProblem]]:
    """The rows as records; a row with none of the needed fields or a number that does not
    read is a RowProblem (never silently dropped)."""
    fields = {k: v for k, v in mapping.fields.items() if k in FLAT_FIELDS[kind]}
    if not any(fields.get(k) for k in NEEDS[kind]):
        raise ImportFailed(
            translatable("Messages", "No column of the file could be read as %1."),
            values=(", ".join(NEEDS[kind]),),
            hint=translatable("Messages", "The file's columns: %1."),
            hint_values=(", ".join(table.headers),),
        )
    rows = row_cells(table, column_index(table, mapping))
    readers = {k: NumberReader(r.text(fields[k]) for r in rows)
               for k in NUMBERS[kind] if k in fields}  # fmt: skip
    records: list[FlatRecord] = []
    problems: list[RowProblem] = []
    for row in rows:
        values: dict[str, str | Decimal] = {}
        try:
            for name, header in fields.items():
                if name in readers:
                    number, _currency = readers[name](row.cell(header))
                    values[name] = number if number is not None else Decimal(0)
                else:
                    values[name] = row.text(header)
        except ValueError as exc:
            problems.append(RowProblem(row.row.line, exc.args[0]))
            continue
        if "active" in values:
            values["active"] = "" if str(values["active"]).strip().lower() in _NO else "yes"
        if not any(str(values.get(k, "")).strip() for k in NEEDS[kind]):
            what = ", ".join(NEEDS[kind])
            problems.append(RowProblem(row.row.line, Text(translatable("Import", "no %1"), what)))
            continue
        if kind == "products" and not str(values.get("name", "")).strip():
            values["name"] = values["code"]
        records.append(FlatRecord(row.row.line, values))
    return records, problems
