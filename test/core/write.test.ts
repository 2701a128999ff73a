import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { openSqlite } from '../../src-main/db/open';
import { rowCount, shopWithOwner } from '../helpers';

function customer(name: string) {
  return { id: newId(), code: `T-${name}`, name, phone: null, email: null, address: null, city: null, tags: '[]', notes: null, source: null, deleted_at: null };
}

describe('the write helper', () => {
  it('records exactly one outbox row, with a newer HLC, for each write', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const before = rowCount(app, 'outbox');
    const row = customer('Ani');
    write(ctx, (w) => w.insert('customers', row));
    write(ctx, (w) => w.update('customers', row.id, { city: 'Bandung' }, 'not found'));
    write(ctx, (w) => w.setDeleted('customers', row.id, true, 'not found'));
    const outbox = app.services.sqlite.prepare('SELECT entity, entity_id, op, hlc FROM outbox ORDER BY seq').all().slice(before) as {
      entity: string;
      entity_id: string;
      op: string;
      hlc: string;
    }[];
    expect(outbox.map((o) => [o.entity, o.entity_id, o.op])).toEqual([
      ['customers', row.id, 'insert'],
      ['customers', row.id, 'update'],
      ['customers', row.id, 'delete'],
    ]);
    expect([...outbox.map((o) => o.hlc)].sort()).toEqual(outbox.map((o) => o.hlc));
    const stored = app.services.sqlite.prepare('SELECT hlc, deleted_at FROM customers WHERE id = ?').get(row.id) as { hlc: string; deleted_at: string };
    expect(stored.hlc).toBe(outbox[2].hlc);
    expect(stored.deleted_at).not.toBeNull();
  });

  it('holds the write lock from the start: a job committing meanwhile waits, instead of the write failing', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    // Another connection to the same file, as a job worker has; it does not wait for a lock here.
    const other = openSqlite(app.services.dbPath);
    other.pragma('busy_timeout = 0');
    let otherWrite = '';
    const row = customer('Citra');
    write(ctx, (w) => {
      ctx.sqlite.prepare('SELECT COUNT(*) FROM customers').get(); // the write reads first, as an undo does
      try {
        other.prepare("UPDATE business SET name = 'Toko Lain'").run();
        otherWrite = 'committed';
      } catch (error) {
        otherWrite = (error as { code: string }).code;
      }
      w.insert('customers', row);
    });
    other.close();
    expect(otherWrite).toBe('SQLITE_BUSY');
    expect(app.services.sqlite.prepare('SELECT name FROM customers WHERE id = ?').get(row.id)).toEqual({ name: 'Citra' });
  });

  it('leaves neither the row nor its outbox entry when the work throws', async () => {
    const app = await shopWithOwner();
    const ctx = { ...app.services, userId: null };
    const counts = () => [rowCount(app, 'customers'), rowCount(app, 'outbox'), rowCount(app, 'activity_logs')];
    const before = counts();
    expect(() =>
      write(ctx, (w) => {
        w.insert('customers', customer('Budi'));
        w.log({ action: 'customers.create' });
        throw new Error('power cut');
      }),
    ).toThrow('power cut');
    expect(counts()).toEqual(before);
  });
});
