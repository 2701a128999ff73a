/** The export's two jobs, run in a worker thread: a preview, and writing the file. */
import { translator } from '../../src-shared/i18n/messages';
import { dateInZone } from '../../src-shared/format/date';
import type { Language } from '../../src-shared/schemas/auth';
import type { ExportOptions, ExportPreview } from '../../src-shared/schemas/export';
import { discardStaged } from '../files/staging';
import { JobCancelled, type JobCtx } from '../jobs/types';
import { zoneClock } from './cells';
import { CsvReport } from './csv';
import { recordExport } from './history';
import { describeFilters, infoLines } from './info';
import { readPreview } from './preview';
import { findReport } from './registry';
import { words, type Report, type ReportEnv } from './report';
import { BULK_ROWS, chooseColumns, readReport } from './rows';
import { XlsxReport } from './xlsx';

export interface PreviewParams {
  report: string;
  /** Already checked against the report's filter schema by the caller. */
  filters: Record<string, unknown>;
  language: Language;
}

export interface ExportParams extends PreviewParams {
  options: ExportOptions;
  /** Where to write, staged by the caller under the name the download gets. */
  file: { fileId: string; path: string; name: string };
  /** The main process's path of the DB, to discard the staged file on failure. */
  dbPath: string;
}

/** Rows between progress events, cancel checks and waits for the disk. */
const STEP = 1_000;
/**
 * The phase before the first row (counting, sorting): `done` stays 0 and `total` is 0 until the
 * rows are counted, then their count. The dialog shows an indeterminate bar for it.
 */
export const PREPARE = 'prepare';

/** The shop's name and time zone, and what a report needs to build its query. */
async function shopEnv(ctx: JobCtx, language: Language) {
  const business = await ctx.db.selectFrom('business').select(['name', 'timezone']).executeTakeFirst();
  const timeZone = business?.timezone ?? 'Asia/Jakarta';
  const env: ReportEnv = { db: ctx.db, language, t: translator(language), today: dateInZone(ctx.clock.now(), timeZone), userId: ctx.userId, clock: ctx.clock };
  return { business: business?.name ?? '', timeZone, env };
}

function reportFor(id: string): Report {
  const report = findReport(id);
  if (!report) throw new Error(`unknown report ${id}`); // the caller checked the id
  return report;
}

export async function previewJob(p: PreviewParams, ctx: JobCtx): Promise<ExportPreview> {
  const report = reportFor(p.report);
  const { env } = await shopEnv(ctx, p.language);
  const prepared = await report.prepare(p.filters, env);
  const { rows, total, totals } = readPreview(ctx, report, prepared, p.language);
  return {
    columns: report.columns.map((c) => ({ key: c.key, label: words(c.label, p.language), type: c.type, listKey: c.listKey ?? c.key })),
    rows,
    total,
    totals,
    period: prepared.period,
  };
}

/**
 * Write a report to its staged file, streaming row by row, with progress and cancel. Whatever the
 * outcome, it goes in the export history and the activity log; a cancelled or failed export
 * leaves no file behind.
 */
export async function exportJob(p: ExportParams, ctx: JobCtx): Promise<{ fileId: string; name: string; rows: number; bytes: number }> {
  const started = Date.now();
  // Before the first row of a big export SQLite counts the rows, then sorts all of them (a million
  // sales: seconds): the window says "preparing" at once, with the row count once it is known,
  // and shows "0 of 1,000,000" only when rows are actually coming.
  ctx.progress(PREPARE, 0, 0);
  const report = reportFor(p.report);
  const { business, timeZone, env } = await shopEnv(ctx, p.language);
  const { format, ...options } = p.options;
  let rows = 0;
  const record = (status: 'completed' | 'failed' | 'cancelled', bytes: number, error: string | null) =>
    recordExport(ctx, {
      report: p.report,
      format,
      fileName: p.file.name,
      filters: p.filters,
      options,
      rows,
      bytes,
      durationMs: Date.now() - started,
      status,
      error,
    });
  try {
    const prepared = await report.prepare(p.filters, env);
    const columns = chooseColumns(report, p.options.columns, env.t);
    const source = readReport(ctx, report, prepared, columns, p.language, { bulkFrom: BULK_ROWS });
    ctx.progress(PREPARE, 0, source.total);
    const local = zoneClock(timeZone);
    const sheetColumns = columns.map((c) => ({ type: c.type, label: words(c.label, p.language) }));
    const file =
      format === 'xlsx'
        ? await XlsxReport.create(p.file.path, words(report.name, p.language), sheetColumns, local)
        : new CsvReport(p.file.path, sheetColumns, p.options.separator, p.options.dateStyle, local);
    let bytes: number;
    try {
      for (const cells of source.rows()) {
        if (rows === 0) ctx.progress('write', 0, source.total); // the sort is done: rows are coming
        file.add(cells);
        rows += 1;
        if (rows % STEP === 0) {
          ctx.throwIfCancelled();
          ctx.progress('write', rows, source.total);
          await file.keepUp();
        }
      }
      ctx.throwIfCancelled();
      const user = ctx.userId ? await ctx.db.selectFrom('users').select('name').where('id', '=', ctx.userId).executeTakeFirst() : undefined;
      const info = infoLines({
        report,
        prepared,
        filters: await describeFilters(report, p.filters, p.language, ctx.db),
        columns,
        rows,
        totals: source.totals,
        business,
        userName: user?.name ?? null,
        generatedAt: ctx.clock.now().toISOString(),
        timeZone,
        language: p.language,
      });
      bytes = await file.finish(info);
    } catch (error) {
      await file.abort();
      throw error;
    }
    ctx.progress('write', rows, rows);
    await record('completed', bytes, null);
    return { fileId: p.file.fileId, name: p.file.name, rows, bytes };
  } catch (error) {
    discardStaged(p.dbPath, p.file.fileId);
    const cancelled = error instanceof JobCancelled;
    await record(cancelled ? 'cancelled' : 'failed', 0, cancelled ? null : error instanceof Error ? error.message : String(error));
    throw error;
  }
}
