/**
 * What the analyses write (migrations 0003, 0007, 0019, 0024), part of `Database` in schema.ts: each RFM
 * run and its per-customer scores, each lifetime-value fit and its per-customer figures. Apart
 * because they are results computed from the sales, rewritten by each run, never typed in.
 */

export interface RfmRunsTable {
  id: string;
  analysis_date: string;
  method: 'fixed' | 'quintile';
  parameters: string; // JSON
  summary: string; // JSON
  window_months: number | null;
  customers: number;
  duration_ms: number;
  trigger: 'manual' | 'import' | 'startup';
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
  /** Migration 0024: whether the run read customer_rfm ('rollup') or every sale ('scan'); NULL before. */
  figures_from: 'rollup' | 'scan' | null;
}

export interface RfmAnalysisTable {
  run_id: string;
  customer_id: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: string;
  first_purchase: string;
  last_purchase: string;
  avg_order_value: number;
  median_gap_days: number | null;
}

/** A fitted lifetime-value model, or the reason it could not be fitted (migrations/0019). Not synced. */
export interface ClvFitsTable {
  id: string;
  as_of: string;
  calibration_end: string;
  unit_days: 1 | 7;
  status: 'fitted' | 'too_few_customers' | 'too_few_repeat_buyers' | 'no_convergence' | 'degenerate';
  customers: number;
  repeat_buyers: number;
  r: number | null;
  alpha: number | null;
  a: number | null;
  b: number | null;
  log_likelihood: number | null;
  p: number | null;
  q: number | null;
  gamma: number | null;
  monthly_discount: number;
  horizon_months: number;
  holdout: string | null; // JSON
  duration_ms: number;
  trigger: 'manual' | 'rfm' | 'cli';
  user_id: string | null;
  created_at: string;
}

/** The latest fit's per-customer scores (migrations/0019). */
export interface ClvScoresTable {
  fit_id: string;
  customer_id: string;
  x: number;
  t_x: number;
  t_cal: number;
  p_alive: number;
  expected_30: number;
  expected_90: number;
  expected_365: number;
  expected_aov: number;
  clv: number;
}
