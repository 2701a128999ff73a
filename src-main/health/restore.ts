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
  const session = ctx.sessionId ? ctx.sqlite.prepare('SELECT * FROM user_sessions WHERE id = ?').get(ctx.sessionId) : undefined;
  let done;
  try {
    done = await restoreBackup(ctx.sqlite, ctx.dbPath, backup.file, ctx.clock.now());
  } catch (error) {
    if (error instanceof RestoreRefused) throw new AppError('VALIDATION_ERROR', ctx.t(`restore.${error.reason}`), { name });
    throw error;
  }
  // The data is now the backup's: the one who restored may not exist in it (a backup from before
  // they were added, or of another laptop's shop). If they do, they stay logged in; either way the
  // restore is logged, by name when their row is gone.
  const stillThere = ctx.userId !== null && ctx.sqlite.prepare('SELECT 1 FROM users WHERE id = ? AND deleted_at IS NULL').get(ctx.userId) !== undefined;
  if (stillThere && session) keepSession(ctx, session as Record<string, unknown>);
  const previous = basename(done.previous.file);
  write({ ...ctx, userId: stillThere ? ctx.userId : null }, (w) =>
    w.log({ action: 'db.restore', details: { from: name, at: backup.at, previous, migratedFrom: done.migratedFrom, by: ctx.user?.username ?? null } }),
  );
  return { restoredFrom: name, previous };
}

/** Sessions are local state, not shop data: the current one is put back as it was, directly. */
function keepSession(ctx: Ctx, session: Record<string, unknown>): void {
  ctx.sqlite
    .prepare(
      'INSERT OR IGNORE INTO user_sessions (id, user_id, created_at, last_seen_at, expires_at, locked_at, ended_at, end_reason) VALUES (@id, @user_id, @created_at, @last_seen_at, @expires_at, @locked_at, @ended_at, @end_reason)',
    )
    .run(session);
}
