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
        <source>Export</source>
        <translation>Export</translation>
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
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Open drawer</source>
        <translation>Open drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Drawer opening (in the audit log).</source>
        <translation>Drawer opening (in the audit log).</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Discount {amount}</source>
        <translation>Discount {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>incl. PPN {amount}</source>
        <translation>incl. PPN {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>PPN {amount} added</source>
        <translation>PPN {amount} added</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>The basket discount no longer fits: {problem}. Remove or change it (Ctrl+D).</source>
        <translation>The basket discount no longer fits: {problem}. Remove or change it (Ctrl+D).</translation>
    </message>
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
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>{name} (discount {discount})</source>
        <translation>{name} (discount {discount})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Not changed: the basket discount would no longer fit ({problem}). Remove or change it first (Ctrl+D).</source>
        <translation>Not changed: the basket discount would no longer fit ({problem}). Remove or change it first (Ctrl+D).</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{code} is a barcode, not an amount.</source>
        <translation>{code} is a barcode, not an amount.</translation>
    </message>
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
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Complete (Enter)</source>
        <translation>Complete (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Press Esc, scan the item, then F9 again. Type the amount received like 50.000.</source>
        <translation>Press Esc, scan the item, then F9 again. Type the amount received like 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Type the amount received in whole rupiah, like 50.000.</source>
        <translation>Type the amount received in whole rupiah, like 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>The amount received can be at most {amount}.</source>
        <translation>The amount received can be at most {amount}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{amount} short: the customer must pay at least the total.</source>
        <translation>{amount} short: the customer must pay at least the total.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>The change, {change}, is a {note} note or more: check the amount received ({received}), then press Enter again to complete.</source>
        <translation>The change, {change}, is a {note} note or more: check the amount received ({received}), then press Enter again to complete.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Give the change (Enter)</source>
        <translation>Give the change (Enter)</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>e.g. change from the bank</source>
        <translation>e.g. change from the bank</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>e.g. pick-up to the safe, petty cash for ice</source>
        <translation>e.g. pick-up to the safe, petty cash for ice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cancel (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CashierController</name>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Cash not recorded, {total}</source>
        <translation>Cash not recorded, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Its basket is held as "{name}": recall it with F6 once this basket is done.</source>
        <translation>Its basket is held as "{name}": recall it with F6 once this basket is done.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Could not record the cash sale: {error}</source>
        <translation>Could not record the cash sale: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Could not record the cash {cashier} took: {error}</source>
        <translation>Could not record the cash {cashier} took: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Cash sale {sale} of {total} is recorded; its receipt can be reprinted in the back office.</source>
        <translation>Cash sale {sale} of {total} is recorded; its receipt can be reprinted in the back office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>The cash sale {sale} of {total} that {cashier} took is recorded; its receipt can be reprinted in the back office.</source>
        <translation>The cash sale {sale} of {total} that {cashier} took is recorded; its receipt can be reprinted in the back office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>The last QR payment is still being cancelled: press F12 again in a moment.</source>
        <translation>The last QR payment is still being cancelled: press F12 again in a moment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Discount above the limit — manager's PIN</source>
        <translation>Discount above the limit — manager's PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not start the QR payment: {error}</source>
        <translation>Could not start the QR payment: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} received; its sale is complete.</source>
        <translation>Payment {invoice} of {amount} received; its sale is complete.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash was not recorded: give the customer back the {asked} paid in cash ({received} received, less the change).</source>
        <translation>The cash was not recorded: give the customer back the {asked} paid in cash ({received} received, less the change).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash {cashier} took was not recorded: {cashier} gives the customer back the {asked} paid in cash ({received} received, less the change).</source>
        <translation>The cash {cashier} took was not recorded: {cashier} gives the customer back the {asked} paid in cash ({received} received, less the change).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {amount} by DOKU Wallet</source>
        <translation>Customer paid {amount} by DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid for the basket as it was charged; the basket on screen had changed since: check it with the customer.</source>
        <translation>Sale {sale} is paid for the basket as it was charged; the basket on screen had changed since: check it with the customer.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid. The items scanned since are on screen at full price: give their discount again if it applies.</source>
        <translation>Sale {sale} is paid. The items scanned since are on screen at full price: give their discount again if it applies.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid. The items scanned since are on screen at {alone}, not the {rest} left of the total: PPN is rounded on each sale.</source>
        <translation>Sale {sale} is paid. The items scanned since are on screen at {alone}, not the {rest} left of the total: PPN is rounded on each sale.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</source>
        <translation>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Take the total another way. The manager refunds or accepts this payment in the back office.</source>
        <translation>Take the total another way. The manager refunds or accepts this payment in the back office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash {cashier} took for this basket was not recorded: {cashier} gives it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>The cash {cashier} took for this basket was not recorded: {cashier} gives it back to the customer. Press {key} to complete the sale with this payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>It paid for the basket as it was before the last items were scanned. Press {key} to complete that sale; the items scanned since stay on screen, to be paid.</source>
        <translation>It paid for the basket as it was before the last items were scanned. Press {key} to complete that sale; the items scanned since stay on screen, to be paid.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</source>
        <translation>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Payment {invoice} no longer pays this basket ({error}): take the total another way.</source>
        <translation>Payment {invoice} no longer pays this basket ({error}): take the total another way.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {paid} by DOKU Wallet for this basket before it changed: kept for the manager</source>
        <translation>Customer paid {paid} by DOKU Wallet for this basket before it changed: kept for the manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Take the total on screen another way. The manager refunds or attaches this payment in the back office.</source>
        <translation>Take the total on screen another way. The manager refunds or attaches this payment in the back office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Could not complete the sale with payment {invoice}: {error}</source>
        <translation>Could not complete the sale with payment {invoice}: {error}</translation>
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
        <source>Change
{amount}

Thank you</source>
        <translation>Change
{amount}

Thank you</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>{name}
{quantity} × {price} = {total}</source>
        <translation>{name}
{quantity} × {price} = {total}</translation>
    </message>
</context>
<context>
    <name>DayCloseTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Float</source>
        <translation>Float</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Expected</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Counted</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Count and close this shift…</source>
        <translation>Count and close this shift…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Shift report…</source>
        <translation>Shift report…</translation>
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
        <source>Shifts of the day</source>
        <translation>Shifts of the day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Closed by {name}; this is the report as it was signed off.</source>
        <translation>Closed by {name}; this is the report as it was signed off.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>open</source>
        <translation>open</translation>
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
        <source>Business day {day} is closed. Sales, refunds and late payments now go to business day {next}.</source>
        <translation>Business day {day} is closed. Sales, refunds and late payments now go to business day {next}.</translation>
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
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Discount</source>
        <translation>Discount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Line: {name}</source>
        <translation>Line: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Whole basket</source>
        <translation>Whole basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>10% or 5.000</source>
        <translation>10% or 5.000</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>No discount</source>
        <translation>No discount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Percentage (10%) or rupiah (5.000)</source>
        <translation>Percentage (10%) or rupiah (5.000)</translation>
    </message>
</context>
<context>
    <name>DocumentPreview</name>
    <message>
        <location filename="../../pos_app/gui/document_output.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_output.py"/>
        <source>Could not save the PDF: {error}</source>
        <translation>Could not save the PDF: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_output.py"/>
        <source>Saved to {path}</source>
        <translation>Saved to {path}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Print… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Save as PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Save as PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Sent to the receipt printer.</source>
        <translation>Sent to the receipt printer.</translation>
    </message>
</context>
<context>
    <name>DrawerCount</name>
    <message>
        <location filename="../../pos_app/gui/drawer_count.py"/>
        <source>Cash in the drawer</source>
        <translation>Cash in the drawer</translation>
    </message>
</context>
<context>
    <name>DrawerHeldDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>The drawer is in use</source>
        <translation>The drawer is in use</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>This till's drawer is held by the shift of {cashier}, open since {since}. A till has one drawer, so your shift opens once that one is counted and closed: {cashier} signs in and closes it with F5, or a manager counts and closes it now.</source>
        <translation>This till's drawer is held by the shift of {cashier}, open since {since}. A till has one drawer, so your shift opens once that one is counted and closed: {cashier} signs in and closes it with F5, or a manager counts and closes it now.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Manager: count and close it…</source>
        <translation>Manager: count and close it…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sale lines: one row per product sold</source>
        <translation>Sale lines: one row per product sold</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sales: one row per sale</source>
        <translation>Sales: one row per sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Payments: one row per DOKU Wallet payment or payout</source>
        <translation>Payments: one row per DOKU Wallet payment or payout</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV file</source>
        <translation>CSV file</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Excel workbook: sale lines, sales and payments</source>
        <translation>Excel workbook: sale lines, sales and payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>For Excel in Indonesian (opens with a double click)</source>
        <translation>For Excel in Indonesian (opens with a double click)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Whole shop: every till's files of the first business day, from the relay</source>
        <translation>Whole shop: every till's files of the first business day, from the relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Last upload</source>
        <translation>Last upload</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Latest day</source>
        <translation>Latest day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Closed through</source>
        <translation>Closed through</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Refresh uploads</source>
        <translation>Refresh uploads</translation>
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
        <source>Rows</source>
        <translation>Rows</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills</source>
        <translation>Tills</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sale lines: every product sold on the chosen business days, with its discount and PPN, and every refund paid; the file the accountant books from. Sales: the same money, one row per sale with its total and how it was paid. Payments: every DOKU Wallet payment and payout the provider handled, with its reference, to tick off against the provider's settlement report; it also lists payments no sale took (late, or another amount) and what was paid back.
Give the accountant the Excel workbook, which holds all three. A CSV file opens in any spreadsheet through its import; tick “For Excel in Indonesian” for one that Excel set to Indonesian opens with a double click.</source>
        <translation>Sale lines: every product sold on the chosen business days, with its discount and PPN, and every refund paid; the file the accountant books from. Sales: the same money, one row per sale with its total and how it was paid. Payments: every DOKU Wallet payment and payout the provider handled, with its reference, to tick off against the provider's settlement report; it also lists payments no sale took (late, or another amount) and what was paid back.
Give the accountant the Excel workbook, which holds all three. A CSV file opens in any spreadsheet through its import; tick “For Excel in Indonesian” for one that Excel set to Indonesian opens with a double click.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills' uploads</source>
        <translation>Tills' uploads</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The range ends before it starts.</source>
        <translation>The range ends before it starts.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export as an Excel workbook</source>
        <translation>Export as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export as CSV</source>
        <translation>Export as CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the whole shop as an Excel workbook</source>
        <translation>Export the whole shop as an Excel workbook</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the whole shop as CSV</source>
        <translation>Export the whole shop as CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till has no relay: the whole shop's files are there.</source>
        <translation>This till has no relay: the whole shop's files are there.</translation>
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
        <source>Exported {rows} rows ({parts}) to {path}.</source>
        <translation>Exported {rows} rows ({parts}) to {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills in the file: {tills}.</source>
        <translation>Tills in the file: {tills}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Not uploaded yet, so not in the file: {tills}.</source>
        <translation>Not uploaded yet, so not in the file: {tills}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Till {till} is in the file as uploaded {uploaded}: the relay refused its later upload ({reason}), so the file may lack its sales since. Fix that till's upload and export again.</source>
        <translation>Till {till} is in the file as uploaded {uploaded}: the relay refused its later upload ({reason}), so the file may lack its sales since. Fix that till's upload and export again.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till: {count} days waiting to upload ({days}); last upload {last}.</source>
        <translation>This till: {count} days waiting to upload ({days}); last upload {last}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till: every day uploaded; last upload {last}.</source>
        <translation>This till: every day uploaded; last upload {last}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay refused {day}: {reason}. It goes again once that day changes.</source>
        <translation>The relay refused {day}: {reason}. It goes again once that day changes.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till's database was restored from a backup: its own files of {days} may lack sales the relay keeps. Export the whole shop for those days.</source>
        <translation>This till's database was restored from a backup: its own files of {days} may lack sales the relay keeps. Export the whole shop for those days.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay cannot be reached, so the tills' uploads are unknown: {error}</source>
        <translation>The relay cannot be reached, so the tills' uploads are unknown: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{payments} payments, {payouts} payouts, {refunds} refunds at the provider</source>
        <translation>{payments} payments, {payouts} payouts, {refunds} refunds at the provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{payments} payments, {payouts} payouts</source>
        <translation>{payments} payments, {payouts} payouts</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{sales} sales, {refunds} refunds, {returns} returns, {total}</source>
        <translation>{sales} sales, {refunds} refunds, {returns} returns, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Export cancelled; no file was written.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay cannot be reached, so no whole-shop file was written; try again when this till is online: {error}</source>
        <translation>The relay cannot be reached, so no whole-shop file was written; try again when this till is online: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The export failed; no file was written: {error}</source>
        <translation>The export failed; no file was written: {error}</translation>
    </message>
</context>
<context>
    <name>HeldBaskets</name>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>Could not hold "{name}": {error}. A payment has started for the basket on screen, so "{name}" is held again instead of coming back: recall it with F6 once this basket is done.</source>
        <translation>Could not hold "{name}": {error}. A payment has started for the basket on screen, so "{name}" is held again instead of coming back: recall it with F6 once this basket is done.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>Could not hold "{name}" either: {error}. It is held nowhere: ring up its items again once this basket is done ({items}).</source>
        <translation>Could not hold "{name}" either: {error}. It is held nowhere: ring up its items again once this basket is done ({items}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>The held basket was paid meanwhile: sale {sale} is complete.</source>
        <translation>The held basket was paid meanwhile: sale {sale} is complete.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>The held basket</source>
        <translation>The held basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>{name} stays held: its customer may still pay the QR code it was shown. Finish this basket, then recall it.</source>
        <translation>{name} stays held: its customer may still pay the QR code it was shown. Finish this basket, then recall it.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>{name} was paid meanwhile ({amount}) and stays held: finish this basket, then recall it.</source>
        <translation>{name} was paid meanwhile ({amount}) and stays held: finish this basket, then recall it.</translation>
    </message>
</context>
<context>
    <name>HeldPicker</name>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Recall a held basket</source>
        <translation>Recall a held basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
</context>
<context>
    <name>HoldName</name>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>{code} is a barcode, not a name: its item was not added. Press Esc and scan it again, or Enter to hold the basket without it.</source>
        <translation>{code} is a barcode, not a name: its item was not added. Press Esc and scan it again, or Enter to hold the basket without it.</translation>
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
    <name>LatePayments</name>
    <message>
        <location filename="../../pos_app/gui/late_payments.py"/>
        <source>Payment {invoice} of {amount} is kept for the manager: no sale took it</source>
        <translation>Payment {invoice} of {amount} is kept for the manager: no sale took it</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/late_payments.py"/>
        <source>{count} payments kept for the manager, the last {invoice} of {amount}</source>
        <translation>{count} payments kept for the manager, the last {invoice} of {amount}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Kasir — DEMO</source>
        <translation>Kasir — DEMO</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Kasir</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>The basket is empty.</source>
        <translation>The basket is empty.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Change {amount}</source>
        <translation>Change {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Held baskets: {count}</source>
        <translation>Held baskets: {count}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Cashier: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Business day {date}</source>
        <translation>Business day {date}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>{provider} SANDBOX</source>
        <translation>{provider} SANDBOX</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: connected</source>
        <translation>Relay: connected</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: payments could not be applied: {cause}</source>
        <translation>Relay: payments could not be applied: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: token refused</source>
        <translation>Relay: token refused</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: not connected</source>
        <translation>Relay: not connected</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Hold / Recall</source>
        <translation>Hold / Recall</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>QR payment</source>
        <translation>QR payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Back office</source>
        <translation>Back office</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Last receipt</source>
        <translation>Last receipt</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Complete sale</source>
        <translation>Complete sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Clear basket</source>
        <translation>Clear basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Demo mode: payments go to the local sandbox</source>
        <translation>Demo mode: payments go to the local sandbox</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Discount on the line or the whole basket</source>
        <translation>Discount on the line or the whole basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove every item from the basket?</source>
        <translation>Remove every item from the basket?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Hold basket</source>
        <translation>Hold basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Name this basket (for example the customer's name):</source>
        <translation>Name this basket (for example the customer's name):</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not recall a basket</source>
        <translation>Could not recall a basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket on screen is held as “{name}”. Sign out?</source>
        <translation>The basket on screen is held as “{name}”. Sign out?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>No held basket to recall.</source>
        <translation>No held basket to recall.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket held. F6 on an empty basket recalls it.</source>
        <translation>Basket held. F6 on an empty basket recalls it.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not hold the basket</source>
        <translation>Could not hold the basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket recalled.</source>
        <translation>Basket recalled.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount smaller, so the customer pays at least Rp 1.</source>
        <translation>The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount smaller, so the customer pays at least Rp 1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not start the QR payment</source>
        <translation>Could not start the QR payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>An item scanned is still being looked up, so the cash sale was not recorded: press F9 again once the item is in the basket.</source>
        <translation>An item scanned is still being looked up, so the cash sale was not recorded: press F9 again once the item is in the basket.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not record the cash sale</source>
        <translation>Could not record the cash sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</source>
        <translation>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket changed while the cash was counted: the total is {total}. Press F9 to take the cash again.</source>
        <translation>The basket changed while the cash was counted: the total is {total}. Press F9 to take the cash again.</translation>
    </message>
</context>
<context>
    <name>ManagerPin</name>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Demo: {managers}</source>
        <translation>Demo: {managers}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>No manager is set up on this terminal.</source>
        <translation>No manager is set up on this terminal.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Wrong PIN for {name}.</source>
        <translation>Wrong PIN for {name}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>Could not check the PIN: {error}</translation>
    </message>
</context>
<context>
    <name>ManagerSignIn</name>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Back office — manager sign-in</source>
        <translation>Back office — manager sign-in</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Open your shift</source>
        <translation>Open your shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Open shift</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Opening float (cash in the drawer now)</source>
        <translation>Opening float (cash in the drawer now)</translation>
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
        <source>{code} was not added: this QR pays for the basket as it was. Finish or cancel the payment, then scan it again.</source>
        <translation>{code} was not added: this QR pays for the basket as it was. Finish or cancel the payment, then scan it again.</translation>
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
    <name>PaymentRecovery</name>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source>Could not look for open payments: {error}</source>
        <translation>Could not look for open payments: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source>Open QR payments, still checked: {invoices}</source>
        <translation>Open QR payments, still checked: {invoices}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source> and {count} more</source>
        <translation> and {count} more</translation>
    </message>
</context>
<context>
    <name>PrintTestPage</name>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Print test page</source>
        <translation>Print test page</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Printing…</source>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>The printer took the test page.</source>
        <translation>The printer took the test page.</translation>
    </message>
</context>
<context>
    <name>PrinterAddressEdit</name>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>None: the print dialog and PDF only</source>
        <translation>None: the print dialog and PDF only</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Network (TCP 9100)</source>
        <translation>Network (TCP 9100)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Serial port</source>
        <translation>Serial port</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>address[:port], e.g. 192.168.1.50:9100</source>
        <translation>address[:port], e.g. 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>vendor:product ids from lsusb, e.g. 04b8:0202</source>
        <translation>vendor:product ids from lsusb, e.g. 04b8:0202</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>device, e.g. /dev/ttyUSB0 or COM3</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>Print kept receipts ({count})</source>
        <translation>Print kept receipts ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>Not printed ({what}): {error}. The receipt is kept: press "Print kept receipts" once the printer is ready.</source>
        <translation>Not printed ({what}): {error}. The receipt is kept: press "Print kept receipts" once the printer is ready.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>The cash drawer did not open: {error}.</source>
        <translation>The cash drawer did not open: {error}.</translation>
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
        <source>Refunded amount was…</source>
        <translation>Refunded amount was…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Enter the amount DOKU's back office shows refunded, if not all of it</source>
        <translation>Enter the amount DOKU's back office shows refunded, if not all of it</translation>
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
        <source>Take as reversed…</source>
        <translation>Take as reversed…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay's dashboard shows the payout's money back in the shop's balance</source>
        <translation>ecommpay's dashboard shows the payout's money back in the shop's balance</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Pick a problem to see what happened and what to do.</source>
        <translation>Pick a problem to see what happened and what to do.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>no answer yet whether the customer paid: Check status now asks the provider.</source>
        <translation>no answer yet whether the customer paid: Check status now asks the provider.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>paid after the cashier gave up; no sale took the money. Attach it to the sale it was for (the goods went with the customer), or refund it to the wallet.</source>
        <translation>paid after the cashier gave up; no sale took the money. Attach it to the sale it was for (the goods went with the customer), or refund it to the wallet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>paid, but not the amount asked; refund it, or accept it by marking it resolved.</source>
        <translation>paid, but not the amount asked; refund it, or accept it by marking it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>the sale never completed; should the customer say they paid, Check status now asks the provider.</source>
        <translation>the sale never completed; should the customer say they paid, Check status now asks the provider.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a payment service reported a payment this terminal never made, one that contradicts the payment it made (DOKU naming another amount), or one Kasir cannot read (the customer may have paid); check it in the provider's dashboard, then mark it resolved.</source>
        <translation>a payment service reported a payment this terminal never made, one that contradicts the payment it made (DOKU naming another amount), or one Kasir cannot read (the customer may have paid); check it in the provider's dashboard, then mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>the provider reports a completed sale's payment refunded, and no return recorded as refunded outside Kasir accounts for it yet: the takings still count that money. DOKU does not say how much: if its back office shows only part refunded, enter it (Refunded amount was…). Record the items' return at the counter (F3) as refunded outside Kasir, or mark it resolved.</source>
        <translation>the provider reports a completed sale's payment refunded, and no return recorded as refunded outside Kasir accounts for it yet: the takings still count that money. DOKU does not say how much: if its back office shows only part refunded, enter it (Refunded amount was…). Record the items' return at the counter (F3) as refunded outside Kasir, or mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>returns recorded as refunded outside Kasir add up to more than the provider reports refunded: the takings lack the difference, which never went back. If the refund was made at the provider and its report has not come yet, Check status now asks it. If the amount entered as refunded at DOKU was wrong, enter it again (Refunded amount was…). Else mark it resolved with why (the customer got more back than the items' worth, say).</source>
        <translation>returns recorded as refunded outside Kasir add up to more than the provider reports refunded: the takings lack the difference, which never went back. If the refund was made at the provider and its report has not come yet, Check status now asks it. If the amount entered as refunded at DOKU was wrong, enter it again (Refunded amount was…). Else mark it resolved with why (the customer got more back than the items' worth, say).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay paid a refund Kasir had taken as failed; if it was done again meanwhile, the customer got the money twice: settle it with them (cash they bring back goes in the shift as Cash in, F5), then mark it resolved.</source>
        <translation>ecommpay paid a refund Kasir had taken as failed; if it was done again meanwhile, the customer got the money twice: settle it with them (cash they bring back goes in the shift as Cash in, F5), then mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay took a refund's payout back: the money is in the shop's balance again, counted back on the day it came, and the customer is still owed it: refund the sale again (Refund, in its detail), then mark it resolved.</source>
        <translation>ecommpay took a refund's payout back: the money is in the shop's balance again, counted back on the day it came, and the customer is still owed it: refund the sale again (Refund, in its detail), then mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports a refund's payout paid for another amount than asked. A payout it split into parts may have paid more than its last part's callback says: Check status now asks ecommpay what all of them paid. Once it has said, what the payout did not pay counts back and the customer is owed it again: refund the sale again by as much (Refund, in its detail). If it paid more than asked, settle that with the customer. Then mark it resolved.</source>
        <translation>ecommpay reports a refund's payout paid for another amount than asked. A payout it split into parts may have paid more than its last part's callback says: Check status now asks ecommpay what all of them paid. Once it has said, what the payout did not pay counts back and the customer is owed it again: refund the sale again by as much (Refund, in its detail). If it paid more than asked, settle that with the customer. Then mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reported a refund's payout paid, then declined or failed without saying it was reversed; Kasir still counts the customer paid. Check status now asks ecommpay whether it was reversed. Else check the payout in ecommpay's dashboard: if the money came back to the shop's balance, type why and Take as reversed, then refund the sale again (Refund, in its detail) or pay the customer another way; if it did not come back, mark it resolved with why.</source>
        <translation>ecommpay reported a refund's payout paid, then declined or failed without saying it was reversed; Kasir still counts the customer paid. Check status now asks ecommpay whether it was reversed. Else check the payout in ecommpay's dashboard: if the money came back to the shop's balance, type why and Take as reversed, then refund the sale again (Refund, in its detail) or pay the customer another way; if it did not come back, mark it resolved with why.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a wallet return's payout failed; the customer gave the goods back and got nothing: make the return again at the counter (F3 offers it), in cash or to the wallet, which settles it; or pay them another way and mark it resolved.</source>
        <translation>a wallet return's payout failed; the customer gave the goods back and got nothing: make the return again at the counter (F3 offers it), in cash or to the wallet, which settles it; or pay them another way and mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a refund's payout failed or was declined, and the customer got nothing: refund the sale again (Refund, in its detail), which settles it; or pay them another way and mark it resolved.</source>
        <translation>a refund's payout failed or was declined, and the customer got nothing: refund the sale again (Refund, in its detail), which settles it; or pay them another way and mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Asking about {invoice}…</source>
        <translation>Asking about {invoice}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} reversed: the customer is owed the money again; it is listed as reversed.</source>
        <translation>ecommpay reports payout {payout} reversed: the customer is owed the money again; it is listed as reversed.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay names no reversal of payout {payout}: it stays listed; check it in ecommpay's dashboard.</source>
        <translation>ecommpay names no reversal of payout {payout}: it stays listed; check it in ecommpay's dashboard.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: what it did not pay counts back, and the sale may be refunded again by as much; it stays listed until you mark it resolved.</source>
        <translation>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: what it did not pay counts back, and the sale may be refunded again by as much; it stays listed until you mark it resolved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: it stays listed; settle the difference with the customer.</source>
        <translation>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: it stays listed; settle the difference with the customer.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid in full ({amount}): it is no longer listed as paying another amount.</source>
        <translation>ecommpay reports payout {payout} paid in full ({amount}): it is no longer listed as paying another amount.</translation>
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
        <source>Amount refunded at DOKU</source>
        <translation>Amount refunded at DOKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>DOKU reported payment {invoice} refunded without saying how much. The amount its back office shows refunded:</source>
        <translation>DOKU reported payment {invoice} refunded without saying how much. The amount its back office shows refunded:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice}: {amount} refunded at DOKU is recorded.</source>
        <translation>{invoice}: {amount} refunded at DOKU is recorded.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Does ecommpay's dashboard show all of payout {payout} ({amount}) back in the shop's balance? {before} of it came back earlier and is counted already; Kasir counts the rest, {rest}, back today, and the customer is owed that again.</source>
        <translation>Does ecommpay's dashboard show all of payout {payout} ({amount}) back in the shop's balance? {before} of it came back earlier and is counted already; Kasir counts the rest, {rest}, back today, and the customer is owed that again.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Does ecommpay's dashboard show payout {payout} ({amount}) back in the shop's balance? Kasir then counts it back today, and the customer is owed it again.</source>
        <translation>Does ecommpay's dashboard show payout {payout} ({amount}) back in the shop's balance? Kasir then counts it back today, and the customer is owed it again.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Take as reversed</source>
        <translation>Take as reversed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Payout {payout} is taken as reversed: the customer is owed {amount} again; it is listed as reversed.</source>
        <translation>Payout {payout} is taken as reversed: the customer is owed {amount} again; it is listed as reversed.</translation>
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
        <source>{name} is priced by the scale: scan its label.</source>
        <translation>{name} is priced by the scale: scan its label.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>{problem}. Scan it again or type it.</source>
        <translation>{problem}. Scan it again or type it.</translation>
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
        <source>New product</source>
        <translation>New product</translation>
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
        <source>Scan or type: EAN-13, EAN-8, UPC-A, UPC-E or an in-store code</source>
        <translation>Scan or type: EAN-13, EAN-8, UPC-A, UPC-E or an in-store code</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>PPN at the standard rate</source>
        <translation>PPN at the standard rate</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>PPN at the other rate</source>
        <translation>PPN at the other rate</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Exempt from PPN</source>
        <translation>Exempt from PPN</translation>
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
        <source>Put back on sale</source>
        <translation>Put back on sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Tax</source>
        <translation>Tax</translation>
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
        <source>{first} ({first_barcode}) and {second} ({second_barcode}) have one barcode in two forms: a scan finds only one of them. Give one of them another barcode.</source>
        <translation>{first} ({first_barcode}) and {second} ({second_barcode}) have one barcode in two forms: a scan finds only one of them. Give one of them another barcode.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>… and {count} more such pairs.</source>
        <translation>… and {count} more such pairs.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Add product</source>
        <translation>Add product</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Sold by weight: the price is per kilogram.</source>
        <translation>Sold by weight: the price is per kilogram.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Priced by the scale: its label carries the price.</source>
        <translation>Priced by the scale: its label carries the price.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} added.</source>
        <translation>{sku} added.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} saved.</source>
        <translation>{sku} saved.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} is on sale again.</source>
        <translation>{sku} is on sale again.</translation>
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
        <source>Not paid yet: the payment service is still waiting for the customer.</source>
        <translation>Not paid yet: the payment service is still waiting for the customer.</translation>
    </message>
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
    <name>Quantity</name>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>The quantity must be from {least} to {most}.</source>
        <translation>The quantity must be from {least} to {most}.</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>Quantity of {name} (0 removes it)</source>
        <translation>Quantity of {name} (0 removes it)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>{code} is a barcode, not a quantity: its item was not added. Press Esc, then scan it again.</source>
        <translation>{code} is a barcode, not a quantity: its item was not added. Press Esc, then scan it again.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt (copy)</source>
        <translation>Receipt (copy)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt</source>
        <translation>Receipt</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../pos_app/gui/receipt_flow.py"/>
        <source>No receipt to reprint yet.</source>
        <translation>No receipt to reprint yet.</translation>
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
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return items</source>
        <translation>Return items</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Scan or type the receipt number</source>
        <translation>Scan or type the receipt number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Left</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>The customer's DOKU Wallet number</source>
        <translation>The customer's DOKU Wallet number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Demo: {managers}</source>
        <translation>Demo: {managers}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Make again</source>
        <translation>Make again</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Money back by</source>
        <translation>Money back by</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Wallet number</source>
        <translation>Wallet number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Customer name</source>
        <translation>Customer name</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Manager</source>
        <translation>Manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Manager PIN</source>
        <translation>Manager PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Give back</source>
        <translation>Give back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Looking for receipt {number}…</source>
        <translation>Looking for receipt {number}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Set how many items come back.</source>
        <translation>Set how many items come back.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Making the return…</source>
        <translation>Making the return…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Press Enter to find receipt {number}.</source>
        <translation>Press Enter to find receipt {number}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Every item of this receipt has been returned already.</source>
        <translation>Every item of this receipt has been returned already.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: a wallet return of {amount} was not paid back. It is chosen under Make again: pay it back now, in cash or to the wallet.</source>
        <translation>Receipt {number}: a wallet return of {amount} was not paid back. It is chosen under Make again: pay it back now, in cash or to the wallet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: the provider reports its payment refunded already. Give no cash back; record the items that come back.</source>
        <translation>Receipt {number}: the provider reports its payment refunded already. Give no cash back; record the items that come back.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: set the items that come back.</source>
        <translation>Receipt {number}: set the items that come back.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Cash from the drawer</source>
        <translation>Cash from the drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>DOKU Wallet (payout)</source>
        <translation>DOKU Wallet (payout)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Refunded outside Kasir (the provider's back office)</source>
        <translation>Refunded outside Kasir (the provider's back office)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>No: other items come back</source>
        <translation>No: other items come back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return {number}: {amount}, payout {payout} not paid</source>
        <translation>Return {number}: {amount}, payout {payout} not paid</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Money back: {amount}</source>
        <translation>Money back: {amount}</translation>
    </message>
</context>
<context>
    <name>ReturnReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return receipt</source>
        <translation>Return receipt</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>The payout did not go out: {problem}. Nothing is paid back yet: make the return again, in cash, so the drawer records the money.</source>
        <translation>The payout did not go out: {problem}. Nothing is paid back yet: make the return again, in cash, so the drawer records the money.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>{problem}. Give nothing back meanwhile: the money may be on its way (Back office, sale detail shows ecommpay's answer once it comes).</source>
        <translation>{problem}. Give nothing back meanwhile: the money may be on its way (Back office, sale detail shows ecommpay's answer once it comes).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Payout {payout} sent to the customer's DOKU Wallet; ecommpay's answer comes through the relay (Back office, sale detail).</source>
        <translation>Payout {payout} sent to the customer's DOKU Wallet; ecommpay's answer comes through the relay (Back office, sale detail).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Give {amount} back from the drawer.</source>
        <translation>Give {amount} back from the drawer.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Recorded as refunded outside Kasir.</source>
        <translation>Recorded as refunded outside Kasir.</translation>
    </message>
</context>
<context>
    <name>SaleDetailDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Sale {sale}</source>
        <translation>Sale {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Product</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Tender</source>
        <translation>Tender</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Provider</source>
        <translation>Provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Asked</source>
        <translation>Asked</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Money back</source>
        <translation>Money back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Paid back</source>
        <translation>Paid back</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Payment events</source>
        <translation>Payment events</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Lines</source>
        <translation>Lines</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Tenders</source>
        <translation>Tenders</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Payments</source>
        <translation>Payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Refunds</source>
        <translation>Refunds</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reprint receipt (COPY)</source>
        <translation>Reprint receipt (COPY)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Receipt {number} printed again as a COPY.</source>
        <translation>Receipt {number} printed again as a COPY.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>late</source>
        <translation>late</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>{state}, then reversed</source>
        <translation>{state}, then reversed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Receipt no. {number}</source>
        <translation>Receipt no. {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Business day {day}</source>
        <translation>Business day {day}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Opened {time}</source>
        <translation>Opened {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Completed {time}</source>
        <translation>Completed {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Cashier: {name}</source>
        <translation>Cashier: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Terminal: {terminal}</source>
        <translation>Terminal: {terminal}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
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
        <source>The chosen day's sales, also after a lookup</source>
        <translation>The chosen day's sales, also after a lookup</translation>
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
        <source>Open sale…</source>
        <translation>Open sale…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Receipt or invoice number</source>
        <translation>Receipt or invoice number</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Amount</source>
        <translation>Amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Between</source>
        <translation>Between</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Find</source>
        <translation>Find</translation>
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
        <source>Receipt</source>
        <translation>Receipt</translation>
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
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Find a sale</source>
        <translation>Find a sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Takings by hour</source>
        <translation>Takings by hour</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>{count} sales found. Refresh lists the chosen day again.</source>
        <translation>{count} sales found. Refresh lists the chosen day again.</translation>
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
        <source>Returns</source>
        <translation>Returns</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Payouts reversed</source>
        <translation>Payouts reversed</translation>
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
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Paper width</source>
        <translation>Paper width</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Print by itself</source>
        <translation>Print by itself</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>PPN</source>
        <translation>PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shelf prices</source>
        <translation>Shelf prices</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Manager approves discounts above (%)</source>
        <translation>Manager approves discounts above (%)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes of price labels</source>
        <translation>Prefixes of price labels</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes of weight labels</source>
        <translation>Prefixes of weight labels</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes with a verifier digit</source>
        <translation>Prefixes with a verifier digit</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Value after the verifier digit</source>
        <translation>Value after the verifier digit</translation>
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
        <source>none</source>
        <translation>none</translation>
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
        <source>A discount taking more than this share of a line or the basket needs a manager's PIN; 0 asks for every discount, 100 for none</source>
        <translation>A discount taking more than this share of a line or the basket needs a manager's PIN; 0 asks for every discount, 100 for none</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Labels starting with these carry the price in rupiah: PP IIIII VVVVV C; e.g. 20-24, or 20,21,23</source>
        <translation>Labels starting with these carry the price in rupiah: PP IIIII VVVVV C; e.g. 20-24, or 20,21,23</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Labels starting with these carry the weight in grams; e.g. 25-29</source>
        <translation>Labels starting with these carry the weight in grams; e.g. 25-29</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Those of the prefixes above whose labels carry a verifier digit K before the value, if the scale prints one</source>
        <translation>Those of the prefixes above whose labels carry a verifier digit K before the value, if the scale prints one</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Print the receipt after every sale</source>
        <translation>Print the receipt after every sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>A cash drawer hangs off the printer: open it for cash, never for QR</source>
        <translation>A cash drawer hangs off the printer: open it for cash, never for QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The shop is a PKP: charge PPN on taxable products</source>
        <translation>The shop is a PKP: charge PPN on taxable products</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prices include PPN</source>
        <translation>Prices include PPN</translation>
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
        <source>80 mm (48 characters a line)</source>
        <translation>80 mm (48 characters a line)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>58 mm (32 characters a line)</source>
        <translation>58 mm (32 characters a line)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>5 digits: PP IIII K VVVVV C, 4-digit item codes</source>
        <translation>5 digits: PP IIII K VVVVV C, 4-digit item codes</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>4 digits: PP IIIII K VVVV C, 5-digit item codes (up to Rp 9.999 or 9,999 g)</source>
        <translation>4 digits: PP IIIII K VVVV C, 5-digit item codes (up to Rp 9.999 or 9,999 g)</translation>
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
        <source>PPN and discounts</source>
        <translation>PPN and discounts</translation>
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
        <source>Receipt printer</source>
        <translation>Receipt printer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Barcodes and scale labels</source>
        <translation>Barcodes and scale labels</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>After a restart, labels with a verifier digit are read this way: enter the scale's products again with item codes of this length.</source>
        <translation>After a restart, labels with a verifier digit are read this way: enter the scale's products again with item codes of this length.</translation>
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
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Nothing was saved: correct what is listed below.</source>
        <translation>Nothing was saved: correct what is listed below.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</source>
        <translation>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the services inside Kasir this terminal runs on…</source>
        <translation>Testing the services inside Kasir this terminal runs on…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the connections…</source>
        <translation>Testing the connections…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Correct what is listed below before testing.</source>
        <translation>Correct what is listed below before testing.</translation>
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
        <source>The settings file has problems; these fields show their defaults:</source>
        <translation>The settings file has problems; these fields show their defaults:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not read the settings file: {error}</source>
        <translation>Could not read the settings file: {error}</translation>
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
    <name>Shift</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Type the amount in whole rupiah, like 50.000.</source>
        <translation>Type the amount in whole rupiah, like 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>an amount cannot be negative</source>
        <translation>an amount cannot be negative</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Shift of {name}</source>
        <translation>Shift of {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash in…</source>
        <translation>Cash in…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash out…</source>
        <translation>Cash out…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Close shift with this count</source>
        <translation>Close shift with this count</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Back to the till (Esc)</source>
        <translation>Back to the till (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Opening float {float} · cash sales {sales} ({count}) · cash in {cash_in} · cash out {cash_out}</source>
        <translation>Opening float {float} · cash sales {sales} ({count}) · cash in {cash_in} · cash out {cash_out}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Close the shift</source>
        <translation>Close the shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>The count {counted} differs from the expected cash by {difference}. Close the shift with this count? It cannot be changed afterwards.</source>
        <translation>The count {counted} differs from the expected cash by {difference}. Close the shift with this count? It cannot be changed afterwards.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Shift report</source>
        <translation>Shift report</translation>
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
        <source>report kept apart</source>
        <translation>report kept apart</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refunded at the provider</source>
        <translation>refunded at the provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>returned beyond the refund</source>
        <translation>returned beyond the refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refund paid after failing</source>
        <translation>refund paid after failing</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout reversed</source>
        <translation>payout reversed</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout amount differs</source>
        <translation>payout amount differs</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout report contradicts</source>
        <translation>payout report contradicts</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>return not paid</source>
        <translation>return not paid</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refund not paid</source>
        <translation>refund not paid</translation>
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
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>relay</source>
        <translation>relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>status check</source>
        <translation>status check</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>applied</source>
        <translation>applied</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>repeated</source>
        <translation>repeated</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>ignored</source>
        <translation>ignored</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>kept apart</source>
        <translation>kept apart</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>provider</source>
        <translation>provider</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>upgrade</source>
        <translation>upgrade</translation>
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
        <source>Business day {closed} is closed: sales now go to business day {day}.</source>
        <translation>Business day {closed} is closed: sales now go to business day {day}.</translation>
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
<context>
    <name>core</name>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>relay {url} unreachable: {cause}</source>
        <translation>relay {url} unreachable: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>relay {url} answered {status}</source>
        <translation>relay {url} answered {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>the relay refused this terminal's token</source>
        <translation>the relay refused this terminal's token</translation>
    </message>
    <message>
        <location filename="../../pos_app/commands/common.py"/>
        <source>{target} is the terminal's database; give another file name to write</source>
        <translation>{target} is the terminal's database; give another file name to write</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid EAN-13: its check digit is wrong</source>
        <translation>barcode {barcode} is not a valid EAN-13: its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid UPC-A: its check digit is wrong</source>
        <translation>barcode {barcode} is not a valid UPC-A: its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its check digit is wrong</source>
        <translation>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid GTIN-14: its check digit is wrong</source>
        <translation>barcode {barcode} is not a valid GTIN-14: its check digit is wrong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its EAN-8 check digit is wrong, and a UPC-E starts with 0</source>
        <translation>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its EAN-8 check digit is wrong, and a UPC-E starts with 0</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{body} is not digits 0-9, so it has no check digit</source>
        <translation>{body} is not digits 0-9, so it has no check digit</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{code} is not a UPC-E: 8 digits 0-9</source>
        <translation>{code} is not a UPC-E: 8 digits 0-9</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither an EAN-13, EAN-8, UPC-A or UPC-E with its check digit nor an in-store code (letters, digits and -, at most {most})</source>
        <translation>barcode {barcode} is neither an EAN-13, EAN-8, UPC-A or UPC-E with its check digit nor an in-store code (letters, digits and -, at most {most})</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefix 02 (a UPC-A label of number system 2) is not read: set the scale to print EAN-13 labels with a prefix from 20 to 29</source>
        <translation>prefix 02 (a UPC-A label of number system 2) is not read: set the scale to print EAN-13 labels with a prefix from 20 to 29</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>expected prefixes from 20 to 29 such as 20-24 or 20,21, got {value}</source>
        <translation>expected prefixes from 20 to 29 such as 20-24 or 20,21, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{value} is not 4 or 5 digits 0-9, so it has no verifier digit</source>
        <translation>{value} is not 4 or 5 digits 0-9, so it has no verifier digit</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefixes {prefixes} cannot carry both a price and a weight</source>
        <translation>prefixes {prefixes} cannot carry both a price and a weight</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefixes {prefixes} carry a verifier digit but neither a price nor a weight</source>
        <translation>prefixes {prefixes} carry a verifier digit but neither a price nor a weight</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>a verifier digit checks a value of 4 digits (PP IIIII K VVVV C) or 5 (PP IIII K VVVVV C), not {digits}</source>
        <translation>a verifier digit checks a value of 4 digits (PP IIIII K VVVV C) or 5 (PP IIII K VVVVV C), not {digits}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is a scale's label with its verifier digit wrong: scan it again, or weigh and label the item again</source>
        <translation>barcode {barcode} is a scale's label with its verifier digit wrong: scan it again, or weigh and label the item again</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is a scale's label with its price or weight: give the item's code, with 00000 in their place ({item})</source>
        <translation>barcode {barcode} is a scale's label with its price or weight: give the item's code, with 00000 in their place ({item})</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{sku} is not in the basket</source>
        <translation>{sku} is not in the basket</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name} is no longer sold</source>
        <translation>{name} is no longer sold</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name}: quantity must be a whole number</source>
        <translation>{name}: quantity must be a whole number</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>{name} is priced by its label: scan each label instead of a quantity</source>
        <translation>{name} is priced by its label: scan each label instead of a quantity</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name}: quantity must be between 1 and {most}, got {quantity}</source>
        <translation>{name}: quantity must be between 1 and {most}, got {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>the basket total would be {total}, above the limit of {limit}</source>
        <translation>the basket total would be {total}, above the limit of {limit}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/business_day.py"/>
        <source>time zone {zone} is unknown; expected an IANA name like 'Asia/Jakarta'</source>
        <translation>time zone {zone} is unknown; expected an IANA name like 'Asia/Jakarta'</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>sku must not be empty</source>
        <translation>sku must not be empty</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: name must not be empty</source>
        <translation>product {sku}: name must not be empty</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: name is {length} characters, at most {most} allowed</source>
        <translation>product {sku}: name is {length} characters, at most {most} allowed</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: {problem}</source>
        <translation>product {sku}: {problem}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: price</source>
        <translation>product {sku}: price</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: the {field} holds a control character (a tab, a line break…)</source>
        <translation>product {sku}: the {field} holds a control character (a tab, a line break…)</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>byte {byte} is not UTF-8 text; save the file as "CSV UTF-8" and import it again</source>
        <translation>byte {byte} is not UTF-8 text; save the file as "CSV UTF-8" and import it again</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>a cell is longer than {most} characters; the line cannot be read</source>
        <translation>a cell is longer than {most} characters; the line cannot be read</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>sku {key} already on line {line}</source>
        <translation>sku {key} already on line {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>the file is empty; its first line must be the header {columns}</source>
        <translation>the file is empty; its first line must be the header {columns}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>header must be {columns} (tax_class may be left out), in this order; found {found}</source>
        <translation>header must be {columns} (tax_class may be left out), in this order; found {found}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {key} already on line {line}</source>
        <translation>barcode {key} already on line {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {key} is the same code as {other} on line {line}</source>
        <translation>barcode {key} is the same code as {other} on line {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {barcode} already belongs to product {owner}</source>
        <translation>barcode {barcode} already belongs to product {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>expected {expected} columns, found {found}</source>
        <translation>expected {expected} columns, found {found}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>price {price} is not a whole number of rupiah</source>
        <translation>price {price} is not a whole number of rupiah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>price has {digits} digits; a price is at most {most}</source>
        <translation>price has {digits} digits; a price is at most {most}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>tax class {tax_class} is not one of {classes}</source>
        <translation>tax class {tax_class} is not one of {classes}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount must be a whole number, got {value}</source>
        <translation>a discount must be a whole number, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount must be more than 0 and at most {most}, got {value}</source>
        <translation>a discount must be more than 0 and at most {most}, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount of {discount} is more than the {gross} it is given on</source>
        <translation>a discount of {discount} is more than the {gross} it is given on</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>discount {text}: expected a percentage like 10% or 12,5%</source>
        <translation>discount {text}: expected a percentage like 10% or 12,5%</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>discount {text}: a percentage is at most 100%</source>
        <translation>discount {text}: a percentage is at most 100%</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/lifecycles.py"/>
        <source>a new {subject} is {starts}, never {new}</source>
        <translation>a new {subject} is {starts}, never {new}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/lifecycles.py"/>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{name} is {current}; it cannot become {new}</source>
        <translation>{name} is {current}; it cannot become {new}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: expected a whole number of rupiah, like Rp 12.500</source>
        <translation>amount {text}: expected a whole number of rupiah, like Rp 12.500</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: write thousands with dots, like {dotted}; a comma only starts decimals, like 12.500,00</source>
        <translation>amount {text}: write thousands with dots, like {dotted}; a comma only starts decimals, like 12.500,00</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: rupiah amounts have no fraction</source>
        <translation>amount {text}: rupiah amounts have no fraction</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>{field} must be between {low} and {high}, got {value}</source>
        <translation>{field} must be between {low} and {high}, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>{field} must be an integer number of rupiah, got {value}</source>
        <translation>{field} must be an integer number of rupiah, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/printer_address.py"/>
        <source>expected a printer as tcp://HOST:PORT, usb://VENDOR:PRODUCT (hexadecimal ids) or serial:DEVICE, got {value}</source>
        <translation>expected a printer as tcp://HOST:PORT, usb://VENDOR:PRODUCT (hexadecimal ids) or serial:DEVICE, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/returns.py"/>
        <source>{name}: return a whole number of items, 1 or more, got {quantity}</source>
        <translation>{name}: return a whole number of items, 1 or more, got {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/returns.py"/>
        <source>{name}: {quantity} returned, but only {left} of {sold} can still come back</source>
        <translation>{name}: {quantity} returned, but only {left} of {sold} can still come back</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/scale_labels.py"/>
        <source>{name}: the label is worth Rp 0; weigh or price it again</source>
        <translation>{name}: the label is worth Rp 0; weigh or price it again</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>a tax rate must be between 0 and 100 %, got {rate}</source>
        <translation>a tax rate must be between 0 and 100 %, got {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>the DPP fraction must be between 0 and 1, got {numerator}/{denominator}</source>
        <translation>the DPP fraction must be between 0 and 1, got {numerator}/{denominator}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>tax rate {text}: expected a date, a rate and an optional DPP fraction, like 2025-01-01 12 11/12</source>
        <translation>tax rate {text}: expected a date, a rate and an optional DPP fraction, like 2025-01-01 12 11/12</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>no PPN rate is set for tax class {tax_class} on {day}</source>
        <translation>no PPN rate is set for tax class {tax_class} on {day}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/toml_files.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>cannot read {path}: {why}</source>
        <translation>cannot read {path}: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/toml_files.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} is not UTF-8 text</source>
        <translation>{path} is not UTF-8 text</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU order {invoice}: the create was replayed unverified and the status check failed ({error}); try again later</source>
        <translation>DOKU order {invoice}: the create was replayed unverified and the status check failed ({error}); try again later</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU order {invoice}: the create answer was lost and the status check failed ({error}); try again later</source>
        <translation>DOKU order {invoice}: the create answer was lost and the status check failed ({error}); try again later</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU {method} {path}: no answer ({cause})</source>
        <translation>DOKU {method} {path}: no answer ({cause})</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU answered HTTP {status} to {path} ({said}); whether it took effect is unknown until a status check</source>
        <translation>DOKU answered HTTP {status} to {path} ({said}); whether it took effect is unknown until a status check</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/ecommpay/gate.py"/>
        <source>ecommpay POST {path}: no answer ({cause})</source>
        <translation>ecommpay POST {path}: no answer ({cause})</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/ecommpay/gate.py"/>
        <source>ecommpay answered HTTP {status} to {path} (busy or down); whether it took effect is unknown until a status check</source>
        <translation>ecommpay answered HTTP {status} to {path} (busy or down); whether it took effect is unknown until a status check</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} cannot be reached (is it on and connected?): {why}</source>
        <translation>The receipt printer {address} cannot be reached (is it on and connected?): {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} is out of paper</source>
        <translation>The receipt printer {address} is out of paper</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} stopped answering: {why}</source>
        <translation>The receipt printer {address} stopped answering: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} stopped answering: it closed the connection</source>
        <translation>The receipt printer {address} stopped answering: it closed the connection</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>What answers at {address} is not a receipt printer: check the printer's address in the settings</source>
        <translation>What answers at {address} is not a receipt printer: check the printer's address in the settings</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>choose the kinds of rows to export, each once</source>
        <translation>choose the kinds of rows to export, each once</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>a CSV file holds one kind of rows: sale lines, sales or payments</source>
        <translation>a CSV file holds one kind of rows: sale lines, sales or payments</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>the Excel workbook needs no CSV option</source>
        <translation>the Excel workbook needs no CSV option</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/date_range.py"/>
        <source>the range ends ({last}) before it starts ({first})</source>
        <translation>the range ends ({last}) before it starts ({first})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Discounts</source>
        <translation>Discounts</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>DPP</source>
        <translation>DPP</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>PPN</source>
        <translation>PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Sales exempt from PPN</source>
        <translation>Sales exempt from PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Sales at PPN {rate}</source>
        <translation>Sales at PPN {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Sales at PPN {rate} ({note})</source>
        <translation>Sales at PPN {rate} ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>other rate, DPP nilai lain</source>
        <translation>other rate, DPP nilai lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>other rate</source>
        <translation>other rate</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>DPP nilai lain</source>
        <translation>DPP nilai lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/export_progress.py"/>
        <location filename="../../pos_app/reports/sales_csv.py"/>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>export cancelled; no file was written</source>
        <translation>export cancelled; no file was written</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>cannot write {target}: folder {folder} does not exist</source>
        <translation>cannot write {target}: folder {folder} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <location filename="../../pos_app/reports/workbook.py"/>
        <source>cannot write {target}: {why}</source>
        <translation>cannot write {target}: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a folder; give a file name to write</source>
        <translation>{target} is a folder; give a file name to write</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a device or a pipe, not a file; give a file name to write</source>
        <translation>{target} is a device or a pipe, not a file; give a file name to write</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a database; it is not overwritten, give another file name</source>
        <translation>{target} is a database; it is not overwritten, give another file name</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/products_csv.py"/>
        <source>file is larger than {most} bytes</source>
        <translation>file is larger than {most} bytes</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Cashier</source>
        <translation>Cashier</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Till</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Business day</source>
        <translation>Business day</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Opened</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>still open</source>
        <translation>still open</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Counted by</source>
        <translation>Counted by</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Opening float</source>
        <translation>Opening float</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Cash sales ({count})</source>
        <translation>Cash sales ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/shifts.py"/>
        <source>Cash in</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/shifts.py"/>
        <source>Cash out</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash returns</source>
        <translation>Cash returns</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Expected cash</source>
        <translation>Expected cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Counted cash</source>
        <translation>Counted cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Difference</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>SHIFT REPORT</source>
        <translation>SHIFT REPORT</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash drawer</source>
        <translation>Cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Discounts and PPN</source>
        <translation>Discounts and PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>till {till} uploaded no {kind} file</source>
        <translation>till {till} uploaded no {kind} file</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>the {kind} file of till {till} has a row of {cells} cells, not {columns}</source>
        <translation>the {kind} file of till {till} has a row of {cells} cells, not {columns}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>the {kind} file of till {till} has other columns than the other tills' (a till on another Kasir version?); update the tills to the same version</source>
        <translation>the {kind} file of till {till} has other columns than the other tills' (a till on another Kasir version?); update the tills to the same version</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>{column} holds {text!r}, not a rate in percent</source>
        <translation>{column} holds {text!r}, not a rate in percent</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>{column} holds {text!r}, not whole rupiah</source>
        <translation>{column} holds {text!r}, not whole rupiah</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/workbook.py"/>
        <source>{sheet}: more than {most} rows do not fit in an Excel sheet; export fewer days, or a CSV file</source>
        <translation>{sheet}: more than {most} rows do not fit in an Excel sheet; export fewer days, or a CSV file</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>of which only in the relay's copy (till restored from a backup)</source>
        <translation>of which only in the relay's copy (till restored from a backup)</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Sales</source>
        <translation>Sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Items sold</source>
        <translation>Items sold</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash ({count})</source>
        <translation>Cash ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>QR {provider} ({count})</source>
        <translation>QR {provider} ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Gross sales</source>
        <translation>Gross sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Refunds ({count})</source>
        <translation>Refunds ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Returns ({count})</source>
        <translation>Returns ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Payouts reversed ({count})</source>
        <translation>Payouts reversed ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>NET TOTAL</source>
        <translation>NET TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cancelled sales</source>
        <translation>Cancelled sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cancelled QR attempts</source>
        <translation>Cancelled QR attempts</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>QR payments still open</source>
        <translation>QR payments still open</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Late payments ({count})</source>
        <translation>Late payments ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Late payments refunded ({count})</source>
        <translation>Late payments refunded ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash sales</source>
        <translation>Cash sales</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>of which taken with no shift open</source>
        <translation>of which taken with no shift open</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash in less cash out</source>
        <translation>Cash in less cash out</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Printed</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Z REPORT</source>
        <translation>Z REPORT</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Takings</source>
        <translation>Takings</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Exceptions</source>
        <translation>Exceptions</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Shifts</source>
        <translation>Shifts</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Still open</source>
        <translation>Still open</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/printer_settings.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a text, got {kind}</source>
        <translation>expected a text, got {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/printer_settings.py"/>
        <source>expected the roll's width in mm, 58 or 80, got {value}</source>
        <translation>expected the roll's width in mm, 58 or 80, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <location filename="../../pos_app/store/payments.py"/>
        <source>provider: expected one of {choices}, got {provider}</source>
        <translation>provider: expected one of {choices}, got {provider}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>PPN is on, but none of these rates applies yet on {day} (today's business day): add the rate in force now</source>
        <translation>PPN is on, but none of these rates applies yet on {day} (today's business day): add the rate in force now</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>give either {key} or {file_key}, not both</source>
        <translation>give either {key} or {file_key}, not both</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a non-empty text</source>
        <translation>expected a non-empty text</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>an inline secret needs the settings file to be readable by its owner only (chmod 600 {path}); or use {file_key} or {variable} instead</source>
        <translation>an inline secret needs the settings file to be readable by its owner only (chmod 600 {path}); or use {file_key} or {variable} instead</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a file path</source>
        <translation>expected a file path</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>the file path holds a control character (a NUL, a line break…)</source>
        <translation>the file path holds a control character (a NUL, a line break…)</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} may be read by group or others (mode {mode}); run chmod 600 {path}</source>
        <translation>{path} may be read by group or others (mode {mode}); run chmod 600 {path}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>cannot read it: there is no file of that name; give the path of the file that holds the secret, not the secret itself</source>
        <translation>cannot read it: there is no file of that name; give the path of the file that holds the secret, not the secret itself</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} is empty</source>
        <translation>{path} is empty</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a [{name}] table</source>
        <translation>expected a [{name}] table</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>unknown setting</source>
        <translation>unknown setting</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>holds a character that is not plain ASCII; type or paste it again</source>
        <translation>holds a character that is not plain ASCII; type or paste it again</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected true or false, got {value}</source>
        <translation>expected true or false, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a list of rates like "2025-01-01 12 11/12"</source>
        <translation>expected a list of rates like "2025-01-01 12 11/12"</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>two rates start on {day}: {rate} and {other}; keep the one that applies</source>
        <translation>two rates start on {day}: {rate} and {other}; keep the one that applies</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected one of {choices}, got {value}</source>
        <translation>expected one of {choices}, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a whole number, got {value}</source>
        <translation>expected a whole number, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a whole number from {low} to {high}, got {value}</source>
        <translation>expected a whole number from {low} to {high}, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected 1-16 letters, digits or '-' (starting with a letter or digit), got {value}</source>
        <translation>expected 1-16 letters, digits or '-' (starting with a letter or digit), got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a local time as HH:MM (00:00 to 23:59), got {value}</source>
        <translation>expected a local time as HH:MM (00:00 to 23:59), got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an e-mail address, got {value}</source>
        <translation>expected an e-mail address, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an IP address, got {value}</source>
        <translation>expected an IP address, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an http(s) URL, got {value}</source>
        <translation>expected an http(s) URL, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>a URL must not hold a user name or password; the secrets have their own settings</source>
        <translation>a URL must not hold a user name or password; the secrets have their own settings</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>a URL must not hold a query (?...) or a fragment (#...); give the address only</source>
        <translation>a URL must not hold a query (?...) or a fragment (#...); give the address only</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>the port of {host} must be a number from 1 to 65535, got {port}</source>
        <translation>the port of {host} must be a number from 1 to 65535, got {port}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an http(s) URL, got {value} ({why})</source>
        <translation>expected an http(s) URL, got {value} ({why})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>closing a day needs the manager's name</source>
        <translation>closing a day needs the manager's name</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>business day {day} is already closed</source>
        <translation>business day {day} is already closed</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>business day {day} is already closed by {manager} at {at}</source>
        <translation>business day {day} is already closed by {manager} at {at}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/given_back.py"/>
        <source>no money goes back until this till has read the relay's copy of its days (restored from a backup, it may lack returns and refunds made since): connect to the relay and try again</source>
        <translation>no money goes back until this till has read the relay's copy of its days (restored from a backup, it may lack returns and refunds made since): connect to the relay and try again</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/held.py"/>
        <source>an empty basket cannot be put on hold</source>
        <translation>an empty basket cannot be put on hold</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/held.py"/>
        <source>held basket {held} does not exist (already recalled?)</source>
        <translation>held basket {held} does not exist (already recalled?)</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/history.py"/>
        <source>{subject} is no longer {current}</source>
        <translation>{subject} is no longer {current}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/refunds.py"/>
        <location filename="../../pos_app/store/returns.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} does not exist</source>
        <translation>sale {sale} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is {status}, not open</source>
        <translation>sale {sale} is {status}, not open</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment amount {amount} differs from the sale total {total}</source>
        <translation>payment amount {amount} differs from the sale total {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>sale {sale} already has payment {invoice} ({state}); check its status or cancel it first</source>
        <translation>sale {sale} already has payment {invoice} ({state}); check its status or cancel it first</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>invoice number {invoice} was already used</source>
        <translation>invoice number {invoice} was already used</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is {state}, not paid</source>
        <translation>payment {invoice} is {state}, not paid</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is not a late payment: a sale has its money already</source>
        <translation>payment {invoice} is not a late payment: a sale has its money already</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} paid {paid}, not the {amount} asked: it pays no sale; refund it, or resolve it with a reason</source>
        <translation>payment {invoice} paid {paid}, not the {amount} asked: it pays no sale; refund it, or resolve it with a reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} was resolved by a manager: it pays no sale</source>
        <translation>payment {invoice} was resolved by a manager: it pays no sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{refunded} of payment {invoice} was refunded at the provider: it no longer pays a sale's total; refund the rest, or resolve it with a reason</source>
        <translation>{refunded} of payment {invoice} was refunded at the provider: it no longer pays a sale's total; refund the rest, or resolve it with a reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{refunded} of payment {invoice} was refunded before this till was restored from a backup: it pays no sale</source>
        <translation>{refunded} of payment {invoice} was refunded before this till was restored from a backup: it pays no sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is refunded, or being refunded, by payout {payout}</source>
        <translation>payment {invoice} is refunded, or being refunded, by payout {payout}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>refunded amount</source>
        <translation>refunded amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is no DOKU payment reported refunded</source>
        <translation>payment {invoice} is no DOKU payment reported refunded</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>DOKU refunded at most the {paid} paid, not {refunded}</source>
        <translation>DOKU refunded at most the {paid} paid, not {refunded}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} does not exist</source>
        <translation>payment {invoice} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice}</source>
        <translation>payment {invoice}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/problem_payments.py"/>
        <source>{payout} is no longer listed as it was: refresh the list</source>
        <translation>{payout} is no longer listed as it was: refresh the list</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku} was not saved: {error}</source>
        <translation>product {sku} was not saved: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: barcode {barcode} already belongs to product {owner}</source>
        <translation>product {sku}: barcode {barcode} already belongs to product {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: barcode {barcode} is the same code as {other}, which belongs to product {owner}</source>
        <translation>product {sku}: barcode {barcode} is the same code as {other}, which belongs to product {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund amount</source>
        <translation>refund amount</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the wallet number</source>
        <translation>a refund needs the wallet number</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the customer name</source>
        <translation>a refund needs the customer name</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the approving manager</source>
        <translation>a refund needs the approving manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a DOKU Wallet number is digits only, like 081234567890</source>
        <translation>a DOKU Wallet number is digits only, like 081234567890</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund {amount} is more than sale {sale} has left to refund ({left})</source>
        <translation>refund {amount} is more than sale {sale} has left to refund ({left})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} is not a payment of sale {sale}</source>
        <translation>payment {invoice} is not a payment of sale {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} is a sale's takings (a manager attached it): refund that sale instead</source>
        <translation>payment {invoice} is a sale's takings (a manager attached it): refund that sale instead</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} was resolved by a manager: nothing of it is left to refund</source>
        <translation>payment {invoice} was resolved by a manager: nothing of it is left to refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund {payout} does not exist</source>
        <translation>refund {payout} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt}: its provider refunded {refunded} that no return accounts for; a return recorded as refunded outside Kasir takes no more items than that</source>
        <translation>receipt {receipt}: its provider refunded {refunded} that no return accounts for; a return recorded as refunded outside Kasir takes no more items than that</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>no completed sale has receipt number {number}</source>
        <translation>no completed sale has receipt number {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>sale {sale} is {status}: only a completed sale takes returns</source>
        <translation>sale {sale} is {status}: only a completed sale takes returns</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a return needs the approving manager</source>
        <translation>a return needs the approving manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a wallet return, and only one, names the wallet to pay</source>
        <translation>a wallet return, and only one, names the wallet to pay</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a return needs at least one item</source>
        <translation>a return needs at least one item</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt}: its money cannot go back as {method}</source>
        <translation>receipt {receipt}: its money cannot go back as {method}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt} has no line {line}</source>
        <translation>receipt {receipt} has no line {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {amount} is more than sale {sale} has left to refund ({left})</source>
        <translation>return {amount} is more than sale {sale} has left to refund ({left})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} does not exist</source>
        <translation>return {number} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>open your shift first (F5): cash goes back from an open shift's drawer</source>
        <translation>open your shift first (F5): cash goes back from an open shift's drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>cannot give back {amount} in cash: the drawer should hold only {expected}</source>
        <translation>cannot give back {amount} in cash: the drawer should hold only {expected}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} of receipt {receipt} is not a wallet return left unpaid: it was paid, made again or resolved already, or its items or money have gone back since</source>
        <translation>return {number} of receipt {receipt} is not a wallet return left unpaid: it was paid, made again or resolved already, or its items or money have gone back since</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} is made again with the same items, no more and no fewer</source>
        <translation>return {number} is made again with the same items, no more and no fewer</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>{name}: {wanted} to return, but only {free} can be: the others came back with return {number}, whose wallet payout failed; make that return again, or have a manager resolve it first</source>
        <translation>{name}: {wanted} to return, but only {free} can be: the others came back with return {number}, whose wallet payout failed; make that return again, or have a manager resolve it first</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sale_lookup.py"/>
        <source>give a receipt or invoice number, an amount or a time</source>
        <translation>give a receipt or invoice number, an amount or a time</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sale_lookup.py"/>
        <source>the time range ends before it starts</source>
        <translation>the time range ends before it starts</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>a sale needs at least one line</source>
        <translation>a sale needs at least one line</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>a sale needs the cashier's name</source>
        <translation>a sale needs the cashier's name</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale total</source>
        <translation>sale total</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>cash received</source>
        <translation>cash received</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>cash received {received} is less than the total {total}</source>
        <translation>cash received {received} is less than the total {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is kept apart for the manager (late, or for another amount): it completes no sale by itself</source>
        <translation>payment {invoice} is kept apart for the manager (late, or for another amount): it completes no sale by itself</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is for {amount}, the sale total is {total}</source>
        <translation>payment {invoice} is for {amount}, the sale total is {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is {status}: it was paid already, and payment {invoice} would pay it twice; refund the payment instead</source>
        <translation>sale {sale} is {status}: it was paid already, and payment {invoice} would pay it twice; refund the payment instead</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is for {amount} and sale {sale} totals {total}: only a sale of exactly that total can take it</source>
        <translation>payment {invoice} is for {amount} and sale {sale} totals {total}: only a sale of exactly that total can take it</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} was made for sale {sale}, which is still open: attach the payment to that sale</source>
        <translation>payment {invoice} was made for sale {sale}, which is still open: attach the payment to that sale</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} still waits for payment {invoice} ({state}); check its status or resolve it first</source>
        <translation>sale {sale} still waits for payment {invoice} ({state}); check its status or resolve it first</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is paid by payment {invoice} already</source>
        <translation>sale {sale} is paid by payment {invoice} already</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} has its own late payment {own} waiting: attach that one to it; payment {invoice} would pay the sale twice</source>
        <translation>sale {sale} has its own late payment {own} waiting: attach that one to it; payment {invoice} would pay the sale twice</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payout {payout} refunds money of sale {sale} without naming a payment; attaching {invoice} would change what it paid back</source>
        <translation>payout {payout} refunds money of sale {sale} without naming a payment; attaching {invoice} would change what it paid back</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is paid already: the customer paid {amount} by QR (payment {invoice_number}); complete the sale with that payment</source>
        <translation>sale {sale} is paid already: the customer paid {amount} by QR (payment {invoice_number}); complete the sale with that payment</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} has a paid payment {invoice}; complete the sale instead of cancelling it</source>
        <translation>sale {sale} has a paid payment {invoice}; complete the sale instead of cancelling it</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} belongs to sale {sale}</source>
        <translation>payment {invoice} belongs to sale {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: {name} must be a whole number, got {value}</source>
        <translation>{sku}: {name} must be a whole number, got {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: quantity must be between 1 and {most}, got {quantity}</source>
        <translation>{sku}: quantity must be between 1 and {most}, got {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: unit price</source>
        <translation>{sku}: unit price</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>the shift of {cashier}, open on this till since {since}, holds its drawer: it must be counted and closed before another shift opens</source>
        <translation>the shift of {cashier}, open on this till since {since}, holds its drawer: it must be counted and closed before another shift opens</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>opening float</source>
        <translation>opening float</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a shift needs the cashier's name</source>
        <translation>a shift needs the cashier's name</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>{cashier} has a shift open on this till already</source>
        <translation>{cashier} has a shift open on this till already</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a cash movement needs an amount other than 0</source>
        <translation>a cash movement needs an amount other than 0</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>cash movement</source>
        <translation>cash movement</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a cash movement needs a reason</source>
        <translation>a cash movement needs a reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>cannot take out {amount}: the drawer should hold only {expected}</source>
        <translation>cannot take out {amount}: the drawer should hold only {expected}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>closing a shift needs the name of who counted</source>
        <translation>closing a shift needs the name of who counted</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>the shift of {cashier} is closed already</source>
        <translation>the shift of {cashier} is closed already</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>shift {shift} does not exist</source>
        <translation>shift {shift} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>role: expected cashier or manager, got {role}</source>
        <translation>role: expected cashier or manager, got {role}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a user named {name} already exists</source>
        <translation>a user named {name} already exists</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>user {user} does not exist</source>
        <translation>user {user} does not exist</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>that PIN is already in use; choose another one</source>
        <translation>that PIN is already in use; choose another one</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>too many wrong PINs; try again in {seconds} seconds</source>
        <translation>too many wrong PINs; try again in {seconds} seconds</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a PIN is 4 to 8 digits</source>
        <translation>a PIN is 4 to 8 digits</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a user's name is 1 to {most} characters</source>
        <translation>a user's name is 1 to {most} characters</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>{name} is not an active manager</source>
        <translation>{name} is not an active manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>no cash drawer is set up on this till's receipt printer</source>
        <translation>no cash drawer is set up on this till's receipt printer</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>product {sku} exists already: find it and edit it</source>
        <translation>product {sku} exists already: find it and edit it</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>you cannot deactivate yourself while signed in</source>
        <translation>you cannot deactivate yourself while signed in</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>{name} is the last active manager</source>
        <translation>{name} is the last active manager</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>refunds need the ecommpay settings: {keys}</source>
        <translation>refunds need the ecommpay settings: {keys}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>at most {left} can still be refunded here</source>
        <translation>at most {left} can still be refunded here</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>demo mode runs on embedded services: its settings cannot be saved</source>
        <translation>demo mode runs on embedded services: its settings cannot be saved</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>a discount now takes more than the {limit}% a cashier may give, and more than a manager approved (its line was made smaller): give it again, with a manager's PIN</source>
        <translation>a discount now takes more than the {limit}% a cashier may give, and more than a manager approved (its line was made smaller): give it again, with a manager's PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>sale {sale} is complete already</source>
        <translation>sale {sale} is complete already</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>the customer paid {amount} by QR a moment ago (payment {invoice}): sale {sale} is complete, and no cash is recorded for it</source>
        <translation>the customer paid {amount} by QR a moment ago (payment {invoice}): sale {sale} is complete, and no cash is recorded for it</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>the total is now {total}, not the {asked} asked (the PPN rate of the day changed): take the payment again</source>
        <translation>the total is now {total}, not the {asked} asked (the PPN rate of the day changed): take the payment again</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>payment {invoice} was made through {provider}, and this till now uses {current}: it cannot be asked here; give it up and show a new QR</source>
        <translation>payment {invoice} was made through {provider}, and this till now uses {current}: it cannot be asked here; give it up and show a new QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>ecommpay Gate payments need the relay, and none is set up</source>
        <translation>ecommpay Gate payments need the relay, and none is set up</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the shift of {cashier} on till {terminal} is still open: close it with a count before closing the day</source>
        <translation>the shift of {cashier} on till {terminal} is still open: close it with a count before closing the day</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the shift of {cashier} on till {terminal}, opened on {opened}, is still open and takes this day's cash: close it with a count before closing the day</source>
        <translation>the shift of {cashier} on till {terminal}, opened on {opened}, is still open and takes this day's cash: close it with a count before closing the day</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the figures of business day {day} changed while they were shown (net takings now {net}); check them and close again</source>
        <translation>the figures of business day {day} changed while they were shown (net takings now {net}); check them and close again</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>say why the payment is resolved (a reason is required)</source>
        <translation>say why the payment is resolved (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>a reason is at most {most} characters</source>
        <translation>a reason is at most {most} characters</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>refund {payout} of payment {invoice} is on its way: wait for its answer (Check status), then resolve what is left</source>
        <translation>refund {payout} of payment {invoice} is on its way: wait for its answer (Check status), then resolve what is left</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>refund {payout} of sale {sale} is on its way: wait for its answer (Check status), then resolve {problem}</source>
        <translation>refund {payout} of sale {sale} is on its way: wait for its answer (Check status), then resolve {problem}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>only a contradicted payout is taken as reversed</source>
        <translation>only a contradicted payout is taken as reversed</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>say why the payout is taken as reversed (a reason is required)</source>
        <translation>say why the payout is taken as reversed (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>only a payment DOKU reports refunded takes the amount DOKU refunded</source>
        <translation>only a payment DOKU reports refunded takes the amount DOKU refunded</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>receipt {number}</source>
        <translation>receipt {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>return receipt {number}</source>
        <translation>return receipt {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>cash drawer</source>
        <translation>cash drawer</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>no receipt printer is set up: give its address</source>
        <translation>no receipt printer is set up: give its address</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Discount {discount}</source>
        <translation>Discount {discount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Basket discount {discount}</source>
        <translation>Basket discount {discount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>PPN {rate}</source>
        <translation>PPN {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Harga sudah termasuk PPN</source>
        <translation>Harga sudah termasuk PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>DPP {rate}</source>
        <translation>DPP {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>PPN {rate} ({note})</source>
        <translation>PPN {rate} ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Paid by</source>
        <translation>Paid by</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Receipt no.</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>COPY</source>
        <translation>COPY</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>Terima kasih / Thank you</source>
        <translation>Terima kasih / Thank you</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>no relay is set up to bring ecommpay's answer</source>
        <translation>no relay is set up to bring ecommpay's answer</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>the relay did not take the payout ({error})</source>
        <translation>the relay did not take the payout ({error})</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay refused the payout: {error}</source>
        <translation>ecommpay refused the payout: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay's answer to payout {payout} was lost ({error}); it stays pending until ecommpay's callback arrives or a status check settles it</source>
        <translation>ecommpay's answer to payout {payout} was lost ({error}); it stays pending until ecommpay's callback arrives or a status check settles it</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay does not know payout {payout} yet, {age} after it was sent: it stays pending until its callback arrives or a check finds it (only a payout still unknown {bound} after it was sent is taken as never paid)</source>
        <translation>ecommpay does not know payout {payout} yet, {age} after it was sent: it stays pending until its callback arrives or a check finds it (only a payout still unknown {bound} after it was sent is taken as never paid)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>refund {payout} was not sent: {why}</source>
        <translation>refund {payout} was not sent: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>DOKU Wallet (payout)</source>
        <translation>DOKU Wallet (payout)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Refunded outside Kasir</source>
        <translation>Refunded outside Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Return</source>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Original receipt</source>
        <translation>Original receipt</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Approved by</source>
        <translation>Approved by</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>NOT PAID BACK</source>
        <translation>NOT PAID BACK</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>TOTAL RETURNED</source>
        <translation>TOTAL RETURNED</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>TO BE PAID BACK</source>
        <translation>TO BE PAID BACK</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Paid back</source>
        <translation>Paid back</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>{method}, pending ecommpay's confirmation</source>
        <translation>{method}, pending ecommpay's confirmation</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Paying back</source>
        <translation>Paying back</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Pays back unpaid return</source>
        <translation>Pays back unpaid return</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>RETURN</source>
        <translation>RETURN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Items returned</source>
        <translation>Items returned</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Money back</source>
        <translation>Money back</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>this till cannot pay out to a wallet: pay back in cash</source>
        <translation>this till cannot pay out to a wallet: pay back in cash</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>ecommpay's answer: {status}</source>
        <translation>ecommpay's answer: {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>wrong PIN for {name}: the return was not made</source>
        <translation>wrong PIN for {name}: the return was not made</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>Kasir printer test</source>
        <translation>Kasir printer test</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>{width} mm roll, {columns} characters a line</source>
        <translation>{width} mm roll, {columns} characters a line</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/uploads.py"/>
        <source>no till has uploaded business day {day} to the relay yet</source>
        <translation>no till has uploaded business day {day} to the relay yet</translation>
    </message>
</context>
</TS>
