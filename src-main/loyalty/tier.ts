import type { LoyaltyRules } from '../../src-shared/schemas/loyalty';
import type { Sqlite } from '../db/open';

/** The highest tier whose minimum the figure reaches; null below the first (or with tiers off). */
export function tierFor(rules: LoyaltyRules, figure: number): string | null {
  if (rules.tierBasis === 'none') return null;
  let name: string | null = null;
  for (const tier of rules.tiers) if (figure >= tier.min) name = tier.name;
  return name;
}

/** What a customer's tier is measured by: their balance, or their live sales of the last 12 months. */
export function tierFigure(sqlite: Sqlite, rules: LoyaltyRules, customerId: string, balance: number, today: string): number {
  if (rules.tierBasis !== 'spend12m') return balance;
  return sqlite
    .prepare(
      "SELECT coalesce(sum(amount), 0) FROM transactions WHERE customer_id = ? AND deleted_at IS NULL AND transaction_date > date(?, '-12 months') AND transaction_date <= ?",
    )
    .pluck()
    .get(customerId, today, today) as number;
}
