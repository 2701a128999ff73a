import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { FakeOpenAI } from './fake-openai';

const fake = new FakeOpenAI();
afterEach(() => fake.stop());

/** Async spawn: the fake server answers in this process while the CLI runs. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', ...args], { env: { ...process.env, SMA_DB: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('content generate on the command line', () => {
  it('uses the API when it can, the templates with a notice when it cannot, and exits 0 either way', { timeout: 90_000 }, async () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli.ts', 'init', '--db', db, '--demo']).status).toBe(0);
    await fake.start();

    const viaApi = await cli(['content', 'generate', '--db', db, '--segment', 'at_risk', '--channel', 'whatsapp', '--variants', '2', '--json'], { OPENAI_API_KEY: 'sk-test-123456789', OPENAI_BASE_URL: fake.baseUrl });
    expect(viaApi.code, viaApi.err).toBe(0);
    expect(JSON.parse(viaApi.out)).toMatchObject({ source: 'ai', notice: null, variants: [{ body: expect.stringContaining('{nama}') }, {}] });
    expect(fake.requests).toHaveLength(1);

    const noKey = await cli(['content', 'generate', '--db', db, '--segment', 'lost', '--channel', 'sms', '--json']);
    expect(noKey.code).toBe(0);
    expect(JSON.parse(noKey.out)).toMatchObject({ source: 'template', notice: expect.stringContaining('kunci API') });

    await fake.stop();
    const offline = await cli(['content', 'generate', '--db', db, '--segment', 'lost', '--channel', 'email', '--variants', '1'], { OPENAI_API_KEY: 'sk-test-123456789', OPENAI_BASE_URL: fake.baseUrl });
    expect(offline.code).toBe(0);
    expect(offline.err).toContain('tidak bisa dihubungi');
    expect(offline.out).toContain('Source: template');

    const bad = await cli(['content', 'generate', '--db', db, '--segment', 'vip', '--channel', 'sms']);
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--segment must be one of') });
  });
});
