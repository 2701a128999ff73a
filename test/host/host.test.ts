import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../src-main/host/server';
import { ManualClock } from '../manual-clock';
import { OWNER_PASSWORD, shopWithOwner } from '../helpers';

let host: Host | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

/** Open the one-time link like a browser would and keep the cookie it sets. */
async function enter(h: Host, link = h.url): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(303);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie).toMatch(/HttpOnly; SameSite=Strict/);
  return cookie.split(';')[0];
}

async function invokeAs(app: Awaited<ReturnType<typeof shopWithOwner>>, channel: string, input: unknown): Promise<void> {
  const result = await app.call(channel, input, { clientId: 'owner' });
  expect(result.ok).toBe(true);
}

function invoke(h: Host, cookie: string, channel: string, input: unknown, headers: Record<string, string> = {}) {
  return fetch(`${h.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(input),
  });
}

describe('the browser-mode host', () => {
  it('serves the real handlers on 127.0.0.1 only to the browser that opened the one-time link', async () => {
    const app = await shopWithOwner();
    host = await startHost(app);
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/);

    const noCookie = await fetch(`${host.origin}/api/invoke/app.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noCookie.status).toBe(401);
    expect((await fetch(`${host.origin}/?token=not-the-token`, { redirect: 'manual' })).status).toBe(401);

    const cookie = await enter(host);
    expect((await fetch(host.url, { redirect: 'manual' })).status).toBe(401); // the link lets in one browser only

    const status = await (await invoke(host, cookie, 'app.status', {})).json();
    expect(status).toMatchObject({ ok: true, data: { setupDone: true, user: null } });
    const login = await (await invoke(host, cookie, 'auth.login', { username: 'sari', password: OWNER_PASSWORD })).json();
    expect(login).toMatchObject({ ok: true, data: { username: 'sari' } });
    const list = await (await invoke(host, cookie, 'customers.list', {})).json();
    expect(list).toMatchObject({ ok: true, data: { total: 0 } });

    // A second browser is its own client: it is not logged in by the first one's login.
    const other = await enter(host, host.launchUrl());
    expect(await (await invoke(host, other, 'customers.list', {})).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('lets the browser that used the link open it again, in its own session, and still refuses every other', async () => {
    const app = await shopWithOwner();
    host = await startHost(app);
    const cookie = await enter(host);
    await invoke(host, cookie, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });

    // The same browser (its cookie goes with the request) opens the link again: into the app, same session.
    const again = await fetch(host.url, { headers: { cookie }, redirect: 'manual' });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe('/');
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await (await invoke(host, cookie, 'app.status', {})).json()).toMatchObject({ ok: true, data: { user: { username: 'sari' } } });

    // Another browser: no cookie, or one this host never gave out.
    const other = await fetch(host.url, { redirect: 'manual' });
    expect(other.status).toBe(401);
    expect(await other.text()).toContain('already used');
    expect((await fetch(host.url, { headers: { cookie: 'sma_client=0123456789abcdef' }, redirect: 'manual' })).status).toBe(401);
    // A valid session does not turn a made-up token into a way in for anyone else either.
    expect((await fetch(`${host.origin}/?token=not-the-token`, { redirect: 'manual' })).status).toBe(401);
  });

  it('refuses other origins, other host names and non-JSON posts', async () => {
    const app = await shopWithOwner();
    host = await startHost(app);
    const cookie = await enter(host);
    expect((await invoke(host, cookie, 'app.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    // fetch() will not send a forged Host header; a raw request does, as a DNS-rebinding page would.
    const port = Number(new URL(host.origin).port);
    const rebinding = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/invoke/app.status',
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie, host: `evil.example:${port}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(rebinding).toBe(421);
    const form = await fetch(`${host.origin}/api/invoke/app.status`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie }, body: '{}' });
    expect(form.status).toBe(415);
    const badJson = await fetch(`${host.origin}/api/invoke/app.status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{oops',
    });
    expect(badJson.status).toBe(400);
    // A malformed % escape in a channel or file id is the client's mistake, not a server error.
    expect((await invoke(host, cookie, 'app.status%E0%A4%A', {})).status).toBe(400);
    expect((await fetch(`${host.origin}/api/files/%E0%A4%A`, { headers: { cookie } })).status).toBe(400);
  });

  it("gives the browser's cookie the login session's lifetime, and stops accepting it after that", async () => {
    const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
    const app = await shopWithOwner({ clock });
    await invokeAs(app, 'settings.update', { sessionHours: 2 });
    host = await startHost(app);
    const res = await fetch(host.url, { redirect: 'manual' });
    expect(res.headers.get('set-cookie')).toMatch(/; Max-Age=7200(;|$)/);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    expect((await invoke(host, cookie, 'app.status', {})).status).toBe(200);
    clock.advance(2 * 3600_000 + 1000);
    expect((await invoke(host, cookie, 'app.status', {})).status).toBe(401);
  });

  it('sets the CSP and streams events to the browser', async () => {
    const app = await shopWithOwner();
    host = await startHost(app);
    const cookie = await enter(host);
    const page = await fetch(`${host.origin}/`, { headers: { cookie } });
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');

    const controller = new AbortController();
    const res = await fetch(`${host.origin}/api/events`, { headers: { cookie }, signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain(': connected');
    app.services.events.emit('job.progress', { jobId: 'j1', kind: 'demo.generate', phase: 'customers', done: 5, total: 10 });
    while (!text.includes('job.progress')) text += decoder.decode((await reader.read()).value);
    expect(text).toContain('"done":5');
    controller.abort();
  });
});

describe('what the browser-mode host serves besides calls', () => {
  it('serves the built renderer: assets cached for good, index.html never, and for any other path', async () => {
    const root = mkdtempSync(join(tmpdir(), 'sma-renderer-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>SMA</title>');
    writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(root, '..', 'sma-outside.txt'), 'secret');
    const app = await shopWithOwner();
    host = await startHost(app, { rendererRoot: root });
    const cookie = await enter(host);
    const get = (path: string) => fetch(`${host!.origin}${path}`, { headers: { cookie } });

    const asset = await get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
    for (const path of ['/', '/customers/123', '/assets/missing.js', '/..%2fsma-outside.txt', '/%2e%2e/sma-outside.txt']) {
      const page = await get(path);
      expect(page.status, path).toBe(200);
      expect(await page.text(), path).toContain('<title>SMA</title>');
      expect(page.headers.get('cache-control'), path).toBe('no-store');
    }
    expect((await get('/api/nothing-here')).status).toBe(404);
    expect((await fetch(`${host.origin}/assets/app-1234.js`)).status).toBe(401); // assets need the cookie too
  });

  it('says the interface is not built when it is not', async () => {
    const app = await shopWithOwner();
    host = await startHost(app, { rendererRoot: mkdtempSync(join(tmpdir(), 'sma-empty-')) });
    const page = await fetch(`${host.origin}/`, { headers: { cookie: await enter(host) } });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run build');
  });

  it('takes an upload as raw bytes into files.upload, and refuses a call body over 10 MB', async () => {
    const app = await shopWithOwner();
    host = await startHost(app);
    const cookie = await enter(host);
    await invoke(host, cookie, 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    const csv = 'kode,nama\nC1,Sari\n';
    const res = await fetch(`${host.origin}/api/upload?name=pelanggan.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', cookie },
      body: csv,
    });
    const upload = (await res.json()) as { ok: boolean; data: { fileId: string; size: number } };
    expect(upload).toMatchObject({ ok: true, data: { size: Buffer.byteLength(csv) } });

    const big = await invoke(host, cookie, 'app.status', { padding: 'x'.repeat(11 * 1024 * 1024) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});
