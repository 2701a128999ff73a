import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { App } from '../../src-main/app';
import type { ImportKindName, ImportOptions, ImportReport, InspectOutput, Mapping } from '../../src-shared/schemas/import';
import { ok } from '../helpers';

/** Public data sets copied into the repository (test/fixtures/datasets/README.md names each source). */
export const DATASETS = new URL('../fixtures/datasets/', import.meta.url).pathname;

/** The wizard's steps through dispatch: upload → inspect → validate or commit. */
export async function importFile(
  app: App,
  path: string,
  kind: ImportKindName,
  options: Partial<ImportOptions> = {},
  adjust: (inspected: InspectOutput) => Mapping = (i) => i.mapping,
  mode: 'import.commit' | 'import.validate' = 'import.commit',
): Promise<{ inspected: InspectOutput; report: ImportReport }> {
  const staged = await ok(app, 'files.upload', { name: basename(path), bytes: readFileSync(path) });
  const inspected = await ok(app, 'import.inspect', { fileId: staged.fileId, kind });
  const report = await ok(app, mode, {
    fileId: staged.fileId,
    kind,
    sheet: inspected.sheet || undefined,
    headerRow: inspected.headerRow,
    mapping: adjust(inspected),
    options: { onDuplicate: 'skip', cancellations: 'exclude', amountMultiplier: 1, strict: false, ...options },
  });
  return { inspected, report };
}

/** The single value a query returns (a count, a sum, a date). */
export function scalar(app: App, sql: string, ...params: unknown[]): unknown {
  const row = app.services.sqlite.prepare(sql).get(...params) as Record<string, unknown>;
  return Object.values(row)[0];
}
