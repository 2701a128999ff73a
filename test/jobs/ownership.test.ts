import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import type { EventName } from '../../src-shared/contract';
import { startHost, type Host } from '../../src-main/host/server';
import { runRfmInBackground } from '../../src-main/rfm/service';
import { busyShop } from '../export/harness';
import { fails, loginAsNewUser, ok, OWNER_PASSWORD, rowCount, shopWithOwner, tempDir } from '../helpers';

type Heard = { name: EventName; payload: { jobId: string; kind: string; status?: string }; clientId?: string };

/** Every event the bus sends, with the client it is for (none: everyone). */
function listen(app: App): { heard: Heard[]; stop: () => void } {
  const heard: Heard[] = [];
  const stop = app.services.events.subscribe((event) => heard.push(event as Heard));
  return { heard, stop };
}

/** When a job of `kind` starts, run `during` (a second client's cancel, say) while it is still going. */
function whenStarted(app: App, kind: string, during: (jobId: string) => Promise<void>): { done: Promise<void>; stop: () => void } {
  let resolve: () => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
  const stop = app.services.events.subscribe((event) => {
    const payload = event.payload as { jobId: string; kind: string };
    if (event.name === 'job.started' && payload.kind === kind) during(payload.jobId).then(resolve, reject);
  });
  void done.catch(() => undefined); // awaited by the test once the job's call has answered
  return { done, stop };
}

function cancels(app: App) {
  const rows = app.services.sqlite
    .prepare("SELECT u.username, a.entity_id, a.details FROM activity_logs a LEFT JOIN users u ON u.id = a.user_id WHERE a.action = 'job.cancel'")
    .all() as { username: string; entity_id: string; details: string }[];
  return rows.map((row) => ({ by: row.username, jobId: row.entity_id, ...(JSON.parse(row.details) as Record<string, unknown>) }));
}

function userId(app: App, username: string): string {
  return (app.services.sqlite.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: string }).id;
}

/** A sales file long enough that its import is still running when a cancel arrives. */
function manySales(): string {
  const path = join(tempDir(), 'many.csv');
  const lines = ['Tanggal,Kode Pelanggan,Total'];
  for (let i = 0; i < 60_000; i++) lines.push(`2026-01-${String(1 + (i % 28)).padStart(2, '0')},K${i % 3000},${1000 + i}`);
  writeFileSync(path, lines.join('\n'));
  return path;
}

describe('jobs belong to whoever started them', () => {
  it("staff cannot cancel the owner's export, in their own language; the owner cancels it and the log says so", async () => {
    const app = await busyShop();
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    await ok(app, 'auth.setPreferences', { language: 'en' }, staff);
    const watcher = whenStarted(app, 'export.run', async (jobId) => {
      const refused = await fails(app, 'jobs.cancel', { jobId }, staff);
      expect(refused).toMatchObject({ code: 'FORBIDDEN', message: 'Only the user who started this task, or the shop owner, can cancel it.' });
      expect(cancels(app)).toEqual([]);
      await ok(app, 'jobs.cancel', { jobId }, 'owner');
    });
    const error = await fails(app, 'export.run', { report: 'transactions', filters: {}, format: 'csv' });
    await watcher.done;
    watcher.stop();
    expect(error.code).toBe('CANCELLED');
    // Logged once the job has ended: who cancelled (the entry's user), whose job, what, how it ended.
    const [logged] = cancels(app);
    expect(cancels(app)).toHaveLength(1);
    expect(logged).toMatchObject({ by: 'sari', kind: 'export.run', owner: userId(app, 'sari'), ownerName: 'Sari Wulandari', status: 'cancelled' });
  }, 60_000);

  it("staff and a manager cannot cancel another's import; an owner can, and it is logged as someone else's", async () => {
    const app = await shopWithOwner();
    const manager = await loginAsNewUser(app, 'manager', 'manajer');
    const staff = await loginAsNewUser(app, 'staff', 'kasir');
    const otherManager = await loginAsNewUser(app, 'manager', 'wakil');
    const staged = await ok(app, 'files.upload', { name: 'many.csv', bytes: readFileSync(manySales()) }, manager);
    const inspected = await ok(app, 'import.inspect', { fileId: staged.fileId, kind: 'transactions' }, manager);
    let cancelledJob = '';
    const watcher = whenStarted(app, 'import.run', async (jobId) => {
      cancelledJob = jobId;
      expect(await fails(app, 'jobs.cancel', { jobId }, staff)).toMatchObject({
        code: 'FORBIDDEN',
        message: 'Hanya pengguna yang memulai proses ini, atau pemilik toko, yang bisa membatalkannya.',
      });
      expect((await fails(app, 'jobs.cancel', { jobId }, otherManager)).code).toBe('FORBIDDEN');
      await ok(app, 'jobs.cancel', { jobId }, 'owner');
    });
    const error = await fails(
      app,
      'import.commit',
      { fileId: staged.fileId, kind: 'transactions', headerRow: inspected.headerRow, mapping: inspected.mapping },
      manager,
    );
    await watcher.done;
    watcher.stop();
    expect(error.code).toBe('CANCELLED');
    expect(cancels(app)).toEqual([
      { by: 'sari', jobId: cancelledJob, kind: 'import.run', owner: userId(app, 'manajer'), ownerName: 'manajer', status: 'cancelled' },
    ]);
    expect(rowCount(app, 'transactions')).toBe(0);
  }, 60_000);

  it("a job's events go only to the client that started it; a background job's to everyone", async () => {
    const app = await busyShop();
    await loginAsNewUser(app, 'staff', 'kasir');
    const { heard, stop } = listen(app);
    await ok(app, 'export.run', { report: 'transactions', filters: {}, format: 'csv' });
    const exportEvents = heard.filter((e) => e.payload.kind === 'export.run');
    expect(exportEvents.map((e) => e.name)).toContain('job.progress');
    // The caller learns the job's id first, then its progress and finish, all for its client only.
    expect(exportEvents[0].name).toBe('job.started');
    expect(exportEvents.at(-1)).toMatchObject({ name: 'job.finished', payload: { status: 'completed' } });
    expect(new Set(exportEvents.map((e) => e.payload.jobId)).size).toBe(1);
    expect(exportEvents.every((e) => e.clientId === 'owner')).toBe(true);

    heard.length = 0;
    await runRfmInBackground(app.services, 'startup', null);
    stop();
    const rfmEvents = heard.filter((e) => e.payload.kind === 'rfm.run');
    expect(rfmEvents.at(-1)).toMatchObject({ name: 'job.finished', payload: { status: 'completed' } });
    expect(rfmEvents.some((e) => e.name === 'job.started')).toBe(false); // nobody's call started it
    expect(rfmEvents.every((e) => e.clientId === undefined)).toBe(true);
  }, 60_000);
});

describe("a job's events in browser mode", () => {
  let host: Host | null = null;
  afterEach(async () => {
    await host?.close();
    host = null;
  });

  async function enter(h: Host, link: string): Promise<string> {
    const res = await fetch(link, { redirect: 'manual' });
    return (res.headers.get('set-cookie') ?? '').split(';')[0];
  }

  function invoke(h: Host, cookie: string, channel: string, input: unknown) {
    return fetch(`${h.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(input),
    }).then((res) => res.json());
  }

  /** A browser's event stream, read until `until` shows up in it. */
  async function stream(h: Host, cookie: string) {
    const controller = new AbortController();
    const res = await fetch(`${h.origin}/api/events`, { headers: { cookie }, signal: controller.signal });
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    return {
      async until(marker: string): Promise<string> {
        while (!text.includes(marker)) text += decoder.decode((await reader.read()).value);
        controller.abort();
        return text;
      },
    };
  }

  it('another browser, logged in as someone else, hears nothing of the export', async () => {
    const app = await busyShop();
    await ok(app, 'users.create', { name: 'Kasir', username: 'kasir', password: 'password-123', role: 'staff' });
    host = await startHost(app);
    const first = await enter(host, host.url);
    const second = await enter(host, host.launchUrl());
    expect(await invoke(host, first, 'auth.login', { username: 'sari', password: OWNER_PASSWORD })).toMatchObject({ ok: true });
    expect(await invoke(host, second, 'auth.login', { username: 'kasir', password: 'password-123' })).toMatchObject({ ok: true });
    const mine = await stream(host, first);
    const theirs = await stream(host, second);

    expect(await invoke(host, first, 'export.run', { report: 'transactions', filters: {}, format: 'csv' })).toMatchObject({ ok: true });
    // A background job's events still reach every browser: the end of the stream to read.
    app.services.events.emit('job.finished', { jobId: 'marker', kind: 'db.check', status: 'completed' });
    const heardByMine = await mine.until('"jobId":"marker"');
    const heardByTheirs = await theirs.until('"jobId":"marker"');
    expect(heardByMine).toContain('"name":"job.started"');
    expect(heardByMine).toMatch(/"name":"job.progress","payload":\{"jobId":"[^"]+","kind":"export.run"/);
    expect(heardByMine).toMatch(/"name":"job.finished","payload":\{"jobId":"[^"]+","kind":"export.run","status":"completed"/);
    expect(heardByTheirs).not.toContain('export.run');
    expect(heardByTheirs).not.toContain('job.started');
  }, 60_000);
});
