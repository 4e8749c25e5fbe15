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
        <source>Export CSV</source>
        <translation>Ekspor CSV</translation>
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
</context>
<context>
    <name>BasketModel</name>
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
</context>
<context>
    <name>CashDialog</name>
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
        <source>Complete (Enter)</source>
        <translation>Selesaikan (Enter)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Cancel (Esc)</source>
        <translation>Batal (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>Type the amount received in whole rupiah, like 50.000.</source>
        <translation>Ketik uang yang diterima dalam rupiah penuh, misalnya 50.000.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/cash_dialog.py"/>
        <source>{amount} short: the customer must pay at least the total.</source>
        <translation>Kurang {amount}: pelanggan harus membayar paling sedikit sebesar total.</translation>
    </message>
</context>
<context>
    <name>CashierController</name>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>No receipt to reprint yet.</source>
        <translation>Belum ada struk untuk dicetak ulang.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>QR</source>
        <translation>QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not start the QR payment: {error}</source>
        <translation>Pembayaran QR tidak dapat dimulai: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not record the cash sale: {error}</source>
        <translation>Penjualan tunai tidak dapat dicatat: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} received; its sale is complete.</source>
        <translation>Pembayaran {invoice} sebesar {amount} diterima; penjualannya selesai.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Customer paid {paid} by DOKU Wallet, not {asked}: kept for the manager</source>
        <translation>Pelanggan membayar {paid} dengan DOKU Wallet, bukan {asked}: disimpan untuk manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Take the total another way. The manager refunds or accepts this payment in the back office.</source>
        <translation>Terima totalnya dengan cara lain. Manajer mengembalikan atau menerima pembayaran ini di Back Office.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>The cash was not recorded: give it back to the customer. Press {key} to complete the sale with this payment.</source>
        <translation>Uang tunai tidak dicatat: kembalikan kepada pelanggan. Tekan {key} untuk menyelesaikan penjualan dengan pembayaran ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Press {key} to complete the sale with this payment. Cash and QR are refused for this basket.</source>
        <translation>Tekan {key} untuk menyelesaikan penjualan dengan pembayaran ini. Tunai dan QR ditolak untuk keranjang ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Customer paid {amount} by DOKU Wallet</source>
        <translation>Pelanggan sudah membayar {amount} dengan DOKU Wallet</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not complete the sale with payment {invoice}: {error}</source>
        <translation>Penjualan tidak dapat diselesaikan dengan pembayaran {invoice}: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Payment {invoice} of {amount} is kept for the manager: no sale took it</source>
        <translation>Pembayaran {invoice} sebesar {amount} disimpan untuk manajer: tidak masuk ke penjualan mana pun</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>{count} payments kept for the manager, the last {invoice} of {amount}</source>
        <translation>{count} pembayaran disimpan untuk manajer, terakhir {invoice} sebesar {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Could not look for open payments: {error}</source>
        <translation>Pembayaran yang masih terbuka tidak dapat dicari: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source>Open QR payments, still checked: {invoices}</source>
        <translation>Pembayaran QR masih terbuka, terus dicek: {invoices}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/controller.py"/>
        <source> and {count} more</source>
        <translation> dan {count} lainnya</translation>
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
        <source>Total {amount}</source>
        <translation>Total {amount}</translation>
    </message>
</context>
<context>
    <name>DayCloseTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Cash in the drawer</source>
        <translation>Uang tunai di laci</translation>
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
        <source>Difference</source>
        <translation>Selisih</translation>
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
        <source>Closed by {name}; this is the report as it was signed off.</source>
        <translation>Ditutup oleh {name}; ini laporan sebagaimana disahkan.</translation>
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
        <source>Business day {day} is closed.</source>
        <translation>Hari usaha {day} sudah ditutup.</translation>
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
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Could not save the PDF: {error}</source>
        <translation>PDF tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/day_close_tab.py"/>
        <source>Saved to {path}</source>
        <translation>Disimpan ke {path}</translation>
    </message>
</context>
<context>
    <name>ExportTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>One row per sale line</source>
        <translation>Satu baris per barang terjual</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>One row per sale</source>
        <translation>Satu baris per penjualan</translation>
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
        <source>Completed sales of the chosen business days, and refunds paid on them, for the accountant (UTF-8, comma-separated; the columns are described in docs/csv.md).</source>
        <translation>Penjualan selesai pada hari usaha yang dipilih, beserta refund yang dibayarkan pada hari itu, untuk akuntan (UTF-8, dipisah koma; kolomnya dijelaskan di docs/csv.md).</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The range ends before it starts.</source>
        <translation>Akhir rentang lebih awal daripada awalnya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export the sales as CSV</source>
        <translation>Ekspor penjualan sebagai CSV</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>Berkas CSV (*.csv)</translation>
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
        <source>Exported {rows} rows ({sales} sales, {refunds} refunds, {total}) to {path}.</source>
        <translation>{rows} baris diekspor ({sales} penjualan, {refunds} refund, {total}) ke {path}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>Export cancelled; no file was written.</source>
        <translation>Ekspor dibatalkan; tidak ada berkas yang ditulis.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/export_tab.py"/>
        <source>The export failed; no file was written: {error}</source>
        <translation>Ekspor gagal; tidak ada berkas yang ditulis: {error}</translation>
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
        <translation>Mode demo: pembayaran masuk ke sandbox lokal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Search</source>
        <translation>Cari</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Quantity</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Hold / Recall</source>
        <translation>Tahan / Panggil</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Cash</source>
        <translation>Tunai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>QR payment</source>
        <translation>Bayar QR</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Back office</source>
        <translation>Back Office</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Last receipt</source>
        <translation>Struk terakhir</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Complete sale</source>
        <translation>Selesaikan penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Clear basket</source>
        <translation>Kosongkan keranjang</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Quantity of {name} (0 removes it)</source>
        <translation>Jumlah {name} (0 untuk menghapus)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Remove every item from the basket?</source>
        <translation>Hapus semua barang dari keranjang?</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not hold the basket</source>
        <translation>Keranjang tidak dapat ditahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket held. F6 on an empty basket recalls it.</source>
        <translation>Keranjang ditahan. Tekan F6 saat keranjang kosong untuk memanggilnya kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not recall a basket</source>
        <translation>Keranjang tidak dapat dipanggil kembali</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>No held basket to recall.</source>
        <translation>Tidak ada keranjang yang ditahan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Basket recalled.</source>
        <translation>Keranjang dipanggil kembali.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not start the QR payment</source>
        <translation>Pembayaran QR tidak dapat dimulai</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Cashier: {name}</source>
        <translation>Kasir: {name}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Business day {date}</source>
        <translation>Hari usaha {date}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>{provider} SANDBOX</source>
        <translation>{provider} SANDBOX</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: connected</source>
        <translation>Relay: terhubung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: payments could not be applied: {cause}</source>
        <translation>Relay: pembayaran tidak dapat diterapkan: {cause}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: token refused</source>
        <translation>Relay: token ditolak</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Relay: not connected</source>
        <translation>Relay: tidak terhubung</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Could not record the cash sale</source>
        <translation>Penjualan tunai tidak dapat dicatat</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>Change {amount}</source>
        <translation>Kembalian {amount}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The customer has paid this basket by DOKU Wallet: press {key} to complete the sale with that payment.</source>
        <translation>Pelanggan sudah membayar keranjang ini dengan DOKU Wallet: tekan {key} untuk menyelesaikan penjualan dengan pembayaran itu.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/main_window.py"/>
        <source>The basket is empty.</source>
        <translation>Keranjang masih kosong.</translation>
    </message>
</context>
<context>
    <name>ManagerSignIn</name>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Back office — manager sign-in</source>
        <translation>Back Office — masuk manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Demo: {managers}</source>
        <translation>Demo: {managers}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>No manager is set up on this terminal.</source>
        <translation>Belum ada manajer di terminal ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Wrong PIN for {name}.</source>
        <translation>PIN salah untuk {name}.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/entry.py"/>
        <source>Could not check the PIN: {error}</source>
        <translation>PIN tidak dapat diperiksa: {error}</translation>
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
        <source>Open: no answer yet whether the customer paid. Late: paid after the cashier gave up; no sale took the money. Amount differs: paid, but not the amount asked; refund it, or accept it by marking it resolved. Declined: the sale never completed. Unknown invoice: a payment service reported a payment this terminal never made.</source>
        <translation>Terbuka: belum ada jawaban apakah pelanggan sudah membayar. Terlambat: dibayar setelah kasir membatalkan; uangnya tidak masuk ke penjualan mana pun. Jumlah berbeda: dibayar, tetapi bukan sejumlah yang diminta; kembalikan, atau terima dengan menandainya selesai. Ditolak: penjualannya tidak pernah selesai. Invoice tak dikenal: layanan pembayaran melaporkan pembayaran yang tidak pernah dibuat terminal ini.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/problems_tab.py"/>
        <source>Asking about {invoice}…</source>
        <translation>Menanyakan {invoice}…</translation>
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
        <source>Sale {sale} is completed with payment {invoice} ({amount}).</source>
        <translation>Penjualan {sale} selesai dengan pembayaran {invoice} ({amount}).</translation>
    </message>
</context>
<context>
    <name>ProductPanel</name>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan a barcode or type to search — 3* adds three</source>
        <translation>Pindai barcode atau ketik untuk mencari — 3* menambah tiga</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>Scan or type a product after {quantity}*</source>
        <translation>Pindai atau ketik produk setelah {quantity}*</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/product_panel.py"/>
        <source>The quantity must be at least 1.</source>
        <translation>Jumlah paling sedikit 1.</translation>
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
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale…</source>
        <translation>Hentikan penjualan…</translation>
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
        <source>{sku} saved.</source>
        <translation>{sku} disimpan.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take off sale</source>
        <translation>Hentikan penjualan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>Take {name} ({sku}) off sale? It can no longer be sold; past sales keep it.</source>
        <translation>Hentikan penjualan {name} ({sku})? Produk ini tidak dapat dijual lagi; penjualan sebelumnya tetap menyimpannya.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/products_tab.py"/>
        <source>{sku} is off sale.</source>
        <translation>{sku} tidak dijual lagi.</translation>
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
    <name>Receipt</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Paid by</source>
        <translation>Dibayar dengan</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Change</source>
        <translation>Kembalian</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Invoice</source>
        <translation>Invoice</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Reference</source>
        <translation>Referensi</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Terima kasih / Thank you</source>
        <translation>Terima kasih atas kunjungan Anda</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Receipt</source>
        <translation>Struk</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Print (Ctrl+P)</source>
        <translation>Cetak (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Save as PDF</source>
        <translation>Simpan sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Close (Esc)</source>
        <translation>Tutup (Esc)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Save receipt as PDF</source>
        <translation>Simpan struk sebagai PDF</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Could not save the PDF: {error}</source>
        <translation>PDF tidak dapat disimpan: {error}</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/receipt.py"/>
        <source>Saved to {path}</source>
        <translation>Disimpan ke {path}</translation>
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
    <name>SalesTab</name>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Refresh</source>
        <translation>Muat ulang</translation>
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
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Business day</source>
        <translation>Hari usaha</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/sales_tab.py"/>
        <source>Takings by hour</source>
        <translation>Pendapatan per jam</translation>
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
        <source>The settings file has problems; these fields show their defaults:</source>
        <translation>Berkas pengaturan bermasalah; kolom berikut menampilkan nilai bawaannya:</translation>
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
        <source>Nothing was saved: correct what is listed below.</source>
        <translation>Tidak ada yang disimpan: perbaiki yang tercantum di bawah.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the services inside Kasir this terminal runs on…</source>
        <translation>Mengetes layanan di dalam Kasir yang dipakai terminal ini…</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>The sandbox starts inside Kasir with the terminal: there is nothing outside it to test.</source>
        <translation>Sandbox berjalan di dalam Kasir bersama terminal: tidak ada layanan di luar yang perlu dites.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Correct what is listed below before testing.</source>
        <translation>Perbaiki yang tercantum di bawah sebelum mengetes.</translation>
    </message>
    <message>
        <location filename="../../pos_app/gui/back_office/settings_tab.py"/>
        <source>Testing the connections…</source>
        <translation>Mengetes koneksi…</translation>
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
        <source>unknown invoice</source>
        <translation>invoice tak dikenal</translation>
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
</TS>
