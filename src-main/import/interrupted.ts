import { write } from '../core/write';
import type { AppServices } from '../core/context';

/**
 * An import still 'processing' when the app opens was cut off (closed, crashed, power cut). Its
 * rows were never committed; the history says so, so the owner knows to run it again.
 */
export function markInterruptedImports(app: AppServices): void {
  const stale = app.sqlite.prepare("SELECT id FROM upload_history WHERE status = 'processing'").all() as { id: string }[];
  if (stale.length === 0) return;
  write({ ...app, userId: null }, (w) => {
    for (const { id } of stale) {
      w.update('upload_history', id, { status: 'failed', error: 'interrupted', finished_at: w.now }, 'upload missing');
      w.log({ action: 'import.interrupted', entity: 'upload_history', entityId: id });
    }
  });
}
