import type { Sqlite } from '../../db/open';
import type { KnownCustomer } from './customer-index';

/**
 * The invoices the shop already holds when a sales import begins, by number, and which of their
 * rows this import has written into: an update finds the row to overwrite here, and an invoice's
 * lines met again further down the file join the row of their customer.
 */
export class ShopInvoices {
  /** Invoices already in the shop, with their row's rowid: a number, not the 36-character id, for a
   * shop with a million of them. */
  private readonly first = new Map<string, number>();
  /** The further rows of invoices the shop holds more than once (one per customer, from a file
   * whose invoices named several). */
  private readonly more = new Map<string, number[]>();
  /** Rows of the shop this import updated, with the customer it wrote into each. */
  private readonly claimed = new Map<number, string>();

  constructor(private readonly sqlite: Sqlite) {
    const invoices = sqlite.prepare('SELECT invoice_no, rowid FROM transactions WHERE invoice_no IS NOT NULL AND deleted_at IS NULL ORDER BY rowid').raw();
    for (const [invoice, rowid] of invoices.iterate() as IterableIterator<[string, number]>) {
      if (!this.first.has(invoice)) this.first.set(invoice, rowid);
      else this.more.set(invoice, [...(this.more.get(invoice) ?? []), rowid]);
    }
  }

  has(invoice: string): boolean {
    return this.first.has(invoice);
  }

  /** The rowid of the shop's first row of the invoice, if it holds one. */
  firstRow(invoice: string | null): number | undefined {
    return invoice === null ? undefined : this.first.get(invoice);
  }

  /**
   * The shop's row of an invoice an update writes a customer's lines into: the one this import
   * already wrote for that customer (`merge`: the lines join it), else one not yet written, the
   * customer's own first when the shop holds several; null when each is another customer's.
   */
  claim(invoice: string, first: number, customer: KnownCustomer): { rowid: number; merge: boolean } | null {
    const more = this.more.get(invoice);
    const rowids = more ? [first, ...more] : [first];
    const own = rowids.find((r) => this.claimed.get(r) === customer.id);
    if (own !== undefined) return { rowid: own, merge: true };
    const free = rowids.filter((r) => !this.claimed.has(r));
    const customerOf = (rowid: number) => this.sqlite.prepare('SELECT customer_id FROM transactions WHERE rowid = ?').pluck().get(rowid);
    const rowid = free.length > 1 ? (free.find((r) => customerOf(r) === customer.id) ?? free[0]) : free[0];
    if (rowid === undefined) return null;
    this.claimed.set(rowid, customer.id);
    return { rowid, merge: false };
  }

  /** Whether the shop's transaction already says what the file does (a marketplace export imported again). */
  sameAs(id: string, values: Record<string, unknown>): boolean {
    const row = this.sqlite
      .prepare('SELECT customer_id, transaction_date, amount, items, channel, campaign_code, notes FROM transactions WHERE id = ?')
      .get(id) as Record<string, unknown> | undefined;
    return row !== undefined && Object.entries(values).every(([key, value]) => row[key] === value);
  }

  /** The transaction at `rowid`, checked to be the invoice's; found by its number should SQLite ever have numbered rows otherwise. */
  byRowid(rowid: number, invoice: string): { id: string; amount: number; items: string } {
    type Row = { id: string; invoice_no: string | null; amount: number; items: string };
    const row = this.sqlite.prepare('SELECT id, invoice_no, amount, items FROM transactions WHERE rowid = ?').get(rowid) as Row | undefined;
    if (row?.invoice_no === invoice) return row;
    return this.sqlite
      .prepare('SELECT id, invoice_no, amount, items FROM transactions WHERE invoice_no = ? AND deleted_at IS NULL ORDER BY rowid DESC LIMIT 1')
      .get(invoice) as Row;
  }
}
