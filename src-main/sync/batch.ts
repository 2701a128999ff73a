import { PUSH_MAX_BYTES, PUSH_MAX_OPS, type SyncOp, type SyncPosition } from '../../src-shared/sync/protocol';
import { syncedEntityNames } from '../../src-shared/sync/entities';
import type { Sqlite } from '../db/open';
import { isSynced, RowReader } from './rows';

/** What one push sends, and which outbox entries it settles once the cloud acknowledges it. */
export interface Batch {
  ops: SyncOp[];
  /** Every outbox entry up to this seq is fully covered (sent, or never synced) by this batch. */
  settledThrough: number;
  bytes: number;
}

interface OutboxEntry {
  seq: number;
  entity: string;
  entity_id: string;
  op: 'insert' | 'update' | 'delete' | 'restore' | 'import';
  hlc: string;
}

const IMPORT_TABLES = new Set(['customers', 'products', 'transactions']);
/** Room left for the envelope (after, pending, appVersion) and JSON's commas under the 1 MB limit. */
const BYTES_BUDGET = PUSH_MAX_BYTES - 16 * 1024;

/**
 * The next batch after the acknowledged position: outbox entries in seq order, each row read as it
 * is now (an import entry expands to its rows in id order), up to 500 ops or ~1 MB. Entries of
 * entities that never leave the laptop are settled without being sent.
 */
export function nextBatch(sqlite: Sqlite, acked: SyncPosition, maxOps = PUSH_MAX_OPS): Batch {
  const reader = new RowReader(sqlite);
  const entries = sqlite.prepare('SELECT seq, entity, entity_id, op, hlc FROM outbox WHERE seq >= ? ORDER BY seq LIMIT ?');
  const ops: SyncOp[] = [];
  let bytes = 0;
  let settledThrough = 0;
  let from = acked.seq;
  const full = () => ops.length >= maxOps || bytes >= BYTES_BUDGET;
  const add = (op: SyncOp): boolean => {
    const size = Buffer.byteLength(JSON.stringify(op)) + 1;
    if (ops.length > 0 && bytes + size > BYTES_BUDGET) return false;
    ops.push(op);
    bytes += size;
    return true;
  };

  for (;;) {
    const page = entries.all(from, 256) as OutboxEntry[];
    if (page.length === 0) break;
    for (const entry of page) {
      from = entry.seq + 1;
      // Fully acknowledged already (the cloud answered; the local delete did not happen yet).
      if (entry.seq < acked.seq || (entry.seq === acked.seq && acked.key === '')) {
        settledThrough = entry.seq;
        continue;
      }
      if (!isSynced(entry.entity)) {
        settledThrough = entry.seq;
        continue;
      }
      if (entry.op === 'import') {
        if (!IMPORT_TABLES.has(entry.entity)) throw new Error(`an import entry for ${entry.entity}`);
        let after = entry.seq === acked.seq ? acked.key : '';
        for (;;) {
          const room = maxOps - ops.length;
          if (room <= 0) return { ops, settledThrough, bytes };
          const rows = reader.imported(entry.entity as 'customers' | 'products' | 'transactions', entry.entity_id, after, room);
          for (const r of rows) {
            if (!add({ seq: entry.seq, key: r.id, entity: entry.entity as SyncOp['entity'], id: r.id, op: 'upsert', hlc: r.hlc, row: r.row }))
              return { ops, settledThrough, bytes };
            after = r.id;
          }
          if (rows.length < room) break;
        }
        settledThrough = entry.seq;
      } else {
        const now = reader.one(entry.entity, entry.entity_id);
        const op: SyncOp = now
          ? { seq: entry.seq, key: '', entity: entry.entity, id: entry.entity_id, op: 'upsert', hlc: now.hlc, row: now.row }
          : { seq: entry.seq, key: '', entity: entry.entity, id: entry.entity_id, op: 'delete', hlc: entry.hlc, row: null };
        if (!add(op)) return { ops, settledThrough, bytes };
        settledThrough = entry.seq;
      }
      if (full()) return { ops, settledThrough, bytes };
    }
  }
  return { ops, settledThrough, bytes };
}

/** Outbox entries still to send (for the status line and the cloud's console). */
export function pendingEntries(sqlite: Sqlite, acked: SyncPosition): number {
  return syncedEntriesBetween(sqlite, acked.key === '' ? acked.seq : acked.seq - 1, Number.MAX_SAFE_INTEGER);
}

/**
 * Entries that travel with seq in (after, through]: a range of the outbox's key, so a short range
 * costs little however long the outbox is. Only what will travel counts: a login's or a job's entry
 * is settled locally and waits for nothing.
 */
export function syncedEntriesBetween(sqlite: Sqlite, after: number, through: number): number {
  const synced = JSON.stringify(syncedEntityNames);
  return (
    sqlite
      .prepare('SELECT count(*) AS n FROM outbox WHERE seq > ? AND seq <= ? AND entity IN (SELECT value FROM json_each(?))')
      .get(after, through, synced) as { n: number }
  ).n;
}

export function lastOutboxSeq(sqlite: Sqlite): number {
  return (sqlite.prepare('SELECT coalesce(max(seq), 0) AS n FROM outbox').get() as { n: number }).n;
}

/** One fixed statement per table an import entry can cover (no SQL assembled from names). */
const COUNT_IMPORTED = {
  customers: 'SELECT count(*) AS n FROM customers WHERE upload_id = ? AND id > ?',
  products: 'SELECT count(*) AS n FROM products WHERE upload_id = ? AND id > ?',
  transactions: 'SELECT count(*) AS n FROM transactions WHERE upload_id = ? AND id > ?',
} as const;

/**
 * Rows still to send, an import entry counted as the rows it carries (the unit a push's `acked`
 * counts in): what a progress line divides by. It reads every waiting import's rows once, so it is
 * for the start of a push, not for the status line's frequent polls.
 */
export function changesToSend(sqlite: Sqlite, acked: SyncPosition): number {
  const synced = JSON.stringify(syncedEntityNames);
  const after = acked.key === '' ? acked.seq : acked.seq - 1;
  const ordinary = sqlite
    .prepare("SELECT count(*) AS n FROM outbox WHERE seq > ? AND op != 'import' AND entity IN (SELECT value FROM json_each(?))")
    .get(after, synced) as { n: number };
  const imports = sqlite.prepare("SELECT seq, entity, entity_id FROM outbox WHERE seq > ? AND op = 'import' ORDER BY seq").all(after) as {
    seq: number;
    entity: string;
    entity_id: string;
  }[];
  let rows = ordinary.n;
  for (const entry of imports) {
    if (!IMPORT_TABLES.has(entry.entity)) continue;
    const from = entry.seq === acked.seq ? acked.key : '';
    rows += (sqlite.prepare(COUNT_IMPORTED[entry.entity as keyof typeof COUNT_IMPORTED]).get(entry.entity_id, from) as { n: number }).n;
  }
  return rows;
}
