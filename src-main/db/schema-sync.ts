/** The sync client's own tables (migrations 0013–0014, 0021), part of `Database` in schema.ts. */
/** The sync client's state (migrations/0013): one row once the shop is enrolled. */
export interface SyncStateTable {
  id: number;
  server_url: string;
  device_id: string;
  business_id: string;
  business_name: string;
  acked_seq: number;
  acked_key: string;
  pull_cursor: number;
  paused: number;
  enrolled_at: string;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  clock_offset_ms: number | null;
  hlc_floor: string | null;
  /** The last assistant handover applied (migrations/0021). */
  handover_cursor: number;
}

export interface SyncRejectedTable {
  seq: number;
  key: string;
  entity: string;
  entity_id: string;
  reason: string;
  at: string;
}

/** This laptop's clock node id (migrations/0014). */
export interface DeviceNodeTable {
  id: number;
  node: string;
}
