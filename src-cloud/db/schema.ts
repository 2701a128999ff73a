import type { ColumnType, Generated } from 'kysely';
import type { SyncedEntity, SyncedRow } from '../../src-shared/sync/entities';

/** The cloud's tables as kysely sees them; migrations-cloud/ is the source of truth. */
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<unknown, string, string>;
/** numeric: read back as a string, written as a number. */
type Money = ColumnType<string, number, number>;
/** A synced entity's fields but its id (ShopRow's) and those stored in another type. */
type SyncedColumns<E extends SyncedEntity, Stored extends keyof SyncedRow<E>> = Omit<SyncedRow<E>, 'id' | Stored>;

export interface CloudDatabase {
  cloud_schema_migrations: { version: number; name: string; checksum: string; applied_at: Generated<Date> };
  admins: {
    id: string;
    username: string;
    name: string;
    password_hash: string;
    role: 'super_admin' | 'support';
    totp_secret: string | null;
    totp_enabled: Generated<boolean>;
    totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
    language: Generated<'id' | 'en'>;
    created_at: Instant;
    disabled_at: Date | null;
  };
  admin_sessions: { token_hash: Buffer; admin_id: string; created_at: Instant; last_seen_at: Instant; expires_at: Date; ended_at: Date | null };
  throttle: { key: string; failures: Generated<number>; window_start: Instant; locked_until: Date | null };
  businesses: {
    id: string;
    name: string;
    city: string | null;
    owner_name: string | null;
    phone: string | null;
    status: Generated<'active' | 'suspended'>;
    ai_monthly_quota: number | null;
    created_at: Instant;
    updated_at: Instant;
  };
  enrol_codes: {
    code_hash: Buffer;
    business_id: string;
    created_by: string | null;
    created_at: Instant;
    expires_at: Date;
    used_at: Date | null;
    device_id: string | null;
  };
  devices: {
    id: string;
    business_id: string;
    name: string;
    token_hash: Buffer;
    app_version: string | null;
    last_seq: ColumnType<string, number | undefined, number | string>;
    last_key: Generated<string>;
    pending: Generated<number>;
    last_seen_at: Date | null;
    last_push_at: Date | null;
    created_at: Instant;
    revoked_at: Date | null;
  };
  sync_log: {
    id: Generated<string>;
    business_id: string;
    device_id: string | null;
    at: Instant;
    kind: 'enrol' | 'push' | 'pull' | 'snapshot' | 'gap';
    ops: Generated<number>;
    applied: Generated<number>;
    skipped: Generated<number>;
    rejected: Generated<number>;
    acked_seq: number | string | null;
    duration_ms: number | null;
  };
  rejected_ops: {
    id: Generated<string>;
    business_id: string;
    device_id: string;
    seq: number;
    key: string;
    entity: string;
    entity_id: string;
    reason: string;
    at: Instant;
  };
  // The synced row's fields as columns (sync/typed-tables.ts): JSON arrays as jsonb, money as numeric.
  customers: ShopRow & SyncedColumns<'customers', 'tags'> & { tags: Json };
  products: ShopRow & SyncedColumns<'products', 'price' | 'features'> & { price: Money; features: Json };
  transactions: ShopRow & SyncedColumns<'transactions', 'amount' | 'items'> & { amount: Money; items: Json };
  shop_records: ShopRow & { entity: string; data: Json; deleted: boolean };
  pushdowns: {
    version: Generated<string>;
    business_id: string | null;
    kind: 'setting' | 'announcement';
    key: string;
    value: Json;
    hlc: string;
    created_by: string | null;
    created_at: Instant;
  };
  audit_log: { id: Generated<string>; admin_id: string | null; action: string; business_id: string | null; details: Json; ip: string | null; at: Instant };
}

interface ShopRow {
  business_id: string;
  id: string;
  hlc: string;
  device_id: string;
}
