"""One policy for the whole program: the mouse wheel never changes a value the user did not pick.

A combo box, spin box, date or time field takes wheel events only while it has the keyboard
focus. Over an unfocused one the wheel scrolls what the field sits in (the form's scroll area),
as if the field were not there. Installed once on the application (`install_wheel_guard`), so
every form and dialog, present and future, follows it without code of its own.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

_GUARDED = (QComboBox, QAbstractSpinBox)  # QDateEdit, QTimeEdit and QDateTimeEdit are spin boxes
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


def guarded_field(widget: QObject) -> QWidget | None:
    """The value field a wheel event over `widget` would change (the combo or spin box itself,
    or the one whose line edit it is), else None."""
    if isinstance(widget, _GUARDED):
        return widget
    parent = widget.parent() if isinstance(widget, QWidget) else None
    if isinstance(parent, _GUARDED) and not widget.isWindow():
        return parent
    return None


def has_focus_within(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and (focus is widget or widget.isAncestorOf(focus))


class WheelGuard(QObject):
    """The application-wide event filter behind the policy (see the module docstring)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _POLISH:
            field = guarded_field(watched)
            if field is not None and field.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                # The wheel must not give focus either: that would let the next notch through.
                field.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != _WHEEL or not isinstance(event, QWheelEvent):
            return False
        field = guarded_field(watched)
        if field is None or has_focus_within(field):
            return False
        scroll_to_parent(field, event)
        return True


def scroll_to_parent(field: QWidget, event: QWheelEvent) -> None:
    """Hand the wheel to the nearest scroll area around `field` (if any) to scroll it."""
    area = field.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None:
        return
    viewport = area.viewport()
    position = QPointF(viewport.mapFromGlobal(event.globalPosition().toPoint()))
    forwarded = QWheelEvent(
        position,
        event.globalPosition(),
        event.pixelDelta(),
        event.angleDelta(),
        event.buttons(),
        event.modifiers(),
        event.phase(),
        event.inverted(),
    )
    QApplication.sendEvent(viewport, forwarded)


def install_wheel_guard(app: QApplication | None = None) -> WheelGuard:
    """Install the policy on the application (once; later calls return the same guard)."""
    app = app or QApplication.instance()
    assert isinstance(app, QApplication)
    existing = app.findChild(WheelGuard)
    if isinstance(existing, WheelGuard):
        return existing
    guard = WheelGuard(app)
    app.installEventFilter(guard)
    return guard


__all__ = ["WheelGuard", "guarded_field", "install_wheel_guard"]
