import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { RowReader } from '../rows/reader';
import type { NewCustomer } from './customer-index';

/** What one row of a sales file says, read and checked; its invoice number even when it failed. */
export type SaleFields =
  | { status: 'failed' | 'excluded'; invoice: string | null }
  | {
      status: 'ok';
      invoice: string | null;
      date: string;
      customer: NewCustomer;
      /** The line's amount in minor units, negative for a return. */
      amount: number;
      qty: number | null;
      unitPrice: number | null;
      product: string | null;
      productCode: string | null;
      channel: string | null;
      campaign: string | null;
      notes: string | null;
    };

/**
 * Reads a sales row's fields (in the import's reading thread: nothing here looks at the shop).
 * A cancellation (an invoice starting with C, a negative quantity or amount) is `excluded` or
 * kept as a return, as the user chose.
 */
export function readSale(r: RowReader, options: ImportOptions): SaleFields {
  const mult = options.amountMultiplier;
  const invoice = r.text('invoice_no', 40);
  const date = r.date('transaction_date', true);
  const customer: NewCustomer = { code: r.text('customer_code', 32), name: r.text('customer_name', 120), phone: r.phone('customer_phone'), email: r.email('customer_email') };
  const amount = r.mapped('amount') ? r.amount('amount', mult) : null;
  const qty = r.quantity('qty');
  const unitPrice = r.mapped('unit_price') ? r.quantity('unit_price') : null;
  const product = r.text('product', 160);
  const productCode = r.text('product_code', 40);
  const channel = r.text('channel', 40);
  // Codes are kept upper-case, as the sale form keeps them, so a campaign finds its sales however they were typed.
  const campaign = r.text('campaign_code', 40)?.toUpperCase() ?? null;
  const notes = r.text('notes', 2000);
  if (amount === null && r.mapped('amount') && !r.failed) r.fail('amount', 'missing', 'imp.required');
  if (amount === null && !r.mapped('amount') && (qty === null || unitPrice === null) && !r.failed) r.fail(unitPrice === null ? 'unit_price' : 'qty', 'missing', 'imp.required');
  if (!customer.code && !customer.name && !customer.phone && !customer.email && !r.failed) {
    const field = ['customer_code', 'customer_phone', 'customer_email', 'customer_name'].find((f) => r.mapped(f)) ?? 'customer_code';
    r.fail(field, 'missing', 'imp.noCustomer');
  }
  if (r.failed || date === null) return { status: 'failed', invoice };

  let lineAmount = amount ?? Math.round((qty as number) * (unitPrice as number) * mult);
  const cancelled = (invoice !== null && /^c/i.test(invoice)) || (qty !== null && qty < 0) || lineAmount < 0;
  if (cancelled) {
    if (options.cancellations === 'exclude') return { status: 'excluded', invoice };
    lineAmount = -Math.abs(lineAmount);
  }
  return { status: 'ok', invoice, date, customer, amount: lineAmount, qty, unitPrice, product, productCode, channel, campaign, notes };
}
