"""The contact form: every field of a person, validated inline, saved as one undoable step."""

from __future__ import annotations

import copy
import dataclasses
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.errors import FieldError
from crmdesk.models.base import utcnow
from crmdesk.models.enums import Channel
from crmdesk.models.names import display_name, has_cjk
from crmdesk.services.accounts import account_choices
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import (
    ContactDetail,
    ContactDraft,
    facets,
    get_contact,
    validate_contact,
)
from crmdesk.store.db import Database
from crmdesk.views.records.record_form import RecordForm
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import SaveContactCommand
from crmdesk.views.widgets.fields import KindCombo, OptionalDateEdit, TagsEdit
from crmdesk.views.widgets.list_editors import address_list, email_list, phone_list
from crmdesk.views.widgets.lunar_day import LunarDayEdit
from crmdesk.views.widgets.photo import PhotoEditor

# Where each field sits on the form, top to bottom: the first error in this order gets focus.
FIELD_ORDER = (
    "family_name",
    "given_name",
    "middle_name",
    "prefix",
    "suffix",
    "nickname",
    "phonetic_family_name",
    "phonetic_given_name",
    "phones",
    "emails",
    "account_id",
    "organization",
    "title",
    "department",
    "addresses",
    "birthday",
    "lunar_birthday",
    "preferred_channel",
    "wechat",
    "websites",
    "owner",
    "tags",
    "notes",
)


def _form_position(error: FieldError) -> tuple[int, int]:
    name, _, index = error.field.partition(".")
    rank = FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER)
    return rank, int(index) if index.isdigit() else 0


def initials(name: str) -> str:
    """张三 -> 张; John Smith -> JS: what an empty photo shows."""
    name = name.strip()
    if not name:
        return ""
    if has_cjk(name):
        return name[0]
    return "".join(word[0] for word in name.split()[:2]).upper()


class AccountPicker(QComboBox):
    """An editable combo of accounts; typing asks the search index (pinyin, initials …)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._ids: dict[str, uuid.UUID] = {}
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        edit = self.lineEdit()
        assert edit is not None  # an editable combo has its line edit
        edit.setPlaceholderText(self.tr("No account"))
        edit.setClearButtonEnabled(True)
        # A completer on the line edit (not the combo's): its suggestions come from a search,
        # not from the combo's items, and picking one must not reset the combo's index.
        self._suggestions = QCompleter([], self)
        self._suggestions.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        edit.setCompleter(self._suggestions)
        edit.textEdited.connect(self._on_line_edit_text_edited)

    def set_choices(self, choices: Sequence[tuple[uuid.UUID, str]]) -> None:
        self.blockSignals(True)
        try:
            self.clear()
            for account_id, name in choices:
                self.addItem(name, account_id)
                self._ids.setdefault(name, account_id)
            self.setCurrentIndex(-1)
            self.setEditText("")
        finally:
            self.blockSignals(False)

    def set_account(self, account_id: uuid.UUID | None, name: str) -> None:
        if account_id is None:
            self.setCurrentIndex(-1)
            self.setEditText("")
            return
        index = self.findData(account_id)
        if index < 0:
            self.addItem(name, account_id)
            index = self.count() - 1
        self._ids[name] = account_id
        self.setCurrentIndex(index)
        self.setEditText(name)

    def is_unknown(self) -> bool:
        """True when the typed text names no account."""
        text = self.currentText().strip()
        return bool(text) and self.account_id() is None

    def account_id(self) -> uuid.UUID | None:
        text = self.currentText().strip()
        if not text:
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == text:
            data: uuid.UUID | None = self.itemData(index)
            return data
        return self._ids.get(text)

    def _on_line_edit_text_edited(self, text: str) -> None:
        if not text.strip():
            return
        with self._db.reading() as session:
            found = account_choices(session, text, limit=20)
        for account_id, name in found:
            self._ids.setdefault(name, account_id)
        cast(QStringListModel, self._suggestions.model()).setStringList([n for _, n in found])
        if found:
            self._suggestions.complete()


@dataclass(frozen=True)
class _ContactState:
    detail: ContactDetail | None
    accounts: list[tuple[uuid.UUID, str]]
    tags: tuple[str, ...]
    owners: tuple[str, ...]


class ContactForm(RecordForm[_ContactState, ContactDraft]):
    """Edit one contact (or a new one); Save pushes a SaveContactCommand on the undo stack.

    `saved(id)` is emitted after a save; `dirty_changed(bool)` when unsaved edits appear or go.
    """

    DRAFT_KIND = "contact"

    # "A contact needs a name" is settled once the given name (or organisation) is left too,
    # not the moment the family name is: a new contact is typed family name first.
    LEAVE_CHECKS = {
        "family_name": (),
        "given_name": ("given_name", "family_name"),
        "organization": ("organization", "family_name"),
    }

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, bus, undo_stack, parent)
        self.load(None)

    @property
    def contact_id(self) -> uuid.UUID | None:
        return self.record_id

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        self._build_header()

        names = self.add_section(self.tr("Name"))
        self.names_form = names
        self.family_name = self._line("family_name", self.tr("e.g. 张 or Smith"))
        self.given_name = self._line("given_name", self.tr("e.g. 三 or John"))
        self.middle_name = self._line("middle_name")
        self.add_row(names, self.tr("Family name"), self.family_name, "family_name")
        self.add_row(names, self.tr("Given name"), self.given_name, "given_name")
        self.add_row(names, self.tr("Middle name"), self.middle_name, "middle_name")
        self.more_button = QToolButton(self.column)
        self.more_button.setText(self.tr("More"))
        self.more_button.setToolTip(self.tr("Prefix, suffix, nickname and phonetic names"))
        self.more_button.setCheckable(True)
        self.more_button.setAutoRaise(True)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.toggled.connect(self._on_more_button_toggled)
        names.addRow("", self.more_button)
        self.prefix = self._line("prefix", self.tr("e.g. Dr."))
        self.suffix = self._line("suffix", self.tr("e.g. Jr."))
        self.nickname = self._line("nickname")
        self.phonetic_family_name = self._line("phonetic_family_name", self.tr("e.g. Zhāng"))
        self.phonetic_given_name = self._line("phonetic_given_name", self.tr("e.g. Sān"))
        # Folded away until asked for (or filled in), so the phones are on the first screen.
        self._more_rows = (
            self.add_row(names, self.tr("Prefix"), self.prefix, "prefix"),
            self.add_row(names, self.tr("Suffix"), self.suffix, "suffix"),
            self.add_row(names, self.tr("Nickname"), self.nickname, "nickname"),
            self.add_row(names, self.tr("Phonetic family name"), self.phonetic_family_name),
            self.add_row(names, self.tr("Phonetic given name"), self.phonetic_given_name),
        )
        self.preview = QLabel(self.column)
        self.preview.setObjectName("display_name_preview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.add_row(names, self.tr("Shown as"), self.preview)
        self._set_more_visible(False)

        # How to reach them comes right after the name: what a user opens a contact for.
        reach = self.add_section(self.tr("Phones and emails"))
        self.phones = phone_list(self.column)
        self.emails = email_list(self.column)
        for title, editor in ((self.tr("Phones"), self.phones), (self.tr("Emails"), self.emails)):
            self.add_row(reach, title, editor)
            self.watch(editor)

        work = self.add_section(self.tr("Work"))
        self.account = AccountPicker(self._db, self.column)
        self.watch(self.account, "account_id")
        self.organization = self._line("organization")
        self.title = self._line("title")
        self.department = self._line("department")
        self.add_row(work, self.tr("Account"), self.account, "account_id")
        self.add_row(work, self.tr("Organization"), self.organization, "organization")
        self.add_row(work, self.tr("Title"), self.title, "title")
        self.add_row(work, self.tr("Department"), self.department, "department")

        addresses = self.add_section(self.tr("Addresses"))
        self.addresses = address_list(self.column)
        self.add_row(addresses, self.tr("Addresses"), self.addresses)
        self.watch(self.addresses)

        personal = self.add_section(self.tr("Personal"))
        self.birthday = OptionalDateEdit(self.column)
        self.watch(self.birthday, "birthday")
        self.lunar_birthday = LunarDayEdit(self.column)
        self.watch(self.lunar_birthday, "lunar_birthday")
        self.preferred_channel = KindCombo(Channel, self.column, self.tr("No preference"))
        self.watch(self.preferred_channel)
        self.wechat = self._line("wechat", self.tr("WeChat ID"))
        self.website = self._line("websites", "https://")
        self.add_row(personal, self.tr("Birthday"), self.birthday, "birthday")
        self.add_row(personal, self.tr("Lunar birthday"), self.lunar_birthday, "lunar_birthday")
        self.add_row(personal, self.tr("Preferred channel"), self.preferred_channel)
        self.add_row(personal, self.tr("WeChat"), self.wechat, "wechat")
        self.add_row(personal, self.tr("Website"), self.website, "websites")

        management = self.add_section(self.tr("Owner, tags and notes"))
        self.owner = self._line("owner", self.tr("Who looks after this contact"))
        self._owners = QCompleter([], self.owner)
        self._owners.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner.setCompleter(self._owners)
        self.tags = TagsEdit(self.column)
        self.watch(self.tags, "tags")
        self.add_row(management, self.tr("Owner"), self.owner, "owner")
        self.add_row(management, self.tr("Tags"), self.tags, "tags")

        self.notes = QPlainTextEdit(self.column)
        self.notes.setMinimumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.watch(self.notes)
        self.add_row(management, self.tr("Notes"), self.notes)

    def _build_header(self) -> None:
        header = QWidget(self.column)
        layout = QHBoxLayout(header)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        self.photo = PhotoEditor(header)
        self.photo.changed.connect(self._on_edited)
        self.heading = QLabel(header)
        self.heading.setObjectName("heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = QLabel(header)
        self.subheading.setTextFormat(Qt.TextFormat.PlainText)
        self.subheading.setEnabled(False)
        text = QVBoxLayout()
        text.addStretch(1)
        text.addWidget(self.heading)
        text.addWidget(self.subheading)
        text.addStretch(1)
        layout.addWidget(self.photo, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        self.content_layout.addWidget(header)

    def _set_more_visible(self, visible: bool) -> None:
        for row in self._more_rows:
            self.names_form.setRowVisible(row, visible)
        self.more_button.setArrowType(
            Qt.ArrowType.DownArrow if visible else Qt.ArrowType.RightArrow
        )
        self.more_button.setText(self.tr("Less") if visible else self.tr("More"))

    def _on_more_button_toggled(self, checked: bool) -> None:
        self._set_more_visible(checked)
        if checked and not self._filling:
            self.prefix.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the record <-> the widgets ---------------------------------------------------------

    def _read(self, session: Session, record_id: uuid.UUID | None) -> _ContactState:
        detail = get_contact(session, record_id) if record_id is not None else None
        known = facets(session)
        return _ContactState(detail, account_choices(session), known.tags, known.owners)

    def _with_draft(self, state: _ContactState, draft: ContactDraft) -> _ContactState:
        now = utcnow()
        detail = state.detail or ContactDetail(draft, "", "", now, now, False)
        return dataclasses.replace(state, detail=dataclasses.replace(detail, draft=draft))

    def _loaded_draft(self, state: _ContactState) -> ContactDraft | None:
        return state.detail.draft if state.detail else None

    def _is_deleted(self, state: _ContactState) -> bool:
        return bool(state.detail and state.detail.deleted)

    def _deleted_text(self) -> str:
        return self.tr("This contact is in the recycle bin.")

    def _fill(self, state: _ContactState) -> None:
        draft = state.detail.draft if state.detail else ContactDraft()
        for name in (
            "family_name",
            "given_name",
            "middle_name",
            "prefix",
            "suffix",
            "nickname",
            "phonetic_family_name",
            "phonetic_given_name",
            "organization",
            "title",
            "department",
            "wechat",
            "owner",
        ):
            getattr(self, name).setText(getattr(draft, name))
        folded = ("prefix", "suffix", "nickname", "phonetic_family_name", "phonetic_given_name")
        more = any(getattr(draft, name) for name in folded)
        self.more_button.setChecked(more)
        self._set_more_visible(more)
        self.account.set_choices(state.accounts)
        self.account.set_account(
            draft.account_id, state.detail.account_name if state.detail else ""
        )
        self.phones.set_records(draft.phones)
        self.emails.set_records(draft.emails)
        self.addresses.set_records(draft.addresses)
        self.birthday.set_date(draft.birthday)
        self.lunar_birthday.set_value(draft.lunar_birthday)
        self.preferred_channel.set_value(draft.preferred_channel)
        self.website.setText(draft.websites[0] if draft.websites else "")
        self.tags.set_known_tags(state.tags)
        self.tags.set_tags(draft.tags)
        cast(QStringListModel, self._owners.model()).setStringList(list(state.owners))
        self.notes.setPlainText(draft.notes)
        self.photo.set_photo(draft.photo, draft.photo_mime)

    def _collect(self) -> ContactDraft:
        draft = copy.deepcopy(self._loaded) if self._loaded is not None else ContactDraft()
        for name in (
            "family_name",
            "given_name",
            "middle_name",
            "prefix",
            "suffix",
            "nickname",
            "phonetic_family_name",
            "phonetic_given_name",
            "organization",
            "title",
            "department",
            "wechat",
            "owner",
        ):
            setattr(draft, name, getattr(self, name).text())
        draft.account_id = self.account.account_id()
        draft.phones = self.phones.records()
        draft.emails = self.emails.records()
        draft.addresses = self.addresses.records()
        draft.birthday = self.birthday.date()
        draft.lunar_birthday = self.lunar_birthday.value()
        draft.preferred_channel = self.preferred_channel.value()
        website = self.website.text().strip()
        draft.websites = [website, *draft.websites[1:]] if website else draft.websites[1:]
        draft.tags = self.tags.tags()
        draft.notes = self.notes.toPlainText()
        photo, mime = self.photo.photo()
        if photo != draft.photo:
            draft.photo, draft.photo_mime = photo, mime
            if photo is None:
                draft.photo_uri = ""
        return draft

    def _validate(self, draft: ContactDraft) -> list[FieldError]:
        errors = validate_contact(draft)
        if self.account.is_unknown():
            errors.append(
                FieldError(
                    "account_id",
                    self.tr(
                        "No account is called “%1”. Pick one from the list or clear it."
                    ).replace("%1", self.account.currentText().strip()),
                )
            )
        return sorted(errors, key=_form_position)

    def _command(self, before: ContactDraft | None, after: ContactDraft) -> SaveContactCommand:
        return SaveContactCommand(self._db, self._bus, before, after)

    def _touched_by(self, changes: Changes) -> bool:
        account_id = self._loaded.account_id if self._loaded is not None else None
        return self.record_id in changes.contacts or (
            account_id is not None and account_id in changes.accounts
        )

    def _update_preview(self) -> None:
        name = display_name(
            self.family_name.text(), self.given_name.text(), self.middle_name.text()
        )
        shown = name or self.organization.text().strip()
        self.preview.setText(shown or self.tr("(no name yet)"))
        self.preview.setEnabled(bool(shown))
        if shown:
            self.heading.setText(shown)
        else:
            self.heading.setText(
                self.tr("New contact") if self.record_id is None else self.tr("No name")
            )
        work = [self.title.text().strip(), self.account.currentText().strip()]
        self.subheading.setText(" · ".join(p for p in work if p))
        self.photo.set_initials(initials(name or shown))


__all__ = ["AccountPicker", "ContactForm", "initials"]
