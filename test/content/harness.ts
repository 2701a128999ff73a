import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openApp, type App } from '../../src-main/app';
import { ok, tempDir, testApp } from '../helpers';

let template: Promise<string> | null = null;
let templateDir: string | null = null;

afterAll(() => {
  if (templateDir) rmSync(templateDir, { recursive: true, force: true });
});

/** The demo shop with one RFM run, built once per test file and copied for each test. */
export async function analysedDemoShop(): Promise<App> {
  template ??= (async () => {
    templateDir = mkdtempSync(join(tmpdir(), 'sma-template-'));
    const app = await openApp({ dbPath: join(templateDir, 'demo.sqlite') });
    await ok(app, 'setup.openDemo', {}, 'owner');
    await ok(app, 'rfm.run', {}, 'owner');
    app.services.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await app.close();
    return join(templateDir, 'demo.sqlite');
  })();
  const dbPath = join(tempDir(), 'shop.sqlite');
  copyFileSync(await template, dbPath);
  const app = await testApp({ dbPath });
  await ok(app, 'auth.login', { username: 'demo', password: 'demo1234' }, 'owner');
  return app;
}
