import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { drainQueue } from '../../src-main/content/queue';
import { ok, rowCount } from '../helpers';
import { analysedDemoShop } from './harness';
import { FakeOpenAI } from './fake-openai';

const KEY = 'sk-test-rahasia-1234567890';
let fake: FakeOpenAI;

beforeEach(async () => {
  fake = new FakeOpenAI();
  await fake.start();
  process.env.OPENAI_API_KEY = KEY;
});
afterEach(async () => {
  delete process.env.OPENAI_API_KEY;
  await fake.stop();
});

/** The demo shop (every segment filled), analysed, pointed at the fake server. */
async function shop(): Promise<App> {
  const app = await analysedDemoShop();
  await ok(app, 'settings.update', { aiBaseUrl: fake.baseUrl, aiTimeoutSeconds: 1, aiMonthlyQuota: { kind: 'rupiah', limit: null } });
  return app;
}

const request = { segment: 'at_risk', channel: 'whatsapp', offer: 'diskon 15% kain batik tulis', variants: 3 } as const;
const aiRows = (app: App) => (app.services.sqlite.prepare("SELECT COUNT(*) AS n FROM ai_generated_content WHERE source = 'ai'").get() as { n: number }).n;
const usage = (app: App) =>
  app.services.sqlite.prepare('SELECT status, error_code, prompt_tokens, completion_tokens, cost, model FROM api_usage_logs ORDER BY created_at').all();

describe('generating content through an OpenAI-compatible server', () => {
  it('saves the variants as drafts with their usage, and never stores the key', async () => {
    const app = await shop();
    const result = await ok(app, 'content.generate', request);
    expect(result).toMatchObject({ source: 'ai', notice: null, queuedId: null });
    expect(result.variants).toHaveLength(3);
    expect(result.variants[0]).toMatchObject({
      segment: 'at_risk',
      channel: 'whatsapp',
      source: 'ai',
      status: 'draft',
      model: 'gpt-4o-mini',
      promptTokens: 420,
      completionTokens: 180,
      promptVersion: 1,
      promptHash: result.prompt.hash,
    });
    // 420 × Rp 2.500 + 180 × Rp 10.000 per million tokens
    expect(result.variants[0].cost).toBeCloseTo(2.85, 5);
    expect(usage(app)).toEqual([{ status: 'ok', error_code: null, prompt_tokens: 420, completion_tokens: 180, cost: 2.85, model: 'gpt-4o-mini' }]);

    // What went over the wire: the key as a bearer token, structured output, the shop and segment in the prompt.
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].auth).toBe(`Bearer ${KEY}`);
    expect(fake.requests[0].body).toMatchObject({ model: 'gpt-4o-mini', response_format: { type: 'json_schema' } });
    expect(result.prompt.user).toContain('Toko Batik Sekar Arum');
    expect(result.prompt.user).toMatch(/Segment: At Risk: .* \d+ customers; average order Rp/);

    // The key is nowhere in the database file.
    app.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(app.services.dbPath).includes(Buffer.from(KEY))).toBe(false);
  });

  it('serves the same request from the saved result without a call, unless asked to regenerate', async () => {
    const app = await shop();
    const first = await ok(app, 'content.generate', request);
    const again = await ok(app, 'content.generate', request);
    expect(again.source).toBe('cache');
    expect(again.variants.map((v) => v.id)).toEqual(first.variants.map((v) => v.id));
    expect(fake.requests).toHaveLength(1);
    const fresh = await ok(app, 'content.generate', { ...request, regenerate: true });
    expect(fresh.source).toBe('ai');
    expect(fake.requests).toHaveLength(2);
    expect(rowCount(app, 'api_usage_logs')).toBe(2);
  });

  const failures = [
    { behaviour: 'unauthorized', code: 'bad_key:401', says: /401/ },
    { behaviour: 'rate-limited', code: 'rate_limited:429', says: /429.*17 detik/ },
    { behaviour: 'server-error', code: 'server:500', says: /500/ },
    { behaviour: 'slow', code: 'timeout', says: /1 detik/ },
    { behaviour: 'bad-schema', code: 'schema', says: /tidak sesuai format/ },
  ] as const;
  for (const f of failures) {
    it(`${f.behaviour}: a clear message, the call logged, nothing generated saved, templates offered`, async () => {
      const app = await shop();
      fake.behaviour = f.behaviour;
      const result = await ok(app, 'content.generate', request);
      expect(result.source).toBe('template');
      expect(result.notice).toMatch(f.says);
      expect(result.variants.length).toBeGreaterThan(0);
      expect(result.variants.every((v) => v.source === 'template')).toBe(true);
      expect(aiRows(app)).toBe(0);
      expect(usage(app)).toMatchObject([{ status: 'error', error_code: f.code }]);
    });
  }

  it('refuses to call once the month quota is used, before the call', async () => {
    const app = await shop();
    await ok(app, 'settings.update', { aiMonthlyQuota: { kind: 'tokens', limit: 500 } });
    await ok(app, 'content.generate', request); // 600 tokens: over the limit afterwards
    const blocked = await ok(app, 'content.generate', { ...request, regenerate: true });
    expect(blocked.source).toBe('template');
    expect(blocked.notice).toContain('Kuota AI bulan ini sudah habis (600 token dari 500 token)');
    expect(fake.requests).toHaveLength(1);
    const summary = await ok(app, 'content.usage', {});
    expect(summary.quota).toEqual({ kind: 'tokens', limit: 500, used: 600 });
    expect(summary.bySegmentChannel).toEqual([{ segment: 'at_risk', channel: 'whatsapp', calls: 1, tokens: 600, cost: 2.85 }]);
  });

  it('without a key offers the templates and makes no call', async () => {
    delete process.env.OPENAI_API_KEY;
    const app = await shop();
    const result = await ok(app, 'content.generate', { ...request, channel: 'sms', variants: 2 });
    expect(result).toMatchObject({ source: 'template', notice: expect.stringContaining('Belum ada kunci API') });
    expect(result.variants).toHaveLength(2);
    expect(result.variants[0].body).toContain('diskon 15% kain batik tulis'); // the offer is filled in
    expect(fake.requests).toHaveLength(0);
    expect(rowCount(app, 'api_usage_logs')).toBe(0);
    expect(await ok(app, 'ai.keyStatus', {})).toEqual({ source: 'none', canStore: false, protected: false });
  });

  it('asked for more variants than the offline library holds, says how many it could give and why', async () => {
    delete process.env.OPENAI_API_KEY;
    const app = await shop();
    const result = await ok(app, 'content.generate', { ...request, variants: 3 });
    expect(result.source).toBe('template');
    expect(result.variants).toHaveLength(2);
    expect(result.notice).toContain('2 dari 3 varian: pustaka templat offline hanya punya 2 untuk segmen/kanal ini.');
    // Asking for what the library has gives no such note.
    const exact = await ok(app, 'content.generate', { ...request, channel: 'email', variants: 2 });
    expect(exact.notice).not.toContain('varian:');
  });

  it('queues a request made while offline and does it when the server is back', async () => {
    const app = await shop();
    const port = Number(new URL(fake.baseUrl).port);
    await fake.stop();
    const offline = await ok(app, 'content.generate', request);
    expect(offline).toMatchObject({ source: 'template', notice: expect.stringContaining('offline'), queuedId: expect.any(String) });
    expect(usage(app)).toMatchObject([{ status: 'error', error_code: 'offline' }]);

    expect(await drainQueue(app.services)).toEqual({ done: 0, failed: 0, waiting: 1 }); // still down: waits
    await fake.start(port);
    const announced: unknown[] = [];
    app.services.events.subscribe((e) => e.name === 'content.ready' && announced.push(e.payload));
    expect(await drainQueue(app.services)).toEqual({ done: 1, failed: 0, waiting: 0 });
    expect(aiRows(app)).toBe(3);
    expect(announced).toMatchObject([{ queueId: offline.queuedId, message: expect.stringContaining('Berisiko') }]);
    expect(app.services.sqlite.prepare('SELECT status, attempts FROM content_queue').get()).toEqual({ status: 'done', attempts: 2 });
    // the same request now comes from the saved result
    expect((await ok(app, 'content.generate', request)).source).toBe('cache');
  });
});
