-- The RFM snapshot keeps what a run measured and decided: figures, scores, segment, the median gap.
-- The CLV proxy and the churn ratio and band follow from those and the run's stored parameters, so
-- they are computed when read (src-main/rfm/derived.ts) instead of written 100k times per run; and
-- the rows have no foreign keys: they are derived in one transaction with their run row from sales
-- whose customers exist, and checking each row's customer and run cost a third of the write.

CREATE TABLE rfm_analysis_lean (
  run_id           TEXT NOT NULL,
  customer_id      TEXT NOT NULL,
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
  median_gap_days  REAL,
  PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;

INSERT INTO rfm_analysis_lean
  SELECT run_id, customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, segment,
         first_purchase, last_purchase, avg_order_value, median_gap_days
  FROM rfm_analysis;
DROP TABLE rfm_analysis;
ALTER TABLE rfm_analysis_lean RENAME TO rfm_analysis;
