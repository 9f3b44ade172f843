"""Build the shipped Word templates (resources/templates/*.docx) with python-docx.

Run it after changing the wording or the layout: `python scripts/make_templates.py`. The files
are ordinary .docx documents with docxtpl tags; users copy and edit them in Word. East Asian
fonts are set explicitly (w:eastAsia) so Chinese renders in Word and LibreOffice alike.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parents[1] / "resources" / "templates"
ACCENT = "1F4E79"
SHADE = "DCE6F1"
LATIN, CJK_BODY, CJK_HEAD = "Arial", "SimSun", "SimHei"

ZH = {
    "contract_title": "购销合同",
    "quote_title": "报价单",
    "number": "合同编号：",
    "quote_number": "报价单号：",
    "date": "签订日期：",
    "quote_date": "报价日期：",
    "valid": "有效期至：",
    "buyer": "甲方（买方）",
    "seller": "乙方（卖方）",
    "to": "致",
    "from": "报价方",
    "address": "地址：",
    "tax_id": "纳税人识别号：",
    "bank": "开户行及账号：",
    "contact": "联系人：",
    "phone": "电话：",
    "email": "邮箱：",
    "intro": "经甲乙双方友好协商，根据《中华人民共和国民法典》及相关法律法规的规定，就甲方向乙方"
    "购买下列产品事宜，达成如下协议，以资共同遵守。",
    "quote_intro": "感谢贵司垂询，现将“{{ opportunity.name }}”相关产品报价如下：",
    "s1": "一、产品名称、数量及价款",
    "heads": (
        "序号",
        "产品名称及说明",
        "单位",
        "数量",
        "单价",
        "折扣",
        "税率",
        "不含税金额",
        "价税合计",
    ),
    "sum": "合计",
    "net": "不含税金额",
    "tax": "税额",
    "gross": "价税合计",
    "words": "合计金额（大写）：人民币",
    "currency": "币种：",
    "s2": "二、交货时间、地点及方式",
    "s2t": "乙方应于合同生效后三十日内将货物送达甲方指定地点，运输费用及运输途中的风险由乙方承担。",
    "s3": "三、付款方式",
    "terms_default": "合同签订后七日内，甲方向乙方支付合同总价的30%作为预付款；货物验收合格后"
    "三十日内付清余款。乙方应在收款前开具合法有效的增值税专用发票。",
    "s4": "四、质量标准与验收",
    "s4t": "货物应符合国家标准及生产厂家的企业标准，全新、未使用过。甲方应在收货后七日内验收，逾期"
    "未提出书面异议的，视为验收合格。质保期为验收合格之日起十二个月。",
    "s5": "五、违约责任",
    "s5t": "乙方逾期交货或甲方逾期付款的，每逾期一日，按逾期部分金额的0.05%向对方支付违约金，"
    "但违约金总额不超过合同总价的5%。",
    "s6": "六、争议解决",
    "s6t": "因本合同引起的或与本合同有关的争议，双方应友好协商解决；协商不成的，任何一方均可向乙方"
    "所在地有管辖权的人民法院提起诉讼。",
    "s7": "七、其他",
    "s7t": "本合同自双方签字并盖章之日起生效。本合同一式两份，甲乙双方各执一份，具有同等法律效力。",
    "sign_buyer": "甲方（盖章）：",
    "sign_seller": "乙方（盖章）：",
    "rep": "授权代表（签字）：",
    "sign_date": "日期：",
    "quote_terms": "报价说明",
    "quote_notes": "1. 以上报价含税，税率如表所列；\n"
    "2. 付款方式：{{ contract.terms or '合同签订后预付30%，货到验收合格后付清余款' }}；\n"
    "3. 本报价有效期至 {{ contract.valid_until }}。",
    "quoted_by": "报价人：",
    "page": ("第 ", " 页 共 ", " 页"),
}
EN = {
    "contract_title": "SALES CONTRACT",
    "quote_title": "QUOTATION",
    "number": "Contract no.: ",
    "quote_number": "Quotation no.: ",
    "date": "Date: ",
    "quote_date": "Date: ",
    "valid": "Valid until: ",
    "buyer": "The Buyer",
    "seller": "The Seller",
    "to": "To",
    "from": "From",
    "address": "Address: ",
    "tax_id": "Tax ID: ",
    "bank": "Bank and account: ",
    "contact": "Contact: ",
    "phone": "Phone: ",
    "email": "Email: ",
    "intro": "The Buyer and the Seller have agreed that the Buyer buys and the Seller sells "
    "the goods "
    "below on the terms and conditions of this contract.",
    "quote_intro": "Thank you for your enquiry. We are pleased to quote for "
    "“{{ opportunity.name }}” as follows:",
    "s1": "1. Goods, quantities and prices",
    "heads": (
        "No.",
        "Product and description",
        "Unit",
        "Qty",
        "Unit price",
        "Disc.",
        "VAT",
        "Net",
        "Gross",
    ),
    "sum": "Total",
    "net": "Net amount",
    "tax": "VAT",
    "gross": "Total amount due",
    "words": "Amount in words: ",
    "currency": "Currency: ",
    "s2": "2. Delivery",
    "s2t": "The Seller delivers the goods to the place the Buyer names within 30 days after this "
    "contract takes effect, carrying the cost and risk of transport.",
    "s3": "3. Payment",
    "terms_default": "30% of the contract price in advance within 7 days of signing; the balance "
    "within 30 days of acceptance of the goods, against the Seller's invoice.",
    "s4": "4. Quality and acceptance",
    "s4t": "The goods are new, unused and meet the applicable national standards and the "
    "manufacturer's specifications. The Buyer inspects them within 7 days of receipt; goods not "
    "objected to in writing by then are accepted. Warranty: 12 months from acceptance.",
    "s5": "5. Liability for breach",
    "s5t": "For each day of late delivery or late payment the party in default pays 0.05% of the "
    "amount overdue, up to 5% of the contract price in all.",
    "s6": "6. Disputes",
    "s6t": "Disputes arising from this contract are settled by negotiation; failing that, by the "
    "competent court at the Seller's place of business.",
    "s7": "7. Miscellaneous",
    "s7t": "This contract takes effect when both parties have signed and sealed it. It is made in "
    "two copies of equal force, one for each party.",
    "sign_buyer": "For the Buyer (seal):",
    "sign_seller": "For the Seller (seal):",
    "rep": "Authorised signature:",
    "sign_date": "Date:",
    "quote_terms": "Terms",
    "quote_notes": "1. Prices include VAT at the rates shown.\n2. Payment: {{ contract.terms or "
    "'30% in advance, the balance on acceptance' }}.\n"
    "3. This quotation is valid until {{ contract.valid_until }}.",
    "quoted_by": "Quoted by: ",
    "page": ("Page ", " of ", ""),
}


def _fonts(run_or_style: object, east_asian: str, size: float | None = None,
           bold: bool = False) -> None:  # fmt: skip
    font = run_or_style.font  # type: ignore[attr-defined]
    font.name = LATIN
    if size:
        font.size = Pt(size)
    font.bold = bold or None
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(key), LATIN)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")


def _styles(doc: Document, language: str) -> None:
    normal = doc.styles["Normal"]
    _fonts(normal, CJK_BODY, 10.5)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.2
    lang = normal.element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), "en-US")
    tag.set(qn("w:eastAsia"), "zh-CN")
    lang.append(tag)
    doc.core_properties.language = "zh-CN" if language == "zh" else "en-US"
    doc.core_properties.author = "crmdesk"


def _page(doc: Document, words: dict) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(1.8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, middle, after = words["page"]
    _run(footer, before, size=8)
    _field(footer, "PAGE")
    _run(footer, middle, size=8)
    _field(footer, "NUMPAGES")
    _run(footer, after, size=8)


def _field(paragraph: object, code: str) -> None:
    simple = OxmlElement("w:fldSimple")
    simple.set(qn("w:instr"), code)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    simple.append(run)
    paragraph._p.append(simple)  # type: ignore[attr-defined]


def _run(paragraph: object, text: str, *, size: float | None = None, bold: bool = False,
         head: bool = False, color: str | None = None) -> object:  # fmt: skip
    run = paragraph.add_run(text)  # type: ignore[attr-defined]
    _fonts(run, CJK_HEAD if head else CJK_BODY, size, bold)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    return run


def _para(doc_or_cell: object, text: str = "", *, align: object = None, size: float | None = None,
          bold: bool = False, head: bool = False, before: float = 0, after: float = 3,
          color: str | None = None) -> object:  # fmt: skip
    p = doc_or_cell.add_paragraph()  # type: ignore[attr-defined]
    if align is not None:
        p.alignment = align
    p.paragraph_format.space_before = Pt(before)
    p.paragraph_format.space_after = Pt(after)
    if text:
        _run(p, text, size=size, bold=bold, head=head, color=color)
    return p


def _shade(cell: object, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def _borders(table: object, color: str = "808080", inner: bool = True) -> None:
    tblpr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    edges = ("top", "left", "bottom", "right", *(("insideH", "insideV") if inner else ()))
    for edge in edges:
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "single")
        e.set(qn("w:sz"), "4")
        e.set(qn("w:color"), color)
        borders.append(e)
    tblpr.append(borders)


def _no_borders(table: object) -> None:
    tblpr = table._tbl.tblPr  # type: ignore[attr-defined]
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.append(borders)


def _cell_text(cell: object, text: str, *, bold: bool = False, align: object = None,
               size: float = 9) -> None:  # fmt: skip
    p = cell.paragraphs[0]  # type: ignore[attr-defined]
    p.paragraph_format.space_after = Pt(0)
    if align is not None:
        p.alignment = align
    for i, part in enumerate(text.split("\n")):
        if i:
            p = cell.add_paragraph()  # type: ignore[attr-defined]
            p.paragraph_format.space_after = Pt(0)
            if align is not None:
                p.alignment = align
        _run(p, part, size=size, bold=bold, head=bold)


def _widths(table: object, widths: list[float]) -> None:
    """Fixed column widths, in the grid (LibreOffice reads) and in each cell (Word reads)."""
    table.autofit = False  # type: ignore[attr-defined]
    for column, width in zip(table.columns, widths, strict=True):  # type: ignore[attr-defined]
        column.width = Cm(width)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)  # type: ignore[attr-defined]
    for row in table.rows:  # type: ignore[attr-defined]
        for cell in row._tr.tc_lst:
            span = cell.grid_span
            index = sum(c.grid_span for c in row._tr.tc_lst[: row._tr.tc_lst.index(cell)])
            cell.width = Cm(sum(widths[index : index + span]))


def _parties(doc: Document, w: dict, quote: bool) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    blocks = (
        (left, w["to"] if quote else w["buyer"], "buyer", True),
        (right, w["from"] if quote else w["seller"], "seller", False),
    )
    for cell, title, who, is_buyer in blocks:
        _cell_text(cell, title, bold=True, size=10)
        lines = [f"{{{{ {who}.name }}}}", f"{w['address']}{{{{ {who}.address }}}}"]
        if not quote or not is_buyer:
            lines.append(f"{w['tax_id']}{{{{ {who}.tax_id }}}}")
        if who == "seller":
            if not quote:
                lines.append(f"{w['bank']}{{{{ seller.bank }}}}")
            lines += [f"{w['contact']}{{{{ owner.name }}}}", f"{w['phone']}{{{{ seller.phone }}}}"]
        else:
            lines += [f"{w['contact']}{{{{ contact.name }}}}",
                      f"{w['phone']}{{{{ contact.phone }}}}"]  # fmt: skip
        for line in lines:
            _para(cell, line, size=9, after=0)
    _widths(table, [8.5, 8.5])


def _lines(doc: Document, w: dict) -> None:
    heads = w["heads"]
    widths = [1.0, 4.2, 1.2, 1.2, 2.1, 1.3, 1.1, 2.4, 2.4]
    table = doc.add_table(rows=4, cols=len(heads))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _borders(table)
    right = WD_ALIGN_PARAGRAPH.RIGHT
    center = WD_ALIGN_PARAGRAPH.CENTER
    for cell, head in zip(table.rows[0].cells, heads, strict=True):
        _cell_text(cell, head, bold=True, align=center)
        _shade(cell, SHADE)
    _mark_header(table.rows[0])
    loop, body, end = table.rows[1], table.rows[2], table.rows[3]
    _merge_row(loop, "{%tr for line in lines %}")
    values = ("{{ line.position }}", "{{ line.product }}\n{{ line.description }}",
              "{{ line.unit }}", "{{ line.quantity }}", "{{ line.unit_price }}",
              "{{ line.discount }}", "{{ line.tax_rate }}", "{{ line.net }}",
              "{{ line.gross }}")  # fmt: skip
    aligns = (center, None, center, right, right, right, right, right, right)
    for cell, value, align in zip(body.cells, values, aligns, strict=True):
        _cell_text(cell, value, align=align)
    _merge_row(end, "{%tr endfor %}")
    totals = table.add_row()
    first = totals.cells[0].merge(totals.cells[6])
    _cell_text(first, w["sum"], bold=True, align=right)
    _cell_text(totals.cells[7], "{{ totals.net }}", bold=True, align=right)
    _cell_text(totals.cells[8], "{{ totals.gross }}", bold=True, align=right)
    for cell in totals.cells:
        _shade(cell, "F2F2F2")
    _widths(table, widths)


def _mark_header(row: object) -> None:
    trpr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def _merge_row(row: object, text: str) -> None:
    cells = row.cells  # type: ignore[attr-defined]
    merged = cells[0].merge(cells[-1])
    _cell_text(merged, text)


def _words_row(w: dict, language: str) -> tuple[str, str]:
    if language == "zh":
        return w["words"], "{{ totals.gross_words_zh }}"
    return w["words"], "{{ totals.gross_words_en }}"


def _signatures(doc: Document, w: dict) -> None:
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    for cell, title, name in (
        (table.rows[0].cells[0], w["sign_buyer"], "{{ buyer.name }}"),
        (table.rows[0].cells[1], w["sign_seller"], "{{ seller.name }}"),
    ):
        _cell_text(cell, title, bold=True, size=10)
        _para(cell, name, size=9.5, after=18)
        _para(cell, w["rep"] + " ________________", size=9.5, after=12)
        _para(cell, w["sign_date"] + " ________________", size=9.5)
    _widths(table, [8.5, 8.5])


def _heading(doc: Document, text: str) -> None:
    _para(doc, text, bold=True, head=True, size=11, before=10, after=4, color=ACCENT)


def _rule(paragraph: object) -> None:
    ppr = paragraph._p.get_or_add_pPr()  # type: ignore[attr-defined]
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "12"), ("w:color", ACCENT),
                       ("w:space", "4")):  # fmt: skip
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def contract(language: str) -> Document:
    w = ZH if language == "zh" else EN
    doc = Document()
    _styles(doc, language)
    _page(doc, w)
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    title = _para(doc, w["contract_title"], align=WD_ALIGN_PARAGRAPH.CENTER, size=20, bold=True,
                  head=True, after=2, color=ACCENT)  # fmt: skip
    _rule(title)
    meta = _para(doc, align=WD_ALIGN_PARAGRAPH.RIGHT, before=4, after=8)
    _run(meta, w["number"], size=9.5, bold=True)
    _run(meta, "{{ contract.number }}", size=9.5)
    _run(meta, "    " + w["date"], size=9.5, bold=True)
    _run(meta, "{{ contract.date }}", size=9.5)
    _parties(doc, w, quote=False)
    _para(doc, w["intro"], before=8, after=4)
    _heading(doc, w["s1"])
    _lines(doc, w)
    label, value = _words_row(w, language)
    words = _para(doc, before=6, after=2)
    _run(words, label, bold=True)
    _run(words, value)
    amounts = _para(doc, after=2)
    _run(amounts, f"{w['net']}: " if language == "en" else f"{w['net']}：", bold=True)
    _run(amounts, "{{ totals.net }}    ")
    _run(amounts, f"{w['tax']}: " if language == "en" else f"{w['tax']}：", bold=True)
    _run(amounts, "{{ totals.tax }}    ")
    _run(amounts, f"{w['gross']}: " if language == "en" else f"{w['gross']}：", bold=True)
    _run(amounts, "{{ totals.currency }} {{ totals.gross }}", bold=True)
    for heading, text in (("s2", "s2t"), ("s3", None), ("s4", "s4t"), ("s5", "s5t"),
                          ("s6", "s6t"), ("s7", "s7t")):  # fmt: skip
        _heading(doc, w[heading])
        if text is None:
            _para(doc, '{{ contract.terms or "' + w["terms_default"] + '" }}')
        else:
            _para(doc, w[text])
    _para(doc, after=10)
    _signatures(doc, w)
    return doc


def quote(language: str) -> Document:
    w = ZH if language == "zh" else EN
    doc = Document()
    _styles(doc, language)
    _page(doc, w)
    doc.paragraphs[0]._p.getparent().remove(doc.paragraphs[0]._p) if doc.paragraphs else None
    company = _para(doc, "{{ seller.name }}", size=14, bold=True, head=True, after=0,
                    color=ACCENT)  # fmt: skip
    company.alignment = WD_ALIGN_PARAGRAPH.LEFT
    _para(doc, "{{ seller.address }}", size=8.5, after=0, color="555555")
    contact = _para(doc, size=8.5, after=2, color="555555")
    _run(contact, w["phone"] + "{{ seller.phone }}    " + w["email"] + "{{ seller.email }}",
         size=8.5, color="555555")  # fmt: skip
    _rule(contact)
    _para(doc, w["quote_title"], align=WD_ALIGN_PARAGRAPH.CENTER, size=18, bold=True,
          head=True, before=8, after=4)  # fmt: skip
    meta = _para(doc, align=WD_ALIGN_PARAGRAPH.RIGHT, after=8)
    for label, value in ((w["quote_number"], "{{ contract.number }}"),
                         (w["quote_date"], "{{ contract.date }}"),
                         (w["valid"], "{{ contract.valid_until }}")):  # fmt: skip
        _run(meta, "    " + label, size=9.5, bold=True)
        _run(meta, value, size=9.5)
    _parties(doc, w, quote=True)
    _para(doc, w["quote_intro"], before=8, after=6)
    _lines(doc, w)
    _para(doc, after=4)
    _totals_block(doc, w, language)
    _heading(doc, w["quote_terms"])
    for line in w["quote_notes"].split("\n"):
        _para(doc, line, size=9.5, after=1)
    _para(doc, after=14)
    sign = _para(doc, align=WD_ALIGN_PARAGRAPH.RIGHT)
    _run(sign, w["quoted_by"], bold=True)
    _run(sign, "{{ owner.name }}    {{ contract.date }}")
    return doc


def _totals_block(doc: Document, w: dict, language: str) -> None:
    table = doc.add_table(rows=4, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.RIGHT
    _borders(table, inner=False)
    label, value = _words_row(w, language)
    rows = ((w["net"], "{{ totals.net }}"), (w["tax"], "{{ totals.tax }}"),
            (w["gross"], "{{ totals.currency }} {{ totals.gross }}"), (label, value))  # fmt: skip
    right = WD_ALIGN_PARAGRAPH.RIGHT
    for index, (row, (name, text)) in enumerate(zip(table.rows, rows, strict=True)):
        _cell_text(row.cells[0], name, bold=True, size=9.5)
        _cell_text(row.cells[1], text, align=right, size=9.5, bold=index == 2)
        if index == 2:
            _shade(row.cells[0], SHADE)
            _shade(row.cells[1], SHADE)
    _widths(table, [5.5, 11.5])


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for language in ("zh", "en"):
        contract(language).save(OUT / f"contract-{language}.docx")
        quote(language).save(OUT / f"quote-{language}.docx")
    print(f"wrote 4 templates to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
