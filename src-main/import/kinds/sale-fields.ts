import type { ImportOptions } from '../../../src-shared/schemas/import';
import { newId } from '../../core/ids';
import type { RowReader } from '../rows/reader';
import type { NewCustomer } from './customer-index';

/** What one row of a sales file says, read and checked; its invoice number even when it failed. */
export type SaleFields =
  | { status: 'failed' | 'excluded'; invoice: string | null }
  | {
      status: 'ok';
      /** The id of the transaction this line starts, if it starts one (an invoice's further lines
       * join it, and their ids go unused): made here, in the reading thread, which has time to
       * spare, rather than by the thread writing the rows, which has none. */
      id: string;
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
  return { status: 'ok', id: newId(), invoice, date, customer, amount: lineAmount, qty, unitPrice, product, productCode, channel, campaign, notes };
}

/**
 * SaleFields as the reading thread posts them (rows/read-ahead.ts): values in a fixed order, with
 * no property names, which the writing thread would otherwise read and look up again for every
 * field of every row: half of its time receiving rows. unpackSale is its inverse.
 */
export function packSale(s: SaleFields): unknown[] {
  if (s.status !== 'ok') return [s.status, s.invoice];
  const c = s.customer;
  return ['ok', s.id, s.invoice, s.date, c.code, c.name, c.phone, c.email, s.amount, s.qty, s.unitPrice, s.product, s.productCode, s.channel, s.campaign, s.notes];
}

export function unpackSale(v: unknown[]): SaleFields {
  if (v[0] !== 'ok') return { status: v[0] as 'failed' | 'excluded', invoice: v[1] as string | null };
  const text = (i: number) => v[i] as string | null;
  const num = (i: number) => v[i] as number | null;
  return {
    status: 'ok',
    id: v[1] as string,
    invoice: text(2),
    date: v[3] as string,
    customer: { code: text(4), name: text(5), phone: text(6), email: text(7) },
    amount: v[8] as number,
    qty: num(9),
    unitPrice: num(10),
    product: text(11),
    productCode: text(12),
    channel: text(13),
    campaign: text(14),
    notes: text(15),
  };
}
