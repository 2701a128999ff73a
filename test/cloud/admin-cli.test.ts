import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../src-shared/format/date';
import { cloudConfig } from '../../src-cloud/config';
import { openCloudDatabase } from '../../src-cloud/database';
import { buildCloud } from '../../src-cloud/server/app';
import { freshCloudDb } from './cloud-db';
import type { TestCloud } from './cloud-server';
import { ShopOutbox } from './shop-ops';

const ROOT = path.resolve(__dirname, '../..');

/** The real admin CLI in a child process, as `npm run -s cloud-admin -- …` runs it. */
function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const clean = { ...process.env, DATABASE_URL: '', SMA_CLOUD_DATA: '', ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src-cloud/cli/main.ts', ...args], { cwd: ROOT, env: clean, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

// Each run of the CLI is a fresh Node process (2–4 s on a busy machine): generous time per test.
describe('cloud-admin against DATABASE_URL', { timeout: 120_000 }, () => {
  let cloud: TestCloud;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    const { db, url } = await freshCloudDb();
    // The server over the same database, on the real clock like the CLI.
    const clock = { now: new Date() };
    const { app, routes } = await buildCloud({ db, version: 'test', now: () => new Date() });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    cloud = {
      db,
      url: address,
      app,
      routes,
      clock,
      close: async () => {
        await app.close();
        await db.destroy();
      },
    };
    env = { DATABASE_URL: url };
  });
  afterAll(async () => cloud.close());

  it('creates a business, issues a code the app enrols with, and shows what the shop pushed', async () => {
    const created = await cli(['business', 'create', '--name', 'Toko Sari', '--city', 'Solo', '--owner', 'Sari Wulandari', '--json'], env);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(created.stdout) as { id: string };
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const issued = await cli(['enrol-code', '--business', id, '--json'], env);
    expect(issued.code).toBe(0);
    const { code, expiresAt } = JSON.parse(issued.stdout) as { code: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(10 * 60_000);
    const enrol = await fetch(`${cloud.url}/api/sync/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'Laptop kasir', appVersion: '0.1.0' }),
    });
    expect(enrol.status).toBe(200);
    const device = (await enrol.json()) as { token: string; deviceId: string; businessId: string };
    expect(device.businessId).toBe(id);

    cloud.clock.now = new Date();
    const ops = new ShopOutbox(cloud);
    const today = dateInZone(new Date());
    const ani = ops.customer('Ani');
    const budi = ops.customer('Budi');
    ops.transaction(ani, today, 125_000);
    ops.transaction(budi, today, 40_000);
    ops.transaction(budi, today, 999, { deleted_at: new Date().toISOString() });
    await ops.push(device.token, 0);

    const shown = await cli(['business', 'show', id, '--json'], env);
    expect(shown.code).toBe(0);
    const figures = JSON.parse(shown.stdout) as Record<string, unknown>;
    expect(figures).toMatchObject({
      id,
      name: 'Toko Sari',
      city: 'Solo',
      ownerName: 'Sari Wulandari',
      devices: [{ id: device.deviceId, lastSeenAt: expect.any(String), lastSeq: ops.seq }],
      customers: 2,
      transactions: 2,
      revenue: 165_000,
      lastSyncAt: expect.any(String),
    });

    const listed = await cli(['business', 'list', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([figures]);

    // Audited as the console's actions are, marked as the CLI's, and never with the code in them.
    const audit = await cloud.db.selectFrom('audit_log').select(['admin_id', 'action', 'business_id', 'details']).orderBy('id').execute();
    expect(audit).toEqual([
      { admin_id: null, action: 'business.create', business_id: id, details: { name: 'Toko Sari', city: 'Solo', via: 'cli' } },
      { admin_id: null, action: 'enrol_code.issue', business_id: id, details: { expiresAt, via: 'cli' } },
    ]);
    expect(JSON.stringify(audit)).not.toContain(code);

    const human = await cli(['business', 'show', id], env);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Toko Sari');
    expect(human.stdout).toContain('Customers: 2   Transactions: 2   Revenue: Rp 165.000');
    expect(human.stdout).toContain('Laptop kasir');
  });

  it('refuses an unknown business with exit 1 and one line', async () => {
    const unknown = uuidv7();
    const [show, code, malformed] = await Promise.all([
      cli(['business', 'show', unknown], env),
      cli(['enrol-code', '--business', unknown, '--json'], env),
      cli(['business', 'show', 'toko-sari'], env),
    ]);
    expect(show).toEqual({ code: 1, stdout: '', stderr: `No business ${unknown}\n` });
    expect(code).toEqual({ code: 1, stdout: '', stderr: `No business ${unknown}\n` });
    expect(malformed).toEqual({ code: 1, stdout: '', stderr: 'No business toko-sari\n' });
  });

  it('answers bad usage with exit 2 and what to type', async () => {
    const runs = await Promise.all([
      cli(['business', 'create', '--json'], env),
      cli(['business', 'show'], env),
      cli(['business', 'create', '--nmae', 'Toko'], env),
      cli(['frob'], env),
      cli([], env),
    ]);
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2]);
    expect(runs[0].stderr).toContain('business create needs --name');
    expect(runs[1].stderr).toContain('needs the business id');
    expect(runs[2].stderr).toContain("Unknown option '--nmae'");
    expect(runs[3].stderr).toContain('Unknown command: frob');
    for (const r of runs) expect(r.stdout).toBe('');
    const help = await cli(['--help'], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('enrol-code --business');
  });
});

describe('cloud-admin on the embedded PostgreSQL of a data folder', () => {
  let dataDir = '';
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts it when the server is not running, and uses the running one when it is', async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sma-cloud-cli-'));
    const created = await cli(['business', 'create', '--name', 'Warung Maju', '--data-dir', dataDir, '--json'], {});
    expect(created).toMatchObject({ code: 0, stderr: '' });
    const { id } = JSON.parse(created.stdout) as { id: string };

    // Now "the server" holds the folder, exactly as src-cloud/main.ts opens it: a second start would fail.
    const server = await openCloudDatabase(cloudConfig({ dataDir }, {}));
    try {
      const listed = await cli(['business', 'list', '--data-dir', dataDir, '--json'], {});
      expect(listed).toMatchObject({ code: 0, stderr: '' });
      expect((JSON.parse(listed.stdout) as { id: string; name: string }[]).map((b) => [b.id, b.name])).toEqual([[id, 'Warung Maju']]);
      const second = await cli(['business', 'create', '--name', 'Toko Kedua', '--data-dir', dataDir, '--json'], {});
      expect(second.code).toBe(0);
      const names = await server.db.selectFrom('businesses').select('name').orderBy('created_at').execute();
      expect(names.map((b) => b.name)).toEqual(['Warung Maju', 'Toko Kedua']);
    } finally {
      await server.close();
    }
  }, 120_000);
});
