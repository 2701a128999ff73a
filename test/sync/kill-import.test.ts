import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import BetterSqlite3 from 'better-sqlite3';
import { createBusiness } from '../../src-cloud/admin/businesses';
import { issueEnrolCode } from '../../src-cloud/admin/enrol-codes';
import { connect, type CloudDb } from '../../src-cloud/db/connect';
import { createDatabase } from '../../src-cloud/db/embedded';
import { migrateCloud } from '../../src-cloud/db/migrate';
import { withBusiness } from '../../src-cloud/db/scope';
import { openApp } from '../../src-main/app';
import { buildCli, cliAsync } from '../cli-run';
import { ok, OWNER_PASSWORD, tempDir } from '../helpers';
import { DATASETS, importFile } from '../import/harness';
import { kill, pause, startCloud } from './cloud-process';

const LAUNCHER = fileURLToPath(new URL('../../scripts/cli.mjs', import.meta.url));
/** 50 rows a push: the 4,906 sales and their ~1,000 customers travel as ~120 batches. */
const ENV = { SMA_SYNC_BATCH_OPS: '50' };

/**
 * SYNC.md: "a million-row import pushes as ~2,000 batches with progress, resumable after a kill at
 * any point", at the size a test can afford: one real import (the rfm package's 4,906 orders) is two
 * outbox entries whose rows travel in pages; the push is killed inside them again and again and each
 * run resumes from the row after the last one the cloud acknowledged. `npm run bench -- --only sync`
 * pushes the million.
 */
let databaseUrl: string;
let db: CloudDb;
let templateDir: string;
let template: string;

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('cloudCluster'), `t_${randomBytes(6).toString('hex')}`);
  db = connect(databaseUrl, 3);
  await migrateCloud(db);
  await buildCli();
  templateDir = mkdtempSync(join(tmpdir(), 'sma-kill-import-'));
  template = join(templateDir, 'template.sqlite');
  const app = await openApp({ dbPath: template });
  await ok(app, 'setup.create', { owner: { name: 'Sari', username: 'sari', password: OWNER_PASSWORD }, business: { name: 'Toko Sari' } });
  const { report } = await importFile(app, `${DATASETS}rsquaredacademy_rfm_data_orders.csv`, 'transactions', {}, (i) => ({
    ...i.mapping,
    customer_name: null,
  }));
  expect(report.status).toBe('completed');
  await app.services.jobs.threadsEnded();
  await app.close();
}, 180_000);
afterAll(async () => {
  await db.destroy();
  rmSync(templateDir, { recursive: true, force: true });
});

async function inCloud(businessId: string): Promise<{ rows: number; ids: string[]; amount: number }> {
  return withBusiness(db, businessId, async (tx) => {
    const customers = await tx.selectFrom('customers').select('id').execute();
    const sales = await tx.selectFrom('transactions').select(['id', 'amount']).execute();
    return {
      rows: customers.length + sales.length,
      ids: [...customers.map((c) => c.id), ...sales.map((s) => s.id)].sort(),
      amount: sales.reduce((sum, s) => sum + Number(s.amount), 0),
    };
  });
}

async function cloudRows(businessId: string): Promise<number> {
  return withBusiness(db, businessId, async (tx) => {
    const c = await tx
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const t = await tx
      .selectFrom('transactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(c.n) + Number(t.n);
  });
}

describe('an import pushed in pages, killed inside it', () => {
  it('resumes after every kill -9 from the next row; the cloud ends with every imported row once, and the push shows progress', async () => {
    const port = 22_000 + Math.floor(Math.random() * 2000);
    const server = await startCloud(port, databaseUrl);
    try {
      const { id } = await createBusiness(db, { name: 'Toko Impor' }, new Date());
      const { code } = await issueEnrolCode(db, id, null, new Date());
      const dbPath = join(tempDir(), 'shop.sqlite');
      copyFileSync(template, dbPath);
      expect((await cliAsync(['sync', 'enrol', '--db', dbPath, '--server', `http://127.0.0.1:${port}`, '--code', code])).code).toBe(0);

      const local = new BetterSqlite3(dbPath, { readonly: true });
      const localIds = (local.prepare('SELECT id FROM customers UNION ALL SELECT id FROM transactions').pluck().all() as string[]).sort();
      const localAmount = local.prepare('SELECT sum(amount) FROM transactions').pluck().get() as number;
      const imports = local.prepare("SELECT count(*) FROM outbox WHERE op = 'import'").pluck().get() as number;
      local.close();
      expect(imports).toBe(2); // the customers the file created, and its sales: one entry each

      let killed = 0;
      let insideImport = 0;
      let reached = 0;
      const progress: string[] = [];
      for (let round = 0; round < 8; round++) {
        // The first run goes past 20 pushes, where the first progress line is due.
        const target = reached + (round === 0 ? 1_100 : 1) + Math.floor(Math.random() * 900);
        const child = spawn(process.execPath, [LAUNCHER, 'sync', 'push', '--db', dbPath, '--json'], {
          env: { ...process.env, SMA_DB: '', SMA_LANG: 'en', ...ENV },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        child.stderr.on('data', (d: Buffer) => progress.push(...d.toString().split('\n').filter(Boolean)));
        let exited = false;
        child.once('exit', () => (exited = true));
        while (!exited && reached < target) {
          await pause(5);
          reached = await cloudRows(id);
        }
        if (exited) break;
        await kill(child);
        killed += 1;
        const device = await db.selectFrom('devices').select(['last_key']).where('business_id', '=', id).executeTakeFirstOrThrow();
        if (device.last_key !== '') insideImport += 1;
      }
      const last = await cliAsync(['sync', 'push', '--db', dbPath, '--json'], ENV);
      expect(last.code).toBe(0);
      progress.push(...last.err.split('\n').filter(Boolean));
      expect(JSON.parse(last.out)).toMatchObject({ remaining: 0, rejected: 0 });
      console.log(`import push killed ${killed} times, ${insideImport} of them inside an import entry; first progress line: ${progress[0]}`);
      expect(killed).toBeGreaterThan(0);
      expect(insideImport).toBeGreaterThan(0);

      const cloud = await inCloud(id);
      expect(cloud.rows).toBe(localIds.length);
      expect(cloud.ids).toEqual(localIds);
      expect(cloud.amount).toBe(localAmount);
      // Progress lines name how far of the whole the push got: "1000 of 5905 changes sent (20 pushes)…".
      expect(progress.some((line) => new RegExp(`^\\d+ of \\d+ changes sent \\(\\d+ pushes\\)`).test(line))).toBe(true);
    } finally {
      await kill(server);
    }
  }, 300_000);
});
