import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cli, cliAsync } from '../cli-run';
import { tempDir } from '../helpers';
import { FakeOpenAI } from './fake-openai';

const fake = new FakeOpenAI();
afterEach(() => fake.stop());
beforeAll(buildCli, 180_000);

/** The owner's language (the demo owner's is Indonesian), no key and no base URL unless given. */
const generate = (args: string[], env: Record<string, string> = {}) =>
  cliAsync(['content', 'generate', ...args], { SMA_LANG: '', OPENAI_API_KEY: '', OPENAI_BASE_URL: '', ...env });

describe('content generate on the command line', () => {
  it('uses the API when it can, the templates with a notice when it cannot, and exits 0 either way', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    await fake.start();

    const viaApi = await generate(['--db', db, '--segment', 'at_risk', '--channel', 'whatsapp', '--variants', '2', '--json'], {
      OPENAI_API_KEY: 'sk-test-123456789',
      OPENAI_BASE_URL: fake.baseUrl,
    });
    expect(viaApi.code, viaApi.err).toBe(0);
    expect(JSON.parse(viaApi.out)).toMatchObject({ source: 'ai', notice: null, variants: [{ body: expect.stringContaining('{nama}') }, {}] });
    expect(viaApi.err).toBe('');
    expect(fake.requests).toHaveLength(1);

    const noKey = await generate(['--db', db, '--segment', 'lost', '--channel', 'sms', '--variants', '2', '--json']);
    expect(noKey.code).toBe(0);
    expect(JSON.parse(noKey.out)).toMatchObject({ source: 'template', notice: expect.stringContaining('kunci API') });

    await fake.stop();
    const offline = await generate(['--db', db, '--segment', 'lost', '--channel', 'email', '--variants', '1'], {
      OPENAI_API_KEY: 'sk-test-123456789',
      OPENAI_BASE_URL: fake.baseUrl,
    });
    expect(offline.code).toBe(0);
    expect(offline.err).toContain('tidak bisa dihubungi');
    expect(offline.out).toContain('Sumber: template (template bawaan)'); // the owner's language throughout

    const bad = await generate(['--db', db, '--segment', 'vip', '--channel', 'sms'], { SMA_LANG: 'en' });
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('--segment must be one of') });
  });

  it('gives the variants asked for, or says on stderr why fewer', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'shop.sqlite');
    expect(cli(['init', '--db', db, '--demo']).code).toBe(0);
    // Two built-in templates per segment and channel: asking for three without a key gives two, and says so.
    const three = await generate(['--db', db, '--segment', 'at_risk', '--channel', 'whatsapp', '--variants', '3'], { SMA_LANG: 'en' });
    expect(three.code).toBe(0);
    expect(three.out.match(/^--- \d ---$/gm)).toEqual(['--- 1 ---', '--- 2 ---']);
    expect(three.err).toContain('3 variants asked for, 2 given: there are only 2 built-in templates for at_risk on whatsapp.');
    const json = await generate(['--db', db, '--segment', 'at_risk', '--channel', 'whatsapp', '--variants', '3', '--json']);
    expect(JSON.parse(json.out).variants).toHaveLength(2);
    expect(json.err).toContain('Diminta 3 varian, ada 2: hanya ada 2 template bawaan untuk at_risk di whatsapp.');
    const two = await generate(['--db', db, '--segment', 'at_risk', '--channel', 'whatsapp', '--variants', '2', '--json']);
    expect(JSON.parse(two.out).variants).toHaveLength(2);
    expect(two.err).toBe('');
    expect(await generate(['--db', db, '--segment', 'at_risk', '--channel', 'sms', '--variants', '9'], { SMA_LANG: 'en' })).toMatchObject({
      code: 2,
      err: '--variants must be a whole number from 1 to 5.\n',
    });
  });
});
