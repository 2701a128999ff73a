/** An import's row in `upload_history`: opened as processing, then completed, failed or cancelled. */
import type { Translate } from '../../src-shared/i18n/messages';
import type { JobCtx } from '../jobs/types';
import { write, type Writer } from '../core/write';
import type { Outcomes } from './kinds/env';
import { rememberMapping } from './mappings';
import { mappingSignature } from './normalize/headers';
import type { RunParams } from './run';

export function historyRow(p: RunParams, uploadId: string, userId: string | null) {
  return {
    id: uploadId,
    kind: p.kind,
    file_name: p.fileName,
    file_hash: p.fileHash,
    file_size: p.fileSize,
    sheet: p.sheet ?? null,
    status: 'processing' as const,
    rows_total: 0,
    rows_imported: 0,
    rows_skipped: 0,
    rows_failed: 0,
    customers_created: 0,
    options: JSON.stringify({ ...p.options, headerRow: p.headerRow }),
    user_id: userId,
  };
}

export function finishHistory(ctx: JobCtx, uploadId: string, status: 'failed' | 'cancelled', error: string, started: number, t: Translate): void {
  write(ctx, (w) => {
    w.update(
      'upload_history',
      uploadId,
      { status, error, duration_ms: Date.now() - started, finished_at: w.now },
      t('err.notFound', { entity: t('entity.upload') }),
    );
    w.log({ action: `import.${status}`, entity: 'upload_history', entityId: uploadId, details: { error } });
  });
}

/** Inside the import's write: the row completed with its counts, and the mapping remembered for the next file with these headers. */
export function completeHistory(
  ctx: JobCtx,
  w: Writer,
  p: RunParams,
  run: { uploadId: string; headers: string[]; rowsTotal: number; counts: Outcomes; customersCreated: number; started: number },
  t: Translate,
): void {
  const { uploadId, counts } = run;
  w.update(
    'upload_history',
    uploadId,
    {
      status: 'completed',
      rows_total: run.rowsTotal,
      rows_imported: counts.imported + counts.updated,
      rows_skipped: counts.skipped,
      rows_failed: counts.failed,
      customers_created: run.customersCreated,
      duration_ms: Date.now() - run.started,
      finished_at: w.now,
    },
    t('err.notFound', { entity: t('entity.upload') }),
  );
  rememberMapping(ctx, p.kind, mappingSignature(run.headers), p.mapping, w.now);
  w.log({
    action: 'import.completed',
    entity: 'upload_history',
    entityId: uploadId,
    details: { kind: p.kind, file: p.fileName, imported: counts.imported, updated: counts.updated, skipped: counts.skipped, failed: counts.failed },
  });
}
