"""The back office makes each tab the first time it is shown: it opens with its Sales tab alone,
and a refund settled meanwhile is in the Day close tab clicked afterwards."""

from PySide6.QtCore import Qt

from pos_app.gui.back_office.day_close_tab import DayCloseTab
from pos_app.gui.back_office.sales_tab import SalesTab
from pos_app.gui.back_office.widgets import Tab
from tests.gui.back_office_helpers import idle, signed_in
from tests.gui.e2e import WAIT_MS
from tests.gui.test_day_close import cash_sale, refund

TITLES = [
    "Sales",
    "Export",
    "Day close",
    "Problem payments",
    "Products",
    "Users",
    "Settings",
]


def test_a_tab_is_made_when_first_clicked_and_shows_a_refund_settled_before(
    qtbot, start_app
) -> None:
    app = start_app()
    sale_id = cash_sale(app)
    window = signed_in(qtbot, app)
    tabs = window.tabs
    assert [tabs.tabText(index) for index in range(tabs.count())] == TITLES
    idle(qtbot, window)
    assert [type(tab) for tab in window.findChildren(Tab)] == [SalesTab]

    refund(qtbot, window, sale_id, 3_500)  # no tab but Sales to refresh
    idle(qtbot, window)
    assert [type(tab) for tab in window.findChildren(Tab)] == [SalesTab]

    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    [day_close] = window.findChildren(DayCloseTab)
    qtbot.waitUntil(lambda: day_close.report is not None, timeout=WAIT_MS)
    assert day_close.report is not None and day_close.report.refunds_total == 3_500
    assert day_close.isVisible()
    assert window.day_close is day_close
