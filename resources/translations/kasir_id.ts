<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_US">
<context>
    <name>AttachDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach a late payment to a sale</source>
        <translation>Lampirkan pembayaran terlambat ke penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Late payment {invoice}: {amount} by {provider}, made for sale {sale}.</source>
        <translation>Pembayaran terlambat {invoice}: {amount} melalui {provider}, dibuat untuk penjualan {sale}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>The payment completes the sale you choose, as a QR sale of today's business day. Only an open or cancelled sale of exactly {amount} can take it: its own sale, or another of the last {days} days. A sale already paid (in cash, for example) cannot: the customer would have paid twice, so refund the payment to their wallet instead.</source>
        <translation>Pembayaran ini menyelesaikan penjualan yang Anda pilih, sebagai penjualan QR pada hari usaha saat ini. Hanya penjualan terbuka atau dibatalkan yang totalnya tepat {amount} yang dapat menerimanya: penjualannya sendiri, atau penjualan lain dalam {days} hari terakhir. Penjualan yang sudah dibayar (misalnya tunai) tidak bisa: pelanggan akan membayar dua kali, jadi kembalikan pembayarannya ke wallet pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Sale</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Rung up</source>
        <translation>Dicatat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach to this sale…</source>
        <translation>Lampirkan ke penjualan ini…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>the payment's own sale</source>
        <translation>penjualan milik pembayaran ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>No open or cancelled sale of the last {days} days totals {amount}. Refund the payment to the customer's wallet instead.</source>
        <translation>Tidak ada penjualan terbuka atau dibatalkan dalam {days} hari terakhir yang totalnya {amount}. Kembalikan pembayarannya ke wallet pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Attach the payment</source>
        <translation>Lampirkan pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>Complete sale {sale} of {amount} with payment {invoice}?</source>
        <translation>Selesaikan penjualan {sale} sebesar {amount} dengan pembayaran {invoice}?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/attach_dialog.py"/>
        <source>The payment was not attached: {error}</source>
        <translation>Pembayaran tidak dilampirkan: {error}</translation>
    </message>
</context>
<context>
    <name>BackOfficeWindow</name>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Kasir — Back office ({name})</source>
        <translation>Kasir — Back Office ({name})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Day close</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Problem payments</source>
        <translation>Pembayaran bermasalah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Products</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Users</source>
        <translation>Pengguna</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Signed in as {name} (manager). Every change is recorded in the audit log.</source>
        <translation>Masuk sebagai {name} (manajer). Setiap perubahan dicatat di log audit.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Close back office</source>
        <translation>Tutup Back Office</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Open drawer</source>
        <translation>Buka laci kas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/window.py"/>
        <source>Drawer opening (in the audit log).</source>
        <translation>Laci kas sedang dibuka (dicatat di log audit).</translation>
    </message>
</context>
<context>
    <name>BasketModel</name>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Discount {amount}</source>
        <translation>Diskon {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>incl. PPN {amount}</source>
        <translation>termasuk PPN {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>PPN {amount} added</source>
        <translation>ditambah PPN {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>The basket discount no longer fits: {problem}. Remove or change it (Ctrl+D).</source>
        <translation>Diskon keranjang tidak muat lagi: {problem}. Hapus atau ubah diskon itu (Ctrl+D).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>{name} (discount {discount})</source>
        <translation>{name} (diskon {discount})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/basket_model.py"/>
        <source>Not changed: the basket discount would no longer fit ({problem}). Remove or change it first (Ctrl+D).</source>
        <translation>Tidak diubah: diskon keranjang tidak akan muat lagi ({problem}). Hapus atau ubah diskon itu dulu (Ctrl+D).</translation>
    </message>
</context>
<context>
    <name>CashDialog</name>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{code} is a barcode, not an amount.</source>
        <translation>{code} adalah barcode, bukan jumlah uang.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Cash payment</source>
        <translation>Pembayaran tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>e.g. 50.000</source>
        <translation>mis. 50.000</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Exact {amount}</source>
        <translation>Uang pas {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Complete (Enter)</source>
        <translation>Selesaikan (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Press Esc, scan the item, then F9 again. Type the amount received like 50.000.</source>
        <translation>Tekan Esc, pindai barangnya, lalu F9 lagi. Ketik uang yang diterima seperti 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Type the amount received in whole rupiah, like 50.000.</source>
        <translation>Ketik uang yang diterima dalam rupiah penuh, misalnya 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>The amount received can be at most {amount}.</source>
        <translation>Uang yang diterima paling banyak {amount}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{amount} short: the customer must pay at least the total.</source>
        <translation>Kurang {amount}: pelanggan harus membayar paling sedikit sebesar total.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>The change, {change}, is a {note} note or more: check the amount received ({received}), then press Enter again to complete.</source>
        <translation>Kembalian {change} senilai selembar {note} atau lebih: periksa jumlah yang diterima ({received}), lalu tekan Enter sekali lagi untuk menyelesaikan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Give the change (Enter)</source>
        <translation>Berikan kembalian (Enter)</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash in</source>
        <translation>Kas masuk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash out</source>
        <translation>Kas keluar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>e.g. change from the bank</source>
        <translation>mis. uang kecil dari bank</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>e.g. pick-up to the safe, petty cash for ice</source>
        <translation>mis. setor ke brankas, kas kecil untuk beli es</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Record</source>
        <translation>Catat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>CashierController</name>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Cash not recorded, {total}</source>
        <translation>Tunai tidak tercatat, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Its basket is held as "{name}": recall it with F6 once this basket is done.</source>
        <translation>Keranjangnya ditahan sebagai "{name}": panggil kembali dengan F6 setelah keranjang ini selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Could not record the cash sale: {error}</source>
        <translation>Penjualan tunai tidak dapat dicatat: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Could not record the cash {cashier} took: {error}</source>
        <translation>Uang tunai yang diterima {cashier} tidak dapat dicatat: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>Cash sale {sale} of {total} is recorded; its receipt can be reprinted in the back office.</source>
        <translation>Penjualan tunai {sale} sebesar {total} sudah dicatat; struknya dapat dicetak ulang di Back Office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_flow.py"/>
        <source>The cash sale {sale} of {total} that {cashier} took is recorded; its receipt can be reprinted in the back office.</source>
        <translation>Penjualan tunai {sale} sebesar {total} yang diterima {cashier} sudah dicatat; struknya dapat dicetak ulang di Back Office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>The last QR payment is still being cancelled: press F12 again in a moment.</source>
        <translation>Pembayaran QR sebelumnya masih sedang dibatalkan: tunggu sebentar, lalu tekan F12 lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Discount above the limit — manager's PIN</source>
        <translation>Diskon melebihi batas — PIN manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not start the QR payment: {error}</source>
        <translation>Pembayaran QR tidak dapat dimulai: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} received; its sale is complete.</source>
        <translation>Pembayaran {invoice} sebesar {amount} diterima; penjualannya selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash was not recorded: give the customer back the {asked} paid in cash ({received} received, less the change).</source>
        <translation>Tunai tidak tercatat: kembalikan {asked} yang dibayar tunai kepada pelanggan ({received} diterima, dikurangi kembalian).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash {cashier} took was not recorded: {cashier} gives the customer back the {asked} paid in cash ({received} received, less the change).</source>
        <translation>Tunai yang diterima {cashier} tidak tercatat: {cashier} mengembalikan {asked} yang dibayar tunai kepada pelanggan ({received} diterima, dikurangi kembalian).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {amount} by DOKU Wallet</source>
        <translation>Pelanggan sudah membayar {amount} dengan DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid for the basket as it was charged; the basket on screen had changed since: check it with the customer.</source>
        <translation>Penjualan {sale} sudah dibayar untuk keranjang seperti saat ditagih; keranjang di layar sudah berubah sejak itu: periksa bersama pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid. The items scanned since are on screen at full price: give their discount again if it applies.</source>
        <translation>Penjualan {sale} sudah dibayar. Barang yang dipindai sesudahnya ada di layar dengan harga penuh: berikan lagi diskonnya bila berlaku.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Sale {sale} is paid. The items scanned since are on screen at {alone}, not the {rest} left of the total: PPN is rounded on each sale.</source>
        <translation>Penjualan {sale} sudah dibayar. Barang yang dipindai sesudahnya ada di layar seharga {alone}, bukan {rest} sisa dari total: PPN dibulatkan pada tiap penjualan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</source>
        <translation>Pelanggan membayar {paid} dengan DOKU Wallet, bukan {asked}: disimpan untuk manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Take the total another way. The manager refunds or accepts this payment in the back office.</source>
        <translation>Terima totalnya dengan cara lain. Manajer mengembalikan atau menerima pembayaran ini di Back Office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>Uang tunai tidak dicatat: kembalikan kepada pelanggan. Tekan {key} untuk menyelesaikan penjualan dengan pembayaran ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>The cash {cashier} took for this basket was not recorded: {cashier} gives it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>Uang tunai yang diterima {cashier} untuk keranjang ini tidak dicatat: {cashier} mengembalikannya kepada pelanggan. Tekan {key} untuk menyelesaikan penjualan dengan pembayaran ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>It paid for the basket as it was before the last items were scanned. Press {key} to complete that sale; the items scanned since stay on screen, to be paid.</source>
        <translation>Pembayaran ini untuk keranjang sebelum barang terakhir dipindai. Tekan {key} untuk menyelesaikan penjualan itu; barang yang dipindai sesudahnya tetap di layar untuk dibayar.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</source>
        <translation>Tekan {key} untuk menyelesaikan penjualan dengan pembayaran ini. Tunai dan QR ditolak untuk keranjang ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Payment {invoice} no longer pays this basket ({error}): take the total another way.</source>
        <translation>Pembayaran {invoice} tidak lagi membayar keranjang ini ({error}): terima totalnya dengan cara lain.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Customer paid {paid} by DOKU Wallet for this basket before it changed: kept for the manager</source>
        <translation>Pelanggan membayar {paid} dengan DOKU Wallet untuk keranjang ini sebelum diubah: disimpan untuk manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Take the total on screen another way. The manager refunds or attaches this payment in the back office.</source>
        <translation>Terima total di layar dengan cara lain. Manajer mengembalikan atau melampirkan pembayaran ini di Back Office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/paid_flow.py"/>
        <source>Could not complete the sale with payment {invoice}: {error}</source>
        <translation>Penjualan tidak dapat diselesaikan dengan pembayaran {invoice}: {error}</translation>
    </message>
</context>
<context>
    <name>Confirmation</name>
    <message>
        <location filename="../../pos_app/gui/dialogs.py"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/dialogs.py"/>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Kasir — customer display</source>
        <translation>Kasir — layar pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Scan to pay with DOKU Wallet</source>
        <translation>Pindai untuk membayar dengan DOKU Wallet</translation>
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
        <translation>Pembayaran diterima
{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/customer_display.py"/>
        <source>Change
{amount}

Thank you</source>
        <translation>Kembalian
{amount}

Terima kasih</translation>
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
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Till</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Float</source>
        <translation>Modal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Expected</source>
        <translation>Seharusnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Counted</source>
        <translation>Dihitung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Count and close this shift…</source>
        <translation>Hitung dan tutup shift ini…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Shift report…</source>
        <translation>Laporan shift…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Opening float</source>
        <translation>Modal awal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Expected cash</source>
        <translation>Tunai seharusnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Counted cash</source>
        <translation>Tunai dihitung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close day…</source>
        <translation>Tutup hari…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Business day</source>
        <translation>Hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Shifts of the day</source>
        <translation>Shift hari ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Closed by {name}; this is the report as it was signed off.</source>
        <translation>Ditutup oleh {name}; ini laporan sebagaimana disahkan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close the day</source>
        <translation>Tutup hari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Close business day {day}? Net takings {net}; counted cash {counted}, difference {difference}. A day is closed only once.</source>
        <translation>Tutup hari usaha {day}? Pendapatan bersih {net}; tunai dihitung {counted}, selisih {difference}. Satu hari hanya dapat ditutup sekali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Business day {day} is closed. Sales, refunds and late payments now go to business day {next}.</source>
        <translation>Hari usaha {day} sudah ditutup. Penjualan, refund, dan pembayaran terlambat sekarang masuk ke hari usaha {next}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>The day was not closed: {error}</source>
        <translation>Hari tidak ditutup: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Save the Z report as PDF</source>
        <translation>Simpan laporan Z sebagai PDF</translation>
    </message>
</context>
<context>
    <name>DiscountDialog</name>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Discount</source>
        <translation>Diskon</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Line: {name}</source>
        <translation>Barang: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Line</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Whole basket</source>
        <translation>Seluruh keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>10% or 5.000</source>
        <translation>10% atau 5.000</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>No discount</source>
        <translation>Tanpa diskon</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/discount_dialog.py"/>
        <source>Percentage (10%) or rupiah (5.000)</source>
        <translation>Persen (10%) atau rupiah (5.000)</translation>
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
        <translation>PDF tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_output.py"/>
        <source>Saved to {path}</source>
        <translation>Disimpan ke {path}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Print… (Ctrl+P)</source>
        <translation>Cetak… (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Save as PDF…</source>
        <translation>Simpan sebagai PDF…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/document_preview.py"/>
        <source>Sent to the receipt printer.</source>
        <translation>Dikirim ke printer struk.</translation>
    </message>
</context>
<context>
    <name>DrawerCount</name>
    <message>
        <location filename="../../pos_app/gui/drawer_count.py"/>
        <source>Cash in the drawer</source>
        <translation>Uang tunai di laci</translation>
    </message>
</context>
<context>
    <name>DrawerHeldDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>The drawer is in use</source>
        <translation>Laci sedang dipakai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>This till's drawer is held by the shift of {cashier}, open since {since}. A till has one drawer, so your shift opens once that one is counted and closed: {cashier} signs in and closes it with F5, or a manager counts and closes it now.</source>
        <translation>Laci kasir ini dipegang oleh shift {cashier}, terbuka sejak {since}. Satu kasir punya satu laci, jadi shift Anda dibuka setelah shift itu dihitung dan ditutup: {cashier} masuk dan menutupnya dengan F5, atau manajer menghitung dan menutupnya sekarang.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Manager: count and close it…</source>
        <translation>Manajer: hitung dan tutup…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sale lines: one row per product sold</source>
        <translation>Rincian penjualan: satu baris per produk terjual</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sales: one row per sale</source>
        <translation>Penjualan: satu baris per penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Payments: one row per DOKU Wallet payment or payout</source>
        <translation>Pembayaran: satu baris per pembayaran atau payout DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV file</source>
        <translation>Berkas CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Excel workbook: sale lines, sales and payments</source>
        <translation>Buku kerja Excel: rincian penjualan, penjualan, dan pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>For Excel in Indonesian (opens with a double click)</source>
        <translation>Untuk Excel berbahasa Indonesia (buka dengan klik dua kali)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Whole shop: every till's files of the first business day, from the relay</source>
        <translation>Seluruh toko: berkas semua mesin kasir untuk hari usaha pertama, dari relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Till</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Last upload</source>
        <translation>Unggahan terakhir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Latest day</source>
        <translation>Hari terbaru</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Closed through</source>
        <translation>Ditutup sampai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Refresh uploads</source>
        <translation>Muat ulang unggahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>From business day</source>
        <translation>Dari hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>To business day</source>
        <translation>Sampai hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Rows</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills</source>
        <translation>Mesin kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Sale lines: every product sold on the chosen business days, with its discount and PPN, and every refund paid; the file the accountant books from. Sales: the same money, one row per sale with its total and how it was paid. Payments: every DOKU Wallet payment and payout the provider handled, with its reference, to tick off against the provider's settlement report; it also lists payments no sale took (late, or another amount) and what was paid back.
Give the accountant the Excel workbook, which holds all three. A CSV file opens in any spreadsheet through its import; tick “For Excel in Indonesian” for one that Excel set to Indonesian opens with a double click.</source>
        <translation>Rincian penjualan: setiap produk yang terjual pada hari usaha yang dipilih, dengan diskon dan PPN-nya, serta setiap refund yang dibayarkan; berkas yang dipakai akuntan untuk pembukuan. Penjualan: uang yang sama, satu baris per penjualan dengan totalnya dan cara bayarnya. Pembayaran: setiap pembayaran dan payout DOKU Wallet yang ditangani penyedia, dengan referensinya, untuk dicocokkan dengan laporan settlement penyedia; juga mencantumkan pembayaran yang tidak masuk ke penjualan mana pun (terlambat, atau jumlahnya berbeda) dan uang yang sudah dikembalikan.
Berikan buku kerja Excel kepada akuntan, karena berisi ketiganya. Berkas CSV dapat dibuka di aplikasi spreadsheet apa pun lewat fitur impornya; centang “Untuk Excel berbahasa Indonesia” agar berkasnya terbuka dengan klik dua kali di Excel yang diatur ke bahasa Indonesia.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills' uploads</source>
        <translation>Unggahan mesin kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The range ends before it starts.</source>
        <translation>Akhir rentang lebih awal daripada awalnya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export as an Excel workbook</source>
        <translation>Ekspor sebagai buku kerja Excel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export as CSV</source>
        <translation>Ekspor sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the whole shop as an Excel workbook</source>
        <translation>Ekspor seluruh toko sebagai buku kerja Excel</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the whole shop as CSV</source>
        <translation>Ekspor seluruh toko sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till has no relay: the whole shop's files are there.</source>
        <translation>Relay belum diatur di kasir ini: berkas seluruh toko ada di relay.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Exporting to {path}…</source>
        <translation>Mengekspor ke {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Exported {rows} rows ({parts}) to {path}.</source>
        <translation>{rows} baris ({parts}) diekspor ke {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Tills in the file: {tills}.</source>
        <translation>Mesin kasir dalam berkas: {tills}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Not uploaded yet, so not in the file: {tills}.</source>
        <translation>Belum mengunggah, jadi tidak ada dalam berkas: {tills}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Till {till} is in the file as uploaded {uploaded}: the relay refused its later upload ({reason}), so the file may lack its sales since. Fix that till's upload and export again.</source>
        <translation>Kasir {till} ada di berkas sebagaimana diunggah {uploaded}: relay menolak unggahan berikutnya ({reason}), jadi berkas mungkin belum memuat penjualannya sejak itu. Perbaiki unggahan kasir itu lalu ekspor lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>never</source>
        <translation>belum pernah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till: {count} days waiting to upload ({days}); last upload {last}.</source>
        <translation>Kasir ini: {count} hari menunggu diunggah ({days}); unggahan terakhir {last}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till: every day uploaded; last upload {last}.</source>
        <translation>Kasir ini: semua hari sudah terunggah; unggahan terakhir {last}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay refused {day}: {reason}. It goes again once that day changes.</source>
        <translation>Relay menolak {day}: {reason}. Hari itu diunggah lagi setelah berubah.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>This till's database was restored from a backup: its own files of {days} may lack sales the relay keeps. Export the whole shop for those days.</source>
        <translation>Basis data kasir ini dipulihkan dari cadangan: berkas kasir ini sendiri untuk {days} mungkin tidak memuat penjualan yang disimpan relay. Ekspor seluruh toko untuk hari-hari tersebut.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>none</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay cannot be reached, so the tills' uploads are unknown: {error}</source>
        <translation>Relay tidak dapat dihubungi, jadi unggahan mesin kasir belum diketahui: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{payments} payments, {payouts} payouts, {refunds} refunds at the provider</source>
        <translation>{payments} pembayaran, {payouts} payout, {refunds} refund di penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{payments} payments, {payouts} payouts</source>
        <translation>{payments} pembayaran, {payouts} payout</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>{sales} sales, {refunds} refunds, {returns} returns, {total}</source>
        <translation>{sales} penjualan, {refunds} refund, {returns} retur, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Ekspor dibatalkan; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The relay cannot be reached, so no whole-shop file was written; try again when this till is online: {error}</source>
        <translation>Relay tidak dapat dihubungi, jadi berkas seluruh toko tidak ditulis; coba lagi saat kasir ini online: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The export failed; no file was written: {error}</source>
        <translation>Ekspor gagal; tidak ada berkas yang ditulis: {error}</translation>
    </message>
</context>
<context>
    <name>HeldBaskets</name>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>Could not hold "{name}": {error}. A payment has started for the basket on screen, so "{name}" is held again instead of coming back: recall it with F6 once this basket is done.</source>
        <translation>Tidak dapat menahan "{name}": {error}. Pembayaran untuk keranjang di layar sudah dimulai, jadi "{name}" ditahan lagi alih-alih kembali ke layar: panggil kembali dengan F6 setelah keranjang ini selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>Could not hold "{name}" either: {error}. It is held nowhere: ring up its items again once this basket is done ({items}).</source>
        <translation>Tetap tidak dapat menahan "{name}": {error}. Keranjang ini tidak tersimpan di mana pun: masukkan lagi barangnya setelah keranjang ini selesai ({items}).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>The held basket was paid meanwhile: sale {sale} is complete.</source>
        <translation>Keranjang yang ditahan sudah dibayar sementara itu: penjualan {sale} selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>The held basket</source>
        <translation>Keranjang yang ditahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>{name} stays held: its customer may still pay the QR code it was shown. Finish this basket, then recall it.</source>
        <translation>{name} tetap ditahan: pelanggannya masih bisa membayar kode QR yang sudah ditunjukkan. Selesaikan keranjang ini, lalu panggil kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/hold_flow.py"/>
        <source>{name} was paid meanwhile ({amount}) and stays held: finish this basket, then recall it.</source>
        <translation>{name} sudah dibayar sementara itu ({amount}) dan tetap ditahan: selesaikan keranjang ini, lalu panggil kembali.</translation>
    </message>
</context>
<context>
    <name>HeldPicker</name>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Recall a held basket</source>
        <translation>Panggil keranjang tahanan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>(no name)</source>
        <translation>(tanpa nama)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>Recall</source>
        <translation>Panggil</translation>
    </message>
</context>
<context>
    <name>HoldName</name>
    <message>
        <location filename="../../pos_app/gui/held_picker.py"/>
        <source>{code} is a barcode, not a name: its item was not added. Press Esc and scan it again, or Enter to hold the basket without it.</source>
        <translation>{code} adalah barcode, bukan nama: barangnya tidak ditambahkan. Tekan Esc lalu pindai lagi, atau Enter untuk menahan keranjang tanpa barang itu.</translation>
    </message>
</context>
<context>
    <name>HourlyChart</name>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>Busiest hour {hour}:00, {count} sales, {total}</source>
        <translation>Jam tersibuk {hour}:00, {count} penjualan, {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>No completed sales</source>
        <translation>Belum ada penjualan selesai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/hourly_chart.py"/>
        <source>Highest hour: {total}</source>
        <translation>Jam tertinggi: {total}</translation>
    </message>
</context>
<context>
    <name>ImportProblemsDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import refused</source>
        <translation>Impor ditolak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{file}: nothing was imported. Correct these lines and import the file again:</source>
        <translation>{file}: tidak ada yang diimpor. Perbaiki baris-baris ini lalu impor berkasnya lagi:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>file</source>
        <translation>berkas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>LatePayments</name>
    <message>
        <location filename="../../pos_app/gui/late_payments.py"/>
        <source>Payment {invoice} of {amount} is kept for the manager: no sale took it</source>
        <translation>Pembayaran {invoice} sebesar {amount} disimpan untuk manajer: tidak masuk ke penjualan mana pun</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/late_payments.py"/>
        <source>{count} payments kept for the manager, the last {invoice} of {amount}</source>
        <translation>{count} pembayaran disimpan untuk manajer, terakhir {invoice} sebesar {amount}</translation>
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
        <translation>Keranjang masih kosong.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Change {amount}</source>
        <translation>Kembalian {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Held baskets: {count}</source>
        <translation>Keranjang ditahan: {count}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Business day {date}</source>
        <translation>Hari usaha {date}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>{provider} SANDBOX</source>
        <translation>{provider} SANDBOX</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: connected</source>
        <translation>Relay: terhubung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: payments could not be applied: {cause}</source>
        <translation>Relay: pembayaran tidak dapat diterapkan: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: token refused</source>
        <translation>Relay: token ditolak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Relay: not connected</source>
        <translation>Relay: tidak terhubung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Hold / Recall</source>
        <translation>Tahan / Panggil</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>QR payment</source>
        <translation>Bayar QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Back office</source>
        <translation>Back Office</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Last receipt</source>
        <translation>Struk terakhir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Sign out</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Shift</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Complete sale</source>
        <translation>Selesaikan penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Clear basket</source>
        <translation>Kosongkan keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Demo mode: payments go to the local sandbox</source>
        <translation>Mode demo: pembayaran masuk ke sandbox lokal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/counter_layout.py"/>
        <source>Discount on the line or the whole basket</source>
        <translation>Diskon per barang atau untuk seluruh keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove every item from the basket?</source>
        <translation>Hapus semua barang dari keranjang?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Hold basket</source>
        <translation>Tahan keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Name this basket (for example the customer's name):</source>
        <translation>Beri nama keranjang ini (misalnya nama pelanggan):</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not recall a basket</source>
        <translation>Keranjang tidak dapat dipanggil kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket on screen is held as “{name}”. Sign out?</source>
        <translation>Keranjang di layar ditahan sebagai “{name}”. Keluar?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>No held basket to recall.</source>
        <translation>Tidak ada keranjang yang ditahan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket held. F6 on an empty basket recalls it.</source>
        <translation>Keranjang ditahan. Tekan F6 saat keranjang kosong untuk memanggilnya kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not hold the basket</source>
        <translation>Keranjang tidak dapat ditahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket recalled.</source>
        <translation>Keranjang dipanggil kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The total is Rp 0, and a sale of Rp 0 cannot be recorded: make the discount smaller, so the customer pays at least Rp 1.</source>
        <translation>Totalnya Rp 0, dan penjualan Rp 0 tidak dapat dicatat: kecilkan diskonnya, agar pelanggan membayar paling sedikit Rp 1.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not start the QR payment</source>
        <translation>Pembayaran QR tidak dapat dimulai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>An item scanned is still being looked up, so the cash sale was not recorded: press F9 again once the item is in the basket.</source>
        <translation>Barang yang dipindai masih dicari, jadi penjualan tunai tidak dicatat: tekan F9 lagi setelah barang masuk ke keranjang.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not record the cash sale</source>
        <translation>Penjualan tunai tidak dapat dicatat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</source>
        <translation>Pelanggan sudah membayar keranjang ini dengan DOKU Wallet: tekan {key} untuk menyelesaikan penjualan dengan pembayaran itu.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket changed while the cash was counted: the total is {total}. Press F9 to take the cash again.</source>
        <translation>Keranjang berubah saat uang tunai dihitung: totalnya {total}. Tekan F9 untuk menerima uang tunai lagi.</translation>
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
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>No manager is set up on this terminal.</source>
        <translation>Belum ada manajer di terminal ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Wrong PIN for {name}.</source>
        <translation>PIN salah untuk {name}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/manager_pin.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>PIN tidak dapat diperiksa: {error}</translation>
    </message>
</context>
<context>
    <name>ManagerSignIn</name>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Back office — manager sign-in</source>
        <translation>Back Office — masuk manajer</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Open your shift</source>
        <translation>Buka shift Anda</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Open shift</source>
        <translation>Buka shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Opening float (cash in the drawer now)</source>
        <translation>Modal awal (uang tunai di laci sekarang)</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>QR payment</source>
        <translation>Pembayaran QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Scan the QR code with DOKU Wallet to pay</source>
        <translation>Pindai kode QR dengan DOKU Wallet untuk membayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Copy link</source>
        <translation>Salin tautan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Open link</source>
        <translation>Buka tautan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Check status</source>
        <translation>Cek status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Other tender</source>
        <translation>Cara bayar lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Done (Enter)</source>
        <translation>Selesai (Enter)</translation>
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
        <translation>Lunas
{amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>(late payment: recorded for the manager)</source>
        <translation>(pembayaran terlambat: dicatat untuk manajer)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>{code} was not added: this QR pays for the basket as it was. Finish or cancel the payment, then scan it again.</source>
        <translation>{code} tidak ditambahkan: QR ini membayar keranjang seperti sebelumnya. Selesaikan atau batalkan pembayarannya, lalu pindai lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Creating the payment…</source>
        <translation>Membuat pembayaran…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Waiting for the customer to pay…</source>
        <translation>Menunggu pelanggan membayar…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment service unreachable
Still trying — the payment stays open.</source>
        <translation>Layanan pembayaran tidak dapat dihubungi
Masih dicoba — pembayaran tetap terbuka.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment received</source>
        <translation>Pembayaran diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment declined</source>
        <translation>Pembayaran ditolak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>The QR code expired</source>
        <translation>Kode QR kedaluwarsa</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment cancelled</source>
        <translation>Pembayaran dibatalkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment refunded</source>
        <translation>Pembayaran dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment failed</source>
        <translation>Pembayaran gagal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Expires in {time}</source>
        <translation>Kedaluwarsa dalam {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Expiry time reached</source>
        <translation>Batas waktu habis</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Asking the payment service…</source>
        <translation>Menanyakan ke layanan pembayaran…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel payment</source>
        <translation>Batalkan pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Cancel this QR payment? If the customer still pays, it is recorded as a late payment.</source>
        <translation>Batalkan pembayaran QR ini? Jika pelanggan tetap membayar, pembayarannya dicatat sebagai pembayaran terlambat.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Payment link copied.</source>
        <translation>Tautan pembayaran disalin.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/payment_dialog.py"/>
        <source>Could not open the link in a browser.</source>
        <translation>Tautan tidak dapat dibuka di browser.</translation>
    </message>
</context>
<context>
    <name>PaymentPage</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Payments</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Customers pay by scanning a QR code with DOKU Wallet. Choose the provider your merchant contract is with and enter the credentials from its merchant dashboard.</source>
        <translation>Pelanggan membayar dengan memindai kode QR memakai DOKU Wallet. Pilih penyedia yang tercantum di kontrak merchant Anda, lalu isi kredensial dari dasbor merchant-nya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>saved; leave empty to keep it</source>
        <translation>tersimpan; kosongkan untuk tetap memakainya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>from the merchant dashboard</source>
        <translation>dari dasbor merchant</translation>
    </message>
</context>
<context>
    <name>PaymentRecovery</name>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source>Could not look for open payments: {error}</source>
        <translation>Pembayaran yang masih terbuka tidak dapat dicari: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source>Open QR payments, still checked: {invoices}</source>
        <translation>Pembayaran QR masih terbuka, terus dicek: {invoices}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/recovery.py"/>
        <source> and {count} more</source>
        <translation> dan {count} lainnya</translation>
    </message>
</context>
<context>
    <name>PrintTestPage</name>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Print test page</source>
        <translation>Cetak halaman uji</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Printing…</source>
        <translation>Mencetak…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>The printer took the test page.</source>
        <translation>Printer sudah menerima halaman uji.</translation>
    </message>
</context>
<context>
    <name>PrinterAddressEdit</name>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>None: the print dialog and PDF only</source>
        <translation>Tidak ada: hanya dialog cetak dan PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Network (TCP 9100)</source>
        <translation>Jaringan (TCP 9100)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>USB</source>
        <translation>USB</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>Serial port</source>
        <translation>Port serial</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>address[:port], e.g. 192.168.1.50:9100</source>
        <translation>alamat[:port], mis. 192.168.1.50:9100</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>vendor:product ids from lsusb, e.g. 04b8:0202</source>
        <translation>ID vendor:produk dari lsusb, mis. 04b8:0202</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_fields.py"/>
        <source>device, e.g. /dev/ttyUSB0 or COM3</source>
        <translation>perangkat, mis. /dev/ttyUSB0 atau COM3</translation>
    </message>
</context>
<context>
    <name>PrinterStatus</name>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>Print kept receipts ({count})</source>
        <translation>Cetak struk tertunda ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>Not printed ({what}): {error}. The receipt is kept: press "Print kept receipts" once the printer is ready.</source>
        <translation>Tidak tercetak ({what}): {error}. Struk disimpan: tekan "Cetak struk tertunda" setelah printer siap.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/printer_status.py"/>
        <source>The cash drawer did not open: {error}.</source>
        <translation>Laci kas tidak terbuka: {error}.</translation>
    </message>
</context>
<context>
    <name>ProblemsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Sale</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Check status now</source>
        <translation>Cek status sekarang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Refund to wallet…</source>
        <translation>Refund ke wallet…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Attach to a sale…</source>
        <translation>Lampirkan ke penjualan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Complete the unpaid sale this money was for (the goods went with the customer)</source>
        <translation>Selesaikan penjualan belum dibayar yang menjadi tujuan uang ini (barangnya sudah dibawa pelanggan)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Refunded amount was…</source>
        <translation>Jumlah refund sebenarnya…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Enter the amount DOKU's back office shows refunded, if not all of it</source>
        <translation>Masukkan jumlah refund yang tertera di back office DOKU, jika tidak seluruhnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Why is it resolved? (required)</source>
        <translation>Mengapa dianggap selesai? (wajib)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Mark resolved</source>
        <translation>Tandai selesai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Take as reversed…</source>
        <translation>Anggap payout ditarik kembali…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay's dashboard shows the payout's money back in the shop's balance</source>
        <translation>Dashboard ecommpay menunjukkan uang payout kembali ke saldo toko</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Pick a problem to see what happened and what to do.</source>
        <translation>Pilih sebuah masalah untuk melihat apa yang terjadi dan apa yang harus dilakukan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>no answer yet whether the customer paid: Check status now asks the provider.</source>
        <translation>belum ada jawaban apakah pelanggan sudah membayar: Cek status sekarang menanyakannya ke penyedia.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>paid after the cashier gave up; no sale took the money. Attach it to the sale it was for (the goods went with the customer), or refund it to the wallet.</source>
        <translation>dibayar setelah kasir membatalkan; uangnya tidak masuk ke penjualan mana pun. Lampirkan ke penjualan yang dibayarnya (barangnya sudah dibawa pelanggan), atau refund ke wallet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>paid, but not the amount asked; refund it, or accept it by marking it resolved.</source>
        <translation>dibayar, tetapi bukan sejumlah yang diminta; kembalikan, atau terima dengan menandainya selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>the sale never completed; should the customer say they paid, Check status now asks the provider.</source>
        <translation>penjualannya tidak pernah selesai; jika pelanggan mengatakan sudah membayar, Cek status sekarang menanyakannya ke penyedia.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a payment service reported a payment this terminal never made, one that contradicts the payment it made (DOKU naming another amount), or one Kasir cannot read (the customer may have paid); check it in the provider's dashboard, then mark it resolved.</source>
        <translation>layanan pembayaran melaporkan pembayaran yang tidak pernah dibuat terminal ini, yang bertentangan dengan pembayaran yang dibuatnya (DOKU menyebut jumlah lain), atau yang tidak dapat dibaca Kasir (pelanggan mungkin sudah membayar); periksa di dashboard penyedia, lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>the provider reports a completed sale's payment refunded, and no return recorded as refunded outside Kasir accounts for it yet: the takings still count that money. DOKU does not say how much: if its back office shows only part refunded, enter it (Refunded amount was…). Record the items' return at the counter (F3) as refunded outside Kasir, or mark it resolved.</source>
        <translation>penyedia melaporkan pembayaran sebuah penjualan selesai sudah di-refund, dan belum ada retur yang dicatat sebagai di-refund di luar Kasir untuknya: pendapatan masih menghitung uang itu. DOKU tidak menyebut jumlahnya: jika back office-nya menunjukkan hanya sebagian yang di-refund, masukkan jumlahnya (Jumlah refund sebenarnya…). Catat retur barangnya di kasir (F3) sebagai di-refund di luar Kasir, atau tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>returns recorded as refunded outside Kasir add up to more than the provider reports refunded: the takings lack the difference, which never went back. If the refund was made at the provider and its report has not come yet, Check status now asks it. If the amount entered as refunded at DOKU was wrong, enter it again (Refunded amount was…). Else mark it resolved with why (the customer got more back than the items' worth, say).</source>
        <translation>retur yang dicatat sebagai di-refund di luar Kasir berjumlah lebih dari refund yang dilaporkan penyedia: pendapatan kurang sebesar selisihnya, yang tidak pernah dikembalikan. Jika refund sudah dibuat di penyedia dan laporannya belum datang, Cek status sekarang menanyakannya. Jika jumlah refund DOKU yang dimasukkan salah, masukkan lagi (Jumlah refund sebenarnya…). Jika tidak, tandai selesai dengan alasannya (misalnya pelanggan menerima kembali lebih dari nilai barangnya).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay paid a refund Kasir had taken as failed; if it was done again meanwhile, the customer got the money twice: settle it with them (cash they bring back goes in the shift as Cash in, F5), then mark it resolved.</source>
        <translation>ecommpay membayar refund yang dianggap gagal oleh Kasir; jika refund itu sudah diulang sementara itu, pelanggan menerima uangnya dua kali: selesaikan dengan pelanggan (uang tunai yang mereka kembalikan dicatat di shift sebagai Kas masuk, F5), lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay took a refund's payout back: the money is in the shop's balance again, counted back on the day it came, and the customer is still owed it: refund the sale again (Refund, in its detail), then mark it resolved.</source>
        <translation>ecommpay menarik kembali payout sebuah refund: uangnya kembali di saldo toko, dihitung kembali pada hari uang itu datang, dan pelanggan masih berhak atasnya: refund penjualan itu lagi (Refund, di detailnya), lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports a refund's payout paid for another amount than asked. A payout it split into parts may have paid more than its last part's callback says: Check status now asks ecommpay what all of them paid. Once it has said, what the payout did not pay counts back and the customer is owed it again: refund the sale again by as much (Refund, in its detail). If it paid more than asked, settle that with the customer. Then mark it resolved.</source>
        <translation>ecommpay melaporkan payout refund dibayar dengan jumlah lain dari yang diminta. Payout yang dipecah ecommpay menjadi beberapa bagian mungkin membayar lebih dari yang disebut callback bagian terakhirnya: Cek status sekarang menanyakan ke ecommpay berapa yang dibayar semua bagiannya. Setelah dijawab, yang tidak dibayar payout dihitung kembali dan masih menjadi hak pelanggan: refund penjualan itu lagi sebesar itu (Refund, di detailnya). Jika dibayar lebih dari yang diminta, selesaikan dengan pelanggan. Lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reported a refund's payout paid, then declined or failed without saying it was reversed; Kasir still counts the customer paid. Check status now asks ecommpay whether it was reversed. Else check the payout in ecommpay's dashboard: if the money came back to the shop's balance, type why and Take as reversed, then refund the sale again (Refund, in its detail) or pay the customer another way; if it did not come back, mark it resolved with why.</source>
        <translation>ecommpay melaporkan payout sebuah refund sudah dibayar, lalu ditolak atau gagal tanpa menyebut payout itu ditarik kembali; Kasir tetap menghitung pelanggan sudah dibayar. Cek status sekarang menanyakan ke ecommpay apakah payout itu ditarik kembali. Jika tidak, cek payout itu di dashboard ecommpay: jika uangnya kembali ke saldo toko, tulis alasannya lalu Anggap payout ditarik kembali, kemudian refund penjualan itu lagi (Refund, di detailnya) atau bayar pelanggan dengan cara lain; jika uangnya tidak kembali, tandai selesai dengan alasannya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a wallet return's payout failed; the customer gave the goods back and got nothing: make the return again at the counter (F3 offers it), in cash or to the wallet, which settles it; or pay them another way and mark it resolved.</source>
        <translation>payout sebuah retur ke wallet gagal; pelanggan sudah mengembalikan barangnya dan belum menerima apa pun: buat retur itu lagi di kasir (F3 menawarkannya), secara tunai atau ke wallet, dan masalahnya selesai; atau bayarkan dengan cara lain lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>a refund's payout failed or was declined, and the customer got nothing: refund the sale again (Refund, in its detail), which settles it; or pay them another way and mark it resolved.</source>
        <translation>payout sebuah refund gagal atau ditolak, dan pelanggan tidak menerima apa pun: refund penjualan itu lagi (Refund, di detailnya), dan masalahnya selesai; atau bayarkan dengan cara lain lalu tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Asking about {invoice}…</source>
        <translation>Menanyakan {invoice}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} reversed: the customer is owed the money again; it is listed as reversed.</source>
        <translation>ecommpay melaporkan payout {payout} ditarik kembali: pelanggan kembali berhak atas uangnya; kini tercantum sebagai payout ditarik kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay names no reversal of payout {payout}: it stays listed; check it in ecommpay's dashboard.</source>
        <translation>ecommpay tidak menyebut payout {payout} ditarik kembali: payout tetap tercantum; periksa di dashboard ecommpay.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: what it did not pay counts back, and the sale may be refunded again by as much; it stays listed until you mark it resolved.</source>
        <translation>ecommpay melaporkan payout {payout} dibayar {paid} seluruhnya, bukan {amount} yang diminta: yang tidak dibayar dihitung kembali, dan penjualan itu dapat di-refund lagi sebesar itu; tetap tercantum sampai Anda tandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid {paid} in all, not the {amount} asked: it stays listed; settle the difference with the customer.</source>
        <translation>ecommpay melaporkan payout {payout} dibayar {paid} seluruhnya, bukan {amount} yang diminta: payout tetap terdaftar; selesaikan selisihnya dengan pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>ecommpay reports payout {payout} paid in full ({amount}): it is no longer listed as paying another amount.</source>
        <translation>ecommpay melaporkan payout {payout} dibayar penuh ({amount}): payout tidak lagi terdaftar sebagai dibayar dengan jumlah lain.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice} is {state} now.</source>
        <translation>{invoice} sekarang {state}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>The status of {invoice} could not be checked: {error}</source>
        <translation>Status {invoice} tidak dapat dicek: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice} is marked resolved.</source>
        <translation>{invoice} ditandai selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Amount refunded at DOKU</source>
        <translation>Jumlah refund di DOKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>DOKU reported payment {invoice} refunded without saying how much. The amount its back office shows refunded:</source>
        <translation>DOKU melaporkan pembayaran {invoice} di-refund tanpa menyebut jumlahnya. Jumlah refund yang tertera di back office DOKU:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>{invoice}: {amount} refunded at DOKU is recorded.</source>
        <translation>{invoice}: refund {amount} di DOKU sudah dicatat.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Does ecommpay's dashboard show all of payout {payout} ({amount}) back in the shop's balance? {before} of it came back earlier and is counted already; Kasir counts the rest, {rest}, back today, and the customer is owed that again.</source>
        <translation>Apakah dashboard ecommpay menunjukkan seluruh payout {payout} ({amount}) kembali ke saldo toko? {before} darinya sudah kembali sebelumnya dan sudah dihitung; Kasir menghitung sisanya, {rest}, masuk kembali hari ini, dan pelanggan kembali berhak atas uang itu.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Does ecommpay's dashboard show payout {payout} ({amount}) back in the shop's balance? Kasir then counts it back today, and the customer is owed it again.</source>
        <translation>Apakah dashboard ecommpay menunjukkan payout {payout} ({amount}) kembali ke saldo toko? Kasir lalu menghitungnya masuk kembali hari ini, dan pelanggan kembali berhak atas uang itu.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Take as reversed</source>
        <translation>Anggap payout ditarik kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Payout {payout} is taken as reversed: the customer is owed {amount} again; it is listed as reversed.</source>
        <translation>Payout {payout} dianggap ditarik kembali: pelanggan kembali berhak atas {amount}; tercantum sebagai payout ditarik kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Sale {sale} is completed with payment {invoice} ({amount}).</source>
        <translation>Penjualan {sale} selesai dengan pembayaran {invoice} ({amount}).</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan a barcode or type to search — 3* adds three</source>
        <translation>Pindai barcode atau cari — 3* menambah tiga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan or type a product after {quantity}*</source>
        <translation>Pindai atau ketik produk setelah {quantity}*</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>{name} is priced by the scale: scan its label.</source>
        <translation>Harga {name} dari timbangan: pindai labelnya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>{problem}. Scan it again or type it.</source>
        <translation>{problem}. Pindai lagi atau ketik kodenya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>No product with code or name “{code}”.</source>
        <translation>Tidak ada produk dengan kode atau nama “{code}”.</translation>
    </message>
</context>
<context>
    <name>ProductsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Search by name, SKU or barcode</source>
        <translation>Cari menurut nama, SKU, atau barcode</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>New product</source>
        <translation>Produk baru</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import CSV…</source>
        <translation>Impor CSV…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Export CSV…</source>
        <translation>Ekspor CSV…</translation>
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
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>On sale</source>
        <translation>Dijual</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Scan or type: EAN-13, EAN-8, UPC-A, UPC-E or an in-store code</source>
        <translation>Pindai atau ketik: EAN-13, EAN-8, UPC-A, UPC-E, atau kode toko</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>PPN at the standard rate</source>
        <translation>PPN tarif umum</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>PPN at the other rate</source>
        <translation>PPN tarif lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Exempt from PPN</source>
        <translation>Bebas PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale…</source>
        <translation>Nonaktifkan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Put back on sale</source>
        <translation>Aktifkan lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Tax</source>
        <translation>Pajak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{first} ({first_barcode}) and {second} ({second_barcode}) have one barcode in two forms: a scan finds only one of them. Give one of them another barcode.</source>
        <translation>{first} ({first_barcode}) dan {second} ({second_barcode}) memakai satu barcode dalam dua bentuk: pindaian hanya menemukan salah satunya. Beri salah satunya barcode lain.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>… and {count} more such pairs.</source>
        <translation>… dan {count} pasangan seperti itu lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Add product</source>
        <translation>Tambah produk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Sold by weight: the price is per kilogram.</source>
        <translation>Dijual per berat: harganya per kg.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Priced by the scale: its label carries the price.</source>
        <translation>Harga dari timbangan: harganya tercetak di label.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} added.</source>
        <translation>{sku} ditambahkan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} saved.</source>
        <translation>{sku} disimpan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} is on sale again.</source>
        <translation>{sku} diaktifkan lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale</source>
        <translation>Nonaktifkan produk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take {name} ({sku}) off sale? It can no longer be sold; past sales keep it.</source>
        <translation>Nonaktifkan {name} ({sku})? Produk ini tidak dapat dijual lagi; penjualan sebelumnya tetap menyimpannya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} is off sale.</source>
        <translation>{sku} dinonaktifkan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Import products from CSV</source>
        <translation>Impor produk dari CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Importing {path}…</source>
        <translation>Mengimpor {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Imported {products} products; {changed} new or changed.</source>
        <translation>{products} produk diimpor; {changed} baru atau berubah.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Nothing was imported: {count} lines have problems.</source>
        <translation>Tidak ada yang diimpor: {count} baris bermasalah.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Nothing was imported: {error}</source>
        <translation>Tidak ada yang diimpor: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Export products as CSV</source>
        <translation>Ekspor produk sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Exported {count} products to {path}.</source>
        <translation>{count} produk diekspor ke {path}.</translation>
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
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/i18n.py"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
</context>
<context>
    <name>QrPayment</name>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Not paid yet: the payment service is still waiting for the customer.</source>
        <translation>Belum dibayar: layanan pembayaran masih menunggu pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Could not ask the payment service ({error}). Trying again in {seconds} s.</source>
        <translation>Layanan pembayaran tidak dapat ditanya ({error}). Dicoba lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Creating a new payment…</source>
        <translation>Membuat pembayaran baru…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/qr_payment.py"/>
        <source>Could not start a new payment: {error}</source>
        <translation>Pembayaran baru tidak dapat dimulai: {error}</translation>
    </message>
</context>
<context>
    <name>Quantity</name>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>The quantity must be from {least} to {most}.</source>
        <translation>Jumlah harus dari {least} sampai {most}.</translation>
    </message>
</context>
<context>
    <name>QuantityDialog</name>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>Quantity of {name} (0 removes it)</source>
        <translation>Jumlah {name} (0 untuk menghapus)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/quantity_dialog.py"/>
        <source>{code} is a barcode, not a quantity: its item was not added. Press Esc, then scan it again.</source>
        <translation>{code} adalah barcode, bukan jumlah: barangnya tidak ditambahkan. Tekan Esc, lalu pindai lagi.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt (copy)</source>
        <translation>Struk (salinan)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../pos_app/gui/receipt_flow.py"/>
        <source>No receipt to reprint yet.</source>
        <translation>Belum ada struk untuk dicetak ulang.</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Refund to DOKU Wallet</source>
        <translation>Refund ke DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Late payment {invoice} of sale {sale}</source>
        <translation>Pembayaran terlambat {invoice} untuk penjualan {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Sale {sale}</source>
        <translation>Penjualan {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The customer's DOKU Wallet number</source>
        <translation>Nomor DOKU Wallet pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Send refund…</source>
        <translation>Kirim refund…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Check status</source>
        <translation>Cek status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Wallet number</source>
        <translation>Nomor wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Customer name</source>
        <translation>Nama pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Refunds to a wallet go out as ecommpay payouts and need the ecommpay settings: {keys}.</source>
        <translation>Refund ke wallet dikirim sebagai payout ecommpay dan memerlukan pengaturan ecommpay: {keys}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>At most {amount} can be refunded.</source>
        <translation>Paling banyak {amount} yang dapat di-refund.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The amount must be between Rp 1 and {left}.</source>
        <translation>Jumlahnya harus antara Rp 1 dan {left}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Enter the wallet number and the customer's name.</source>
        <translation>Isi nomor wallet dan nama pelanggan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Send the refund</source>
        <translation>Kirim refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Pay {amount} to DOKU Wallet {wallet} ({name})?</source>
        <translation>Bayar {amount} ke DOKU Wallet {wallet} ({name})?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Sending the payout to ecommpay…</source>
        <translation>Mengirim payout ke ecommpay…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay accepted payout {payout}; waiting for its result…</source>
        <translation>ecommpay menerima payout {payout}; menunggu hasilnya…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Nothing was paid: {error}</source>
        <translation>Tidak ada yang dibayarkan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay could not be asked: {error}</source>
        <translation>ecommpay tidak dapat ditanya: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>Paid: {amount} sent to DOKU Wallet {wallet}. Reference {ref}.</source>
        <translation>Dibayar: {amount} dikirim ke DOKU Wallet {wallet}. Referensi {ref}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>ecommpay declined the payout of {amount}; nothing was paid.</source>
        <translation>ecommpay menolak payout sebesar {amount}; tidak ada yang dibayarkan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/refund_dialog.py"/>
        <source>The payout of {amount} failed; nothing was paid.</source>
        <translation>Payout sebesar {amount} gagal; tidak ada yang dibayarkan.</translation>
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
        <translation>Relay menerima notifikasi pembayaran untuk terminal-terminal Anda. Pengelolanya memberi Anda alamat relay dan token untuk terminal ini, dibuat untuk ID terminal ini ('pos-app relay add-terminal ID').</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>saved; leave empty to keep it</source>
        <translation>tersimpan; kosongkan untuk tetap memakainya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>from the relay's operator</source>
        <translation>dari pengelola relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Test connection</source>
        <translation>Tes koneksi</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return items</source>
        <translation>Retur barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Scan or type the receipt number</source>
        <translation>Pindai atau ketik nomor struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Item</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Sold</source>
        <translation>Terjual</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Left</source>
        <translation>Sisa</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Back</source>
        <translation>Uang kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>The customer's DOKU Wallet number</source>
        <translation>Nomor DOKU Wallet pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Demo: {managers}</source>
        <translation>Demo: {managers}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Make again</source>
        <translation>Buat lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Money back by</source>
        <translation>Dikembalikan lewat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Wallet number</source>
        <translation>Nomor wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Customer name</source>
        <translation>Nama pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Manager PIN</source>
        <translation>PIN manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Give back</source>
        <translation>Kembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Looking for receipt {number}…</source>
        <translation>Mencari struk {number}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Set how many items come back.</source>
        <translation>Isi jumlah barang yang dikembalikan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Making the return…</source>
        <translation>Memproses retur…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Press Enter to find receipt {number}.</source>
        <translation>Tekan Enter untuk mencari struk {number}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Every item of this receipt has been returned already.</source>
        <translation>Semua barang di struk ini sudah diretur.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: a wallet return of {amount} was not paid back. It is chosen under Make again: pay it back now, in cash or to the wallet.</source>
        <translation>Struk {number}: retur ke wallet sebesar {amount} belum dibayar. Retur itu dipilih di Buat lagi: bayarkan sekarang, secara tunai atau ke wallet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: the provider reports its payment refunded already. Give no cash back; record the items that come back.</source>
        <translation>Struk {number}: penyedia melaporkan pembayarannya sudah dikembalikan. Jangan berikan uang tunai; catat barang yang dikembalikan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Receipt {number}: set the items that come back.</source>
        <translation>Struk {number}: isi barang yang dikembalikan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Cash from the drawer</source>
        <translation>Tunai dari laci kas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>DOKU Wallet (payout)</source>
        <translation>DOKU Wallet (payout)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Refunded outside Kasir (the provider's back office)</source>
        <translation>Dikembalikan di luar Kasir (back office penyedia)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>No: other items come back</source>
        <translation>Tidak: barang lain yang dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return {number}: {amount}, payout {payout} not paid</source>
        <translation>Retur {number}: {amount}, payout {payout} belum dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Money back: {amount}</source>
        <translation>Uang kembali: {amount}</translation>
    </message>
</context>
<context>
    <name>ReturnReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Return receipt</source>
        <translation>Struk retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>The payout did not go out: {problem}. Nothing is paid back yet: make the return again, in cash, so the drawer records the money.</source>
        <translation>Payout tidak terkirim: {problem}. Belum ada uang yang dikembalikan: buat retur lagi, secara tunai, agar laci mencatat uangnya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>{problem}. Give nothing back meanwhile: the money may be on its way (Back office, sale detail shows ecommpay's answer once it comes).</source>
        <translation>{problem}. Jangan kembalikan apa pun dulu: uangnya mungkin sedang dikirim (Back Office, rincian penjualan menampilkan jawaban ecommpay begitu datang).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Payout {payout} sent to the customer's DOKU Wallet; ecommpay's answer comes through the relay (Back office, sale detail).</source>
        <translation>Payout {payout} dikirim ke DOKU Wallet pelanggan; jawaban ecommpay datang lewat relay (Back Office, rincian penjualan).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Give {amount} back from the drawer.</source>
        <translation>Kembalikan {amount} dari laci kas.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/return_dialog.py"/>
        <source>Recorded as refunded outside Kasir.</source>
        <translation>Dicatat sebagai dikembalikan di luar Kasir.</translation>
    </message>
</context>
<context>
    <name>SaleDetailDialog</name>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Sale {sale}</source>
        <translation>Penjualan {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Product</source>
        <translation>Produk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>SKU</source>
        <translation>SKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Qty</source>
        <translation>Jml</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Price</source>
        <translation>Harga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Tender</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Asked</source>
        <translation>Diminta</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Late</source>
        <translation>Terlambat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>To</source>
        <translation>Menjadi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Who</source>
        <translation>Siapa</translation>
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
        <translation>Disetujui oleh</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Items</source>
        <translation>Barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Money back</source>
        <translation>Uang kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Paid back</source>
        <translation>Dikembalikan lewat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Payment events</source>
        <translation>Kejadian pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Lines</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Tenders</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Payments</source>
        <translation>Pembayaran QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Refunds</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Returns</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Reprint receipt (COPY)</source>
        <translation>Cetak ulang struk (SALINAN)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Receipt {number} printed again as a COPY.</source>
        <translation>Struk {number} dicetak ulang sebagai SALINAN.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>{state}, then reversed</source>
        <translation>{state}, lalu ditarik kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Receipt no. {number}</source>
        <translation>No. struk {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Business day {day}</source>
        <translation>Hari usaha {day}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Opened {time}</source>
        <translation>Dibuka {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Completed {time}</source>
        <translation>Selesai {time}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sale_detail.py"/>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
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
        <translation>Muat ulang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>The chosen day's sales, also after a lookup</source>
        <translation>Penjualan hari yang dipilih, juga setelah pencarian</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refund to wallet…</source>
        <translation>Refund ke wallet…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Pay money of the selected sale back to a wallet</source>
        <translation>Kembalikan uang penjualan terpilih ke wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Open sale…</source>
        <translation>Buka penjualan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Receipt or invoice number</source>
        <translation>Nomor struk atau invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Between</source>
        <translation>Antara</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Find</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Sale</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Tender</source>
        <translation>Cara bayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Payment</source>
        <translation>Pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Business day</source>
        <translation>Hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Find a sale</source>
        <translation>Cari penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Takings by hour</source>
        <translation>Pendapatan per jam</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>{count} sales found. Refresh lists the chosen day again.</source>
        <translation>{count} penjualan ditemukan. Muat ulang menampilkan hari yang dipilih lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Gross sales</source>
        <translation>Penjualan kotor</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refunds</source>
        <translation>Refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Returns</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Payouts reversed</source>
        <translation>Payout ditarik kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Net takings</source>
        <translation>Pendapatan bersih</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>{sales} sales listed: {completed} completed, {cancelled} cancelled. Late payments: {late}.</source>
        <translation>{sales} penjualan ditampilkan: {completed} selesai, {cancelled} dibatalkan. Pembayaran terlambat: {late}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
</context>
<context>
    <name>SettingsFields</name>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>required</source>
        <translation>wajib diisi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shop name</source>
        <translation>Nama toko</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Terminal ID</source>
        <translation>ID terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Time zone</source>
        <translation>Zona waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Business day starts at</source>
        <translation>Hari usaha dimulai pukul</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Provider</source>
        <translation>Penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU environment</source>
        <translation>Lingkungan DOKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Client ID</source>
        <translation>Client ID DOKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU secret key</source>
        <translation>Secret key DOKU</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay project ID</source>
        <translation>Project ID ecommpay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay secret key</source>
        <translation>Secret key ecommpay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Customer e-mail</source>
        <translation>Email pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shop's public IP address</source>
        <translation>Alamat IP publik toko</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Relay address</source>
        <translation>Alamat relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Terminal token</source>
        <translation>Token terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Paper width</source>
        <translation>Lebar kertas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Print by itself</source>
        <translation>Cetak otomatis</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Cash drawer</source>
        <translation>Laci kas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>PPN</source>
        <translation>PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Shelf prices</source>
        <translation>Harga di rak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Manager approves discounts above (%)</source>
        <translation>Diskon di atas (%) perlu persetujuan manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes of price labels</source>
        <translation>Awalan label harga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes of weight labels</source>
        <translation>Awalan label berat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prefixes with a verifier digit</source>
        <translation>Awalan dengan digit verifikasi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Value after the verifier digit</source>
        <translation>Nilai setelah digit verifikasi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>e.g. Toko Maju</source>
        <translation>mis. Toko Maju</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>printed on receipts, e.g. Jl. Merdeka 1</source>
        <translation>dicetak di struk, mis. Jl. Merdeka 1</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Letters, digits or '-', up to 16; different for each till of the shop</source>
        <translation>Huruf, angka, atau '-', paling banyak 16; berbeda untuk setiap kasir di toko</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura; or type another time zone name</source>
        <translation>WIB: Asia/Jakarta, WITA: Asia/Makassar, WIT: Asia/Jayapura; atau ketik nama zona waktu lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sales before this local time count for the previous day, e.g. 04:00 for a shop open past midnight</source>
        <translation>Penjualan sebelum jam setempat ini dihitung untuk hari sebelumnya, mis. 04:00 untuk toko yang buka lewat tengah malam</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sent as the walk-in customer's e-mail, so ecommpay asks the customer nothing</source>
        <translation>Dikirim sebagai email pelanggan toko, sehingga ecommpay tidak perlu menanyakan apa pun kepada pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay Gate requires the customer's IP address; refunds need it too</source>
        <translation>ecommpay Gate mewajibkan alamat IP pelanggan; refund juga memerlukannya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>A discount taking more than this share of a line or the basket needs a manager's PIN; 0 asks for every discount, 100 for none</source>
        <translation>Diskon yang mengambil lebih dari bagian ini dari satu baris atau keranjang perlu PIN manajer; 0 untuk setiap diskon, 100 untuk tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Labels starting with these carry the price in rupiah: PP IIIII VVVVV C; e.g. 20-24, or 20,21,23</source>
        <translation>Label yang diawali angka ini memuat harga dalam rupiah: PP IIIII VVVVV C; mis. 20-24, atau 20,21,23</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Labels starting with these carry the weight in grams; e.g. 25-29</source>
        <translation>Label yang diawali angka ini memuat berat dalam gram; mis. 25-29</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Those of the prefixes above whose labels carry a verifier digit K before the value, if the scale prints one</source>
        <translation>Awalan di atas yang labelnya memuat digit verifikasi K sebelum nilainya, jika timbangan mencetaknya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Print the receipt after every sale</source>
        <translation>Cetak struk setiap selesai penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>A cash drawer hangs off the printer: open it for cash, never for QR</source>
        <translation>Laci kas tersambung ke printer: dibuka untuk tunai, tidak pernah untuk QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The shop is a PKP: charge PPN on taxable products</source>
        <translation>Toko adalah PKP: kenakan PPN pada produk kena pajak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Prices include PPN</source>
        <translation>Harga sudah termasuk PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sandbox: simulated payments inside Kasir, no real money</source>
        <translation>Sandbox: pembayaran simulasi di dalam Kasir, bukan uang sungguhan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet: DOKU's own API</source>
        <translation>DOKU Wallet: API DOKU langsung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet through ecommpay (Payment Page)</source>
        <translation>DOKU Wallet melalui ecommpay (Payment Page)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>DOKU Wallet through ecommpay (Gate)</source>
        <translation>DOKU Wallet melalui ecommpay (Gate)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Sandbox: test payments, no real money</source>
        <translation>Sandbox: pembayaran uji coba, bukan uang sungguhan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Production: real payments</source>
        <translation>Produksi: pembayaran sungguhan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The system's language</source>
        <translation>Bahasa sistem</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>80 mm (48 characters a line)</source>
        <translation>80 mm (48 karakter per baris)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>58 mm (32 characters a line)</source>
        <translation>58 mm (32 karakter per baris)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>5 digits: PP IIII K VVVVV C, 4-digit item codes</source>
        <translation>5 digit: PP IIII K VVVVV C, kode barang 4 digit</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>4 digits: PP IIIII K VVVV C, 5-digit item codes (up to Rp 9.999 or 9,999 g)</source>
        <translation>4 digit: PP IIIII K VVVV C, kode barang 5 digit (sampai Rp 9.999 atau 9,999 g)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>set — type to replace</source>
        <translation>sudah diatur — ketik untuk mengganti</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>not set</source>
        <translation>belum diatur</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay answers.</source>
        <translation>Relay menjawab.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay cannot be reached: check the relay address and the internet connection.</source>
        <translation>Relay tidak dapat dihubungi: periksa alamat relay dan koneksi internet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay answers but cannot store notifications: tell its operator.</source>
        <translation>Relay menjawab tetapi tidak dapat menyimpan notifikasi: beri tahu pengelolanya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>No relay is set up: fill in the relay address and the terminal token.</source>
        <translation>Relay belum diatur: isi alamat relay dan token terminal.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay accepts this terminal's token.</source>
        <translation>Relay menerima token terminal ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay refused the token: check it, or ask the relay's operator for a new one.</source>
        <translation>Relay menolak token: periksa token, atau minta yang baru kepada pengelola relay.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The relay stopped answering while the token was checked.</source>
        <translation>Relay berhenti menjawab saat token diperiksa.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider accepts the credentials.</source>
        <translation>Penyedia pembayaran menerima kredensial.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider cannot be reached: check the internet connection.</source>
        <translation>Penyedia pembayaran tidak dapat dihubungi: periksa koneksi internet.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>The payment provider refused the credentials: check the ID and the secret key.</source>
        <translation>Penyedia pembayaran menolak kredensial: periksa ID dan secret key.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay accepts the refund (payout) credentials.</source>
        <translation>ecommpay menerima kredensial refund (payout).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay cannot be reached for refunds.</source>
        <translation>ecommpay tidak dapat dihubungi untuk refund.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>ecommpay refused the refund credentials: check the ecommpay project ID and secret key.</source>
        <translation>ecommpay menolak kredensial refund: periksa project ID dan secret key ecommpay.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>Refunds are not set up: they need the ecommpay project ID, secret key and the shop's public IP address.</source>
        <translation>Refund belum diatur: memerlukan project ID dan secret key ecommpay serta alamat IP publik toko.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/settings_form.py"/>
        <source>{service}: an unexpected answer.</source>
        <translation>{service}: jawaban tidak terduga.</translation>
    </message>
</context>
<context>
    <name>SettingsTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Running now</source>
        <translation>Yang berjalan sekarang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Shop and receipts</source>
        <translation>Toko dan struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>PPN and discounts</source>
        <translation>PPN dan diskon</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Payments and refunds</source>
        <translation>Pembayaran dan refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Receipt printer</source>
        <translation>Printer struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Barcodes and scale labels</source>
        <translation>Barcode dan label timbangan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>After a restart, labels with a verifier digit are read this way: enter the scale's products again with item codes of this length.</source>
        <translation>Setelah Kasir dimulai ulang, label dengan digit verifikasi dibaca seperti ini: masukkan lagi produk timbangan dengan kode barang sepanjang ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Test connection</source>
        <translation>Tes koneksi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save settings</source>
        <translation>Simpan pengaturan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Kasir writes what happens on this terminal to {file} (older files beside it). When asking for help, save a support bundle and send it: the log files, the versions and these settings, without any secret.</source>
        <translation>Kasir mencatat apa yang terjadi di terminal ini ke {file} (berkas lama di sebelahnya). Saat meminta bantuan, simpan paket dukungan dan kirimkan: berkas log, versi, dan pengaturan ini, tanpa rahasia apa pun.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save support bundle…</source>
        <translation>Simpan paket dukungan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Log and support</source>
        <translation>Log dan dukungan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Nothing was saved: correct what is listed below.</source>
        <translation>Tidak ada yang disimpan: perbaiki yang tercantum di bawah.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</source>
        <translation>Sandbox berjalan di dalam Kasir bersama terminal: tidak ada layanan di luar yang perlu dites.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the services inside Kasir this terminal runs on…</source>
        <translation>Mengetes layanan di dalam Kasir yang dipakai terminal ini…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the connections…</source>
        <translation>Mengetes koneksi…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Correct what is listed below before testing.</source>
        <translation>Perbaiki yang tercantum di bawah sebelum mengetes.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Save a support bundle</source>
        <translation>Simpan paket dukungan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Zip files (*.zip)</source>
        <translation>Berkas zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saving the support bundle to {path}…</source>
        <translation>Menyimpan paket dukungan ke {path}…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Support bundle saved to {path} ({size} KB): the log files, the versions and the settings, without secrets.</source>
        <translation>Paket dukungan disimpan ke {path} ({size} KB): berkas log, versi, dan pengaturan, tanpa rahasia.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not save the support bundle: {error}</source>
        <translation>Paket dukungan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The settings file has problems; these fields show their defaults:</source>
        <translation>Berkas pengaturan bermasalah; kolom berikut menampilkan nilai bawaannya:</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not read the settings file: {error}</source>
        <translation>Berkas pengaturan tidak dapat dibaca: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Nothing changed: the settings file stays as it was.</source>
        <translation>Tidak ada yang berubah: berkas pengaturan tetap seperti semula.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saved to {file}: {keys}. Restart Kasir to use the new settings; until then the till keeps its current ones, so no payment in progress is switched over.</source>
        <translation>Disimpan ke {file}: {keys}. Mulai ulang Kasir untuk memakai pengaturan baru; sampai saat itu kasir tetap memakai pengaturan yang sekarang, sehingga tidak ada pembayaran yang sedang berjalan yang dialihkan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Could not save the settings: {error}</source>
        <translation>Pengaturan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>{count} of {total} checks failed.</source>
        <translation>{count} dari {total} pemeriksaan gagal.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Everything answers as it should.</source>
        <translation>Semua menjawab dengan benar.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The test itself failed: {error}</source>
        <translation>Tesnya sendiri gagal: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Demo mode runs on services inside Kasir (a payment simulator and a relay), so settings are not saved here. To set up real payments, start Kasir without --demo.</source>
        <translation>Mode demo berjalan dengan layanan di dalam Kasir (simulator pembayaran dan relay), sehingga pengaturan tidak disimpan di sini. Untuk mengatur pembayaran sungguhan, jalankan Kasir tanpa --demo.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saved to {file}. Kasir reads its settings when it starts, so what you save applies after a restart. Secret fields never show a saved secret: leave one empty to keep it, type to replace it.</source>
        <translation>Disimpan ke {file}. Kasir membaca pengaturannya saat dimulai, sehingga yang Anda simpan berlaku setelah dimulai ulang. Kolom rahasia tidak pernah menampilkan rahasia yang tersimpan: kosongkan untuk tetap memakainya, ketik untuk menggantinya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>These environment variables win over the file: {names}.</source>
        <translation>Variabel lingkungan berikut mengalahkan isi berkas: {names}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>test payments, no real money</source>
        <translation>pembayaran uji coba, bukan uang sungguhan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>ecommpay Gate payouts to DOKU Wallet</source>
        <translation>payout ecommpay Gate ke DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>the sandbox's demo project</source>
        <translation>proyek demo sandbox</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>not available; needs {keys}</source>
        <translation>tidak tersedia; memerlukan {keys}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Payment provider</source>
        <translation>Penyedia pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Terminal</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Refunds</source>
        <translation>Refund</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Testing the connection…</source>
        <translation>Mengetes koneksi…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Could not save the settings: {error}</source>
        <translation>Pengaturan tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Set up Kasir</source>
        <translation>Atur Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Try demo mode</source>
        <translation>Coba mode demo</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>&lt; Back</source>
        <translation>&lt; Kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Next &gt;</source>
        <translation>Lanjut &gt;</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Save and start</source>
        <translation>Simpan dan mulai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>The test itself failed: {error}</source>
        <translation>Tesnya sendiri gagal: {error}</translation>
    </message>
</context>
<context>
    <name>Shift</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Type the amount in whole rupiah, like 50.000.</source>
        <translation>Ketik jumlahnya dalam rupiah penuh, misalnya 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>an amount cannot be negative</source>
        <translation>jumlah tidak boleh negatif</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Shift of {name}</source>
        <translation>Shift {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash in…</source>
        <translation>Kas masuk…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Cash out…</source>
        <translation>Kas keluar…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Close shift with this count</source>
        <translation>Tutup shift dengan hitungan ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Back to the till (Esc)</source>
        <translation>Kembali ke kasir (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Expected cash</source>
        <translation>Tunai seharusnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Counted cash</source>
        <translation>Tunai dihitung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Opening float {float} · cash sales {sales} ({count}) · cash in {cash_in} · cash out {cash_out}</source>
        <translation>Modal awal {float} · penjualan tunai {sales} ({count}) · kas masuk {cash_in} · kas keluar {cash_out}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Close the shift</source>
        <translation>Tutup shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>The count {counted} differs from the expected cash by {difference}. Close the shift with this count? It cannot be changed afterwards.</source>
        <translation>Hitungan {counted} berbeda {difference} dari tunai seharusnya. Tutup shift dengan hitungan ini? Hitungan tidak dapat diubah sesudahnya.</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <location filename="../../pos_app/gui/shift_dialogs.py"/>
        <source>Shift report</source>
        <translation>Laporan shift</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Welcome to Kasir</source>
        <translation>Selamat datang di Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/setup_wizard.py"/>
        <source>Set up this terminal to take payments. You need the credentials of your payment provider, and the relay's address and this terminal's token from whoever runs your relay. Just looking? Try demo mode: it needs no account.</source>
        <translation>Atur terminal ini agar dapat menerima pembayaran. Anda memerlukan kredensial dari penyedia pembayaran, serta alamat relay dan token terminal ini dari pengelola relay Anda. Hanya ingin melihat-lihat? Coba mode demo: tidak perlu akun.</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Enter your PIN</source>
        <translation>Masukkan PIN Anda</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Delete the last digit</source>
        <translation>Hapus angka terakhir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Sign in (Enter)</source>
        <translation>Masuk (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/sign_in.py"/>
        <source>Too many wrong PINs. Try again in {time}.</source>
        <translation>Terlalu banyak PIN salah. Coba lagi dalam {time}.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>completed</source>
        <translation>selesai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cancelled</source>
        <translation>dibatalkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>created</source>
        <translation>dibuat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>pending</source>
        <translation>menunggu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>paid</source>
        <translation>lunas</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>declined</source>
        <translation>ditolak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>failed</source>
        <translation>gagal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refunded</source>
        <translation>dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>late</source>
        <translation>terlambat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>amount differs</source>
        <translation>jumlah berbeda</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>report kept apart</source>
        <translation>laporan disisihkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refunded at the provider</source>
        <translation>dikembalikan di penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>returned beyond the refund</source>
        <translation>retur melebihi refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refund paid after failing</source>
        <translation>refund dibayar setelah gagal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout reversed</source>
        <translation>payout ditarik kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout amount differs</source>
        <translation>jumlah payout berbeda</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>payout report contradicts</source>
        <translation>laporan payout bertentangan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>return not paid</source>
        <translation>retur belum dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>refund not paid</source>
        <translation>refund belum dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cash</source>
        <translation>tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>cashier</source>
        <translation>kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>manager</source>
        <translation>manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>relay</source>
        <translation>relay</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>status check</source>
        <translation>cek status</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>terminal</source>
        <translation>terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>applied</source>
        <translation>diterapkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>repeated</source>
        <translation>berulang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>ignored</source>
        <translation>diabaikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>kept apart</source>
        <translation>disisihkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>provider</source>
        <translation>penyedia</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/labels.py"/>
        <source>upgrade</source>
        <translation>pembaruan</translation>
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
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>No one can sign in yet: a manager must first add users to this terminal.</source>
        <translation>Belum ada yang dapat masuk: manajer harus menambahkan pengguna ke terminal ini terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Wrong PIN. Try again.</source>
        <translation>PIN salah. Coba lagi.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>PIN tidak dapat diperiksa: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Business day {closed} is closed: sales now go to business day {day}.</source>
        <translation>Hari usaha {closed} sudah ditutup: penjualan sekarang masuk ke hari usaha {day}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>Payment notifications arrive through {url}</source>
        <translation>Notifikasi pembayaran masuk melalui {url}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} cannot be reached; the payment service is asked directly meanwhile</source>
        <translation>{url} tidak dapat dihubungi; sementara itu layanan pembayaran ditanya langsung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} refused this terminal's token; the relay operator must issue a new one</source>
        <translation>{url} menolak token terminal ini; pengelola relay harus menerbitkan token baru</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/app.py"/>
        <source>{url} answers, but its payment events could not be applied on this terminal: {cause}. They are fetched again until they apply; meanwhile the payment service is asked directly.</source>
        <translation>{url} menjawab, tetapi kejadian pembayarannya tidak dapat diterapkan di terminal ini: {cause}. Kejadian itu diambil lagi sampai berhasil diterapkan; sementara itu layanan pembayaran ditanya langsung.</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Active</source>
        <translation>Aktif</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Add user</source>
        <translation>Tambah pengguna</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>New user</source>
        <translation>Pengguna baru</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>PIN (4 to 8 digits)</source>
        <translation>PIN (4 sampai 8 angka)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Reset PIN</source>
        <translation>Atur ulang PIN</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate…</source>
        <translation>Nonaktifkan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Selected user</source>
        <translation>Pengguna terpilih</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>New PIN</source>
        <translation>PIN baru</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} can now sign in as {role}.</source>
        <translation>{name} sekarang dapat masuk sebagai {role}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} has a new PIN.</source>
        <translation>{name} memiliki PIN baru.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate user</source>
        <translation>Nonaktifkan pengguna</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>Deactivate {name}? They can no longer sign in; their sales stay.</source>
        <translation>Nonaktifkan {name}? Pengguna ini tidak dapat masuk lagi; penjualannya tetap tersimpan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/users_tab.py"/>
        <source>{name} can no longer sign in.</source>
        <translation>{name} tidak dapat masuk lagi.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>relay {url} unreachable: {cause}</source>
        <translation>relay {url} tidak dapat dihubungi: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>relay {url} answered {status}</source>
        <translation>relay {url} menjawab {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/clients/relay_client.py"/>
        <source>the relay refused this terminal's token</source>
        <translation>relay menolak token terminal ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/commands/common.py"/>
        <source>{target} is the terminal's database; give another file name to write</source>
        <translation>{target} adalah basis data terminal ini; beri nama file lain untuk ditulis</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid EAN-13: its check digit is wrong</source>
        <translation>barcode {barcode} bukan EAN-13 yang sah: digit pemeriksanya salah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid UPC-A: its check digit is wrong</source>
        <translation>barcode {barcode} bukan UPC-A yang sah: digit pemeriksanya salah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its check digit is wrong</source>
        <translation>barcode {barcode} bukan EAN-8 maupun UPC-E yang sah: digit pemeriksanya salah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is not a valid GTIN-14: its check digit is wrong</source>
        <translation>barcode {barcode} bukan GTIN-14 yang sah: digit pemeriksanya salah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither a valid EAN-8 nor a UPC-E: its EAN-8 check digit is wrong, and a UPC-E starts with 0</source>
        <translation>barcode {barcode} bukan EAN-8 maupun UPC-E yang sah: digit pemeriksa EAN-8-nya salah, dan UPC-E selalu diawali 0</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{body} is not digits 0-9, so it has no check digit</source>
        <translation>{body} bukan angka 0-9, jadi tidak punya digit pemeriksa</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{code} is not a UPC-E: 8 digits 0-9</source>
        <translation>{code} bukan UPC-E: 8 angka 0-9</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is neither an EAN-13, EAN-8, UPC-A or UPC-E with its check digit nor an in-store code (letters, digits and -, at most {most})</source>
        <translation>barcode {barcode} bukan EAN-13, EAN-8, UPC-A, atau UPC-E dengan digit pemeriksa yang benar, dan bukan kode toko (huruf, angka, dan -, paling banyak {most})</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefix 02 (a UPC-A label of number system 2) is not read: set the scale to print EAN-13 labels with a prefix from 20 to 29</source>
        <translation>prefiks 02 (label UPC-A sistem nomor 2) tidak dibaca: atur timbangan agar mencetak label EAN-13 dengan prefiks 20 sampai 29</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>expected prefixes from 20 to 29 such as 20-24 or 20,21, got {value}</source>
        <translation>harus awalan dari 20 sampai 29, misalnya 20-24 atau 20,21, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>{value} is not 4 or 5 digits 0-9, so it has no verifier digit</source>
        <translation>{value} bukan 4 atau 5 digit 0-9, jadi tidak punya digit verifikasi</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefixes {prefixes} cannot carry both a price and a weight</source>
        <translation>awalan {prefixes} tidak dapat berisi harga sekaligus berat</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>prefixes {prefixes} carry a verifier digit but neither a price nor a weight</source>
        <translation>prefiks {prefixes} memuat digit verifikasi tetapi bukan harga maupun berat</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>a verifier digit checks a value of 4 digits (PP IIIII K VVVV C) or 5 (PP IIII K VVVVV C), not {digits}</source>
        <translation>digit verifikasi memeriksa nilai 4 digit (PP IIIII K VVVV C) atau 5 (PP IIII K VVVVV C), bukan {digits}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is a scale's label with its verifier digit wrong: scan it again, or weigh and label the item again</source>
        <translation>barcode {barcode} adalah label timbangan dengan digit verifikasi yang salah: pindai lagi, atau timbang dan beri label ulang</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/barcodes.py"/>
        <source>barcode {barcode} is a scale's label with its price or weight: give the item's code, with 00000 in their place ({item})</source>
        <translation>barcode {barcode} adalah label timbangan berisi harga atau berat: isi kode barangnya, dengan 00000 di tempat harga atau berat itu ({item})</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{sku} is not in the basket</source>
        <translation>{sku} tidak ada di keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name} is no longer sold</source>
        <translation>{name} sudah tidak dijual</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name}: quantity must be a whole number</source>
        <translation>{name}: jumlah harus bilangan bulat</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>{name} is priced by its label: scan each label instead of a quantity</source>
        <translation>harga {name} ada di labelnya: pindai setiap label, jangan isi jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>{name}: quantity must be between 1 and {most}, got {quantity}</source>
        <translation>{name}: jumlah harus antara 1 dan {most}, bukan {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/basket.py"/>
        <source>the basket total would be {total}, above the limit of {limit}</source>
        <translation>total keranjang akan menjadi {total}, melebihi batas {limit}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/business_day.py"/>
        <source>time zone {zone} is unknown; expected an IANA name like 'Asia/Jakarta'</source>
        <translation>zona waktu {zone} tidak dikenal; isi nama IANA seperti 'Asia/Jakarta'</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>sku must not be empty</source>
        <translation>SKU tidak boleh kosong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: name must not be empty</source>
        <translation>produk {sku}: nama tidak boleh kosong</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: name is {length} characters, at most {most} allowed</source>
        <translation>produk {sku}: nama {length} karakter, paling banyak {most}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: {problem}</source>
        <translation>produk {sku}: {problem}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: price</source>
        <translation>produk {sku}: harga</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog.py"/>
        <source>product {sku}: the {field} holds a control character (a tab, a line break…)</source>
        <translation>produk {sku}: kolom {field} berisi karakter kendali (tab, ganti baris…)</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>byte {byte} is not UTF-8 text; save the file as "CSV UTF-8" and import it again</source>
        <translation>byte {byte} bukan teks UTF-8; simpan berkas sebagai "CSV UTF-8" lalu impor lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>a cell is longer than {most} characters; the line cannot be read</source>
        <translation>ada sel yang lebih dari {most} karakter; baris ini tidak dapat dibaca</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>sku {key} already on line {line}</source>
        <translation>SKU {key} sudah ada di baris {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>the file is empty; its first line must be the header {columns}</source>
        <translation>berkas kosong; baris pertamanya harus baris judul {columns}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>header must be {columns} (tax_class may be left out), in this order; found {found}</source>
        <translation>baris judul harus {columns} (tax_class boleh tidak ada), dengan urutan ini; yang ada {found}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {key} already on line {line}</source>
        <translation>barcode {key} sudah ada di baris {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {key} is the same code as {other} on line {line}</source>
        <translation>barcode {key} adalah kode yang sama dengan {other} di baris {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>barcode {barcode} already belongs to product {owner}</source>
        <translation>barcode {barcode} sudah dipakai produk {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>expected {expected} columns, found {found}</source>
        <translation>seharusnya {expected} kolom, ada {found}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>price {price} is not a whole number of rupiah</source>
        <translation>harga {price} bukan rupiah utuh</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>price has {digits} digits; a price is at most {most}</source>
        <translation>harga berisi {digits} angka; harga paling tinggi {most}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/catalog_csv.py"/>
        <source>tax class {tax_class} is not one of {classes}</source>
        <translation>kelas pajak {tax_class} bukan salah satu dari {classes}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount must be a whole number, got {value}</source>
        <translation>diskon harus bilangan bulat, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount must be more than 0 and at most {most}, got {value}</source>
        <translation>diskon harus lebih dari 0 dan paling banyak {most}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>a discount of {discount} is more than the {gross} it is given on</source>
        <translation>diskon {discount} melebihi {gross} yang didiskon</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>discount {text}: expected a percentage like 10% or 12,5%</source>
        <translation>diskon {text}: harus persentase seperti 10% atau 12,5%</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/discounts.py"/>
        <source>discount {text}: a percentage is at most 100%</source>
        <translation>diskon {text}: persentase paling banyak 100%</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/lifecycles.py"/>
        <source>a new {subject} is {starts}, never {new}</source>
        <translation>{subject} baru berstatus {starts}, tidak pernah {new}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/lifecycles.py"/>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{name} is {current}; it cannot become {new}</source>
        <translation>{name} berstatus {current}; tidak dapat menjadi {new}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: expected a whole number of rupiah, like Rp 12.500</source>
        <translation>jumlah {text}: isi rupiah tanpa sen, misalnya Rp 12.500</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: write thousands with dots, like {dotted}; a comma only starts decimals, like 12.500,00</source>
        <translation>jumlah {text}: tulis ribuan dengan titik, misalnya {dotted}; koma hanya untuk desimal, misalnya 12.500,00</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>amount {text}: rupiah amounts have no fraction</source>
        <translation>jumlah {text}: rupiah tidak memakai sen</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>{field} must be between {low} and {high}, got {value}</source>
        <translation>{field} harus antara {low} dan {high}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/money.py"/>
        <source>{field} must be an integer number of rupiah, got {value}</source>
        <translation>{field} harus rupiah utuh, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/printer_address.py"/>
        <source>expected a printer as tcp://HOST:PORT, usb://VENDOR:PRODUCT (hexadecimal ids) or serial:DEVICE, got {value}</source>
        <translation>harus printer berupa tcp://HOST:PORT, usb://VENDOR:PRODUCT (ID heksadesimal), atau serial:DEVICE, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/returns.py"/>
        <source>{name}: return a whole number of items, 1 or more, got {quantity}</source>
        <translation>{name}: jumlah retur harus bilangan bulat, 1 atau lebih, bukan {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/returns.py"/>
        <source>{name}: {quantity} returned, but only {left} of {sold} can still come back</source>
        <translation>{name}: {quantity} diretur, padahal hanya {left} dari {sold} yang masih bisa dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/scale_labels.py"/>
        <source>{name}: the label is worth Rp 0; weigh or price it again</source>
        <translation>{name}: nilai labelnya Rp 0; timbang atau beri harga lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>a tax rate must be between 0 and 100 %, got {rate}</source>
        <translation>tarif pajak harus antara 0 dan 100 %, bukan {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>the DPP fraction must be between 0 and 1, got {numerator}/{denominator}</source>
        <translation>pecahan DPP harus antara 0 dan 1, bukan {numerator}/{denominator}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>tax rate {text}: expected a date, a rate and an optional DPP fraction, like 2025-01-01 12 11/12</source>
        <translation>tarif pajak {text}: harus berisi tanggal, tarif, dan pecahan DPP (boleh dikosongkan), seperti 2025-01-01 12 11/12</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/tax.py"/>
        <source>no PPN rate is set for tax class {tax_class} on {day}</source>
        <translation>belum ada tarif PPN untuk kelas pajak {tax_class} pada {day}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/toml_files.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>cannot read {path}: {why}</source>
        <translation>tidak dapat membaca {path}: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/domain/toml_files.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} is not UTF-8 text</source>
        <translation>{path} bukan teks UTF-8</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU order {invoice}: the create was replayed unverified and the status check failed ({error}); try again later</source>
        <translation>pesanan DOKU {invoice}: jawaban pembuatan diulang tanpa verifikasi dan cek status gagal ({error}); coba lagi nanti</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU order {invoice}: the create answer was lost and the status check failed ({error}); try again later</source>
        <translation>pesanan DOKU {invoice}: jawaban pembuatan hilang dan cek status gagal ({error}); coba lagi nanti</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU {method} {path}: no answer ({cause})</source>
        <translation>DOKU {method} {path}: tidak ada jawaban ({cause})</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/doku/client.py"/>
        <source>DOKU answered HTTP {status} to {path} ({said}); whether it took effect is unknown until a status check</source>
        <translation>DOKU menjawab HTTP {status} untuk {path} ({said}); apakah permintaan itu berlaku belum diketahui sampai status diperiksa</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/ecommpay/gate.py"/>
        <source>ecommpay POST {path}: no answer ({cause})</source>
        <translation>ecommpay POST {path}: tidak ada jawaban ({cause})</translation>
    </message>
    <message>
        <location filename="../../pos_app/payments/ecommpay/gate.py"/>
        <source>ecommpay answered HTTP {status} to {path} (busy or down); whether it took effect is unknown until a status check</source>
        <translation>ecommpay menjawab HTTP {status} untuk {path} (sibuk atau mati); apakah permintaan itu berlaku belum diketahui sampai status diperiksa</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} cannot be reached (is it on and connected?): {why}</source>
        <translation>Printer struk {address} tidak dapat dihubungi (sudah menyala dan tersambung?): {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} is out of paper</source>
        <translation>Kertas printer struk {address} habis</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} stopped answering: {why}</source>
        <translation>Printer struk {address} tidak merespons lagi: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>The receipt printer {address} stopped answering: it closed the connection</source>
        <translation>Printer struk {address} tidak merespons lagi: printer menutup sambungan</translation>
    </message>
    <message>
        <location filename="../../pos_app/printing/device.py"/>
        <source>What answers at {address} is not a receipt printer: check the printer's address in the settings</source>
        <translation>Yang menjawab di {address} bukan printer struk: periksa alamat printer di pengaturan</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>choose the kinds of rows to export, each once</source>
        <translation>pilih jenis baris yang diekspor, masing-masing sekali</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>a CSV file holds one kind of rows: sale lines, sales or payments</source>
        <translation>file CSV hanya berisi satu jenis baris: rincian penjualan, penjualan, atau pembayaran</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/accountant_files.py"/>
        <source>the Excel workbook needs no CSV option</source>
        <translation>buku kerja Excel tidak memerlukan opsi CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/date_range.py"/>
        <source>the range ends ({last}) before it starts ({first})</source>
        <translation>rentang berakhir ({last}) sebelum dimulai ({first})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Discounts</source>
        <translation>Diskon</translation>
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
        <translation>Penjualan bebas PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Sales at PPN {rate}</source>
        <translation>Penjualan PPN {rate}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>Sales at PPN {rate} ({note})</source>
        <translation>Penjualan PPN {rate} ({note})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>other rate, DPP nilai lain</source>
        <translation>tarif lain, DPP nilai lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/discount_rows.py"/>
        <source>other rate</source>
        <translation>tarif lain</translation>
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
        <translation>ekspor dibatalkan; tidak ada file yang ditulis</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>cannot write {target}: folder {folder} does not exist</source>
        <translation>tidak dapat menulis {target}: folder {folder} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <location filename="../../pos_app/reports/workbook.py"/>
        <source>cannot write {target}: {why}</source>
        <translation>tidak dapat menulis {target}: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a folder; give a file name to write</source>
        <translation>{target} adalah folder; beri nama file untuk ditulis</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a device or a pipe, not a file; give a file name to write</source>
        <translation>{target} adalah perangkat atau pipe, bukan file; beri nama file untuk ditulis</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/output_files.py"/>
        <source>{target} is a database; it is not overwritten, give another file name</source>
        <translation>{target} adalah basis data; file ini tidak ditimpa, beri nama file lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/products_csv.py"/>
        <source>file is larger than {most} bytes</source>
        <translation>file lebih besar dari {most} byte</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Cashier</source>
        <translation>Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Till</source>
        <translation>Terminal</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Business day</source>
        <translation>Hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>still open</source>
        <translation>masih terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Counted by</source>
        <translation>Dihitung oleh</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Opening float</source>
        <translation>Modal awal</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>Cash sales ({count})</source>
        <translation>Penjualan tunai ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/shifts.py"/>
        <source>Cash in</source>
        <translation>Kas masuk</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/till/shifts.py"/>
        <source>Cash out</source>
        <translation>Kas keluar</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash returns</source>
        <translation>Retur tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Expected cash</source>
        <translation>Tunai seharusnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Counted cash</source>
        <translation>Tunai dihitung</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Difference</source>
        <translation>Selisih</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <source>SHIFT REPORT</source>
        <translation>LAPORAN SHIFT</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash drawer</source>
        <translation>Laci kas</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shift_report.py"/>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Discounts and PPN</source>
        <translation>Diskon dan PPN</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>till {till} uploaded no {kind} file</source>
        <translation>kasir {till} tidak mengunggah file {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>the {kind} file of till {till} has a row of {cells} cells, not {columns}</source>
        <translation>file {kind} dari kasir {till} punya baris berisi {cells} sel, bukan {columns}</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>the {kind} file of till {till} has other columns than the other tills' (a till on another Kasir version?); update the tills to the same version</source>
        <translation>file {kind} dari kasir {till} kolomnya berbeda dengan kasir lain (mesin kasir dengan versi Kasir lain?); perbarui semua mesin kasir ke versi yang sama</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>{column} holds {text!r}, not a rate in percent</source>
        <translation>{column} berisi {text!r}, bukan tarif dalam persen</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/shop_files.py"/>
        <source>{column} holds {text!r}, not whole rupiah</source>
        <translation>{column} berisi {text!r}, bukan rupiah utuh</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/workbook.py"/>
        <source>{sheet}: more than {most} rows do not fit in an Excel sheet; export fewer days, or a CSV file</source>
        <translation>{sheet}: lebih dari {most} baris tidak muat dalam satu sheet Excel; ekspor lebih sedikit hari, atau sebagai file CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>of which only in the relay's copy (till restored from a backup)</source>
        <translation>di antaranya hanya di salinan relay (kasir dipulihkan dari cadangan)</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Sales</source>
        <translation>Penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Items sold</source>
        <translation>Barang terjual</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash ({count})</source>
        <translation>Tunai ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>QR {provider} ({count})</source>
        <translation>QR {provider} ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Gross sales</source>
        <translation>Penjualan kotor</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Refunds ({count})</source>
        <translation>Refund ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Returns ({count})</source>
        <translation>Retur ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Payouts reversed ({count})</source>
        <translation>Payout ditarik kembali ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>NET TOTAL</source>
        <translation>TOTAL BERSIH</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cancelled sales</source>
        <translation>Penjualan dibatalkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cancelled QR attempts</source>
        <translation>Pembayaran QR dibatalkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>QR payments still open</source>
        <translation>Pembayaran QR masih terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Late payments ({count})</source>
        <translation>Pembayaran terlambat ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Late payments refunded ({count})</source>
        <translation>Pembayaran terlambat direfund ({count})</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash sales</source>
        <translation>Penjualan tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>of which taken with no shift open</source>
        <translation>di antaranya diterima tanpa shift terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Cash in less cash out</source>
        <translation>Kas masuk dikurangi kas keluar</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>To</source>
        <translation>Sampai</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Z REPORT</source>
        <translation>LAPORAN Z</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Takings</source>
        <translation>Pendapatan</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Exceptions</source>
        <translation>Perlu perhatian</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Shifts</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location filename="../../pos_app/reports/z_report.py"/>
        <source>Still open</source>
        <translation>Masih terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/printer_settings.py"/>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a text, got {kind}</source>
        <translation>harus berupa teks, bukan {kind}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/printer_settings.py"/>
        <source>expected the roll's width in mm, 58 or 80, got {value}</source>
        <translation>harus lebar kertas dalam mm, 58 atau 80, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <location filename="../../pos_app/store/payments.py"/>
        <source>provider: expected one of {choices}, got {provider}</source>
        <translation>penyedia: harus salah satu dari {choices}, bukan {provider}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>PPN is on, but none of these rates applies yet on {day} (today's business day): add the rate in force now</source>
        <translation>PPN aktif, tetapi belum ada tarif ini yang berlaku pada {day} (hari usaha ini): tambahkan tarif yang berlaku sekarang</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>give either {key} or {file_key}, not both</source>
        <translation>isi {key} atau {file_key}, jangan keduanya</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a non-empty text</source>
        <translation>harus berisi teks</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>an inline secret needs the settings file to be readable by its owner only (chmod 600 {path}); or use {file_key} or {variable} instead</source>
        <translation>rahasia yang ditulis langsung memerlukan file pengaturan yang hanya dapat dibaca pemiliknya (chmod 600 {path}); atau pakai {file_key} atau {variable}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a file path</source>
        <translation>harus berisi path file</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>the file path holds a control character (a NUL, a line break…)</source>
        <translation>path file berisi karakter kendali (NUL, ganti baris…)</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} may be read by group or others (mode {mode}); run chmod 600 {path}</source>
        <translation>{path} dapat dibaca grup atau pengguna lain (mode {mode}); jalankan chmod 600 {path}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>cannot read it: there is no file of that name; give the path of the file that holds the secret, not the secret itself</source>
        <translation>tidak dapat dibaca: tidak ada berkas dengan nama itu; berikan path berkas yang berisi rahasia, bukan rahasianya sendiri</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>{path} is empty</source>
        <translation>{path} kosong</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a [{name}] table</source>
        <translation>harus berupa tabel [{name}]</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>unknown setting</source>
        <translation>pengaturan tidak dikenal</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>holds a character that is not plain ASCII; type or paste it again</source>
        <translation>berisi karakter yang bukan ASCII biasa; ketik atau tempel lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected true or false, got {value}</source>
        <translation>harus true atau false, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a list of rates like "2025-01-01 12 11/12"</source>
        <translation>harus daftar tarif seperti "2025-01-01 12 11/12"</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>two rates start on {day}: {rate} and {other}; keep the one that applies</source>
        <translation>dua tarif mulai pada {day}: {rate} dan {other}; simpan yang berlaku</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected one of {choices}, got {value}</source>
        <translation>harus salah satu dari {choices}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a whole number, got {value}</source>
        <translation>harus bilangan bulat, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a whole number from {low} to {high}, got {value}</source>
        <translation>harus bilangan bulat dari {low} sampai {high}, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected 1-16 letters, digits or '-' (starting with a letter or digit), got {value}</source>
        <translation>harus 1-16 huruf, angka, atau '-' (diawali huruf atau angka), bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected a local time as HH:MM (00:00 to 23:59), got {value}</source>
        <translation>harus jam lokal JJ:MM (00:00 sampai 23:59), bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an e-mail address, got {value}</source>
        <translation>harus alamat email, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an IP address, got {value}</source>
        <translation>harus alamat IP, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an http(s) URL, got {value}</source>
        <translation>harus URL http(s), bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>a URL must not hold a user name or password; the secrets have their own settings</source>
        <translation>URL tidak boleh memuat nama pengguna atau kata sandi; rahasia punya pengaturannya sendiri</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>a URL must not hold a query (?...) or a fragment (#...); give the address only</source>
        <translation>URL tidak boleh memuat query (?...) atau fragmen (#...); isi alamatnya saja</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>the port of {host} must be a number from 1 to 65535, got {port}</source>
        <translation>port {host} harus angka 1 sampai 65535, bukan {port}</translation>
    </message>
    <message>
        <location filename="../../pos_app/settings/terminal_config.py"/>
        <source>expected an http(s) URL, got {value} ({why})</source>
        <translation>harus URL http(s), bukan {value} ({why})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>closing a day needs the manager's name</source>
        <translation>menutup hari memerlukan nama manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>business day {day} is already closed</source>
        <translation>hari usaha {day} sudah ditutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/day_closes.py"/>
        <source>business day {day} is already closed by {manager} at {at}</source>
        <translation>hari usaha {day} sudah ditutup oleh {manager} pada {at}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/given_back.py"/>
        <source>no money goes back until this till has read the relay's copy of its days (restored from a backup, it may lack returns and refunds made since): connect to the relay and try again</source>
        <translation>uang belum bisa dikembalikan sampai kasir ini membaca salinan hari-harinya di relay (dipulihkan dari cadangan, kasir ini mungkin belum punya retur dan refund yang dibuat sesudahnya): sambungkan ke relay lalu coba lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/held.py"/>
        <source>an empty basket cannot be put on hold</source>
        <translation>keranjang kosong tidak dapat ditahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/held.py"/>
        <source>held basket {held} does not exist (already recalled?)</source>
        <translation>keranjang tahanan {held} tidak ada (sudah dipanggil?)</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/history.py"/>
        <source>{subject} is no longer {current}</source>
        <translation>{subject} tidak lagi berstatus {current}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/refunds.py"/>
        <location filename="../../pos_app/store/returns.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} does not exist</source>
        <translation>penjualan {sale} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is {status}, not open</source>
        <translation>penjualan {sale} berstatus {status}, tidak terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment amount {amount} differs from the sale total {total}</source>
        <translation>jumlah pembayaran {amount} berbeda dari total penjualan {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>sale {sale} already has payment {invoice} ({state}); check its status or cancel it first</source>
        <translation>penjualan {sale} sudah punya pembayaran {invoice} ({state}); cek statusnya atau batalkan dulu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>invoice number {invoice} was already used</source>
        <translation>nomor invoice {invoice} sudah pernah dipakai</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is {state}, not paid</source>
        <translation>pembayaran {invoice} berstatus {state}, belum dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is not a late payment: a sale has its money already</source>
        <translation>pembayaran {invoice} bukan pembayaran terlambat: uangnya sudah masuk ke penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} paid {paid}, not the {amount} asked: it pays no sale; refund it, or resolve it with a reason</source>
        <translation>pembayaran {invoice} dibayar {paid}, bukan {amount} yang diminta: tidak membayar penjualan mana pun; refund, atau tandai selesai dengan alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} was resolved by a manager: it pays no sale</source>
        <translation>pembayaran {invoice} sudah diselesaikan manajer: tidak membayar penjualan apa pun</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{refunded} of payment {invoice} was refunded at the provider: it no longer pays a sale's total; refund the rest, or resolve it with a reason</source>
        <translation>{refunded} dari pembayaran {invoice} sudah dikembalikan di penyedia: pembayaran ini tidak lagi menutup total penjualan; kembalikan sisanya, atau selesaikan dengan alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>{refunded} of payment {invoice} was refunded before this till was restored from a backup: it pays no sale</source>
        <translation>{refunded} dari pembayaran {invoice} sudah di-refund sebelum kasir ini dipulihkan dari cadangan: pembayaran ini tidak dapat membayar penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is refunded, or being refunded, by payout {payout}</source>
        <translation>pembayaran {invoice} sudah atau sedang direfund lewat payout {payout}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>refunded amount</source>
        <translation>jumlah refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} is no DOKU payment reported refunded</source>
        <translation>pembayaran {invoice} bukan pembayaran DOKU yang dilaporkan di-refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>DOKU refunded at most the {paid} paid, not {refunded}</source>
        <translation>DOKU me-refund paling banyak {paid} yang dibayar, bukan {refunded}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice} does not exist</source>
        <translation>pembayaran {invoice} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/payments.py"/>
        <source>payment {invoice}</source>
        <translation>pembayaran {invoice}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/problem_payments.py"/>
        <source>{payout} is no longer listed as it was: refresh the list</source>
        <translation>{payout} tidak lagi tercantum seperti tadi: muat ulang daftarnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku} was not saved: {error}</source>
        <translation>produk {sku} tidak disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: barcode {barcode} already belongs to product {owner}</source>
        <translation>produk {sku}: barcode {barcode} sudah dipakai produk {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/products.py"/>
        <source>product {sku}: barcode {barcode} is the same code as {other}, which belongs to product {owner}</source>
        <translation>produk {sku}: barcode {barcode} adalah kode yang sama dengan {other}, yang sudah dipakai produk {owner}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund amount</source>
        <translation>jumlah refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the wallet number</source>
        <translation>refund memerlukan nomor wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the customer name</source>
        <translation>refund memerlukan nama pelanggan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a refund needs the approving manager</source>
        <translation>refund memerlukan manajer yang menyetujui</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>a DOKU Wallet number is digits only, like 081234567890</source>
        <translation>nomor DOKU Wallet hanya berisi angka, seperti 081234567890</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund {amount} is more than sale {sale} has left to refund ({left})</source>
        <translation>refund {amount} melebihi sisa yang bisa direfund dari penjualan {sale} ({left})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} is not a payment of sale {sale}</source>
        <translation>pembayaran {invoice} bukan pembayaran penjualan {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} is a sale's takings (a manager attached it): refund that sale instead</source>
        <translation>pembayaran {invoice} sudah menjadi pendapatan sebuah penjualan (dilampirkan oleh manajer): kembalikan dana lewat penjualan itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>payment {invoice} was resolved by a manager: nothing of it is left to refund</source>
        <translation>pembayaran {invoice} sudah diselesaikan oleh manajer: tidak ada lagi yang bisa dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/refunds.py"/>
        <source>refund {payout} does not exist</source>
        <translation>refund {payout} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt}: its provider refunded {refunded} that no return accounts for; a return recorded as refunded outside Kasir takes no more items than that</source>
        <translation>struk {receipt}: penyedianya mengembalikan {refunded} yang belum dicatat oleh retur mana pun; retur yang dicatat sebagai dikembalikan di luar Kasir tidak boleh mengambil barang lebih dari jumlah itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>no completed sale has receipt number {number}</source>
        <translation>tidak ada penjualan selesai dengan nomor struk {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>sale {sale} is {status}: only a completed sale takes returns</source>
        <translation>penjualan {sale} berstatus {status}: hanya penjualan selesai yang dapat diretur</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a return needs the approving manager</source>
        <translation>retur memerlukan manajer yang menyetujui</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a wallet return, and only one, names the wallet to pay</source>
        <translation>nomor wallet diisi untuk retur ke wallet, dan hanya untuk itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>a return needs at least one item</source>
        <translation>retur memerlukan paling sedikit satu barang</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt}: its money cannot go back as {method}</source>
        <translation>struk {receipt}: uangnya tidak dapat dikembalikan lewat {method}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>receipt {receipt} has no line {line}</source>
        <translation>struk {receipt} tidak punya baris {line}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {amount} is more than sale {sale} has left to refund ({left})</source>
        <translation>retur {amount} melebihi sisa yang bisa direfund dari penjualan {sale} ({left})</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} does not exist</source>
        <translation>retur {number} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>open your shift first (F5): cash goes back from an open shift's drawer</source>
        <translation>buka shift dulu (F5): uang tunai dikembalikan dari laci shift yang terbuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>cannot give back {amount} in cash: the drawer should hold only {expected}</source>
        <translation>tidak dapat mengembalikan {amount} secara tunai: laci seharusnya hanya berisi {expected}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} of receipt {receipt} is not a wallet return left unpaid: it was paid, made again or resolved already, or its items or money have gone back since</source>
        <translation>retur {number} dari struk {receipt} bukan retur ke wallet yang belum dibayar: retur itu sudah dibayar, sudah dibuat lagi atau sudah diselesaikan, atau barang atau uangnya sudah dikembalikan sejak itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>return {number} is made again with the same items, no more and no fewer</source>
        <translation>retur {number} dibuat lagi dengan barang yang sama, tidak lebih dan tidak kurang</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/returns.py"/>
        <source>{name}: {wanted} to return, but only {free} can be: the others came back with return {number}, whose wallet payout failed; make that return again, or have a manager resolve it first</source>
        <translation>{name}: {wanted} akan diretur, tetapi hanya {free} yang bisa: sisanya sudah kembali dengan retur {number}, yang payout-nya ke wallet gagal; buat ulang retur itu, atau minta manajer menyelesaikannya dulu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sale_lookup.py"/>
        <source>give a receipt or invoice number, an amount or a time</source>
        <translation>isi nomor struk atau invoice, jumlah, atau waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sale_lookup.py"/>
        <source>the time range ends before it starts</source>
        <translation>rentang waktu berakhir sebelum dimulai</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>a sale needs at least one line</source>
        <translation>penjualan memerlukan paling sedikit satu baris</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>a sale needs the cashier's name</source>
        <translation>penjualan memerlukan nama kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale total</source>
        <translation>total penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>cash received</source>
        <translation>uang diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>cash received {received} is less than the total {total}</source>
        <translation>uang diterima {received} kurang dari total {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is kept apart for the manager (late, or for another amount): it completes no sale by itself</source>
        <translation>pembayaran {invoice} disimpan untuk manajer (terlambat, atau jumlahnya berbeda): tidak menyelesaikan penjualan dengan sendirinya</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is for {amount}, the sale total is {total}</source>
        <translation>pembayaran {invoice} sebesar {amount}, total penjualan {total}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is {status}: it was paid already, and payment {invoice} would pay it twice; refund the payment instead</source>
        <translation>penjualan {sale} berstatus {status}: sudah dibayar, dan pembayaran {invoice} akan membayarnya dua kali; refund pembayarannya saja</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} is for {amount} and sale {sale} totals {total}: only a sale of exactly that total can take it</source>
        <translation>pembayaran {invoice} sebesar {amount} dan total penjualan {sale} {total}: hanya penjualan dengan total yang sama persis yang dapat menerimanya</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} was made for sale {sale}, which is still open: attach the payment to that sale</source>
        <translation>pembayaran {invoice} dibuat untuk penjualan {sale}, yang masih terbuka: lampirkan pembayarannya ke penjualan itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} still waits for payment {invoice} ({state}); check its status or resolve it first</source>
        <translation>penjualan {sale} masih menunggu pembayaran {invoice} ({state}); cek statusnya atau selesaikan dulu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is paid by payment {invoice} already</source>
        <translation>penjualan {sale} sudah dibayar dengan pembayaran {invoice}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} has its own late payment {own} waiting: attach that one to it; payment {invoice} would pay the sale twice</source>
        <translation>penjualan {sale} punya pembayaran terlambatnya sendiri {own} yang menunggu: lampirkan pembayaran itu ke penjualan ini; pembayaran {invoice} akan membayarnya dua kali</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payout {payout} refunds money of sale {sale} without naming a payment; attaching {invoice} would change what it paid back</source>
        <translation>payout {payout} merefund uang penjualan {sale} tanpa menyebut pembayarannya; melampirkan {invoice} akan mengubah apa yang sudah dikembalikan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} is paid already: the customer paid {amount} by QR (payment {invoice_number}); complete the sale with that payment</source>
        <translation>penjualan {sale} sudah dibayar: pelanggan membayar {amount} lewat QR (pembayaran {invoice_number}); selesaikan penjualan dengan pembayaran itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>sale {sale} has a paid payment {invoice}; complete the sale instead of cancelling it</source>
        <translation>penjualan {sale} punya pembayaran {invoice} yang sudah dibayar; selesaikan penjualannya, jangan dibatalkan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>payment {invoice} belongs to sale {sale}</source>
        <translation>pembayaran {invoice} milik penjualan {sale}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: {name} must be a whole number, got {value}</source>
        <translation>{sku}: {name} harus bilangan bulat, bukan {value}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: quantity must be between 1 and {most}, got {quantity}</source>
        <translation>{sku}: jumlah harus antara 1 dan {most}, bukan {quantity}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/sales.py"/>
        <source>{sku}: unit price</source>
        <translation>{sku}: harga satuan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>the shift of {cashier}, open on this till since {since}, holds its drawer: it must be counted and closed before another shift opens</source>
        <translation>shift {cashier}, terbuka di kasir ini sejak {since}, memegang lacinya: shift itu harus dihitung dan ditutup sebelum shift lain dibuka</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>opening float</source>
        <translation>modal awal</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a shift needs the cashier's name</source>
        <translation>shift memerlukan nama kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>{cashier} has a shift open on this till already</source>
        <translation>{cashier} sudah punya shift terbuka di kasir ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a cash movement needs an amount other than 0</source>
        <translation>kas masuk/keluar memerlukan jumlah selain 0</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>cash movement</source>
        <translation>kas masuk/keluar</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>a cash movement needs a reason</source>
        <translation>kas masuk/keluar memerlukan alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>cannot take out {amount}: the drawer should hold only {expected}</source>
        <translation>tidak dapat mengambil {amount}: laci seharusnya hanya berisi {expected}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>closing a shift needs the name of who counted</source>
        <translation>menutup shift memerlukan nama yang menghitung</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>the shift of {cashier} is closed already</source>
        <translation>shift {cashier} sudah ditutup</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/shifts.py"/>
        <source>shift {shift} does not exist</source>
        <translation>shift {shift} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>role: expected cashier or manager, got {role}</source>
        <translation>peran: harus kasir atau manajer, bukan {role}</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a user named {name} already exists</source>
        <translation>pengguna bernama {name} sudah ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>user {user} does not exist</source>
        <translation>pengguna {user} tidak ada</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>that PIN is already in use; choose another one</source>
        <translation>PIN itu sudah dipakai; pilih PIN lain</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>too many wrong PINs; try again in {seconds} seconds</source>
        <translation>terlalu sering salah PIN; coba lagi dalam {seconds} detik</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a PIN is 4 to 8 digits</source>
        <translation>PIN terdiri dari 4 sampai 8 angka</translation>
    </message>
    <message>
        <location filename="../../pos_app/store/users.py"/>
        <source>a user's name is 1 to {most} characters</source>
        <translation>nama pengguna 1 sampai {most} karakter</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>{name} is not an active manager</source>
        <translation>{name} bukan manajer aktif</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>no cash drawer is set up on this till's receipt printer</source>
        <translation>belum ada laci kas yang diatur di printer struk kasir ini</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>product {sku} exists already: find it and edit it</source>
        <translation>produk {sku} sudah ada: cari lalu ubah produk itu</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>you cannot deactivate yourself while signed in</source>
        <translation>Anda tidak dapat menonaktifkan diri sendiri selagi masuk</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>{name} is the last active manager</source>
        <translation>{name} adalah manajer aktif terakhir</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>refunds need the ecommpay settings: {keys}</source>
        <translation>refund memerlukan pengaturan ecommpay: {keys}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>at most {left} can still be refunded here</source>
        <translation>paling banyak {left} yang masih dapat di-refund di sini</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/back_office.py"/>
        <source>demo mode runs on embedded services: its settings cannot be saved</source>
        <translation>mode demo berjalan dengan layanan di dalam Kasir: pengaturannya tidak dapat disimpan</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>a discount now takes more than the {limit}% a cashier may give, and more than a manager approved (its line was made smaller): give it again, with a manager's PIN</source>
        <translation>sebuah diskon kini mengambil lebih dari {limit}% yang boleh diberikan kasir, dan lebih dari yang disetujui manajer (barisnya diperkecil): berikan lagi, dengan PIN manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>sale {sale} is complete already</source>
        <translation>penjualan {sale} sudah selesai</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>the customer paid {amount} by QR a moment ago (payment {invoice}): sale {sale} is complete, and no cash is recorded for it</source>
        <translation>pelanggan baru saja membayar {amount} lewat QR (pembayaran {invoice}): penjualan {sale} selesai, dan tidak ada uang tunai yang dicatat untuknya</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>the total is now {total}, not the {asked} asked (the PPN rate of the day changed): take the payment again</source>
        <translation>total sekarang {total}, bukan {asked} yang diminta (tarif PPN hari ini berubah): terima pembayaran lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>payment {invoice} was made through {provider}, and this till now uses {current}: it cannot be asked here; give it up and show a new QR</source>
        <translation>pembayaran {invoice} dibuat melalui {provider}, dan kasir ini sekarang memakai {current}: statusnya tidak bisa ditanyakan di sini; batalkan dan tampilkan QR baru</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/checkout.py"/>
        <source>ecommpay Gate payments need the relay, and none is set up</source>
        <translation>pembayaran ecommpay Gate memerlukan relay, dan belum ada yang diatur</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the shift of {cashier} on till {terminal} is still open: close it with a count before closing the day</source>
        <translation>shift {cashier} di kasir {terminal} masih terbuka: tutup dengan hitungan uang sebelum menutup hari</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the shift of {cashier} on till {terminal}, opened on {opened}, is still open and takes this day's cash: close it with a count before closing the day</source>
        <translation>shift {cashier} di kasir {terminal}, dibuka pada {opened}, masih terbuka dan menerima uang hari ini: tutup dengan hitungan uang sebelum menutup hari</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/day_close.py"/>
        <source>the figures of business day {day} changed while they were shown (net takings now {net}); check them and close again</source>
        <translation>angka hari usaha {day} berubah selagi ditampilkan (pendapatan bersih sekarang {net}); periksa lalu tutup lagi</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>say why the payment is resolved (a reason is required)</source>
        <translation>tuliskan mengapa pembayaran ditandai selesai (alasan wajib diisi)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>a reason is at most {most} characters</source>
        <translation>alasan paling banyak {most} karakter</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>refund {payout} of payment {invoice} is on its way: wait for its answer (Check status), then resolve what is left</source>
        <translation>pengembalian {payout} untuk pembayaran {invoice} sedang diproses: tunggu jawabannya (Cek status), lalu selesaikan sisanya</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>refund {payout} of sale {sale} is on its way: wait for its answer (Check status), then resolve {problem}</source>
        <translation>pengembalian {payout} untuk penjualan {sale} sedang diproses: tunggu jawabannya (Cek status), lalu selesaikan {problem}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>only a contradicted payout is taken as reversed</source>
        <translation>hanya payout yang laporannya bertentangan yang dapat dianggap ditarik kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>say why the payout is taken as reversed (a reason is required)</source>
        <translation>sebutkan mengapa payout dianggap ditarik kembali (alasan wajib diisi)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/problem_payments.py"/>
        <source>only a payment DOKU reports refunded takes the amount DOKU refunded</source>
        <translation>jumlah refund DOKU hanya dapat diisi untuk pembayaran yang dilaporkan DOKU di-refund</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>receipt {number}</source>
        <translation>struk {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>return receipt {number}</source>
        <translation>struk retur {number}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>cash drawer</source>
        <translation>laci kas</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipt_printer.py"/>
        <source>no receipt printer is set up: give its address</source>
        <translation>printer struk belum diatur: isi alamatnya</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Discount {discount}</source>
        <translation>Diskon {discount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Subtotal</source>
        <translation>Subtotal</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Basket discount {discount}</source>
        <translation>Diskon keranjang {discount}</translation>
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
        <translation>Dibayar dengan</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Receipt no.</source>
        <translation>No. struk</translation>
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
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Cash</source>
        <translation>Tunai</translation>
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
        <translation>SALINAN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/receipts.py"/>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>Terima kasih / Thank you</source>
        <translation>Terima kasih atas kunjungan Anda</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>no relay is set up to bring ecommpay's answer</source>
        <translation>belum ada relay yang diatur untuk membawa jawaban ecommpay</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>the relay did not take the payout ({error})</source>
        <translation>relay tidak menerima payout ({error})</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay refused the payout: {error}</source>
        <translation>ecommpay menolak payout: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay's answer to payout {payout} was lost ({error}); it stays pending until ecommpay's callback arrives or a status check settles it</source>
        <translation>jawaban ecommpay untuk payout {payout} hilang ({error}); statusnya tetap tertunda sampai callback ecommpay tiba atau cek status memastikannya</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>ecommpay does not know payout {payout} yet, {age} after it was sent: it stays pending until its callback arrives or a check finds it (only a payout still unknown {bound} after it was sent is taken as never paid)</source>
        <translation>ecommpay belum mengenal payout {payout}, {age} setelah dikirim: payout tetap tertunda sampai callback-nya tiba atau pengecekan menemukannya (hanya payout yang masih belum dikenal {bound} setelah dikirim dianggap tidak pernah dibayar)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/refund_payouts.py"/>
        <source>refund {payout} was not sent: {why}</source>
        <translation>refund {payout} tidak terkirim: {why}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>DOKU Wallet (payout)</source>
        <translation>DOKU Wallet (payout)</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Refunded outside Kasir</source>
        <translation>Dikembalikan di luar Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Return</source>
        <translation>Retur</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Original receipt</source>
        <translation>Struk asal</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Approved by</source>
        <translation>Disetujui oleh</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>NOT PAID BACK</source>
        <translation>BELUM DIKEMBALIKAN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>TOTAL RETURNED</source>
        <translation>TOTAL RETUR</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>TO BE PAID BACK</source>
        <translation>AKAN DIKEMBALIKAN</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Paid back</source>
        <translation>Dikembalikan lewat</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>{method}, pending ecommpay's confirmation</source>
        <translation>{method}, menunggu konfirmasi ecommpay</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Paying back</source>
        <translation>Sedang dikembalikan lewat</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Payout</source>
        <translation>Payout</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Pays back unpaid return</source>
        <translation>Membayar retur yang belum dibayar</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>RETURN</source>
        <translation>RETUR</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Items returned</source>
        <translation>Barang diretur</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/return_receipts.py"/>
        <source>Money back</source>
        <translation>Uang kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>this till cannot pay out to a wallet: pay back in cash</source>
        <translation>kasir ini tidak dapat mengirim payout ke wallet: kembalikan secara tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>ecommpay's answer: {status}</source>
        <translation>jawaban ecommpay: {status}</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/returns.py"/>
        <source>wrong PIN for {name}: the return was not made</source>
        <translation>PIN salah untuk {name}: retur tidak dibuat</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>Kasir printer test</source>
        <translation>Tes printer Kasir</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/thermal_receipt.py"/>
        <source>{width} mm roll, {columns} characters a line</source>
        <translation>Kertas {width} mm, {columns} karakter/baris</translation>
    </message>
    <message>
        <location filename="../../pos_app/till/uploads.py"/>
        <source>no till has uploaded business day {day} to the relay yet</source>
        <translation>belum ada kasir yang mengunggah hari usaha {day} ke relay</translation>
    </message>
</context>
</TS>
