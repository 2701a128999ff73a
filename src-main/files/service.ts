import { AppError } from '../../src-shared/errors';
import type { Ctx } from '../core/context';
import { findReport } from '../export/registry';
import { stagedFile, type StagedFile } from './staging';

/**
 * A staged file the caller may use: one their own upload or request made, or any for an
 * owner-role user; and an export only while the caller's role may run its report (a manager's
 * customer list is no staff member's to download, even with its id).
 */
export function callersFile(ctx: Ctx, fileId: string): StagedFile {
  const file = stagedFile(ctx.dbPath, fileId, ctx.t);
  const role = ctx.user?.role;
  if (file.owner !== ctx.userId && role !== 'owner') throw new AppError('FORBIDDEN', ctx.t('file.notYours'), { fileId });
  const report = file.report ? findReport(file.report) : undefined;
  if (file.report && (!report || !role || !report.roles.includes(role))) throw new AppError('FORBIDDEN', ctx.t('file.notYours'), { fileId });
  return file;
}

/** Hand a generated file (error report, template, export) to the user. */
export async function downloadFile(ctx: Ctx, fileId: string): Promise<{ url: string | null; savedTo: string | null }> {
  const file = callersFile(ctx, fileId);
  if (ctx.platform) return { url: null, savedTo: await ctx.platform.saveFile(file.path, file.name) };
  return { url: `/api/files/${encodeURIComponent(fileId)}`, savedTo: null };
}
