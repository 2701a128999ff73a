-- A fitted lifetime-value model (BG/NBD and Gamma-Gamma, src-main/clv/) and what it says of each
-- customer. Derived data like the RFM snapshot: rebuilt by every fit on this laptop, never synced.
-- A fit the data cannot support is recorded too, with the reason, and no parameters: the app then
-- keeps its rule-of-thumb churn band instead of showing a probability it does not have.
CREATE TABLE clv_fits (
  id               TEXT PRIMARY KEY,
  as_of            TEXT NOT NULL,                 -- the analysis date, YYYY-MM-DD
  calibration_end  TEXT NOT NULL,                 -- the fit reads sales up to this day
  unit_days        INTEGER NOT NULL CHECK (unit_days IN (1, 7)),
  status           TEXT NOT NULL CHECK (status IN ('fitted', 'too_few_customers', 'too_few_repeat_buyers', 'no_convergence', 'degenerate')),
  customers        INTEGER NOT NULL,
  repeat_buyers    INTEGER NOT NULL,
  -- BG/NBD, with its log-likelihood; NULL when refused before fitting
  r                REAL,
  alpha            REAL,
  a                REAL,
  b                REAL,
  log_likelihood   REAL,
  -- Gamma-Gamma on the repeat buyers; gamma in the shop's stored amount unit (rupiah)
  p                REAL,
  q                REAL,
  gamma            REAL,
  monthly_discount REAL NOT NULL,
  horizon_months   INTEGER NOT NULL,
  -- JSON: the model refitted on all but the last part of history and set against what happened
  -- after it (predicted and actual repeat purchases, in total and per calibration frequency)
  holdout          TEXT,
  duration_ms      INTEGER NOT NULL,
  trigger          TEXT NOT NULL CHECK (trigger IN ('manual', 'rfm', 'cli')),
  user_id          TEXT,
  created_at       TEXT NOT NULL
);
CREATE INDEX idx_clv_fits_created ON clv_fits(created_at DESC);

-- The latest fit's scores only (a new fit replaces them): P(alive), purchases expected in the next
-- 30/90/365 days, the expected value of a purchase and the lifetime value, in rupiah.
CREATE TABLE clv_scores (
  fit_id           TEXT NOT NULL,
  customer_id      TEXT NOT NULL,
  x                INTEGER NOT NULL,
  t_x              REAL NOT NULL,
  t_cal            REAL NOT NULL,
  p_alive          REAL NOT NULL,
  expected_30      REAL NOT NULL,
  expected_90      REAL NOT NULL,
  expected_365     REAL NOT NULL,
  expected_aov     REAL NOT NULL,
  clv              REAL NOT NULL,
  PRIMARY KEY (customer_id, fit_id)
) WITHOUT ROWID;
