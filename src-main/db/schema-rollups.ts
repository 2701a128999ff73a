import type { Generated } from 'kysely';

/**
 * The rollups SQLite triggers keep from the sales (migrations 0003, 0006, 0024), part of `Database`
 * in schema.ts: the dashboard and RFM read them instead of every sale. Apart because the app never
 * writes them (but for RFM's medians): the triggers and db/rollups.ts own them.
 */

/** Kept by triggers on transactions (migrations/0003_rfm.sql); never written by the app. */
export interface SalesDailyTable {
  day: string;
  revenue: number;
  orders: number;
}

/** Kept by triggers (migrations/0006): each customer's first and last live purchase day. */
export interface CustomerSpanTable {
  customer_id: string;
  first_purchase: string;
  last_purchase: string;
}

/** Kept by triggers (migrations/0024): what an all-time RFM run needs per customer; medians refreshed by runs. */
export interface CustomerRfmTable {
  customer_id: string;
  orders: number;
  amount: number;
  first_purchase: string;
  last_purchase: string;
  median_gap_days: number | null;
  gaps: string | null;
  stale: Generated<number>;
}

/** Migration 0024: gaps between consecutive purchase days over every customer, by length in days. */
export interface CustomerGapCountsTable {
  gap: number;
  n: number;
}

/** Kept by triggers (migrations/0006): live revenue and orders per customer and calendar year. */
export interface CustomerSalesYearlyTable {
  year: string;
  customer_id: string;
  revenue: number;
  orders: number;
}
