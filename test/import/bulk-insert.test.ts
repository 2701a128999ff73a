import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { importInto, inserter, insertMany, INSERT_BATCH } from '../../src-main/import/bulk-insert';
import { rowCount, shopWithOwner } from '../helpers';

function customer(name: string) {
  return { id: newId(), code: `T-${name}`, name, phone: null, email: null, address: null, city: null, tags: '[]', notes: null, source: null, deleted_at: null };
}

describe('the bulk inserter', () => {
  it('a batched inserter writes its rows and their outbox entries in order, before any other change', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const before = rowCount(app, 'outbox');
    const rows = Array.from({ length: INSERT_BATCH + 3 }, (_, i) => customer(`B${i}`));
    const last = customer('Last');
    write(ctx, (w) => {
      const insert = inserter(w, 'customers', INSERT_BATCH);
      for (const row of rows) insert(row);
      w.update('customers', rows[0].id, { city: 'Bandung' }, 'not found'); // the three waiting rows go first
      insert(last); // waits for the end of the transaction
    });
    const outbox = app.services.sqlite.prepare('SELECT entity_id, op FROM outbox ORDER BY seq').all().slice(before) as { entity_id: string; op: string }[];
    expect(outbox.map((o) => [o.entity_id, o.op])).toEqual([...rows.map((r) => [r.id, 'insert']), [rows[0].id, 'update'], [last.id, 'insert']]);
    // Each insert's entry carries its row's clock and time (read back from the row), and the row's
    // own id as its op id. The first row has been updated since: its clock is the update's.
    const inserts = app.services.sqlite
      .prepare(
        "SELECT o.op_id, o.op_id = c.id AND o.hlc = c.hlc AND o.created_at = c.created_at AS same FROM outbox o JOIN customers c ON c.id = o.entity_id WHERE o.op = 'insert' AND c.code LIKE 'T-%' AND c.id <> ?",
      )
      .all(rows[0].id) as { op_id: string; same: number }[];
    expect(inserts).toHaveLength(rows.length);
    expect(inserts.every((o) => o.same === 1 && /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(o.op_id))).toBe(true);
    // Op ids stay unique across every kind of change: the update's is a fresh one.
    const opIds = app.services.sqlite.prepare('SELECT op_id FROM outbox').pluck().all() as string[];
    expect(new Set(opIds).size).toBe(opIds.length);
    const stored = app.services.sqlite.prepare("SELECT name, city FROM customers WHERE code LIKE 'T-%' ORDER BY rowid").all() as {
      name: string;
      city: string | null;
    }[];
    expect(stored.map((c) => c.name)).toEqual([...rows.map((r) => r.name), 'Last']);
    expect(stored[0].city).toBe('Bandung');
  });

  it('a batch of rows is written after the waiting rows they point to, whichever inserter came first', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const before = rowCount(app, 'outbox');
    const created: string[] = [];
    const sales: string[] = [];
    write(ctx, (w) => {
      // The sales' inserter exists before the customers': an import's order.
      const sale = inserter(w, 'transactions', INSERT_BATCH);
      const person = inserter(w, 'customers', INSERT_BATCH);
      // A new customer every third sale: sale batches fill while their newest customers still wait.
      for (let i = 0; i < INSERT_BATCH * 3 + 5; i++) {
        if (i % 3 === 0) {
          const c = customer(`P${i}`);
          person(c);
          created.push(c.id);
        }
        const id = newId();
        sale({
          id,
          customer_id: created[created.length - 1],
          transaction_date: '2026-11-01',
          amount: 1000,
          items: '[]',
          channel: null,
          campaign_code: null,
          invoice_no: null,
          notes: null,
          deleted_at: null,
          upload_id: null,
        });
        sales.push(id);
      }
    });
    const linked = app.services.sqlite
      .prepare('SELECT COUNT(*) FROM transactions t JOIN customers c ON c.id = t.customer_id WHERE t.id IN (SELECT value FROM json_each(?))')
      .pluck()
      .get(JSON.stringify(sales));
    expect(linked).toBe(sales.length);
    expect(app.services.sqlite.pragma('foreign_key_check')).toEqual([]);
    // Every row has its one outbox entry, each customer's before the first sale that points to it.
    const outbox = app.services.sqlite.prepare('SELECT entity_id FROM outbox ORDER BY seq').pluck().all().slice(before) as string[];
    expect(outbox).toHaveLength(created.length + sales.length);
    const position = new Map(outbox.map((id, i) => [id, i]));
    const firstSale = (customerIndex: number) => sales[customerIndex * 3];
    expect(created.every((id, k) => (position.get(id) as number) < (position.get(firstSale(k)) as number))).toBe(true);
  });

  it('rolls back the whole batch when one row breaks a constraint', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const before = [rowCount(app, 'customers'), rowCount(app, 'outbox')];
    const rows = [customer('A'), customer('B'), { ...customer('C'), code: 'T-A' }];
    expect(() => write(ctx, (w) => insertMany(w, 'customers', rows))).toThrow(/UNIQUE/);
    expect([rowCount(app, 'customers'), rowCount(app, 'outbox')]).toEqual(before);
  });

  it('records an import by one entry per table it filled, none per row, clocked after its last row', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const sqlite = app.services.sqlite;
    const before = rowCount(app, 'outbox');
    const uploadId = newId();
    const upload = {
      id: uploadId,
      kind: 'transactions' as const,
      file_name: 'a.csv',
      file_hash: 'h',
      file_size: 1,
      sheet: null,
      status: 'processing' as const,
      rows_total: 0,
      rows_imported: 0,
      rows_skipped: 0,
      rows_failed: 0,
      customers_created: 0,
      options: '{}',
      user_id: null,
    };
    write(ctx, (w) => w.insert('upload_history', upload));
    const sales: string[] = [];
    write(ctx, (w) => {
      importInto(w, uploadId, ['customers', 'products', 'transactions']);
      const sale = inserter(w, 'transactions', INSERT_BATCH);
      for (let i = 0; i < INSERT_BATCH + 3; i++) {
        const c = { ...customer(`I${i}`), upload_id: uploadId };
        if (i % 2 === 0) w.insert('customers', c);
        else inserter(w, 'customers', INSERT_BATCH)(c);
        const id = newId();
        sale({
          id,
          customer_id: c.id,
          transaction_date: '2026-11-01',
          amount: 1000,
          items: '[]',
          channel: null,
          campaign_code: null,
          invoice_no: null,
          notes: null,
          deleted_at: null,
          upload_id: uploadId,
        });
        sales.push(id);
      }
      // A change of one of its rows inside the import comes after the import's entries.
      w.update('transactions', sales[0], { amount: 2000 }, 'not found');
    });
    const entries = sqlite
      .prepare('SELECT entity, entity_id, op, hlc FROM outbox ORDER BY seq')
      .all()
      .slice(before + 1) as { entity: string; entity_id: string; op: string; hlc: string }[];
    expect(entries.map((e) => [e.entity, e.entity_id, e.op])).toEqual([
      ['customers', uploadId, 'import'],
      ['transactions', uploadId, 'import'],
      ['transactions', sales[0], 'update'],
    ]);
    expect(sqlite.prepare('SELECT COUNT(*) FROM transactions WHERE upload_id = ?').pluck().get(uploadId)).toBe(sales.length);
    const newest = sqlite.prepare('SELECT MAX(hlc) FROM (SELECT hlc FROM transactions UNION ALL SELECT hlc FROM customers)').pluck().get() as string;
    expect(entries.slice(0, 2).every((e) => e.hlc > newest)).toBe(true);

    // A row of another upload is not what the entry stands for: the whole transaction fails.
    const counts = () => [rowCount(app, 'customers'), rowCount(app, 'outbox')];
    const kept = counts();
    expect(() =>
      write(ctx, (w) => {
        importInto(w, uploadId, ['customers']);
        inserter(w, 'customers', INSERT_BATCH)({ ...customer('Stray'), upload_id: null });
      }),
    ).toThrow(/carries upload_id null/);
    expect(counts()).toEqual(kept);
  });
});
