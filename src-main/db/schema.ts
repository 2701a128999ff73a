import type { ColumnType, Generated } from 'kysely';
import type { AiGeneratedContentTable, ApiUsageLogsTable, ContentQueueTable, CampaignsTable, CampaignRecipientsTable, CustomerCommunicationsTable, ExportHistoryTable } from './schema-marketing';
import type { AdSpendTable, LeadActivitiesTable, LeadChannelsTable, LeadRemindersSentTable, LeadStageChangesTable, LeadStagesTable, LeadsTable } from './schema-leads';
import type { SyncStateTable, SyncRejectedTable, DeviceNodeTable } from './schema-sync';
import type { LoyaltyExpiryRunsTable, LoyaltyLedgerTable } from './schema-loyalty';

export type * from './schema-marketing';
export type * from './schema-sync';
export type * from './schema-leads';
export type * from './schema-loyalty';

/**
 * The desktop database as kysely sees it. Must match migrations/ exactly: a test compares this file
 * with `PRAGMA table_info` of a migrated DB (test/db/migrate.test.ts reads `schemaColumns` in test/db/schema-columns.ts).
 */
type Bool = number; // SQLite has no boolean: 0 or 1

export interface BusinessTable {
  id: string;
  name: string;
  type: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  currency: string;
  timezone: string;
  created_at: string;
  updated_at: string;
  hlc: string;
}

export interface UsersTable {
  id: string;
  username: string;
  name: string;
  password_hash: string;
  role: 'owner' | 'manager' | 'staff';
  language: 'id' | 'en';
  active: Bool;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface UserSessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  locked_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
}

export interface LoginAttemptsTable {
  username: string;
  failures: number;
  locked_until: string | null;
  last_failed_at: string | null;
  /** The client the last failure came from (migration 0009). */
  client_id: string | null;
}

export interface CustomersTable {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  city: string | null;
  tags: string; // JSON array of strings
  notes: string | null;
  source: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
  upload_id: string | null;
  /** The buyer's account on a marketplace (`shopee:sari.batik`), set by an order export's import;
   * optional here so that the customer screens, which do not show it, need not read it. */
  channel_identity?: string | null;
}

export interface ProductsTable {
  id: string;
  code: string;
  name: string;
  category: string | null;
  price: number;
  active: Bool;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
  upload_id: string | null;
  /** The ads' code for this package (PKG_MONTH_YEAR_TYPE); migration 0020. */
  campaign_code: string | null;
  start_date: string | null;
  end_date: string | null;
  quota_status: Generated<QuotaStatus>;
  features: Generated<string>; // JSON array of strings
  image_url: string | null;
  brochure_url: string | null;
  assistant_offered: Generated<Bool>;
}

export type QuotaStatus = 'available' | 'limited' | 'full';

export interface TransactionsTable {
  id: string;
  customer_id: string;
  transaction_date: string;
  amount: number;
  items: string; // JSON array of { product_id, name, qty, price }
  channel: string | null;
  campaign_code: string | null;
  invoice_no: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
  upload_id: string | null;
}

/** Orders still in progress kept as pending (migration 0012): local, not synced, never a sale. */
export interface PendingOrdersTable {
  channel: string;
  invoice_no: string;
  order_date: string;
  customer: string; // JSON: the customer as the file names them
  customer_name: string | null;
  amount: number;
  items: string; // JSON array of { product_id, name, qty, price }
  status: string;
  upload_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
  updated_at: string;
  hlc: string;
}

export interface ActivityLogsTable {
  id: string;
  user_id: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  details: string | null; // JSON
  created_at: string;
}

export interface OutboxTable {
  seq: Generated<number>;
  op_id: string;
  entity: string;
  /** The row's id; for op 'import', the upload's: every row of `entity` with that upload_id (migrations/0008). */
  entity_id: string;
  op: 'insert' | 'update' | 'delete' | 'restore' | 'import';
  hlc: string;
  created_at: string;
}

export interface UploadHistoryTable {
  id: string;
  kind: 'customers' | 'transactions' | 'products' | 'leads';
  file_name: string;
  file_hash: string;
  file_size: number;
  sheet: string | null;
  status: 'processing' | 'completed' | 'failed' | 'cancelled';
  rows_total: number;
  rows_imported: number;
  rows_skipped: number;
  rows_failed: number;
  customers_created: number;
  duration_ms: number | null;
  options: string; // JSON
  error: string | null;
  user_id: string | null;
  created_at: string;
  finished_at: string | null;
  undone_at: string | null;
  updated_at: string;
  hlc: string;
}

export interface ImportMappingsTable {
  kind: string;
  signature: string;
  mapping: string; // JSON
  updated_at: string;
}

export interface RfmRunsTable {
  id: string;
  analysis_date: string;
  method: 'fixed' | 'quintile';
  parameters: string; // JSON
  summary: string; // JSON
  window_months: number | null;
  customers: number;
  duration_ms: number;
  trigger: 'manual' | 'import' | 'startup';
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
  /** Migration 0024: whether the run read customer_rfm ('rollup') or every sale ('scan'); NULL before. */
  figures_from: 'rollup' | 'scan' | null;
}

export interface RfmAnalysisTable {
  run_id: string;
  customer_id: string;
  recency_days: number;
  frequency: number;
  monetary: number;
  r_score: number;
  f_score: number;
  m_score: number;
  segment: string;
  first_purchase: string;
  last_purchase: string;
  avg_order_value: number;
  median_gap_days: number | null;
}

/** A fitted lifetime-value model, or the reason it could not be fitted (migrations/0019). Not synced. */
export interface ClvFitsTable {
  id: string;
  as_of: string;
  calibration_end: string;
  unit_days: 1 | 7;
  status: 'fitted' | 'too_few_customers' | 'too_few_repeat_buyers' | 'no_convergence' | 'degenerate';
  customers: number;
  repeat_buyers: number;
  r: number | null;
  alpha: number | null;
  a: number | null;
  b: number | null;
  log_likelihood: number | null;
  p: number | null;
  q: number | null;
  gamma: number | null;
  monthly_discount: number;
  horizon_months: number;
  holdout: string | null; // JSON
  duration_ms: number;
  trigger: 'manual' | 'rfm' | 'cli';
  user_id: string | null;
  created_at: string;
}

/** The latest fit's per-customer scores (migrations/0019). */
export interface ClvScoresTable {
  fit_id: string;
  customer_id: string;
  x: number;
  t_x: number;
  t_cal: number;
  p_alive: number;
  expected_30: number;
  expected_90: number;
  expected_365: number;
  expected_aov: number;
  clv: number;
}

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

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  checksum: string;
  applied_at: ColumnType<string, string, never>;
}

export interface Database {
  business: BusinessTable;
  users: UsersTable;
  user_sessions: UserSessionsTable;
  login_attempts: LoginAttemptsTable;
  customers: CustomersTable;
  products: ProductsTable;
  transactions: TransactionsTable;
  pending_orders: PendingOrdersTable;
  settings: SettingsTable;
  activity_logs: ActivityLogsTable;
  outbox: OutboxTable;
  sync_state: SyncStateTable;
  sync_rejected: SyncRejectedTable;
  device_node: DeviceNodeTable;
  upload_history: UploadHistoryTable;
  import_mappings: ImportMappingsTable;
  rfm_runs: RfmRunsTable;
  rfm_analysis: RfmAnalysisTable;
  clv_fits: ClvFitsTable;
  clv_scores: ClvScoresTable;
  sales_daily: SalesDailyTable;
  customer_span: CustomerSpanTable;
  customer_sales_yearly: CustomerSalesYearlyTable;
  customer_rfm: CustomerRfmTable;
  customer_gap_counts: CustomerGapCountsTable;
  ai_generated_content: AiGeneratedContentTable;
  api_usage_logs: ApiUsageLogsTable;
  content_queue: ContentQueueTable;
  campaigns: CampaignsTable;
  campaign_recipients: CampaignRecipientsTable;
  customer_communications: CustomerCommunicationsTable;
  export_history: ExportHistoryTable;
  lead_channels: LeadChannelsTable;
  lead_stages: LeadStagesTable;
  leads: LeadsTable;
  lead_stage_changes: LeadStageChangesTable;
  lead_activities: LeadActivitiesTable;
  lead_reminders_sent: LeadRemindersSentTable;
  ad_spend: AdSpendTable;
  loyalty_ledger: LoyaltyLedgerTable;
  loyalty_expiry_runs: LoyaltyExpiryRunsTable;
  schema_migrations: SchemaMigrationsTable;
}

/** Domain tables: synced, written only through the write helper, carrying updated_at + hlc. */
export type DomainTable =
  | 'business'
  | 'users'
  | 'customers'
  | 'products'
  | 'transactions'
  | 'upload_history'
  | 'rfm_runs'
  | 'export_history'
  | 'ai_generated_content'
  | 'api_usage_logs'
  | 'content_queue'
  | 'campaigns'
  | 'customer_communications'
  | 'lead_channels'
  | 'lead_stages'
  | 'leads'
  | 'lead_stage_changes'
  | 'lead_activities'
  | 'ad_spend';
