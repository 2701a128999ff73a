import type { OrderPreset } from './types';

/**
 * Tokopedia Seller (the seller centre before its move into TikTok Shop) → Daftar Transaksi →
 * Download Laporan Penjualan: a workbook whose header row sits below a few title rows, one row per
 * product of an invoice.
 *
 * Column set: Tokopedia Seller Edu "Download laporan penjualan", and the open-source readers of
 * this file found in public GitHub code: a pandas loader reading it with `header=[4]` (the title
 * rows) and the columns `Nomor Invoice, Tanggal Pembayaran, Status Terakhir, Tanggal Pesanan
 * Selesai, Tanggal Pengiriman Barang, Nomor SKU, Jumlah Produk Dibeli, Harga Awal (IDR), Harga Jual
 * (IDR), Nilai Kupon Toko Terpakai (IDR), Nama Kurir, No Resi / Kode Booking, Nama Penerima, No Telp
 * Penerima, Alamat Pengiriman, Provinsi, Kota`, and a sales upload naming `Tanggal Pembayaran,
 * Status Terakhir, Nama Produk, Jumlah Produk Dibeli, Harga Jual`. The old export names the buyer
 * (`Nama Pembeli`), not their account: that name is the identity on the channel.
 */
export const tokopediaOrders: OrderPreset = {
  id: 'tokopedia-orders',
  channel: 'tokopedia',
  identityPrefix: 'tokopedia',
  columns: {
    invoice_no: ['Nomor Invoice'],
    order_status: ['Status Terakhir'],
    transaction_date: ['Tanggal Pembayaran'],
    product: ['Nama Produk'],
    product_code: ['Nomor SKU'],
    qty: ['Jumlah Produk Dibeli'],
    unit_price: ['Harga Jual (IDR)'],
    amount: ['Total Harga Produk (IDR)'],
    buyer_id: ['Nama Pembeli'],
    customer_name: ['Nama Penerima', 'Nama Pembeli'],
    customer_phone: ['No Telp Penerima', 'No Telp Pembeli'],
    customer_city: ['Kota'],
    shipping: ['Ongkir (IDR)', 'Biaya Pengiriman Tunai (IDR)'],
  },
  essential: ['invoice_no', 'order_status', 'transaction_date', 'product', 'qty', 'unit_price'],
  statuses: [
    [/batal|cancel/, 'cancelled'],
    [/komplain|pengembalian|retur|refund/, 'returned'],
    [/selesai/, 'sale'],
  ],
  otherStatus: 'inProgress',
};
