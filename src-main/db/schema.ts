import type { ColumnType, Generated } from 'kysely';
import type {
  AiGeneratedContentTable,
  ApiUsageLogsTable,
  ContentQueueTable,
  CampaignsTable,
  CampaignRecipientsTable,
  CustomerCommunicationsTable,
  ExportHistoryTable,
} from './schema-marketing';
import type {
  AdSpendTable,
  LeadActivitiesTable,
  LeadChannelsTable,
  LeadRemindersSentTable,
  LeadStageChangesTable,
  LeadStagesTable,
  LeadsTable,
} from './schema-leads';
import type { SyncStateTable, SyncRejectedTable, DeviceNodeTable } from './schema-sync';
import type { LoyaltyExpiryRunsTable, LoyaltyLedgerTable } from './schema-loyalty';
import type { LoginAttemptsTable, UserSessionsTable, UsersTable } from './schema-accounts';
import type { ImportMappingsTable, PendingOrdersTable, UploadHistoryTable } from './schema-import';
import type { ClvFitsTable, ClvScoresTable, RfmAnalysisTable, RfmRunsTable } from './schema-analysis';
import type { CustomerGapCountsTable, CustomerRfmTable, CustomerSalesYearlyTable, CustomerSpanTable, SalesDailyTable } from './schema-rollups';

export type * from './schema-marketing';
export type * from './schema-sync';
export type * from './schema-leads';
export type * from './schema-loyalty';
export type * from './schema-accounts';
export type * from './schema-import';
export type * from './schema-analysis';
export type * from './schema-rollups';

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
