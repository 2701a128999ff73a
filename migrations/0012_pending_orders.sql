-- Marketplace and till orders still in progress (to ship, shipped, unpaid) the owner chose to keep
-- as pending rather than skip. They are not sales yet, so they stay out of `transactions`: every
-- revenue, RFM and dashboard query reads that table and none of them has a status to filter on.
-- A later import in which the order is completed writes it as a transaction and removes it here;
-- one in which it was cancelled removes it. Local to this device: the import that wrote a row is
-- its upload_id, and undoing that import removes its rows. One row per order of a channel.
CREATE TABLE pending_orders (
  channel TEXT NOT NULL,
  invoice_no TEXT NOT NULL,
  order_date TEXT NOT NULL,
  -- The customer as the file names them (JSON: code, name, phone, email, channel identity, city):
  -- created in the shop only once the order is a sale.
  customer TEXT NOT NULL,
  customer_name TEXT,
  amount INTEGER NOT NULL,
  items TEXT NOT NULL DEFAULT '[]',
  -- The platform's own status text, as the file says it (Dikirim, Perlu Dikirim, Pending).
  status TEXT NOT NULL,
  upload_id TEXT REFERENCES upload_history(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (channel, invoice_no)
) WITHOUT ROWID;
CREATE INDEX idx_pending_orders_upload ON pending_orders(upload_id);
