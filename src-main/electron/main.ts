import { app as electronApp, BrowserWindow, ipcMain, Menu, net, Notification, protocol, session, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openApp, type App } from '../app';
import { rendererDir } from '../paths';
import { CONTENT_SECURITY_POLICY } from '../security-policy';
import { registerBridge } from './bridge';
import { notifyHandovers } from './handover-notice';
import { desktopPlatform } from './platform';
import { notifyReminders } from './reminder-notice';
import { APP_ORIGIN, APP_SCHEME, isAllowedExternalUrl, isAppUrl, menuTemplate, rendererFile, webPreferences } from './security';
import { checkForUpdates } from './updater';

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let shop: App | null = null;
/** The latest OS notification: held, or it may be collected (Windows) before its click arrives. */
let shownNotice: Notification | null = null;

/** app://shop/<path> → a file of the built renderer, with the CSP on every answer. */
function serveRenderer(): void {
  const root = rendererDir();
  protocol.handle(APP_SCHEME, async (request) => {
    const file = rendererFile(root, new URL(request.url).pathname);
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => net.fetch(pathToFileURL(join(root, 'index.html')).toString()));
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    return new Response(response.body, { status: response.status, headers });
  });
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Smart Marketing Agent',
    show: false,
    webPreferences: webPreferences(join(import.meta.dirname, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

/** Brings the shop's window to the front (a notification was clicked), opening one if all were closed. */
function focusWindow(): void {
  const window = BrowserWindow.getAllWindows()[0] ?? createWindow();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

electronApp.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
});

electronApp
  .whenReady()
  .then(async () => {
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(electronApp.isPackaged, process.platform)));
    serveRenderer();
    // SMA_DB chooses another shop file, as it does for browser mode and the CLI (README). The file is
    // checked and migrated on another thread while the window loads; the window's calls wait for it.
    const opening = openApp({
      dbPath: process.env.SMA_DB || join(electronApp.getPath('userData'), 'shop.sqlite'),
      autoBackup: true,
      startupJobs: true,
      prepareInThread: true,
    }).then((app) => {
      app.services.platform = desktopPlatform(electronApp.getPath('userData'));
      return app;
    });
    registerBridge(ipcMain, opening, () => BrowserWindow.getAllWindows().map((w) => w.webContents));
    createWindow();
    shop = await opening;
    // First, before the reminder timer's catch-up at start is announced (once, never again).
    notifyReminders(shop.services, (notice) => {
      if (!Notification.isSupported()) return;
      shownNotice = new Notification({ title: notice.title, body: notice.body });
      shownNotice.on('click', focusWindow);
      shownNotice.show();
    });
    // A customer the WhatsApp assistant handed over (the sync pull): the window's bell lists it too.
    notifyHandovers(shop.services, (notice) => {
      if (!Notification.isSupported()) return;
      shownNotice = new Notification({ title: notice.title, body: notice.body });
      shownNotice.on('click', focusWindow);
      shownNotice.show();
    });
    if (electronApp.isPackaged) checkForUpdates();
    electronApp.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  })
  .catch((error: unknown) => {
    console.error('Smart Marketing Agent could not start:', error);
    electronApp.exit(1);
  });

electronApp.on('window-all-closed', () => {
  if (process.platform !== 'darwin') electronApp.quit();
});

electronApp.on('will-quit', () => {
  void shop?.close();
});
