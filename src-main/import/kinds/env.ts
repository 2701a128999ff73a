import type { Translate } from '../../../src-shared/i18n/messages';
import type { ImportOptions } from '../../../src-shared/schemas/import';
import type { Sqlite } from '../../db/open';
import type { Writer } from '../../core/write';
import type { IssueLog } from '../rows/issues';
import type { RowReader } from '../rows/reader';

/** What every importer works with inside the import's transaction. */
export interface ImportEnv {
  w: Writer;
  sqlite: Sqlite;
  log: IssueLog;
  t: Translate;
  options: ImportOptions;
  uploadId: string;
  /** The header of the column a field is mapped to, for issues that concern a whole group. */
  headerOf(field: string): string;
}

export type RowOutcome = 'imported' | 'updated' | 'skipped' | 'failed';

/** A row that, under the chosen policy, must stop the whole import. */
export class StopImport extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Importer {
  /** Handle one data row; returns the outcomes settled by it (a finished invoice settles all its
   * lines at once, so there may be several, or none yet). May throw StopImport. */
  row(r: RowReader): RowOutcome[];
  /** Flush what is still pending (the last invoice's lines) and return its outcomes. */
  finish(): RowOutcome[];
  /** Records written: customers/products, or transactions after grouping lines per invoice. */
  readonly records: number;
  readonly customersCreated: number;
  readonly warnings: string[];
}
