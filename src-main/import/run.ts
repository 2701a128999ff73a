import { sql } from 'kysely';
import type { Language } from '../../src-shared/schemas/auth';
import { addDays, dateInZone } from '../../src-shared/format/date';
import { translator } from '../../src-shared/i18n/messages';
import type { ImportOptions, ImportReport, Mapping } from '../../src-shared/schemas/import';
import { newId } from '../core/ids';
import { write, writeAsync, type Writer } from '../core/write';
import { completeHistory, finishHistory, historyRow } from './history';
import { importInto } from './bulk-insert';
import { JobCancelled, type JobCtx } from '../jobs/types';
import { deferIndexes } from './deferred-indexes';
import { writeErrorReport } from './error-report';
import { earnSales, reEarnSale } from '../loyalty/earn';
import { readLoyaltyRules } from '../loyalty/rules';
import { Outcomes, StopImport, type ImportEnv, type Importer } from './kinds/env';
import { CustomersImporter } from './kinds/customers';
import { rowKinds } from './kinds/row-kinds';
import { LeadsImporter } from './kinds/leads';
import { ProductsImporter } from './kinds/products';
import { TransactionsImporter } from './kinds/transactions';
import { missingRequired, type ImportKind } from './normalize/headers';
import { openTable } from './read/table';
import { scan } from './scan';
import { IssueLog } from './rows/issues';
import { startReading } from './rows/read-ahead';
import type { ColumnStyles } from './rows/reader';

export interface RunParams {
  path: string;
  fileName: string;
  fileHash: string;
  fileSize: number;
  kind: ImportKind;
  sheet?: string;
  headerRow: number;
  mapping: Mapping;
  options: ImportOptions;
  /** Validate only: everything runs inside the transaction, which is then rolled back. */
  dryRun: boolean;
  language: Language;
  /** Where to write the downloadable problem list (staged by the caller), and its id. */
  errorFile: { fileId: string; path: string };
}

const PREVIEW_ISSUES = 200;

class DryRunDone extends Error {}

/** The kind's importer: it takes the fields its kind's reader (rows/read-thread.ts) made of each row. */
function importerFor(kind: ImportKind, env: ImportEnv): Importer<unknown> {
  if (kind === 'customers') return new CustomersImporter(env);
  if (kind === 'products') return new ProductsImporter(env);
  if (kind === 'leads') return new LeadsImporter(env);
  return new TransactionsImporter(env);
}

/**
 * One import, start to end: read the file twice (a quick pass to decide each column's date order
 * and decimal separator, then the real one), validate and normalise every row, and write
 * everything through the write helper in ONE transaction. A dry run does the very same work and
 * rolls it back, so the report it gives is exactly what the import would do.
 */
export async function runImport(ctx: JobCtx, p: RunParams): Promise<ImportReport> {
  const started = Date.now();
  const t = translator(p.language);
  const log = new IssueLog(t);
  const table = await openTable(p.path, p.sheet);
  const base = {
    rowsTotal: 0,
    valid: 0,
    toSkip: 0,
    failed: 0,
    records: 0,
    customersCreated: 0,
    updated: 0,
    warnings: [] as string[],
    uploadId: null as string | null,
  };
  const report = (status: ImportReport['status'], stopReason: string | null, extra: Partial<typeof base> = {}): ImportReport => ({
    ...base,
    ...extra,
    status,
    stopReason,
    byCategory: log.byCategory,
    issues: log.kept.slice(0, PREVIEW_ISSUES),
    errorFileId: log.total > 0 ? p.errorFile.fileId : null,
    durationMs: Date.now() - started,
  });

  const missing = missingRequired(p.mapping, p.kind);
  if (missing.length > 0) return report('stopped', t('imp.stopMissing', { fields: missing.join(', ') }));

  const reading = startReading(table.format);
  try {
    const { headers, rowsTotal, samples, recurringInvoices } = await scan(table, p, ctx);
    const decided = samples.decide(headers, t, Boolean(p.options.preset));
    // Dates later than the shop's today (plus a day for a till whose clock runs ahead) are likely typing mistakes.
    const timeZone = ctx.sqlite.prepare('SELECT timezone FROM business').pluck().get() as string | undefined;
    const today = dateInZone(ctx.clock.now(), timeZone ?? 'Asia/Jakarta');
    const futureAfter = addDays(today, p.options.futureDays ?? 1);
    const styles: ColumnStyles = {
      headers,
      mapping: p.mapping,
      dateOrder: decided.dateOrder,
      numberStyle: decided.numberStyle,
      date1904: table.date1904,
      today,
      futureAfter,
    };
    const counts = new Outcomes();
    const uploadId = newId();
    if (!p.dryRun) write(ctx, (w) => w.insert('upload_history', historyRow(p, uploadId, ctx.userId)));
    let importer: Importer<unknown> | null = null;
    const summary = () => ({
      rowsTotal,
      valid: counts.imported + counts.updated,
      toSkip: counts.skipped,
      failed: counts.failed,
      records: importer?.records ?? 0,
      customersCreated: importer?.customersCreated ?? 0,
      updated: counts.updated,
      warnings: [...decided.warnings, ...(importer?.warnings ?? [])],
      uploadId: p.dryRun ? null : uploadId,
    });

    try {
      await writeAsync(ctx, async (w: Writer) => {
        if (p.dryRun) w.insert('upload_history', historyRow(p, uploadId, ctx.userId)); // rows need it for their upload_id; rolled back
        const env: ImportEnv = {
          w,
          sqlite: ctx.sqlite,
          log,
          t,
          options: p.options,
          uploadId,
          userId: ctx.userId,
          headerOf: (field) => headers[p.mapping[field] ?? -1] ?? '',
          mapped: (field) => p.mapping[field] !== null && p.mapping[field] !== undefined,
          recurringInvoices,
          today,
          futureAfter,
        };
        importer = importerFor(p.kind, env);
        const firstSale = ((ctx.sqlite.prepare('SELECT max(rowid) FROM transactions').pluck().get() as number | null) ?? 0) + 1;
        importInto(w, uploadId, importer.tables);
        const bulkTables = importer.bulkTables ?? [];
        const deferred = bulkTables.flatMap((bulk) => deferIndexes(ctx.sqlite, ctx.db, bulk, rowsTotal) ?? []);
        // This worker's connection lives for one import. Indexes kept up row by row need a large page
        // cache, or their pages are re-read from the WAL for every row; with them all built at the end
        // the rows only append, and a small cache does as well for 100 MB less memory.
        ctx.sqlite.pragma(`cache_size = ${deferred.length > 0 && deferred.length === bulkTables.length ? -16384 : -65536}`);
        const { unpack } = rowKinds[p.kind];
        let done = 0;
        for await (const batch of reading.rows({
          path: p.path,
          sheet: p.sheet,
          headerRow: p.headerRow,
          kind: p.kind,
          styles,
          options: p.options,
          language: p.language,
        })) {
          for (const [line, fields, issues] of batch) {
            if (issues) for (const issue of issues) log.add(issue);
            importer.row({ line, fields: unpack(fields) }, counts);
            done += 1;
            if (done % 2_000 === 0) {
              ctx.throwIfCancelled();
              ctx.progress(p.dryRun ? 'validate' : 'import', done, rowsTotal);
            }
          }
        }
        importer.finish(counts);
        w.flush(); // a row the database refuses must stop a dry run as it would the import
        ctx.progress(p.dryRun ? 'validate' : 'import', rowsTotal, rowsTotal);
        if (p.options.strict && counts.failed > 0) throw new StopImport(t('imp.stopStrict', { count: counts.failed }));
        const unchanged = importer.unchangedOrders ?? 0;
        if (counts.imported + counts.updated === 0 && unchanged > 0) throw new StopImport(t('imp.stopUnchanged', { count: unchanged }));
        if (counts.imported + counts.updated === 0)
          throw new StopImport(t(counts.failed === 0 && counts.skipped > 0 ? 'imp.stopAllSkipped' : 'imp.stopNothing'));
        if (p.dryRun) throw new DryRunDone();
        if (deferred.length > 0) {
          // Each index built sorts a million keys. SQLite shares a sort out among helper threads once
          // it spills to temporary files, which a small cache makes it do early: the two largest of a
          // million-row import's indexes then take 1.4-1.7 s instead of 2.2 s on two cores, whose
          // other one (the reading thread's) is free by now.
          ctx.sqlite.pragma('threads = 4');
          ctx.sqlite.pragma('cache_size = -4096');
        }
        for (const indexes of deferred) indexes.restore();
        // The import's sales earn their points in bulk, in its transaction, by the amounts they ended with.
        // Its sales are the rows past those the shop held before: a range of rowids, not a scan of every sale.
        if (p.kind === 'transactions')
          earnSales(w, ctx.sqlite, readLoyaltyRules(ctx.sqlite), sql<boolean>`t.rowid >= ${firstSale} AND t.upload_id = ${uploadId}`, ctx.userId, {
            db: ctx.db,
            sales: importer.records,
          });
        // Sales the shop had that the file changed, and orders it returned, earn again by what they are now.
        const reEarn = importer.salesToReEarn?.();
        if (reEarn?.size) {
          const rules = readLoyaltyRules(ctx.sqlite);
          for (const [id, why] of reEarn)
            reEarnSale(w, ctx.sqlite, rules, id, today, t(why === 'returned' ? 'loyalty.saleReturned' : 'loyalty.saleChanged'), ctx.userId);
        }
        completeHistory(ctx, w, p, { uploadId, headers, rowsTotal, counts, customersCreated: importer.customersCreated, started }, t);
      });
    } catch (error) {
      if (log.total > 0) await writeErrorReport(p.errorFile.path, log.kept, t);
      if (error instanceof DryRunDone) return report('valid', null, summary());
      if (error instanceof StopImport) {
        if (!p.dryRun) finishHistory(ctx, uploadId, 'failed', error.reason, started, t);
        return report('stopped', error.reason, { ...summary(), uploadId: p.dryRun ? null : uploadId });
      }
      if (!p.dryRun)
        finishHistory(
          ctx,
          uploadId,
          error instanceof JobCancelled ? 'cancelled' : 'failed',
          error instanceof Error ? error.message : String(error),
          started,
          t,
        );
      throw error;
    }
    if (log.total > 0) await writeErrorReport(p.errorFile.path, log.kept, t);
    return report('completed', null, summary());
  } finally {
    await reading.stop();
  }
}
