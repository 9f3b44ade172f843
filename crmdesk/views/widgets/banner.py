"""A non-blocking message across the top of a form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from crmdesk.views.widgets.inline_errors import ERROR_COLOR


class Banner(QFrame):
    """A non-blocking message across the top of a form, with an optional Reload button."""

    reload_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.reload_button = QPushButton(QCoreApplication.translate("Banner", "Reload"), self)
        self.reload_button.clicked.connect(self.reload_requested)
        self.close_button = QToolButton(self)
        self.close_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton)
        )
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("Banner", "Dismiss"))
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.reload_button)
        layout.addWidget(self.close_button)
        self.kind = ""
        self.hide()

    def show_message(self, text: str, *, reload: bool, kind: str = "warning") -> None:
        colors = {
            "warning": ("#fff4ce", "#c29c00"),
            "error": ("#fde7e9", ERROR_COLOR),
            "info": ("#e8f1fb", "#5b8fc7"),
        }[kind]
        self.kind = kind
        self.setStyleSheet(
            f"QFrame#banner {{ background: {colors[0]}; border: 1px solid {colors[1]};"
            f" border-radius: 4px; }} QFrame#banner QLabel {{ color: #202020; }}"
        )
        self.label.setText(text)
        self.reload_button.setVisible(reload)
        self.show()

    def dismiss(self) -> None:
        self.kind = ""
        self.hide()
