"""Takings by hour of the shop day, as a bar chart painted with QPainter."""

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from pos_app.domain.money import format_rupiah
from pos_app.till.day_sales import HourTotal

BAR_COLOR = QColor("#2e7d32")
AXIS_COLOR = QColor("#616161")
LABEL_EVERY = 2
"""Hours labelled under the bars: every other one fits at the smallest width."""


class HourlyChart(QWidget):
    """One bar per local hour, in the shop day's order (from the cut-off's hour on)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hourlyChart")
        self.setMinimumHeight(160)
        self.hours: tuple[HourTotal, ...] = ()

    def set_hours(self, hours: Sequence[HourTotal]) -> None:
        self.hours = tuple(hours)
        busiest = max(self.hours, key=lambda hour: hour.total, default=None)
        self.setToolTip(
            self.tr("Busiest hour {hour}:00, {count} sales, {total}").format(
                hour=f"{busiest.hour:02d}", count=busiest.count, total=format_rupiah(busiest.total)
            )
            if busiest is not None and busiest.total
            else ""
        )
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 200)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(8, line + 6, -8, -(line + 6))
        top = max((hour.total for hour in self.hours), default=0)
        painter.setPen(AXIS_COLOR)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        if not top:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, self.tr("No completed sales"))
            return
        painter.drawText(
            QRectF(area.left(), 0, area.width(), line + 4),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self.tr("Highest hour: {total}").format(total=format_rupiah(top)),
        )
        slot = area.width() / len(self.hours)
        for position, hour in enumerate(self.hours):
            left = area.left() + position * slot
            height = area.height() * hour.total / top
            if height:
                bar = QRectF(left + slot * 0.15, area.bottom() - height, slot * 0.7, height)
                painter.fillRect(bar, BAR_COLOR)
            if position % LABEL_EVERY == 0:
                painter.drawText(
                    QRectF(left, area.bottom() + 2, slot * LABEL_EVERY, line + 2),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                    f"{hour.hour:02d}",
                )
