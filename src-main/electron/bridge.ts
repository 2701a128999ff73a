import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Result } from '../../src-shared/errors';
import type { App } from '../app';
import { isAppUrl } from './security';

export const INVOKE_CHANNEL = 'sma:invoke';
export const EVENT_CHANNEL = 'sma:event';

/** Only the app's own top frame may call in; a frame from anywhere else gets FORBIDDEN. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const forbidden: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Request refused: it did not come from the application window.' } };

/**
 * ipcMain ⇄ the handler table. Each window is its own client (its own login). Events go to every
 * window, or only to the window they name.
 */
export function registerBridge(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, app: App, windows: () => WebContents[]): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    if (!isTrustedSender(event)) return forbidden;
    return app.call(typeof channel === 'string' ? channel : '', input, { clientId: String(event.sender.id) });
  });
  const unsubscribe = app.services.events.subscribe((event) => {
    for (const contents of windows()) {
      if (event.clientId && event.clientId !== String(contents.id)) continue;
      contents.send(EVENT_CHANNEL, { name: event.name, payload: event.payload });
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
