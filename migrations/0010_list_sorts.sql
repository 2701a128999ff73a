-- The transactions list sorted by amount (largest sales first) or by when a sale was recorded:
-- without an index every page sorted all live sales (2.3 s and more at a million). Walked backwards
-- for the first page; deleted_at is in them so deleted rows are skipped without reading the table
-- (as in idx_transactions_date). The search needs none: it reads the invoice, campaign and
-- customer indexes of 0001.
CREATE INDEX idx_transactions_amount ON transactions(amount, id, deleted_at);
CREATE INDEX idx_transactions_created ON transactions(created_at, id, deleted_at);
