import type { Ctx } from '../core/context';
import { stagedFile } from './staging';

/** Hand a generated file (error report, template, export) to the user. */
export async function downloadFile(ctx: Ctx, fileId: string): Promise<{ url: string | null; savedTo: string | null }> {
  const file = stagedFile(ctx.dbPath, fileId, ctx.t);
  if (ctx.platform) return { url: null, savedTo: await ctx.platform.saveFile(file.path, file.name) };
  return { url: `/api/files/${encodeURIComponent(fileId)}`, savedTo: null };
}
