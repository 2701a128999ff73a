import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { loadMigrations, migrate } from '../../src-main/db/migrate';
import { openSqlite } from '../../src-main/db/open';
import { stagedFile } from '../../src-main/files/staging';
import { translator } from '../../src-shared/i18n/messages';
import { importFile } from '../import/harness';
import { ok, shopWithOwner, tempDir } from '../helpers';

const FIXTURES = new URL('../fixtures/leads/', import.meta.url).pathname;
const GOOD = join(FIXTURES, 'leads.csv');
const BAD = join(FIXTURES, 'leads-bad.csv');

/** A shop with a second user to own leads: Rina Kartika, username rina. */
async function shop(): Promise<App> {
  const app = await shopWithOwner();
  await ok(app, 'users.create', { name: 'Rina Kartika', username: 'rina', password: 'password-123', role: 'staff' });
  return app;
}

const all = (app: App, sql: string, ...params: unknown[]) => app.services.sqlite.prepare(sql).all(...params) as Record<string, unknown>[];
const userId = (app: App, username: string) => app.services.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string;

/** Everything an import of leads may write, as it stands: compared before and after one that must write nothing. */
const leadData = (app: App) => ({
  leads: all(app, 'SELECT * FROM leads ORDER BY id'),
  changes: all(app, 'SELECT * FROM lead_stage_changes ORDER BY id'),
  outbox: all(app, "SELECT entity, entity_id, op FROM outbox WHERE entity IN ('leads', 'lead_stage_changes') ORDER BY seq"),
});

describe('leads import through the import pipeline', () => {
  it('maps the template-style headers by itself, normalises phones, looks up stage, channel (by name or UTM) and owner, and starts each lead’s history', async () => {
    const app = await shop();
    const { inspected, report } = await importFile(app, GOOD, 'leads');
    expect(inspected.missing).toEqual([]);
    const mapped = Object.entries(inspected.mapping)
      .filter(([, column]) => column !== null)
      .map(([field]) => field);
    expect(mapped.sort()).toEqual(
      [
        'campaign_code',
        'channel',
        'city',
        'email',
        'expected_close',
        'interest',
        'name',
        'notes',
        'organisation',
        'owner',
        'phone',
        'stage',
        'utm_medium',
        'utm_source',
        'value',
      ].sort(),
    );
    expect(report).toMatchObject({ status: 'completed', rowsTotal: 5, valid: 4, toSkip: 1, failed: 0, records: 4 });
    // The fifth row's phone is the first row's, written another way.
    expect(report.issues).toMatchObject([{ line: 6, column: 'No HP', category: 'duplicate' }]);

    const rows = all(
      app,
      'SELECT code, name, organisation, phone, email, channel_id, utm_source, utm_medium, campaign_code, value, owner_id, stage_id, expected_close, closed_at, upload_id FROM leads ORDER BY code',
    );
    const [sari, rina] = [userId(app, 'sari'), userId(app, 'rina')];
    expect(rows).toEqual([
      {
        code: 'L-00001',
        name: 'Dewi Lestari',
        organisation: 'SMA Negeri 3 Bandung',
        phone: '+6281234567890',
        email: 'dewi@contoh.id',
        channel_id: 'instagram',
        utm_source: null,
        utm_medium: null,
        campaign_code: 'UMR_NOV_2026_HEMAT',
        value: 28_500_000,
        owner_id: sari,
        stage_id: 'interest',
        expected_close: '2026-12-20',
        closed_at: null,
        upload_id: report.uploadId,
      },
      {
        code: 'L-00002',
        name: 'Rizky Pratama',
        organisation: 'PT Sinar Jaya',
        phone: '+6285711112222',
        email: null,
        channel_id: 'tiktok',
        utm_source: 'tiktok_ads',
        utm_medium: null,
        campaign_code: null,
        value: 1_500_000,
        owner_id: null,
        stage_id: 'lead',
        expected_close: null,
        closed_at: null,
        upload_id: report.uploadId,
      },
      {
        code: 'L-00003',
        name: 'Ayu Wandira',
        organisation: 'SMK Telkom',
        phone: '+6281322223333',
        email: null,
        channel_id: 'organic',
        utm_source: 'google',
        utm_medium: 'cpc',
        campaign_code: null,
        value: 0,
        owner_id: rina,
        stage_id: 'follow_up',
        expected_close: null,
        closed_at: null,
        upload_id: report.uploadId,
      },
      {
        code: 'L-00004',
        name: 'Bagus Saputra',
        organisation: null,
        phone: null,
        email: null,
        channel_id: 'walkin',
        utm_source: null,
        utm_medium: null,
        campaign_code: null,
        value: 0,
        owner_id: rina,
        stage_id: 'booking',
        expected_close: '2027-01-05',
        closed_at: null,
        upload_id: report.uploadId,
      },
    ]);
    // Each lead's first history row, by the importing user, as the lead form writes it.
    const history = all(
      app,
      'SELECT l.code, h.from_stage_id, h.to_stage_id, h.user_id FROM lead_stage_changes h JOIN leads l ON l.id = h.lead_id ORDER BY l.code',
    );
    expect(history).toEqual(rows.map((r) => ({ code: r.code, from_stage_id: null, to_stage_id: r.stage_id, user_id: sari })));
    // Every lead and history row is in the outbox, to be synced like one made by hand.
    expect(all(app, "SELECT entity, COUNT(*) AS n FROM outbox WHERE entity IN ('leads', 'lead_stage_changes') GROUP BY entity ORDER BY entity")).toEqual([
      { entity: 'lead_stage_changes', n: 4 },
      { entity: 'leads', n: 4 },
    ]);
    expect((await ok(app, 'leads.list', { page: 1, pageSize: 20 })).total).toBe(4);
    // A lead made by hand afterwards continues the codes.
    expect(await ok(app, 'leads.create', { name: 'Baru', phone: null, email: null, value: 0 })).toMatchObject({ code: 'L-00005' });
    expect(all(app, 'SELECT kind, status, rows_imported, rows_skipped FROM upload_history')).toEqual([
      { kind: 'leads', status: 'completed', rows_imported: 4, rows_skipped: 1 },
    ]);
  });

  it('refuses the whole file when a row names a stage, channel or owner the shop lacks: each named with row, column and the choices; nothing written', async () => {
    const app = await shop();
    await ok(app, 'leads.create', { name: 'Sudah Ada', phone: '0811-1111-1111', email: null, value: 0 });
    const before = leadData(app);
    for (const mode of ['import.validate', 'import.commit'] as const) {
      const { report } = await importFile(app, BAD, 'leads', {}, undefined, mode);
      expect(report.status).toBe('stopped');
      expect(report.stopReason).toContain('4');
      expect(report.failed).toBe(4);
      expect(report.issues.map((i) => [i.line, i.column, i.value])).toEqual([
        [3, 'Kanal', 'Radio'],
        [4, 'PIC', 'budi'],
        [5, 'Tahap', 'Closing'],
        [6, 'Nilai', '-5000'],
      ]);
      expect(report.issues[0].message).toContain('Instagram Ads');
      expect(report.issues[1].message).toContain('rina');
      expect(report.issues[2].message).toContain('Follow-up');
      expect(leadData(app)).toEqual(before);
    }
  });

  it('a phone a live lead has: skipped and listed, or the lead updated with what the file fills in (its stage kept), or the import stopped', async () => {
    const app = await shop();
    const mine = await ok(app, 'leads.create', { name: 'Rizky P', phone: '0857-1111-2222', email: null, city: 'Bandung', value: 100_000, stageId: 'booking' });

    const skipped = (await importFile(app, GOOD, 'leads')).report;
    expect(skipped).toMatchObject({ status: 'completed', valid: 3, toSkip: 2 });
    expect(skipped.issues.find((i) => i.line === 3)).toMatchObject({ category: 'duplicate', column: 'No HP' });
    expect(skipped.issues.find((i) => i.line === 3)?.message).toContain(mine.code);
    expect(await ok(app, 'leads.get', { id: mine.id })).toMatchObject({ lead: { name: 'Rizky P', value: 100_000 } });
    await ok(app, 'import.undo', { uploadId: skipped.uploadId as string });

    const stopped = (await importFile(app, GOOD, 'leads', { onDuplicate: 'stop' })).report;
    expect(stopped).toMatchObject({ status: 'stopped' });
    expect(stopped.stopReason).toContain('3');

    const updated = (await importFile(app, GOOD, 'leads', { onDuplicate: 'update' })).report;
    expect(updated).toMatchObject({ status: 'completed', valid: 4, updated: 1, toSkip: 1 });
    const after = (await ok(app, 'leads.get', { id: mine.id })).lead;
    // Name, organisation, city, value and the UTM's channel come from the file; the stage is kept.
    expect(after).toMatchObject({
      name: 'Rizky Pratama',
      organisation: 'PT Sinar Jaya',
      city: 'Cimahi',
      value: 1_500_000,
      channelId: 'tiktok',
      stageId: 'booking',
      code: mine.code,
    });
    expect((await ok(app, 'leads.get', { id: mine.id })).history).toHaveLength(1);
  });

  it('undo removes the leads the import made, and only those', async () => {
    const app = await shop();
    const mine = await ok(app, 'leads.create', { name: 'Manual', phone: null, email: null, value: 0 });
    const { report } = await importFile(app, GOOD, 'leads');
    expect((await ok(app, 'leads.list', { page: 1, pageSize: 20 })).total).toBe(5);
    expect(await ok(app, 'import.undo', { uploadId: report.uploadId as string })).toMatchObject({ leads: 4, customers: 0, transactions: 0, products: 0 });
    const left = await ok(app, 'leads.list', { page: 1, pageSize: 20 });
    expect(left.rows.map((r) => r.id)).toEqual([mine.id]);
    expect(all(app, 'SELECT COUNT(*) AS n FROM leads WHERE upload_id = ? AND deleted_at IS NOT NULL', report.uploadId)).toEqual([{ n: 4 }]);
    // The phones are free again: the same file imports anew.
    expect((await importFile(app, GOOD, 'leads')).report).toMatchObject({ status: 'completed', valid: 4 });
  });

  it('the downloadable template imports as it is', async () => {
    const app = await shop();
    const template = await ok(app, 'import.template', { kind: 'leads' });
    expect(template.name).toContain('prospek');
    const path = join(tempDir(), 'template-leads.xlsx');
    writeFileSync(path, readFileSync(stagedFile(app.services.dbPath, template.fileId, translator('id')).path));
    const { inspected, report } = await importFile(app, path, 'leads');
    expect(inspected.mapping).toMatchObject({ organisation: 1, owner: 11, stage: 12, expected_close: 13 });
    expect(report).toMatchObject({ status: 'completed', valid: 2, failed: 0 });
    expect(all(app, 'SELECT name, channel_id, stage_id, value, expected_close FROM leads ORDER BY code')).toEqual([
      { name: 'Dewi Lestari', channel_id: 'instagram', stage_id: 'lead', value: 28_500_000, expected_close: '2026-12-20' },
      { name: 'Rizky Pratama', channel_id: 'tiktok', stage_id: 'follow_up', value: 1_500_000, expected_close: null },
    ]);
  });
});

describe('migration 0016: an upload may be of leads', () => {
  it('rebuilds upload_history with every upload kept and every reference to it still checked', async () => {
    const path = join(tempDir(), 'old.sqlite');
    const sqlite = openSqlite(path);
    const migrations = loadMigrations();
    await migrate(
      sqlite,
      path,
      migrations.filter((m) => m.version < 16),
    );
    const at = '2026-11-01T00:00:00.000Z';
    sqlite
      .prepare(
        "INSERT INTO upload_history (id, kind, file_name, file_hash, file_size, status, created_at, updated_at, hlc) VALUES ('u1', 'customers', 'a.csv', 'h', 1, 'completed', ?, ?, 'h1')",
      )
      .run(at, at);
    sqlite.prepare("INSERT INTO customers (id, code, name, upload_id, created_at, updated_at, hlc) VALUES ('c1', 'C1', 'Ani', 'u1', ?, ?, 'h1')").run(at, at);
    expect(() =>
      sqlite
        .prepare(
          "INSERT INTO upload_history (id, kind, file_name, file_hash, file_size, status, created_at, updated_at, hlc) VALUES ('u2', 'leads', 'b.csv', 'h', 1, 'completed', ?, ?, 'h2')",
        )
        .run(at, at),
    ).toThrow(/CHECK/);

    await migrate(sqlite, path, migrations);
    expect(sqlite.prepare('SELECT id, kind, file_name FROM upload_history').all()).toEqual([{ id: 'u1', kind: 'customers', file_name: 'a.csv' }]);
    sqlite
      .prepare(
        "INSERT INTO upload_history (id, kind, file_name, file_hash, file_size, status, created_at, updated_at, hlc) VALUES ('u2', 'leads', 'b.csv', 'h', 1, 'completed', ?, ?, 'h2')",
      )
      .run(at, at);
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The customers' reference still points at the rebuilt table, and is still enforced.
    expect(() => sqlite.prepare("DELETE FROM upload_history WHERE id = 'u1'").run()).toThrow(/FOREIGN KEY/);
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'upload_history' AND sql IS NOT NULL").pluck().all()).toEqual([
      'idx_upload_history_created',
    ]);
    sqlite.close();
  });
});
