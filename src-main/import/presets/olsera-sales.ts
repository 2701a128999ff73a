import type { OrderPreset } from './types';

/**
 * Olsera back office → Laporan → Penjualan, downloaded as a spreadsheet: one row per product line
 * of an order, under a title row, orders numbered as Olsera numbers them (`DF0226020500000033`).
 *
 * What is known, and from where: Olsera's help centre (crm.olsera.co.id knowledge base) documents
 * its *imports* with templates, but its *exports* only as report downloads ("laporan rincian
 * penjualan", the daily transaction report, Excel/PDF) without listing their columns; a public
 * project migrating off Olsera says the same of its knowledge base, and its sales-sync code shows
 * the order number form above and returns as lines with negative quantity and amount. Olsera's POS
 * also takes online-store orders, which wait as pending or in process before they are paid or sent.
 *
 * What is assumed, because no published export or open-source parser of it was found: the header
 * names below (`No. Order, Tanggal, Pelanggan, No. Telp, Produk, SKU, Qty, Harga, Diskon, Total,
 * Status`), dates day first, amounts as Indonesian text with an `Rp` prefix, and the status words
 * (Lunas/Selesai paid; Batal/Void cancelled; Retur/Refund returned; Pending, Diproses, Dikirim,
 * Belum Lunas in progress). The header is matched by these essential columns only, so a real
 * export with more columns or another order still matches; one with other names needs the mapping
 * step, as any unrecognised file does.
 */
export const olseraSales: OrderPreset = {
  id: 'olsera-sales',
  channel: 'pos',
  identityPrefix: 'olsera',
  columns: {
    invoice_no: ['No. Order', 'Nomor Order', 'No Order'],
    order_status: ['Status'],
    transaction_date: ['Tanggal'],
    product: ['Produk', 'Nama Produk'],
    product_code: ['SKU'],
    qty: ['Qty'],
    unit_price: ['Harga'],
    // The line after its discount, as the order's total adds its lines up.
    amount: ['Total'],
    buyer_id: ['Pelanggan'],
    customer_name: ['Pelanggan'],
    customer_phone: ['No. Telp', 'Telepon'],
  },
  essential: ['invoice_no', 'order_status', 'transaction_date', 'product', 'qty', 'amount', 'buyer_id'],
  statuses: [
    [/batal|void|cancel/, 'cancelled'],
    [/retur|refund/, 'returned'],
    [/pending|proses|dikirim|belum/, 'inProgress'],
    [/lunas|selesai|paid|completed/, 'sale'],
  ],
  otherStatus: 'sale',
  walkIns: true,
};
