<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach a late payment to a sale</source>
        <translation>Attach a late payment to a sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Late payment {invoice}: {amount} by {provider}, made for sale {sale}.</source>
        <translation>Late payment {invoice}: {amount} by {provider}, made for sale {sale}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>The payment completes the sale you choose, as a QR sale of today's business day. Only an open or cancelled sale of exactly {amount} can take it: its own sale, or another of the last {days} days. A sale already paid (in cash, for example) cannot: the customer would have paid twice, so refund the payment to their wallet instead.</source>
        <translation>The payment completes the sale you choose, as a QR sale of today's business day. Only an open or cancelled sale of exactly {amount} can take it: its own sale, or another of the last {days} days. A sale already paid (in cash, for example) cannot: the customer would have paid twice, so refund the payment to their wallet instead.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Rung up</source>
        <translation>Rung up</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach to this sale…</source>
        <translation>Attach to this sale…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>the payment's own sale</source>
        <translation>the payment's own sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>No open or cancelled sale of the last {days} days totals {amount}. Refund the payment to the customer's wallet instead.</source>
        <translation>No open or cancelled sale of the last {days} days totals {amount}. Refund the payment to the customer's wallet instead.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach the payment</source>
        <translation>Attach the payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Complete sale {sale} of {amount} with payment {invoice}?</source>
        <translation>Complete sale {sale} of {amount} with payment {invoice}?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>The payment was not attached: {error}</source>
        <translation>The payment was not attached: {error}</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Kasir — Back office ({name})</source>
        <translation>Kasir — Back office ({name})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Day close</source>
        <translation>Day close</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Problem payments</source>
        <translation>Problem payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Products</source>
        <translation>Products</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Users</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Signed in as {name} (manager). Every change is recorded in the audit log.</source>
        <translation>Signed in as {name} (manager). Every change is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Close back office</source>
        <translation>Close back office</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Cash payment</source>
        <translation>Cash payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>e.g. 50.000</source>
        <translation>e.g. 50.000</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Exact {amount}</source>
        <translation>Exact {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Complete (Enter)</source>
        <translation>Complete (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Type the amount received in whole rupiah, like 50.000.</source>
        <translation>Type the amount received in whole rupiah, like 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{amount} short: the customer must pay at least the total.</source>
        <translation>{amount} short: the customer must pay at least the total.</translation>
    </message>
</context>
<context>
    <name>CashierController</name>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>No receipt to reprint yet.</source>
        <translation>No receipt to reprint yet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not start the QR payment: {error}</source>
        <translation>Could not start the QR payment: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not record the cash sale: {error}</source>
        <translation>Could not record the cash sale: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} received; its sale is complete.</source>
        <translation>Payment {invoice} of {amount} received; its sale is complete.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</source>
        <translation>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Take the total another way. The manager refunds or accepts this payment in the back office.</source>
        <translation>Take the total another way. The manager refunds or accepts this payment in the back office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</source>
        <translation>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Customer paid {amount} by DOKU Wallet</source>
        <translation>Customer paid {amount} by DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not complete the sale with payment {invoice}: {error}</source>
        <translation>Could not complete the sale with payment {invoice}: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} is kept for the manager: no sale took it</source>
        <translation>Payment {invoice} of {amount} is kept for the manager: no sale took it</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>{count} payments kept for the manager, the last {invoice} of {amount}</source>
        <translation>{count} payments kept for the manager, the last {invoice} of {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not look for open payments: {error}</source>
        <translation>Could not look for open payments: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Open QR payments, still checked: {invoices}</source>
        <translation>Open QR payments, still checked: {invoices}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source> and {count} more</source>
        <translation> and {count} more</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <location filename="../../pos_app/gui/dialogs.py"/>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/dialogs.py"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Kasir — customer display</source>
        <translation>Kasir — customer display</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Scan to pay with DOKU Wallet</source>
        <translation>Scan to pay with DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Terima kasih
Thank you</source>
        <translation>Terima kasih
Thank you</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Payment received
{amount}</source>
        <translation>Payment received
{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
</context>
<context>
    <name>DayCloseTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Cash in the drawer</source>
        <translation>Cash in the drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close day…</source>
        <translation>Close day…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Closed by {name}; this is the report as it was signed off.</source>
        <translation>Closed by {name}; this is the report as it was signed off.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close the day</source>
        <translation>Close the day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close business day {day}? Net takings {net}; counted cash {counted}, difference {difference}. A day is closed only once.</source>
        <translation>Close business day {day}? Net takings {net}; counted cash {counted}, difference {difference}. A day is closed only once.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Business day {day} is closed.</source>
        <translation>Business day {day} is closed.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>The day was not closed: {error}</source>
        <translation>The day was not closed: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Save the Z report as PDF</source>
        <translation>Save the Z report as PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Could not save the PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>One row per sale line</source>
        <translation>One row per sale line</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>One row per sale</source>
        <translation>One row per sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>From business day</source>
        <translation>From business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>To business day</source>
        <translation>To business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Completed sales of the chosen business days, and refunds paid on them, for the accountant (UTF-8, comma-separated; the columns are described in docs/csv.md).</source>
        <translation>Completed sales of the chosen business days, and refunds paid on them, for the accountant (UTF-8, comma-separated; the columns are described in docs/csv.md).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The range ends before it starts.</source>
        <translation>The range ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the sales as CSV</source>
        <translation>Export the sales as CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Exporting to {path}…</source>
        <translation>Exporting to {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Exported {rows} rows ({sales} sales, {refunds} refunds, {total}) to {path}.</source>
        <translation>Exported {rows} rows ({sales} sales, {refunds} refunds, {total}) to {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The export failed; no file was written: {error}</source>
        <translation>The export failed; no file was written: {error}</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>Busiest hour {hour}:00, {count} sales, {total}</source>
        <translation>Busiest hour {hour}:00, {count} sales, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>No completed sales</source>
        <translation>No completed sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>Highest hour: {total}</source>
        <translation>Highest hour: {total}</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import refused</source>
        <translation>Import refused</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{file}: nothing was imported. Correct these lines and import the file again:</source>
        <translation>{file}: nothing was imported. Correct these lines and import the file again:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Kasir — DEMO</source>
        <translation>Kasir — DEMO</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Kasir</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Demo mode: payments go to the local sandbox</source>
        <translation>Demo mode: payments go to the local sandbox</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Hold / Recall</source>
        <translation>Hold / Recall</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>QR payment</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Last receipt</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Complete sale</source>
        <translation>Complete sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Clear basket</source>
        <translation>Clear basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Quantity of {name} (0 removes it)</source>
        <translation>Quantity of {name} (0 removes it)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove every item from the basket?</source>
        <translation>Remove every item from the basket?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not hold the basket</source>
        <translation>Could not hold the basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket held. F6 on an empty basket recalls it.</source>
        <translation>Basket held. F6 on an empty basket recalls it.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not recall a basket</source>
        <translation>Could not recall a basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>No held basket to recall.</source>
        <translation>No held basket to recall.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket recalled.</source>
        <translation>Basket recalled.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not start the QR payment</source>
        <translation>Could not start the QR payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Cashier: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Business day {date}</source>
        <translation>Business day {date}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>{provider} SANDBOX</source>
        <translation>{provider} SANDBOX</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: connected</source>
        <translation>Relay: connected</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: payments could not be applied: {cause}</source>
        <translation>Relay: payments could not be applied: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: token refused</source>
        <translation>Relay: token refused</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: not connected</source>
        <translation>Relay: not connected</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not record the cash sale</source>
        <translation>Could not record the cash sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Change {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</source>
        <translation>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket is empty.</source>
        <translation>The basket is empty.</translation>
    </message>
</context>
<context>
    <name>ManagerSignIn</name>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Back office — manager sign-in</source>
        <translation>Back office — manager sign-in</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Demo: {managers}</source>
        <translation>Demo: {managers}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>No manager is set up on this terminal.</source>
        <translation>No manager is set up on this terminal.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Wrong PIN for {name}.</source>
        <translation>Wrong PIN for {name}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>Could not check the PIN: {error}</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>QR payment</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Scan the QR code with DOKU Wallet to pay</source>
        <translation>Scan the QR code with DOKU Wallet to pay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Copy link</source>
        <translation>Copy link</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Open link</source>
        <translation>Open link</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Check status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Other tender</source>
        <translation>Other tender</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Done (Enter)</source>
        <translation>Done (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Invoice {number}</source>
        <translation>Invoice {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Paid
{amount}</source>
        <translation>Paid
{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>(late payment: recorded for the manager)</source>
        <translation>(late payment: recorded for the manager)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Creating the payment…</source>
        <translation>Creating the payment…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Waiting for the customer to pay…</source>
        <translation>Waiting for the customer to pay…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment service unreachable
Still trying — the payment stays open.</source>
        <translation>Payment service unreachable
Still trying — the payment stays open.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment received</source>
        <translation>Payment received</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment declined</source>
        <translation>Payment declined</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>The QR code expired</source>
        <translation>The QR code expired</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment cancelled</source>
        <translation>Payment cancelled</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment refunded</source>
        <translation>Payment refunded</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment failed</source>
        <translation>Payment failed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Expires in {time}</source>
        <translation>Expires in {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Expiry time reached</source>
        <translation>Expiry time reached</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Asking the payment service…</source>
        <translation>Asking the payment service…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel payment</source>
        <translation>Cancel payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel this QR payment? If the customer still pays, it is recorded as a late payment.</source>
        <translation>Cancel this QR payment? If the customer still pays, it is recorded as a late payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment link copied.</source>
        <translation>Payment link copied.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Could not open the link in a browser.</source>
        <translation>Could not open the link in a browser.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Customers pay by scanning a QR code with DOKU Wallet. Choose the provider your merchant contract is with and enter the credentials from its merchant dashboard.</source>
        <translation>Customers pay by scanning a QR code with DOKU Wallet. Choose the provider your merchant contract is with and enter the credentials from its merchant dashboard.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>saved; leave empty to keep it</source>
        <translation>saved; leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>from the merchant dashboard</source>
        <translation>from the merchant dashboard</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Since</source>
        <translation>Since</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Check status now</source>
        <translation>Check status now</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Refund to wallet…</source>
        <translation>Refund to wallet…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Attach to a sale…</source>
        <translation>Attach to a sale…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Complete the unpaid sale this money was for (the goods went with the customer)</source>
        <translation>Complete the unpaid sale this money was for (the goods went with the customer)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Why is it resolved? (required)</source>
        <translation>Why is it resolved? (required)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Mark resolved</source>
        <translation>Mark resolved</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Open: no answer yet whether the customer paid. Late: paid after the cashier gave up; no sale took the money. Amount differs: paid, but not the amount asked; refund it, or accept it by marking it resolved. Declined: the sale never completed. Unknown invoice: a payment service reported a payment this terminal never made.</source>
        <translation>Open: no answer yet whether the customer paid. Late: paid after the cashier gave up; no sale took the money. Amount differs: paid, but not the amount asked; refund it, or accept it by marking it resolved. Declined: the sale never completed. Unknown invoice: a payment service reported a payment this terminal never made.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Asking about {invoice}…</source>
        <translation>Asking about {invoice}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice} is {state} now.</source>
        <translation>{invoice} is {state} now.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>The status of {invoice} could not be checked: {error}</source>
        <translation>The status of {invoice} could not be checked: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice} is marked resolved.</source>
        <translation>{invoice} is marked resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Sale {sale} is completed with payment {invoice} ({amount}).</source>
        <translation>Sale {sale} is completed with payment {invoice} ({amount}).</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan a barcode or type to search — 3* adds three</source>
        <translation>Scan a barcode or type to search — 3* adds three</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan or type a product after {quantity}*</source>
        <translation>Scan or type a product after {quantity}*</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>The quantity must be at least 1.</source>
        <translation>The quantity must be at least 1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>No product with code or name “{code}”.</source>
        <translation>No product with code or name “{code}”.</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Search by name, SKU or barcode</source>
        <translation>Search by name, SKU or barcode</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import CSV…</source>
        <translation>Import CSV…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Barcode</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>On sale</source>
        <translation>On sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Save changes</source>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale…</source>
        <translation>Take off sale…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} saved.</source>
        <translation>{sku} saved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale</source>
        <translation>Take off sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take {name} ({sku}) off sale? It can no longer be sold; past sales keep it.</source>
        <translation>Take {name} ({sku}) off sale? It can no longer be sold; past sales keep it.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} is off sale.</source>
        <translation>{sku} is off sale.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import products from CSV</source>
        <translation>Import products from CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Importing {path}…</source>
        <translation>Importing {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Imported {products} products; {changed} new or changed.</source>
        <translation>Imported {products} products; {changed} new or changed.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Nothing was imported: {count} lines have problems.</source>
        <translation>Nothing was imported: {count} lines have problems.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Nothing was imported: {error}</source>
        <translation>Nothing was imported: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Export products as CSV</source>
        <translation>Export products as CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Exported {count} products to {path}.</source>
        <translation>Exported {count} products to {path}.</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>&amp;Yes</source>
        <translation>&amp;Yes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>&amp;No</source>
        <translation>&amp;No</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Help</source>
        <translation>Help</translation>
    </message>
</context>
<context>
    <name>QrPayment</name>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Could not ask the payment service ({error}). Trying again in {seconds} s.</source>
        <translation>Could not ask the payment service ({error}). Trying again in {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Creating a new payment…</source>
        <translation>Creating a new payment…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Could not start a new payment: {error}</source>
        <translation>Could not start a new payment: {error}</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Paid by</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Terima kasih / Thank you</source>
        <translation>Terima kasih / Thank you</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Print (Ctrl+P)</source>
        <translation>Print (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Save receipt as PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Could not save the PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Refund to DOKU Wallet</source>
        <translation>Refund to DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Late payment {invoice} of sale {sale}</source>
        <translation>Late payment {invoice} of sale {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Sale {sale}</source>
        <translation>Sale {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The customer's DOKU Wallet number</source>
        <translation>The customer's DOKU Wallet number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Send refund…</source>
        <translation>Send refund…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Check status</source>
        <translation>Check status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Wallet number</source>
        <translation>Wallet number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Refunds to a wallet go out as ecommpay payouts and need the ecommpay settings: {keys}.</source>
        <translation>Refunds to a wallet go out as ecommpay payouts and need the ecommpay settings: {keys}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>At most {amount} can be refunded.</source>
        <translation>At most {amount} can be refunded.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The amount must be between Rp 1 and {left}.</source>
        <translation>The amount must be between Rp 1 and {left}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Enter the wallet number and the customer's name.</source>
        <translation>Enter the wallet number and the customer's name.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Send the refund</source>
        <translation>Send the refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Pay {amount} to DOKU Wallet {wallet} ({name})?</source>
        <translation>Pay {amount} to DOKU Wallet {wallet} ({name})?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Sending the payout to ecommpay…</source>
        <translation>Sending the payout to ecommpay…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay accepted payout {payout}; waiting for its result…</source>
        <translation>ecommpay accepted payout {payout}; waiting for its result…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Nothing was paid: {error}</source>
        <translation>Nothing was paid: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay could not be asked: {error}</source>
        <translation>ecommpay could not be asked: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Paid: {amount} sent to DOKU Wallet {wallet}. Reference {ref}.</source>
        <translation>Paid: {amount} sent to DOKU Wallet {wallet}. Reference {ref}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay declined the payout of {amount}; nothing was paid.</source>
        <translation>ecommpay declined the payout of {amount}; nothing was paid.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The payout of {amount} failed; nothing was paid.</source>
        <translation>The payout of {amount} failed; nothing was paid.</translation>
    </message>
</context>
<context>
    <name>RelayPage</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>The relay receives the payment notifications for your terminals. Its operator gives you its address and a token for this terminal, made for this terminal's ID ('pos-app relay add-terminal ID').</source>
        <translation>The relay receives the payment notifications for your terminals. Its operator gives you its address and a token for this terminal, made for this terminal's ID ('pos-app relay add-terminal ID').</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>saved; leave empty to keep it</source>
        <translation>saved; leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>from the relay's operator</source>
        <translation>from the relay's operator</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
</context>
<context>
    <name>SalesTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refund to wallet…</source>
        <translation>Refund to wallet…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Pay money of the selected sale back to a wallet</source>
        <translation>Pay money of the selected sale back to a wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Sale</source>
        <translation>Sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Takings by hour</source>
        <translation>Takings by hour</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Gross sales</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Net takings</source>
        <translation>Net takings</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>{sales} sales listed: {completed} completed, {cancelled} cancelled. Late payments: {late}.</source>
        <translation>{sales} sales listed: {completed} completed, {cancelled} cancelled. Late payments: {late}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shop name</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Terminal ID</source>
        <translation>Terminal ID</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Business day starts at</source>
        <translation>Business day starts at</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU environment</source>
        <translation>DOKU environment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Client ID</source>
        <translation>DOKU Client ID</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU secret key</source>
        <translation>DOKU secret key</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay project ID</source>
        <translation>ecommpay project ID</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay secret key</source>
        <translation>ecommpay secret key</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Customer e-mail</source>
        <translation>Customer e-mail</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shop's public IP address</source>
        <translation>Shop's public IP address</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Relay address</source>
        <translation>Relay address</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Terminal token</source>
        <translation>Terminal token</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>e.g. Toko Maju</source>
        <translation>e.g. Toko Maju</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>printed on receipts, e.g. Jl. Merdeka 1</source>
        <translation>printed on receipts, e.g. Jl. Merdeka 1</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>set — type to replace</source>
        <translation>set — type to replace</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>not set</source>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Letters, digits or '-', up to 16; different for each till of the shop</source>
        <translation>Letters, digits or '-', up to 16; different for each till of the shop</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura; or type another time zone name</source>
        <translation>WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura; or type another time zone name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sales before this local time count for the previous day, e.g. 04:00 for a shop open past midnight</source>
        <translation>Sales before this local time count for the previous day, e.g. 04:00 for a shop open past midnight</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sent as the walk-in customer's e-mail, so ecommpay asks the customer nothing</source>
        <translation>Sent as the walk-in customer's e-mail, so ecommpay asks the customer nothing</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay Gate requires the customer's IP address; refunds need it too</source>
        <translation>ecommpay Gate requires the customer's IP address; refunds need it too</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sandbox: simulated payments inside Kasir, no real money</source>
        <translation>Sandbox: simulated payments inside Kasir, no real money</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet: DOKU's own API</source>
        <translation>DOKU Wallet: DOKU's own API</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet through ecommpay (Payment Page)</source>
        <translation>DOKU Wallet through ecommpay (Payment Page)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet through ecommpay (Gate)</source>
        <translation>DOKU Wallet through ecommpay (Gate)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sandbox: test payments, no real money</source>
        <translation>Sandbox: test payments, no real money</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Production: real payments</source>
        <translation>Production: real payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The system's language</source>
        <translation>The system's language</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay answers.</source>
        <translation>The relay answers.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay cannot be reached: check the relay address and the internet connection.</source>
        <translation>The relay cannot be reached: check the relay address and the internet connection.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay answers but cannot store notifications: tell its operator.</source>
        <translation>The relay answers but cannot store notifications: tell its operator.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>No relay is set up: fill in the relay address and the terminal token.</source>
        <translation>No relay is set up: fill in the relay address and the terminal token.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay accepts this terminal's token.</source>
        <translation>The relay accepts this terminal's token.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay refused the token: check it, or ask the relay's operator for a new one.</source>
        <translation>The relay refused the token: check it, or ask the relay's operator for a new one.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay stopped answering while the token was checked.</source>
        <translation>The relay stopped answering while the token was checked.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider accepts the credentials.</source>
        <translation>The payment provider accepts the credentials.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider cannot be reached: check the internet connection.</source>
        <translation>The payment provider cannot be reached: check the internet connection.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider refused the credentials: check the ID and the secret key.</source>
        <translation>The payment provider refused the credentials: check the ID and the secret key.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay accepts the refund (payout) credentials.</source>
        <translation>ecommpay accepts the refund (payout) credentials.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay cannot be reached for refunds.</source>
        <translation>ecommpay cannot be reached for refunds.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay refused the refund credentials: check the ecommpay project ID and secret key.</source>
        <translation>ecommpay refused the refund credentials: check the ecommpay project ID and secret key.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Refunds are not set up: they need the ecommpay project ID, secret key and the shop's public IP address.</source>
        <translation>Refunds are not set up: they need the ecommpay project ID, secret key and the shop's public IP address.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>{service}: an unexpected answer.</source>
        <translation>{service}: an unexpected answer.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Running now</source>
        <translation>Running now</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Shop and receipts</source>
        <translation>Shop and receipts</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Payments and refunds</source>
        <translation>Payments and refunds</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The settings file has problems; these fields show their defaults:</source>
        <translation>The settings file has problems; these fields show their defaults:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Kasir writes what happens on this terminal to {file} (older files beside it). When asking for help, save a support bundle and send it: the log files, the versions and these settings, without any secret.</source>
        <translation>Kasir writes what happens on this terminal to {file} (older files beside it). When asking for help, save a support bundle and send it: the log files, the versions and these settings, without any secret.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save support bundle…</source>
        <translation>Save support bundle…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Log and support</source>
        <translation>Log and support</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Nothing was saved: correct what is listed below.</source>
        <translation>Nothing was saved: correct what is listed below.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the services inside Kasir this terminal runs on…</source>
        <translation>Testing the services inside Kasir this terminal runs on…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</source>
        <translation>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Correct what is listed below before testing.</source>
        <translation>Correct what is listed below before testing.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the connections…</source>
        <translation>Testing the connections…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save a support bundle</source>
        <translation>Save a support bundle</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Zip files (*.zip)</source>
        <translation>Zip files (*.zip)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saving the support bundle to {path}…</source>
        <translation>Saving the support bundle to {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Support bundle saved to {path} ({size} KB): the log files, the versions and the settings, without secrets.</source>
        <translation>Support bundle saved to {path} ({size} KB): the log files, the versions and the settings, without secrets.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not save the support bundle: {error}</source>
        <translation>Could not save the support bundle: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Nothing changed: the settings file stays as it was.</source>
        <translation>Nothing changed: the settings file stays as it was.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saved to {file}: {keys}. Restart Kasir to use the new settings; until then the till keeps its current ones, so no payment in progress is switched over.</source>
        <translation>Saved to {file}: {keys}. Restart Kasir to use the new settings; until then the till keeps its current ones, so no payment in progress is switched over.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not save the settings: {error}</source>
        <translation>Could not save the settings: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>{count} of {total} checks failed.</source>
        <translation>{count} of {total} checks failed.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Everything answers as it should.</source>
        <translation>Everything answers as it should.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The test itself failed: {error}</source>
        <translation>The test itself failed: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Demo mode runs on services inside Kasir (a payment simulator and a relay), so settings are not saved here. To set up real payments, start Kasir without --demo.</source>
        <translation>Demo mode runs on services inside Kasir (a payment simulator and a relay), so settings are not saved here. To set up real payments, start Kasir without --demo.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saved to {file}. Kasir reads its settings when it starts, so what you save applies after a restart. Secret fields never show a saved secret: leave one empty to keep it, type to replace it.</source>
        <translation>Saved to {file}. Kasir reads its settings when it starts, so what you save applies after a restart. Secret fields never show a saved secret: leave one empty to keep it, type to replace it.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>These environment variables win over the file: {names}.</source>
        <translation>These environment variables win over the file: {names}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>test payments, no real money</source>
        <translation>test payments, no real money</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>ecommpay Gate payouts to DOKU Wallet</source>
        <translation>ecommpay Gate payouts to DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>the sandbox's demo project</source>
        <translation>the sandbox's demo project</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>not available; needs {keys}</source>
        <translation>not available; needs {keys}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Payment provider</source>
        <translation>Payment provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Testing the connection…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Could not save the settings: {error}</source>
        <translation>Could not save the settings: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Set up Kasir</source>
        <translation>Set up Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Try demo mode</source>
        <translation>Try demo mode</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>&lt; Back</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Next &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Save and start</source>
        <translation>Save and start</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>The test itself failed: {error}</source>
        <translation>The test itself failed: {error}</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Welcome to Kasir</source>
        <translation>Welcome to Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Set up this terminal to take payments. You need the credentials of your payment provider, and the relay's address and this terminal's token from whoever runs your relay. Just looking? Try demo mode: it needs no account.</source>
        <translation>Set up this terminal to take payments. You need the credentials of your payment provider, and the relay's address and this terminal's token from whoever runs your relay. Just looking? Try demo mode: it needs no account.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Enter your PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Delete the last digit</source>
        <translation>Delete the last digit</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Sign in (Enter)</source>
        <translation>Sign in (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <translation>Too many wrong PINs. Try again in {time}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>paid</source>
        <translation>paid</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>declined</source>
        <translation>declined</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>expired</source>
        <translation>expired</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refunded</source>
        <translation>refunded</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>amount differs</source>
        <translation>amount differs</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>unknown invoice</source>
        <translation>unknown invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cash</source>
        <translation>cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cashier</source>
        <translation>cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>manager</source>
        <translation>manager</translation>
    </message>
</context>
<context>
    <name>TerminalApp</name>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Demo: {users}</source>
        <translation>Demo: {users}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{name} PIN {pin}</source>
        <translation>{name} PIN {pin}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Connecting…</source>
        <translation>Connecting…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>No one can sign in yet: a manager must first add users to this terminal.</source>
        <translation>No one can sign in yet: a manager must first add users to this terminal.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Wrong PIN. Try again.</source>
        <translation>Wrong PIN. Try again.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>Could not check the PIN: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Payment notifications arrive through {url}</source>
        <translation>Payment notifications arrive through {url}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} cannot be reached; the payment service is asked directly meanwhile</source>
        <translation>{url} cannot be reached; the payment service is asked directly meanwhile</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} refused this terminal's token; the relay operator must issue a new one</source>
        <translation>{url} refused this terminal's token; the relay operator must issue a new one</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} answers, but its payment events could not be applied on this terminal: {cause}. They are fetched again until they apply; meanwhile the payment service is asked directly.</source>
        <translation>{url} answers, but its payment events could not be applied on this terminal: {cause}. They are fetched again until they apply; meanwhile the payment service is asked directly.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Add user</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>New user</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 to 8 digits)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate…</source>
        <translation>Deactivate…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Selected user</source>
        <translation>Selected user</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>New PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} can now sign in as {role}.</source>
        <translation>{name} can now sign in as {role}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} has a new PIN.</source>
        <translation>{name} has a new PIN.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate user</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate {name}? They can no longer sign in; their sales stay.</source>
        <translation>Deactivate {name}? They can no longer sign in; their sales stay.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} can no longer sign in.</translation>
    </message>
</context>
</TS>
