import type { Database } from '../../src-main/db/schema';

/**
 * Column lists per table, so the schema test can compare schema.ts with the migrated DB both ways:
 * `satisfies` makes a misspelled column or table here a compile error, `Complete` below makes a
 * column of schema.ts missing here one, and the test fails on any column or table the migrations
 * have and this list lacks (or the other way round).
 */
export const schemaColumns = {
  business: ['id', 'name', 'type', 'phone', 'email', 'address', 'city', 'currency', 'timezone', 'created_at', 'updated_at', 'hlc'],
  users: ['id', 'username', 'name', 'password_hash', 'role', 'language', 'active', 'last_login_at', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  user_sessions: ['id', 'user_id', 'created_at', 'last_seen_at', 'expires_at', 'locked_at', 'ended_at', 'end_reason'],
  login_attempts: ['username', 'failures', 'locked_until', 'last_failed_at', 'client_id'],
  customers: ['id', 'code', 'name', 'phone', 'email', 'address', 'city', 'tags', 'notes', 'source', 'created_at', 'updated_at', 'deleted_at', 'hlc', 'upload_id', 'channel_identity'],
  products: ['id', 'code', 'name', 'category', 'price', 'active', 'created_at', 'updated_at', 'deleted_at', 'hlc', 'upload_id', 'campaign_code', 'start_date', 'end_date', 'quota_status', 'features', 'image_url', 'brochure_url', 'assistant_offered'],
  transactions: ['id', 'customer_id', 'transaction_date', 'amount', 'items', 'channel', 'campaign_code', 'invoice_no', 'notes', 'created_at', 'updated_at', 'deleted_at', 'hlc', 'upload_id'],
  pending_orders: ['channel', 'invoice_no', 'order_date', 'customer', 'customer_name', 'amount', 'items', 'status', 'upload_id', 'created_at', 'updated_at'],
  settings: ['key', 'value', 'updated_at', 'hlc'],
  activity_logs: ['id', 'user_id', 'action', 'entity', 'entity_id', 'details', 'created_at'],
  outbox: ['seq', 'op_id', 'entity', 'entity_id', 'op', 'hlc', 'created_at'],
  sync_state: ['id', 'server_url', 'device_id', 'business_id', 'business_name', 'acked_seq', 'acked_key', 'pull_cursor', 'paused', 'enrolled_at', 'last_attempt_at', 'last_success_at', 'last_error', 'clock_offset_ms', 'hlc_floor', 'handover_cursor'],
  sync_rejected: ['seq', 'key', 'entity', 'entity_id', 'reason', 'at'],
  device_node: ['id', 'node'],
  upload_history: ['id', 'kind', 'file_name', 'file_hash', 'file_size', 'sheet', 'status', 'rows_total', 'rows_imported', 'rows_skipped', 'rows_failed', 'customers_created', 'duration_ms', 'options', 'error', 'user_id', 'created_at', 'finished_at', 'undone_at', 'updated_at', 'hlc'],
  import_mappings: ['kind', 'signature', 'mapping', 'updated_at'],
  rfm_runs: ['id', 'analysis_date', 'method', 'parameters', 'summary', 'window_months', 'customers', 'duration_ms', 'trigger', 'user_id', 'created_at', 'updated_at', 'hlc', 'figures_from'],
  rfm_analysis: ['run_id', 'customer_id', 'recency_days', 'frequency', 'monetary', 'r_score', 'f_score', 'm_score', 'segment', 'first_purchase', 'last_purchase', 'avg_order_value', 'median_gap_days'],
  clv_fits: ['id', 'as_of', 'calibration_end', 'unit_days', 'status', 'customers', 'repeat_buyers', 'r', 'alpha', 'a', 'b', 'log_likelihood', 'p', 'q', 'gamma', 'monthly_discount', 'horizon_months', 'holdout', 'duration_ms', 'trigger', 'user_id', 'created_at'],
  clv_scores: ['fit_id', 'customer_id', 'x', 't_x', 't_cal', 'p_alive', 'expected_30', 'expected_90', 'expected_365', 'expected_aov', 'clv'],
  sales_daily: ['day', 'revenue', 'orders'],
  customer_span: ['customer_id', 'first_purchase', 'last_purchase'],
  customer_sales_yearly: ['year', 'customer_id', 'revenue', 'orders'],
  customer_rfm: ['customer_id', 'orders', 'amount', 'first_purchase', 'last_purchase', 'median_gap_days', 'gaps', 'stale'],
  customer_gap_counts: ['gap', 'n'],
  ai_generated_content: ['id', 'generation_id', 'segment', 'channel', 'tone', 'language', 'offer', 'source', 'prompt_version', 'prompt_hash', 'variant', 'subject', 'body', 'model', 'prompt_tokens', 'completion_tokens', 'cost', 'latency_ms', 'status', 'user_id', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  lead_channels: ['id', 'name', 'utm', 'position', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  lead_stages: ['id', 'name', 'probability', 'position', 'kind', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  leads: ['id', 'code', 'name', 'organisation', 'phone', 'email', 'city', 'channel_id', 'utm_source', 'utm_medium', 'campaign_code', 'interest', 'value', 'owner_id', 'stage_id', 'stage_changed_at', 'expected_close', 'notes', 'customer_id', 'closed_at', 'lost_reason', 'upload_id', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  lead_stage_changes: ['id', 'lead_id', 'from_stage_id', 'to_stage_id', 'reason', 'user_id', 'created_at', 'updated_at', 'hlc'],
  lead_activities: ['id', 'lead_id', 'customer_id', 'kind', 'outcome', 'next_action', 'due_date', 'due_time', 'done_at', 'assigned_to', 'user_id', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  lead_reminders_sent: ['activity_id', 'sent_at'],
  ad_spend: ['id', 'month', 'channel_id', 'amount', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  api_usage_logs: ['id', 'provider', 'model', 'segment', 'channel', 'prompt_tokens', 'completion_tokens', 'cost', 'latency_ms', 'status', 'error_code', 'user_id', 'created_at', 'updated_at', 'hlc'],
  content_queue: ['id', 'request', 'status', 'attempts', 'last_error', 'generation_id', 'user_id', 'created_at', 'updated_at', 'hlc'],
  campaigns: ['id', 'name', 'code', 'segment', 'channel', 'content_id', 'start_date', 'end_date', 'rfm_run_id', 'recipients', 'user_id', 'created_at', 'updated_at', 'deleted_at', 'hlc'],
  campaign_recipients: ['campaign_id', 'customer_id'],
  customer_communications: ['id', 'customer_id', 'channel', 'content_id', 'campaign_id', 'message', 'sent_at', 'user_id', 'created_at', 'updated_at', 'hlc'],
  export_history: ['id', 'report', 'format', 'file_name', 'filters', 'options', 'rows', 'bytes', 'duration_ms', 'status', 'error', 'user_id', 'created_at', 'updated_at', 'hlc'],
  loyalty_ledger: ['id', 'customer_id', 'kind', 'points', 'day', 'transaction_id', 'lot_id', 'expires_on', 'value', 'reason', 'created_by', 'created_at'],
  loyalty_expiry_runs: ['day', 'seen_rowid', 'lots', 'points', 'ran_at'],
  schema_migrations: ['version', 'name', 'checksum', 'applied_at'],
} satisfies { [T in keyof Database]: readonly (keyof Database[T])[] };

/** Each table's schema.ts columns that the list above leaves out: `never` when none is missing. */
type Missing = { [T in keyof Database]: Exclude<keyof Database[T], (typeof schemaColumns)[T][number]> }[keyof Database];
type Complete<M extends never> = M;
export type SchemaColumnsComplete = Complete<Missing>;
