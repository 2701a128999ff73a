-- RFM snapshots (seed 002 §2.6, seed 000 stage 6): one rfm_runs row per analysis, with the rules it
-- used, and one rfm_analysis row per customer scored. Runs are kept so the app can show how
-- customers move between segments over time.

CREATE TABLE rfm_runs (
  id             TEXT PRIMARY KEY,
  analysis_date  TEXT NOT NULL CHECK (analysis_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  method         TEXT NOT NULL CHECK (method IN ('fixed', 'quintile')),
  -- JSON: the edges, the segment map, the CLV years and the shop's median gap, as used.
  parameters     TEXT NOT NULL,
  -- JSON: the segment table, the R×F grid and the movement since the run before, as found.
  summary        TEXT NOT NULL,
  window_months  INTEGER,
  customers      INTEGER NOT NULL,
  duration_ms    INTEGER NOT NULL,
  trigger        TEXT NOT NULL CHECK (trigger IN ('manual', 'import', 'startup')),
  user_id        TEXT REFERENCES users(id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  hlc            TEXT NOT NULL
);
CREATE INDEX idx_rfm_runs_created ON rfm_runs(created_at);

-- Derived rows, rebuilt by every run: they are not synced one by one (the run row is), and a run is
-- written in one transaction, so a snapshot is whole or absent.
CREATE TABLE rfm_analysis (
  -- Deferred: the rows are written first and the run row last, when the duration is known.
  run_id           TEXT NOT NULL REFERENCES rfm_runs(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  customer_id      TEXT NOT NULL REFERENCES customers(id),
  recency_days     INTEGER NOT NULL,
  frequency        INTEGER NOT NULL,
  monetary         INTEGER NOT NULL,
  r_score          INTEGER NOT NULL CHECK (r_score BETWEEN 1 AND 5),
  f_score          INTEGER NOT NULL CHECK (f_score BETWEEN 1 AND 5),
  m_score          INTEGER NOT NULL CHECK (m_score BETWEEN 1 AND 5),
  segment          TEXT NOT NULL,
  first_purchase   TEXT NOT NULL,
  last_purchase    TEXT NOT NULL,
  avg_order_value  INTEGER NOT NULL,
  clv              INTEGER NOT NULL,
  median_gap_days  REAL,
  churn_ratio      REAL,
  churn_band       TEXT CHECK (churn_band IN ('active', 'cooling', 'at_risk', 'likely_lost')),
  PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;
-- No secondary index: a segment's members are read by scanning the run's rows in primary-key order
-- (100k rows in tens of milliseconds), and every run would pay for an index on each of its rows.
-- A customer's history is one primary-key seek per run.

-- The period index gains customer_id at its end, so the dashboard's active, new and top customers
-- of a period are answered from the index alone (the list still walks it by date and id).
DROP INDEX idx_transactions_date;
CREATE INDEX idx_transactions_date ON transactions(transaction_date, id, amount, deleted_at, customer_id);

-- Sales per day of live transactions, kept by triggers in the same transaction as every write
-- (form, import, undo, sync), so the dashboard's sums and monthly trend read a few hundred rows
-- instead of a million.
CREATE TABLE sales_daily (
  day      TEXT PRIMARY KEY,
  revenue  INTEGER NOT NULL,
  orders   INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO sales_daily (day, revenue, orders)
  SELECT transaction_date, SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL GROUP BY transaction_date;

CREATE TRIGGER sales_daily_insert AFTER INSERT ON transactions WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO sales_daily (day, revenue, orders) VALUES (NEW.transaction_date, NEW.amount, 1)
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue, orders = orders + 1;
END;

CREATE TRIGGER sales_daily_update AFTER UPDATE OF transaction_date, amount, deleted_at ON transactions
BEGIN
  UPDATE sales_daily SET revenue = revenue - OLD.amount, orders = orders - 1
    WHERE OLD.deleted_at IS NULL AND day = OLD.transaction_date;
  INSERT INTO sales_daily (day, revenue, orders) SELECT NEW.transaction_date, NEW.amount, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (day) DO UPDATE SET revenue = revenue + excluded.revenue, orders = orders + 1;
END;

CREATE TRIGGER sales_daily_delete AFTER DELETE ON transactions WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE sales_daily SET revenue = revenue - OLD.amount, orders = orders - 1 WHERE day = OLD.transaction_date;
END;
