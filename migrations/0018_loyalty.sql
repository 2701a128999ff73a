-- Loyalty points (issue 24). The ledger is the truth: a customer's balance is the sum of their
-- entries' points, never a stored figure. Entries are only ever added: a sale deleted or an import
-- undone adds a reversal, an expiry adds an 'expire' naming the lot (earn) it empties. Local to
-- this laptop for now (not in the outbox): a synced ledger would need the cloud's table first.
CREATE TABLE loyalty_ledger (
  id TEXT PRIMARY KEY,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK (kind IN ('earn', 'redeem', 'adjust', 'expire', 'reversal')),
  -- Signed: earns add, redeems, expiries and reversals take away, adjustments either way.
  points INTEGER NOT NULL CHECK (
    (kind = 'earn' AND points > 0) OR (kind IN ('redeem', 'expire', 'reversal') AND points < 0) OR (kind = 'adjust' AND points <> 0)
  ),
  -- The shop-local day it counts from (an earn: its sale's day), YYYY-MM-DD.
  day TEXT NOT NULL,
  -- The sale it earned on, was redeemed on, or reverses.
  transaction_id TEXT REFERENCES transactions(id),
  -- An expiry or a reversal: the lot (earn or positive adjustment) it empties.
  lot_id TEXT REFERENCES loyalty_ledger(id),
  -- A lot: the first day its points are no longer valid (null: they never expire).
  expires_on TEXT,
  -- A redemption: what its points were worth in rupiah at the rate of the day.
  value INTEGER,
  reason TEXT,
  created_by TEXT REFERENCES users(id),
  created_at TEXT NOT NULL
);
-- A customer's balance and ledger from the index alone.
CREATE INDEX idx_loyalty_customer ON loyalty_ledger(customer_id, day, points);
-- A sale earns once and is reversed once, whichever way it came in (typed in or imported).
CREATE UNIQUE INDEX idx_loyalty_earn_sale ON loyalty_ledger(transaction_id) WHERE kind = 'earn';
CREATE UNIQUE INDEX idx_loyalty_reversal_sale ON loyalty_ledger(transaction_id) WHERE kind = 'reversal' AND transaction_id IS NOT NULL;
-- A lot's expiries: what the expiry job and a reversal look up (the job replays the ledger, so
-- run twice it writes nothing twice; a lot may be topped up once an older sale came in later).
CREATE INDEX idx_loyalty_expire_lot ON loyalty_ledger(lot_id) WHERE kind = 'expire';
-- The expiry job's candidates: lots whose day has come.
CREATE INDEX idx_loyalty_lot_expiry ON loyalty_ledger(expires_on, customer_id) WHERE expires_on IS NOT NULL;
-- Each run of the expiry job: the day it expired up to and the last ledger row it had seen. The
-- next run replays only customers with a lot that came due since, or a lot written since (an
-- import of older sales), instead of every customer who ever had a lot expire.
CREATE TABLE loyalty_expiry_runs (
  day TEXT NOT NULL,
  seen_rowid INTEGER NOT NULL,
  lots INTEGER NOT NULL,
  points INTEGER NOT NULL,
  ran_at TEXT NOT NULL
);
