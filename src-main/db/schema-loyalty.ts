/** Loyalty points (migrations/0018_loyalty.sql): the ledger, local to this laptop, added to only. */
export interface LoyaltyLedgerTable {
  id: string;
  customer_id: string;
  kind: 'earn' | 'redeem' | 'adjust' | 'expire' | 'reversal';
  points: number;
  day: string;
  transaction_id: string | null;
  lot_id: string | null;
  expires_on: string | null;
  value: number | null;
  reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** Each run of the expiry job (migration 0018): where the next one picks up. */
export interface LoyaltyExpiryRunsTable {
  day: string;
  seen_rowid: number;
  lots: number;
  points: number;
  ran_at: string;
}
