"""Label sheets from gLabels' template format: geometry, aliases, lookup and validation."""

from __future__ import annotations

import pytest

from crmdesk.export.label_stock import (
    StockError,
    all_stocks,
    builtin_stocks,
    find_stock,
    length,
    parse_templates,
    read_stock_file,
    search_stocks,
    system_stocks,
    validate,
)

MM = 72 / 25.4


def test_lengths_in_every_unit():
    assert length("2.625in") == pytest.approx(189)
    assert length("63.5mm") == pytest.approx(180.0, abs=0.01)
    assert length("108.0") == 108.0 and length("1.2e-16pt") == pytest.approx(0)
    with pytest.raises(ValueError):
        length("3 furlongs")


def test_the_builtin_set_is_measured_and_fits_its_pages():
    names = {s.name for s in builtin_stocks()}
    for part in ("5160", "5161", "5162", "5163", "L7160", "L7161", "L7162", "L7163", "L7159",
                 "L7651", "J8160"):  # fmt: skip
        assert f"Avery {part}" in names
    for stock in builtin_stocks():
        validate(stock)
    l7160 = find_stock("Avery L7160")
    assert (l7160.count, l7160.paper) == (21, "A4")
    assert l7160.label_width == pytest.approx(63.5 * MM)
    assert l7160.origins()[0] == pytest.approx((7.25 * MM, 15.15 * MM), abs=0.01)
    assert l7160.origins()[1][0] == pytest.approx((7.25 + 66.04) * MM, abs=0.01)
    us = find_stock("Avery 5160")
    assert (us.count, us.page_width, us.page_height) == (30, 612, 792)
    assert us.origins()[-1] == pytest.approx((13.5 + 2 * 198, 36 + 9 * 72))
    a4 = find_stock("A4-24-70x37")
    assert (a4.count, round(a4.label_width / MM), round(a4.label_height / MM)) == (24, 70, 37)


def test_lookup_by_name_by_part_and_by_alias():
    assert find_stock("avery  l7160").part == "L7160"
    assert find_stock("L7160").brand == "Avery"
    j8160 = find_stock("J8160")
    assert j8160.origins() == find_stock("L7160").origins()
    assert find_stock("Zweckform 3474").count == 24
    with pytest.raises(StockError, match="No label sheet is called Avery 99999"):
        find_stock("Avery 99999")


def test_a_part_two_brands_share_must_be_named_with_its_brand():
    xml = """<Glabels-templates>
      <Template brand="A" part="100" size="A4"><Label-rectangle width="50mm" height="20mm">
        <Layout nx="1" ny="1" x0="10mm" y0="10mm" dx="0" dy="0"/></Label-rectangle></Template>
      <Template brand="B" part="100" size="A4"><Label-rectangle width="60mm" height="20mm">
        <Layout nx="1" ny="1" x0="10mm" y0="10mm" dx="0" dy="0"/></Label-rectangle></Template>
    </Glabels-templates>"""
    stocks = parse_templates(xml, "test")
    with pytest.raises(StockError, match="Several label sheets are called 100"):
        find_stock("100", stocks)
    assert find_stock("B 100", stocks).label_width == pytest.approx(60 * MM)


def test_the_glabels_library_is_read_with_equiv_aliases():
    library = system_stocks()
    if not library:
        pytest.skip("gLabels' library (glabels-data) is not installed")
    names = {s.name: s for s in library}
    assert len(library) > 500
    assert names["Avery L7160"].origins() == names["Avery 7160"].origins()  # equiv="7160"
    assert names["Avery 5160"].count == 30
    assert all(s.shape == "rectangle" for s in library)
    assert "Avery L7160" in {s.name for s in search_stocks("L7160")}


def test_a_user_file_is_validated(tmp_path):
    bad = tmp_path / "mine.template"
    bad.write_text("""<Template brand="Mine" part="Huge" size="A4">
      <Label-rectangle width="100mm" height="50mm">
      <Layout nx="3" ny="2" x0="5mm" y0="5mm" dx="101mm" dy="51mm"/>
      </Label-rectangle></Template>""")
    with pytest.raises(StockError, match="Mine Huge cannot be used: labels run off the side"):
        read_stock_file(bad)
    good = tmp_path / "good.template"
    good.write_text("""<Template brand="Mine" part="Two" size="Other" width="100mm" height="60mm">
      <Label-rectangle width="45mm" height="25mm">
      <Layout nx="2" ny="2" x0="4mm" y0="4mm" dx="47mm" dy="27mm"/></Label-rectangle></Template>""")
    stock = read_stock_file(good)[0]
    assert stock.count == 4 and stock.page_width == pytest.approx(100 * MM)
    assert find_stock("Mine Two", all_stocks([stock])) is stock
    (tmp_path / "broken.xml").write_text("<Template")
    with pytest.raises(StockError, match="not a gLabels template file"):
        read_stock_file(tmp_path / "broken.xml")


def test_the_users_glabels_folder_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    folder = tmp_path / ".glabels"
    folder.mkdir()
    (folder / "office.template").write_text("""<Template brand="Office" part="Door" size="A4">
      <Label-rectangle width="90mm" height="40mm">
      <Layout nx="2" ny="1" x0="10mm" y0="10mm" dx="95mm" dy="0"/></Label-rectangle></Template>""")
    assert find_stock("Office Door", all_stocks(system=False)).count == 2
