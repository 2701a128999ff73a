import { newId } from '../../core/ids';
import type { Sqlite } from '../../db/open';
import type { Pending } from './invoice-customers';

/**
 * The returns of a sales import and the sales whose points it changes. A returned marketplace order
 * is written as its sale and its return (`returnOf`); every return the import writes and every sale
 * of the shop it changes is noted here, and at the import's end the sales that earn again are named
 * (`SalesToReEarn.sales`, read by loyalty/earn.ts). Apart from the importer (transactions.ts)
 * because this is the loyalty side of the import: what the importer writes does not depend on it.
 */

/**
 * The return of a returned marketplace order: its sale stays, and its return is a transaction of
 * its own, the invoice number with a `C` in front and the amounts negative, as a cancellation of a
 * shop's own file is kept.
 */
export function returnOf(group: Pending): Pending {
  const lines = group.lines.map((l) => ({ ...l, amount: -Math.abs(l.amount), item: l.item ? { ...l.item, qty: -Math.abs(l.item.qty) } : null }));
  return { ...group, id: newId(), invoice: `C${group.invoice as string}`, lines, returned: false, owner: null, known: null, ordinal: -1 };
}

/** What a shop's sale earns points by. */
type Earning = { customer_id: string; transaction_date: string; amount: number; channel: string | null };

export class SalesToReEarn {
  private readonly changed = new Set<string>();
  /** Returns written (`C` + the sale's invoice, amounts negative), as the sale's invoice and customer. */
  private readonly returnsOf = new Map<string, { invoice: string; customerId: string }>();

  constructor(private readonly sqlite: Sqlite) {}

  /** A sale written: noted if it is a return (`C` + a sale's invoice, negative: a marketplace order returned, or its refund row). */
  noteReturn(invoice: string | null, customerId: string, amount: number): void {
    if (amount < 0 && invoice !== null && invoice.startsWith('C') && invoice.length > 1)
      this.returnsOf.set(`${invoice}\u0000${customerId}`, { invoice: invoice.slice(1), customerId });
  }

  /** A sale of the shop the import changed the amount of. */
  noteChanged(id: string): void {
    this.changed.add(id);
  }

  /** A sale of the shop the file overwrites: noted if it changes what the sale earns points by (customer, amount, channel, day). */
  noteUpdate(id: string, values: Earning): void {
    const row = this.sqlite.prepare('SELECT customer_id, transaction_date, amount, channel FROM transactions WHERE id = ?').get(id) as Earning | undefined;
    const earnsOtherwise =
      row === undefined ||
      row.customer_id !== values.customer_id ||
      row.transaction_date !== values.transaction_date ||
      row.amount !== values.amount ||
      (row.channel ?? 'offline') !== (values.channel ?? 'offline');
    if (earnsOtherwise) this.changed.add(id);
  }

  /**
   * What earns again at the import's end: the shop's sales it changed, and the sales it wrote a
   * return of (they then earn on what is left of them, loyalty/earn.ts), wherever they came from.
   */
  sales(): ReadonlyMap<string, 'changed' | 'returned'> {
    const sales = new Map<string, 'changed' | 'returned'>([...this.changed].map((id) => [id, 'changed']));
    const find = this.sqlite.prepare('SELECT id FROM transactions WHERE invoice_no = ? AND customer_id = ? AND deleted_at IS NULL AND amount > 0').pluck();
    for (const { invoice, customerId } of this.returnsOf.values()) for (const id of find.all(invoice, customerId) as string[]) sales.set(id, 'returned');
    return sales;
  }
}
