"""Windows sized to the screen they open on, so a 1366×768 laptop shows them whole.

A dialog asks for its comfortable size and gets at most a share of the screen's free area,
leaving room for the title bar and the desktop's panels.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DIALOG_SHARE = (0.9, 0.85)  # of the free area's width and height


def available_area(widget: QWidget) -> QRect:
    """The free area (without panels) of the screen the widget, or its parent, is on."""
    anchor = widget.parentWidget() or widget
    screen = anchor.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget, preferred: QSize) -> None:
    """Resize to `preferred`, or less where the screen is smaller."""
    area = available_area(widget)
    widget.resize(
        min(preferred.width(), int(area.width() * DIALOG_SHARE[0])),
        min(preferred.height(), int(area.height() * DIALOG_SHARE[1])),
    )
