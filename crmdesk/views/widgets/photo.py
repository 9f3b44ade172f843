"""A contact's photo (or their initials on a disc), loaded from a file and scaled down."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeDatabase, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from crmdesk.views.widgets.inline_errors import ErrorLabel

PHOTO_SIZE = 72
MAX_PHOTO_SIDE = 800  # larger photos are scaled down before they go into the database


class PhotoEditor(QWidget):
    """The contact's photo (or their initials), with Load and Clear."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data: bytes | None = None
        self._mime = ""
        self._initials = ""
        self.picture = QLabel(self)
        self.picture.setFixedSize(PHOTO_SIZE, PHOTO_SIZE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.load_button = QToolButton(self)
        self.load_button.setText(self.tr("Load…"))
        self.load_button.setToolTip(self.tr("Choose a photo from a file"))
        self.load_button.clicked.connect(self._on_load_button_clicked)
        self.clear_button = QToolButton(self)
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Remove the photo"))
        self.clear_button.clicked.connect(lambda: self.set_photo(None, "", user=True))
        self.error = ErrorLabel(self)
        self.error.setMaximumWidth(PHOTO_SIZE + 40)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        buttons.addWidget(self.load_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self._render()

    def photo(self) -> tuple[bytes | None, str]:
        return self._data, self._mime

    def set_photo(self, data: bytes | None, mime: str, *, user: bool = False) -> None:
        self._data, self._mime = (data or None), (mime if data else "")
        self.error.clear_message()
        self._render()
        if user:
            self.changed.emit()

    def set_initials(self, text: str) -> None:
        if text != self._initials:
            self._initials = text
            if self._data is None:
                self._render()

    def load_file(self, path: str) -> bool:
        """Read an image file into the photo (scaled down when large); False if unreadable."""
        pixmap = QPixmap(path)
        if pixmap.isNull():
            self.error.show_message(self.tr("This file is not a picture crmdesk can read."))
            return False
        with open(path, "rb") as f:
            data = f.read()
        mime = QMimeDatabase().mimeTypeForData(QByteArray(data)).name()
        if max(pixmap.width(), pixmap.height()) > MAX_PHOTO_SIDE:
            scaled = pixmap.scaled(
                MAX_PHOTO_SIDE,
                MAX_PHOTO_SIDE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            buffer = QBuffer()
            buffer.open(QIODevice.OpenModeFlag.WriteOnly)
            scaled.save(buffer, "JPEG", 85)
            data, mime = bytes(buffer.data().data()), "image/jpeg"
        self.set_photo(data, mime, user=True)
        return True

    def _on_load_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a photo"),
            "",
            self.tr("Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)"),
        )
        if path:
            self.load_file(path)

    def _render(self) -> None:
        self.clear_button.setEnabled(self._data is not None)
        size = QSize(PHOTO_SIZE, PHOTO_SIZE)
        if self._data is not None:
            pixmap = QPixmap()
            if pixmap.loadFromData(self._data):
                self.picture.setPixmap(
                    pixmap.scaled(
                        size,
                        Qt.AspectRatioMode.KeepAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    )
                )
                self.picture.setToolTip("")
                return
        self.picture.setPixmap(self._placeholder(size))
        self.picture.setToolTip(
            self.tr("The photo cannot be shown.") if self._data is not None else ""
        )

    def _placeholder(self, size: QSize) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#cfd8dc"))
        painter.drawEllipse(0, 0, size.width(), size.height())
        font = QFont(self.font())
        font.setPixelSize(size.height() // (2 if len(self._initials) < 2 else 3))
        painter.setFont(font)
        painter.setPen(QColor("#455a64"))
        painter.drawText(
            0, 0, size.width(), size.height(), Qt.AlignmentFlag.AlignCenter, self._initials
        )
        painter.end()
        return pixmap
