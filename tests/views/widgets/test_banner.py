"""The form's banner: a message of a kind, Reload only when asked for, dismissed by its button."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from crmdesk.views.widgets.banner import Banner


def test_a_message_shows_with_reload_only_when_asked(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner(parent)
    parent.show()
    assert not banner.isVisible()
    banner.show_message("Changed elsewhere.", reload=True)
    assert banner.isVisible() and banner.kind == "warning"
    assert banner.label.text() == "Changed elsewhere." and banner.reload_button.isVisible()
    with qtbot.waitSignal(banner.reload_requested):
        qtbot.mouseClick(banner.reload_button, Qt.MouseButton.LeftButton)
    banner.show_message("In the recycle bin.", reload=False, kind="info")
    assert banner.kind == "info" and not banner.reload_button.isVisible()
    assert "#e8f1fb" in banner.styleSheet()
    qtbot.mouseClick(banner.close_button, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    banner.show_message("Refused.", reload=False, kind="error")
    banner.dismiss()
    assert not banner.isVisible() and banner.kind == ""
