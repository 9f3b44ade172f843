"""The account form: a customer organisation or individual, saved as one undoable step."""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QCompleter,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.errors import FieldError
from crmdesk.models.enums import AccountKind, LifecyclePhase, LoyaltyStage, ValueTier
from crmdesk.services.account_story import AccountStory, account_story
from crmdesk.services.accounts import AccountDetail, AccountDraft, get_account, validate_account
from crmdesk.services.changes import Changes
from crmdesk.services.contacts import ContactFilter, count_contacts, facets
from crmdesk.store.db import Database
from crmdesk.views.contacts.account_story_view import AccountStoryView
from crmdesk.views.records.record_form import RecordForm
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.undo import SaveAccountCommand
from crmdesk.views.widgets.fields import IndustryCombo, KindCombo, TagsEdit
from crmdesk.views.widgets.list_editors import address_list, email_list, phone_list

TEXT_FIELDS = ("name", "code", "tax_id", "industry", "source", "owner", "website")
FIELD_ORDER = (
    "name",
    "code",
    "tax_id",
    "kind",
    "industry",
    "source",
    "website",
    "value_tier",
    "loyalty_stage",
    "lifecycle_phase",
    "phones",
    "emails",
    "addresses",
    "owner",
    "tags",
    "notes",
)


def _form_position(error: FieldError) -> tuple[int, int]:
    name, _, index = error.field.partition(".")
    rank = FIELD_ORDER.index(name) if name in FIELD_ORDER else len(FIELD_ORDER)
    return rank, int(index) if index.isdigit() else 0


@dataclass(frozen=True)
class _AccountState:
    detail: AccountDetail | None
    tags: tuple[str, ...]
    owners: tuple[str, ...]
    story: AccountStory | None


class AccountForm(RecordForm):
    """Edit one account (or a new one); Save pushes a SaveAccountCommand on the undo stack.

    `saved(id)` is emitted after a save; `dirty_changed(bool)` when unsaved edits appear or go.
    The header shows how many live contacts work at the account and its revenue; tabs beside
    the fields list its contacts, sales, open cases and upcoming events (the account's story).
    `contact_opened(id)` asks for a contact double-clicked there to be shown.
    """

    contact_opened = Signal(object)  # a contact's id

    def __init__(
        self,
        db: Database,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(db, bus, undo_stack, parent)
        self._wrap_in_tabs()
        bus.changed.connect(self._on_bus_changed_contacts)
        bus.changed.connect(self._on_bus_changed_story)
        self.load(None)

    @property
    def account_id(self) -> uuid.UUID | None:
        return self.record_id

    # -- building --------------------------------------------------------------------------

    def _combo(self, enum: type[Any], field: str) -> KindCombo[Any]:
        combo: KindCombo[Any] = KindCombo(enum, self.column)
        self.watch(combo, field)
        return combo

    def _build(self) -> None:
        header = QWidget(self.column)
        text = QVBoxLayout(header)
        text.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(header)
        self.heading.setObjectName("heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.heading.setFont(font)
        self.contacts_label = QLabel(header)
        self.contacts_label.setObjectName("contact_count")
        self.contacts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.contacts_label.setEnabled(False)
        self.revenue_label = QLabel(header)
        self.revenue_label.setObjectName("revenue")
        self.revenue_label.setTextFormat(Qt.TextFormat.PlainText)
        self.revenue_label.setWordWrap(True)
        text.addWidget(self.heading)
        text.addWidget(self.contacts_label)
        text.addWidget(self.revenue_label)
        self.content_layout.addWidget(header)

        account = self.add_section(self.tr("Account"))
        self.name = self._line("name", self.tr("e.g. 北京星辰科技有限公司"))
        self.code = self._line("code", self.tr("Customer number"))
        self.tax_id = self._line("tax_id", self.tr("Printed on contracts"))
        self.kind = self._combo(AccountKind, "kind")
        self.industry = IndustryCombo(self.column)
        self.watch(self.industry)
        self.source = self._line("source", self.tr("e.g. trade fair, referral"))
        self.website = self._line("website", "https://")
        self.add_row(account, self.tr("Name"), self.name, "name")
        self.add_row(account, self.tr("Code"), self.code, "code")
        self.add_row(account, self.tr("Tax ID"), self.tax_id, "tax_id")
        self.add_row(account, self.tr("Kind"), self.kind, "kind")
        self.add_row(account, self.tr("Industry"), self.industry, "industry")
        self.add_row(account, self.tr("Source"), self.source, "source")
        self.add_row(account, self.tr("Website"), self.website, "website")

        value = self.add_section(self.tr("Customer value"))
        self.value_tier = self._combo(ValueTier, "value_tier")
        self.loyalty_stage = self._combo(LoyaltyStage, "loyalty_stage")
        self.lifecycle_phase = self._combo(LifecyclePhase, "lifecycle_phase")
        self.add_row(value, self.tr("Value tier"), self.value_tier, "value_tier")
        self.add_row(value, self.tr("Loyalty"), self.loyalty_stage, "loyalty_stage")
        self.add_row(value, self.tr("Lifecycle phase"), self.lifecycle_phase, "lifecycle_phase")

        reach = self.add_section(self.tr("Phones, emails and addresses"))
        self.phones = phone_list(self.column)
        self.emails = email_list(self.column)
        self.addresses = address_list(self.column)
        for title, editor in (
            (self.tr("Phones"), self.phones),
            (self.tr("Emails"), self.emails),
            (self.tr("Addresses"), self.addresses),
        ):
            self.add_row(reach, title, editor)
            self.watch(editor)

        management = self.add_section(self.tr("Owner, tags and notes"))
        self.owner = self._line("owner", self.tr("Who looks after this account"))
        self._owners = QCompleter([], self.owner)
        self._owners.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.owner.setCompleter(self._owners)
        self.tags = TagsEdit(self.column)
        self.watch(self.tags, "tags")
        self.notes = QPlainTextEdit(self.column)
        self.notes.setMinimumHeight(90)
        self.notes.setTabChangesFocus(True)
        self.watch(self.notes)
        self.add_row(management, self.tr("Owner"), self.owner, "owner")
        self.add_row(management, self.tr("Tags"), self.tags, "tags")
        self.add_row(management, self.tr("Notes"), self.notes)

    # -- the record <-> the widgets ---------------------------------------------------------

    def _read(self, session: Session, record_id: uuid.UUID | None) -> _AccountState:
        detail = get_account(session, record_id) if record_id is not None else None
        known = facets(session)
        story = account_story(session, record_id) if record_id is not None else None
        return _AccountState(detail, known.tags, known.owners, story)

    def _loaded_draft(self, state: _AccountState) -> AccountDraft | None:
        return state.detail.draft if state.detail else None

    def _is_deleted(self, state: _AccountState) -> bool:
        return bool(state.detail and state.detail.deleted)

    def _deleted_text(self) -> str:
        return self.tr("This account is in the recycle bin.")

    def _fill(self, state: _AccountState) -> None:
        draft = state.detail.draft if state.detail else AccountDraft()
        for name in TEXT_FIELDS:
            getattr(self, name).setText(getattr(draft, name))
        self.kind.set_value(draft.kind)
        self.value_tier.set_value(draft.value_tier)
        self.loyalty_stage.set_value(draft.loyalty_stage)
        self.lifecycle_phase.set_value(draft.lifecycle_phase)
        self.phones.set_records(draft.phones)
        self.emails.set_records(draft.emails)
        self.addresses.set_records(draft.addresses)
        self.tags.set_known_tags(state.tags)
        self.tags.set_tags(draft.tags)
        owners = self._owners.model()
        assert isinstance(owners, QStringListModel)
        owners.setStringList(list(state.owners))
        self.notes.setPlainText(draft.notes)
        self._show_contact_count(state.detail.contacts if state.detail else None)
        self._show_story(state.story)

    def _collect(self) -> AccountDraft:
        draft = copy.deepcopy(self._loaded) if self._loaded is not None else AccountDraft()
        for name in TEXT_FIELDS:
            setattr(draft, name, getattr(self, name).text())
        draft.kind = self.kind.value()
        draft.value_tier = self.value_tier.value()
        draft.loyalty_stage = self.loyalty_stage.value()
        draft.lifecycle_phase = self.lifecycle_phase.value()
        draft.phones = self.phones.records()
        draft.emails = self.emails.records()
        draft.addresses = self.addresses.records()
        draft.tags = self.tags.tags()
        draft.notes = self.notes.toPlainText()
        return draft

    def _validate(self, draft: AccountDraft) -> list[FieldError]:
        return sorted(validate_account(draft), key=_form_position)

    def _command(self, before: AccountDraft | None, after: AccountDraft) -> SaveAccountCommand:
        return SaveAccountCommand(self._db, self._bus, before, after)

    def _touched_by(self, changes: Changes) -> bool:
        return self.record_id in changes.accounts

    def _update_preview(self) -> None:
        name = self.name.text().strip()
        if name:
            self.heading.setText(name)
        else:
            self.heading.setText(
                self.tr("New account") if self.record_id is None else self.tr("No name")
            )

    # -- the account's story -----------------------------------------------------------------

    def _wrap_in_tabs(self) -> None:
        """Put the scrolling fields in a Details tab beside the story's tabs, so the lists get
        the form's whole height on a laptop screen instead of a strip below the fields."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.scroll_area)
        layout.removeWidget(self.scroll_area)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.setUsesScrollButtons(True)
        self.tabs.addTab(self.scroll_area, self.tr("Details"))
        self.story = AccountStoryView(self._db, self.tabs)
        self.story.contact_opened.connect(self.contact_opened)
        self.story.add_tabs(self.tabs)
        layout.insertWidget(index, self.tabs, 1)

    def save(self) -> bool:
        """As the form saves; what it refuses is shown on the Details tab, wherever one was."""
        saved = super().save()
        if not saved:
            self.tabs.setCurrentIndex(0)
        return saved

    def _show_story(self, story: AccountStory | None) -> None:
        if story is None:
            self.tabs.setCurrentIndex(0)  # a new account has only its fields to fill
        self.story.show_story(story)
        self.revenue_label.setText(self.story.revenue_text(story) if story else "")
        self.revenue_label.setVisible(story is not None)

    def _on_bus_changed_story(self, changes: Changes) -> None:
        """What the lists show changed (an order, a case, a contact …): read the story again."""
        if self.record_id is None or not (
            changes.contacts
            or changes.accounts
            or changes.opportunities
            or changes.orders
            or changes.cases
            or changes.events
        ):
            return
        with self._db.reading() as session:
            story = account_story(session, self.record_id)
        self._show_story(story)

    # -- the contact count -------------------------------------------------------------------

    def _show_contact_count(self, count: int | None) -> None:
        if count is None:
            self.contacts_label.setText(self.tr("Not saved yet"))
        elif count == 0:
            self.contacts_label.setText(self.tr("No contacts yet"))
        elif count == 1:
            self.contacts_label.setText(self.tr("1 contact"))
        else:
            self.contacts_label.setText(self.tr("%n contacts", "", count))

    def _on_bus_changed_contacts(self, changes: Changes) -> None:
        """A contact joined or left (or was deleted): recount, whatever the form's state."""
        if self.record_id is None or not changes.contacts:
            return
        with self._db.reading() as session:
            count = count_contacts(session, ContactFilter(account_id=self.record_id))
        self._show_contact_count(count)


__all__ = ["AccountForm"]
