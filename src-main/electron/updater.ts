import electronUpdater from 'electron-updater';

/** Packaged builds check for updates at start; data lives in userData, so it survives them. */
export function checkForUpdates(): void {
  electronUpdater.autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    // Offline is the normal case for this app: note it and carry on.
    console.warn('[updater] update check failed:', error instanceof Error ? error.message : error);
  });
}
