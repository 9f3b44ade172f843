"""The industry pick list: codes stored, words translated, older free text kept as it was."""

from __future__ import annotations

from crmdesk.models.enums import Industry
from crmdesk.services.accounts import AccountDraft, get_account, save_account
from crmdesk.views.contacts.account_form import AccountForm
from crmdesk.views.shell.bus import DataBus
from crmdesk.views.shell.vocabulary import enum_text
from crmdesk.views.widgets.fields import IndustryCombo


def test_the_industry_is_picked_from_the_vocabulary_and_stored_as_its_code(qtbot):
    combo = IndustryCombo()
    qtbot.addWidget(combo)
    assert not combo.isEditable()  # a pick list, not free text
    words = [combo.itemText(i) for i in range(combo.count())]
    assert "Manufacturing" in words and "IT and software" in words
    combo.setCurrentIndex(combo.findData(Industry.LOGISTICS.value))
    assert combo.text() == "logistics"


def test_older_values_are_read_as_codes_or_kept_as_typed(qtbot):
    combo = IndustryCombo()
    qtbot.addWidget(combo)
    combo.setText("Manufacturing")  # the English word older files and the demo hold
    assert combo.text() == "manufacturing"
    assert combo.currentText() == "Manufacturing"
    combo.setText("Shipbuilding")  # free text the vocabulary does not know
    assert combo.text() == "Shipbuilding" and combo.currentText() == "Shipbuilding"
    combo.setText("")
    assert combo.text() == "" and combo.currentIndex() == 0


def test_industry_words_are_their_own(qtbot):
    from crmdesk.models.enums import PhoneKind

    assert enum_text(Industry.OTHER) != enum_text(PhoneKind.OTHER)
    assert enum_text(PhoneKind.OTHER) == "Other"


def test_the_account_form_saves_the_picked_industry_as_a_code(qtbot, db):
    from PySide6.QtGui import QUndoStack

    with db.transaction() as session:
        account_id, _ = save_account(session, AccountDraft(name="星辰", industry="Retail"))
    stack = QUndoStack()
    form = AccountForm(db, DataBus(), stack)
    qtbot.addWidget(form)
    form.load(account_id)
    assert form.industry.currentText() == "Retail"
    assert not form.is_dirty()
    form.industry.setCurrentIndex(form.industry.findData(Industry.ENERGY.value))
    assert form.save()
    with db.reading() as session:
        assert get_account(session, account_id).draft.industry == "energy"
    stack.clear()
