import { sql, type RawBuilder } from 'kysely';
import type { TIER_FILTERS } from '../../src-shared/schemas/loyalty';

/**
 * The customers list's loyalty filters and export columns, as SQL over `customers` (the list's query
 * is built without a connection at hand, so the rules are read in SQL from their settings row).
 */
const RULES = sql`(SELECT value FROM settings WHERE key = 'loyalty')`;

/** A customer's balance: the ledger's sum, from the by-customer index. */
export const POINTS = sql<number>`(SELECT coalesce(sum(l.points), 0) FROM loyalty_ledger l WHERE l.customer_id = customers.id)`;

const BASIS = sql`coalesce(json_extract(${RULES}, '$.tierBasis'), 'none')`;

/** What the tier is measured by: the balance, or the last 12 months' spend (to today's UTC date). */
const FIGURE = sql`(CASE ${BASIS} WHEN 'spend12m' THEN (SELECT coalesce(sum(t.amount), 0) FROM transactions t WHERE t.customer_id = customers.id AND t.deleted_at IS NULL AND t.transaction_date > date('now', '-12 months')) ELSE ${POINTS} END)`;

const least = (i: number) => sql`json_extract(${RULES}, ${`$.tiers[${i}].min`})`;

/** Customers in a tier of the shop's rules (tier1…tier3), or in none. */
export function inTier(tier: (typeof TIER_FILTERS)[number]): RawBuilder<boolean> {
  if (tier === 'none') return sql<boolean>`(${BASIS} = 'none' OR ${FIGURE} < ${least(0)})`;
  const i = Number(tier.slice(4)) - 1;
  const below = i < 2 ? sql` AND ${FIGURE} < ${least(i + 1)}` : sql``;
  return sql<boolean>`(${BASIS} <> 'none' AND ${FIGURE} >= ${least(i)}${below})`;
}

/** The tier's name for the export, as the shop named it; empty below the first or with tiers off. */
export const TIER_NAME = sql<string | null>`(CASE WHEN ${BASIS} = 'none' THEN NULL
  WHEN ${FIGURE} >= ${least(2)} THEN json_extract(${RULES}, '$.tiers[2].name')
  WHEN ${FIGURE} >= ${least(1)} THEN json_extract(${RULES}, '$.tiers[1].name')
  WHEN ${FIGURE} >= ${least(0)} THEN json_extract(${RULES}, '$.tiers[0].name') END)`;
