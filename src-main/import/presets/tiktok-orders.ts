import type { OrderPreset } from './types';

/**
 * TikTok Shop Seller Center → Orders → Export (the seller centre Tokopedia shops moved into), one
 * row per SKU of an order, with a row describing each column right below the header.
 *
 * Column set: TikTok Shop Seller University, "Export orders", and the open-source readers of this
 * file found in public GitHub code: an order-import SQL staging table and a TypeScript header list
 * (`Order ID, Order Status, Order Substatus, Cancelation/Return Type, Normal or Pre-order, SKU ID,
 * Seller SKU, Product Name, Variation, Quantity, Sku Quantity of return, SKU Unit Original Price,
 * SKU Subtotal Before Discount, SKU Platform Discount, SKU Seller Discount, SKU Subtotal After
 * Discount, Shipping Fee After Discount, Original Shipping Fee, …, Order Amount, Created Time, Paid
 * Time, RTS Time, Shipped Time, Delivered Time, Cancelled Time, Cancel By, Cancel Reason, …, Buyer
 * Username, Recipient, Phone #, Zipcode, Country, Province, Regency and City, Districts, Villages,
 * Detail Address, …, Tokopedia Invoice Number`), and a Python reader that skips the description
 * row (`if row_number == 2: continue`). Statuses in English or Indonesian (Selesai, Dibatalkan).
 */
export const tiktokOrders: OrderPreset = {
  id: 'tiktok-orders',
  channel: 'tiktok_shop',
  identityPrefix: 'tiktok',
  columns: {
    invoice_no: ['Order ID'],
    order_status: ['Order Status'],
    order_status_more: ['Cancelation/Return Type', 'Cancellation/Return Type'],
    transaction_date: ['Created Time'],
    product: ['Product Name'],
    product_code: ['Seller SKU'],
    qty: ['Quantity'],
    // The SKU's line after the seller's and the platform's product discounts.
    amount: ['SKU Subtotal After Discount'],
    buyer_id: ['Buyer Username'],
    customer_name: ['Recipient'],
    customer_phone: ['Phone #'],
    customer_city: ['Regency and City'],
    shipping: ['Shipping Fee After Discount'],
  },
  essential: ['invoice_no', 'order_status', 'transaction_date', 'product', 'qty', 'amount', 'buyer_id'],
  statuses: [
    [/batal|cancel/, 'cancelled'],
    [/return|refund|pengembalian/, 'returned'],
    [/selesai|completed/, 'sale'],
  ],
  otherStatus: 'inProgress',
  orderNumber: /^\d{6,}$/,
};
