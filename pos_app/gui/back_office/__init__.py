"""The manager's back office: sales of a day, the sales CSV, the day close, products, users,
settings, problem payments and refunds to a customer's wallet, behind a manager's PIN.

The cashier screen opens it with :func:`open_back_office` (F10). The work itself is in the
Qt-free :class:`pos_app.till.back_office.BackOffice`; these views call it off the GUI thread.
"""

from pos_app.gui.back_office.entry import BackOfficeEntry, ManagerSignIn, open_back_office

__all__ = ["BackOfficeEntry", "ManagerSignIn", "open_back_office"]
