import { presetById } from '../presets';
import type { ImportEnv } from './env';
import type { Pending } from './invoice-customers';

/**
 * A marketplace export's orders still in progress, which the owner keeps apart from the sales
 * (migration 0012) until they complete, are cancelled or come back returned — by the channel of the
 * export's preset; a file without a preset keeps none. Counts what it kept, settled and cancelled.
 */
export class PendingOrders {
  private readonly channel: string | null;
  /** The channel's pending orders when the import began: only these can settle or be cancelled. */
  private readonly before = new Set<string>();
  /** By order: what this import kept of it so far (an unsorted file may list its lines apart). */
  private readonly kept = new Map<string, { amount: number; items: unknown[] }>();
  private settled = 0;
  private cancelled = 0;

  constructor(private readonly env: ImportEnv) {
    this.channel = presetById(env.options.preset)?.channel ?? null;
    if (this.channel === null) return;
    const kept = env.sqlite.prepare('SELECT invoice_no FROM pending_orders WHERE channel = ?').pluck().all(this.channel) as string[];
    for (const invoice of kept) this.before.add(invoice);
  }

  /**
   * Keeps an order in progress, its customer as the file names them (created only once the order
   * is a sale). An order the shop already holds as a sale (`alreadySale`) stays as it is.
   */
  keep(group: Pending, status: string, amount: number, itemsJson: string, alreadySale: boolean): void {
    const invoice = group.invoice as string;
    if (this.channel === null || alreadySale) return;
    const c = group.customer;
    // Lines of the order met earlier in the file: kept with these, not replaced by them.
    const earlier = this.kept.get(invoice);
    const kept = { amount: amount + (earlier?.amount ?? 0), items: [...(earlier?.items ?? []), ...(JSON.parse(itemsJson) as unknown[])] };
    this.kept.set(invoice, kept);
    this.env.w.keepPending({
      channel: this.channel,
      invoice_no: invoice,
      order_date: group.date,
      customer: JSON.stringify(c),
      customer_name: c.name ?? c.channelId ?? c.code ?? null,
      amount: kept.amount,
      items: JSON.stringify(kept.items),
      status,
      upload_id: this.env.uploadId,
    });
  }

  /** The order completed (or came back returned) since: a sale now, pending no longer. */
  settle(invoice: string): void {
    if (this.drop(invoice)) this.settled += 1;
  }

  /** The order was cancelled (or returned, and returns are left out) since: pending no longer. */
  cancel(invoice: string): void {
    if (this.drop(invoice)) this.cancelled += 1;
  }

  warnings(t: ImportEnv['t']): string[] {
    const out: string[] = [];
    if (this.kept.size > 0) out.push(t('imp.presetPending', { count: this.kept.size }));
    if (this.settled > 0) out.push(t('imp.pendingSettled', { count: this.settled }));
    if (this.cancelled > 0) out.push(t('imp.pendingCancelled', { count: this.cancelled }));
    return out;
  }

  /** Removes the order from the pending ones, if it is one. Whether it was. */
  private drop(invoice: string): boolean {
    if (this.channel === null || !this.before.has(invoice)) return false;
    this.before.delete(invoice);
    return this.env.w.dropPending(this.channel, invoice);
  }
}
