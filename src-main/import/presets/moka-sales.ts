import type { OrderPreset } from './types';

/**
 * Moka POS backoffice → Sales → Item details export (`order-export-item-detail`), a CSV with one
 * row per item line of a receipt: the receipt is the order. It has no order status: a sale is a
 * sale; a refunded item is a row of its own under the same Receipt Number, with `Refunds` above
 * zero and a negative Quantity. Dates are day first (dd/mm/yyyy), amounts plain numbers.
 * `Customer` is the name the cashier picked, empty for a walk-in sale.
 *
 * Column set: the open-source Moka sales reader EzraTam/moka-util
 * (moka_util/data_processing/data_cleaning.py, which reads the file the backoffice's export
 * service writes, moka_util/query_web/requests_util.py): `Date, Time, Outlet, Receipt Number,
 * Category, Items, Variant, SKU, Quantity, Modifier Applied, Discount Applied, Gross Sales,
 * Discounts, Refunds, Net Sales, Gratuity, Tax, Sales Type, Collected By, Served By, Customer,
 * Payment Method, Event Type, Reason of Refund, Brand`; its refunds are the rows with
 * `Refunds > 0`, matched to their sale by Receipt Number, and a line's Net Sales is its Gross
 * Sales less Discounts.
 */
export const mokaSales: OrderPreset = {
  id: 'moka-sales',
  channel: 'pos',
  identityPrefix: 'moka',
  columns: {
    invoice_no: ['Receipt Number'],
    transaction_date: ['Date'],
    product: ['Items'],
    product_code: ['SKU'],
    qty: ['Quantity'],
    // The line after its discounts: Gross Sales − Discounts, before tax and gratuity.
    amount: ['Net Sales'],
    refunds: ['Refunds'],
    // Moka's customer list is the till's own: a name there is the customer's identity on it.
    buyer_id: ['Customer'],
    customer_name: ['Customer'],
  },
  essential: ['invoice_no', 'transaction_date', 'product', 'qty', 'amount', 'refunds', 'buyer_id'],
  // No status column: every receipt is a sale, its refunded items its returns.
  statuses: [],
  otherStatus: 'sale',
  walkIns: true,
};
