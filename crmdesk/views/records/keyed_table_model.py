"""A table over a large database: the ordered list of keys plus a bounded cache of row pages.

The key query (`keys(session, filter, sort, descending)`) runs off the GUI thread and returns
every matching key (a UUID, as every crmdesk row has) in display order; `rowCount()` is their
number. The model keeps them as 128-bit ints: compared in C, and not tracked by the cycle
collector, whose full passes would otherwise rescan 100,000 UUID objects (~100 ms pauses).

`data()` fills rows from an LRU cache of pages of at most `PAGE_SIZE` keys, each page one
`rows(session, ids)` call (a `WHERE id IN (…)` of at most 100 keys, a few milliseconds, so it
runs on the GUI thread while Qt paints). Pages are not aligned to a fixed grid: a page starts at
the first row the view asks for that is not cached (or ends at the cached page below it, when
scrolling up), so a jump anywhere is one query however the window falls.

Each key request carries a generation number; answers that a newer request has overtaken are
dropped. Columns are declared (`Column`), so subclasses only say what to show.
"""

from __future__ import annotations

import time
import traceback
import uuid
from bisect import bisect_right, insort
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
    Slot,
)
from sqlalchemy.orm import Session

from crmdesk.core.gc_pause import gc_paused
from crmdesk.services.changes import Changes
from crmdesk.store.db import Database
from crmdesk.views.shell import tasks
from crmdesk.views.shell.bus import DataBus

IdRole = Qt.ItemDataRole.UserRole + 1
"""The row's key (a UUID), read from the key list: never fetches a page."""

DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole)
EDIT_ROLE = int(Qt.ItemDataRole.EditRole)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole)
ID_ROLE = int(IdRole)
_OTHER_ROLES = frozenset({EDIT_ROLE, TOOLTIP_ROLE, ALIGNMENT_ROLE, ID_ROLE})
_ITEM_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
_NO_FLAGS = Qt.ItemFlag.NoItemFlags

# One page query of 100 rows takes ~5 ms over 100k contacts (200: ~10 ms): a jump anywhere shows
# a screenful and more in one query, well inside a frame; the cache holds up to 3,200 rows.
PAGE_SIZE = 100
MAX_PAGES = 32
TOOLTIP_LENGTH = 40
"""Display texts longer than this many characters are also given as the tooltip."""

LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

Index = QModelIndex | QPersistentModelIndex


class Record(Protocol):
    """What a row query returns for each key: a dataclass with the key as `id`."""

    @property
    def id(self) -> uuid.UUID: ...


_Filter = TypeVar("_Filter")  # the service's filter dataclass
_Sort = TypeVar("_Sort", bound=StrEnum)  # the service's sort keys
_Record = TypeVar("_Record", bound=Record)
_Entry = tuple[_Record, tuple[str, ...]]  # a row's dataclass and its display texts
KeyQuery = Callable[[Session, _Filter, _Sort, bool], list[uuid.UUID]]
RowQuery = Callable[[Session, Sequence[uuid.UUID]], list[_Record]]


@dataclass(frozen=True)
class Column:
    """One column: its header (an English source text, translated in the model's context), the
    row dataclass attribute it shows, how it is aligned and formatted, and the service's sort key
    for it (None: not sortable). `width` is a hint in average characters for the view."""

    header: str
    attribute: str
    sort: StrEnum | None = None
    alignment: Qt.AlignmentFlag = LEFT
    # the value is an attribute of the row dataclass, read by name: typed by the column's use
    formatter: Callable[[Any], str] | None = None
    width: int = 14

    def text(self, value: object) -> str:
        if value is None:
            return ""
        if self.formatter is not None:
            return self.formatter(value)
        return value if isinstance(value, str) else str(value)


@dataclass(frozen=True)
class _KeyRequest(Generic[_Filter]):
    generation: int
    flt: _Filter
    sort: StrEnum | None
    descending: bool


@dataclass(frozen=True)
class _KeyAnswer:
    generation: int
    keys: list[int] = field(default_factory=list)
    error: BaseException | None = None
    details: str = ""
    seconds: float = 0.0


class KeyedTableModel(QAbstractTableModel, Generic[_Filter, _Sort, _Record]):
    """A read-only table of `keys(...)` in order, rows filled page by page from `rows(...)`.

    Subclasses set `columns` and `watches` (the `Changes` fields that touch what it shows) and
    pass the two service functions and the initial filter.

    Signals: `keys_loaded(count)` after every key query that was applied (after the model reset,
    or after an in-place refresh when a re-run found the same keys); `load_failed(error, details)`
    when the key query raised.
    """

    keys_loaded = Signal(int)
    load_failed = Signal(object, str)

    columns: ClassVar[Sequence[Column]] = ()
    watches: ClassVar[Sequence[str]] = ()

    def __init__(
        self,
        db: Database,
        bus: DataBus | None,
        keys: KeyQuery[_Filter, _Sort],
        rows: RowQuery[_Record],
        flt: _Filter,
        *,
        page_size: int = PAGE_SIZE,
        max_pages: int = MAX_PAGES,
        parent: QObject | None = None,
        load: bool = True,
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._key_query, self._row_query = keys, rows
        self._filter = flt
        self.page_size, self.max_pages = page_size, max_pages
        first_sortable = next((c for c in self.columns if c.sort is not None), None)
        self._sort_column = self.columns.index(first_sortable) if first_sortable else -1
        self._descending = False
        # The keys as 128-bit ints (see the module docstring).
        self._keys: list[int] = []
        self._row_index: dict[int, int] | None = None
        # start row -> that page's entries, least recently used first; starts kept sorted
        self._pages: OrderedDict[int, list[_Entry[_Record] | None]] = OrderedDict()
        self._starts: list[int] = []
        self._hot_start = 0
        self._hot_page: list[_Entry[_Record] | None] = []
        self.fetches = 0  # how many page queries ran (for tests and benchmarks)
        self.last_query_seconds = 0.0  # the last applied key query, in its worker thread
        self._generation = 0
        self._loaded_generation = 0
        self._running: dict[int, tasks.Task] = {}
        self._finished: list[tasks.Task] = []
        if bus is not None:
            bus.changed.connect(self._on_bus_changed)
        if load:
            self.refresh()

    # -- what the model holds ------------------------------------------------------------------

    @property
    def filter(self) -> _Filter:
        return self._filter

    @property
    def is_loading(self) -> bool:
        return self._loaded_generation != self._generation

    @property
    def cached_pages(self) -> tuple[tuple[int, int], ...]:
        """The (first, last + 1) rows of each cached page, least recently used first."""
        return tuple((start, start + len(page)) for start, page in self._pages.items())

    def is_cached(self, row: int) -> bool:
        i = bisect_right(self._starts, row) - 1
        return i >= 0 and row < self._starts[i] + len(self._pages[self._starts[i]])

    def keys(self) -> list[uuid.UUID]:
        """The key list, in display order."""
        return [uuid.UUID(int=k) for k in self._keys]

    def id_at(self, row: int) -> uuid.UUID | None:
        """The key shown in a row (no page fetch), None outside the table."""
        return uuid.UUID(int=self._keys[row]) if 0 <= row < len(self._keys) else None

    def row_of(self, key: uuid.UUID) -> int | None:
        """The row that shows a key, None when it is not in the (filtered) list."""
        if self._row_index is None:
            self._row_index = {k: row for row, k in enumerate(self._keys)}
        return self._row_index.get(key.int)

    def record_at(self, row: int) -> _Record | None:
        """The row dataclass shown in a row (fetching its page if needed), None if missing."""
        entry = self._entry(row)
        return entry[0] if entry is not None else None

    def _entry(self, row: int) -> _Entry[_Record] | None:
        """(record, display texts) of a row, from the page cache or one page fetch."""
        offset = row - self._hot_start
        if 0 <= offset < len(self._hot_page):  # most calls: the page painted a moment ago
            return self._hot_page[offset]
        if not 0 <= row < len(self._keys):
            return None
        starts = self._starts
        i = bisect_right(starts, row) - 1
        gap_start = 0
        if i >= 0:
            start = starts[i]
            page = self._pages[start]
            if row < start + len(page):
                self._pages.move_to_end(start)
                self._hot_start, self._hot_page = start, page
                return page[row - start]
            gap_start = start + len(page)
        gap_end = starts[i + 1] if i + 1 < len(starts) else len(self._keys)
        # Down from the row asked for; up to it when the rows below are cached (scrolling up).
        start = max(gap_start, min(row, gap_end - self.page_size))
        page = self._fetch(start, min(start + self.page_size, gap_end))
        return page[row - start]

    def _fetch(self, start: int, end: int) -> list[_Entry[_Record] | None]:
        ids = [uuid.UUID(int=k) for k in self._keys[start:end]]
        with self._db.reading() as session:
            found = {record.id: record for record in self._row_query(session, ids)}
        self.fetches += 1
        columns = self.columns
        page: list[_Entry[_Record] | None] = []
        for key in ids:
            record = found.get(key)
            if record is None:
                page.append(None)  # deleted since the keys were read: the refresh removes it
            else:
                texts = tuple(c.text(getattr(record, c.attribute)) for c in columns)
                page.append((record, texts))
        self._pages[start] = page
        insort(self._starts, start)
        while len(self._pages) > self.max_pages:
            oldest, _ = self._pages.popitem(last=False)
            self._starts.remove(oldest)
        self._hot_start, self._hot_page = start, page
        return page

    def invalidate(self) -> None:
        """Forget the cached rows (the next paint reads them again)."""
        self._pages.clear()
        self._starts.clear()
        self._hot_start, self._hot_page = 0, []

    # -- loading keys --------------------------------------------------------------------------

    def set_filter(self, flt: _Filter) -> None:
        """Show the keys matching `flt` (re-runs the key query unless nothing changed)."""
        if flt == self._filter and (self._keys or self.is_loading):
            return
        self._filter = flt
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-run the key query in SQL in a column's order (unsortable columns are ignored)."""
        if not 0 <= column < len(self.columns) or self.columns[column].sort is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.refresh()

    def sort_column(self) -> int:
        return self._sort_column

    def sort_order(self) -> Qt.SortOrder:
        return Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder

    def refresh(self) -> None:
        """Run the key query again off the GUI thread; older requests still running are dropped."""
        self._finished.clear()  # tasks that ended before this request: their workers are done
        for running in self._running.values():
            running.cancel()
        self._generation += 1
        column = self.columns[self._sort_column] if self._sort_column >= 0 else None
        request = _KeyRequest(
            self._generation, self._filter, column.sort if column else None, self._descending
        )
        db, key_query = self._db, self._key_query

        def work(task: tasks.Task) -> _KeyAnswer:
            if task.is_cancelled():
                raise tasks.Cancelled
            started = time.perf_counter()
            try:
                with gc_paused(), db.reading() as session:
                    if request.sort is None:
                        keys = key_query(session, request.flt)  # type: ignore[call-arg]
                    else:
                        sort = cast(_Sort, request.sort)
                        keys = key_query(session, request.flt, sort, request.descending)
                    ints = [key.int for key in keys]
            except Exception as exc:  # handed to the GUI thread, which reports it
                return _KeyAnswer(request.generation, error=exc, details=traceback.format_exc())
            return _KeyAnswer(request.generation, ints, seconds=time.perf_counter() - started)

        task = tasks.Task(work)
        task.signals.finished.connect(self._on_task_finished)
        task.signals.cancelled.connect(self._on_task_cancelled)
        self._running[request.generation] = task
        QThreadPool.globalInstance().start(task)

    def _release(self, generation: int) -> None:
        task = self._running.pop(generation, None)
        if task is not None:
            # Dropped at the next request, not now: the worker may still be leaving run().
            self._finished.append(task)

    @Slot()
    def _on_task_cancelled(self) -> None:
        for generation, task in list(self._running.items()):
            if task.is_cancelled():
                self._release(generation)

    @Slot(object)
    def _on_task_finished(self, answer: _KeyAnswer) -> None:
        self._release(answer.generation)
        if answer.generation != self._generation:
            return  # a newer request is on its way
        self._loaded_generation = answer.generation
        self.last_query_seconds = answer.seconds
        if answer.error is not None:
            self.load_failed.emit(answer.error, answer.details)
            return
        self._apply_keys(answer.keys)

    def _apply_keys(self, keys: list[int]) -> None:
        if len(keys) == len(self._keys) and keys == self._keys:
            # Same rows in the same order: repaint what is visible, keep selection and scroll.
            self.invalidate()
            if keys:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(keys) - 1, len(self.columns) - 1)
                )
        else:
            self.beginResetModel()
            self._keys = keys
            self._row_index = None
            self.invalidate()
            self.endResetModel()
        self.keys_loaded.emit(len(keys))

    # -- data bus ------------------------------------------------------------------------------

    def touched_by(self, changes: Changes) -> bool:
        return any(getattr(changes, name) for name in self.watches)

    @Slot(object)
    def _on_bus_changed(self, changes: Changes) -> None:
        if not self.touched_by(changes):
            return
        self.invalidate()
        self.refresh()

    # -- QAbstractItemModel --------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _ITEM_FLAGS if index.isValid() else _NO_FLAGS

    def data(self, index: Index, role: int = DISPLAY_ROLE) -> object:
        # Called for every role of every visible cell while Qt paints: plain int compares first,
        # texts formatted once per page fetch.
        if role == DISPLAY_ROLE:
            entry = self._entry(index.row())
            return None if entry is None else entry[1][index.column()]
        if role not in _OTHER_ROLES or not index.isValid():
            return None
        row, column_number = index.row(), index.column()
        if role == ID_ROLE:
            return uuid.UUID(int=self._keys[row]) if 0 <= row < len(self._keys) else None
        column = self.columns[column_number]
        if role == ALIGNMENT_ROLE:
            return column.alignment
        entry = self._entry(row)
        if entry is None:
            return None
        if role == EDIT_ROLE:
            return getattr(entry[0], column.attribute)
        text = entry[1][column_number]
        return text if len(text) > TOOLTIP_LENGTH else None  # ToolTipRole

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return super().headerData(section, orientation, role)
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate(type(self).__name__, column.header)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return column.alignment
        return None


__all__ = ["LEFT", "MAX_PAGES", "PAGE_SIZE", "RIGHT", "Column", "IdRole", "KeyedTableModel"]
