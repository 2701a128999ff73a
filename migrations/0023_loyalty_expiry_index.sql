-- The expiry job's candidates (src-main/loyalty/expire.ts) are the few lots that came due since its
-- last run: it reads their customers from the rows themselves. Keyed by the day alone, the index
-- a million-row import of sales builds for its earns sorts keys of 10 bytes instead of 46, and
-- takes about half the time.
DROP INDEX idx_loyalty_lot_expiry;
CREATE INDEX idx_loyalty_lot_expiry ON loyalty_ledger(expires_on) WHERE expires_on IS NOT NULL;
