import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/security-policy';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { translator } from '../../src-shared/i18n/messages';
import { EVENT_CHANNEL, INVOKE_CHANNEL, UPLOAD_CHANNEL, isTrustedSender, registerBridge } from '../../src-main/electron/bridge';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl, menuTemplate, rendererFile, webPreferences } from '../../src-main/electron/security';
import { OWNER_PASSWORD, shopWithOwner } from '../helpers';

describe('the Electron window', () => {
  it('runs the renderer isolated, sandboxed and without Node', () => {
    expect(webPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('allows only its own scripts', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('navigates only inside app:// and opens only https wa.me links outside', () => {
    expect(isAppUrl(`${APP_ORIGIN}/index.html#/customers`)).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://example.com')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAllowedExternalUrl('https://wa.me/6281234567890')).toBe(true);
    expect(isAllowedExternalUrl('https://wa.me/6281234567890?text=Halo%20Kak')).toBe(true);
    const refused = [
      'http://wa.me/62812',
      'https://wa.me.evil.example/62812',
      'https://user@wa.me/62812',
      'https://example.com',
      'file:///C:/Windows/system32/calc.exe',
      'javascript:alert(1)',
      'smb://host/share',
      'not a url',
    ];
    for (const url of refused) expect(isAllowedExternalUrl(url), url).toBe(false);
  });

  it('serves app:// paths only from inside the built renderer', () => {
    const root = '/opt/sma/dist/renderer';
    expect(rendererFile(root, '/')).toBe(`${root}/index.html`);
    expect(rendererFile(root, '/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
    expect(rendererFile(root, '/assets/a%20b.css')).toBe(`${root}/assets/a b.css`);
    // A sibling folder whose name starts like the root's passed the old startsWith(root) check.
    const escapes = [
      '/../renderer-secrets/key.txt',
      '/%2e%2e/renderer-x/a',
      '/..%2f..%2fetc/passwd',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '//etc/passwd/..',
      '/%E0%A4%A',
      '/assets/../../main/main.js',
    ];
    for (const path of escapes) {
      const file = rendererFile(root, path);
      expect(file === null || file.startsWith(`${root}/`), path).toBe(true);
    }
    expect(rendererFile(root, '/../renderer-secrets/key.txt')).toBeNull();
    expect(rendererFile(root, '/%E0%A4%A')).toBeNull();
  });

  it('has no developer tools in the menu of a packaged build', () => {
    const roles = (packaged: boolean) => JSON.stringify(menuTemplate(packaged, 'linux'));
    expect(roles(true)).not.toMatch(/toggleDevTools|reload/);
    expect(roles(false)).toContain('toggleDevTools');
    expect(menuTemplate(true, 'darwin')[0]).toEqual({ role: 'appMenu' });
  });
});

/**
 * ipcMain cannot exist without the Electron binary, so this stands in for it: a table of handlers
 * keyed by channel, called the way Electron calls them. Everything behind it is the real app.
 */
function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  return {
    handlers,
    handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(channel, fn),
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

const frame = (url: string, parent: unknown = null) => ({ url, parent });

describe('the IPC bridge', () => {
  it('trusts only the top frame of the app', () => {
    expect(isTrustedSender({ senderFrame: frame(`${APP_ORIGIN}/index.html`) } as never)).toBe(true);
    expect(isTrustedSender({ senderFrame: frame(`${APP_ORIGIN}/index.html`, {}) } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: frame('https://evil.example/') } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null } as never)).toBe(false);
  });

  it('dispatches trusted calls per window and forwards events', async () => {
    const app = await shopWithOwner();
    const ipc = fakeIpcMain();
    const sent: { id: number; channel: string; message: unknown }[] = [];
    const windows = [1, 2].map((id) => ({ id, send: (channel: string, message: unknown) => sent.push({ id, channel, message }) }));
    const dispose = registerBridge(ipc as never, app, () => windows as never);
    const invoke = ipc.handlers.get(INVOKE_CHANNEL)!;
    const from = (id: number, url = `${APP_ORIGIN}/index.html`) => ({ senderFrame: frame(url), sender: { id } });

    expect(await invoke(from(1), 'auth.login', { username: 'sari', password: OWNER_PASSWORD })).toMatchObject({ ok: true });
    expect(await invoke(from(1), 'customers.list', {})).toMatchObject({ ok: true, data: { total: 0 } });
    expect(await invoke(from(2), 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await invoke(from(1, 'https://evil.example/'), 'customers.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await invoke(from(1), 42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });

    app.services.events.emit('job.progress', { jobId: 'j', kind: 'demo.generate', phase: 'x', done: 1, total: 2 });
    app.services.events.emit('session.locked', { reason: 'idle' }, '2');
    expect(sent).toEqual([
      { id: 1, channel: EVENT_CHANNEL, message: { name: 'job.progress', payload: expect.objectContaining({ jobId: 'j' }) } },
      { id: 2, channel: EVENT_CHANNEL, message: { name: 'job.progress', payload: expect.objectContaining({ jobId: 'j' }) } },
      { id: 2, channel: EVENT_CHANNEL, message: { name: 'session.locked', payload: { reason: 'idle' } } },
    ]);
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('takes an upload by the path of the file, from the app window only, as files.upload', async () => {
    const app = await shopWithOwner();
    const ipc = fakeIpcMain();
    const dispose = registerBridge(ipc as never, app, () => []);
    const upload = ipc.handlers.get(UPLOAD_CHANNEL)!;
    const invoke = ipc.handlers.get(INVOKE_CHANNEL)!;
    const from = (url = `${APP_ORIGIN}/index.html`) => ({ senderFrame: frame(url), sender: { id: 1 } });
    const dir = mkdtempSync(join(tmpdir(), 'sma-upload-'));
    const csv = join(dir, 'pelanggan.csv');
    writeFileSync(csv, 'kode,nama\nC1,Sari\n');

    expect(await upload(from(), csv, 'pelanggan.csv')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } }); // files.upload wants a login
    await invoke(from(), 'auth.login', { username: 'sari', password: OWNER_PASSWORD });
    const staged = (await upload(from(), csv, 'pelanggan.csv')) as { ok: true; data: { fileId: string; name: string; size: number } };
    expect(staged).toMatchObject({ ok: true, data: { name: 'pelanggan.csv', size: 18 } });
    // The staged file is the caller's, and the import reads it like any other upload.
    expect(await invoke(from(), 'import.inspect', { fileId: staged.data.fileId, kind: 'customers' })).toMatchObject({ ok: true });

    expect(await upload(from('https://evil.example/'), csv, 'x.csv')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    for (const path of ['pelanggan.csv', join(dir, 'missing.csv'), dir, 42])
      expect(await upload(from(), path, 'x.csv'), String(path)).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const huge = join(dir, 'huge.xlsx');
    writeFileSync(huge, '');
    truncateSync(huge, IMPORT_LIMITS.maxFileBytes + 1); // sparse: over the limit without filling a disk
    expect(await upload(from(), huge, 'huge.xlsx')).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringContaining('200') } });
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers in the language on the window’s screen before login, and takes no other value for it', async () => {
    const app = await shopWithOwner();
    const ipc = fakeIpcMain();
    const dispose = registerBridge(ipc as never, app, () => []);
    const upload = ipc.handlers.get(UPLOAD_CHANNEL)!;
    const invoke = ipc.handlers.get(INVOKE_CHANNEL)!;
    const from = { senderFrame: frame(`${APP_ORIGIN}/index.html`), sender: { id: 1 } };
    const missing = join(mkdtempSync(join(tmpdir(), 'sma-upload-')), 'missing.csv');

    const refusal = async (language: unknown) => ((await upload(from, missing, 'x.csv', language)) as { error: { message: string } }).error.message;
    expect(await refusal('en')).toBe(translator('en')('file.notFound'));
    expect(await refusal('id')).toBe(translator('id')('file.notFound'));
    expect(await refusal('fr')).toBe(translator('id')('file.notFound')); // not a language the app speaks
    expect(translator('en')('file.notFound')).not.toBe(translator('id')('file.notFound'));

    const wrong = async (language: unknown) =>
      ((await invoke(from, 'auth.login', { username: 'sari', password: 'not-the-password' }, language)) as { error: { message: string } }).error.message;
    expect(await wrong('en')).not.toBe(await wrong('id'));
    expect(await wrong(undefined)).toBe(await wrong('id'));
    dispose();
    expect(ipc.handlers.size).toBe(0);
  });
});
