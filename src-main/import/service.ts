import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { ImportKindName, ImportReport, InspectOutput, inspectInput, runInput, UploadRow } from '../../src-shared/schemas/import';
import type { Ctx } from '../core/context';
import type { Database } from '../db/schema';
import { callersFile } from '../files/service';
import { discardStaged, stageBytes, stagePath } from '../files/staging';
import { runRfmInBackground } from '../rfm/service';
import type { UndoResult } from './undo';
import { writeTemplate } from './templates';

export async function uploadFile(ctx: Ctx, name: string, bytes: Uint8Array) {
  const staged = await stageBytes(ctx.dbPath, name, bytes, ctx.t, { owner: ctx.userId });
  return { fileId: staged.fileId, name: staged.name, size: staged.size };
}

export async function inspectImport(ctx: Ctx, input: z.output<typeof inspectInput>): Promise<InspectOutput> {
  const file = callersFile(ctx, input.fileId);
  const { done } = ctx.jobs.run(
    'import.inspect',
    { path: file.path, kind: input.kind, sheet: input.sheet, headerRow: input.headerRow, language: ctx.language },
    ctx.userId,
    ctx.clientId,
  );
  return done;
}

/** Validate (a dry run rolled back) or import for real; both are jobs with progress and cancel. */
export async function runImportJob(ctx: Ctx, input: z.output<typeof runInput>, dryRun: boolean): Promise<ImportReport> {
  if (!dryRun && ctx.jobs.isRunning('import.run')) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  const file = callersFile(ctx, input.fileId);
  const errorFile = stagePath(ctx.dbPath, `${file.name.replace(/\.[^.]+$/, '')}-masalah`, 'xlsx', { owner: ctx.userId });
  const { done } = ctx.jobs.run(
    'import.run',
    {
      path: file.path,
      fileName: file.name,
      fileHash: file.hash,
      fileSize: file.size,
      kind: input.kind,
      sheet: input.sheet,
      headerRow: input.headerRow,
      mapping: input.mapping,
      options: input.options,
      dryRun,
      language: ctx.language,
      errorFile: { fileId: errorFile.fileId, path: errorFile.path },
    },
    ctx.userId,
    ctx.clientId,
  );
  const report = await done.finally(() => {
    // The problem report's name was reserved before the run; a run without problems leaves it unused.
    if (!existsSync(errorFile.path)) discardStaged(ctx.dbPath, errorFile.fileId);
  });
  // An imported file is done with; one that stopped or was only checked stays for another try.
  if (!dryRun && report.status === 'completed') discardStaged(ctx.dbPath, file.fileId);
  // New sales move customers between segments: refresh them without making the user wait.
  if (!dryRun && report.status === 'completed' && input.kind === 'transactions') void runRfmInBackground(ctx, 'import', ctx.userId);
  return report;
}

/** Every import, newest first, as the history tab shows it: the tab reads a page of it, export all of it. */
export function importHistoryQuery(db: Kysely<Database>) {
  return db
    .selectFrom('upload_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select([
      'h.id',
      'h.kind',
      'h.file_name',
      'h.status',
      'h.rows_total',
      'h.rows_imported',
      'h.rows_skipped',
      'h.rows_failed',
      'h.customers_created',
      'h.duration_ms',
      'h.error',
      'u.name as user_name',
      'h.created_at',
      'h.undone_at',
    ])
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc');
}

export async function importHistory(ctx: Ctx, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    importHistoryQuery(ctx.db)
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    ctx.db
      .selectFrom('upload_history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as UploadRow[], total: Number(count.n), page, pageSize };
}

/**
 * Undo a completed import (src-main/import/undo.ts) in the job worker: a large import is hundreds
 * of thousands of rows to mark, and the main process must keep answering meanwhile.
 */
export async function undoImport(ctx: Ctx, uploadId: string): Promise<UndoResult> {
  if (ctx.jobs.isRunning('import.run') || ctx.jobs.isRunning('import.undo')) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  return ctx.jobs.run('import.undo', { uploadId, language: ctx.language }, ctx.userId, ctx.clientId).done;
}

export async function importTemplate(ctx: Ctx, kind: ImportKindName) {
  const names = { customers: 'pelanggan', transactions: 'transaksi', products: 'produk', leads: 'prospek' };
  const file = stagePath(ctx.dbPath, `template-impor-${names[kind]}`, 'xlsx', { owner: ctx.userId });
  await writeTemplate(file.path, kind, ctx.language);
  return { fileId: file.fileId, name: file.name };
}
