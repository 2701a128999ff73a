-- A sale whose customer, amount, channel or day is corrected (typed in, or by an import updating it),
-- or whose marketplace order comes back returned, earns again by what it is now: its earn is reversed
-- and a new one written (src-main/loyalty/earn.ts). So a sale may hold several earns over time, only
-- ever one not reversed. A later earn names the earn it replaces in lot_id, and each earn can be
-- replaced once: the first earn of a sale (lot_id empty) stays unique per sale, as before.
DROP INDEX idx_loyalty_earn_sale;
CREATE UNIQUE INDEX idx_loyalty_earn_sale ON loyalty_ledger(transaction_id, ifnull(lot_id, '')) WHERE kind = 'earn';
-- A reversal empties one lot, once: keyed by that lot rather than by the sale, which may now have
-- been reversed once per earn.
DROP INDEX idx_loyalty_reversal_sale;
CREATE UNIQUE INDEX idx_loyalty_reversal_lot ON loyalty_ledger(lot_id) WHERE kind = 'reversal';
