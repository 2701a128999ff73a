import type { MenuItemConstructorOptions, WebPreferences } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';

/** The app is served from its own privileged scheme, never from file:// (which would trust the disk). */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://shop`;

/** The window's security options, exported so a unit test can hold them to ARCHITECTURE rule 2. */
export function webPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // A middle click would open a link in a new window, past the window-open handler's refusal.
    disableBlinkFeatures: 'Auxclick',
  };
}

/** Inside the app only app://shop pages; everything else is refused. */
export function isAppUrl(url: string): boolean {
  try {
    // URL.origin is "null" for custom schemes, so compare scheme and host.
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === 'shop';
  } catch {
    return false;
  }
}

/**
 * Links that may leave the app, to the system browser: only WhatsApp's https click-to-chat links
 * (a message to a customer). Nothing else the renderer shows (an imported name, generated text)
 * can send the user to a web page, a file: or a javascript: URL.
 */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.host === 'wa.me' && parsed.username === '' && parsed.password === '' && parsed.port === '';
  } catch {
    return false;
  }
}

/**
 * The built renderer's file for an app:// path, or null when the path would leave its folder
 * (`..`, an encoded `%2e%2e`, an absolute path, a sibling folder whose name starts like the root's)
 * or cannot be decoded.
 */
export function rendererFile(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const file = resolve(root, decoded.replace(/^\/+/, '') || 'index.html');
  const inside = relative(root, file);
  return inside === '' || inside.startsWith('..') || isAbsolute(inside) ? null : file;
}

/**
 * The application menu. A packaged build has no developer tools and no reload: a shop owner's
 * window is not a browser. Development builds keep them.
 */
export function menuTemplate(packaged: boolean, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  if (!packaged) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    { role: 'windowMenu' },
  ];
}
