import { sql } from 'kysely';
import type { z } from 'zod';
import type { loyaltyReportOutput } from '../../src-shared/schemas/loyalty';
import type { Ctx } from '../core/context';
import { readLoyaltyRules } from './rules';

type Month = z.output<typeof loyaltyReportOutput>['months'][number];

/**
 * Per month: points issued (earned), redeemed, expired, reversed and adjusted, and the points still
 * owed at the month's end with what they are worth at today's redeem rate (the shop's liability).
 * One grouped pass over the ledger; the running total makes the outstanding figure.
 */
export async function loyaltyReport(ctx: Ctx, input: { months: number }): Promise<z.output<typeof loyaltyReportOutput>> {
  const rules = readLoyaltyRules(ctx.sqlite);
  const grouped = await sql<{ month: string; earn: number; redeem: number; expire: number; reversal: number; adjust: number }>`
    SELECT substr(day, 1, 7) AS month,
      sum(CASE WHEN kind = 'earn' THEN points ELSE 0 END) AS earn,
      sum(CASE WHEN kind = 'redeem' THEN -points ELSE 0 END) AS redeem,
      sum(CASE WHEN kind = 'expire' THEN -points ELSE 0 END) AS expire,
      sum(CASE WHEN kind = 'reversal' THEN -points ELSE 0 END) AS reversal,
      sum(CASE WHEN kind = 'adjust' THEN points ELSE 0 END) AS adjust
    FROM loyalty_ledger GROUP BY month ORDER BY month`.execute(ctx.db);
  let outstanding = 0;
  const months: Month[] = grouped.rows.map((r) => {
    outstanding += r.earn - r.redeem - r.expire - r.reversal + r.adjust;
    return {
      month: r.month,
      issued: r.earn,
      redeemed: r.redeem,
      expired: r.expire,
      reversed: r.reversal,
      adjusted: r.adjust,
      outstanding,
      liability: outstanding * rules.redeemValue,
    };
  });
  return { redeemValue: rules.redeemValue, months: months.slice(-input.months) };
}
