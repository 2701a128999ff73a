import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from '../../src-main/app';
import { buildCli, cli } from '../cli-run';
import { ok, OWNER_PASSWORD, tempDir } from '../helpers';

const FIXTURES = new URL('../fixtures/leads/', import.meta.url).pathname;

beforeAll(buildCli, 180_000);

/** The shop file opened in this process for a moment (the CLI is not running meanwhile). */
async function withShop<T>(db: string, work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp({ dbPath: db });
  try {
    if ((await ok(app, 'app.status', {})).setupDone) await ok(app, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    return await work(app);
  } finally {
    await app.close();
  }
}

const json = <T>(out: string) => JSON.parse(out) as T;
type Listed = { total: number; rows: { code: string; name: string; stageId: string; ownerName: string | null; overdue: boolean }[] };

describe('leads on the command line', { timeout: 120_000 }, () => {
  it('imports a leads file through the pipeline, lists with filters, and moves a lead by code or phone as the owner', async () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--owner', 'sari', '--name', 'Sari Wulandari', '--password-stdin'], { input: `${OWNER_PASSWORD}\n` }).code).toBe(0);
    await withShop(db, (app) => ok(app, 'users.create', { name: 'Rina Kartika', username: 'rina', password: 'password-123', role: 'staff' }));

    // A bad file: every problem row listed with its row and column, exit 1, nothing written.
    const bad = cli(['import', join(FIXTURES, 'leads-bad.csv'), '--kind', 'leads', '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('row 3, Kanal: There is no channel "Radio"');
    expect(bad.out).toContain('row 5, Tahap: There is no stage "Closing". Write one of: Lead, Follow-up, Interest, Booking, Won, Lost.');
    expect(bad.err).toContain('Nothing was saved');
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json']).out).total).toBe(0);

    const imported = cli(['import', join(FIXTURES, 'leads.csv'), '--kind', 'leads', '--db', db, '--json']);
    expect(imported.code, imported.err).toBe(0);
    expect(json(imported.out)).toMatchObject({ status: 'completed', rowsTotal: 5, imported: 4, skipped: 1, failed: 0 });

    const all = json<Listed>(cli(['leads', 'list', '--db', db, '--json']).out);
    expect(all.total).toBe(4);
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--stage', 'interest']).out).rows.map((r) => r.name)).toEqual(['Dewi Lestari']);
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--stage', 'Booking']).out).rows.map((r) => r.name)).toEqual(['Bagus Saputra']);
    expect(
      json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--owner', 'rina']).out)
        .rows.map((r) => r.name)
        .sort(),
    ).toEqual(['Ayu Wandira', 'Bagus Saputra']);
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--owner', 'none']).out).rows.map((r) => r.name)).toEqual(['Rizky Pratama']);
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--overdue']).out).total).toBe(0);

    await withShop(db, async (app) => {
      const [dewi] = (await ok(app, 'leads.list', { search: 'Dewi', page: 1, pageSize: 5 })).rows;
      await ok(app, 'activities.create', { leadId: dewi.id, kind: 'call', outcome: 'Belum jawab', nextAction: 'Telepon lagi', dueDate: '2020-01-02' });
    });
    expect(json<Listed>(cli(['leads', 'list', '--db', db, '--json', '--overdue']).out).rows).toMatchObject([{ name: 'Dewi Lestari', overdue: true }]);
    const text = cli(['leads', 'list', '--db', db, '--overdue']);
    expect(text.out).toContain('L-00001  Dewi Lestari  0812-3456-7890  Interest  Sari Wulandari  28500000  2020-01-02 (overdue)');
    expect(text.out).toContain('1 of 1 leads');

    const unknown = cli(['leads', 'list', '--db', db, '--stage', 'closing']);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toContain('There is no stage "closing". Stages: lead, follow_up, interest, booking, won, lost.');
    expect(cli(['leads', 'list', '--db', db, '--owner', 'budi']).err).toContain('Users: rina, sari (or me, none)');

    const moved = cli(['leads', 'move', '--db', db, '--lead', 'L-00002', '--stage', 'booking']);
    expect(moved.code, moved.err).toBe(0);
    expect(moved.out.trim()).toBe('L-00002 Rizky Pratama: Lead → Booking');
    // Back a stage needs a reason: dispatch's own sentence, exit 1, nothing moved.
    const back = cli(['leads', 'move', '--db', db, '--lead', '0857 1111 2222', '--stage', 'follow_up']);
    expect(back.code).toBe(1);
    expect(back.err).toContain('Follow-up');
    const withReason = cli(['leads', 'move', '--db', db, '--lead', '+62 857-1111-2222', '--stage', 'follow_up', '--reason', 'Belum ada dana']);
    expect(withReason.code, withReason.err).toBe(0);
    expect(cli(['leads', 'move', '--db', db, '--lead', 'L-09999', '--stage', 'won']).err).toContain('There is no lead "L-09999"');
    expect(cli(['leads', 'move', '--db', db, '--stage', 'won']).code).toBe(2);

    const history = await withShop(db, async (app) => {
      const [rizky] = (await ok(app, 'leads.list', { search: 'Rizky', page: 1, pageSize: 5 })).rows;
      return (await ok(app, 'leads.get', { id: rizky.id })).history;
    });
    // Every move is kept, made by the shop's owner as every CLI change is.
    expect(history.map((h) => [h.fromStageId, h.toStageId, h.reason, h.userName])).toEqual([
      ['booking', 'follow_up', 'Belum ada dana', 'Sari Wulandari'],
      ['lead', 'booking', null, 'Sari Wulandari'],
      [null, 'lead', null, 'Sari Wulandari'],
    ]);
  });
});
