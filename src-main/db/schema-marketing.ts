import type { Generated } from 'kysely';

/** AI content, campaigns, messages sent and exports (migrations 0004–0005), part of `Database` in schema.ts. */
export type ContentChannel = 'whatsapp' | 'email' | 'instagram' | 'sms' | 'banner';

export interface AiGeneratedContentTable {
  id: string;
  generation_id: string;
  segment: string;
  channel: ContentChannel;
  tone: string;
  language: 'id' | 'en';
  offer: string | null;
  source: 'ai' | 'template';
  prompt_version: number;
  prompt_hash: string;
  variant: number;
  subject: string | null;
  body: string;
  model: string | null;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  cost: Generated<number>;
  latency_ms: Generated<number>;
  status: Generated<'draft' | 'approved'>;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface ApiUsageLogsTable {
  id: string;
  provider: string;
  model: string;
  segment: string | null;
  channel: string | null;
  prompt_tokens: Generated<number>;
  completion_tokens: Generated<number>;
  cost: Generated<number>;
  latency_ms: Generated<number>;
  status: 'ok' | 'error';
  error_code: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
}

export interface ContentQueueTable {
  id: string;
  request: string; // JSON
  status: 'queued' | 'done' | 'failed';
  attempts: Generated<number>;
  last_error: string | null;
  generation_id: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
}

export interface CampaignsTable {
  id: string;
  name: string;
  code: string;
  segment: string;
  channel: string;
  content_id: string | null;
  start_date: string;
  end_date: string;
  rfm_run_id: string | null;
  recipients: Generated<number>;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface CampaignRecipientsTable {
  campaign_id: string;
  customer_id: string;
}

export interface CustomerCommunicationsTable {
  id: string;
  customer_id: string;
  channel: string;
  content_id: string | null;
  campaign_id: string | null;
  message: string | null;
  sent_at: string;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
}

export interface ExportHistoryTable {
  id: string;
  report: string;
  format: 'xlsx' | 'csv';
  file_name: string;
  filters: string; // JSON
  options: string; // JSON
  rows: number;
  bytes: number;
  duration_ms: number;
  status: 'completed' | 'failed' | 'cancelled';
  error: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
}
