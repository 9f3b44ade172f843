"""The case editor: every field, the workflow's next steps as buttons, the thread of notes,
attachments (copies in the data folder, opened with the system's viewer), and the solutions
whose words the subject shares, suggested as it is typed. Every write is an undo step.

Closing a case sends its satisfaction survey as the Service setting says: always, never, or
after asking (naming the contact and the channel); it is its own undo step, after the close."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from crmdesk.core.errors import KnownError
from crmdesk.core.texts import Text, fill
from crmdesk.models.enums import CaseKind, CasePriority, CaseStatus, Channel
from crmdesk.services import cases, escalation, solutions, survey_sending
from crmdesk.services.cases import CaseDetails, CaseDraft, NoteKind
from crmdesk.services.solutions import SolutionDraft
from crmdesk.services.survey_sending import AfterClose, SurveyPlan
from crmdesk.store.db import Database
from crmdesk.views.campaigns.undoable import CampaignCommand
from crmdesk.views.service.solution_dialog import SolutionDialog
from crmdesk.views.service.table import VIP_COMPLAINT_TINT
from crmdesk.views.shell import errors, writes
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.i18n import translated
from crmdesk.views.shell.screen_fit import fit_to_screen
from crmdesk.views.shell.undo import WriteCommand
from crmdesk.views.shell.vocabulary import enum_text

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
SUGGEST_DELAY_MS = 300
EDITOR_SIZE = QSize(900, 640)


def _combo(parent: QWidget, values: type[CaseKind | CasePriority | Channel]) -> QComboBox:
    box = QComboBox(parent)
    for value in values:
        box.addItem(enum_text(value), value)
    return box


def _local(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M") if moment is not None else "—"


class CaseEditor(QDialog):
    """A new case (`case_id` None) or an existing one; `saved_id` after a save."""

    def __init__(
        self, db: Database, bus: DataBus, undo: QUndoStack, folder: Path | None,
        case_id: uuid.UUID | None = None, parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._db, self._bus, self._undo, self._folder = db, bus, undo, folder
        self.saved_id = case_id
        self.details: CaseDetails | None = None
        self.survey_box: QMessageBox | None = None
        self.survey_button: QPushButton | None = None
        self._account_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Case"))
        self._build()
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(SUGGEST_DELAY_MS)
        self._suggest_timer.timeout.connect(self.suggest)
        self.subject.textEdited.connect(lambda _t: self._suggest_timer.start())
        fit_to_screen(self, EDITOR_SIZE)
        self.reload()

    # -- building ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(self)
        self.banner.setStyleSheet(
            f"background: {VIP_COMPLAINT_TINT.name()}; padding: 4px; font-weight: bold;"
        )
        self.banner.hide()
        self.subject = QLineEdit(self)
        self.kind = _combo(self, CaseKind)
        self.priority = _combo(self, CasePriority)
        self.channel = _combo(self, Channel)
        self.account = QLineEdit(self)
        self.account.setPlaceholderText(self.tr("Type to find an account"))
        self._account_completer = QCompleter([], self)
        self._account_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._account_completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.account.setCompleter(self._account_completer)
        self._account_ids: dict[str, uuid.UUID] = {}
        self.account.textEdited.connect(self._on_account_typed)
        self._account_completer.activated.connect(self._on_account_chosen)
        self.contact = QComboBox(self)
        self.owner = QLineEdit(self)
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 100_000)
        self.minutes.setSuffix(self.tr(" min"))
        self.satisfaction = QSpinBox(self)
        self.satisfaction.setRange(0, 10)
        self.satisfaction.setSpecialValueText(self.tr("Not asked"))
        self.status = QLabel(self)
        self.targets = QLabel(self)
        self.targets.setWordWrap(True)
        grid = QGridLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Subject:"), self.subject)
        left.addRow(self.tr("Kind:"), self.kind)
        left.addRow(self.tr("Priority:"), self.priority)
        left.addRow(self.tr("Channel:"), self.channel)
        left.addRow(self.tr("Account:"), self.account)
        left.addRow(self.tr("Contact:"), self.contact)
        right.addRow(self.tr("Owner:"), self.owner)
        right.addRow(self.tr("Status:"), self.status)
        right.addRow(self.tr("Targets:"), self.targets)
        right.addRow(self.tr("Time spent:"), self.minutes)
        right.addRow(self.tr("Satisfaction (1-10):"), self.satisfaction)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        self.steps = QHBoxLayout()
        self.publish = QPushButton(self.tr("Publish as solution…"), self)
        self.publish.clicked.connect(self.publish_solution)
        self.tabs = QTabWidget(self)
        self.description = QPlainTextEdit(self)
        self.resolution = QPlainTextEdit(self)
        self.tabs.addTab(self.description, self.tr("Description"))
        self.tabs.addTab(self.resolution, self.tr("Resolution"))
        self.tabs.addTab(self._thread_tab(), self.tr("Thread"))
        self.tabs.addTab(self._attachments_tab(), self.tr("Attachments"))
        self.suggested = QListWidget(self)
        self.suggested.itemActivated.connect(self._on_suggestion_activated)
        self.tabs.addTab(self.suggested, self.tr("Suggested solutions"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(grid)
        layout.addLayout(self.steps)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _step_words(self, target: CaseStatus) -> str:
        """The button that moves a case to `target`."""
        words = {
            CaseStatus.ASSIGNED: self.tr("Assign"),
            CaseStatus.IN_PROGRESS: self.tr("Start work"),
            CaseStatus.RESOLVED: self.tr("Resolve"),
            CaseStatus.CLOSED: self.tr("Close"),
            CaseStatus.REOPENED: self.tr("Reopen"),
        }
        return words.get(target, enum_text(target))

    def _thread_tab(self) -> QWidget:
        tab = QWidget(self)
        self.notes = QListWidget(tab)
        self.notes.setWordWrap(True)
        self.note_kind = QComboBox(tab)
        for kind, words in ((NoteKind.NOTE, self.tr("Note")), (NoteKind.CALL, self.tr("Call")),
                            (NoteKind.EMAIL, self.tr("E-mail")),
                            (NoteKind.VISIT, self.tr("Visit"))):  # fmt: skip
            self.note_kind.addItem(words, kind)
        self.note_text = QLineEdit(tab)
        self.note_text.setPlaceholderText(self.tr("What was said or done"))
        self.note_minutes = QSpinBox(tab)
        self.note_minutes.setRange(0, 10_000)
        self.note_minutes.setSuffix(self.tr(" min"))
        add = QPushButton(self.tr("Add"), tab)
        add.clicked.connect(self.add_note)
        self.note_text.returnPressed.connect(self.add_note)
        row = QHBoxLayout()
        for widget in (self.note_kind, self.note_text, self.note_minutes, add):
            row.addWidget(widget, 1 if widget is self.note_text else 0)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.notes, 1)
        layout.addLayout(row)
        return tab

    def _attachments_tab(self) -> QWidget:
        tab = QWidget(self)
        self.attachments = QListWidget(tab)
        self.attachments.itemActivated.connect(self._open_attachment)
        attach = QPushButton(self.tr("Attach file…"), tab)
        attach.clicked.connect(self.choose_attachment)
        self.open_button = QPushButton(self.tr("Open"), tab)
        self.open_button.clicked.connect(
            lambda: self._open_attachment(self.attachments.currentItem())
        )
        row = QHBoxLayout()
        row.addWidget(attach)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.attachments, 1)
        layout.addLayout(row)
        return tab

    # -- reading -------------------------------------------------------------------------------

    def reload(self) -> None:
        """Show the case as stored (after every step of the workflow, note or attachment)."""
        if self.saved_id is None:
            self._show_workflow(None)
            return
        with self._db.reading() as session:
            self.details = details = cases.get_case(session, self.saved_id)
        d = details.draft
        self.setWindowTitle(self.tr("Case %1").replace("%1", details.number))
        self.subject.setText(d.subject)
        for box, value in ((self.kind, d.kind), (self.priority, d.priority),
                           (self.channel, d.channel)):  # fmt: skip
            box.setCurrentIndex(max(0, box.findData(value)))
        self._set_account(d.account_id, details.account)
        wanted = d.contact_id.hex if d.contact_id else None
        self.contact.setCurrentIndex(max(0, self.contact.findData(wanted)))
        self.owner.setText(d.owner)
        self.description.setPlainText(d.description)
        self.resolution.setPlainText(d.resolution)
        self.minutes.setValue(d.minutes_spent)
        self.satisfaction.setValue(d.satisfaction or 0)
        self.notes.clear()
        for note in details.notes:
            when = note.written_at.astimezone().strftime("%Y-%m-%d %H:%M")
            author = f" {note.author}" if note.author else ""
            body = self.note_body(note.kind, note.body)
            self.notes.addItem(f"{when}{author} [{self._note_word(note.kind)}] {body}")
        self.attachments.clear()
        for attachment in details.attachments:
            item = QListWidgetItem(f"{attachment.file_name} ({attachment.size:,} B)")
            item.setData(ID_ROLE, attachment.stored_as)
            self.attachments.addItem(item)
        self._show_workflow(details)
        self.suggest()

    def _note_word(self, kind: str) -> str:
        words = {NoteKind.NOTE: self.tr("Note"), NoteKind.CALL: self.tr("Call"),
                 NoteKind.EMAIL: self.tr("E-mail"), NoteKind.VISIT: self.tr("Visit"),
                 NoteKind.STATUS: self.tr("Status"), NoteKind.ESCALATION: self.tr("Escalated"),
                 NoteKind.SURVEY: self.tr("Survey")}
        return words.get(kind, kind)  # type: ignore[call-overload]

    def note_body(self, kind: str, body: str) -> str:
        """A note in the user's language: the workflow's "new -> assigned" in the status
        words, an escalation's English sentence in the catalogue's; what a person wrote as is."""
        if kind == NoteKind.STATUS:
            before, _, after = body.partition(" -> ")
            try:
                return f"{enum_text(CaseStatus(before))} → {enum_text(CaseStatus(after))}"
            except ValueError:
                return body
        if kind == NoteKind.ESCALATION:
            for template in escalation.MISSED_TEXTS.values():
                tail = template.split("%2", 1)[1]
                if body.endswith(tail):
                    number, _, subject = body[: -len(tail)].partition(" ")
                    return fill(translated("Escalation", template), (number, subject))
        return body

    def _show_workflow(self, details: CaseDetails | None) -> None:
        while self.steps.count():
            item = self.steps.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.publish:
                widget.hide()  # gone at once, even before the event loop deletes it
                widget.deleteLater()
        self.step_buttons: dict[CaseStatus, QPushButton] = {}
        self.survey_button = None
        if details is None:
            self.status.setText(enum_text(CaseStatus.NEW))
            self.targets.setText(self.tr("Given when the case is saved"))
            self.publish.setEnabled(False)
            self.banner.hide()
            return
        self.status.setText(enum_text(details.status) + (
            "  " + self.tr("(escalated)") if details.escalated else ""))  # fmt: skip
        response = _local(details.response_due_at)
        resolution = _local(details.due_at)
        self.targets.setText(fill(self.tr("respond by %1, resolve by %2"), [response, resolution]))
        for target in details.next_states():
            button = QPushButton(self._step_words(target), self)
            button.clicked.connect(lambda _=False, t=target: self.take_step(t))
            self.steps.addWidget(button)
            self.step_buttons[target] = button
        if details.status is CaseStatus.CLOSED and not any(
            n.kind == NoteKind.SURVEY for n in details.notes
        ):
            self.survey_button = QPushButton(self.tr("Send satisfaction survey…"), self)
            self.survey_button.clicked.connect(lambda: self.send_survey(AfterClose.ASK))
            self.steps.addWidget(self.survey_button)
        self.steps.addStretch(1)
        self.publish.setParent(self)
        self.steps.addWidget(self.publish)
        self.publish.setEnabled(details.status in cases.DONE_STATES)
        published = None
        if details.draft.id is not None:
            with self._db.reading() as session:
                published = solutions.solution_of_case(session, details.draft.id)
        self.publish.setText(self.tr("Edit the solution…") if published is not None
                             else self.tr("Publish as solution…"))  # fmt: skip
        self.banner.setVisible(details.vip_complaint)
        self.banner.setText(self.tr("★ A complaint from a VIP customer"))

    def _set_account(self, account_id: uuid.UUID | None, name: str) -> None:
        self._account_id = account_id
        self.account.setText(name)
        self.contact.clear()
        self.contact.addItem(self.tr("(nobody)"), None)
        with self._db.reading() as session:
            for contact_id, contact_name in cases.contact_choices(session, account_id):
                self.contact.addItem(contact_name, contact_id.hex)  # findData compares text

    def _on_account_typed(self, text: str) -> None:
        with self._db.reading() as session:
            found = cases.account_choices(session, text)
        self._account_ids = {name: i for i, name in found}
        self._account_completer.model().setStringList(list(self._account_ids))  # type: ignore[attr-defined]
        if not text.strip():
            self._set_account(None, "")

    def _on_account_chosen(self, name: str) -> None:
        if name in self._account_ids:
            self._set_account(self._account_ids[name], name)

    # -- writing -------------------------------------------------------------------------------

    def _contact_id(self) -> uuid.UUID | None:
        chosen = self.contact.currentData()
        return uuid.UUID(hex=chosen) if chosen else None

    def draft(self) -> CaseDraft:
        base = self.details.draft if self.details is not None else CaseDraft()
        if not self.account.text().strip():
            self._account_id = None
        return CaseDraft(
            subject=self.subject.text(), kind=self.kind.currentData(),
            priority=self.priority.currentData(), channel=self.channel.currentData(),
            account_id=self._account_id, contact_id=self._contact_id(),
            description=self.description.toPlainText(), owner=self.owner.text(),
            resolution=self.resolution.toPlainText(), minutes_spent=self.minutes.value(),
            satisfaction=self.satisfaction.value() or None, id=base.id, version=base.version,
        )  # fmt: skip

    def _push(self, text: str, action: Callable[[Session], object]) -> bool:
        command = WriteCommand(self._db, self._bus, text, action)
        return writes.push(self, self._undo, command)

    def _save_fields(self) -> uuid.UUID | None:
        """Write the fields (a new case is created); the case's id, None when refused."""
        draft = self.draft()
        text = self.tr("Save case %1").replace("%1", draft.subject.strip())
        result: dict[str, uuid.UUID] = {}

        def save(session: Session) -> None:
            result["id"] = cases.save_case(session, draft)

        if not self._push(text, save):
            return None
        self.saved_id = result["id"]
        return self.saved_id

    def save(self) -> None:
        if self._save_fields():
            self.accept()

    def take_step(self, target: CaseStatus) -> None:
        """Save the fields, then take the workflow step (each its own undo step)."""
        case_id = self._save_fields()
        if case_id is None:
            return
        text = self.tr("Case: %1").replace("%1", enum_text(target))
        moved = self._push(text, lambda s: cases.move_case(s, case_id, target))
        self.reload()
        if moved and target is CaseStatus.CLOSED:
            with self._db.reading() as session:
                choice = survey_sending.after_closing(session)
            self.send_survey(choice)

    # -- the satisfaction survey ---------------------------------------------------------------

    def survey_plan(self) -> SurveyPlan | None:
        """How the closed case's survey would go out; None when it cannot (surveyed already,
        nobody to ask)."""
        if self.saved_id is None:
            return None
        with self._db.reading() as session:
            try:
                return survey_sending.plan_survey(session, self.saved_id)
            except KnownError:
                return None

    def survey_question(self, plan: SurveyPlan) -> str:
        """What the user is asked before the survey goes out, naming the contact and channel."""
        if plan.by_email:
            return fill(self.tr("Case %1 is closed. Send the satisfaction survey to %2 by e-mail "
                                "(%3)?"), [plan.number, plan.contact, plan.reach])  # fmt: skip
        assert plan.channel is not None
        channel = translated(survey_sending.CONTEXT, survey_sending.CHANNEL_WORDS[plan.channel])
        owner = plan.owner or self.tr("the case's owner (nobody yet)")
        reach = plan.reach or self.tr("no details on file")
        values: list[object] = [plan.number, plan.contact, channel, reach, owner, plan.due]
        return fill(self.tr("Case %1 is closed. Ask %2 for a satisfaction survey by %3 (%4)?\n\n"
                            "%5 gets a task to do it, due %6."), values)  # fmt: skip

    def ask_survey(self, plan: SurveyPlan) -> bool:
        """The question box (`self.survey_box` while it is open); True to send."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Satisfaction survey"),
                          self.survey_question(plan), QMessageBox.StandardButton.NoButton, self)
        send = box.addButton(self.tr("Send the survey") if plan.by_email else
                             self.tr("Create the task"), QMessageBox.ButtonRole.YesRole)
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(send)
        self.survey_box = box
        box.exec()
        self.survey_box = None
        return box.clickedButton() is send

    def send_survey(self, choice: AfterClose) -> bool:
        """Send the closed case's survey as `choice` says (asking first for ASK); its own undo
        step, which cannot be taken back once the e-mail has gone out. True when sent."""
        if choice is AfterClose.NEVER:
            return False
        plan = self.survey_plan()
        if plan is None:
            return False
        if choice is AfterClose.ASK and plan.channel is not None and not self.ask_survey(plan):
            return False
        case_id = plan.case_id

        def words(text: Text) -> str:
            return translated(survey_sending.CONTEXT, text)

        command = CampaignCommand(
            self._db, self._bus, fill(self.tr("Send the satisfaction survey of case %1"),
                                      [plan.number]),
            lambda s: survey_sending.send_survey(s, case_id, translate=words),
        )  # fmt: skip
        sent = writes.push(self, self._undo, command)
        self.reload()
        return sent

    def add_note(self) -> None:
        body = self.note_text.text().strip()
        case_id = self._save_fields() if body else None
        if case_id is None:
            return
        kind = self.note_kind.currentData()
        minutes, author = self.note_minutes.value(), self.owner.text()
        if self._push(self.tr("Add a note"), lambda s: cases.add_note(
                s, case_id, body, kind=kind, author=author, minutes=minutes)):  # fmt: skip
            self.note_text.clear()
            self.note_minutes.setValue(0)
        self.reload()

    def choose_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"))
        if path:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        if self._folder is None:
            QMessageBox.information(self, self.tr("Attachments"),
                                    self.tr("This database keeps no files beside it."))  # fmt: skip
            return
        case_id, folder = self._save_fields(), self._folder
        if case_id is None:
            return
        self._push(self.tr("Attach %1").replace("%1", path.name),
                   lambda s: cases.attach_file(s, case_id, path, folder))  # fmt: skip
        self.reload()

    def attachment_url(self, item: QListWidgetItem | None) -> QUrl | None:
        if item is None or self._folder is None:
            return None
        return QUrl.fromLocalFile(str(cases.attachment_path(self._folder, item.data(ID_ROLE))))

    def _open_attachment(self, item: QListWidgetItem | None) -> None:
        url = self.attachment_url(item)
        if url is not None:
            QDesktopServices.openUrl(url)

    def solution_dialog(self) -> SolutionDialog | None:
        """The solution as the case tells it (or as published before), to finish; None for a
        case that cannot be published."""
        if self.saved_id is None:
            return None
        with self._db.reading() as session:
            try:
                draft = solutions.draft_from_case(session, self.saved_id)
            except KnownError as exc:
                errors.report(self, exc)
                return None
        return SolutionDialog(draft, self)

    def publish_solution(self) -> None:
        dialog = self.solution_dialog()
        if dialog is not None and dialog.exec():
            self.store_solution(dialog.draft())
        if dialog is not None:
            dialog.deleteLater()

    def store_solution(self, draft: SolutionDraft) -> bool:
        """Into the solutions base (one undo step); True when stored."""
        done = self._push(self.tr("Publish a solution"),
                          lambda s: solutions.save_solution(s, draft))  # fmt: skip
        self.reload()
        return done

    # -- suggestions ---------------------------------------------------------------------------

    def suggest(self) -> None:
        """The solutions sharing the most words with the subject, best first."""
        subject = self.subject.text()
        with self._db.reading() as session:
            found = solutions.suggestions(session, subject)
        self.suggested.clear()
        for solution in found:
            item = QListWidgetItem(f"{solution.title} — {solution.fix}")
            item.setToolTip(f"{solution.problem}\n{solution.cause}\n{solution.fix}".strip())
            item.setData(ID_ROLE, solution.fix)
            self.suggested.addItem(item)
        words = self.tr("Suggested solutions")
        self.tabs.setTabText(4, f"{words} ({len(found)})" if found else words)

    def _on_suggestion_activated(self, item: QListWidgetItem) -> None:
        """Take the solution's fix into the resolution."""
        fix = str(item.data(ID_ROLE))
        current = self.resolution.toPlainText().strip()
        self.resolution.setPlainText(f"{current}\n{fix}".strip())
        self.tabs.setCurrentWidget(self.resolution)
