import { join } from 'node:path';
import { openApp } from '../src-main/app';
import { newId } from '../src-main/core/ids';
import { write } from '../src-main/core/write';
import { rebuildRollups } from '../src-main/db/rollups';
import { insertMany } from '../src-main/import/bulk-insert';
import { addDays } from '../src-shared/format/date';
import { interleavedMedians, row, type BenchRow } from './measure';

/**
 * An import's undo soft-deletes its sales one by one with the rollup triggers in place
 * (import/undo.ts). Measured on its worst case: every sale is one customer's (a catch-all
 * "walk-in" code), in date order, as a till's export lists them. The floor is the same UPDATEs and
 * outbox rows with the triggers dropped, then the rollups computed afresh from the sales, as a
 * bulk import does (db/rollups.ts). Each run is rolled back, so both start from the same shop.
 */
export async function undoSuite(dir: string, sales: number): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  const app = await openApp({ dbPath: join(dir, `undo-${sales}.sqlite`) });
  const { sqlite } = app.services;
  const ctx = { ...app.services, userId: null };
  const customerId = newId();
  const ids = Array.from({ length: sales }, () => newId());
  write(ctx, (w) => {
    insertMany(w, 'customers', [
      {
        id: customerId,
        code: 'UMUM',
        name: 'Pelanggan Umum',
        phone: null,
        email: null,
        address: null,
        city: null,
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      },
    ]);
    insertMany(
      w,
      'transactions',
      ids.map((id, i) => ({
        id,
        customer_id: customerId,
        transaction_date: addDays('2021-01-01', Math.floor(i / 20)),
        amount: 10_000 + i,
        items: '[]',
        channel: 'pos',
        campaign_code: null,
        invoice_no: null,
        notes: null,
        deleted_at: null,
      })),
    );
  });
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'transactions'").all() as {
    name: string;
    sql: string;
  }[];
  const rolledBack = (fn: () => void) => () => {
    sqlite.exec('BEGIN');
    try {
      fn();
    } finally {
      sqlite.exec('ROLLBACK');
    }
  };
  const times = await interleavedMedians(
    {
      undo: rolledBack(() => write(ctx, (w) => w.deleteMany('transactions', ids))),
      floor: rolledBack(() => {
        for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`);
        write(ctx, (w) => w.deleteMany('transactions', ids));
        rebuildRollups(sqlite, 'transactions');
        for (const trigger of triggers) sqlite.exec(trigger.sql);
      }),
    },
    3,
    1,
  );
  await app.close();
  const name = `undo: ${sales.toLocaleString('en')} sales of one customer`;
  return {
    rows: [row('undo', name, times.undo, 'same UPDATEs + outbox, triggers dropped, rollups rebuilt', times.floor, '≤ 2×')],
    notes: { undoSales: sales },
  };
}
