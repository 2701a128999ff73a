import type { SyncedEntity } from '../../src-shared/sync/entities';
import { SYNCED_ENTITIES } from '../../src-shared/sync/entities';
import type { Sqlite } from '../db/open';
import type { Statement } from 'better-sqlite3';

type Row = Record<string, unknown>;

/**
 * A local row as the cloud takes it (src-shared/sync/entities.ts): the columns the cloud keeps, JSON
 * text parsed, flags as booleans; what stays on the laptop (upload ids, user ids, prompts) dropped.
 */
const TO_SYNCED: Record<SyncedEntity, (row: Row) => Row> = {
  business: (r) => pick(r, ['id', 'name', 'type', 'phone', 'email', 'address', 'city', 'currency', 'timezone', 'created_at', 'updated_at']),
  customers: (r) => ({
    ...pick(r, ['id', 'code', 'name', 'phone', 'email', 'address', 'city', 'notes', 'source', 'channel_identity', 'created_at', 'updated_at', 'deleted_at']),
    tags: JSON.parse(String(r.tags ?? '[]')) as unknown,
  }),
  products: (r) => ({
    ...pick(r, [
      'id',
      'code',
      'name',
      'category',
      'price',
      'campaign_code',
      'start_date',
      'end_date',
      'quota_status',
      'image_url',
      'brochure_url',
      'created_at',
      'updated_at',
      'deleted_at',
    ]),
    active: r.active === 1,
    features: JSON.parse(String(r.features ?? '[]')) as unknown,
    assistant_offered: r.assistant_offered === 1,
  }),
  transactions: (r) => ({
    ...pick(r, [
      'id',
      'customer_id',
      'transaction_date',
      'amount',
      'channel',
      'campaign_code',
      'invoice_no',
      'notes',
      'created_at',
      'updated_at',
      'deleted_at',
    ]),
    items: (JSON.parse(String(r.items ?? '[]')) as Row[]).map((item) => ({
      product_id: item.product_id ?? null,
      name: item.name,
      qty: item.qty,
      price: item.price,
    })),
  }),
  settings: (r) => pick(r, ['key', 'value', 'updated_at']),
  rfm_runs: (r) => {
    const summary = JSON.parse(String(r.summary ?? '{}')) as { segments?: { segment: string; customers: number; revenue: number }[] };
    return {
      ...pick(r, ['id', 'analysis_date', 'method', 'customers', 'created_at', 'updated_at']),
      segments: (summary.segments ?? []).map((s) => ({ segment: s.segment, customers: s.customers, revenue: Math.round(s.revenue) })),
    };
  },
  campaigns: (r) => pick(r, ['id', 'name', 'code', 'segment', 'channel', 'start_date', 'end_date', 'recipients', 'created_at', 'updated_at', 'deleted_at']),
  api_usage_logs: (r) => pick(r, ['id', 'provider', 'model', 'prompt_tokens', 'completion_tokens', 'cost', 'status', 'created_at']),
};

function pick(row: Row, columns: string[]): Row {
  const out: Row = {};
  for (const column of columns) out[column] = row[column] ?? null;
  return out;
}

export function isSynced(entity: string): entity is SyncedEntity {
  return Object.hasOwn(SYNCED_ENTITIES, entity);
}

/** Reads rows in their current state, with statements prepared once per reader. */
export class RowReader {
  private readonly statements = new Map<string, Statement>();
  constructor(private readonly sqlite: Sqlite) {}

  private statement(key: string, text: string): Statement {
    let stmt = this.statements.get(key);
    if (!stmt) {
      stmt = this.sqlite.prepare(text);
      this.statements.set(key, stmt);
    }
    return stmt;
  }

  /** The row now, as the cloud takes it, with its clock; null when it no longer exists here. */
  one(entity: SyncedEntity, id: string): { row: Row; hlc: string } | null {
    // Table names come from the closed list of synced entities, never from input.
    const keyColumn = entity === 'settings' ? 'key' : 'id';
    const row = this.statement(`one:${entity}`, `SELECT * FROM ${entity} WHERE ${keyColumn} = ?`).get(id) as Row | undefined;
    return row ? { row: TO_SYNCED[entity](row), hlc: String(row.hlc) } : null;
  }

  /** The rows an import entry stands for, after `afterId` in id order (a resend resumes inside the import). */
  imported(entity: 'customers' | 'products' | 'transactions', uploadId: string, afterId: string, limit: number): { id: string; row: Row; hlc: string }[] {
    const rows = this.statement(`import:${entity}`, `SELECT * FROM ${entity} WHERE upload_id = ? AND id > ? ORDER BY id LIMIT ?`).all(
      uploadId,
      afterId,
      limit,
    ) as Row[];
    return rows.map((row) => ({ id: String(row.id), row: TO_SYNCED[entity](row), hlc: String(row.hlc) }));
  }
}
