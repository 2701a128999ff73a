import type { Secrets } from '../core/context';

/** Where the desktop keeps secrets: the operating system's key store, through Electron's safeStorage. */
export interface EncryptedStore {
  get(name: string): string | null;
  set(name: string, value: string | null): Promise<void>;
}

export type { Secrets };

/**
 * Secrets kept encrypted on disk where the encryption protects them, and otherwise only in memory
 * for this session. On Linux without a keyring (GNOME Keyring, KWallet), safeStorage falls back to
 * 'basic_text', a hard-coded key: anyone who copies the file could read the key, so it is never
 * written, and the owner is told so.
 */
export function secretsStore(store: EncryptedStore, isProtected: () => boolean): Secrets {
  const session = new Map<string, string>();
  return {
    available: () => true,
    protected: isProtected,
    get: (name) => (isProtected() ? store.get(name) : (session.get(name) ?? null)),
    async set(name, value) {
      if (isProtected()) return store.set(name, value);
      if (value === null) session.delete(name);
      else session.set(name, value);
      // A key written by an earlier run on this machine does not stay behind on disk.
      await store.set(name, null);
    },
  };
}
