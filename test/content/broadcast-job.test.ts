import { existsSync, readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { newId } from '../../src-main/core/ids';
import { write } from '../../src-main/core/write';
import { stagePath, stagedFile, stagingDir } from '../../src-main/files/staging';
import { broadcastJob } from '../../src-main/content/broadcast';
import { Hlc } from '../../src-main/core/hlc';
import { kyselyFor } from '../../src-main/db/open';
import type { JobCtx } from '../../src-main/jobs/types';
import { broadcastInput } from '../../src-shared/schemas/content';
import { insertMany } from '../../src-main/import/bulk-insert';
import { activityFields, activitySentence } from '../../src-shared/i18n/activity';
import { translator } from '../../src-shared/i18n/messages';
import type { JobProgress } from '../../src-shared/schemas/system';
import { fails, ok, shopWithOwner } from '../helpers';
import { analysedDemoShop } from './harness';

/** The broadcast job's progress events, as the window that started it hears them. */
function progressOf(app: App, onEvent: (p: JobProgress) => void = () => undefined): { heard: JobProgress[]; stop: () => void } {
  const heard: JobProgress[] = [];
  const stop = app.services.events.subscribe((event) => {
    if (event.name !== 'job.progress') return;
    const p = event.payload as JobProgress;
    if (p.kind !== 'content.broadcast') return;
    heard.push(p);
    onEvent(p);
  });
  return { heard, stop };
}

const communications = (app: App) =>
  app.services.sqlite.prepare('SELECT customer_id, channel, message FROM customer_communications').all() as {
    customer_id: string;
    channel: string;
    message: string;
  }[];
const contactedLogs = (app: App) =>
  app.services.sqlite.prepare("SELECT details FROM activity_logs WHERE action = 'content.contacted'").pluck().all() as string[];
const staged = (app: App) => {
  const dir = stagingDir(app.services.dbPath);
  return existsSync(dir) ? readdirSync(dir) : [];
};

/** Ten thousand customers with a phone: a broadcast to them is still running when a cancel arrives. */
async function manyCustomers(): Promise<{ app: App; customerIds: string[] }> {
  const app = await shopWithOwner();
  const customerIds = Array.from({ length: 10_000 }, () => newId());
  write({ ...app.services, userId: null }, (w) =>
    insertMany(
      w,
      'customers',
      customerIds.map((id, i) => ({
        id,
        code: `K${i}`,
        name: `Pelanggan ${String(i).padStart(5, '0')}`,
        phone: `+62812${String(10_000_000 + i)}`,
        email: null,
        address: null,
        city: 'Bandung',
        tags: '[]',
        notes: null,
        source: null,
        deleted_at: null,
      })),
    ),
  );
  return { app, customerIds };
}

describe('the broadcast file as a job', () => {
  it('writes the list in a worker with progress, and records everyone in it as contacted in one go', async () => {
    const app = await analysedDemoShop();
    const progress = progressOf(app);
    const target = { subject: 'Promo untuk {nama}', body: 'Halo Kak {nama} dari {kota}', segment: 'at_risk' as const };
    const input = { ...target, kind: 'email' as const, format: 'csv' as const };
    const broadcast = await ok(app, 'content.broadcast', input);
    progress.stop();

    const expected = await ok(app, 'content.personalise', { ...target, pageSize: 200 });
    const withEmail = expected.rows.filter((r) => r.email);
    expect(expected.total).toBeLessThanOrEqual(200);
    expect(withEmail.length).toBeGreaterThan(0);
    expect(broadcast).toMatchObject({ rows: withEmail.length, contacted: withEmail.length, bytes: expect.any(Number) });

    const file = readFileSync(stagedFile(app.services.dbPath, broadcast.fileId, translator('id')).path, 'utf8');
    expect(file.length).toBe(broadcast.bytes - 2); // the byte-order mark is 3 bytes, 1 character
    const parsed = Papa.parse<string[]>(file.slice(1).trim()).data;
    expect(parsed[0]).toEqual(['Email', 'Nama', 'Subjek', 'Isi']);
    expect(parsed.slice(1)).toEqual(withEmail.map((r) => [r.email, r.name, r.subject, r.message]));

    // Everyone in the file, and no one else, recorded with the text they were sent.
    const recorded = communications(app);
    expect(recorded.map((r) => r.customer_id).sort()).toEqual(withEmail.map((r) => r.customerId).sort());
    for (const r of withEmail)
      expect(recorded.find((c) => c.customer_id === r.customerId)).toMatchObject({ channel: 'email', message: `${r.subject}\n\n${r.message}` });
    expect(contactedLogs(app).map((d) => JSON.parse(d))).toEqual([{ customers: withEmail.length, channel: 'email', campaignId: null, broadcast: 'csv' }]);
    // Its details are named in both languages, not spelled from the key ("Broadcast: csv").
    const entry = { user_name: 'Sari', action: 'content.contacted', details: JSON.parse(contactedLogs(app)[0]) as Record<string, unknown> };
    expect(activityFields(entry, 'id')).toContainEqual(expect.objectContaining({ key: 'broadcast', label: 'Daftar siaran' }));
    expect(activityFields(entry, 'en')).toContainEqual(expect.objectContaining({ key: 'broadcast', label: 'Broadcast list' }));

    // The window heard the rows written and the contacts recorded, each to its end.
    expect(progress.heard).toContainEqual(expect.objectContaining({ phase: 'write', done: withEmail.length, total: withEmail.length }));
    expect(progress.heard).toContainEqual(expect.objectContaining({ phase: 'mark', done: withEmail.length, total: withEmail.length }));

    // Asked not to, it records nothing.
    const again = await ok(app, 'content.broadcast', { ...input, markContacted: false });
    expect(again).toMatchObject({ rows: withEmail.length, contacted: 0 });
    expect(communications(app)).toHaveLength(withEmail.length);
  });

  it('reads one moment of the shop: a rename and a delete during the write leave the file as it began', async () => {
    const { app, customerIds } = await manyCustomers();
    const chosen = customerIds.slice(0, 1_200); // three batches, in name order = this order
    const other = new Database(app.services.dbPath); // the main thread's writes, as another connection
    const changed: string[] = [];
    const jobCtx: JobCtx = {
      sqlite: app.services.sqlite,
      db: kyselyFor(app.services.sqlite),
      clock: app.services.clock,
      hlc: new Hlc(app.services.clock, null),
      userId: null,
      progress: (phase, done) => {
        // After the first batch is written, and before the second is read: committed at once.
        if (phase !== 'write' || done !== 500 || changed.length) return;
        other.prepare("UPDATE customers SET name = 'Nama Baru' WHERE id = ?").run(chosen[700]);
        other.prepare("UPDATE customers SET deleted_at = '2026-12-07T00:00:00Z' WHERE id = ?").run(chosen[900]);
        changed.push(chosen[700], chosen[900]);
      },
      throwIfCancelled: () => undefined,
    };
    const file = stagePath(app.services.dbPath, 'broadcast-whatsapp', 'csv', { owner: null });
    const input = broadcastInput.parse({ body: 'Halo {nama}', customerIds: chosen, kind: 'whatsapp', format: 'csv', markContacted: false });
    const result = await broadcastJob({ input, language: 'id', file, dbPath: app.services.dbPath }, jobCtx);
    other.close();

    expect(changed).toHaveLength(2); // the writes did happen mid-job
    expect(result.rows).toBe(1_200);
    const rows = Papa.parse<string[]>(readFileSync(file.path, 'utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(rows).toHaveLength(1_200);
    expect(rows[700][1]).toBe('Pelanggan 00700');
    expect(rows[900][1]).toBe('Pelanggan 00900');
    expect(rows.some((r) => r[1] === 'Nama Baru')).toBe(false);
    expect(app.services.sqlite.inTransaction).toBe(false); // the read snapshot ended with the job
  }, 60_000);

  it('cancelled while writing, it leaves no file and records no one', async () => {
    const { app, customerIds } = await manyCustomers();
    let cancelled = false;
    const progress = progressOf(app, (p) => {
      if (p.phase !== 'write' || p.done < 500 || cancelled) return;
      cancelled = true;
      void app.call('jobs.cancel', { jobId: p.jobId }, { clientId: 'owner' });
    });
    const error = await fails(app, 'content.broadcast', { body: 'Halo {nama}', customerIds, kind: 'whatsapp', format: 'xlsx' });
    progress.stop();
    expect(error.code).toBe('CANCELLED');
    expect(Math.max(...progress.heard.map((p) => p.done))).toBeLessThan(customerIds.length); // stopped midway
    expect(staged(app)).toEqual([]);
    expect(communications(app)).toEqual([]);
    expect(contactedLogs(app)).toEqual([]);
    // The activity log names what was stopped, in both languages.
    const stopped = JSON.parse(app.services.sqlite.prepare("SELECT details FROM activity_logs WHERE action = 'job.cancel'").pluck().get() as string) as Record<
      string,
      unknown
    >;
    expect(activitySentence({ user_name: 'Sari', action: 'job.cancel', details: stopped }, 'id')).toContain('menghentikan pembuatan daftar siaran');
    expect(activitySentence({ user_name: 'Sari', action: 'job.cancel', details: stopped }, 'en')).toContain('broadcast list');
  }, 60_000);

  it('cancelled while it waits to record the contacts, it leaves no file and records no one', async () => {
    const { app, customerIds } = await manyCustomers();
    // The test's connection holds the write lock: the job writes its file, then waits for the lock
    // to record the contacts. The cancel comes while it waits; the lock is let go once it is in.
    const sqlite = app.services.sqlite;
    sqlite.exec('BEGIN IMMEDIATE');
    let cancel: Promise<unknown> | null = null;
    const progress = progressOf(app, (p) => {
      // On the first 'mark' event: the file is written and the job is at the lock (a cancel on the last
      // 'write' event was mostly seen by the job's own check before it, never reaching the wait).
      if (p.phase !== 'mark' || cancel) return;
      cancel = app.call('jobs.cancel', { jobId: p.jobId }, { clientId: 'owner' }).finally(() => sqlite.exec('COMMIT'));
    });
    const error = await fails(app, 'content.broadcast', { body: 'Halo {nama}', customerIds, kind: 'whatsapp', format: 'csv' });
    progress.stop();
    expect(await cancel).toMatchObject({ ok: true });
    expect(error.code).toBe('CANCELLED');
    expect(staged(app)).toEqual([]);
    expect(communications(app)).toEqual([]);
    expect(contactedLogs(app)).toEqual([]);
  }, 60_000);

  it('records a hand-picked selection in a job too, once per customer', async () => {
    const { app, customerIds } = await manyCustomers();
    const started: string[] = [];
    const stop = app.services.events.subscribe((event) => {
      if (event.name === 'job.started') started.push((event.payload as { kind: string }).kind);
    });
    // Ten thousand took 1.5-5 s on the main thread (load 10): the window froze meanwhile.
    const picked = [...customerIds.slice(0, 9_999), customerIds[0]];
    expect(await ok(app, 'content.markContacted', { customerIds: picked, channel: 'whatsapp', body: 'Halo {nama}' })).toEqual({ recorded: 9_999 });
    stop();
    expect(started).toEqual(['content.markContacted']);
    const recorded = communications(app);
    expect(recorded).toHaveLength(9_999);
    expect(recorded.find((c) => c.customer_id === customerIds[42])).toMatchObject({ channel: 'whatsapp', message: 'Halo Pelanggan 00042' });
    expect(contactedLogs(app).map((d) => JSON.parse(d))).toEqual([{ customers: 9_999, channel: 'whatsapp', campaignId: null }]);
  }, 60_000);

  it('says an import is saving, as a save on the main thread does, when the write lock stays taken', async () => {
    const { app, customerIds } = await manyCustomers();
    // Another connection holds the write lock past the job's busy timeout, as a long import does.
    const other = new Database(app.services.dbPath);
    other.exec('BEGIN IMMEDIATE');
    try {
      const error = await fails(app, 'content.markContacted', { customerIds: customerIds.slice(0, 3), channel: 'whatsapp', body: 'Halo {nama}' });
      // It answered INTERNAL ("something unexpected") from the worker before.
      expect(error).toEqual({ code: 'CONFLICT', message: translator('id')('err.busy') });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(communications(app)).toEqual([]);
  }, 60_000);
});
