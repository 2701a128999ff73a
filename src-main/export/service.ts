import type { z } from 'zod';
import { AppError } from '../../src-shared/errors';
import type { exportPreviewInput, ExportPreview, exportRunInput, ReportInfo } from '../../src-shared/schemas/export';
import type { Ctx } from '../core/context';
import { parseInput } from '../core/validation';
import { stagePath } from '../files/staging';
import { shopToday } from '../business/today';
import { findReport, REPORTS } from './registry';
import { words, type Report } from './report';
import { chooseColumns } from './rows';

function forbiddenReason(ctx: Ctx, report: Report): string | null {
  const role = ctx.user?.role;
  if (role && report.roles.includes(role)) return null;
  return ctx.t('exp.forbidden', { role: ctx.t(`role.${role ?? 'staff'}`), report: words(report.name, ctx.language) });
}

/** The report, its filters checked by its own schema, and the caller allowed to export it. */
function checked(ctx: Ctx, id: string, filters: Record<string, unknown>): { report: Report; filters: Record<string, unknown> } {
  const report = findReport(id);
  if (!report) throw new AppError('NOT_FOUND', ctx.t('err.notFound', { entity: id }));
  const reason = forbiddenReason(ctx, report);
  if (reason) throw new AppError('FORBIDDEN', reason, { report: id });
  return { report, filters: parseInput(report.filters, filters, ctx.language, ['filters']) as Record<string, unknown> };
}

/** What the Laporan page and the lists' export buttons offer, in the caller's language. */
export function exportReports(ctx: Ctx): ReportInfo[] {
  return REPORTS.map((report) => {
    const reason = forbiddenReason(ctx, report);
    return {
      id: report.id,
      name: words(report.name, ctx.language),
      group: report.group,
      columns: report.columns.map((c) => ({ key: c.key, label: words(c.label, ctx.language), type: c.type, listKey: c.listKey ?? c.key })),
      filters: Object.keys(report.filters.shape),
      allowed: reason === null,
      reason,
    };
  });
}

/** The first rows, the row count and the totals: a job, since counting a million rows takes a while. */
export async function previewExport(ctx: Ctx, input: z.output<typeof exportPreviewInput>): Promise<ExportPreview> {
  const { report, filters } = checked(ctx, input.report, input.filters);
  return ctx.jobs.run('export.preview', { report: report.id, filters, language: ctx.language }, ctx.userId, ctx.clientId).done;
}

/** Write the file in a job (progress, cancel); the renderer then asks files.download for it. */
export async function runExport(ctx: Ctx, input: z.output<typeof exportRunInput>) {
  const { report, filters } = checked(ctx, input.report, input.filters);
  chooseColumns(report, input.columns, ctx.t);
  const file = stagePath(ctx.dbPath, `${words(report.file, ctx.language)}-${await shopToday(ctx)}`, input.format, { owner: ctx.userId, report: report.id });
  const options = { format: input.format, columns: input.columns, separator: input.separator, dateStyle: input.dateStyle };
  const { done } = ctx.jobs.run(
    'export.run',
    { report: report.id, filters, language: ctx.language, options, file: { fileId: file.fileId, path: file.path, name: file.name }, dbPath: ctx.dbPath },
    ctx.userId,
    ctx.clientId,
  );
  return done;
}
