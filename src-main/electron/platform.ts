import { BrowserWindow, dialog, safeStorage } from 'electron';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { secretsStore } from '../content/secret-store';
import type { Platform } from '../core/context';

/**
 * What only the desktop can do: a save dialog for generated files, and secrets (the AI key)
 * encrypted with the operating system's key store through safeStorage, kept next to the DB, or
 * for the session only where that store is not protected.
 */
export function desktopPlatform(userData: string): Platform {
  const secretsFile = join(userData, 'secrets.json');
  const readAll = (): Record<string, string> => (existsSync(secretsFile) ? (JSON.parse(readFileSync(secretsFile, 'utf8')) as Record<string, string>) : {});
  return {
    async saveFile(path, suggestedName) {
      const window = BrowserWindow.getFocusedWindow();
      const options = { defaultPath: suggestedName };
      const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return null;
      await copyFile(path, choice.filePath);
      return choice.filePath;
    },
    secrets: secretsStore(
      {
        get(name) {
          const stored = readAll()[name];
          return stored ? safeStorage.decryptString(Buffer.from(stored, 'base64')) : null;
        },
        async set(name, value) {
          const all = readAll();
          if (value === null) delete all[name];
          else all[name] = safeStorage.encryptString(value).toString('base64');
          await mkdir(dirname(secretsFile), { recursive: true });
          await writeFile(secretsFile, JSON.stringify(all), { mode: 0o600 });
        },
      },
      // Linux without a keyring: safeStorage "encrypts" with a hard-coded key ('basic_text').
      () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    ),
  };
}
