import { sql, type RawBuilder } from 'kysely';
import type { ChurnBand } from '../../src-shared/rfm/rules';
import type { RfmRunRow } from '../../src-shared/schemas/rfm';

export interface DerivedFigures {
  clv: RawBuilder<number>;
  churnRatio: RawBuilder<number | null>;
  churnBand: RawBuilder<ChurnBand | null>;
}

/**
 * A snapshot row's CLV proxy, churn ratio and churn band, from its figures (table alias `a`) and its
 * run's parameters: computed when read, not stored, because they follow from what is (migration
 * 0007). The one place these rules are written; lists, sorting, filters and export use them.
 */
export function derivedFigures(run: Pick<RfmRunRow, 'analysisDate' | 'parameters'>): DerivedFigures {
  const { clvExpectedYears, shopMedianGapDays } = run.parameters;
  // Days since the last purchase ÷ the customer's median gap between purchase days (the shop's for
  // a customer who came on one day only; a gap under a day counts as one). NULL when nobody came back.
  const ratio = sql`(a.recency_days * 1.0 / max(coalesce(a.median_gap_days, ${shopMedianGapDays}), 1))`;
  return {
    // Average order × purchases per year over the tenure (at least a year, so a new buyer is not
    // extrapolated) × the years a customer is expected to stay.
    clv: sql<number>`round(a.avg_order_value * (a.frequency / max((julianday(${run.analysisDate}) - julianday(a.first_purchase)) / 365.0, 1)) * ${clvExpectedYears})`,
    churnRatio: sql<number | null>`round(${ratio}, 2)`,
    // A rule of thumb, not a probability: active < 1 ≤ cooling ≤ 2 < at risk ≤ 3 < likely lost.
    churnBand: sql<ChurnBand | null>`CASE WHEN ${ratio} < 1 THEN 'active' WHEN ${ratio} <= 2 THEN 'cooling' WHEN ${ratio} <= 3 THEN 'at_risk' WHEN ${ratio} > 3 THEN 'likely_lost' END`,
  };
}
