import { setTimeout as sleep } from 'node:timers/promises';
import type { Language, Role } from '../../src-shared/schemas/auth';
import type { ExportFormat, ExportHistoryRow, ExportOptions } from '../../src-shared/schemas/export';
import type { Ctx, WriteCtx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';
import { findReport } from './registry';
import { words } from './report';
import { sqliteErrorCode } from '../db/errors';

export interface ExportRecord {
  report: string;
  format: ExportFormat;
  fileName: string;
  filters: Record<string, unknown>;
  options: Omit<ExportOptions, 'format'>;
  rows: number;
  bytes: number;
  durationMs: number;
  status: 'completed' | 'failed' | 'cancelled';
  error: string | null;
}

const isBusy = (error: unknown) => sqliteErrorCode(error) === 'SQLITE_BUSY';

/**
 * The export's history row and its activity-log entry, in one transaction. An import holding the
 * write lock for longer than the busy timeout must not turn a finished export into a failed one, so
 * a busy database is waited for (this runs in the export's worker, not the main thread).
 */
export async function recordExport(ctx: WriteCtx, record: ExportRecord): Promise<void> {
  const id = newId();
  for (let attempt = 1; ; attempt++) {
    try {
      write(ctx, (w) => {
        w.insert('export_history', {
          id,
          report: record.report,
          format: record.format,
          file_name: record.fileName,
          filters: JSON.stringify(record.filters),
          options: JSON.stringify(record.options),
          rows: record.rows,
          bytes: record.bytes,
          duration_ms: record.durationMs,
          status: record.status,
          error: record.error,
          user_id: ctx.userId,
        });
        w.log({
          action: `export.${record.status}`,
          entity: 'export_history',
          entityId: id,
          details: { report: record.report, format: record.format, rows: record.rows, bytes: record.bytes },
        });
      });
      return;
    } catch (error) {
      if (!isBusy(error) || attempt >= 24) throw error;
      await sleep(1_000);
    }
  }
}

/** A report's name in the language; a report this version no longer has keeps its id. */
function reportName(id: string, language: Language): string {
  const report = findReport(id);
  return report ? words(report.name, language) : id;
}

/** Past exports, newest first; staff see their own only. */
export async function exportHistory(
  ctx: Ctx,
  page: number,
  pageSize: number,
): Promise<{ rows: ExportHistoryRow[]; total: number; page: number; pageSize: number }> {
  const role: Role | undefined = ctx.user?.role;
  let base = ctx.db.selectFrom('export_history as e');
  if (role === 'staff') base = base.where('e.user_id', '=', ctx.userId);
  const [rows, count] = await Promise.all([
    base
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .select([
        'e.id',
        'e.report',
        'e.format',
        'e.file_name',
        'e.filters',
        'e.rows',
        'e.bytes',
        'e.duration_ms',
        'e.status',
        'e.error',
        'e.created_at',
        'u.name as user_name',
      ])
      .orderBy('e.created_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      report: r.report,
      reportName: reportName(r.report, ctx.language),
      format: r.format,
      fileName: r.file_name,
      filters: JSON.parse(r.filters) as Record<string, unknown>,
      rows: r.rows,
      bytes: r.bytes,
      durationMs: r.duration_ms,
      status: r.status,
      error: r.error,
      userName: r.user_name,
      createdAt: r.created_at,
    })),
    total: Number(count.n),
    page,
    pageSize,
  };
}
