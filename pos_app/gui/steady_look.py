"""A window that looks the same whether it is active or not, so losing activation repaints nothing.

Qt repaints a whole window that loses activation when its palette's active and inactive colours
differ, and its item views repaint their contents on every activation change whatever the palette.
The QR payment dialog deactivates the cashier window as it opens, and those repaints (the basket,
its header, the product tiles: 6-9 ms) ran on the GUI thread between the provider's answer and the
QR on screen. A cashier screen gains nothing from looking inactive behind its own dialog.
"""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QWidget

_ACTIVATION = (QEvent.Type.WindowActivate, QEvent.Type.WindowDeactivate)


class _ActivationBlocker(QObject):
    """Keeps activation changes from an item view (and so from its viewport and headers)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        return event.type() in _ACTIVATION


def keep_look_when_inactive(widget: QWidget) -> None:
    """``widget`` and its item views (those it holds now) keep their active look when inactive."""
    palette = widget.palette()
    for role in QPalette.ColorRole:
        if role is not QPalette.ColorRole.NColorRoles:
            palette.setBrush(
                QPalette.ColorGroup.Inactive, role, palette.brush(QPalette.ColorGroup.Active, role)
            )
    widget.setPalette(palette)
    blocker = _ActivationBlocker(widget)
    for view in widget.findChildren(QAbstractItemView):
        view.installEventFilter(blocker)
