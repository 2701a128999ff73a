import type { KnownCustomer, NewCustomer } from './customer-index';
import type { SaleFields } from './sale-fields';

// What the transactions importer keeps per invoice and customer while it reads (kinds/transactions.ts,
// kinds/invoice-lines.ts).

export interface Line {
  line: number;
  amount: number;
  item: { product_id: string | null; name: string; qty: number; price: number } | null;
}

/** A customer an invoice names: the row that first named them and, once written, where their sale went. */
export interface InvoiceCustomer {
  customer: NewCustomer;
  line: number;
  /** The shop's customer their sale was written for. */
  known: KnownCustomer | null;
  /** Their sale's ordinal among the rows this import inserted (-1: none): lines met further down join it. */
  ordinal: number;
  /** Under the 'reject' policy, a customer other than the invoice's first: their lines fail. */
  refused: boolean;
}

/**
 * One sale to write: a row without an invoice number, or one customer's lines of an invoice. The
 * invoice's first customer is its first sale itself (`owner` null), so that an invoice of one
 * customer, nearly every invoice, costs no object more than its sale.
 */
export interface Pending extends InvoiceCustomer {
  /** The id of its first line (SaleFields.id). */
  id: string;
  invoice: string | null;
  date: string;
  channel: string | null;
  campaign: string | null;
  notes: string | null;
  lines: Line[];
  /** A marketplace order that was returned: written as its sale and its return (`C` + its number). */
  returned?: boolean;
  /** An order still in progress kept as pending, not a sale: the platform's status text. */
  pendingStatus?: string;
  /** The customer, named by an earlier sale of the invoice, whose lines these are; null: itself. */
  owner: InvoiceCustomer | null;
}

/** An invoice's first row and date, and every customer it named: what its lines further down an
 * unsorted file are checked against. */
export interface InvoiceSeen {
  line: number;
  date: string;
  customers: InvoiceCustomer[];
}

export type OkSale = Extract<SaleFields, { status: 'ok' }>;

/** A sale started by a line: `date` is its invoice's first row's, `owner` the customer an earlier sale of the invoice named (null: itself). */
export function pendingSale(sale: OkSale, lineNumber: number, date: string, line: Line, owner: InvoiceCustomer | null): Pending {
  const { id, invoice, customer, channel, campaign, notes } = sale;
  return {
    id,
    invoice,
    line: lineNumber,
    date,
    customer,
    channel,
    campaign,
    notes,
    lines: [line],
    owner,
    known: null,
    ordinal: -1,
    refused: false,
    ...(sale.returned ? { returned: true } : {}),
    ...(sale.pending !== null ? { pendingStatus: sale.pending } : {}),
  };
}

export const sameFields = (a: NewCustomer, b: NewCustomer) =>
  a.code === b.code && a.phone === b.phone && a.email === b.email && a.name === b.name && a.channelId === b.channelId;

/** A customer as the report names them: `Ani (P-1)`. */
export function describe(c: NewCustomer): string {
  const key = c.code ?? c.phone ?? c.email;
  return c.name && key ? `${c.name} (${key})` : (c.name ?? key ?? '');
}

/**
 * Whether a row's customer `b` is the customer `a` an earlier row named, when neither is in the
 * shop yet: once `a` is created, `b` is linked to it by the first of code, phone and email it has,
 * or by name when it has none (as TransactionsImporter.link does).
 */
export function joins(a: NewCustomer, b: NewCustomer): boolean {
  if (b.channelId !== undefined) return !!b.channelId && b.channelId === a.channelId;
  if (b.code || b.phone || b.email) return (!!b.code && b.code === a.code) || (!!b.phone && b.phone === a.phone) || (!!b.email && b.email === a.email);
  return !!b.name && !!a.name && b.name.toLowerCase() === a.name.toLowerCase();
}
