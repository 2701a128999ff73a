import type { WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import type { JobCtx } from '../jobs/types';
import { customerEntries } from './entries';
import { dueToExpire } from './lots';
import { prepared } from './prepared';
import { shopDay } from './rules';

export interface ExpiryResult {
  day: string;
  lots: number;
  points: number;
}

/**
 * Writes an expiry for what is left of every lot whose day has come, dated that day, in one
 * transaction. The ledger replayed (lots.ts) already counts an expiry written before, so a second
 * run the same day, or two at once (the write lock orders them), expires nothing twice.
 *
 * Only customers who may have something new to expire are replayed: those with a lot that came
 * due since the last run, or a lot written since it (an import of older sales may add one already
 * due, or leave more in an older lot). Nothing else changes what an expired lot still holds.
 */
export function expirePoints(ctx: WriteCtx, today: string): ExpiryResult {
  return write(ctx, (w) => {
    const last = prepared(ctx.sqlite, 'SELECT day, seen_rowid AS seen FROM loyalty_expiry_runs ORDER BY rowid DESC LIMIT 1').get() as
      { day: string; seen: number } | undefined;
    const since = last && last.day <= today ? last : { day: '', seen: 0 };
    const customers = prepared(
      ctx.sqlite,
      `SELECT customer_id FROM loyalty_ledger WHERE expires_on > ? AND expires_on <= ?
       UNION SELECT customer_id FROM loyalty_ledger WHERE rowid > ? AND expires_on <= ?`,
    )
      .pluck()
      .all(since.day, today, since.seen, today) as string[];
    let lots = 0;
    let points = 0;
    for (const customerId of customers) {
      for (const lot of dueToExpire(customerEntries(ctx.sqlite, customerId), today)) {
        w.local(
          ctx.db.insertInto('loyalty_ledger').values({
            id: newId(),
            customer_id: customerId,
            kind: 'expire',
            points: -lot.remaining,
            day: lot.expiresOn as string,
            lot_id: lot.id,
            created_by: null,
            created_at: w.now,
          }),
        );
        lots += 1;
        points += lot.remaining;
      }
    }
    const seen = (prepared(ctx.sqlite, 'SELECT max(rowid) FROM loyalty_ledger').pluck().get() as number | null) ?? 0;
    w.local(ctx.db.insertInto('loyalty_expiry_runs').values({ day: today, seen_rowid: seen, lots, points, ran_at: w.now }));
    return { day: today, lots, points };
  });
}

/** The job: the shop's today, read in the worker. */
export function expireJob(_params: Record<string, never>, ctx: JobCtx): ExpiryResult {
  return expirePoints(ctx, shopDay(ctx.sqlite, ctx.clock));
}
