"""Mailing labels, read back with pdfplumber: every label's text inside its own rectangle."""

from __future__ import annotations

import pdfplumber
import pytest

from crmdesk.core.errors import KnownError
from crmdesk.export.address_block import Recipient, address_lines
from crmdesk.export.label_stock import builtin_stocks, find_stock, system_stocks
from crmdesk.export.labels import LabelsCancelled, fit_block, write_labels

CHINESE = Recipient(
    "张三",
    street="天河区体育西路103号",
    extended="维多利广场A座",
    city="广州市",
    region="广东省",
    postal_code="510620",
    country="中国",
    company="广州明华科技有限公司",
)
WESTERN = Recipient(
    "Jane Smith",
    street="1600 Amphitheatre Parkway",
    city="Mountain View",
    region="CA",
    postal_code="94043",
    country="United States",
)


def numbered(count: int) -> list[Recipient]:
    """Recipients whose name says which one they are, half of them Chinese."""
    people = []
    for i in range(count):
        if i % 2:
            people.append(
                Recipient(
                    f"R{i:03d}",
                    street=f"{i} Long Street Name",
                    city="London",
                    postal_code="SW1A 1AA",
                    country="United Kingdom",
                )
            )
        else:
            people.append(
                Recipient(
                    f"R{i:03d}",
                    street=f"体育西路{i}号",
                    city="广州市",
                    region="广东省",
                    postal_code="510620",
                )
            )
    return people  # fmt: skip


def chars_by_label(pdf_path, stock, page_number=0):
    """Each character's label slot (by which rectangle holds its centre), and any character
    whose box leaves the rectangle that holds its centre."""
    origins = stock.origins()
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_number]
        assert (round(page.width), round(page.height)) == (
            round(stock.page_width),
            round(stock.page_height),
        )
        found, outside = {}, []
        for char in page.chars:
            cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
            slot = next(
                (i for i, (x, y) in enumerate(origins)
                 if x <= cx <= x + stock.label_width and y <= cy <= y + stock.label_height),
                None,
            )  # fmt: skip
            if slot is None:
                outside.append(char["text"])
                continue
            x, y = origins[slot]
            if not (
                x - 0.5 <= char["x0"]
                and char["x1"] <= x + stock.label_width + 0.5
                and y - 0.5 <= char["top"]
                and char["bottom"] <= y + stock.label_height + 0.5
            ):
                outside.append(char["text"])  # fmt: skip
            found.setdefault(slot, []).append(char["text"])
        return {slot: "".join(text) for slot, text in found.items()}, outside


def check_sheet(tmp_path, stock):
    people = numbered(stock.count)
    out = write_labels(tmp_path / "labels.pdf", stock, people)
    assert (out.labels, out.pages) == (stock.count, 1)
    texts, outside = chars_by_label(out.path, stock)
    assert outside == [], stock.name
    assert sorted(texts) == list(range(stock.count)), stock.name
    for slot, text in texts.items():
        assert f"R{slot:03d}" in text, (stock.name, slot, text)


@pytest.mark.parametrize("stock", builtin_stocks(), ids=lambda s: s.name)
def test_every_builtin_sheet_keeps_each_text_inside_its_label(tmp_path, stock):
    check_sheet(tmp_path, stock)


# sheets an address fits on (not CD spines or file-folder tabs), at most 120 on a page
LIBRARY = [s for s in system_stocks()
           if s.count <= 120 and s.label_width >= 72 and s.label_height >= 40]  # fmt: skip


@pytest.mark.skipif(not LIBRARY, reason="gLabels' library (glabels-data) is not installed")
def test_sheets_read_from_the_glabels_library_keep_text_inside(tmp_path):
    assert len(system_stocks()) > 500
    for stock in LIBRARY[:: max(1, len(LIBRARY) // 40)]:
        check_sheet(tmp_path, stock)


def test_the_start_position_is_honoured(tmp_path):
    stock = find_stock("Avery L7160")
    people = numbered(25)
    out = write_labels(tmp_path / "l.pdf", stock, people, start=5)
    assert out.pages == 2
    texts, _ = chars_by_label(out.path, stock, 0)
    assert sorted(texts) == list(range(4, 21))  # slots 1-4 left free
    assert "R000" in texts[4]
    second, _ = chars_by_label(out.path, stock, 1)
    assert sorted(second) == list(range(0, 8)) and "R017" in second[0]


def test_a_start_position_off_the_sheet_is_refused(tmp_path):
    with pytest.raises(KnownError, match="between 1 and 21"):
        write_labels(tmp_path / "l.pdf", find_stock("L7160"), [WESTERN], start=22)
    assert not (tmp_path / "l.pdf").exists()


def label_text(pdf_path, stock, slot, page_number=0):
    x, y = stock.origins()[slot]
    with pdfplumber.open(pdf_path) as pdf:
        page = pdf.pages[page_number]
        box = (x, y, x + stock.label_width, y + stock.label_height)
        return page.crop(box).extract_text().splitlines()


def test_chinese_extracts_as_the_same_text_in_the_chinese_order(tmp_path):
    stock = find_stock("Generic A4-24-70x37")
    out = write_labels(tmp_path / "l.pdf", stock, [CHINESE, WESTERN])
    assert label_text(out.path, stock, 0) == [
        "510620", "广东省广州市天河区体育西路103号", "维多利广场A座", "广州明华科技有限公司",
        "张三 收",
    ]  # fmt: skip
    assert label_text(out.path, stock, 1) == [
        "Jane Smith", "1600 Amphitheatre Parkway", "Mountain View, CA 94043", "UNITED STATES",
    ]  # fmt: skip


def test_address_blocks_follow_the_country():
    assert address_lines(CHINESE) == [
        "510620", "广东省广州市天河区体育西路103号", "维多利广场A座", "广州明华科技有限公司",
        "张三 收",
    ]  # fmt: skip
    assert address_lines(WESTERN) == [
        "Jane Smith", "1600 Amphitheatre Parkway", "Mountain View, CA 94043", "UNITED STATES",
    ]  # fmt: skip


def test_the_block_order_is_the_one_line_order_of_the_contact_form():
    from crmdesk.interop.records import AddressRecord
    from crmdesk.services.contact_points import format_address

    parts = ("street", "extended", "city", "region", "postal_code", "country")
    one_line = format_address(AddressRecord(**{p: getattr(CHINESE, p) for p in parts}))
    block = address_lines(CHINESE)
    assert one_line == " ".join([block[0], block[1], block[2]])


def test_long_text_shrinks_rather_than_spilling(tmp_path):
    stock = find_stock("Avery L7651")  # 38 × 21 mm
    long = Recipient(
        "Maximilian Alexander von Habsburg-Lothringen",
        street="Very Long Street Name With Many Words 1234",
        city="Oberammergau",
        region="Bavaria",
        postal_code="82487",
        country="Germany",
        company="A" * 60,
    )
    out = write_labels(tmp_path / "l.pdf", stock, [long] * 3)
    texts, outside = chars_by_label(out.path, stock)
    assert outside == [] and sorted(texts) == [0, 1, 2]
    assert "Maximilian" in texts[0]
    block = fit_block(address_lines(long), 100, 50)
    assert 4 <= block.size < 11


def test_outlines_draw_one_rectangle_per_label(tmp_path):
    stock = find_stock("5160")
    out = write_labels(tmp_path / "l.pdf", stock, [WESTERN] * 3, outline=True)
    with pdfplumber.open(out.path) as pdf:
        shapes = pdf.pages[0].curves + pdf.pages[0].rects
    assert len(shapes) == 3
    plain = write_labels(tmp_path / "p.pdf", stock, [WESTERN] * 3)
    with pdfplumber.open(plain.path) as pdf:
        assert pdf.pages[0].curves + pdf.pages[0].rects == []


def test_a_cancelled_run_writes_nothing(tmp_path):
    with pytest.raises(LabelsCancelled):
        write_labels(tmp_path / "l.pdf", find_stock("L7160"), [WESTERN] * 500,
                     cancelled=lambda: True)  # fmt: skip
    assert list(tmp_path.iterdir()) == []


def test_a_german_address_puts_the_code_before_the_town():
    berlin = Recipient("Anna Müller", street="Unter den Linden 1", city="Berlin",
                       region="Berlin", postal_code="10117", country="Germany")  # fmt: skip
    assert address_lines(berlin)[-2:] == ["10117 Berlin", "GERMANY"]


def test_accented_latin_in_a_chinese_address_keeps_its_letters(tmp_path):
    stock = find_stock("L7160")
    person = Recipient("Adeline Förster", street="体育西路1号", city="广州市", postal_code="510620")
    out = write_labels(tmp_path / "l.pdf", stock, [person])
    assert label_text(out.path, stock, 0)[-1] == "Adeline Förster 收"
