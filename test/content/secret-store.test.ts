import { describe, expect, it } from 'vitest';
import { secretsStore, type EncryptedStore } from '../../src-main/content/secret-store';
import { ok, shopWithOwner } from '../helpers';

/** What safeStorage would write to secrets.json, as a map a test can read. */
function disk(): EncryptedStore & { written: Map<string, string> } {
  const written = new Map<string, string>();
  return {
    written,
    get: (name) => written.get(name) ?? null,
    async set(name, value) {
      if (value === null) written.delete(name);
      else written.set(name, value);
    },
  };
}

describe('the desktop key store', () => {
  it('writes the key encrypted where the operating system protects it', async () => {
    const file = disk();
    const secrets = secretsStore(file, () => true);
    await secrets.set('openai', 'sk-test-123456');
    expect(file.written.get('openai')).toBe('sk-test-123456');
    expect(secrets.get('openai')).toBe('sk-test-123456');
  });

  it("never writes it where the encryption is a hard-coded key (Linux 'basic_text'), and keeps it for the session", async () => {
    const file = disk();
    file.written.set('openai', 'sk-old-written-before');
    const secrets = secretsStore(file, () => false);
    expect(secrets.get('openai')).toBeNull();
    await secrets.set('openai', 'sk-session-only');
    expect(secrets.get('openai')).toBe('sk-session-only');
    expect(file.written.size).toBe(0);
    await secrets.set('openai', null);
    expect(secrets.get('openai')).toBeNull();
  });

  it('tells the settings page the key is unprotected and lasts for the session', async () => {
    const app = await shopWithOwner();
    app.services.platform = { saveFile: async () => null, secrets: secretsStore(disk(), () => false) };
    expect(await ok(app, 'ai.keyStatus', {})).toMatchObject({ source: process.env.OPENAI_API_KEY ? 'env' : 'none', canStore: true, protected: false });
    await ok(app, 'ai.setKey', { key: 'sk-session-only' });
    expect(await ok(app, 'ai.keyStatus', {})).toEqual({ source: 'session', canStore: true, protected: false });
    app.services.platform = { saveFile: async () => null, secrets: secretsStore(disk(), () => true) };
    await ok(app, 'ai.setKey', { key: 'sk-protected-key' });
    expect(await ok(app, 'ai.keyStatus', {})).toEqual({ source: 'desktop', canStore: true, protected: true });
  });
});
