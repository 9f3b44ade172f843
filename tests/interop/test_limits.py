"""Hostile sizes: a file that is no file, too many columns, a huge cell, thousands of equal
headers. Each is refused in one short line, quickly, or read in linear time."""

from __future__ import annotations

import io
import os
import time

import openpyxl
import pytest

from crmdesk.core.errors import ImportFailed
from crmdesk.interop import limits, tabular
from crmdesk.interop.limits import MAX_COLUMNS, read_import_bytes
from crmdesk.services.importing import read_contact_file


def test_equal_headers_are_numbered_in_linear_time():
    start = time.perf_counter()
    names = tabular._unique(["电话"] * 100_000)
    assert time.perf_counter() - start < 2
    assert names[:3] == ["电话", "电话 (2)", "电话 (3)"] and len(set(names)) == 100_000


def test_numbered_headers_never_collide_with_a_header_of_that_name():
    names = tabular._unique(["x", "x", "x (2)", "x", ""])
    assert len(set(names)) == 5 and names[0] == "x" and "x (2)" in names


def test_a_device_is_refused_without_reading_it(tmp_path):
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_contact_file("/dev/zero")


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_import_bytes(fifo)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(ImportFailed, match="not a regular file"):
        read_contact_file(tmp_path)


def test_a_file_over_the_size_limit_is_refused_after_reading_no_more_than_it(tmp_path,
                                                                               monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "big.csv"
    big.write_bytes(b"Name\n" + b"x\n" * 1000)
    with pytest.raises(ImportFailed, match="larger than"):
        read_import_bytes(big)


def test_ten_thousand_columns_are_refused_with_a_short_message():
    header = ",".join(f"c{i}" for i in range(10_000))
    data = f"{header}\n{','.join('x' * 10_000)}\n".encode()
    with pytest.raises(ImportFailed) as refused:
        tabular.read_table(data, "wide.csv")
    assert len(str(refused.value)) < 200
    assert f"10000 columns; at most {MAX_COLUMNS}" in str(refused.value)
    assert refused.value.line == 1


def test_a_row_wider_than_the_limit_is_refused_naming_its_line():
    data = ("a,b\n1,2\n" + ",".join("x" * (MAX_COLUMNS + 5)) + "\n").encode()
    with pytest.raises(ImportFailed) as refused:
        tabular.read_table(data, "rows.csv")
    assert refused.value.line == 3


def test_a_wide_workbook_is_refused_with_a_short_message():
    book = openpyxl.Workbook()
    ws = book.active
    ws.append([f"c{i}" for i in range(MAX_COLUMNS + 1)])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(ImportFailed) as refused:
        tabular.read_table(out.getvalue(), "wide.xlsx")
    assert len(str(refused.value)) < 200 and refused.value.line == 1


def test_a_cell_over_the_limit_is_refused_naming_its_line(monkeypatch):
    monkeypatch.setattr(tabular, "MAX_CELL_CHARS", 100)
    data = b"Name,Notes\nA,short\nB," + b"y" * 101 + b"\n"
    with pytest.raises(ImportFailed) as refused:
        tabular.read_table(data, "cells.csv")
    assert refused.value.line == 3 and "more than 100 characters" in str(refused.value)


def test_a_refusal_naming_the_columns_of_a_wide_file_stays_short():
    from crmdesk.services.importing import read_order_data

    header = ",".join(f"column number {i}" for i in range(900))
    with pytest.raises(ImportFailed) as refused:
        read_order_data(f"{header}\n{','.join('x' * 900)}\n".encode(), "wide.csv")
    assert len(str(refused.value)) < 700 and "(+888)" in str(refused.value)
