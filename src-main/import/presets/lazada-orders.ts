import type { OrderPreset } from './types';

/**
 * Lazada Seller Center → Orders → Export: one row per item (a unit: an order of three of one
 * product is three rows), statuses in lower case.
 *
 * Column set: Lazada Seller Center help "Export orders", and the open-source readers of this file
 * found in public GitHub code: a marketplace upload's header list `Order Item Id, Lazada Id, Seller
 * SKU, Lazada SKU, Created at, Updated at, Order Number, Invoice Required, Customer Name, Customer
 * Email, National Registration Number, Shipping Name, Shipping Address, …, Shipping Phone Number,
 * Shipping Phone Number2, Shipping City, Shipping Postcode, Shipping Country, Shipping Region, …,
 * Payment Method, Paid Price, Unit Price, Shipping Fee, …, Item Name, Variation, …, Status`. Lazada
 * shows no buyer account: the customer's name is the identity on the channel.
 */
export const lazadaOrders: OrderPreset = {
  id: 'lazada-orders',
  channel: 'lazada',
  identityPrefix: 'lazada',
  columns: {
    invoice_no: ['Order Number'],
    order_status: ['Status'],
    transaction_date: ['Created at'],
    product: ['Item Name'],
    product_code: ['Seller SKU'],
    // Each row is one unit at its price after the seller's promotion.
    amount: ['Unit Price'],
    buyer_id: ['Customer Name'],
    customer_name: ['Shipping Name', 'Customer Name'],
    customer_phone: ['Shipping Phone Number'],
    customer_city: ['Shipping City'],
    shipping: ['Shipping Fee'],
  },
  essential: ['invoice_no', 'order_status', 'transaction_date', 'product', 'amount', 'buyer_id'],
  statuses: [
    [/cancel|batal|failed|gagal/, 'cancelled'],
    [/return|refund|retur/, 'returned'],
    [/delivered|selesai|completed|confirmed/, 'sale'],
  ],
  otherStatus: 'inProgress',
};
