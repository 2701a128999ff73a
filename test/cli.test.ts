import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers';

function cli(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', ...args], { encoding: 'utf8', input, env: { ...process.env, SMA_DB: '' } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Each CLI call is a fresh Node process loading TypeScript: seconds apiece on a busy machine.
describe('the CLI', { timeout: 120_000 }, () => {
  it('creates the demo shop, lists and searches customers, and checks the DB', () => {
    const db = join(tempDir(), 'shop.sqlite');
    const init = cli(['init', '--db', db, '--demo']);
    expect(init.code, init.err).toBe(0);
    expect(init.out).toContain('500 customers, 10000 transactions');

    const all = cli(['customers', 'list', '--db', db, '--json', '--page-size', '5']);
    expect(all.code, all.err).toBe(0);
    expect(JSON.parse(all.out)).toMatchObject({ total: 500, pageSize: 5 });

    const found = JSON.parse(cli(['customers', 'list', '--db', db, '--json', '--search', 'C000007']).out) as { rows: { code: string; phone: string }[] };
    expect(found.rows.map((r) => r.code)).toEqual(['C000007']);
    const local = `0${found.rows[0].phone.slice(3, 6)} ${found.rows[0].phone.slice(6)}`; // +62812… typed as 0812 …
    const byPhone = JSON.parse(cli(['customers', 'list', '--db', db, '--json', '--search', local]).out) as { rows: { code: string }[] };
    expect(byPhone.rows.map((r) => r.code)).toContain('C000007');

    const doctor = cli(['doctor', '--db', db]);
    expect(doctor.code, doctor.err).toBe(0);
    expect(doctor.out).toContain('Integrity:   ok');
    expect(doctor.out).toContain('customers 500, transactions 10000');
  });

  it('creates an owner with the password from standard input', () => {
    const db = join(tempDir(), 'shop.sqlite');
    const made = cli(['init', '--db', db, '--owner', 'budi', '--password-stdin', '--business', 'Toko Budi'], 'kata-sandi-123\n');
    expect(made.code, made.err).toBe(0);
    const again = cli(['init', '--db', db, '--demo']);
    expect(again).toMatchObject({ code: 1, err: expect.stringContaining('already has a shop') });
    const weak = cli(['init', '--db', join(tempDir(), 'x.sqlite'), '--owner', 'ani', '--password-stdin'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('password');
  });

  it('exits 2 on bad usage and 1 on a user error, with one clear line', () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['frobnicate', '--db', db]).code).toBe(2);
    expect(cli(['customers', 'list']).code).toBe(2);
    expect(cli(['init', '--db', db, '--owner', 'ani']).code).toBe(2);
    expect(cli(['customers', 'list', '--db', db, '--bogus']).code).toBe(2);
    expect(existsSync(db)).toBe(false); // bad usage touches nothing
    const notSetUp = cli(['customers', 'list', '--db', join(tempDir(), 'empty.sqlite')]);
    expect(notSetUp).toMatchObject({ code: 1, err: 'The shop is not set up yet: run `init` first.\n' });
  });
});
