import { notifications } from '@mantine/notifications';
import type { ChannelOutput } from '../../src-shared/contract';
import { IMPORT_LIMITS } from '../../src-shared/import-limits';
import i18n from '../i18n';
import { call, settle } from './client';
import { transport } from './transport';

/** The largest file the main process accepts (checked here too, so nothing huge is read into memory). */
export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxFileBytes;

/**
 * Hands a file chosen by the user to the main process. In Electron the main process reads it from
 * disk by its path (nothing large crosses IPC); the browser transport sends the bytes as a raw
 * request body (see transport.ts).
 */
export async function uploadFile(file: File): Promise<ChannelOutput<'files.upload'>> {
  const fromDisk = transport.uploadFromDisk?.(file);
  if (fromDisk) return settle('files.upload', () => fromDisk);
  const bytes = new Uint8Array(await file.arrayBuffer());
  return call('files.upload', { name: file.name, bytes });
}

/**
 * Downloads a file the main process prepared (template, problem report, export). In the browser
 * the host serves it at a URL; in Electron a save dialog already ran, and `savedTo` is where the
 * file went (null when the user cancelled the dialog).
 */
export async function downloadFile(fileId: string): Promise<void> {
  const { url, savedTo } = await call('files.download', { fileId });
  if (url) {
    const link = document.createElement('a');
    link.href = url;
    link.download = '';
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    return;
  }
  if (savedTo) {
    notifications.show({ color: 'teal', title: i18n.t('files.savedTitle'), message: i18n.t('files.savedTo', { path: savedTo }), autoClose: 6000 });
  }
}

/**
 * A file made in the page (a table's export) takes the same way out as the main process's files:
 * staged through files.upload, then downloadFile (Electron's save dialog, the browser's download).
 */
export async function saveBlob(blob: Blob, fileName: string): Promise<void> {
  const { fileId } = await uploadFile(new File([blob], fileName, { type: blob.type }));
  await downloadFile(fileId);
}
