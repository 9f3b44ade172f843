"""Envelopes, read back: page size, the postal code in its red boxes, where each block sits."""

from __future__ import annotations

import pdfplumber
import pytest
from reportlab.lib.units import mm

from crmdesk.core.errors import KnownError
from crmdesk.export.address_block import Recipient
from crmdesk.export.envelopes import envelope_size, write_envelopes
from tests.export.test_labels import CHINESE, WESTERN

SENDER_CN = Recipient("李四", street="朝阳区建国路88号", city="北京市", postal_code="100022")
SENDER = Recipient("Acme Ltd", street="1 Main Street", city="London", postal_code="EC1A 1BB")


@pytest.mark.parametrize(
    ("name", "key", "size_mm"),
    [("DL", "DL", (220, 110)), ("c5", "C5", (229, 162)), ("C6", "C6", (162, 114)),
     ("US #10", "US10", (241.3, 104.8)), ("5号", "CN5", (220, 110)), ("6号", "CN6", (230, 120)),
     ("7号", "CN7", (229, 162))],
)  # fmt: skip
def test_sizes(name, key, size_mm):
    size = envelope_size(name)
    assert size.key == key
    assert (round(size.width / mm, 1), round(size.height / mm, 1)) == size_mm


def test_an_unknown_size_is_refused():
    with pytest.raises(KnownError, match="B12 is not an envelope size"):
        envelope_size("B12")


def test_a_chinese_envelope_fills_the_red_postal_code_boxes(tmp_path):
    out = write_envelopes(tmp_path / "e.pdf", envelope_size("6号"), [CHINESE, CHINESE], SENDER_CN)
    assert out.envelopes == 2
    with pdfplumber.open(out.path) as pdf:
        assert len(pdf.pages) == 2
        page = pdf.pages[0]
        assert (round(page.width / mm), round(page.height / mm)) == (230, 120)
        boxes = sorted(
            (r for r in page.rects if r["stroking_color"] and r["stroking_color"][0] > 0.8
             and round(r["width"] / mm) == 8),
            key=lambda r: r["x0"],
        )  # fmt: skip
        assert len(boxes) == 6
        digits = [page.crop((b["x0"], b["top"], b["x1"], b["bottom"])).extract_text()
                  for b in boxes]  # fmt: skip
        assert "".join(digits) == "510620"
        text = page.extract_text()
        assert "张三 收" in text and "广东省广州市天河区体育西路103号" in text
        assert "贴邮票处" in text and "邮政编码：100022" in text
        name = next(w for w in page.extract_words() if w["text"] == "张三")
        assert abs((name["x0"] + name["x1"]) / 2 - page.width / 2) < page.width * 0.1


def test_a_western_envelope_puts_the_sender_top_left_and_the_recipient_right(tmp_path):
    out = write_envelopes(tmp_path / "e.pdf", envelope_size("DL"), [WESTERN], SENDER)
    with pdfplumber.open(out.path) as pdf:
        page = pdf.pages[0]
        words = {w["text"]: w for w in page.extract_words()}
    assert words["Acme"]["x0"] < page.width * 0.2 and words["Acme"]["top"] < page.height * 0.2
    assert words["Jane"]["x0"] > page.width * 0.4 and words["Jane"]["top"] > page.height * 0.4
    assert words["STATES"]["x1"] < page.width


def test_a_foreign_code_stays_out_of_the_chinese_boxes(tmp_path):
    out = write_envelopes(tmp_path / "e.pdf", envelope_size("CN5"), [WESTERN], SENDER_CN)
    with pdfplumber.open(out.path) as pdf:
        text = pdf.pages[0].extract_text()
    assert "Mountain View, CA 94043" in text and "9 4 0 4 3" not in text
