import { channelCode } from '../../../src-shared/i18n/channels';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import { newId } from '../../core/ids';
import type { RowReader } from '../rows/reader';
import type { NewCustomer } from './customer-index';
import { maskedPhone, orderState, presetById } from '../presets';

/** Why a row was left out: a cancellation of the file's own kind, or a marketplace order's status. */
export type Excluded = 'cancellation' | 'cancelled' | 'inProgress' | 'returned' | 'notOrder' | 'walkIn';

/** What one row of a sales file says, read and checked; its invoice number even when it failed. */
export type SaleFields =
  | { status: 'failed'; invoice: string | null }
  | { status: 'excluded'; invoice: string | null; reason: Excluded }
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
      /** Marketplace exports: shipping the buyer paid (order-level, counted once per order when
       * the owner includes it), and whether the order was returned (a sale and its return). */
      shipping: number;
      returned: boolean;
      /** An order still in progress the owner keeps as pending: the platform's status text; null: a sale. */
      pending: string | null;
    };

/**
 * Reads a sales row's fields (in the import's reading thread: nothing here looks at the shop).
 * A cancellation (an invoice starting with C, a negative quantity or amount) is `excluded` or
 * kept as a return, as the user chose.
 */
export function readSale(r: RowReader, options: ImportOptions): SaleFields {
  const mult = options.amountMultiplier;
  const preset = presetById(options.preset);
  // A row that is no order (the row describing TikTok Shop's columns) is not a failed one.
  if (preset?.orderNumber && !preset.orderNumber.test(r.rawText('invoice_no').trim())) return { status: 'excluded', invoice: null, reason: 'notOrder' };
  const invoice = r.text('invoice_no', 40);
  const date = r.date('transaction_date', true);
  // A marketplace masks the buyer's phone (`******7890`): not a phone; its visible digits are a hint.
  const masked = preset ? maskedPhone(r.rawText('customer_phone').trim()) : null;
  const buyer = preset ? r.text('buyer_id', 80) : null;
  const customer: NewCustomer = {
    code: r.text('customer_code', 32),
    name: r.text('customer_name', 120),
    phone: masked === null ? r.phone('customer_phone') : null,
    email: r.email('customer_email'),
    ...(preset
      ? { channelId: buyer ? `${preset.identityPrefix}:${buyer.toLowerCase()}` : null, city: r.text('customer_city', 80), phoneHint: masked || null }
      : {}),
  };
  const amount = r.mapped('amount') ? r.amount('amount', mult) : null;
  const qty = r.quantity('qty');
  const unitPrice = r.mapped('unit_price') ? r.quantity('unit_price') : null;
  const product = r.text('product', 160);
  const productCode = r.text('product_code', 40);
  // An exported file says "Toko (offline)": read back as the code it was.
  const channel = channelCode(r.text('channel', 40)) ?? preset?.channel ?? null;
  const shipping = preset && options.includeShipping && r.mapped('shipping') ? (r.amount('shipping', mult) ?? 0) : 0;
  // Codes are kept upper-case, as the sale form keeps them, so a campaign finds its sales however they were typed.
  const campaign = r.text('campaign_code', 40)?.toUpperCase() ?? null;
  const notes = r.text('notes', 2000);
  // A till's refunded item (Moka: `Refunds` above zero): a line of its own under the receipt's number.
  const refund = preset && r.mapped('refunds') ? (r.amount('refunds', mult) ?? 0) : 0;
  if (amount === null && r.mapped('amount') && !r.failed) r.fail('amount', 'missing', 'imp.required');
  if (amount === null && !r.mapped('amount') && (qty === null || unitPrice === null) && !r.failed)
    r.fail(unitPrice === null ? 'unit_price' : 'qty', 'missing', 'imp.required');
  const nobody = !customer.code && !customer.name && !customer.phone && !customer.email && !customer.channelId;
  // A till's walk-in sale: no customer to file it under, so left out and counted, not failed.
  if (nobody && preset?.walkIns && !r.failed && date !== null) return { status: 'excluded', invoice, reason: 'walkIn' };
  if (nobody && !r.failed) {
    const field = ['customer_code', 'customer_phone', 'customer_email', 'customer_name'].find((f) => r.mapped(f)) ?? 'customer_code';
    r.fail(field, 'missing', 'imp.noCustomer');
  }
  if (r.failed || date === null) return { status: 'failed', invoice };
  let returned = false;
  let pending: string | null = null;
  if (preset) {
    const statusText = [r.text('order_status', 80), r.text('order_status_more', 80)].filter(Boolean).join(' ');
    const state = orderState(preset, statusText);
    if (state === 'cancelled') return { status: 'excluded', invoice, reason: 'cancelled' };
    // Kept as pending needs the order's number: a later export finds it by that.
    if (state === 'inProgress' && options.inProgress === 'pending' && invoice !== null) pending = statusText || '?';
    else if (state === 'inProgress' && options.inProgress !== 'sale') return { status: 'excluded', invoice, reason: 'inProgress' };
    if (state === 'returned' && options.cancellations === 'exclude') return { status: 'excluded', invoice, reason: 'returned' };
    returned = state === 'returned';
  }
  // A refund line and a sale line differ in these four; the rest of the row is the same.
  let lineInvoice = invoice;
  let lineQty = qty;
  let lineShipping = shipping;
  let lineAmount: number;
  if (refund > 0) {
    // Kept apart from its sale, as a returned marketplace order's return is: `C` + the receipt.
    if (options.cancellations === 'exclude') return { status: 'excluded', invoice, reason: 'returned' };
    lineInvoice = invoice === null ? null : `C${invoice}`;
    lineAmount = -Math.round(refund);
    lineQty = qty === null ? null : -Math.abs(qty);
    lineShipping = 0;
    returned = false;
    pending = null;
  } else {
    lineAmount = amount ?? Math.round((qty as number) * (unitPrice as number) * mult);
    // A preset's statuses say what was cancelled: its order numbers may start with C as any other.
    const cancelled = (!preset && invoice !== null && /^c/i.test(invoice)) || (qty !== null && qty < 0) || lineAmount < 0;
    if (cancelled) {
      if (options.cancellations === 'exclude') return { status: 'excluded', invoice, reason: 'cancellation' };
      lineAmount = -Math.abs(lineAmount);
    }
  }
  return {
    status: 'ok',
    id: newId(),
    invoice: lineInvoice,
    date,
    customer,
    amount: lineAmount,
    qty: lineQty,
    unitPrice,
    product,
    productCode,
    channel,
    campaign,
    notes,
    shipping: lineShipping,
    returned,
    pending,
  };
}

/**
 * SaleFields as the reading thread posts them (rows/read-ahead.ts): values in a fixed order, with
 * no property names, which the writing thread would otherwise read and look up again for every
 * field of every row: half of its time receiving rows. unpackSale is its inverse.
 */
export function packSale(s: SaleFields): unknown[] {
  if (s.status === 'failed') return [s.status, s.invoice];
  if (s.status === 'excluded') return [s.status, s.invoice, s.reason];
  const c = s.customer;
  const sale = [
    'ok',
    s.id,
    s.invoice,
    s.date,
    c.code,
    c.name,
    c.phone,
    c.email,
    s.amount,
    s.qty,
    s.unitPrice,
    s.product,
    s.productCode,
    s.channel,
    s.campaign,
    s.notes,
  ];
  // A marketplace's fields only when the file is one: most files pay nothing for them.
  return c.channelId === undefined ? sale : [...sale, s.shipping, s.returned, c.channelId, c.city ?? null, c.phoneHint ?? null, s.pending];
}

export function unpackSale(v: unknown[]): SaleFields {
  if (v[0] === 'failed') return { status: 'failed', invoice: v[1] as string | null };
  if (v[0] === 'excluded') return { status: 'excluded', invoice: v[1] as string | null, reason: v[2] as Excluded };
  const market = v.length > 16;
  const text = (i: number) => v[i] as string | null;
  const num = (i: number) => v[i] as number | null;
  return {
    status: 'ok',
    id: v[1] as string,
    invoice: text(2),
    date: v[3] as string,
    customer: { code: text(4), name: text(5), phone: text(6), email: text(7), ...(market ? { channelId: text(18), city: text(19), phoneHint: text(20) } : {}) },
    amount: v[8] as number,
    qty: num(9),
    unitPrice: num(10),
    product: text(11),
    productCode: text(12),
    channel: text(13),
    campaign: text(14),
    notes: text(15),
    shipping: market ? (v[16] as number) : 0,
    returned: market ? (v[17] as boolean) : false,
    pending: market ? (v[21] as string | null) : null,
  };
}
