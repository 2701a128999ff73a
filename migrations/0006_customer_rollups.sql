-- Two per-customer summaries of live transactions, kept by triggers in the same transaction as every
-- write (like sales_daily), for the dashboard at a million sales:
--  * customer_span: each customer's first and last purchase day. "New customers" of a period are
--    those whose first purchase falls in it; "active" ones are found from the span too, and only
--    customers who bought both before and after a period need a look at their sales.
--  * customer_sales_yearly: revenue and orders per customer and calendar year, so "this year"'s
--    top customers are an index read rather than a grouping of every sale of the year.
-- Keyed by the transactions' customer_id, deleted customers included: their sales still count in
-- the shop's figures (the queries leave them out where a customer is shown).
-- No secondary indexes: every sale written moves a customer's last purchase and yearly revenue, and
-- keeping an index on them up to date would double what each sale costs to write; reading a whole
-- rollup (at most one row per customer, or per customer and year) is fast enough.

CREATE TABLE customer_span (
  customer_id     TEXT PRIMARY KEY,
  first_purchase  TEXT NOT NULL,
  last_purchase   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE customer_sales_yearly (
  year         TEXT NOT NULL,
  customer_id  TEXT NOT NULL,
  revenue      INTEGER NOT NULL,
  orders       INTEGER NOT NULL,
  PRIMARY KEY (year, customer_id)
) WITHOUT ROWID;

INSERT INTO customer_span (customer_id, first_purchase, last_purchase)
  SELECT customer_id, MIN(transaction_date), MAX(transaction_date) FROM transactions WHERE deleted_at IS NULL GROUP BY customer_id;
INSERT INTO customer_sales_yearly (year, customer_id, revenue, orders)
  SELECT substr(transaction_date, 1, 4), customer_id, SUM(amount), COUNT(*) FROM transactions WHERE deleted_at IS NULL GROUP BY 1, 2;

-- A new live sale can only widen its customer's span and add to one year.
CREATE TRIGGER customer_rollups_insert AFTER INSERT ON transactions WHEN NEW.deleted_at IS NULL
BEGIN
  INSERT INTO customer_span (customer_id, first_purchase, last_purchase) VALUES (NEW.customer_id, NEW.transaction_date, NEW.transaction_date)
    ON CONFLICT (customer_id) DO UPDATE SET first_purchase = min(first_purchase, excluded.first_purchase), last_purchase = max(last_purchase, excluded.last_purchase);
  INSERT INTO customer_sales_yearly (year, customer_id, revenue, orders) VALUES (substr(NEW.transaction_date, 1, 4), NEW.customer_id, NEW.amount, 1)
    ON CONFLICT (year, customer_id) DO UPDATE SET revenue = revenue + excluded.revenue, orders = orders + 1;
END;

-- An edit, delete or restore may narrow a span: both customers' spans are read again from their
-- sales (one index range each); the yearly totals take the old row out and the new one in.
CREATE TRIGGER customer_rollups_update AFTER UPDATE OF customer_id, transaction_date, amount, deleted_at ON transactions
BEGIN
  DELETE FROM customer_span WHERE customer_id IN (OLD.customer_id, NEW.customer_id);
  INSERT INTO customer_span (customer_id, first_purchase, last_purchase)
    SELECT customer_id, MIN(transaction_date), MAX(transaction_date) FROM transactions
    WHERE customer_id IN (OLD.customer_id, NEW.customer_id) AND deleted_at IS NULL GROUP BY customer_id;
  UPDATE customer_sales_yearly SET revenue = revenue - OLD.amount, orders = orders - 1
    WHERE OLD.deleted_at IS NULL AND year = substr(OLD.transaction_date, 1, 4) AND customer_id = OLD.customer_id;
  DELETE FROM customer_sales_yearly WHERE year = substr(OLD.transaction_date, 1, 4) AND customer_id = OLD.customer_id AND orders = 0;
  INSERT INTO customer_sales_yearly (year, customer_id, revenue, orders)
    SELECT substr(NEW.transaction_date, 1, 4), NEW.customer_id, NEW.amount, 1 WHERE NEW.deleted_at IS NULL
    ON CONFLICT (year, customer_id) DO UPDATE SET revenue = revenue + excluded.revenue, orders = orders + 1;
END;

CREATE TRIGGER customer_rollups_delete AFTER DELETE ON transactions WHEN OLD.deleted_at IS NULL
BEGIN
  DELETE FROM customer_span WHERE customer_id = OLD.customer_id;
  INSERT INTO customer_span (customer_id, first_purchase, last_purchase)
    SELECT customer_id, MIN(transaction_date), MAX(transaction_date) FROM transactions
    WHERE customer_id = OLD.customer_id AND deleted_at IS NULL GROUP BY customer_id;
  UPDATE customer_sales_yearly SET revenue = revenue - OLD.amount, orders = orders - 1
    WHERE year = substr(OLD.transaction_date, 1, 4) AND customer_id = OLD.customer_id;
  DELETE FROM customer_sales_yearly WHERE year = substr(OLD.transaction_date, 1, 4) AND customer_id = OLD.customer_id AND orders = 0;
END;

-- The few deleted customers, found without reading every customer: rankings leave them out.
CREATE INDEX idx_customers_deleted ON customers(id) WHERE deleted_at IS NOT NULL;
