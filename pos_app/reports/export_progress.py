"""Progress and cancel for an export that writes row after row, possibly in several passes."""

from collections.abc import Callable

from pos_app.domain.texts import N_
from pos_app.reports.sales_csv import PROGRESS_EVERY, ExportCancelled


class RowCounter:
    """Counts the rows an export handles; every :data:`PROGRESS_EVERY` rows it looks for a cancel
    (:class:`ExportCancelled`) and reports the count. ``start`` continues the count of an earlier
    pass, so one progress bar covers a whole export."""

    def __init__(
        self,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
        start: int = 0,
    ) -> None:
        self.rows = start
        self._progress = progress
        self._cancelled = cancelled

    def count(self) -> None:
        self.rows += 1
        if not self.rows % PROGRESS_EVERY:
            if self._cancelled is not None and self._cancelled():
                raise ExportCancelled(N_("export cancelled; no file was written"))
            if self._progress is not None:
                self._progress(self.rows)
