import type { OrderPreset } from './types';

/**
 * Shopee Seller Centre → Pesanan Saya → Export (Indonesian), one row per product line of an
 * order; the order's own figures (Total Pembayaran, Ongkos Kirim, vouchers) repeat on each line.
 *
 * Column set: Shopee Seller Education Hub, "Cara Export Data Pesanan" (seller.shopee.co.id/edu),
 * and the open-source parsers of this file found in public GitHub code: a Shopee multi-shop
 * report app whose README lists `No. Pesanan, Status Pesanan, Nomor Referensi SKU / SKU Induk,
 * Nama Produk, Jumlah, Harga Setelah Diskon, Total Pembayaran, Waktu Pesanan Dibuat` (its
 * src/lib/parseShopee.ts HEADER_ALIASES), a BigSeller/Shopee omnichannel importer
 * (HEADER_ALIASES: `No. Pesanan`/`Nomor Pesanan`, `Waktu Pesanan Dibuat`, `Status Pesanan`,
 * `Nomor Referensi SKU`, `Nama Produk`, `Nama Variasi`, `Jumlah`), and a CSV order reader using
 * `No. Pesanan, Waktu Pesanan Dibuat, No. Resi, Username (Pembeli), SKU Induk, Nama Produk,
 * Jumlah, Harga Setelah Diskon`. Recipient columns (`Nama Penerima, No. Telepon, Kota/Kabupaten`)
 * and `Total Harga Produk` / `Ongkos Kirim Dibayar oleh Pembeli` as in the same exports.
 */
export const shopeeOrders: OrderPreset = {
  id: 'shopee-orders',
  channel: 'shopee',
  identityPrefix: 'shopee',
  columns: {
    invoice_no: ['No. Pesanan', 'Nomor Pesanan'],
    order_status: ['Status Pesanan'],
    transaction_date: ['Waktu Pesanan Dibuat'],
    product: ['Nama Produk'],
    product_code: ['Nomor Referensi SKU', 'SKU Induk'],
    unit_price: ['Harga Setelah Diskon'],
    qty: ['Jumlah'],
    // The line's total after the seller's discount: what the order's lines add up to.
    amount: ['Total Harga Produk'],
    buyer_id: ['Username (Pembeli)'],
    customer_name: ['Nama Penerima'],
    customer_phone: ['No. Telepon', 'Telepon'],
    customer_city: ['Kota/Kabupaten', 'Kabupaten/Kota'],
    shipping: ['Ongkos Kirim Dibayar oleh Pembeli', 'Ongkos Kirim'],
  },
  essential: ['invoice_no', 'order_status', 'transaction_date', 'product', 'qty', 'buyer_id'],
  statuses: [
    [/batal|dibatalkan|cancel/, 'cancelled'],
    [/pengembalian|refund|retur|dikembalikan/, 'returned'],
    [/selesai|completed/, 'sale'],
    [/dikirim|dikemas|belum bayar|perlu|sedang|shipping|to ship/, 'inProgress'],
  ],
  otherStatus: 'inProgress',
};
