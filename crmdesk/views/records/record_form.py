"""The form shell every record form shares: banner, sections, Save and Revert, dirty
tracking, stale-edit handling and refresh on the data bus."""

from __future__ import annotations

import copy
import itertools
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from crmdesk.core.errors import FieldError, KnownError, RecordNotFound, ValidationError
from crmdesk.services.changes import Changes
from crmdesk.services.drafts import drafts_folder, remove_draft, save_draft
from crmdesk.store.db import Database
from crmdesk.views.shell import errors
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.widgets.banner import Banner
from crmdesk.views.widgets.fields import FIELD_MIN_WIDTH, OptionalDateEdit
from crmdesk.views.widgets.inline_errors import (
    ERROR_COLOR,
    INVALID_STYLE,
    ErrorLabel,
    InlineErrors,
    translated_error,
)
from crmdesk.views.widgets.list_editors import ContactPointList, PointRow
from crmdesk.views.widgets.lunar_day import LunarDayEdit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from crmdesk.views.shell.undo import _SaveCommand

_State = TypeVar("_State")  # what a form reads to fill itself
_Draft = TypeVar("_Draft")  # what a form saves

COLUMN_MAX_WIDTH = 900


def focus_order(layout: QLayout) -> list[QWidget]:
    """The inputs of a layout in reading order (form rows top to bottom, boxes in order).

    Widgets made late (list rows) or moved into containers would otherwise tab in creation
    order; the form sets its Tab order from this instead.
    """
    order: list[QWidget] = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        if (inner := item.layout()) is not None:
            order += focus_order(inner)
            continue
        widget = item.widget()
        if widget is None or isinstance(widget, QLabel):
            continue
        if isinstance(widget, ContactPointList | PointRow):
            order += widget.focus_chain()
        elif isinstance(widget, OptionalDateEdit):
            order += [widget.edit, widget.clear_button]
        elif widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            order.append(widget)
        elif (inner := widget.layout()) is not None:
            order += focus_order(inner)
    return order


class RecordForm(QWidget, Generic[_State, _Draft]):
    """A scrolling form of sections over one record, saved through an undo command.

    Subclasses build their fields in `_build()` (with `add_section`, `add_row`, `watch`) and
    implement `_read`, `_fill`, `_collect`, `_validate`, `_command` and `_touched_by`.
    """

    DRAFT_KIND = ""  # "contact", "account": unsaved edits are kept on disk under this kind
    DRAFT_MS = 3000  # a draft is written this long after the last edit

    saved = Signal(object)  # the record's id
    dirty_changed = Signal(bool)
    restore_requested = Signal()  # a record in the recycle bin: bring it back
    purge_requested = Signal()  # a record in the recycle bin: delete it for good

    def __init__(
        self, db: Database, bus: DataBus, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._db, self._bus, self._undo_stack = db, bus, undo_stack
        self.record_id: uuid.UUID | None = None
        self._loaded: _Draft | None = None  # the draft as the database had it (None: new)
        self._baseline: _Draft | None = None  # the draft as the widgets showed after loading
        self._filling = False
        self._saving = False
        self._was_dirty = False
        self._checked_fields: set[str] = set()
        self._show_all_errors = False
        self._draft_written = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(self.DRAFT_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self.errors = InlineErrors()
        self.setStyleSheet(INVALID_STYLE)

        self.banner = Banner(self)
        self.banner.reload_requested.connect(self.revert)
        # The sections sit in a column of readable width; a wide window adds space beside it.
        self.content = QWidget()
        self.column = QWidget(self.content)
        self.column.setMaximumWidth(COLUMN_MAX_WIDTH)
        self.content_layout = QVBoxLayout(self.column)
        self.content_layout.setContentsMargins(12, 12, 12, 12)
        self.content_layout.setSpacing(12)
        outer = QHBoxLayout(self.content)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.column, 1)
        outer.addStretch(0)
        self._captions: list[QLabel] = []
        self._line_height = max(QLineEdit().sizeHint().height(), QComboBox().sizeHint().height())
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(self.content)

        self.summary = QLabel(self)
        self.summary.setObjectName("error_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet(f"color: {ERROR_COLOR};")
        self.summary.hide()
        self.revert_button = QPushButton(QCoreApplication.translate("RecordForm", "Revert"), self)
        self.revert_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Throw away your changes")
        )
        self.revert_button.clicked.connect(self.revert)
        self.save_button = QPushButton(QCoreApplication.translate("RecordForm", "Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        shortcut = QKeySequence(QKeySequence.StandardKey.Save)
        self.save_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Save (%1)").replace(
                "%1", shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.save_button.clicked.connect(self.save)
        self.save_shortcut = QShortcut(shortcut, self)
        self.save_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_shortcut.activated.connect(self.save)

        bar = QHBoxLayout()
        bar.setContentsMargins(12, 6, 12, 10)
        bar.addWidget(self.summary, 1)
        bar.addStretch(0)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)
        self._build_bin_buttons(bar)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        banner_box = QVBoxLayout()
        banner_box.setContentsMargins(12, 8, 12, 0)
        banner_box.addWidget(self.banner)
        layout.addLayout(banner_box)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(line)
        layout.addLayout(bar)

        self._build()
        self.content_layout.addStretch(1)
        self._apply_tab_order()
        # One caption width across sections, so all fields start on the same line.
        width = max((c.sizeHint().width() for c in self._captions), default=0)
        for caption in self._captions:
            caption.setMinimumWidth(width)
        self.setMinimumWidth(520)
        bus.changed.connect(self._on_bus_changed)
        self._update_buttons()

    def _build_bin_buttons(self, bar: QHBoxLayout) -> None:
        """Restore and Delete for good: what a record in the recycle bin offers instead of Save."""
        self.read_only = False
        self.restore_button = QPushButton(QCoreApplication.translate("RecordForm", "Restore"), self)
        self.restore_button.setObjectName("form_restore")
        self.restore_button.setToolTip(
            QCoreApplication.translate("RecordForm", "Bring this record back from the recycle bin")
        )
        self.restore_button.clicked.connect(self.restore_requested)
        self.purge_button = QPushButton(
            QCoreApplication.translate("RecordForm", "Delete for good…"), self
        )
        self.purge_button.setObjectName("form_purge")
        self.purge_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TrashIcon))
        self.purge_button.clicked.connect(self.purge_requested)
        bar.addWidget(self.purge_button)
        bar.addWidget(self.restore_button)
        self.restore_button.hide()
        self.purge_button.hide()

    def _set_read_only(self, read_only: bool) -> None:
        """A record in the recycle bin is shown, not edited: its fields are disabled and the
        bar offers Restore and Delete for good instead of Revert and Save."""
        self.read_only = read_only
        self.column.setEnabled(not read_only)
        self.save_shortcut.setEnabled(not read_only)
        for button in (self.revert_button, self.save_button):
            button.setVisible(not read_only)
        for button in (self.restore_button, self.purge_button):
            button.setVisible(read_only)

    # -- building blocks for subclasses ---------------------------------------------------

    def add_section(self, title: str) -> QFormLayout:
        box = QGroupBox(title, self.column)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(6)
        self.content_layout.addWidget(box)
        return form

    def add_row(
        self, form: QFormLayout, label: str, widget: QWidget, field: str | None = None
    ) -> int:
        """Add `label: widget` (with an error label under it for a field name); the row index."""
        caption = QLabel(label, self.column)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        caption.setBuddy(widget)
        self._captions.append(caption)
        if isinstance(widget, QLineEdit | QComboBox | OptionalDateEdit):
            widget.setMinimumWidth(max(widget.minimumWidth(), FIELD_MIN_WIDTH))
        # The caption is as tall as a one-line input, so it lines up with a field's first line.
        one_line = isinstance(widget, QLineEdit | QComboBox | OptionalDateEdit | QLabel)
        height = widget.sizeHint().height() if one_line else 0
        caption.setFixedHeight(max(height, self._line_height))
        if field is None:
            form.addRow(caption, widget)
            return form.rowCount() - 1
        box = QWidget(self.column)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = ErrorLabel(box)
        column.addWidget(error)
        form.addRow(caption, box)
        target = widget.edit if isinstance(widget, OptionalDateEdit) else widget
        target = widget.month if isinstance(widget, LunarDayEdit) else target
        self.errors.add_field(field, target, error)
        return form.rowCount() - 1

    def _line(self, field: str | None = None, placeholder: str = "") -> QLineEdit:
        """A watched one-line field in the form's column."""
        edit = QLineEdit(self.column)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        self.watch(edit, field)
        return edit

    def watch(self, widget: QWidget, field: str | None = None) -> None:
        """Track edits of a field for dirtiness; with a field name, check it when left."""
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(self._on_edited)
            if field:
                widget.editingFinished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(self._on_edited)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(self._on_edited)
            if widget.isEditable():
                widget.editTextChanged.connect(self._on_edited)
                if field:
                    edit = widget.lineEdit()
                    assert edit is not None  # an editable combo has its line edit
                    edit.editingFinished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, OptionalDateEdit | LunarDayEdit):
            widget.changed.connect(self._on_edited)
            if field:
                widget.editing_finished.connect(lambda f=field: self._on_field_left(f))
        elif isinstance(widget, ContactPointList):
            widget.rows_changed.connect(self._apply_tab_order)
            widget.changed.connect(self._on_edited)
            widget.field_left.connect(self._on_field_left)
            self.errors.add_list(widget.prefix, widget)
        else:
            raise TypeError(f"cannot watch {type(widget).__name__}")

    # -- hooks -------------------------------------------------------------------------------

    def _build(self) -> None:
        raise NotImplementedError

    def _read(self, session: Session, record_id: uuid.UUID | None) -> _State:
        """Everything `_fill` needs, read in one short session (record_id None: a new record)."""
        raise NotImplementedError

    def _fill(self, state: _State) -> None:
        raise NotImplementedError

    def _loaded_draft(self, state: _State) -> _Draft | None:
        """The draft the database holds, from what `_read` returned (None for a new record)."""
        raise NotImplementedError

    def _collect(self) -> _Draft:
        raise NotImplementedError

    def _validate(self, draft: _Draft) -> list[FieldError]:
        raise NotImplementedError

    def _command(self, before: _Draft | None, after: _Draft) -> _SaveCommand:
        raise NotImplementedError

    def _touched_by(self, changes: Changes) -> bool:
        raise NotImplementedError

    def _is_deleted(self, state: _State) -> bool:
        return False

    def _deleted_text(self) -> str:
        return QCoreApplication.translate("RecordForm", "This record is in the recycle bin.")

    def _update_preview(self) -> None:
        """Hook for live previews that depend on several fields."""

    # -- the public API ----------------------------------------------------------------------

    def load(self, record_id: uuid.UUID | None) -> None:
        """Show a record from the database (None: a blank new one), dropping unsaved edits."""
        self._drop_draft()
        try:
            with self._db.reading() as session:
                state = self._read(session, record_id)
        except RecordNotFound as exc:
            self.record_id = None
            self.content.setEnabled(False)
            self.banner.show_message(errors.known_error_texts(exc)[0], reload=False, kind="error")
            return
        self.record_id = record_id
        self.content.setEnabled(True)
        self._filling = True
        try:
            self._fill(state)
        finally:
            self._filling = False
        self._loaded = copy.deepcopy(self._loaded_draft(state))
        self._baseline = self._collect()
        self._checked_fields.clear()
        self._show_all_errors = False
        self.errors.clear()
        self.summary.hide()
        self._set_read_only(self._is_deleted(state))
        if self.read_only:
            self.banner.show_message(self._deleted_text(), reload=False, kind="info")
        else:
            self.banner.dismiss()
        self._update_preview()
        self._update_buttons()
        self._settle_layout()

    def _settle_layout(self) -> None:
        """Lay the new rows out now, so no frame is painted with the old scroll height."""
        self.content_layout.activate()
        QApplication.sendEvent(self.content, QEvent(QEvent.Type.LayoutRequest))

    def draft(self) -> _Draft:
        """The record as the form shows it now."""
        return self._collect()

    def is_dirty(self) -> bool:
        return self._baseline is not None and self._collect() != self._baseline

    def revert(self) -> None:
        self.load(self.record_id)

    # -- drafts: unsaved edits kept on disk until saved or reverted -----------------------------

    def _drafts(self) -> Path | None:
        database = self._db.url.database
        if not self.DRAFT_KIND or not database or database == ":memory:":
            return None
        return drafts_folder(database)

    def keep_draft(self) -> None:
        """Write the unsaved edits as a draft (or remove it when there are none)."""
        self._draft_timer.stop()
        folder = self._drafts()
        if folder is None or self.read_only:
            return
        if self.is_dirty():
            try:
                save_draft(folder, self.DRAFT_KIND, self.record_id, self._collect())
            except OSError:
                return  # a full or read-only disk: the edits are still in the form
            self._draft_written = True
        else:
            self._drop_draft()

    def _drop_draft(self) -> None:
        self._draft_timer.stop()
        folder = self._drafts()
        if folder is not None and self._draft_written:
            remove_draft(folder, self.DRAFT_KIND, self.record_id)
        self._draft_written = False

    def restore_draft(self, draft: _Draft) -> None:
        """Show a draft left by a crash over its record (already loaded), as unsaved edits."""
        with self._db.reading() as session:
            state = self._with_draft(self._read(session, self.record_id), draft)
        self._filling = True
        try:
            self._fill(state)
        finally:
            self._filling = False
        self._draft_written = True  # the file on disk is this form's now
        self._update_preview()
        self._update_buttons()

    def _with_draft(self, state: _State, draft: _Draft) -> _State:
        raise NotImplementedError

    def save(self) -> bool:
        """Validate, then push a save command; False (errors or a banner shown) if not saved."""
        if not self.content.isEnabled() or self.read_only:
            return False
        draft = self._collect()
        self._show_all_errors = True
        if not self._show_errors(self._validate(draft), focus=True):
            return False
        if self.record_id is not None and not self.is_dirty():
            return True
        before = copy.deepcopy(self._loaded) if self.record_id is not None else None
        command = self._command(before, draft)
        self._saving = True
        try:
            self._undo_stack.push(command)
        except ValidationError as exc:
            self._show_errors(exc.errors, focus=True)
            return False
        except KnownError as exc:
            self.banner.show_message(
                errors.known_error_line(exc), reload=self.record_id is not None
            )
            return False
        finally:
            self._saving = False
        record_id = command.record_id
        self._drop_draft()
        self.load(record_id)
        self.saved.emit(record_id)
        return True

    # -- errors --------------------------------------------------------------------------------

    def _show_errors(self, errors: Sequence[FieldError], *, focus: bool = False) -> bool:
        """Show errors inline and in the summary; True when there are none."""
        first, unplaced = self.errors.show(errors)
        if not errors:
            self.summary.hide()
            return True
        if self._show_all_errors:
            n = len(errors)
            if n == 1:
                text = QCoreApplication.translate("RecordForm", "1 problem to fix before saving.")
            else:
                text = QCoreApplication.translate(
                    "RecordForm", "%n problems to fix before saving.", None, n
                )
            extra = [f"{e.field}: {translated_error(e.message)}" for e in unplaced]
            self.summary.setText(" ".join([text, *extra]))
            self.summary.show()
        if focus and first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll_area.ensureWidgetVisible(first)
        return False

    # Errors appear when a field is left or on Save, and disappear as soon as they are fixed:
    # typing never raises a new complaint mid-word.
    LEAVE_CHECKS: dict[str, tuple[str, ...]] = {}  # field left -> the fields it settles

    def _on_field_left(self, field: str) -> None:
        if self._filling:
            return
        self._checked_fields.update(self.LEAVE_CHECKS.get(field, (field,)))
        errors = self._validate(self._collect())
        if not self._show_all_errors:
            shown = {e.field for e in self.errors.current} | self._checked_fields
            errors = [e for e in errors if e.field in shown]
        self._show_errors(errors)

    def _on_edited(self, *_args: object) -> None:
        if self._filling:
            return
        if self._drafts() is not None:
            self._draft_timer.start()
        self._update_preview()
        if self.errors.current:
            shown = {e.field for e in self.errors.current}
            self._show_errors([e for e in self._validate(self._collect()) if e.field in shown])
        self._update_buttons()

    def _apply_tab_order(self) -> None:
        chain = [
            self.banner.reload_button,
            self.banner.close_button,
            *focus_order(self.content_layout),
            self.revert_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _update_buttons(self) -> None:
        dirty = self.is_dirty()
        self.revert_button.setEnabled(dirty)
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)

    def _on_bus_changed(self, changes: Changes) -> None:
        if self._saving or self.record_id is None or not self._touched_by(changes):
            return
        if self.is_dirty():
            self.banner.show_message(
                QCoreApplication.translate(
                    "RecordForm",
                    "Changed elsewhere — reload to see the new version (your edits will be lost).",
                ),
                reload=True,
            )
        else:
            self.load(self.record_id)


__all__ = ["RecordForm", "focus_order"]
