-- What an RFM run of all time needs per customer, kept by triggers in the same transaction as every
-- write (like 0006's customer_span), so the default run reads 100k rows instead of a million sales:
--  * customer_rfm: live sales (the RFM frequency counts sales), their sum, the first and last
--    purchase day; and the median gap in days between consecutive purchase days with the gaps it
--    came from. A write does not work the median out (that costs a sort of the customer's days,
--    and an import's undo soft-deletes its sales one by one): it marks the customer `stale`, and
--    the next run reads the few stale customers' days again (src-main/rfm/rollup.ts).
--  * customer_gap_counts: how many gaps of each length there are between consecutive purchase days,
--    over every customer, as of the last refresh: the shop's median gap is read from a few hundred
--    rows. A refresh takes a stale customer's old `gaps` out of it and puts the new ones in.
-- Keyed by the transactions' customer_id, deleted customers included (a run leaves them out, and
-- takes their gaps back out of the shop's counts). A customer left without sales keeps a row with
-- orders = 0 until the refresh has taken their gaps out.
-- Filled here with every customer stale: the first run after this migration reads every sale once.

CREATE TABLE customer_rfm (
  customer_id      TEXT PRIMARY KEY,
  orders           INTEGER NOT NULL,
  amount           INTEGER NOT NULL,
  first_purchase   TEXT NOT NULL,
  last_purchase    TEXT NOT NULL,
  median_gap_days  REAL,
  -- The gaps counted in customer_gap_counts for this customer, comma-separated; NULL when none are.
  gaps             TEXT,
  stale            INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE INDEX idx_customer_rfm_stale ON customer_rfm(customer_id) WHERE stale = 1;

CREATE TABLE customer_gap_counts (
  gap  INTEGER PRIMARY KEY,
  n    INTEGER NOT NULL
);

-- Which way a run read its figures: 'rollup' (the tables above) or 'scan' (every sale); NULL for
-- runs made before there was a choice.
ALTER TABLE rfm_runs ADD COLUMN figures_from TEXT CHECK (figures_from IN ('rollup', 'scan'));

INSERT INTO customer_rfm (customer_id, orders, amount, first_purchase, last_purchase)
  SELECT customer_id, COUNT(*), SUM(amount), MIN(transaction_date), MAX(transaction_date) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id;

-- A new live sale adds to its customer and may add a purchase day.
CREATE TRIGGER customer_rfm_insert AFTER INSERT ON transactions WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO customer_rfm (customer_id, orders, amount, first_purchase, last_purchase) VALUES (NEW.customer_id, 1, NEW.amount, NEW.transaction_date, NEW.transaction_date)
    ON CONFLICT (customer_id) DO UPDATE SET orders = orders + 1, amount = amount + excluded.amount,
      first_purchase = CASE WHEN orders = 0 THEN excluded.first_purchase ELSE min(first_purchase, excluded.first_purchase) END,
      last_purchase = CASE WHEN orders = 0 THEN excluded.last_purchase ELSE max(last_purchase, excluded.last_purchase) END, stale = 1;
END;

-- An edit, delete or restore: the old row's sale leaves its customer (whose first and last day are
-- read again from their other live sales, two index seeks), then the new row's joins its customer.
CREATE TRIGGER customer_rfm_update AFTER UPDATE OF customer_id, transaction_date, amount, deleted_at ON transactions
BEGIN
  UPDATE customer_rfm SET orders = orders - 1, amount = amount - OLD.amount,
      first_purchase = coalesce((SELECT MIN(transaction_date) FROM transactions WHERE customer_id = OLD.customer_id AND deleted_at IS NULL AND rowid <> OLD.rowid), first_purchase),
      last_purchase = coalesce((SELECT MAX(transaction_date) FROM transactions WHERE customer_id = OLD.customer_id AND deleted_at IS NULL AND rowid <> OLD.rowid), last_purchase),
      stale = 1
    WHERE OLD.deleted_at IS NULL AND customer_id = OLD.customer_id;
  INSERT INTO customer_rfm (customer_id, orders, amount, first_purchase, last_purchase)
    SELECT NEW.customer_id, 1, NEW.amount, NEW.transaction_date, NEW.transaction_date WHERE NEW.deleted_at IS NULL
    ON CONFLICT (customer_id) DO UPDATE SET orders = orders + 1, amount = amount + excluded.amount,
      first_purchase = CASE WHEN orders = 0 THEN excluded.first_purchase ELSE min(first_purchase, excluded.first_purchase) END,
      last_purchase = CASE WHEN orders = 0 THEN excluded.last_purchase ELSE max(last_purchase, excluded.last_purchase) END, stale = 1;
END;

CREATE TRIGGER customer_rfm_delete AFTER DELETE ON transactions WHEN OLD.deleted_at IS NULL
BEGIN
  UPDATE customer_rfm SET orders = orders - 1, amount = amount - OLD.amount,
      first_purchase = coalesce((SELECT MIN(transaction_date) FROM transactions WHERE customer_id = OLD.customer_id AND deleted_at IS NULL), first_purchase),
      last_purchase = coalesce((SELECT MAX(transaction_date) FROM transactions WHERE customer_id = OLD.customer_id AND deleted_at IS NULL), last_purchase),
      stale = 1
    WHERE customer_id = OLD.customer_id;
END;
