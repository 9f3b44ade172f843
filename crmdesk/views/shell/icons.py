"""The application icon, drawn from the shipped SVG at every size a window manager asks for."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from crmdesk.core.resources import read_resource

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """crmdesk's icon (resources/icons/crmdesk.svg), sharp from the title bar to the About box."""
    renderer = QSvgRenderer(QByteArray(read_resource("icons", "crmdesk.svg")))
    icon = QIcon()
    for size in ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        icon.addPixmap(QPixmap.fromImage(image))
    return icon
