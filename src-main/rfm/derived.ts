import { sql, type RawBuilder } from 'kysely';
import type { ChurnBand } from '../../src-shared/rfm/rules';
import { P_ALIVE_BANDS } from '../../src-shared/rfm/churn';
import type { RfmRunRow } from '../../src-shared/schemas/rfm';

export interface DerivedFigures {
  clv: RawBuilder<number>;
  churnRatio: RawBuilder<number | null>;
  churnBand: RawBuilder<ChurnBand | null>;
  /** From the fitted model (src-main/clv/): NULL when the shop has no fit for the run's date. */
  pAlive: RawBuilder<number | null>;
  expected90: RawBuilder<number | null>;
  clvFitted: RawBuilder<number | null>;
}

/**
 * The latest fit's score of the row's customer (table alias `a`), when that fit was made for the
 * run's analysis date (every RFM run is followed by one; a fit refused stores no scores). Only the
 * latest fit has scores, so any fit of that date names them. One index lookup per row; the fits of
 * the date are listed once per statement.
 */
function score(run: Pick<RfmRunRow, 'analysisDate'>, column: 'p_alive' | 'expected_90' | 'clv', repeatOnly = false) {
  return sql`(SELECT s.${sql.ref(column)} FROM clv_scores AS s WHERE s.customer_id = a.customer_id ${repeatOnly ? sql`AND s.x > 0 ` : sql``}AND s.fit_id IN (SELECT f.id FROM clv_fits AS f WHERE f.status = 'fitted' AND f.as_of = ${run.analysisDate}))`;
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
  // P(alive) of customers who came back: for one who bought once the model's answer is 1 by its
  // construction (dropping out happens after a purchase), which says nothing, so they keep the rule.
  const pAlive = score(run, 'p_alive', true);
  const [active, cooling, atRisk] = P_ALIVE_BANDS;
  return {
    // Average order × purchases per year over the tenure (at least a year, so a new buyer is not
    // extrapolated) × the years a customer is expected to stay.
    clv: sql<number>`round(a.avg_order_value * (a.frequency / max((julianday(${run.analysisDate}) - julianday(a.first_purchase)) / 365.0, 1)) * ${clvExpectedYears})`,
    churnRatio: sql<number | null>`round(${ratio}, 2)`,
    // From P(alive) where the model scored the customer; else a rule of thumb, not a probability:
    // active < 1 ≤ cooling ≤ 2 < at risk ≤ 3 < likely lost.
    churnBand: sql<ChurnBand | null>`coalesce(
      (SELECT CASE WHEN p >= ${active} THEN 'active' WHEN p >= ${cooling} THEN 'cooling' WHEN p >= ${atRisk} THEN 'at_risk' ELSE 'likely_lost' END FROM (SELECT ${pAlive} AS p) WHERE p IS NOT NULL),
      CASE WHEN ${ratio} < 1 THEN 'active' WHEN ${ratio} <= 2 THEN 'cooling' WHEN ${ratio} <= 3 THEN 'at_risk' WHEN ${ratio} > 3 THEN 'likely_lost' END)`,
    pAlive: sql<number | null>`${pAlive}`,
    expected90: sql<number | null>`${score(run, 'expected_90')}`,
    clvFitted: sql<number | null>`round(${score(run, 'clv')})`,
  };
}
