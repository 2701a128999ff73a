/**
 * What the import keeps of its own (migrations 0002, 0012), part of `Database` in schema.ts: each
 * upload and its outcome, the column mapping remembered per file shape, and a marketplace export's
 * orders still in progress. Apart because they describe files brought in, not the shop itself.
 */

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
