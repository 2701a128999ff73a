import { basename } from 'node:path';
import { AppError } from '../../src-shared/errors';
import type { BackupSummary } from '../../src-shared/schemas/system';
import type { Ctx } from '../core/context';
import { write } from '../core/write';
import { describeBackups, RestoreRefused, restoreBackup } from '../db/restore';

/** The backups folder as the health page lists it: by file name, never a path from the caller. */
export function backupList(ctx: Pick<Ctx, 'dbPath'>): BackupSummary[] {
  return describeBackups(ctx.dbPath).map(({ file, ...rest }) => ({ name: basename(file), ...rest }));
}

/**
 * Restore a backup of the backups folder (owner only). Refused while a job runs: an import or an
 * export works on its own connection and must not see the data change under it.
 */
export async function restore(ctx: Ctx, name: string): Promise<{ restoredFrom: string; previous: string }> {
  if (ctx.jobs.busy) throw new AppError('CONFLICT', ctx.t('restore.busy'));
  const backup = describeBackups(ctx.dbPath).find((b) => basename(b.file) === name);
  if (!backup) throw new AppError('NOT_FOUND', ctx.t('restore.missing'), { name });
  let done;
  try {
    done = await restoreBackup(ctx.sqlite, ctx.dbPath, backup.file, ctx.clock.now());
  } catch (error) {
    if (error instanceof RestoreRefused) throw new AppError('VALIDATION_ERROR', ctx.t(`restore.${error.reason}`), { name });
    throw error;
  }
  const previous = basename(done.previous.file);
  write(ctx, (w) => w.log({ action: 'db.restore', details: { from: name, at: backup.at, previous, migratedFrom: done.migratedFrom } }));
  return { restoredFrom: name, previous };
}
