import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { connect, type CloudDb } from '../../src-cloud/db/connect';
import { createDatabase } from '../../src-cloud/db/embedded';
import { migrateCloud } from '../../src-cloud/db/migrate';
import { withBusiness } from '../../src-cloud/db/scope';
import { openApp } from '../../src-main/app';
import { pushNow, syncStatus } from '../../src-main/sync/service';
import { enrol } from '../../src-main/sync/service';
import { buildCli, cliAsync } from '../cli-run';
import { ok, OWNER_PASSWORD, tempDir, testApp } from '../helpers';
import { kill, pause, startCloud } from './cloud-process';

const LAUNCHER = fileURLToPath(new URL('../../scripts/cli.mjs', import.meta.url));

/**
 * SYNC.md T1: kill -9 of either side at random points over 1,000 ops, including after the cloud's
 * commit and before its answer: the cloud ends with exactly those 1,000, none lost, none twice.
 * The cloud runs as its own process (`src-cloud/main.ts`) on a database of the run's PostgreSQL.
 */
const OPS = 1000;
let databaseUrl: string;
let db: CloudDb;
let template: string;
let templateDir: string;

async function deviceSeq(businessId: string): Promise<number> {
  const row = await db.selectFrom('devices').select('last_seq').where('business_id', '=', businessId).executeTakeFirst();
  return Number(row?.last_seq ?? 0);
}

async function cloudCustomers(businessId: string): Promise<number> {
  return withBusiness(db, businessId, async (tx) =>
    Number(
      (
        await tx
          .selectFrom('customers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    ),
  );
}

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('cloudCluster'), `t_${randomBytes(6).toString('hex')}`);
  db = connect(databaseUrl, 3);
  await migrateCloud(db);
  await buildCli();
  // A shop with 1,000 changes of its own: one outbox entry each.
  templateDir = mkdtempSync(join(tmpdir(), 'sma-kill-template-'));
  template = join(templateDir, 'template.sqlite');
  const app = await openApp({ dbPath: template });
  await ok(app, 'setup.create', { owner: { name: 'Sari', username: 'sari', password: OWNER_PASSWORD }, business: { name: 'Toko Sari' } });
  for (let i = 0; i < OPS; i++) await ok(app, 'customers.create', { name: `Pelanggan ${i}`, phone: null, email: null, city: 'Solo', tags: [] });
  await app.close();
}, 180_000);
afterAll(async () => {
  await db.destroy();
  rmSync(templateDir, { recursive: true, force: true });
});

async function shopCopy(): Promise<string> {
  const path = join(tempDir(), 'shop.sqlite');
  copyFileSync(template, path);
  return path;
}

describe('T1: kill -9 at random points over 1,000 ops', () => {
  it('of the laptop: every run killed mid-push, the next one resumes; the cloud ends with exactly 1,000', async () => {
    const port = 18_000 + Math.floor(Math.random() * 2000);
    const server = await startCloud(port, databaseUrl);
    try {
      const { id } = await createBusiness(db, { name: 'Toko Kill Laptop' }, new Date());
      const { code } = await issueEnrolCode(db, id, null, new Date());
      const dbPath = await shopCopy();
      expect((await cliAsync(['sync', 'enrol', '--db', dbPath, '--server', `http://127.0.0.1:${port}`, '--code', code])).code).toBe(0);
      const env = { SMA_SYNC_BATCH_OPS: '10' };
      let killed = 0;
      let reached = 0;
      for (let round = 0; round < 8; round++) {
        // A random point ahead of where the cloud is: the push is killed as soon as the cloud has
        // committed that far, so the laptop dies between the cloud's commit and its own.
        const target = reached + 1 + Math.floor(Math.random() * 150);
        // The launcher runs the command in its own process: a kill -9 of it is a kill of the push.
        const child = spawn(process.execPath, [LAUNCHER, 'sync', 'push', '--db', dbPath, '--json'], {
          env: { ...process.env, SMA_DB: '', SMA_LANG: 'en', ...env },
          stdio: 'ignore',
        });
        let exited = false;
        child.once('exit', () => (exited = true));
        while (!exited && reached < target) {
          await pause(5);
          reached = await deviceSeq(id);
        }
        if (exited) break;
        await kill(child);
        killed += 1;
      }
      const last = await cliAsync(['sync', 'push', '--db', dbPath, '--json'], env);
      expect(last.code).toBe(0);
      expect(JSON.parse(last.out)).toMatchObject({ remaining: 0 });
      expect(killed).toBeGreaterThan(0);
      console.log(`laptop killed ${killed} times`);
      expect(await cloudCustomers(id)).toBe(OPS);
    } finally {
      await kill(server);
    }
  }, 300_000);

  it('of the cloud: killed and restarted five times while a laptop pushes; nothing lost, nothing twice', async () => {
    const port = 20_000 + Math.floor(Math.random() * 2000);
    let server = await startCloud(port, databaseUrl);
    // Everything after the start inside try: a failing step must not leave the cloud process behind.
    try {
      const { id } = await createBusiness(db, { name: 'Toko Kill Cloud' }, new Date());
      const { code } = await issueEnrolCode(db, id, null, new Date());
      const app = await testApp({ dbPath: await shopCopy() });
      await enrol(app.services, { server: `http://127.0.0.1:${port}`, code });
      const pushing = pushNow(app.services, { maxOps: 40, maxFailures: Infinity, timeoutMs: 3_000, sleep: (ms) => pause(Math.min(ms, 200)) });
      for (let i = 0; i < 5; i++) {
        await pause(200 + Math.random() * 800);
        await kill(server);
        server = await startCloud(port, databaseUrl);
      }
      const outcome = await pushing;
      expect(outcome.remaining).toBe(0);
      expect(syncStatus(app.services).pending).toBe(0);
      expect(await cloudCustomers(id)).toBe(OPS);
      const device = await db.selectFrom('devices').select(['last_seq']).where('business_id', '=', id).executeTakeFirstOrThrow();
      const lastLocal = (app.services.sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number }).seq;
      expect(Number(device.last_seq)).toBeLessThanOrEqual(lastLocal);
    } finally {
      await kill(server);
    }
  }, 300_000);
});
