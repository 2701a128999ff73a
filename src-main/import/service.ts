import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { ImportKindName, ImportReport, InspectOutput, inspectInput, runInput, UploadRow } from '../../src-shared/schemas/import';
import type { Ctx } from '../core/context';
import { write } from '../core/write';
import type { Database } from '../db/schema';
import { stageBytes, stagedFile, stagePath } from '../files/staging';
import { runRfmInBackground } from '../rfm/service';
import { writeTemplate } from './templates';

export async function uploadFile(ctx: Ctx, name: string, bytes: Uint8Array) {
  const staged = await stageBytes(ctx.dbPath, name, bytes, ctx.t);
  return { fileId: staged.fileId, name: staged.name, size: staged.size };
}

export async function inspectImport(ctx: Ctx, input: z.output<typeof inspectInput>): Promise<InspectOutput> {
  const file = stagedFile(ctx.dbPath, input.fileId, ctx.t);
  const { done } = ctx.jobs.run('import.inspect', { path: file.path, kind: input.kind, sheet: input.sheet, headerRow: input.headerRow, language: ctx.language }, ctx.userId);
  return done;
}

/** Validate (a dry run rolled back) or import for real; both are jobs with progress and cancel. */
export async function runImportJob(ctx: Ctx, input: z.output<typeof runInput>, dryRun: boolean): Promise<ImportReport> {
  if (!dryRun && ctx.jobs.isRunning('import.run')) throw new AppError('CONFLICT', ctx.t('err.jobRunning'));
  const file = stagedFile(ctx.dbPath, input.fileId, ctx.t);
  const errorFile = stagePath(ctx.dbPath, `${file.name.replace(/\.[^.]+$/, '')}-masalah`, 'xlsx');
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
  );
  const report = await done;
  // New sales move customers between segments: refresh them without making the user wait.
  if (!dryRun && report.status === 'completed' && input.kind === 'transactions') void runRfmInBackground(ctx, 'import', ctx.userId);
  return report;
}

/** Every import, newest first: the history tab reads a page of it, export all of it. */
export function importHistoryQuery(db: Kysely<Database>) {
  return db.selectFrom('upload_history as h').leftJoin('users as u', 'u.id', 'h.user_id').orderBy('h.created_at', 'desc').orderBy('h.id', 'desc');
}

export async function importHistory(ctx: Ctx, page: number, pageSize: number) {
  const [rows, count] = await Promise.all([
    importHistoryQuery(ctx.db)
      .select(['h.id', 'h.kind', 'h.file_name', 'h.status', 'h.rows_total', 'h.rows_imported', 'h.rows_skipped', 'h.rows_failed', 'h.customers_created', 'h.duration_ms', 'h.error', 'u.name as user_name', 'h.created_at', 'h.undone_at'])
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    ctx.db.selectFrom('upload_history').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows as UploadRow[], total: Number(count.n), page, pageSize };
}

/**
 * Undo a completed import: soft-delete the rows it created, in one transaction. Customers it
 * created that have since bought something outside the import stay. Records it updated keep
 * their new values (the old ones were not kept).
 */
export async function undoImport(ctx: Ctx, uploadId: string): Promise<{ transactions: number; customers: number; products: number }> {
  const upload = await ctx.db.selectFrom('upload_history').select(['id', 'status', 'undone_at']).where('id', '=', uploadId).executeTakeFirst();
  if (!upload) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: ctx.t('entity.upload') }), { uploadId });
  if (upload.status !== 'completed') throw new AppError('CONFLICT', ctx.t('imp.undoNotCompleted'));
  if (upload.undone_at) throw new AppError('CONFLICT', ctx.t('imp.alreadyUndone'));
  const ids = async (table: 'transactions' | 'products') => (await ctx.db.selectFrom(table).select('id').where('upload_id', '=', uploadId).where('deleted_at', 'is', null).execute()).map((r) => r.id);
  const [transactionIds, productIds] = await Promise.all([ids('transactions'), ids('products')]);
  const customerIds = (
    await ctx.db
      .selectFrom('customers as c')
      .select('c.id')
      .where('c.upload_id', '=', uploadId)
      .where('c.deleted_at', 'is', null)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('transactions as t').select(sql`1`.as('one')).whereRef('t.customer_id', '=', 'c.id').where('t.deleted_at', 'is', null).where((eb) => eb.or([eb('t.upload_id', 'is', null), eb('t.upload_id', '!=', uploadId)])))),
      )
      .execute()
  ).map((r) => r.id);
  return write(ctx, (w) => {
    const result = { transactions: w.deleteMany('transactions', transactionIds), customers: w.deleteMany('customers', customerIds), products: w.deleteMany('products', productIds) };
    w.update('upload_history', uploadId, { undone_at: w.now }, ctx.t('err.notFound', { entity: ctx.t('entity.upload') }));
    w.log({ action: 'import.undo', entity: 'upload_history', entityId: uploadId, details: result });
    return result;
  });
}

export async function importTemplate(ctx: Ctx, kind: ImportKindName) {
  const names = { customers: 'pelanggan', transactions: 'transaksi', products: 'produk' };
  const file = stagePath(ctx.dbPath, `template-impor-${names[kind]}`, 'xlsx');
  await writeTemplate(file.path, kind, ctx.language);
  return { fileId: file.fileId, name: file.name };
}
