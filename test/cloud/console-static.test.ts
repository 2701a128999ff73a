import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleStatic } from '../../src-cloud/server/console-static';
import { startTestCloud, type TestCloud } from './cloud-server';

/** The console's files at `/`: a deep link gets index.html, `/api` stays the API's, nothing outside the folder leaks. */
let cloud: TestCloud;
let root: string;

beforeAll(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sma-console-static-'));
  root = path.join(dir, 'cloud-console') + path.sep;
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>konsol</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  // A file next to the console folder that a traversal would reach.
  writeFileSync(path.join(dir, 'secret.txt'), 'rahasia');
  cloud = await startTestCloud({ plugins: [consoleStatic(root)] });
});
afterAll(async () => {
  await cloud.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

const get = (p: string) => fetch(`${cloud.url}${p}`);

describe('console static files', () => {
  it('answers a deep link with index.html, uncached, under the API’s CSP', async () => {
    const res = await get('/businesses/0190f3a2-0000-7000-8000-000000000000?tab=devices');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>konsol</title>');
    expect(res.headers.get('cache-control')).toContain('no-cache');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('serves built assets cached for good', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('leaves unknown /api paths a JSON 404, and the API routes to the API', async () => {
    const res = await get('/api/admin/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'NOT_FOUND' });
    expect((await get('/api/health')).status).toBe(200);
  });

  it('never serves a file outside its folder', async () => {
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%2fsecret.txt']) {
      const res = await get(attempt);
      expect(await res.text(), attempt).not.toContain('rahasia');
    }
  });

  it('says the console is not built when its folder is empty', async () => {
    const other = await startTestCloud({ plugins: [consoleStatic(path.join(tmpdir(), 'sma-no-console-here') + path.sep)] });
    try {
      const res = await fetch(`${other.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('build:cloud-console');
    } finally {
      await other.close();
    }
  });
});
