import type { OrderPreset } from './types';

/**
 * Pawoon back office → Laporan → Riwayat Transaksi, downloaded as Excel: one row per product line
 * of a receipt (`ID Struk`), below the report's title rows (store, period). Dates are day first
 * with the time (`03-10-2026 08:37`); amounts are the line's, `Total` being what the buyer paid
 * for it (Penjualan Kotor − Diskon + Pajak). A voided receipt keeps its rows with
 * `Status Pembayaran` "Void"; a refunded one with "Refund". `Nama Pelanggan` is the customer the
 * cashier picked, empty for a walk-in sale.
 *
 * Column set: open-source readers of this export in public GitHub code. A Pawoon upload page of
 * a restaurant group's back office (its previewPawoonFile, reading `data transaksi pawoon.xls`)
 * finds the header row among the first 20 rows by `ID Struk` / `Nama Produk`, reads `Tanggal &
 * Waktu` (dd-mm-yyyy HH:MM), `ID Struk`, `Outlet`, `Nama Produk`, `Jumlah Produk`, `Harga Produk`,
 * `Kategori`, `Status Pembayaran` (Void and Refund apart from paid ones), `Total`, `Metode
 * Pembayaran`, and groups a receipt's lines by `ID Struk`. A CSV loader of the same export reads
 * `Tanggal & Waktu, ID Struk, Outlet, Tipe Penjualan, Kasir, Nama Produk, Kategori, Jumlah Produk,
 * Harga Produk, Penjualan Kotor, Total, Metode Pembayaran, Status Pembayaran, Diskon, Pajak`, and
 * a sales dashboard's column check adds `Nama Pelanggan`. Pawoon's help pages (help.pawoon.com,
 * "Laporan Laba Harian") name the same figures: Penjualan Kotor, Diskon, dates as dd-mm-yyyy.
 * Not seen in any source, and so not relied on: the status text of a paid receipt (anything but
 * Void or Refund is taken as paid). An add-on line (`+ Extra Keju`) is a product line as any other.
 */
export const pawoonSales: OrderPreset = {
  id: 'pawoon-sales',
  channel: 'pos',
  identityPrefix: 'pawoon',
  columns: {
    invoice_no: ['ID Struk'],
    order_status: ['Status Pembayaran'],
    transaction_date: ['Tanggal & Waktu', 'Waktu'],
    product: ['Nama Produk'],
    qty: ['Jumlah Produk'],
    unit_price: ['Harga Produk'],
    amount: ['Total'],
    // Pawoon's customer list is the till's own: a name there is the customer's identity on it.
    buyer_id: ['Nama Pelanggan'],
    customer_name: ['Nama Pelanggan'],
  },
  essential: ['invoice_no', 'transaction_date', 'product', 'qty', 'amount', 'order_status', 'buyer_id'],
  statuses: [
    [/void|batal/, 'cancelled'],
    [/refund|retur/, 'returned'],
  ],
  otherStatus: 'sale',
  walkIns: true,
};
