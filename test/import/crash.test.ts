import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApp } from '../../src-main/app';
import { openSqlite } from '../../src-main/db/open';
import { ok, tempDir } from '../helpers';

describe('a process killed in the middle of an import', () => {
  it('leaves the data as it was, the database intact, and the history saying so', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'shop.sqlite');
    const app = await openApp({ dbPath });
    await ok(app, 'setup.create', { owner: { name: 'Sari', username: 'sari', password: 'rahasia-toko-123' }, business: { name: 'Toko Sari' } });
    await ok(app, 'customers.create', { name: 'Pelanggan Lama', phone: '081200009999' });
    const counts = () =>
      app.services.sqlite
        .prepare(
          "SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM transactions) AS transactions, (SELECT COUNT(*) FROM outbox WHERE entity IN ('customers', 'transactions')) AS outbox",
        )
        .get();
    const before = counts();
    // A 300,000-row import into this shop builds the indexes at the end: killed before that, they must all be there.
    const schema = (sqlite: typeof app.services.sqlite) => sqlite.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const schemaBefore = schema(app.services.sqlite);
    await app.close();

    const file = join(dir, 'big.csv');
    const lines = ['No Faktur,Tanggal,Kode Pelanggan,Nama Pelanggan,Total'];
    for (let i = 0; i < 300_000; i++)
      lines.push(`INV-${i},2026-0${1 + (i % 9)}-1${i % 10},K${i % 20_000},Pelanggan ${i % 20_000},${10_000 + (i % 977) * 1000}`);
    writeFileSync(file, lines.join('\n'));

    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./kill-child.ts', import.meta.url).pathname, dbPath, file], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const outcome = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('WRITING')) {
          child.kill('SIGKILL');
          resolve('killed while writing');
        } else if (output.includes('FINISHED')) resolve('finished before it could be killed');
      });
      child.on('exit', () => resolve(output.includes('WRITING') ? 'killed while writing' : `exited early: ${output}`));
    });
    expect(outcome).toBe('killed while writing');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.on('exit', resolve)));

    const raw = openSqlite(dbPath);
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.prepare('SELECT status FROM upload_history').all()).toEqual([{ status: 'processing' }]);
    expect(schema(raw)).toEqual(schemaBefore);
    raw.close();

    const reopened = await openApp({ dbPath });
    expect(
      reopened.services.sqlite
        .prepare(
          "SELECT (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM transactions) AS transactions, (SELECT COUNT(*) FROM outbox WHERE entity IN ('customers', 'transactions')) AS outbox",
        )
        .get(),
    ).toEqual(before);
    expect(reopened.services.sqlite.prepare('SELECT status, error FROM upload_history').all()).toEqual([{ status: 'failed', error: 'interrupted' }]);
    await reopened.close();
  }, 120_000);
});
