"""Label sheets (stock), read from gLabels' XML template format.

gLabels' library is the open description of label sheets: a Template names a brand and part,
its page, one label shape and one or more Layouts (nx × ny labels from x0/y0, pitch dx/dy).
crmdesk reads its own built-in set (resources/labels/, measured from the manufacturers'
specifications), the system library where gLabels' data is installed, the user's gLabels
folders and any file the user picks. Geometry is kept in PDF points, origin at the page's
top-left corner as gLabels gives it.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from crmdesk.core.errors import KnownError
from crmdesk.core.resources import resource
from crmdesk.core.texts import translatable

UNITS = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 720 / 25.4, "pc": 12.0}
# The paper sizes gLabels names most; others are read from the system's paper-sizes.xml.
PAPER = {
    "A4": (595.276, 841.89),
    "A5": (419.528, 595.276),
    "A3": (841.89, 1190.551),
    "B5": (498.898, 708.661),
    "US-Letter": (612.0, 792.0),
    "US-Legal": (612.0, 1008.0),
    "US-Executive": (522.0, 756.0),
}
SYSTEM_LIBRARIES = (
    Path("/usr/share/libglabels-3.0/templates"),
    Path("/usr/local/share/libglabels-3.0/templates"),
    Path("/usr/share/glabels-qt/templates"),
)
TOLERANCE = 0.75  # points a label may overhang the page (rounding in published sizes)
BUILTIN = "built-in"


class StockError(KnownError):
    """A label sheet is unknown, ambiguous or does not fit its page."""


@dataclass(frozen=True)
class LabelLayout:
    nx: int
    ny: int
    x0: float
    y0: float
    dx: float
    dy: float


@dataclass(frozen=True)
class LabelStock:
    """One sheet of labels; lengths in points, positions from the page's top-left corner."""

    brand: str
    part: str
    description: str
    paper: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    round: float
    margin: float  # gLabels' markup margin: keep text this far inside the label
    layouts: tuple[LabelLayout, ...]
    shape: str = "rectangle"
    source: str = BUILTIN

    @property
    def name(self) -> str:
        return f"{self.brand} {self.part}".strip()

    @property
    def count(self) -> int:
        return sum(layout.nx * layout.ny for layout in self.layouts)

    def origins(self) -> list[tuple[float, float]]:
        """Each label's top-left corner, in reading order (top to bottom, left to right);
        label position N (1-based) is origins()[N - 1]."""
        points = {
            (round(lay.x0 + ix * lay.dx, 3), round(lay.y0 + iy * lay.dy, 3))
            for lay in self.layouts
            for iy in range(lay.ny)
            for ix in range(lay.nx)
        }
        return sorted(points, key=lambda p: (p[1], p[0]))


def length(text: str | None, default: float = 0.0) -> float:
    """A gLabels length ("2.625in", "63.5mm", "108.0", "1.2e-16pt") in points."""
    if text is None or not text.strip():
        return default
    match = re.fullmatch(r"\s*([-+0-9.eE]+)\s*([a-z]*)\s*", text)
    if not match or match[2] not in ("", *UNITS):
        raise ValueError(f"not a length: {text!r}")
    return float(match[1]) * UNITS.get(match[2] or "pt", 1.0)


def _paper_sizes(folder: Path | None) -> dict[str, tuple[float, float]]:
    sizes = dict(PAPER)
    source = folder / "paper-sizes.xml" if folder else None
    if source and source.is_file():
        for paper in ET.parse(source).getroot().iter("Paper-size"):
            try:
                sizes[paper.get("id", "")] = (
                    length(paper.get("width")),
                    length(paper.get("height")),
                )
            except ValueError:
                continue
    return sizes


def _label_shape(element: ET.Element) -> tuple[str, float, float, float]:
    """(shape, width, height, corner radius) of a Label-* element."""
    kind = element.tag.removeprefix("Label-")
    if kind in ("round", "cd"):
        diameter = 2 * length(element.get("radius"))
        return kind, diameter, diameter, diameter / 2
    return (
        kind,
        length(element.get("width")),
        length(element.get("height")),
        length(element.get("round")),
    )


def _read_template(
    node: ET.Element, papers: dict[str, tuple[float, float]], source: str
) -> LabelStock | None:
    label = next((c for c in node if c.tag.startswith("Label-")), None)
    if label is None:
        return None
    size = node.get("size", "")
    if size in papers:
        page_width, page_height = papers[size]
    else:
        page_width, page_height = length(node.get("width")), length(node.get("height"))
    shape, width, height, corner = _label_shape(label)
    margin = label.find("Markup-margin")
    layouts = tuple(
        LabelLayout(
            int(lay.get("nx", "1")),
            int(lay.get("ny", "1")),
            length(lay.get("x0")),
            length(lay.get("y0")),
            length(lay.get("dx")),
            length(lay.get("dy")),
        )
        for lay in label.iter("Layout")
    )
    return LabelStock(
        brand=node.get("brand", "").strip(),
        part=node.get("part", node.get("name", "")).strip(),
        description=node.get("_description", node.get("description", "")).strip(),
        paper=size or "Other",
        page_width=page_width,
        page_height=page_height,
        label_width=width,
        label_height=height,
        round=corner,
        margin=length(margin.get("size")) if margin is not None else 0.0,
        layouts=layouts,
        shape=shape,
        source=source,
    )


def parse_templates(
    xml: bytes | str, source: str, papers: dict[str, tuple[float, float]] | None = None
) -> list[LabelStock]:
    """Every template in one gLabels file, aliases (`<Alias>` and `equiv=`) as stocks of
    their own with the geometry of the sheet they copy."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise StockError(
            translatable("Messages", "%1 is not a gLabels template file: %2."),
            values=(source, str(exc)),
        ) from None
    papers = papers or PAPER
    stocks: dict[tuple[str, str], LabelStock] = {}
    pending: list[tuple[str, str, str]] = []  # (brand, part, equiv part)
    nodes = [root] if root.tag == "Template" else list(root.iter("Template"))
    for node in nodes:
        brand, part = node.get("brand", "").strip(), node.get("part", "").strip()
        if node.get("equiv"):
            pending.append((brand, part, node.get("equiv", "").strip()))
            continue
        try:
            stock = _read_template(node, papers, source)
        except ValueError as exc:
            raise StockError(
                translatable("Messages", "%1: the sheet %2 has a bad length (%3)."),
                values=(source, f"{brand} {part}".strip(), str(exc)),
            ) from None
        if stock is None:
            continue
        stocks[(stock.brand, stock.part)] = stock
        for alias in node.iter("Alias"):
            copy = replace(stock, brand=alias.get("brand", brand), part=alias.get("part", ""))
            stocks.setdefault((copy.brand, copy.part), copy)
    for brand, part, equiv in pending:
        if (brand, equiv) in stocks:
            stocks.setdefault((brand, part), replace(stocks[(brand, equiv)], part=part))
    return list(stocks.values())


def problems(stock: LabelStock) -> list[str]:
    """What is wrong with a sheet's geometry, in English (empty when it is usable)."""
    found = []
    if stock.page_width <= 0 or stock.page_height <= 0:
        found.append("the page has no size")
    if stock.label_width <= 0 or stock.label_height <= 0:
        found.append("the label has no size")
    if not stock.layouts:
        found.append("no layout")
    for lay in stock.layouts:
        if lay.nx < 1 or lay.ny < 1:
            found.append("a layout has no labels")
            continue
        right = lay.x0 + (lay.nx - 1) * lay.dx + stock.label_width
        bottom = lay.y0 + (lay.ny - 1) * lay.dy + stock.label_height
        if lay.x0 < -TOLERANCE or right > stock.page_width + TOLERANCE:
            found.append("labels run off the side of the page")
        if lay.y0 < -TOLERANCE or bottom > stock.page_height + TOLERANCE:
            found.append("labels run off the top or bottom of the page")
        if (lay.nx > 1 and lay.dx < stock.label_width - TOLERANCE) or (
            lay.ny > 1 and lay.dy < stock.label_height - TOLERANCE
        ):
            found.append("labels overlap")
    return found


def validate(stock: LabelStock) -> LabelStock:
    """The stock itself, or a StockError saying why its labels do not fit its page."""
    if found := problems(stock):
        raise StockError(
            translatable("Messages", "The label sheet %1 cannot be used: %2."),
            translatable("Messages", "Check its page size, label size and layout."),
            values=(stock.name, "; ".join(dict.fromkeys(found))),
        )
    return stock


@cache
def builtin_stocks() -> tuple[LabelStock, ...]:
    """crmdesk's own sheets (they are checked by the tests, so they always fit)."""
    found: list[LabelStock] = []
    for entry in sorted(resource("labels").iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".xml"):
            found += parse_templates(entry.read_bytes(), BUILTIN)
    return tuple(found)


def _template_files(folder: Path) -> Iterator[Path]:
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.suffix in (".xml", ".template") and path.name not in _NOT_TEMPLATES:
                yield path


_NOT_TEMPLATES = frozenset({"paper-sizes.xml", "categories.xml", "vendors.xml"})


@cache
def _library(folder: Path) -> tuple[LabelStock, ...]:
    papers = _paper_sizes(folder)
    found: list[LabelStock] = []
    for path in _template_files(folder):
        try:
            found += parse_templates(path.read_bytes(), str(path), papers)
        except (StockError, OSError):
            continue  # one damaged file in a library does not hide the others
    return tuple(s for s in found if s.shape == "rectangle" and not problems(s))


def system_stocks(libraries: Sequence[Path] = SYSTEM_LIBRARIES) -> tuple[LabelStock, ...]:
    """The rectangular sheets of the installed gLabels library (empty where it is absent)."""
    return tuple(s for folder in libraries for s in _library(folder))


def user_folders() -> list[Path]:
    """Where gLabels keeps the user's own templates (old and new places)."""
    home = Path.home()
    config = Path(os.environ.get("XDG_CONFIG_HOME") or home / ".config")
    return [home / ".glabels", config / "libglabels" / "templates"]


def user_stocks() -> list[LabelStock]:
    found: list[LabelStock] = []
    for folder in user_folders():
        for path in _template_files(folder):
            found += [validate(s) for s in parse_templates(path.read_bytes(), str(path))]
    return found


def read_stock_file(path: str | os.PathLike[str]) -> list[LabelStock]:
    """The sheets of a template file the user picked, each validated."""
    source = Path(path)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise StockError(
            translatable("Messages", "Cannot read %1: %2."), values=(source, exc.strerror)
        ) from None
    stocks = [validate(s) for s in parse_templates(data, str(source), _paper_sizes(None))]
    if not stocks:
        raise StockError(translatable("Messages", "%1 describes no label sheet."), values=(source,))
    return stocks


def all_stocks(extra: Iterable[LabelStock] = (), *, system: bool = True) -> list[LabelStock]:
    """Every known sheet, each name once: the user's file first, then the user's gLabels
    templates, the built-in set and the system library."""
    chosen: dict[str, LabelStock] = {}
    sources = [list(extra), user_stocks(), builtin_stocks()]
    if system:
        sources.append(list(system_stocks()))
    for source in sources:
        for stock in source:
            chosen.setdefault(_key(stock.name), stock)
    return list(chosen.values())


def _key(name: str) -> str:
    return re.sub(r"[\s_]+", "", name).casefold()


def find_stock(name: str, stocks: Sequence[LabelStock] | None = None) -> LabelStock:
    """The sheet named "Avery L7160" (brand and part) or "L7160" (part alone, if only one
    brand has it)."""
    known = list(stocks) if stocks is not None else all_stocks()
    wanted = _key(name)
    for stock in known:
        if _key(stock.name) == wanted:
            return stock
    by_part = [s for s in known if _key(s.part) == wanted]
    if len(by_part) == 1:
        return by_part[0]
    if by_part:
        raise StockError(
            translatable("Messages", "Several label sheets are called %1: %2."),
            translatable("Messages", 'Give the brand as well, e.g. "%1".'),
            values=(name, ", ".join(s.name for s in by_part[:8])),
            hint_values=(by_part[0].name,),
        )
    raise StockError(
        translatable("Messages", "No label sheet is called %1."),
        translatable("Messages", "List the sheets with: crmdesk labels stocks --search %1"),
        values=(name,),
        hint_values=(name.split()[-1] if name.split() else name,),
    )


def search_stocks(query: str, stocks: Sequence[LabelStock] | None = None) -> list[LabelStock]:
    """Sheets whose name or description holds every word of the query."""
    words = query.casefold().split()
    known = list(stocks) if stocks is not None else all_stocks()
    return [s for s in known if all(w in f"{s.name} {s.description}".casefold() for w in words)]
