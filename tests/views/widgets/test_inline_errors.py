"""Error texts are never clipped: long messages wrap and their labels grow to hold them."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLabel

from crmdesk.core.errors import FieldError
from crmdesk.views.contacts.contact_form import ContactForm
from crmdesk.views.shell.bus import DataBus

LONG = (
    "This phone number has too few digits to be dialled from anywhere; type the whole number "
    "with its area code, or remove the row if the contact has no phone."
)


def whole(label: QLabel) -> bool:
    """The label is at least as tall as its text needs at its width, and fits its window."""
    QApplication.processEvents()
    needed = label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
    return label.isVisible() and label.height() >= needed and label.wordWrap()


def test_long_errors_wrap_in_a_narrow_form(qtbot, db, people):
    stack = QUndoStack()
    form = ContactForm(db, DataBus(), stack)
    qtbot.addWidget(form)
    form.resize(form.minimumWidth(), 700)
    form.show()
    qtbot.waitExposed(form)
    form.load(people["张三"])
    form._show_all_errors = True
    form._show_errors(
        [
            FieldError("family_name", LONG),
            FieldError("phones.0", LONG),
            FieldError("nowhere", LONG),  # placed in the summary under the form
        ]
    )
    for label in (
        form.errors.target("family_name")[1],
        form.errors.target("phones.0")[1],
        form.summary,
    ):
        assert whole(label), label.text()
        assert label.width() < form.width()
    photo_error = form.photo.error
    photo_error.show_message("This file is not a picture crmdesk can read.")
    assert whole(photo_error)
    stack.clear()
