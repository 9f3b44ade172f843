"""Translating outside a QObject, and words derived from translated texts."""

from __future__ import annotations

import pytest

from crmdesk.views.shell.i18n import button_text


@pytest.mark.parametrize(
    ("action", "button"),
    [
        ("新建(&N)", "新建"),
        ("导入(&I)…", "导入"),
        ("导出（&E）...", "导出"),
        ("关于 crmdesk(&A)", "关于 crmdesk"),
        ("&Import…", "Import"),
        ("Find &Duplicates…", "Find Duplicates"),
        ("R&&D", "R&D"),
        ("Undo", "Undo"),
    ],
)
def test_a_toolbar_button_says_the_action_without_accelerator_or_ellipsis(action, button):
    assert button_text(action) == button
