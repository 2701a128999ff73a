import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Result } from '../../src-shared/errors';
import { translator } from '../../src-shared/i18n/messages';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';
import { LANGUAGES, type Language } from '../../src-shared/schemas/auth';
import type { App } from '../app';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = 'sma:invoke';
export const EVENT_CHANNEL = 'sma:event';
/** A file the user picked, by its path on disk (the preload takes it from the File itself). */
export const UPLOAD_CHANNEL = 'sma:upload';

/** Only the app's own top frame may call in; a frame from anywhere else gets FORBIDDEN. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from the application window.' } };
const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'VALIDATION_ERROR', message } });

/**
 * The language on the window's screen, which the preload sends with each call: answers before
 * anyone is logged in (a wrong password, the path checks below) come back in it, as in browser mode.
 */
function screenLanguage(value: unknown): Language | undefined {
  return LANGUAGES.includes(value as Language) ? (value as Language) : undefined;
}

/**
 * An upload by path: the main process reads the file from disk and hands its bytes to the same
 * files.upload handler the browser's upload reaches, so checks, staging and ownership stay in one
 * place. A 200 MB workbook no longer travels through IPC as one structured-clone copy after the
 * renderer read it whole. The path is not in the contract: only the preload sends it, derived from
 * a File the user chose (webUtils.getPathForFile), so a page cannot name a file of its own choosing.
 */
async function uploadByPath(app: App, clientId: string, path: unknown, name: unknown, language: Language | undefined): Promise<Result<unknown>> {
  const t = translator(language ?? 'id');
  if (typeof path !== 'string' || !isAbsolute(path) || typeof name !== 'string') return refused(t('file.notFound'));
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) return refused(t('file.notFound'));
  // Checked before reading: a file far over the limit is never loaded into memory.
  if (info.size > IMPORT_LIMITS.maxFileBytes) return refused(t('file.tooLarge', { mb: IMPORT_LIMITS.maxFileBytes / 1024 / 1024 }));
  return app.call('files.upload', { name, bytes: new Uint8Array(await readFile(path)) }, { clientId, language });
}

/**
 * ipcMain ⇄ the handler table. Each window is its own client (its own login). Events go to every
 * window, or only to the window they name. The app may still be opening (its file checked on
 * another thread while the window loads): calls wait for it.
 */
export function registerBridge(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, opening: App | Promise<App>, windows: () => WebContents[]): () => void {
  const ready = Promise.resolve(opening);
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown, language: unknown) => {
    if (!isTrustedSender(event)) return forbidden;
    return (await ready).call(typeof channel === 'string' ? channel : '', input, { clientId: String(event.sender.id), language: screenLanguage(language) });
  });
  ipcMain.handle(UPLOAD_CHANNEL, async (event: IpcMainInvokeEvent, path: unknown, name: unknown, language: unknown) => {
    if (!isTrustedSender(event)) return forbidden;
    return uploadByPath(await ready, String(event.sender.id), path, name, screenLanguage(language));
  });
  let disposed = false;
  let unsubscribe = () => undefined as void;
  void ready.then(
    (app) => {
      if (disposed) return;
      unsubscribe = app.services.events.subscribe((event) => {
        for (const contents of windows()) {
          if (event.clientId && event.clientId !== String(contents.id)) continue;
          contents.send(EVENT_CHANNEL, { name: event.name, payload: event.payload });
        }
      });
    },
    () => undefined, // the opener reports its own failure
  );
  return () => {
    disposed = true;
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
    ipcMain.removeHandler(UPLOAD_CHANNEL);
  };
}
