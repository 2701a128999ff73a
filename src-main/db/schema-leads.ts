/** The leads pipeline (migration 0015), part of `Database` in schema.ts. */
export type StageKind = 'open' | 'won' | 'lost';
export type ActivityKind = 'call' | 'chat' | 'meeting' | 'note' | 'whatsapp';

export interface LeadChannelsTable {
  id: string;
  name: string;
  utm: string; // JSON array of lower-case utm values
  position: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface LeadStagesTable {
  id: string;
  name: string;
  probability: number;
  position: number;
  kind: StageKind;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface LeadsTable {
  id: string;
  code: string;
  name: string;
  organisation: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  channel_id: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  campaign_code: string | null;
  interest: string | null;
  value: number;
  owner_id: string | null;
  stage_id: string;
  stage_changed_at: string;
  expected_close: string | null;
  notes: string | null;
  customer_id: string | null;
  closed_at: string | null;
  lost_reason: string | null;
  upload_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface LeadStageChangesTable {
  id: string;
  lead_id: string;
  from_stage_id: string | null;
  to_stage_id: string;
  reason: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  hlc: string;
}

export interface LeadActivitiesTable {
  id: string;
  lead_id: string | null;
  customer_id: string | null;
  kind: ActivityKind;
  outcome: string | null;
  next_action: string | null;
  due_date: string | null;
  due_time: string | null;
  done_at: string | null;
  assigned_to: string | null;
  user_id: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}

export interface LeadRemindersSentTable {
  activity_id: string;
  sent_at: string;
}

export interface AdSpendTable {
  id: string;
  month: string;
  channel_id: string;
  amount: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  hlc: string;
}
